/* decimal.c: a big number to decimal digits and back, by divide and
 * conquer with the powers 10^(19 2^k) (chapter section 11). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
#define TEN_19 10000000000000000000u /* the largest power of 10 in a limb */
enum { CHUNK_DIGITS = 19 };

/* At most this many limbs go digit-chunk by digit-chunk (quadratic). */
enum { BASECASE_LIMBS = 24 };

/* Divisors from this many limbs on are divided by Barrett's method with a
 * reciprocal from Newton's iteration; shorter ones by long division. */
enum { NEWTON_LIMBS = 48 };

static mp_status reciprocal(const uint64_t *d, size_t n, uint64_t *mu);

/* 10^(19 2^k) for k = 0 .. count - 1. */
typedef struct {
    uint64_t *limbs[64];
    size_t length[64];
    uint64_t *reciprocal[64]; /* floor(B^(2n) / 10^(19 2^k)), n = length; or NULL */
    int count;
} powers;

static void powers_free(powers *table)
{
    for (int k = 0; k < table->count; k++) {
        free(table->limbs[k]);
        free(table->reciprocal[k]);
    }
    table->count = 0;
}

/* Fills the table up to 10^(19 2^(count - 1)). */
static mp_status powers_make(powers *table, int count)
{
    table->count = 0;
    for (int k = 0; k < count; k++) {
        size_t n = k == 0 ? 1 : 2 * table->length[k - 1];
        uint64_t *p = malloc(n * sizeof *p);
        if (!p) {
            powers_free(table);
            return MP_ERR_NOMEM;
        }
        mp_status status = MP_OK;
        if (k == 0)
            p[0] = TEN_19;
        else
            status = limbs_mul(p, table->limbs[k - 1], table->length[k - 1], table->limbs[k - 1],
                               table->length[k - 1]);
        table->limbs[k] = p;
        table->length[k] = limbs_norm(p, n);
        table->reciprocal[k] = NULL;
        table->count = k + 1;
        if (status == MP_OK && table->length[k] >= NEWTON_LIMBS) {
            size_t length = table->length[k];
            table->reciprocal[k] = malloc((length + 1) * sizeof *p);
            status = table->reciprocal[k] ? reciprocal(p, length, table->reciprocal[k])
                                          : MP_ERR_NOMEM;
        }
        if (status != MP_OK) {
            powers_free(table);
            return status;
        }
    }
    return MP_OK;
}

/* a (n limbs) /= d in place, the remainder returned. */
static uint64_t divide_1(uint64_t *a, size_t n, uint64_t d)
{
    u128 rest = 0;
    for (size_t i = n; i-- > 0;) {
        u128 cur = rest << 64 | a[i];
        a[i] = (uint64_t)(cur / d);
        rest = cur % d;
    }
    return (uint64_t)rest;
}

/* r (n limbs) -= a (n limbs) * b, the borrow limb out. */
static uint64_t submul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b)
{
    uint64_t borrow = 0;
    for (size_t i = 0; i < n; i++) {
        u128 t = (u128)a[i] * b + borrow;
        uint64_t low = (uint64_t)t;
        borrow = (uint64_t)(t >> 64) + (r[i] < low);
        r[i] -= low;
    }
    return borrow;
}

/* q (na - nb + 1 limbs) and r (nb limbs) = a / b, a mod b, by long division
 * (Knuth's algorithm D); b normalised with nb >= 2, na >= nb. */
