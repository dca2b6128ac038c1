/* Exercise 4: reduction modulo 2^p - 1 by shifts and adds (chapter section
 * 8) and the Lucas-Lehmer test (section 9), against long division and the
 * published list of Mersenne prime exponents. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_mod(const uint64_t *a, size_t na, uint64_t p, const char *what)
{
    uint64_t *m = words(p / 64 + 1), *want = words(p / 64 + 1);
    size_t nm = ref_mersenne(m, p), n_want = ref_mod(want, a, na, m, nm);
    uint64_t *out = words(n_want);
    size_t n = (size_t)-1;
    expect_status(mp_mod_mersenne(a, na, p, n_want ? out : NULL, n_want, &n), MP_OK,
                  "mp_mod_mersenne(%s, p = %llu) into %zu limbs", what, (unsigned long long)p,
                  n_want);
    expect_limbs(out, n, want, n_want, "mp_mod_mersenne(%s, p = %llu)", what,
                 (unsigned long long)p);
}

GRADED_TEST(mod, by_hand, 1, SEC_MOD)
{
    const uint64_t ten = 10, seven = 7, ones = ~0ull, power[2] = {0, 1}, zeros[2] = {0, 0};
    expect_mod(&ten, 1, 3, "10");
    expect_mod(&seven, 1, 3, "7 = 2^3 - 1 (gives 0, not 7)");
    expect_mod(&ones, 1, 64, "2^64 - 1");
    expect_mod(power, 2, 64, "2^64");
    expect_mod(power, 2, 2, "2^64");
    expect_mod(NULL, 0, 5, "0 (NULL, 0)");
    expect_mod(zeros, 2, 5, "two zero limbs");
    expect_mod(&seven, 1, 200, "7 (below 2^200 - 1: itself)");
    /* p far beyond a's bits (2^p - 1 itself would not fit in memory): a is
     * already reduced. */
    const uint64_t three[3] = {1, 2, 3}, huge[2] = {(uint64_t)1 << 40, UINT64_MAX};
    for (int i = 0; i < 2; i++) {
        uint64_t out[3];
        size_t n = 0;
        expect_status(mp_mod_mersenne(three, 3, huge[i], out, 3, &n), MP_OK,
                      "mp_mod_mersenne(a 3-limb number, p = %llu)", (unsigned long long)huge[i]);
        expect_limbs(out, n, three, 3, "mp_mod_mersenne(a 3-limb number, p = %llu)",
                     (unsigned long long)huge[i]);
    }
    uint64_t m[3];
    for (uint64_t p = 2; p <= 192; p++) {
        char what[40];
        snprintf(what, sizeof what, "2^%llu - 1 itself", (unsigned long long)p);
        expect_mod(m, ref_mersenne(m, p), p, what);
    }
}

GRADED_TEST(mod, random, 2, SEC_MOD)
{
    static const uint64_t edges[] = {2, 3, 31, 61, 63, 64, 65, 127, 128, 129, 521, 1279};
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 500; round++) {
        size_t na = rng_below(&r, 50);
        uint64_t *a = words(na + 2);
        ref_random_limbs(&r, a, na, round);
        uint64_t p = round < 240 ? edges[round % 12] : 2 + rng_below(&r, 64 * na + 100);
        char what[120];
        snprintf(what, sizeof what, "a random %zu-limb number (round %u)%s", na, round,
                 round % 5 == 0 ? ", given with 2 leading zero limbs" : "");
        expect_mod(a, na + (round % 5 == 0 ? 2 : 0), p, what);
    }
    /* k (2^p - 1) and k (2^p - 1) + j: multiples, and just above them. */
    for (unsigned round = 0; round < 100; round++) {
        uint64_t p = 2 + rng_below(&r, 600), m[10], k[4], prod[14];
        size_t nm = ref_mersenne(m, p), nk = 1 + rng_below(&r, 4);
        ref_random_limbs(&r, k, nk, round);
        size_t n = ref_mul(prod, m, nm, k, nk);
        expect_mod(prod, n, p, "a random multiple of 2^p - 1");
        uint64_t j = rng_below(&r, 5), sum[15];
        expect_mod(sum, ref_add(sum, prod, n, &j, 1), p, "a multiple of 2^p - 1, plus a few");
    }
}

