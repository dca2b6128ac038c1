/* decimal.c: a big number to decimal digits and back, by divide and
 * conquer with the powers 10^(19 2^k) (chapter section 7). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
#define TEN_19 10000000000000000000u /* the largest power of 10 in a limb */
enum { CHUNK_DIGITS = 19 };

/* At most this many limbs go digit-chunk by digit-chunk (quadratic). */
enum { BASECASE_LIMBS = 24 };

/* 10^(19 2^k) for k = 0 .. count - 1. */
typedef struct {
    uint64_t *limbs[64];
    size_t length[64];
    int count;
} powers;

static void powers_free(powers *table)
{
    for (int k = 0; k < table->count; k++)
        free(table->limbs[k]);
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
        table->count = k + 1;
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
    mp_status status = divide(x, n, d, nd, q, r);
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
