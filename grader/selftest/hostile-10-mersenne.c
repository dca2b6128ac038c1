/* hostile-10-mersenne.c: a deliberately broken "student" for lesson 10.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-10-mersenne.h). grader/selftest/run.sh
 * grades this and checks that each misbehaviour costs exactly the tests it
 * breaks, with the right message, in bounded time.
 * expected-10-mersenne.tsv lists the outcome of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rename-10-mersenne.h"
#include "mersenne.h" /* declares the real_* functions */
#undef mp_status_str
#undef mp_digit_count
#undef mp_last_digits
#undef mp_first_digits
#undef mp_compare
#undef mp_add
#undef mp_sub
#undef mp_mul_schoolbook
#undef mp_mul_karatsuba
#undef mp_mul
#undef mp_mod_mersenne
#undef mp_lucas_lehmer
#undef mp_to_decimal
#undef mp_from_decimal
#undef mp_benford_counts

__extension__ typedef unsigned __int128 u128;

const char *mp_status_str(mp_status status)
{
    return real_mp_status_str(status);
}

/* floor(p log10 2) + 1 in double precision: right unless p log10 2 lies
 * within about 10^-9 of an integer. */
mp_status mp_digit_count(uint64_t p, uint64_t *digits)
{
    if (p == 0 || p >= (uint64_t)1 << 40 || !digits)
        return MP_ERR_ARG;
    *digits = (uint64_t)floor((double)p * 0.30102999566398120) + 1;
    return MP_OK;
}

/* (2^p mod 10^k) + 10^k - 1 overflows 64 bits when k = 19. */
mp_status mp_last_digits(uint64_t p, unsigned k, char *out)
{
    if (k != 19 || p == 0 || !out)
        return real_mp_last_digits(p, k, out);
    const uint64_t m = 10000000000000000000u;
    uint64_t x = 1, b = 2;
    for (uint64_t e = p; e; e >>= 1, b = (uint64_t)((u128)b * b % m))
        if (e & 1)
            x = (uint64_t)((u128)x * b % m);
    x = (x + m - 1) % m;
    for (unsigned i = k; i-- > 0; x /= 10)
        out[i] = (char)('0' + x % 10);
    out[k] = '\0';
    return MP_OK;
}

/* Large p from 10^frac(p log10 2) in long double: some 18 digits at best. */
mp_status mp_first_digits(uint64_t p, unsigned k, char *out)
{
    if (p <= 5000 || p >= (uint64_t)1 << 40 || k == 0 || k > 20 || !out)
        return real_mp_first_digits(p, k, out);
    long double x = (long double)p * 0.301029995663981195213738894724493027L;
    long double v = powl(10.0L, x - floorl(x));
    for (unsigned i = 0; i < k; i++) {
        int d = (int)v;
        out[i] = (char)('0' + d);
        v = (v - d) * 10;
    }
    out[k] = '\0';
    return MP_OK;
}

/* Compares the given lengths before dropping leading zero limbs. */
int mp_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    return real_mp_compare(a, na, b, nb);
}

/* Loses the carry out of the top limb when both have the same length. */
mp_status mp_add(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    mp_status s = real_mp_add(a, na, b, nb, out, cap, n_out);
    if (s == MP_OK && na == nb && na > 0 && *n_out == na + 1) {
        size_t n = na;
        while (n > 0 && out[n - 1] == 0)
            n--;
        *n_out = n;
    }
    return s;
}

/* Asks for room for na limbs even when the difference is shorter. */
mp_status mp_sub(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    if (a && b && out && n_out && nb <= na && cap < na) {
        *n_out = na;
        return MP_ERR_SPACE;
    }
    return real_mp_sub(a, na, b, nb, out, cap, n_out);
}

/* Writes all na + nb limbs of the product, whatever cap says. */
mp_status mp_mul_schoolbook(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            uint64_t *out, size_t cap, size_t *n_out)
{
    if (!a || !b || !out || !n_out || na == 0 || nb == 0 || na + nb > 64)
        return real_mp_mul_schoolbook(a, na, b, nb, out, cap, n_out);
    uint64_t r[64];
    size_t n = 0;
    mp_status s = real_mp_mul_schoolbook(a, na, b, nb, r, 64, &n);
    memset(r + n, 0, (na + nb - n) * sizeof *r);
    memcpy(out, r, (na + nb) * sizeof *r);
    *n_out = n;
    return n > cap ? MP_ERR_SPACE : s;
}

