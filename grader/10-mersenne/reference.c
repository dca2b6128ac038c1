#include "reference.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"

/* ---- statuses and messages ------------------------------------------------------- */

const char *status_name(mp_status s)
{
    static const char *const names[] = {
        "MP_OK",        "MP_ERR_TODO",   "MP_ERR_ARG",       "MP_ERR_NOMEM",
        "MP_ERR_SPACE", "MP_ERR_FORMAT", "MP_ERR_PRECISION",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(mp_status came, mp_status expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, status_name(expected), status_name(came));
}

const char *number_text(const uint64_t *a, size_t n, char buffer[80])
{
    n = ref_norm(a, n);
    if (n == 0)
        snprintf(buffer, 80, "0");
    else
        snprintf(buffer, 80, "a %zu-limb number (top limb 0x%llx)", n,
                 (unsigned long long)a[n - 1]);
    return buffer;
}

void expect_limbs(const uint64_t *came, size_t n_came, const uint64_t *want, size_t n_want,
                  const char *what, ...)
{
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    if (n_came != n_want)
        grade_fail("%s: expected a result of %zu limbs, came %zu (results are normalised: no "
                   "leading zero limb, zero has length 0)", label, n_want, n_came);
    for (size_t i = 0; i < n_want; i++)
        if (came[i] != want[i])
            grade_fail("%s: limb %zu of %zu expected 0x%016llx, came 0x%016llx", label, i,
                       n_want, (unsigned long long)want[i], (unsigned long long)came[i]);
}

void expect_binary(mp_binary *f, const char *name, const uint64_t *a, size_t na,
                   const uint64_t *b, size_t nb, const uint64_t *want, size_t n_want)
{
    char ta[80], tb[80];
    number_text(a, na, ta);
    number_text(b, nb, tb);
    uint64_t *out = words(n_want);
    size_t n_out = (size_t)-1;
    expect_status(f(a, na, b, nb, n_want ? out : NULL, n_want, &n_out), MP_OK,
                  "%s(%s given in %zu limbs, %s given in %zu limbs, cap %zu)", name, ta, na, tb,
                  nb, n_want);
    expect_limbs(out, n_out, want, n_want, "%s(%s in %zu limbs, %s in %zu limbs)", name, ta, na,
                 tb, nb);
    if (n_want == 0)
        return;
    n_out = 0;
    expect_status(f(a, na, b, nb, out, n_want - 1, &n_out), MP_ERR_SPACE,
                  "%s(%s, %s) into %zu limbs (the result needs %zu)", name, ta, tb, n_want - 1,
                  n_want);
    if (n_out != n_want)
        grade_fail("%s(%s, %s) into %zu limbs: MP_ERR_SPACE must report the %zu limbs needed "
                   "in *n_out, came %zu", name, ta, tb, n_want - 1, n_want, n_out);
}

void expect_product_errors(mp_binary *f, const char *name)
{
    uint64_t a[2] = {5, 7}, out[4];
    size_t n;
    expect_status(f(NULL, 2, a, 1, out, 4, &n), MP_ERR_ARG, "%s(a = NULL with na = 2)", name);
    expect_status(f(a, 2, NULL, 1, out, 4, &n), MP_ERR_ARG, "%s(b = NULL with nb = 1)", name);
    expect_status(f(a, 2, a, 2, out, 4, NULL), MP_ERR_ARG, "%s with n_out = NULL", name);
    expect_status(f(a, 2, a, 1, NULL, 4, &n), MP_ERR_ARG,
                  "%s(a 2-limb number, 5) with out = NULL and cap = 4", name);
}

/* ---- natural numbers --------------------------------------------------------------- */

uint64_t *words(size_t n)
{
    return grade_alloc(n ? n : 1, sizeof(uint64_t));
}

size_t ref_norm(const uint64_t *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

static uint64_t limb(const uint64_t *a, size_t n, size_t i)
{
    return i < n ? a[i] : 0;
}

/* From the top limb of the longer down, missing limbs read as zero. */
int ref_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    for (size_t i = na > nb ? na : nb; i-- > 0;) {
        uint64_t x = limb(a, na, i), y = limb(b, nb, i);
        if (x != y)
            return (x > y) - (x < y);
    }
    return 0;
}

size_t ref_add(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t n = na > nb ? na : nb;
    unsigned carry = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t x = limb(a, na, i), s = x + limb(b, nb, i) + carry;
        carry = carry ? s <= x : s < x;
        r[i] = s;
    }
    r[n] = carry;
    return ref_norm(r, n + 1);
}

size_t ref_sub(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    unsigned borrow = 0;
    for (size_t i = 0; i < na; i++) {
        uint64_t x = a[i], y = limb(b, nb, i), d = x - y - borrow;
        borrow = borrow ? x <= y : x < y;
        r[i] = d;
    }
    return ref_norm(r, na);
}

