/* Exercise 5: a big number to decimal digits and back (chapter section 11),
 * against repeated division by 10^19 and, for large numbers, against the
 * residues of the digit string (Horner's rule modulo fixed primes). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_decimal(const uint64_t *a, size_t na, const char *what)
{
    char *want = grade_alloc(20 * na + 2, 1);
    size_t n_want = ref_decimal(a, na, want), len = 0;
    char *out = grade_alloc(n_want + 1, 1);
    memset(out, '#', n_want + 1);
    expect_status(mp_to_decimal(a, na, out, n_want + 1, &len), MP_OK,
                  "mp_to_decimal(%s) into %zu bytes", what, n_want + 1);
    expect_int((long long)len, (long long)n_want, "mp_to_decimal(%s): *len, the number of digits",
               what);
    if (out[n_want] != '\0')
        grade_fail("mp_to_decimal(%s): no NUL after the %zu digits", what, n_want);
    if (memcmp(out, want, n_want) != 0) {
        size_t i = 0;
        while (out[i] == want[i])
            i++;
        grade_fail("mp_to_decimal(%s): digit %zu of %zu (from the left) expected '%c', came "
                   "'%c' (expected \"%.30s%s\")", what, i + 1, n_want, want[i], out[i], want,
                   n_want > 30 ? "..." : "");
    }
}

/* 10^k, k <= 19 t, into x (t + 1 limbs); its length. */
static size_t power_of_ten(uint64_t *x, size_t t, unsigned k)
{
    memset(x, 0, (t + 1) * sizeof *x);
    x[0] = 1;
    size_t n = 1;
    uint64_t *tmp = words(t + 2);
    const uint64_t ten = 10;
    for (unsigned i = 0; i < k; i++) {
        n = ref_mul(tmp, x, n, &ten, 1);
        memcpy(x, tmp, n * sizeof *x);
    }
    return n;
}

GRADED_TEST(decimal, to_small, 2, SEC_DECIMAL)
{
    const uint64_t ones = ~0ull, zeros[2] = {0, 0}, ten19 = 10000000000000000000u;
    expect_decimal(NULL, 0, "0 (NULL, 0)");
    expect_decimal(zeros, 2, "two zero limbs (\"0\")");
    expect_decimal(&ones, 1, "2^64 - 1");
    expect_decimal(&ten19, 1, "10^19");
    /* 10^k and 10^k - 1: inner pieces of zeros and of nines. */
    uint64_t *x = words(12), *nines = words(12);
    const uint64_t one = 1;
    for (unsigned k = 1; k <= 200; k += 1 + (k > 60) * 6) {
        char what[40];
        size_t n = power_of_ten(x, 11, k);
        snprintf(what, sizeof what, "10^%u", k);
        expect_decimal(x, n, what);
        snprintf(what, sizeof what, "10^%u - 1", k);
        expect_decimal(nines, ref_sub(nines, x, n, &one, 1), what);
    }
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 200; round++) {
        size_t na = 1 + rng_below(&r, round < 100 ? 4 : 60);
        uint64_t *a = words(na + 1);
        ref_random_limbs(&r, a, na, round);
        char what[60];
        snprintf(what, sizeof what, "a random %zu-limb number (round %u)", na, round);
        expect_decimal(a, na + round % 2, what);
    }
}

GRADED_TEST(decimal, to_space_and_errors, 1, SEC_DECIMAL)
{
    const uint64_t ones[2] = {~0ull, ~0ull}; /* 2^128 - 1: 39 digits */
    char out[64];
    size_t len = 0;
    expect_status(mp_to_decimal(ones, 2, out, 39, &len), MP_ERR_SPACE,
                  "mp_to_decimal(2^128 - 1) into 39 bytes (39 digits and a NUL need 40)");
    expect_int((long long)len, 39, "mp_to_decimal into too small an array: *len, the digits "
               "needed");
    expect_status(mp_to_decimal(ones, 2, out, 40, &len), MP_OK,
                  "mp_to_decimal(2^128 - 1) into exactly 40 bytes");
    expect_status(mp_to_decimal(NULL, 0, out, 1, &len), MP_ERR_SPACE,
                  "mp_to_decimal(0) into 1 byte (\"0\" and a NUL need 2)");
    expect_status(mp_to_decimal(NULL, 2, out, 64, &len), MP_ERR_ARG,
                  "mp_to_decimal(a = NULL with na = 2)");
    expect_status(mp_to_decimal(ones, 2, out, 64, NULL), MP_ERR_ARG,
                  "mp_to_decimal with len = NULL");
}