/* "Karatsuba" that is the schoolbook product at every size. */
mp_status mp_mul_karatsuba(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           uint64_t *out, size_t cap, size_t *n_out)
{
    return real_mp_mul_schoolbook(a, na, b, nb, out, cap, n_out);
}

/* Gives up on large operands. */
mp_status mp_mul(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    if (na + nb >= (size_t)1 << 18) {
        fprintf(stderr, "mp_mul: too large, giving up\n");
        exit(2);
    }
    return real_mp_mul(a, na, b, nb, out, cap, n_out);
}

/* Leaves 2^p - 1 (and its multiples) as 2^p - 1 instead of 0. */
mp_status mp_mod_mersenne(const uint64_t *a, size_t na, uint64_t p, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    mp_status s = real_mp_mod_mersenne(a, na, p, out, cap, n_out);
    int zero = 1;
    for (size_t i = 0; i < na && a; i++)
        zero &= a[i] == 0;
    if (s != MP_OK || *n_out != 0 || zero || p > 4096)
        return s;
    size_t n = (size_t)((p + 63) / 64);
    *n_out = n;
    if (n > cap)
        return MP_ERR_SPACE;
    for (size_t i = 0; i < n; i++)
        out[i] = ~(uint64_t)0;
    if (p % 64)
        out[n - 1] = ((uint64_t)1 << (p % 64)) - 1;
    return s;
}

/* The exponent truncated to 32 bits, and p - 1 squarings for small p. */
mp_status mp_lucas_lehmer(uint64_t p, int *is_prime)
{
    unsigned q = (unsigned)p;
    if (q < 3 || q > 63 || !is_prime || q % 2 == 0)
        return real_mp_lucas_lehmer(q, is_prime);
    u128 m = ((u128)1 << q) - 1, s = 4;
    for (unsigned i = 0; i + 1 < q; i++)
        s = (s * s % m + m - 2) % m;
    *is_prime = s == 0;
    return MP_OK;
}

/* Small numbers 19 digits at a time, without the zeros that pad the
 * inner pieces. */
mp_status mp_to_decimal(const uint64_t *a, size_t na, char *out, size_t cap, size_t *len)
{
    if (!a || !out || !len || na == 0 || na > 4)
        return real_mp_to_decimal(a, na, out, cap, len);
    uint64_t q[4], pieces[10];
    memcpy(q, a, na * sizeof *q);
    size_t n = na, count = 0;
    while (n > 0 && q[n - 1] == 0)
        n--;
    if (n == 0)
        return real_mp_to_decimal(a, na, out, cap, len);
    while (n > 0) {
        uint64_t rem = 0;
        for (size_t i = n; i-- > 0;) {
            u128 x = (u128)rem << 64 | q[i];
            q[i] = (uint64_t)(x / 10000000000000000000u);
            rem = (uint64_t)(x % 10000000000000000000u);
        }
        pieces[count++] = rem;
        while (n > 0 && q[n - 1] == 0)
            n--;
    }
    char text[200];
    size_t used = 0;
    while (count-- > 0)
        used += (size_t)snprintf(text + used, sizeof text - used, "%llu",
                                 (unsigned long long)pieces[count]);
    *len = used;
    if (used + 1 > cap)
        return MP_ERR_SPACE;
    memcpy(out, text, used + 1);
    return MP_OK;
}

/* A sign or a space before the digits is skipped, as strtoull would. */
mp_status mp_from_decimal(const char *digits, size_t len, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    if (digits && len > 1 && (digits[0] == '+' || digits[0] == ' '))
        return real_mp_from_decimal(digits + 1, len - 1, out, cap, n_out);
    return real_mp_from_decimal(digits, len, out, cap, n_out);
}

/* Says what it is about to do, without a newline, and writes through a
 * pointer it never set: a crash whose output must survive. */
mp_status mp_benford_counts(uint64_t n_max, uint64_t counts[10])
{
    if (n_max == 12345678) {
        volatile uint64_t *nowhere = (volatile uint64_t *)(uintptr_t)64;
        printf("counting to %llu", (unsigned long long)n_max);
        *nowhere = n_max;
    }
    return real_mp_benford_counts(n_max, counts);
}
