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

/* From this many limbs on, a product known to be close to another number
 * (Barrett's q d to x, Newton's mu d to B^(2n)) is taken modulo some
 * B^c - 1 above the difference: half the transform of the whole product. */
enum { WRAP_LIMBS = 1024 };

static mp_status reciprocal(fft_cache *cache, const uint64_t *d, size_t n, uint64_t *mu);

/* 10^(19 2^k) for k = 0 .. count - 1. */
typedef struct {
    uint64_t *limbs[64];
    size_t length[64];
    uint64_t *reciprocal[64]; /* floor(B^(2n) / 10^(19 2^k)), n = length; or NULL */
    int count;
    fft_cache *cache; /* the FFT tables of the products, shared by them all */
} powers;

static mp_status power_reciprocal(const powers *table, int k, uint64_t *mu);

static void powers_free(powers *table)
{
    for (int k = 0; k < table->count; k++) {
        free(table->limbs[k]);
        free(table->reciprocal[k]);
    }
    table->count = 0;
    fft_cache_free(table->cache);
    table->cache = NULL;
}

/* Fills the table up to 10^(19 2^(count - 1)), and makes the cache of
 * FFT tables for products of up to cached_length complex points. */
static mp_status powers_make(powers *table, int count, size_t cached_length)
{
    table->count = 0;
    table->cache = fft_cache_new(cached_length);
    if (!table->cache)
        return MP_ERR_NOMEM;
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
            status = limbs_mul_cached(table->cache, p, table->limbs[k - 1], table->length[k - 1],
                                      table->limbs[k - 1], table->length[k - 1]);
        table->limbs[k] = p;
        table->length[k] = limbs_norm(p, n);
        table->reciprocal[k] = NULL;
        table->count = k + 1;
        if (status == MP_OK && table->length[k] >= NEWTON_LIMBS) {
            size_t length = table->length[k];
            table->reciprocal[k] = malloc((length + 1) * sizeof *p);
            status = table->reciprocal[k] ? power_reciprocal(table, k, table->reciprocal[k])
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
static mp_status multiply(fft_cache *cache, uint64_t *r, const uint64_t *a, size_t na,
                          const uint64_t *b, size_t nb)
{
    size_t used_a = limbs_norm(a, na), used_b = limbs_norm(b, nb), used = 0;
    mp_status status = MP_OK;
    if (used_a > 0 && used_b > 0) {
        status = limbs_mul_cached(cache, r, a, used_a, b, used_b);
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

/* mu1 (n + 2 limbs) brought to floor(B^(2n) / d), given that B^(2n) - mu1 d
 * is below B^(n+3) in size: that difference modulo B^c - 1 (c > n + 5)
 * from mu1 d modulo B^c - 1, read with its sign (a negative one shows as
 * B^c - 1 minus its size), then divided by d: |difference| = k d + rest
 * moves mu1 by k, and one more down for a negative one with rest > 0.
 * work: 2c limbs, c <= 2n + 4. MP_ERR_PRECISION if the difference is not
 * that small after all. */
static mp_status correct_wrapped(fft_cache *cache, const uint64_t *d, size_t n, uint64_t *mu1,
                                 uint64_t *work)
{
    size_t m;
    unsigned w;
    size_t c = fft_wrap_length(n + 6, &m, &w);
    uint64_t *e = work, *rest = work + c, k[4];
    mp_status status = fft_mul_wrapped(cache, rest, c, m, w, mu1, n + 2, d, n);
    if (status != MP_OK)
        return status;
    memset(e, 0, c * sizeof *e);
    e[2 * n >= c ? 2 * n - c : 2 * n] = 1; /* B^(2n) modulo B^c - 1 */
    if (limbs_sub_n(e, e, rest, c))
        limbs_sub_1(e, c, 1);
    int negative = (int)(e[c - 1] >> 63);
    if (negative)
        for (size_t i = 0; i < c; i++)
            e[i] = ~e[i];
    if (limbs_norm(e, c) > n + 3)
        return MP_ERR_PRECISION;
    status = divide(e, n + 3, d, n, k, rest);
    if (status != MP_OK)
        return status;
    if (!negative)
        limbs_add_1(mu1 + 4, n - 2, limbs_add_n(mu1, mu1, k, 4));
    else {
        limbs_sub_1(mu1 + 4, n - 2, limbs_sub_n(mu1, mu1, k, 4));
        if (limbs_norm(rest, n) > 0)
            limbs_sub_1(mu1, n + 2, 1);
    }
    return MP_OK;
}

/* Newton's half precision: the reciprocal of d (n limbs) starts from that
 * of its top h limbs. */
static size_t newton_half(size_t n)
{
    return (n + 3) / 2 + 1;
}

/* mu (n + 1 limbs) = floor(B^(2n) / d), d of n >= 2 limbs with a non-zero
 * top limb. Small n by long division; otherwise mu0 from the reciprocal of
 * d's top h limbs (h a little over n / 2, so mu0 has half the precision),
 * one Newton step mu1 = 2 mu0 - mu0^2 d / B^(2n) (which doubles it), and
 * the last few units corrected with mu1 d against B^(2n). */
static mp_status reciprocal_from(fft_cache *cache, const uint64_t *d, size_t n, uint64_t *mu,
                                 const uint64_t *start)
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
    size_t h = newton_half(n);
    size_t big = 3 * n + 4;
    uint64_t *work = calloc(4 * big, sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *mu0 = work, *square = work + big, *product = work + 2 * big, *rest = work + 3 * big;
    /* mu0 = mu_h B^(n-h) ends in n - h zero limbs: mu0^2 and mu0^2 d are
     * products of its h + 1 others, shifted. */
    size_t zeros = n - h;
    mp_status status = MP_OK;
    if (start)
        memcpy(mu0 + zeros, start, (h + 1) * sizeof *mu0);
    else
        status = reciprocal(cache, d + zeros, h, mu0 + zeros);
    memset(square, 0, 2 * zeros * sizeof *square);
    memset(product, 0, 2 * zeros * sizeof *product);
    if (status == MP_OK)
        status = multiply(cache, square + 2 * zeros, mu0 + zeros, h + 1, mu0 + zeros, h + 1);
    if (status == MP_OK)
        status = multiply(cache, product + 2 * zeros, square + 2 * zeros, 2 * h + 2, d, n);
    if (status == MP_OK) { /* mu1 = 2 mu0 - floor(product / B^(2n)), in rest */
        memset(rest, 0, (n + 2) * sizeof *rest);
        rest[n + 1] = limbs_add_n(rest, mu0, mu0, n + 1);
        limbs_sub_n(rest, rest, product + 2 * n, n + 2);
        status = n >= WRAP_LIMBS ? correct_wrapped(cache, d, n, rest, square) : MP_ERR_PRECISION;
        if (status == MP_OK || start) { /* a start from elsewhere may be too far off */
            memcpy(mu, rest, (n + 1) * sizeof *mu);
            free(work);
            return status;
        }
        status = status == MP_ERR_PRECISION ? multiply(cache, product, rest, n + 2, d, n) : status;
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

static mp_status reciprocal(fft_cache *cache, const uint64_t *d, size_t n, uint64_t *mu)
{
    return reciprocal_from(cache, d, n, mu, NULL);
}

/* Where Newton's step for the reciprocal of d = d'^2 (n limbs) can start
 * from mu' = floor(B^(2n') / d') instead of from the reciprocal of d's top
 * limbs: B^(2n) / d = (B^(2n') / d')^2 B^(2n - 4n'), and mu'^2 has about n'
 * limbs right. start gets the top h + 1 limbs of mu'^2 / B^(4n' - 2n);
 * MP_ERR_PRECISION if that does not fit. */
static mp_status start_from_below(fft_cache *cache, const uint64_t *mu_below, size_t n_below,
                                  size_t n, uint64_t *start)
{
    size_t h = newton_half(n), shift = 4 * n_below - 2 * n, nsq = 2 * n_below + 2;
    if (2 * n > 4 * n_below || shift > 2)
        return MP_ERR_PRECISION;
    uint64_t *sq = malloc(nsq * sizeof *sq);
    if (!sq)
        return MP_ERR_NOMEM;
    mp_status status = multiply(cache, sq, mu_below, n_below + 1, mu_below, n_below + 1);
    if (status == MP_OK && limbs_norm(sq, nsq) > n + 1 + shift)
        status = MP_ERR_PRECISION;
    if (status == MP_OK)
        memcpy(start, sq + n - h + shift, (h + 1) * sizeof *start);
    free(sq);
    return status;
}

/* mu (n + 1 limbs) = floor(B^(2n) / d) for the power d = 10^(19 2^k) of
 * the table, from the reciprocal of the power below when it is there. */
static mp_status power_reciprocal(const powers *table, int k, uint64_t *mu)
{
    const uint64_t *d = table->limbs[k];
    size_t n = table->length[k];
    if (n < WRAP_LIMBS || k == 0 || !table->reciprocal[k - 1])
        return reciprocal(table->cache, d, n, mu);
    uint64_t *start = malloc((newton_half(n) + 1) * sizeof *start);
    if (!start)
        return MP_ERR_NOMEM;
    mp_status status = start_from_below(table->cache, table->reciprocal[k - 1],
                                        table->length[k - 1], n, start);
    if (status == MP_OK)
        status = reciprocal_from(table->cache, d, n, mu, start);
    free(start);
    return status == MP_ERR_PRECISION ? reciprocal(table->cache, d, n, mu) : status;
}

/* (x, nx) modulo B^c - 1 into xc (c limbs, nx < 2c): the limbs from c on
 * fold back onto limb 0. */
static void fold(const uint64_t *x, size_t nx, uint64_t *xc, size_t c)
{
    size_t low = nx < c ? nx : c;
    memcpy(xc, x, low * sizeof *x);
    memset(xc + low, 0, (c - low) * sizeof *x);
    if (nx <= c)
        return;
    uint64_t carry = limbs_add_n(xc, xc, x + c, nx - c);
    carry = limbs_add_1(xc + (nx - c), c - (nx - c), carry);
    while (carry)
        carry = limbs_add_1(xc, c, carry);
}

/* rest (c limbs) = x - q d, given that it lies in [0, 3d) (below B^c - 1):
 * x and q d modulo B^c - 1, subtracted modulo B^c - 1. */
static mp_status subtract_wrapped(fft_cache *cache, const uint64_t *x, size_t nx,
                                  const uint64_t *q, size_t nq, const uint64_t *d, size_t n,
                                  uint64_t *rest, uint64_t *qd)
{
    size_t m, c;
    unsigned w;
    c = fft_wrap_length(n + 2, &m, &w);
    mp_status status = fft_mul_wrapped(cache, qd, c, m, w, q, nq, d, n);
    if (status != MP_OK)
        return status;
    fold(x, nx, rest, c);
    if (limbs_sub_n(rest, rest, qd, c)) /* went below 0: add B^c - 1 */
        limbs_sub_1(rest, c, 1);
    size_t ones = 0;
    while (ones < c && rest[ones] == UINT64_MAX)
        ones++;
    if (ones == c) /* B^c - 1 stands for 0 */
        memset(rest, 0, c * sizeof *rest);
    return MP_OK;
}

/* The length of the residues subtract_wrapped works with. */
static size_t wrapped_length(size_t n)
{
    size_t m;
    unsigned w;
    return fft_wrap_length(n + 2, &m, &w);
}

/* q (nx - n + 1 limbs) and r (n limbs) = x / d and x mod d for x < B^(2n)
 * (n <= nx <= 2n), by Barrett's method with mu = floor(B^(2n) / d): the
 * estimate floor(floor(x / B^(n-1)) mu / B^(n+1)) is at most 2 too small,
 * never too large, so x - q d lies in [0, 3d). */
static mp_status divide_barrett(fft_cache *cache, const uint64_t *x, size_t nx, const uint64_t *d,
                                size_t n, const uint64_t *mu, uint64_t *q, uint64_t *r)
{
    size_t nh = nx - n + 1, nq = nh;
    size_t c = n >= WRAP_LIMBS ? wrapped_length(n) : 0;
    size_t rest_length = c > nx + 1 ? c : nx + 1;
    uint64_t *work = malloc((nh + n + 1 + rest_length + c) * sizeof *work);
    if (!work)
        return MP_ERR_NOMEM;
    uint64_t *t = work, *rem = work + nh + n + 1, *x_minus = rem;
    mp_status status = multiply(cache, t, x + n - 1, nh, mu, n + 1);
    if (status == MP_OK)
        memcpy(q, t + n + 1, nq * sizeof *q);
    if (status == MP_OK && c > 0) {
        status = subtract_wrapped(cache, x, nx, q, nq, d, n, x_minus, rem + rest_length);
        if (status == MP_ERR_PRECISION)
            c = 0; /* the whole product, below */
    }
    if (status == MP_OK && c == 0) {
        status = multiply(cache, rem, q, nq, d, n); /* nq + n = nx + 1 limbs */
        x_minus = t; /* x - q d, nx + 1 limbs */
        memcpy(x_minus, x, nx * sizeof *x);
        x_minus[nx] = 0;
        limbs_sub_n(x_minus, x_minus, rem, nx + 1);
    }
    size_t length = c > 0 ? c : nx + 1;
    while (status == MP_OK && mp_compare(x_minus, length, d, n) >= 0) {
        limbs_sub_1(x_minus + n, length - n, limbs_sub_n(x_minus, x_minus, d, n));
        limbs_add_1(q, nq, 1);
    }
    if (status == MP_OK)
        memcpy(r, x_minus, n * sizeof *r);
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
    mp_status status = mu ? divide_barrett(table->cache, x, n, d, nd, mu, q, r) : divide(x, n, d, nd, q, r);
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
        status = limbs_mul_cached(table->cache, product, high, used_high, d, nd);
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
    mp_status status = powers_make(&table, level, SIZE_MAX); /* every length: speed over memory */
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
    mp_status status = powers_make(&table, levels, n);
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