static void expect_parse(const char *digits, size_t len, const uint64_t *want, size_t n_want,
                         const char *what)
{
    uint64_t *out = words(n_want + 1);
    size_t n = (size_t)-1;
    expect_status(mp_from_decimal(digits, len, n_want ? out : NULL, n_want, &n), MP_OK,
                  "mp_from_decimal(%s) into %zu limbs", what, n_want);
    expect_limbs(out, n, want, n_want, "mp_from_decimal(%s)", what);
}

GRADED_TEST(decimal, from_small, 1, SEC_DECIMAL)
{
    const uint64_t ones = ~0ull, power[2] = {0, 1};
    expect_parse("0", 1, NULL, 0, "\"0\"");
    expect_parse("0000", 4, NULL, 0, "\"0000\"");
    expect_parse("18446744073709551615", 20, &ones, 1, "\"18446744073709551615\" (2^64 - 1)");
    expect_parse("18446744073709551616", 20, power, 2, "\"18446744073709551616\" (2^64)");
    expect_parse("00018446744073709551616", 23, power, 2, "\"00018446744073709551616\"");
    expect_parse("18446744073709551616999", 20, power, 2,
                 "the first 20 bytes of \"18446744073709551616999\"");
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 300; round++) {
        size_t na = 1 + rng_below(&r, round < 100 ? 4 : 80);
        uint64_t *a = words(na);
        ref_random_limbs(&r, a, na, round);
        char *text = grade_alloc(20 * na + 40, 1), *digits = text;
        size_t len = ref_decimal(a, na, text + 20);
        digits = text + 20 - round % 20; /* with up to 19 leading zeros */
        memset(digits, '0', (size_t)(text + 20 - digits));
        len += (size_t)(text + 20 - digits);
        char what[80];
        snprintf(what, sizeof what, "the %zu digits of a random %zu-limb number (round %u)", len,
                 na, round);
        expect_parse(digits, len, a, ref_norm(a, na), what);
    }
}

GRADED_TEST(decimal, from_errors, 1, SEC_DECIMAL)
{
    uint64_t out[4];
    size_t n = 0;
    const char *bad[] = {"12a3", "-5", " 5", "5 ", "1.5", "+7", "1e9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_status(mp_from_decimal(bad[i], strlen(bad[i]), out, 4, &n), MP_ERR_FORMAT,
                      "mp_from_decimal(\"%s\")", bad[i]);
    expect_status(mp_from_decimal("12\0" "3", 4, out, 4, &n), MP_ERR_FORMAT,
                  "mp_from_decimal(\"12\\0003\", 4 bytes) (a NUL inside)");
    expect_status(mp_from_decimal("123", 0, out, 4, &n), MP_ERR_ARG,
                  "mp_from_decimal(len = 0) (no digits)");
    expect_status(mp_from_decimal(NULL, 3, out, 4, &n), MP_ERR_ARG,
                  "mp_from_decimal(digits = NULL)");
    expect_status(mp_from_decimal("123", 3, out, 4, NULL), MP_ERR_ARG,
                  "mp_from_decimal with n_out = NULL");
    const char *big = "340282366920938463463374607431768211456"; /* 2^128 */
    expect_status(mp_from_decimal(big, strlen(big), out, 2, &n), MP_ERR_SPACE,
                  "mp_from_decimal(\"%s\") (2^128) into 2 limbs", big);
    expect_int((long long)n, 3, "mp_from_decimal(2^128) into 2 limbs: *n_out, the limbs needed");
}

/* The string's residues against the number's: each digit counts. */
static void expect_same_value(const char *digits, size_t len, const uint64_t *a, size_t na,
                              const char *what)
{
    for (int i = 0; i < RESIDUE_MODULI; i++) {
        uint64_t q = residue_moduli[i];
        if (ref_decimal_residue(digits, len, q) != ref_residue(a, na, q))
            grade_fail("%s: the %zu digits are not the number's (they differ modulo %llu)",
                       what, len, (unsigned long long)q);
    }
}

/* Converts (a, na) and checks the string; returns it. */
static char *to_decimal_checked(const uint64_t *a, size_t na, size_t digits, const char *what)
{
    char *out = grade_alloc(digits + 1, 1);
    size_t len = 0;
    expect_status(mp_to_decimal(a, na, out, digits + 1, &len), MP_OK, "mp_to_decimal(%s)",
                  what);
    expect_int((long long)len, (long long)digits, "mp_to_decimal(%s): *len", what);
    expect_true(out[0] != '0' && out[len] == '\0',
                "mp_to_decimal(%s): a leading zero or no NUL at the end", what);
    for (size_t i = 0; i < len; i++)
        if (out[i] < '0' || out[i] > '9')
            grade_fail("mp_to_decimal(%s): byte %zu is not a digit", what, i);
    expect_same_value(out, len, a, na, what);
    return out;
}