GRADED_TEST(mod, errors, 1, SEC_MOD)
{
    uint64_t a[3] = {1, 2, 3}, out[4];
    size_t n;
    expect_status(mp_mod_mersenne(a, 3, 0, out, 4, &n), MP_ERR_ARG, "mp_mod_mersenne(p = 0)");
    expect_status(mp_mod_mersenne(a, 3, 1, out, 4, &n), MP_ERR_ARG,
                  "mp_mod_mersenne(p = 1) (2^1 - 1 = 1)");
    expect_status(mp_mod_mersenne(NULL, 3, 7, out, 4, &n), MP_ERR_ARG,
                  "mp_mod_mersenne(a = NULL with na = 3)");
    expect_status(mp_mod_mersenne(a, 3, 7, out, 4, NULL), MP_ERR_ARG,
                  "mp_mod_mersenne with n_out = NULL");
    n = 0;
    expect_status(mp_mod_mersenne(a, 3, 100, out, 1, &n), MP_ERR_SPACE,
                  "mp_mod_mersenne(a 3-limb number, p = 100) into 1 limb (the result has 2)");
    expect_int((long long)n, 2, "mp_mod_mersenne into too small an array: the limbs needed in "
               "*n_out");
}

static void expect_ll(uint64_t p)
{
    int is_prime = -1, want = ref_is_mersenne_exponent(p);
    expect_status(mp_lucas_lehmer(p, &is_prime), MP_OK, "mp_lucas_lehmer(%llu)",
                  (unsigned long long)p);
    if (is_prime != want)
        grade_fail("mp_lucas_lehmer(%llu): 2^%llu - 1 is %s, came *is_prime = %d",
                   (unsigned long long)p, (unsigned long long)p,
                   want ? "prime (a Mersenne prime)"
                        : ref_is_prime(p) ? "composite (p is prime, the test says no)"
                                          : "composite (p is composite)",
                   is_prime);
}

/* Every p up to 1000, prime or not: 14 Mersenne primes. 2^11 - 1 = 23 89. */
GRADED_TEST(ll, every_p_to_1000, 2, SEC_LL)
{
    for (unsigned p = 3; p <= 63; p += 2) /* the grader's list against its own test */
        if (ref_is_prime(p))
            expect_true(ref_lucas_lehmer_small(p) == ref_is_mersenne_exponent(p),
                        "grader self-check at p = %u", p);
    for (uint64_t p = 2; p <= 1000; p++)
        expect_ll(p);
}

static uint64_t prime_after(uint64_t p)
{
    do
        p++;
    while (!ref_is_prime(p));
    return p;
}

static uint64_t prime_before(uint64_t p)
{
    do
        p--;
    while (!ref_is_prime(p));
    return p;
}

/* The exponents 1279 to 4423, the primes on either side of each, and p + 1. */
GRADED_TEST_T(ll, up_to_4423, 2, SEC_LL, 5)
{
    for (size_t i = 0; i < mersenne_exponent_count; i++) {
        uint64_t p = mersenne_exponents[i];
        if (p < 1000 || p > 4500)
            continue;
        expect_ll(p);
        expect_ll(prime_before(p));
        expect_ll(prime_after(p));
        expect_ll(p + 1);
    }
}

GRADED_TEST_T(ll, larger, 1, SEC_LL, 15)
{
    const uint64_t ps[] = {9689, 9941, 11213};
    for (size_t i = 0; i < 3; i++) {
        expect_ll(ps[i]);
        expect_ll(prime_after(ps[i]));
    }
}

GRADED_TEST(ll, errors, 1, SEC_LL)
{
    int is_prime;
    expect_status(mp_lucas_lehmer(0, &is_prime), MP_ERR_ARG, "mp_lucas_lehmer(0)");
    expect_status(mp_lucas_lehmer(1, &is_prime), MP_ERR_ARG, "mp_lucas_lehmer(1)");
    expect_status(mp_lucas_lehmer(MP_LL_MAX_P + 1ull, &is_prime), MP_ERR_ARG,
                  "mp_lucas_lehmer(MP_LL_MAX_P + 1)");
    expect_status(mp_lucas_lehmer(((uint64_t)1 << 32) + 7, &is_prime), MP_ERR_ARG,
                  "mp_lucas_lehmer(2^32 + 7)");
    expect_status(mp_lucas_lehmer(UINT64_MAX, &is_prime), MP_ERR_ARG,
                  "mp_lucas_lehmer(2^64 - 1)");
    expect_status(mp_lucas_lehmer(7, NULL), MP_ERR_ARG, "mp_lucas_lehmer with is_prime = NULL");
}
