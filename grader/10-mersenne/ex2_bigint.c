/* Exercise 2: natural numbers as arrays of limbs: comparison, addition,
 * subtraction and the schoolbook product (chapter section 6). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

__extension__ typedef unsigned __int128 u128;

/* (a, n) with `extra` leading zero limbs: inputs need not be normalised. */
static uint64_t *padded(const uint64_t *a, size_t n, size_t extra)
{
    uint64_t *x = words(n + extra);
    memcpy(x, a, n * sizeof *x);
    return x;
}

static void expect_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           const char *what)
{
    int want = ref_compare(a, na, b, nb), came = mp_compare(a, na, b, nb);
    if (came != want)
        grade_fail("mp_compare(%s): expected %d, came %d (-1, 0 or 1)", what, want, came);
}

GRADED_TEST(bigint, compare, 2, SEC_BIG)
{
    const uint64_t one = 1, big[2] = {0, 1}, zeros[3] = {0, 0, 0};
    expect_compare(NULL, 0, NULL, 0, "0 (NULL, 0) with 0 (NULL, 0)");
    expect_compare(zeros, 3, NULL, 0, "three zero limbs with (NULL, 0)");
    expect_compare(&one, 1, NULL, 0, "1 with 0");
    expect_compare(NULL, 0, &one, 1, "0 with 1");
    expect_compare(big, 2, &one, 1, "2^64 with 1");
    expect_compare(&one, 1, big, 2, "1 with 2^64");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 2000; round++) {
        size_t na = rng_below(&r, 8), nb = round % 3 ? na : rng_below(&r, 8);
        uint64_t a[8], b[8];
        ref_random_limbs(&r, a, na, (unsigned)round);
        memcpy(b, a, sizeof a);
        if (nb > 0 && round % 4)
            b[rng_below(&r, nb)] ^= (uint64_t)1 << rng_below(&r, 64); /* one bit differs */
        else if (round % 4 == 0)
            ref_random_limbs(&r, b, nb, (unsigned)round / 3);
        size_t pa = rng_below(&r, 3), pb = rng_below(&r, 3);
        char what[120];
        snprintf(what, sizeof what, "random numbers of %zu and %zu limbs (round %d), given with "
                 "%zu and %zu leading zero limbs", na, nb, round, pa, pb);
        expect_compare(padded(a, na, pa), na + pa, padded(b, nb, pb), nb + pb, what);
    }
}

GRADED_TEST(bigint, add, 2, SEC_BIG)
{
    const uint64_t ones[4] = {~0ull, ~0ull, ~0ull, ~0ull}, one = 1, carried[5] = {0, 0, 0, 0, 1};
    expect_binary(mp_add, "mp_add", NULL, 0, NULL, 0, NULL, 0);
    expect_binary(mp_add, "mp_add", ones, 4, &one, 1, carried, 5); /* 2^256 - 1 + 1 */
    expect_binary(mp_add, "mp_add", &one, 1, ones, 4, carried, 5);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 600; round++) {
        size_t na = rng_below(&r, 40), nb = rng_below(&r, 40), pa = rng_below(&r, 2);
        uint64_t *a = words(na + pa), *b = words(nb), *want = words(na + nb + 1);
        ref_random_limbs(&r, a, na, (unsigned)round);
        ref_random_limbs(&r, b, nb, (unsigned)rng_below(&r, 6));
        size_t n = ref_add(want, a, na, b, nb);
        expect_binary(mp_add, "mp_add", a, na + pa, b, nb, want, n);
        if (na <= 1 && nb <= 1) { /* against unsigned __int128 */
            u128 s = (u128)(na ? a[0] : 0) + (nb ? b[0] : 0);
            expect_true(n == (s >> 64 ? 2u : s ? 1u : 0u) && (n < 1 || want[0] == (uint64_t)s),
                        "grader self-check of the reference sum");
        }
    }
}

GRADED_TEST(bigint, subtract, 2, SEC_BIG)
{
    const uint64_t power[5] = {0, 0, 0, 0, 1}, one = 1, ones[4] = {~0ull, ~0ull, ~0ull, ~0ull};
    expect_binary(mp_sub, "mp_sub", power, 5, &one, 1, ones, 4); /* 2^256 - 1: borrows ripple */
    expect_binary(mp_sub, "mp_sub", ones, 4, ones, 4, NULL, 0);  /* a - a = 0 */
    expect_binary(mp_sub, "mp_sub", NULL, 0, NULL, 0, NULL, 0);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 600; round++) {
        size_t na = 1 + rng_below(&r, 40), nb = rng_below(&r, na + 1), pb = rng_below(&r, 2);
        uint64_t *a = words(na), *b = words(nb + pb), *want = words(na);
        ref_random_limbs(&r, a, na, (unsigned)round);
        ref_random_limbs(&r, b, nb, (unsigned)rng_below(&r, 6));
        if (ref_compare(a, na, b, nb) < 0) {
            uint64_t *t = a;
            size_t tn = na;
            a = b, na = nb, b = t, nb = tn;
        }
        size_t n = ref_sub(want, a, na, b, nb);
        expect_binary(mp_sub, "mp_sub", a, na, b, nb + (nb < na ? pb : 0), want, n);
    }
}