GRADED_TEST_T(decimal, round_trip, 1, SEC_DECIMAL, 10)
{
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 30; round++) {
        size_t na = 1 + rng_below(&r, 3000);
        uint64_t *a = words(na), *back = words(na + 1);
        ref_random_limbs(&r, a, na, round);
        char *text = grade_alloc(20 * na + 2, 1);
        size_t len = 0, n = 0;
        expect_status(mp_to_decimal(a, na, text, 20 * na + 2, &len), MP_OK,
                      "mp_to_decimal(a random %zu-limb number)", na);
        expect_same_value(text, len, a, na, "mp_to_decimal of a random number");
        expect_status(mp_from_decimal(text, len, back, na + 1, &n), MP_OK,
                      "mp_from_decimal(mp_to_decimal(a random %zu-limb number))", na);
        expect_limbs(back, n, a, na, "mp_from_decimal(mp_to_decimal(a)) for a random %zu-limb a",
                     na);
    }
}

/* 2^1000000 - 1: 301030 digits; the first 20 from 150-digit arithmetic. */
GRADED_TEST_T(decimal, mersenne_million, 1, SEC_DECIMAL, 5)
{
    const uint64_t p = 1000000;
    size_t n = 1000000 / 64 + 1, digits = (size_t)ref_floor_p_log10_2(p) + 1;
    uint64_t *m = words(n);
    n = ref_mersenne(m, p);
    char *out = to_decimal_checked(m, n, digits, "2^1000000 - 1");
    char last[20];
    ref_last_digits(p, 19, last);
    if (memcmp(out, "99006562292958982506", 20) != 0 || memcmp(out + digits - 19, last, 19) != 0)
        grade_fail("mp_to_decimal(2^1000000 - 1): expected 99006562292958982506...%s, came "
                   "%.20s...%s", last, out, out + digits - 19);
}

/* 32768 limbs, 631,000 digits: converting by one division by 10^19 per
 * 19 digits takes 5 10^8 limb divisions, many seconds; dividing and
 * conquering with the powers 10^(19 2^k) and a fast product far less. */
GRADED_TEST_T(decimal, subquadratic, 2, SEC_DECIMAL, 10)
{
    rng r;
    grade_rng(&r);
    size_t na = 32768;
    uint64_t *a = words(na);
    ref_random_limbs(&r, a, na, 0);
    a[na - 1] |= (uint64_t)1 << 63;
    /* 2^(64 na - 1) <= a < 2^(64 na): as many digits as one or the other */
    char *out = grade_alloc(20 * na + 2, 1);
    size_t len = 0;
    expect_status(mp_to_decimal(a, na, out, 20 * na + 2, &len), MP_OK,
                  "mp_to_decimal(a random %zu-limb number)", na);
    uint64_t lo = ref_floor_p_log10_2(64 * na - 1) + 1, hi = ref_floor_p_log10_2(64 * na) + 1;
    expect_true(len >= lo && len <= hi && out[0] != '0',
                "mp_to_decimal(a random %zu-limb number): %zu digits, not between %llu and %llu "
                "or a leading zero", na, len, (unsigned long long)lo, (unsigned long long)hi);
    expect_same_value(out, len, a, na, "mp_to_decimal of a random 32768-limb number");
}

GRADED_TEST_T(decimal, from_large, 1, SEC_DECIMAL, 10)
{
    rng r;
    grade_rng(&r);
    size_t len = 600000, cap = len / 19 + 2, n = 0;
    char *digits = grade_alloc(len, 1);
    for (size_t i = 0; i < len; i++)
        digits[i] = (char)('0' + rng_below(&r, 10));
    digits[0] = '7';
    uint64_t *out = words(cap);
    expect_status(mp_from_decimal(digits, len, out, cap, &n), MP_OK,
                  "mp_from_decimal(600000 random digits)");
    expect_true(n == ref_norm(out, cap) && n > 0, "mp_from_decimal(600000 random digits): "
                "*n_out = %zu is not the normalised length", n);
    expect_same_value(digits, len, out, n, "mp_from_decimal(600000 random digits)");
}