static mp_status divide(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *q,
                        uint64_t *r)
{
    uint64_t *work = malloc((na + 1 + nb) * sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *u = work, *v = work + na + 1;
    unsigned shift = (unsigned)__builtin_clzll(b[nb - 1]);
    for (size_t i = nb; i-- > 0;)
        v[i] = b[i] << shift | (shift && i ? b[i - 1] >> (64 - shift) : 0);
    u[na] = shift ? a[na - 1] >> (64 - shift) : 0;
    for (size_t i = na; i-- > 0;)
        u[i] = a[i] << shift | (shift && i ? a[i - 1] >> (64 - shift) : 0);
    uint64_t top = v[nb - 1], next = v[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        u128 numerator = (u128)u[j + nb] << 64 | u[j + nb - 1];
        u128 qhat = numerator / top;
        if (qhat > UINT64_MAX)
            qhat = UINT64_MAX;
        u128 rhat = numerator - qhat * top;
        while (rhat <= UINT64_MAX && qhat * next > (rhat << 64 | u[j + nb - 2])) {
            qhat--;
            rhat += top;
        }
        uint64_t high = u[j + nb], borrow = submul_1(u + j, v, nb, (uint64_t)qhat);
        u[j + nb] = high - borrow;
        if (high < borrow) { /* qhat was one too large: add v back */
            qhat--;
            u[j + nb] += limbs_add_n(u + j, u + j, v, nb);
        }
        q[j] = (uint64_t)qhat;
    }
    for (size_t i = 0; i < nb; i++)
        r[i] = u[i] >> shift | (shift ? u[i + 1] << (64 - shift) : 0);
    free(work);
    return MP_OK;
}

/* r (na + nb limbs, all written) = a b; leading zero limbs allowed. */
static mp_status multiply(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t used_a = limbs_norm(a, na), used_b = limbs_norm(b, nb), used = 0;
    mp_status status = MP_OK;
    if (used_a > 0 && used_b > 0) {
        status = limbs_mul(r, a, used_a, b, used_b);
        used = used_a + used_b;
    }
    memset(r + used, 0, (na + nb - used) * sizeof *r);
    return status;
}

/* Compares (a, na) with B^k. */
static int compare_power(const uint64_t *a, size_t na, size_t k)
{
    na = limbs_norm(a, na);
    if (na != k + 1)
        return na < k + 1 ? -1 : 1;
    if (a[k] != 1)
        return 1;
    return limbs_norm(a, k) ? 1 : 0;
}

/* mu (n + 1 limbs) = floor(B^(2n) / d), d of n >= 2 limbs with a non-zero
 * top limb. Small n by long division; otherwise mu0 from the reciprocal of
 * d's top h limbs (h a little over n / 2, so mu0 has half the precision),
 * one Newton step mu1 = 2 mu0 - mu0^2 d / B^(2n) (which doubles it), and
 * the last few units corrected with mu1 d against B^(2n). */
static mp_status reciprocal(const uint64_t *d, size_t n, uint64_t *mu)
{
    if (n < NEWTON_LIMBS) {
        uint64_t *work = calloc((2 * n + 1) + (n + 2) + n, sizeof *work);
        if (!work)
            return MP_ERR_NOMEM;
        work[2 * n] = 1;
        mp_status status = divide(work, 2 * n + 1, d, n, work + 2 * n + 1, work + 3 * n + 3);
        memcpy(mu, work + 2 * n + 1, (n + 1) * sizeof *mu);
        free(work);
        return status;
    }
    size_t h = (n + 3) / 2 + 1;
    size_t big = 3 * n + 4;
    uint64_t *work = calloc(4 * big, sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *mu0 = work, *square = work + big, *product = work + 2 * big, *rest = work + 3 * big;
    mp_status status = reciprocal(d + n - h, h, mu0 + n - h); /* mu0 = mu_h B^(n-h) */
    if (status == MP_OK)
        status = multiply(square, mu0, n + 1, mu0, n + 1);
    if (status == MP_OK)
        status = multiply(product, square, 2 * n + 2, d, n);
    if (status == MP_OK) { /* mu1 = 2 mu0 - floor(product / B^(2n)), in rest */
        memset(rest, 0, (n + 2) * sizeof *rest);
        rest[n + 1] = limbs_add_n(rest, mu0, mu0, n + 1);
        limbs_sub_n(rest, rest, product + 2 * n, n + 2);
        status = multiply(product, rest, n + 2, d, n);
    }
    if (status == MP_OK) {
        while (compare_power(product, 2 * n + 2, 2 * n) > 0) {
            limbs_sub_1(rest, n + 2, 1);
            limbs_sub_1(product + n, n + 2, limbs_sub_n(product, product, d, n));
        }
        /* square = B^(2n) - product, then up while it is at least d */
        memset(square, 0, (2 * n + 1) * sizeof *square);
        square[2 * n] = 1;
        limbs_sub_n(square, square, product, 2 * n + 1);
        while (mp_compare(square, 2 * n + 1, d, n) >= 0) {
            limbs_add_1(rest, n + 2, 1);
            limbs_sub_1(square + n, n + 1, limbs_sub_n(square, square, d, n));
        }
        memcpy(mu, rest, (n + 1) * sizeof *mu);
    }
    free(work);
    return status;
}

/* q (nx - n + 1 limbs) and r (n limbs) = x / d and x mod d for x < B^(2n)
 * (n <= nx <= 2n), by Barrett's method with mu = floor(B^(2n) / d): the
 * estimate floor(floor(x / B^(n-1)) mu / B^(n+1)) is at most 2 too small. */
static mp_status divide_barrett(const uint64_t *x, size_t nx, const uint64_t *d, size_t n,
                                const uint64_t *mu, uint64_t *q, uint64_t *r)
{
    size_t nh = nx - n + 1, nq = nh;
    uint64_t *work = malloc((nh + n + 1 + nx + 1) * sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *t = work, *rem = work + nh + n + 1;
    mp_status status = multiply(t, x + n - 1, nh, mu, n + 1);
    if (status == MP_OK) {
        memcpy(q, t + n + 1, nq * sizeof *q);
        status = multiply(rem, q, nq, d, n); /* nq + n = nx + 1 limbs */
    }
    if (status == MP_OK) {
        uint64_t *x_minus = t; /* reuse: x - q d, nx + 1 limbs */
        memcpy(x_minus, x, nx * sizeof *x);
        x_minus[nx] = 0;
        limbs_sub_n(x_minus, x_minus, rem, nx + 1);
        while (mp_compare(x_minus, nx + 1, d, n) >= 0) {
            limbs_sub_1(x_minus + n, nx + 1 - n, limbs_sub_n(x_minus, x_minus, d, n));
            limbs_add_1(q, nq, 1);
        }
        memcpy(r, x_minus, n * sizeof *r);
    }
    free(work);
    return status;
}

/* Writes x (n limbs, n <= BASECASE_LIMBS or so) as exactly width digits
 * with leading zeros, 19 digits per division by 10^19. */
static mp_status digits_basecase(const uint64_t *x, size_t n, char *out, size_t width)
{
    uint64_t copy[BASECASE_LIMBS * 2 + 2];
    memcpy(copy, x, n * sizeof *x);
    n = limbs_norm(copy, n);
    for (size_t end = width; end > 0;) {
        uint64_t chunk = n ? divide_1(copy, n, TEN_19) : 0;
        n = limbs_norm(copy, n);
        for (int i = 0; i < CHUNK_DIGITS && end > 0; i++) {
            out[--end] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    }
    return MP_OK;
}

/* Writes x < 10^(19 2^level) as exactly 19 2^level digits. */
static mp_status digits_rec(const uint64_t *x, size_t n, int level, const powers *table,
                            char *out)
{
    size_t width = (size_t)CHUNK_DIGITS << level;
    n = limbs_norm(x, n);
    if (n <= BASECASE_LIMBS || level == 0)
        return digits_basecase(x, n, out, width);
    const uint64_t *d = table->limbs[level - 1];
    size_t nd = table->length[level - 1];
    size_t half = width / 2;
    if (n < nd) { /* x < 10^half: the high half is all zeros */
        memset(out, '0', half);
        return digits_rec(x, n, level - 1, table, out + half);
    }
    uint64_t *q = malloc((n - nd + 1 + nd) * sizeof *q);
    if (!q)
        return MP_ERR_NOMEM;
    uint64_t *r = q + n - nd + 1;
    const uint64_t *mu = table->reciprocal[level - 1];
    mp_status status = mu ? divide_barrett(x, n, d, nd, mu, q, r) : divide(x, n, d, nd, q, r);
    if (status == MP_OK)
        status = digits_rec(q, n - nd + 1, level - 1, table, out);
    if (status == MP_OK)
        status = digits_rec(r, nd, level - 1, table, out + half);
    free(q);
    return status;
}

/* The number of digits 19 2^level of the smallest block that holds any
 * number of n limbs: 10^(19 2^level) > 2^(64 n). */
static int level_for(size_t n)
{
    int level = 0;
    while (((size_t)CHUNK_DIGITS << level) * 3321928 / 1000000 < 64 * n + 1)
        level++;
    return level;
}

/* x = the number written by digits s[0 .. len), len <= 19 each chunk. */
static uint64_t chunk_value(const char *s, size_t len)
{
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (uint64_t)(s[i] - '0');
    return v;
}

/* r (n limbs: enough for len digits) = the number s[0 .. len). */
static mp_status from_rec(const char *s, size_t len, const powers *table, uint64_t *r, size_t n)
{
    memset(r, 0, n * sizeof *r);
    if (len <= (size_t)CHUNK_DIGITS * BASECASE_LIMBS) {
        size_t used = 0, first = len % CHUNK_DIGITS ? len % CHUNK_DIGITS : CHUNK_DIGITS;
        for (size_t at = 0; at < len; at += first, first = CHUNK_DIGITS) {
            /* r = r 10^19 + chunk */
            uint64_t high = 0;
            for (size_t i = 0; i < used; i++) {
                u128 t = (u128)r[i] * TEN_19 + high;
                r[i] = (uint64_t)t;
                high = (uint64_t)(t >> 64);
            }
            if (high)
                r[used++] = high;
            uint64_t c = chunk_value(s + at, first);
            if (used == 0 && c)
                used = 1, r[0] = c;
            else if (c && limbs_add_1(r, used, c))
                r[used++] = 1;
        }
        return MP_OK;
    }
    int level = 0;
    while (((size_t)CHUNK_DIGITS << (level + 1)) < len)
        level++;
    size_t low_len = (size_t)CHUNK_DIGITS << level, high_len = len - low_len;
    const uint64_t *d = table->limbs[level];
    size_t nd = table->length[level];
    size_t nh = high_len / 19 + 2, nl = low_len / 19 + 2;
    uint64_t *high = malloc((nh + nl + nh + nd) * sizeof *high);
    if (!high)
        return MP_ERR_NOMEM;
    uint64_t *low = high + nh, *product = low + nl;
    mp_status status = from_rec(s, high_len, table, high, nh);
    if (status == MP_OK)
        status = from_rec(s + high_len, low_len, table, low, nl);
    size_t used_high = limbs_norm(high, nh);
    if (status == MP_OK && used_high > 0) {
        status = limbs_mul(product, high, used_high, d, nd);
        size_t np = limbs_norm(product, used_high + nd);
        if (np > n)
            np = n; /* cannot happen: r has room for len digits */
        memcpy(r, product, np * sizeof *r);
    }
    size_t used_low = limbs_norm(low, nl);
    if (status == MP_OK && used_low > 0)
        limbs_add_1(r + used_low, n - used_low, limbs_add_n(r, r, low, used_low));
    free(high);
    return status;
}

// END SOLUTION
mp_status mp_to_decimal(const uint64_t *a, size_t na, char *out, size_t cap, size_t *len)
{
    // TODO: check the arguments; split a by a power 10^(19 2^k) into a
    //   quotient and a remainder, the high and the low digits, and recurse;
    //   small pieces go 19 digits at a time (divide by 10^19). Inner pieces
    //   keep their leading zeros, the whole number none ("0" for zero).
    // STUB: (void)a; (void)na; (void)out; (void)cap; (void)len;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!len || (na > 0 && !a))
        return MP_ERR_ARG;
    na = limbs_norm(a, na);
    if (na == 0) {
        *len = 1;
        if (cap < 2)
            return MP_ERR_SPACE;
        if (!out)
            return MP_ERR_ARG;
        memcpy(out, "0", 2);
        return MP_OK;
    }
    int level = level_for(na);
    size_t width = (size_t)CHUNK_DIGITS << level;
    char *digits = malloc(width);
    if (!digits)
        return MP_ERR_NOMEM;
    powers table;
    mp_status status = powers_make(&table, level);
    if (status == MP_OK) {
        status = digits_rec(a, na, level, &table, digits);
        powers_free(&table);
    }
    if (status == MP_OK) {
        size_t zeros = 0;
        while (zeros + 1 < width && digits[zeros] == '0')
            zeros++;
        *len = width - zeros;
        if (*len + 1 > cap)
            status = MP_ERR_SPACE;
        else if (!out)
            status = MP_ERR_ARG;
        else {
            memcpy(out, digits + zeros, *len);
            out[*len] = '\0';
        }
    }
    free(digits);
    return status;
    // END SOLUTION
}

mp_status mp_from_decimal(const char *digits, size_t len, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    // TODO: check the arguments and every byte ('0' to '9'); the value of
    //   the high digits times 10^(number of low digits), plus the value of
    //   the low digits, each half by the same method, down to chunks of 19
    //   digits (r = r 10^19 + chunk).
    // STUB: (void)digits; (void)len; (void)out; (void)cap; (void)n_out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!digits || !n_out || len == 0)
        return MP_ERR_ARG;
    for (size_t i = 0; i < len; i++)
        if (digits[i] < '0' || digits[i] > '9')
            return MP_ERR_FORMAT;
    while (len > 1 && digits[0] == '0') {
        digits++;
        len--;
    }
    size_t n = len / 19 + 2; /* 10^19 < 2^64: one limb per 19 digits, and one */
    uint64_t *r = malloc(n * sizeof *r);
    if (!r)
        return MP_ERR_NOMEM;
    int levels = 0;
    while (((size_t)CHUNK_DIGITS << levels) < len)
        levels++;
    powers table;
    mp_status status = powers_make(&table, levels);
    if (status == MP_OK) {
        status = from_rec(digits, len, &table, r, n);
        powers_free(&table);
    }
    if (status == MP_OK) {
        status = limbs_emit(r, n, out, cap, n_out);
    }
    free(r);
    return status;
    // END SOLUTION
}
