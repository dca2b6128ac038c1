/* lucas.c: reduction modulo 2^p - 1 by shifts and adds, and the
 * Lucas-Lehmer test (chapter sections 8 and 9). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
/* Below this exponent the test squares with mp_mul and reduces by shifts
 * and adds; from it on, the weighted transform of fft.c does both. */
enum { FFT_LL_MIN_P = 600 };

static size_t bit_length(const uint64_t *a, size_t n)
{
    n = limbs_norm(a, n);
    return n == 0 ? 0 : 64 * n - (size_t)__builtin_clzll(a[n - 1]);
}

/* dst (m limbs) = bits [start, start + count) of (a, na), count <= 64 m. */
static void get_bits(const uint64_t *a, size_t na, uint64_t start, uint64_t count, uint64_t *dst,
                     size_t m)
{
    size_t limb = (size_t)(start / 64);
    unsigned shift = (unsigned)(start % 64);
    for (size_t i = 0; i < m; i++, limb++) {
        uint64_t low = limb < na ? a[limb] : 0;
        uint64_t high = limb + 1 < na ? a[limb + 1] : 0;
        dst[i] = shift ? low >> shift | high << (64 - shift) : low;
    }
    if (count >= 64 * (uint64_t)m)
        return;
    size_t full = (size_t)(count / 64);
    unsigned top = (unsigned)(count % 64);
    if (top)
        dst[full++] &= ((uint64_t)1 << top) - 1;
    for (size_t i = full; i < m; i++)
        dst[i] = 0;
}

/* r (m + 1 limbs, m = ceil(p / 64)) = a mod 2^p - 1, fully reduced; a has
 * at least one bit at p or above. chunk is m limbs of scratch. */
static void reduce_mersenne(const uint64_t *a, size_t na, uint64_t p, uint64_t *r,
                            uint64_t *chunk)
{
    size_t m = (size_t)((p + 63) / 64);
    size_t bits = bit_length(a, na);
    memset(r, 0, (m + 1) * sizeof *r);
    for (uint64_t start = 0; start < bits; start += p) {
        get_bits(a, na, start, p, chunk, m);
        r[m] += limbs_add_n(r, r, chunk, m);
    }
    /* Fold what lies at bit p and above back to bit 0 until nothing does. */
    while (bit_length(r, m + 1) > p) {
        get_bits(r, m + 1, p, 64 * (m + 1) - p, chunk, m); /* below 2^58: sums of < 2^58 pieces */
        get_bits(r, m + 1, 0, p, r, m);
        r[m] = limbs_add_n(r, r, chunk, m);
    }
    /* 2^p - 1 itself is 0. */
    if (bit_length(r, m + 1) == p) {
        size_t ones = 0;
        while (ones < p && (r[ones / 64] >> (ones % 64) & 1))
            ones++;
        if (ones == p)
            memset(r, 0, (m + 1) * sizeof *r);
    }
}

static int is_prime_u64(uint64_t n)
{
    if (n < 2)
        return 0;
    for (uint64_t d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

/* s = s - 2 mod 2^p - 1, s reduced (m limbs). */
static void minus_two(uint64_t *s, size_t m, uint64_t p)
{
    if (limbs_norm(s, m) <= 1 && s[0] < 2) { /* s + 2^p - 1 - 2 */
        uint64_t small = s[0];
        memset(s, 0xff, m * sizeof *s);
        if (p % 64)
            s[m - 1] = ((uint64_t)1 << (p % 64)) - 1;
        limbs_sub_1(s, m, 2 - small);
        return;
    }
    limbs_sub_1(s, m, 2);
}

/* The test by squaring with limbs_mul and reducing by shifts and adds. */
static mp_status lucas_lehmer_plain(uint64_t p, int *is_prime)
{
    size_t m = (size_t)((p + 63) / 64);
    uint64_t *s = calloc(5 * m + 2, sizeof *s);
    if (!s)
        return MP_ERR_NOMEM;
    uint64_t *square = s + m + 1, *chunk = square + 2 * m + 1;
    s[0] = 4;
    mp_status status = MP_OK;
    for (uint64_t i = 0; i + 2 < p && status == MP_OK; i++) {
        size_t n = limbs_norm(s, m);
        if (n == 0) {
            minus_two(s, m, p);
            continue;
        }
        status = limbs_mul(square, s, n, s, n);
        if (status == MP_OK) {
            reduce_mersenne(square, 2 * n, p, s, chunk);
            minus_two(s, m, p);
        }
    }
    *is_prime = limbs_norm(s, m) == 0;
    free(s);
    return status;
}

// END SOLUTION
mp_status mp_mod_mersenne(const uint64_t *a, size_t na, uint64_t p, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    // TODO: check the arguments (p >= 2); cut a into p-bit pieces and add
    //   them (2^p = 1 modulo 2^p - 1), fold the sum's bits at p and above
    //   back until it has p bits, and map 2^p - 1 itself to 0.
    // STUB: (void)a; (void)na; (void)p; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!n_out || p < 2 || (na > 0 && !a))
        return MP_ERR_ARG;
    na = limbs_norm(a, na);
    size_t bits = bit_length(a, na);
    if (bits < p) { /* already reduced */
        *n_out = na;
        if (na > cap)
            return MP_ERR_SPACE;
        if (na > 0 && !out)
            return MP_ERR_ARG;
        if (na > 0)
            memcpy(out, a, na * sizeof *a);
        return MP_OK;
    }
    size_t m = (size_t)((p + 63) / 64); /* p <= bits: m <= na */
    uint64_t *r = malloc((2 * m + 1) * sizeof *r);
    if (!r)
        return MP_ERR_NOMEM;
    reduce_mersenne(a, na, p, r, r + m + 1);
    mp_status status = limbs_emit(r, m + 1, out, cap, n_out);
    free(r);
    return status;
    // END SOLUTION
}

mp_status mp_lucas_lehmer(uint64_t p, int *is_prime)
{
    // TODO: check the arguments (2 <= p <= MP_LL_MAX_P); p = 2 and composite
    //   p need no test; otherwise s = 4 and p - 2 times s = s^2 - 2 modulo
    //   2^p - 1 (your multiplication and mp_mod_mersenne's reduction), prime
    //   iff s ends at 0.
    // STUB: (void)p; (void)is_prime;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!is_prime || p < 2 || p > MP_LL_MAX_P)
        return MP_ERR_ARG;
    if (p == 2 || !is_prime_u64(p)) {
        *is_prime = p == 2;
        return MP_OK;
    }
    if (p >= FFT_LL_MIN_P) {
        mp_status status = fft_lucas_lehmer(p, is_prime);
        if (status != MP_ERR_PRECISION)
            return status;
    }
    return lucas_lehmer_plain(p, is_prime);
    // END SOLUTION
}