GRADED_TEST(bigint, schoolbook, 2, SEC_BIG)
{
    const uint64_t ones[3] = {~0ull, ~0ull, ~0ull}, one = 1;
    const uint64_t square[6] = {1, 0, 0, ~1ull, ~0ull, ~0ull}; /* (2^192 - 1)^2 */
    expect_binary(mp_mul_schoolbook, "mp_mul_schoolbook", ones, 3, ones, 3, square, 6);
    expect_binary(mp_mul_schoolbook, "mp_mul_schoolbook", ones, 3, &one, 1, ones, 3);
    expect_binary(mp_mul_schoolbook, "mp_mul_schoolbook", ones, 3, NULL, 0, NULL, 0);
    const uint64_t zero3[3] = {0, 0, 0};
    expect_binary(mp_mul_schoolbook, "mp_mul_schoolbook", zero3, 3, ones, 3, NULL, 0);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 400; round++) {
        size_t na = 1 + rng_below(&r, round < 200 ? 3 : 40), nb = 1 + rng_below(&r, 40);
        uint64_t *a = words(na + 1), *b = words(nb), *want = words(na + nb);
        ref_random_limbs(&r, a, na, (unsigned)round);
        ref_random_limbs(&r, b, nb, (unsigned)rng_below(&r, 6));
        size_t n = ref_mul(want, a, na, b, nb);
        expect_binary(mp_mul_schoolbook, "mp_mul_schoolbook", a, na + round % 2, b, nb, want, n);
        if (na == 1 && nb == 1) { /* against unsigned __int128 */
            u128 p = (u128)a[0] * b[0];
            expect_true(want[0] == (uint64_t)p && want[1] == (uint64_t)(p >> 64),
                        "grader self-check of the reference product");
        }
    }
}

/* a b = b a and (a + b) c = a c + b c, with the student's own functions. */
GRADED_TEST(bigint, identities, 1, SEC_BIG)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 100; round++) {
        size_t na = 1 + rng_below(&r, 30), nb = 1 + rng_below(&r, 30), nc = 1 + rng_below(&r, 30);
        uint64_t *a = words(na), *b = words(nb), *c = words(nc);
        ref_random_limbs(&r, a, na, (unsigned)round);
        ref_random_limbs(&r, b, nb, (unsigned)round + 1);
        ref_random_limbs(&r, c, nc, (unsigned)round + 2);
        uint64_t *ab = words(na + nb), *ba = words(na + nb), *s = words(na + nb + 1);
        uint64_t *sc = words(na + nb + nc + 1), *ac = words(na + nc), *bc = words(nb + nc);
        uint64_t *sum = words(na + nb + nc + 1);
        size_t n1, n2, ns, nsc, nac, nbc, nsum;
        expect_status(mp_mul_schoolbook(a, na, b, nb, ab, na + nb, &n1), MP_OK, "a b");
        expect_status(mp_mul_schoolbook(b, nb, a, na, ba, na + nb, &n2), MP_OK, "b a");
        expect_limbs(ba, n2, ab, n1, "mp_mul_schoolbook: b a against a b (round %d)", round);
        expect_status(mp_add(a, na, b, nb, s, na + nb + 1, &ns), MP_OK, "a + b");
        expect_status(mp_mul_schoolbook(s, ns, c, nc, sc, na + nb + nc + 1, &nsc), MP_OK,
                      "(a + b) c");
        expect_status(mp_mul_schoolbook(a, na, c, nc, ac, na + nc, &nac), MP_OK, "a c");
        expect_status(mp_mul_schoolbook(b, nb, c, nc, bc, nb + nc, &nbc), MP_OK, "b c");
        expect_status(mp_add(ac, nac, bc, nbc, sum, na + nb + nc + 1, &nsum), MP_OK,
                      "a c + b c");
        expect_limbs(sum, nsum, sc, nsc, "(a + b) c against a c + b c (round %d)", round);
    }
}

GRADED_TEST(bigint, errors, 1, SEC_BIG)
{
    expect_product_errors(mp_add, "mp_add");
    expect_product_errors(mp_sub, "mp_sub");
    expect_product_errors(mp_mul_schoolbook, "mp_mul_schoolbook");
    uint64_t a[2] = {5, 7}, b[2] = {9, 7}, out[4];
    size_t n;
    expect_status(mp_sub(a, 2, b, 2, out, 4, &n), MP_ERR_ARG,
                  "mp_sub(a, b) with b > a (a negative result)");
    expect_status(mp_sub(NULL, 0, a, 1, out, 4, &n), MP_ERR_ARG, "mp_sub(0, 5)");
}
