/* Exercise 3: Karatsuba's product (chapter section 7) and mp_mul, the
 * fastest product, by FFT for large operands (section 10). Large products
 * are checked through their residues modulo fixed primes, or exactly where
 * the answer is known in closed form. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void random_product(rng *r, mp_binary *f, const char *name, size_t na, size_t nb,
                           unsigned kind)
{
    uint64_t *a = words(na + 1), *b = words(nb), *want = words(na + nb);
    ref_random_limbs(r, a, na, kind);
    ref_random_limbs(r, b, nb, kind / 6);
    size_t n = ref_mul(want, a, na, b, nb);
    expect_binary(f, name, a, na + kind % 2, b, nb, want, n);
}

GRADED_TEST(karatsuba, random_sizes, 2, SEC_KARATSUBA)
{
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 150; round++) {
        size_t na = 1 + rng_below(&r, round < 50 ? 8 : 300);
        random_product(&r, mp_mul_karatsuba, "mp_mul_karatsuba", na,
                       round % 3 ? na : 1 + rng_below(&r, 300), round);
    }
    const uint64_t ones[3] = {~0ull, ~0ull, ~0ull};
    expect_binary(mp_mul_karatsuba, "mp_mul_karatsuba", ones, 3, NULL, 0, NULL, 0);
}

/* One operand much shorter than the other, both ways round. */
GRADED_TEST(karatsuba, unbalanced, 2, SEC_KARATSUBA)
{
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 40; round++) {
        size_t short_n = 1 + rng_below(&r, round < 20 ? 12 : 200);
        size_t long_n = short_n * (2 + rng_below(&r, 8)) + rng_below(&r, 100);
        if (round % 2)
            random_product(&r, mp_mul_karatsuba, "mp_mul_karatsuba", short_n, long_n, round);
        else
            random_product(&r, mp_mul_karatsuba, "mp_mul_karatsuba", long_n, short_n, round);
    }
}

/* a b mod q = (a mod q)(b mod q) mod q for the fixed primes q. */
static void expect_residues(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            const uint64_t *c, size_t nc, const char *what)
{
    __extension__ typedef unsigned __int128 u128;
    for (int i = 0; i < RESIDUE_MODULI; i++) {
        uint64_t q = residue_moduli[i];
        uint64_t want = (uint64_t)((u128)ref_residue(a, na, q) * ref_residue(b, nb, q) % q);
        uint64_t came = ref_residue(c, nc, q);
        if (came != want)
            grade_fail("%s: the product is wrong (modulo %llu it should be %llu, came %llu)",
                       what, (unsigned long long)q, (unsigned long long)want,
                       (unsigned long long)came);
    }
}

static void large_product(mp_binary *f, const char *name, size_t na, size_t nb)
{
    rng r;
    grade_rng(&r);
    uint64_t *a = words(na), *b = words(nb), *c = words(na + nb);
    ref_random_limbs(&r, a, na, 0);
    ref_random_limbs(&r, b, nb, 3);
    size_t nc = 0;
    char what[160];
    snprintf(what, sizeof what, "%s of random numbers of %zu and %zu limbs", name, na, nb);
    expect_status(f(a, na, b, nb, c, na + nb, &nc), MP_OK, "%s", what);
    expect_true(nc == ref_norm(c, na + nb) && nc >= na + nb - 1,
                "%s: *n_out = %zu is not the normalised length", what, nc);
    expect_residues(a, na, b, nb, c, nc, what);
}

/* 65536 limbs each: a schoolbook product takes 4.3 10^9 limb products,
 * many seconds; Karatsuba's three half-size products a fraction of that. */
GRADED_TEST_T(karatsuba, large, 2, SEC_KARATSUBA, 8)
{
    large_product(mp_mul_karatsuba, "mp_mul_karatsuba", 65536, 65536);
}

GRADED_TEST(karatsuba, errors, 1, SEC_KARATSUBA)
{
    expect_product_errors(mp_mul_karatsuba, "mp_mul_karatsuba");
    expect_product_errors(mp_mul, "mp_mul");
}

/* mp_mul at every size up to a few thousand limbs, where the methods meet. */
GRADED_TEST(mul, agrees, 2, SEC_FFT)
{
    rng r;
    grade_rng(&r);
    for (unsigned round = 0; round < 60; round++) {
        size_t na = 1 + rng_below(&r, round < 50 ? 400 : 2500);
        random_product(&r, mp_mul, "mp_mul", na, round % 2 ? na : 1 + rng_below(&r, 2500), round);
    }
}

/* The size of the test: a Karatsuba product of it takes some 10 times as
 * long as an FFT product, and more than the limit (the sanitizer build is
 * slower and tests half; the sandbox's 512 MiB allow 2^19 limbs each). */
static size_t fft_limbs(void)
{
    return GRADE_SLOW_BUILD ? (size_t)1 << 18 : (size_t)1 << 19;
}

GRADED_TEST_T(mul, fft_size, 2, SEC_FFT, 6)
{
    large_product(mp_mul, "mp_mul", fft_limbs(), fft_limbs());
}

/* (2^(64 n) - 1)^2 = 2^(128 n) - 2^(64 n + 1) + 1: limbs 1, 0, ..., 0,
 * 2^64 - 2, 2^64 - 1, ...: every piece of a floating-point transform at
 * its largest, where its rounding error is worst. */
GRADED_TEST_T(mul, fft_all_ones, 2, SEC_FFT, 6)
{
    size_t n = fft_limbs();
    uint64_t *a = words(n), *c = words(2 * n), *want = words(2 * n);
    for (size_t i = 0; i < n; i++) {
        a[i] = ~(uint64_t)0;
        want[n + i] = ~(uint64_t)0;
    }
    want[0] = 1;
    want[n] = ~(uint64_t)1;
    size_t nc = 0;
    expect_status(mp_mul(a, n, a, n, c, 2 * n, &nc), MP_OK, "mp_mul((2^(64 %zu) - 1)^2)", n);
    expect_limbs(c, nc, want, 2 * n, "mp_mul((2^(64 %zu) - 1)^2)", n);
}