/* Half limbs: a 64-bit limb is two 32-bit digits, whose products fit 64 bits. */
size_t ref_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t ha = 2 * na, hb = 2 * nb;
    uint32_t *h = grade_alloc(ha + hb + 1, sizeof *h);
    for (size_t i = 0; i < ha; i++) {
        uint64_t x = (uint32_t)(a[i / 2] >> (32 * (i % 2))), carry = 0;
        if (x == 0)
            continue;
        for (size_t j = 0; j < hb; j++) {
            uint64_t y = (uint32_t)(b[j / 2] >> (32 * (j % 2)));
            uint64_t t = x * y + h[i + j] + carry; /* < 2^64: (2^32-1)^2 + 2 (2^32-1) */
            h[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        h[i + hb] = (uint32_t)carry;
    }
    for (size_t i = 0; i < na + nb; i++)
        r[i] = h[2 * i] | (uint64_t)h[2 * i + 1] << 32;
    return ref_norm(r, na + nb);
}

size_t ref_mod(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *m, size_t nm)
{
    nm = ref_norm(m, nm);
    memset(r, 0, nm * sizeof *r);
    for (size_t i = ref_norm(a, na) * 64; i-- > 0;) {
        /* r = 2 r + bit; r < m, so 2 r + 1 < 2 m and one subtraction suffices. */
        uint64_t top = nm ? r[nm - 1] >> 63 : 0;
        for (size_t j = nm; j-- > 1;)
            r[j] = r[j] << 1 | r[j - 1] >> 63;
        r[0] = r[0] << 1 | (a[i / 64] >> (i % 64) & 1);
        if (top || ref_compare(r, nm, m, nm) >= 0)
            ref_sub(r, r, nm, m, nm);
    }
    return ref_norm(r, nm);
}

uint64_t ref_residue(const uint64_t *a, size_t n, uint64_t q)
{
    __extension__ typedef unsigned __int128 u128;
    uint64_t r = 0;
    for (size_t i = n; i-- > 0;)
        r = (uint64_t)((((u128)r << 64) | a[i]) % q);
    return r;
}

uint64_t ref_decimal_residue(const char *digits, size_t len, uint64_t q)
{
    __extension__ typedef unsigned __int128 u128;
    uint64_t r = 0;
    for (size_t i = 0; i < len; i++)
        r = (uint64_t)(((u128)r * 10 + (unsigned)(digits[i] - '0')) % q);
    return r;
}

size_t ref_mersenne(uint64_t *r, uint64_t p)
{
    size_t n = (size_t)(p / 64);
    for (size_t i = 0; i < n; i++)
        r[i] = ~(uint64_t)0;
    if (p % 64)
        r[n++] = ((uint64_t)1 << (p % 64)) - 1;
    return n;
}

size_t ref_decimal(const uint64_t *a, size_t na, char *out)
{
    __extension__ typedef unsigned __int128 u128;
    const uint64_t ten19 = 10000000000000000000u;
    size_t n = ref_norm(a, na), len = 0;
    uint64_t *q = words(n);
    if (n)
        memcpy(q, a, n * sizeof *q);
    char *rev = grade_alloc(20 * n + 2, 1);
    while (n > 0) {
        uint64_t rem = 0;
        for (size_t i = n; i-- > 0;) {
            u128 x = (u128)rem << 64 | q[i];
            q[i] = (uint64_t)(x / ten19);
            rem = (uint64_t)(x % ten19);
        }
        n = ref_norm(q, n);
        for (int k = 0; k < 19 && (n > 0 || rem > 0); k++, rem /= 10)
            rev[len++] = (char)('0' + rem % 10);
    }
    if (len == 0)
        rev[len++] = '0';
    for (size_t i = 0; i < len; i++)
        out[i] = rev[len - 1 - i];
    out[len] = '\0';
    return len;
}

const uint64_t residue_moduli[RESIDUE_MODULI] = {
    18446744073709551557u, /* 2^64 - 59 */
    9223372036854775783u,  /* 2^63 - 25 */
    2305843009213693951u,  /* 2^61 - 1 */
};

void ref_random_limbs(rng *r, uint64_t *a, size_t n, unsigned kind)
{
    for (size_t i = 0; i < n; i++) {
        switch (kind % 6) {
        case 0: a[i] = rng_u64(r); break;
        case 1: a[i] = ~(uint64_t)0; break;                          /* carries ripple */
        case 2: a[i] = rng_below(r, 8) ? 0 : rng_u64(r); break;      /* sparse */
        case 3: a[i] = rng_below(r, 2) ? ~(uint64_t)0 : rng_u64(r); break;
        case 4: a[i] = rng_u64(r) >> rng_below(r, 64); break;        /* small limbs */
        default: a[i] = (uint64_t)1 << rng_below(r, 64); break;      /* single bits */
        }
    }
    if (n > 0 && a[n - 1] == 0)
        a[n - 1] = 1 + rng_below(r, 1000);
}

/* ---- digits without the number ------------------------------------------------------ */

__extension__ typedef unsigned __int128 u128;

/* Fractions as three 64-bit words, most significant first: x 2^192 (from
 * 150-digit values of the logarithms, truncated). */
static const uint64_t LOG10_OF[10][3] = {
    {0, 0, 0},
    {0, 0, 0},
    {0x4d104d427de7fbccu, 0x47c4acd605be48bcu, 0x13569862a1e8f9a4u},
    {0x7a249e593f57f423u, 0x0c0d0ea086890763u, 0x84571ab306dbee15u},
    {0x9a209a84fbcff798u, 0x8f8959ac0b7c9178u, 0x26ad30c543d1f349u},
    {0xb2efb2bd82180433u, 0xb83b5329fa41b743u, 0xeca9679d5e17065bu},
    {0xc734eb9bbd3fefefu, 0x53d1bb768c47501fu, 0x97adb315a8c4e7bau},
    {0xd858585bc661f94bu, 0x692ff8a805fda2dau, 0x00934f293a46c914u},
    {0xe730e7c779b7f364u, 0xd74e0682113ada34u, 0x3a03c927e5baeceeu},
    {0xf4493cb27eafe846u, 0x181a1d410d120ec7u, 0x08ae35660db7dc2bu},
};

/* p times log10 2: the integer part and the fraction's three words. The
 * truncated constant errs by less than p 2^-192, far below the distance of
 * p log10 2 from an integer (above 10^-13 for every p < 2^40). */
static uint64_t times_log10_2(uint64_t p, uint64_t frac[3])
{
    u128 carry = 0;
    for (int i = 2; i >= 0; i--) {
        u128 t = (u128)p * LOG10_OF[2][i] + carry;
        frac[i] = (uint64_t)t;
        carry = t >> 64;
    }
    return (uint64_t)carry;
}

uint64_t ref_floor_p_log10_2(uint64_t p)
{
    uint64_t frac[3];
    return times_log10_2(p, frac);
}

uint64_t ref_pow_mod(uint64_t base, uint64_t e, uint64_t m)
{
    uint64_t result = 1 % m, b = base % m;
    for (; e; e >>= 1) {
        if (e & 1)
            result = (uint64_t)((u128)result * b % m);
        b = (uint64_t)((u128)b * b % m);
    }
    return result;
}

void ref_last_digits(uint64_t p, unsigned k, char *out)
{
    uint64_t m = 1;
    for (unsigned i = 0; i < k; i++)
        m *= 10;
    uint64_t power = ref_pow_mod(2, p, m), x = power ? power - 1 : m - 1;
    for (unsigned i = k; i-- > 0; x /= 10)
        out[i] = (char)('0' + x % 10);
    out[k] = '\0';
}

static int frac_below(const uint64_t x[3], const uint64_t y[3])
{
    for (int i = 0; i < 3; i++)
        if (x[i] != y[i])
            return x[i] < y[i];
    return 0;
}

/* log10 d as a fraction: for d = 2, 4 and 8, j log10 2 by the same product
 * as n log10 2, so that 2^j itself (n = j) lands exactly on its threshold. */
static void threshold(int d, uint64_t out[3])
{
    if (d == 2 || d == 4 || d == 8)
        times_log10_2(d == 2 ? 1 : d == 4 ? 2 : 3, out);
    else
        memcpy(out, LOG10_OF[d], sizeof LOG10_OF[d]);
}

int ref_leading_digit(uint64_t n)
{
    uint64_t frac[3], t[3];
    times_log10_2(n, frac);
    int d = 1;
    for (; d < 9; d++) {
        threshold(d + 1, t);
        if (frac_below(frac, t))
            break;
    }
    return d;
}

/* ---- Lucas-Lehmer ----------------------------------------------------------------- */

int ref_is_prime(uint64_t n)
{
    if (n < 4)
        return n >= 2;
    if (n % 2 == 0 || n % 3 == 0)
        return 0;
    for (uint64_t d = 5; d * d <= n; d += 6) /* 6k - 1 and 6k + 1 */
        if (n % d == 0 || n % (d + 2) == 0)
            return 0;
    return 1;
}

const unsigned mersenne_exponents[] = {2,    3,    5,    7,    13,   17,    19,    31,    61,
                                       89,   107,  127,  521,  607,  1279,  2203,  2281,  3217,
                                       4253, 4423, 9689, 9941, 11213, 19937, 21701, 23209, 44497};
const size_t mersenne_exponent_count = sizeof mersenne_exponents / sizeof mersenne_exponents[0];

int ref_is_mersenne_exponent(uint64_t p)
{
    for (size_t i = 0; i < mersenne_exponent_count; i++)
        if (mersenne_exponents[i] == p)
            return 1;
    return 0;
}

int ref_lucas_lehmer_small(unsigned p)
{
    u128 m = ((u128)1 << p) - 1, s = 4;
    for (unsigned i = 0; i + 2 < p; i++)
        s = (s * s % m + m - 2) % m; /* s < 2^63: s^2 fits 128 bits */
    return s == 0;
}
