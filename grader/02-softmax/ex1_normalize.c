/* Exercise 1: normalising by the sum (chapter section 2). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "2 Arrays as distributions"

/* The chapter's scores A = [101, 379, 44] sum to 524. */
GRADED_TEST(normalize, the_chapter_example, 1, SECTION)
{
    const double a[] = {101, 379, 44};
    double p[3] = {NAN, NAN, NAN};
    expect_status(sm_normalize(a, 3, p), SM_OK, "normalising A = [101, 379, 44]");
    expect_near(p[0], 101.0 / 524, 1e-15, "p[0] of A = [101, 379, 44] (101 / 524)");
    expect_near(p[1], 379.0 / 524, 1e-15, "p[1] of A = [101, 379, 44] (379 / 524)");
    expect_near(p[2], 44.0 / 524, 1e-15, "p[2] of A = [101, 379, 44] (44 / 524)");

    /* Counts with a zero: the impossible outcome gets exactly 0. */
    const double counts[] = {3, 0, 1};
    double q[3] = {NAN, NAN, NAN};
    expect_status(sm_normalize(counts, 3, q), SM_OK, "normalising [3, 0, 1]");
    expect_near(q[0], 0.75, 1e-15, "p[0] of [3, 0, 1]");
    expect_true(q[1] == 0, "p[1] of [3, 0, 1]: expected exactly 0, came %.17g", q[1]);
    expect_near(q[2], 0.25, 1e-15, "p[2] of [3, 0, 1]");

    const double one[] = {5};
    double r1 = NAN;
    expect_status(sm_normalize(one, 1, &r1), SM_OK, "normalising the single value [5]");
    expect_near(r1, 1, 1e-15, "normalising [5]");
}

GRADED_TEST(normalize, random_arrays, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, round < 25 ? 40 : 5000);
        double *a = alloc_doubles(n), *p = alloc_doubles(n), *scaled = alloc_doubles(n),
               *p_scaled = alloc_doubles(n);
        double hi = round % 3 == 0 ? 1e-3 : round % 3 == 1 ? 100 : 1e6;
        fill_uniform(&r, a, n, 0, hi);
        for (size_t i = 0; i < n; i++)
            if (rng_below(&r, 5) == 0)
                a[i] = 0;
        a[rng_below(&r, n)] = hi / 2; /* never all zero */
        double *before = grade_copy(a, n);
        long double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += a[i];
        long double *expected = alloc_long_doubles(n);
        for (size_t i = 0; i < n; i++)
            expected[i] = a[i] / sum;

        expect_status(sm_normalize(a, n, p), SM_OK, "normalising random non-negative values");
        expect_unchanged(a, before, n, "a");
        char what[128];
        snprintf(what, sizeof what, "normalising %zu random values in [0, %g)", n, hi);
        /* A sum of n terms may carry n rounding errors, whatever the order. */
        double tol = 1e-15 + 2e-16 * (double)n;
        expect_probabilities(p, expected, n, tol, 1e-300, what);
        long double total = 0;
        for (size_t i = 0; i < n; i++) {
            expect_true(p[i] >= 0, "%s: p[%zu] = %g is negative", what, i, p[i]);
            expect_true(a[i] != 0 || p[i] == 0,
                        "%s: a[%zu] is 0, so p[%zu] should be exactly 0, came %g", what, i, i,
                        p[i]);
            total += p[i];
        }
        expect_near((double)total, 1, 1e-14 + 2e-16 * (double)n, "sum of p, %s", what);

        /* Scaling by a power of two is exact, so it changes nothing, bit for bit. */
        int k = (int)rng_below(&r, 41) - 20;
        for (size_t i = 0; i < n; i++)
            scaled[i] = ldexp(a[i], k);
        expect_status(sm_normalize(scaled, n, p_scaled), SM_OK, "normalising 2^k * a");
        for (size_t i = 0; i < n; i++)
            expect_true(memcmp(&p[i], &p_scaled[i], sizeof p[i]) == 0,
                        "normalising 2^%d * a must give exactly the same p as a (%s): p[%zu] "
                        "expected %.17g, came %.17g", k, what, i, p[i], p_scaled[i]);

        /* In place: p may be the same array as a. */
        expect_status(sm_normalize(scaled, n, scaled), SM_OK, "normalising in place");
        expect_probabilities(scaled, expected, n, tol, 1e-300, "normalising in place");
        free(a);
        free(p);
        free(scaled);
        free(p_scaled);
        free(before);
        free(expected);
    }
}

/* Each case: scores that are not proportional to probabilities. */
typedef struct {
    double a[4];
    size_t n;
    const char *why;
} not_a_distribution;

GRADED_TEST(normalize, refuses_what_is_not_a_distribution, 1, SECTION)
{
    const not_a_distribution cases[] = {
        {{10, -9, -1}, 3, "B = [10, -9, -1] (sums to 0)"},
        {{0, 0, 0}, 3, "[0, 0, 0] (sums to 0)"},
        {{-1, 2, 3}, 3, "[-1, 2, 3] (a negative entry, positive sum)"},
        {{-1, -2}, 2, "[-1, -2] (a negative sum)"},
        {{1, NAN, 2}, 3, "[1, NaN, 2]"},
        {{1, INFINITY, 2}, 3, "[1, inf, 2]"},
        {{1, -INFINITY, 2, 3}, 4, "[1, -inf, 2, 3]"},
        {{-0.0}, 1, "[-0]"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double p[4] = {42, 42, 42, 42};
        char what[160];
        snprintf(what, sizeof what, "normalising %s", cases[c].why);
        expect_status(sm_normalize(cases[c].a, cases[c].n, p), SM_ERR_DOMAIN, what);
        for (int i = 0; i < 4; i++)
            expect_true(p[i] == 42, "after refusing %s, p should be left alone: p[%d] was 42, "
                                    "came %g", cases[c].why, i, p[i]);
    }
    const double a[] = {1, 2};
    double p[2];
    expect_status(sm_normalize(NULL, 2, p), SM_ERR_ARG, "sm_normalize with a = NULL");
    expect_status(sm_normalize(a, 2, NULL), SM_ERR_ARG, "sm_normalize with p = NULL");
    expect_status(sm_normalize(a, 0, p), SM_ERR_ARG, "sm_normalize with n = 0");
}

/* A NaN with its sign bit set (what inf - inf and 0 / 0 give on x86) is no
 * more a probability than one without: both fail every comparison. */
GRADED_TEST(normalize, nan_of_either_sign, 1, SECTION)
{
    const double nans[] = {copysign(NAN, 1.0), copysign(NAN, -1.0)};
    for (size_t s = 0; s < 2; s++) {
        for (size_t at = 0; at < 3; at++) {
            double a[3] = {1, 2, 3}, p[3] = {42, 42, 42};
            a[at] = nans[s];
            char what[96];
            snprintf(what, sizeof what, "normalising [1, 2, 3] with entry %zu replaced by %sNaN",
                     at, s ? "-" : "+");
            expect_status(sm_normalize(a, 3, p), SM_ERR_DOMAIN, what);
            for (int i = 0; i < 3; i++)
                expect_true(p[i] == 42, "after refusing %s, p should be left alone: p[%d] was "
                            "42, came %g", what, i, p[i]);
        }
    }
}
