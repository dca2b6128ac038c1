/* Exercise 2: softmax, stably (chapter sections 3 and 4). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "3 The exponential and softmax"
#define SAFELY "4 Computing softmax safely"

/* Calls sm_softmax, which must succeed, and compares with the reference. */
static void check_softmax(const double *a, size_t n, double rel, const char *what)
{
    double *p = alloc_doubles(n);
    long double *expected = alloc_long_doubles(n);
    for (size_t i = 0; i < n; i++)
        p[i] = NAN;
    expect_status(sm_softmax(a, n, p), SM_OK, what);
    ref_softmax_d(a, n, expected);
    expect_probabilities(p, expected, n, rel, 1e-300, what);
    free(p);
    free(expected);
}

/* softmax of three logits against closed forms e^a_i / sum e^a_j worked out
 * in long double. */
static void expect_three(const double *a, long double e0, long double e1, long double e2,
                         double rel, const char *what)
{
    long double expected[3] = {e0 / (e0 + e1 + e2), e1 / (e0 + e1 + e2), e2 / (e0 + e1 + e2)};
    double p[3] = {NAN, NAN, NAN};
    expect_status(sm_softmax(a, 3, p), SM_OK, what);
    expect_probabilities(p, expected, 3, rel, 0, what);
}

GRADED_TEST(softmax, the_exponential_examples, 1, SECTION)
{
    const long double e = expl(1);
    const double a[] = {1, 2, 3};
    expect_three(a, e, e * e, e * e * e, 4e-15, "softmax of [1, 2, 3]");
    const double b[] = {10, -9, -1};
    expect_three(b, expl(10), expl(-9), expl(-1), 1e-14, "softmax of B = [10, -9, -1]");
    const double logs[] = {0, log(2), log(3)};
    expect_three(logs, 1, 2, 3, 2e-15, "softmax of [0, log 2, log 3] (1/6, 2/6, 3/6)");

    /* Two logits: softmax is the logistic function 1 / (1 + e^-x). */
    const double two[] = {2, 0};
    double p2[2] = {NAN, NAN};
    expect_status(sm_softmax(two, 2, p2), SM_OK, "softmax of [2, 0]");
    expect_near(p2[0], (double)(1 / (1 + expl(-2))), 1e-15, "softmax of [2, 0], p[0]");
    expect_near(p2[1], (double)(1 / (1 + expl(2))), 1e-15, "softmax of [2, 0], p[1]");

    const double same[] = {7, 7, 7, 7};
    double p4[4] = {NAN, NAN, NAN, NAN};
    expect_status(sm_softmax(same, 4, p4), SM_OK, "softmax of [7, 7, 7, 7]");
    for (int i = 0; i < 4; i++)
        expect_near(p4[i], 0.25, 1e-15, "softmax of [7, 7, 7, 7] is uniform: p[%d]", i);
    const double one[] = {-3.5};
    double p1 = NAN;
    expect_status(sm_softmax(one, 1, &p1), SM_OK, "softmax of one logit");
    expect_near(p1, 1, 1e-15, "softmax of the single logit [-3.5]");
}

/* Random logits: the reference, the sum, shift invariance, order, const
 * inputs and in-place calls. The logits are multiples of 1/1024 below 128 in
 * size and the shifts whole numbers, so that shifted logits are exact. */
GRADED_TEST(softmax, random_logits, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, round < 35 ? 40 : 3000);
        double spread = round % 2 ? 100 : 5;
        double *a = alloc_doubles(n), *p = alloc_doubles(n), *shifted = alloc_doubles(n),
               *p_shifted = alloc_doubles(n);
        fill_dyadic(&r, a, n, -spread, spread);
        if (round % 7 == 3 && n > 1) /* some ties */
            a[rng_below(&r, n)] = a[0];
        double *before = grade_copy(a, n);
        long double *expected = alloc_long_doubles(n);
        ref_softmax_d(a, n, expected);
        char what[128];
        snprintf(what, sizeof what, "softmax of %zu random logits in [-%g, %g)", n, spread,
                 spread);

        for (size_t i = 0; i < n; i++)
            p[i] = NAN;
        expect_status(sm_softmax(a, n, p), SM_OK, what);
        expect_unchanged(a, before, n, "a");
        double tol = 1e-12 + 2e-16 * (double)n;
        expect_probabilities(p, expected, n, tol, 1e-300, what);
        long double total = 0;
        for (size_t i = 0; i < n; i++)
            total += p[i];
        expect_near((double)total, 1, 1e-14 + 2e-16 * (double)n, "sum of the %s", what);

        /* Larger logit, larger probability; equal logits, equal probabilities. */
        if (n <= 40)
            for (size_t i = 0; i < n; i++)
                for (size_t j = 0; j < n; j++) {
                    if (a[i] > a[j])
                        expect_true(p[i] > p[j], "%s: a[%zu] = %g > a[%zu] = %g, so p[%zu] "
                                    "should be > p[%zu], but came %.17g and %.17g", what, i,
                                    a[i], j, a[j], i, j, p[i], p[j]);
                    if (a[i] == a[j])
                        expect_true(p[i] == p[j], "%s: a[%zu] = a[%zu] = %g, so p[%zu] and "
                                    "p[%zu] should be equal, but came %.17g and %.17g", what, i,
                                    j, a[i], i, j, p[i], p[j]);
                }

        /* Adding a constant to every logit changes nothing. */
        double c = (double)rng_below(&r, 1001) - 500;
        for (size_t i = 0; i < n; i++)
            shifted[i] = a[i] + c;
        char shifted_what[200];
        snprintf(shifted_what, sizeof shifted_what, "softmax of the same logits plus %g", c);
        expect_status(sm_softmax(shifted, n, p_shifted), SM_OK, shifted_what);
        expect_probabilities(p_shifted, expected, n, tol, 1e-300, shifted_what);

        /* In place. */
        expect_status(sm_softmax(shifted, n, shifted), SM_OK, "softmax in place (p == a)");
        expect_probabilities(shifted, expected, n, tol, 1e-300, "softmax in place (p == a)");
        free(a);
        free(p);
        free(shifted);
        free(p_shifted);
        free(before);
        free(expected);
    }
}

GRADED_TEST(softmax, large_and_small_logits, 2, SAFELY)
{
    const long double e = expl(1);
    const double big[] = {1000, 1001, 1002};
    expect_three(big, 1, e, e * e, 1e-13, "softmax of [1000, 1001, 1002]");
    const double small[] = {-1000, -1001, -1002};
    expect_three(small, 1, 1 / e, 1 / (e * e), 1e-13, "softmax of [-1000, -1001, -1002]");
    const double far[] = {1e300, -1e300, 1e300};
    expect_three(far, 1, 0, 1, 1e-15, "softmax of [1e300, -1e300, 1e300]");
    const double huge[] = {DBL_MAX, DBL_MAX / 2, DBL_MAX};
    expect_three(huge, 1, 0, 1, 1e-15, "softmax of [DBL_MAX, DBL_MAX / 2, DBL_MAX]");
    const double under[] = {0, -2000, -800};
    expect_three(under, 1, 0, 0, 1e-15, "softmax of [0, -2000, -800]");
    const double tiny[] = {-1000, -1000};
    double p[2] = {NAN, NAN};
    expect_status(sm_softmax(tiny, 2, p), SM_OK, "softmax of [-1000, -1000]");
    expect_near(p[0], 0.5, 1e-15, "softmax of [-1000, -1000], p[0]");
    expect_near(p[1], 0.5, 1e-15, "softmax of [-1000, -1000], p[1]");

    /* Random logits around a large offset: within 1e-10, the rounding of a
     * log-sum-exp of 1e5. */
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + rng_below(&r, 100);
        double *a = alloc_doubles(n);
        double offset = (double)(1000 + rng_below(&r, 100000)) * (round % 2 ? 1 : -1);
        fill_dyadic(&r, a, n, -30, 30);
        for (size_t i = 0; i < n; i++)
            a[i] += offset;
        char what[128];
        snprintf(what, sizeof what, "softmax of %zu random logits near %g", n, offset);
        check_softmax(a, n, 1e-10, what);
        free(a);
    }
}

GRADED_TEST(softmax, masks_and_errors, 1, SAFELY)
{
    const double masked[] = {-INFINITY, 0, log(3)};
    expect_three(masked, 0, 1, 3, 2e-15, "softmax of [-inf, 0, log 3]");
    double p[8];
    const double alone[] = {-INFINITY, 1e3, -INFINITY};
    expect_three(alone, 0, 1, 0, 0, "softmax of [-inf, 1000, -inf]");

    /* Random logits with random masks: the masked entries get exactly 0 and the
     * others the softmax of what is left. */
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, 60);
        double *a = alloc_doubles(n), *q = alloc_doubles(n);
        fill_dyadic(&r, a, n, -50, 50);
        for (size_t i = 0; i < n; i++)
            if (rng_below(&r, 3) == 0)
                a[i] = -INFINITY;
        a[rng_below(&r, n)] = 1.5;
        long double *expected = alloc_long_doubles(n);
        ref_softmax_d(a, n, expected);
        expect_status(sm_softmax(a, n, q), SM_OK, "softmax of random logits, some -inf");
        for (size_t i = 0; i < n; i++)
            if (a[i] == -INFINITY)
                expect_true(q[i] == 0, "softmax of %zu random logits: a[%zu] = -inf, so p[%zu] "
                            "should be exactly 0, came %g", n, i, i, q[i]);
        expect_probabilities(q, expected, n, 1e-12, 1e-300, "softmax of random logits, some -inf");
        free(a);
        free(q);
        free(expected);
    }

    const struct {
        double a[3];
        size_t n;
        const char *why;
    } bad[] = {
        {{-INFINITY}, 1, "[-inf]"},
        {{-INFINITY, -INFINITY, -INFINITY}, 3, "[-inf, -inf, -inf]"},
        {{1, NAN, 2}, 3, "[1, NaN, 2]"},
        {{1, INFINITY, 2}, 3, "[1, +inf, 2]"},
        {{-INFINITY, INFINITY}, 2, "[-inf, +inf]"},
        {{NAN}, 1, "[NaN]"},
    };
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        char what[128];
        snprintf(what, sizeof what, "softmax of %s", bad[c].why);
        expect_status(sm_softmax(bad[c].a, bad[c].n, p), SM_ERR_DOMAIN, what);
    }
    const double a[] = {1, 2};
    expect_status(sm_softmax(NULL, 2, p), SM_ERR_ARG, "sm_softmax with a = NULL");
    expect_status(sm_softmax(a, 2, NULL), SM_ERR_ARG, "sm_softmax with p = NULL");
    expect_status(sm_softmax(a, 0, p), SM_ERR_ARG, "sm_softmax with n = 0");
}

GRADED_TEST(softmax, logsumexp, 1, "4.2 Log-sum-exp")
{
    const long double e = expl(1);
    const long double tail = logl(1 + 1 / e + 1 / (e * e));
    const double big[] = {1000, 1001, 1002}, small[] = {-1000, -1001, -1002};
    expect_near(sm_logsumexp(big, 3), (double)(1002 + tail), 1e-15,
                "logsumexp of [1000, 1001, 1002] (1002 + log(1 + 1/e + 1/e^2))");
    expect_near(sm_logsumexp(small, 3), (double)(-1000 + tail), 1e-15,
                "logsumexp of [-1000, -1001, -1002] (-1000 + log(1 + 1/e + 1/e^2))");
    const double same[] = {3, 3, 3, 3};
    expect_near(sm_logsumexp(same, 4), (double)(3 + logl(4)), 1e-15,
                "logsumexp of [3, 3, 3, 3] (3 + log 4)");
    const double logs[] = {0, log(2), log(3)};
    expect_near(sm_logsumexp(logs, 3), (double)logl(6), 1e-15, "logsumexp of [0, log 2, log 3]");
    const double one[] = {-7.25};
    expect_near(sm_logsumexp(one, 1), -7.25, 1e-15, "logsumexp of [-7.25]");
    const double masked[] = {-INFINITY, 5, -INFINITY};
    expect_near(sm_logsumexp(masked, 3), 5, 1e-15, "logsumexp of [-inf, 5, -inf]");
    const double far[] = {-2000, 0};
    expect_near(sm_logsumexp(far, 2), 0, 1e-15, "logsumexp of [-2000, 0]");

    double v;
    v = sm_logsumexp(big, 0);
    expect_true(v == -INFINITY, "logsumexp of 0 values: expected -inf, came %g", v);
    const double none[] = {-INFINITY, -INFINITY};
    v = sm_logsumexp(none, 2);
    expect_true(v == -INFINITY, "logsumexp of [-inf, -inf]: expected -inf, came %g", v);
    const double plus[] = {1, INFINITY, 2}, mixed[] = {-INFINITY, INFINITY};
    v = sm_logsumexp(plus, 3);
    expect_true(v == INFINITY, "logsumexp of [1, +inf, 2]: expected +inf, came %g", v);
    v = sm_logsumexp(mixed, 2);
    expect_true(v == INFINITY, "logsumexp of [-inf, +inf]: expected +inf, came %g", v);
    const double nan[] = {1, NAN, 2};
    v = sm_logsumexp(nan, 3);
    expect_true(isnan(v), "logsumexp of [1, NaN, 2]: expected NaN, came %g", v);

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, round < 25 ? 50 : 5000);
        double *a = alloc_doubles(n);
        double offset = round % 3 == 0 ? (double)rng_below(&r, 20001) - 10000 : 0;
        fill_uniform(&r, a, n, offset - 100, offset + 100);
        double *before = grade_copy(a, n);
        long double expected = ref_logsumexp_d(a, n);
        double came = sm_logsumexp(a, n);
        expect_unchanged(a, before, n, "a");
        /* The sum of n exponentials may carry n rounding errors. */
        expect_near(came, (double)expected, 1e-15 + 2e-16 * (double)n,
                    "logsumexp of %zu random values in "
                    "[%g, %g)", n, offset - 100, offset + 100);
        double max = a[0];
        for (size_t i = 1; i < n; i++)
            max = a[i] > max ? a[i] : max;
        expect_true(came >= max && came <= max + log((double)n) + 1e-12,
                    "logsumexp lies between max and max + log n: max %.17g, n %zu, came %.17g",
                    max, n, came);
        free(a);
        free(before);
    }
}

GRADED_TEST(softmax, log_softmax, 2, "4.2 Log-sum-exp")
{
    /* The chapter's example: e^-2000 underflows, its log does not. */
    const double far[] = {0, -2000};
    double out[3] = {NAN, NAN, NAN};
    expect_status(sm_log_softmax(far, 2, out), SM_OK, "log_softmax of [0, -2000]");
    expect_near(out[0], 0, 1e-15, "log_softmax of [0, -2000], out[0]");
    expect_near(out[1], -2000, 1e-15, "log_softmax of [0, -2000], out[1]");

    const long double e = expl(1);
    const long double lse = 1002 + logl(1 + 1 / e + 1 / (e * e));
    const double big[] = {1000, 1001, 1002};
    expect_status(sm_log_softmax(big, 3, out), SM_OK, "log_softmax of [1000, 1001, 1002]");
    for (int i = 0; i < 3; i++)
        expect_near(out[i], (double)(big[i] - lse), 1e-12,
                    "log_softmax of [1000, 1001, 1002], out[%d]", i);

    const double masked[] = {-INFINITY, 0, 0};
    expect_status(sm_log_softmax(masked, 3, out), SM_OK, "log_softmax of [-inf, 0, 0]");
    expect_true(out[0] == -INFINITY, "log_softmax of [-inf, 0, 0], out[0]: expected -inf, "
                                     "came %g", out[0]);
    expect_near(out[1], (double)-logl(2), 1e-15, "log_softmax of [-inf, 0, 0], out[1]");
    expect_near(out[2], (double)-logl(2), 1e-15, "log_softmax of [-inf, 0, 0], out[2]");

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, round < 25 ? 40 : 3000);
        double spread = round % 2 ? 100 : 1000;
        double *a = alloc_doubles(n), *o = alloc_doubles(n), *p = alloc_doubles(n);
        fill_uniform(&r, a, n, -spread, spread);
        if (round % 5 == 4)
            for (size_t i = 1; i < n; i++)
                if (rng_below(&r, 4) == 0)
                    a[i] = -INFINITY;
        double *before = grade_copy(a, n);
        long double lse_ref = ref_logsumexp_d(a, n);
        /* a[i] - logsumexp(a) cannot be more accurate than the logits: the
         * tolerance is relative to the largest of them. */
        double tol = 1e-15 * spread + 2e-16 * (double)n;
        char what[128];
        snprintf(what, sizeof what, "log_softmax of %zu random logits in [-%g, %g)", n, spread,
                 spread);
        expect_status(sm_log_softmax(a, n, o), SM_OK, what);
        expect_unchanged(a, before, n, "a");
        for (size_t i = 0; i < n; i++) {
            if (a[i] == -INFINITY) {
                expect_true(o[i] == -INFINITY, "%s: a[%zu] = -inf, so out[%zu] should be -inf, "
                            "came %g", what, i, i, o[i]);
                continue;
            }
            double expected = (double)(a[i] - lse_ref);
            expect_near(o[i], expected, tol / fmax(1, fabs(expected)), "%s, out[%zu]", what, i);
        }
        /* exp(log_softmax) is softmax, wherever softmax does not underflow. */
        expect_status(sm_softmax(a, n, p), SM_OK, what);
        for (size_t i = 0; i < n; i++)
            if (p[i] > 1e-300)
                expect_true(fabs(exp(o[i]) - p[i]) <= 1e-11 * p[i],
                            "%s: exp(out[%zu]) = %.17g should equal softmax p[%zu] = %.17g",
                            what, i, exp(o[i]), i, p[i]);
        /* In place. */
        expect_status(sm_log_softmax(a, n, a), SM_OK, "log_softmax in place (out == a)");
        for (size_t i = 0; i < n; i++)
            expect_true(a[i] == o[i] || fabs(a[i] - o[i]) <= tol,
                        "log_softmax in place: out[%zu] expected %.17g (as out of place), "
                        "came %.17g", i, o[i], a[i]);
        free(a);
        free(o);
        free(p);
        free(before);
    }

    const double none[] = {-INFINITY, -INFINITY}, plus[] = {0, INFINITY}, nan[] = {NAN, 0};
    expect_status(sm_log_softmax(none, 2, out), SM_ERR_DOMAIN, "log_softmax of [-inf, -inf]");
    expect_status(sm_log_softmax(plus, 2, out), SM_ERR_DOMAIN, "log_softmax of [0, +inf]");
    expect_status(sm_log_softmax(nan, 2, out), SM_ERR_DOMAIN, "log_softmax of [NaN, 0]");
    expect_status(sm_log_softmax(NULL, 2, out), SM_ERR_ARG, "sm_log_softmax with a = NULL");
    expect_status(sm_log_softmax(far, 2, NULL), SM_ERR_ARG, "sm_log_softmax with out = NULL");
    expect_status(sm_log_softmax(far, 0, out), SM_ERR_ARG, "sm_log_softmax with n = 0");
}

/* The largest entry of the softmax of a at temperature t. */
static double max_probability(const double *a, size_t n, double t)
{
    double p[16], best = 0;
    expect_status(sm_softmax_temperature(a, n, t, p), SM_OK, "softmax at a valid temperature");
    for (size_t i = 0; i < n; i++)
        best = p[i] > best ? p[i] : best;
    return best;
}

GRADED_TEST(softmax, temperature, 2, "4.3 Temperature")
{
    const long double e = expl(1);
    const double a[] = {1, 2, 3};
    double p[16];
    expect_status(sm_softmax_temperature(a, 3, 2, p), SM_OK, "softmax of [1, 2, 3] at T = 2");
    long double s = sqrtl(e) + e + e * sqrtl(e);
    long double expected[3] = {sqrtl(e) / s, e / s, e * sqrtl(e) / s};
    expect_probabilities(p, expected, 3, 1e-14, 0, "softmax of [1, 2, 3] at T = 2 "
                                                    "(softmax of [0.5, 1, 1.5])");

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 2 + rng_below(&r, 14);
        double x[16], q[16];
        fill_uniform(&r, x, n, -20, 20);
        if (round % 4 == 0 && n > 2)
            x[rng_below(&r, n)] = -INFINITY;
        double t = round == 0 ? 1 : exp(rng_range(&r, log(0.1), log(10)));
        long double scaled[16], ref[16];
        for (size_t i = 0; i < n; i++)
            scaled[i] = x[i] / (long double)t;
        ref_softmax(scaled, n, ref);
        double *before = grade_copy(x, n);
        char what[128];
        snprintf(what, sizeof what, "softmax of %zu random logits at temperature %g", n, t);
        expect_status(sm_softmax_temperature(x, n, t, q), SM_OK, what);
        expect_unchanged(x, before, n, "a");
        expect_probabilities(q, ref, n, 1e-12, 1e-300, what);
        free(before);

        /* Cold: all the probability on the largest logit. Distinct logits,
         * at least 0.5 apart. */
        size_t m = 2 + rng_below(&r, 8);
        double d[10];
        size_t best = 0;
        for (size_t i = 0; i < m; i++) {
            d[i] = 0.5 * (double)(rng_below(&r, 20) + 20 * i) - 50;
            if (d[i] > d[best])
                best = i;
        }
        for (size_t i = m; i-- > 1;) { /* shuffle, keeping track of the maximum */
            size_t j = rng_below(&r, i + 1);
            double tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
            best = best == i ? j : best == j ? i : best;
        }
        expect_status(sm_softmax_temperature(d, m, 1e-3, q), SM_OK, "softmax at T = 0.001");
        for (size_t i = 0; i < m; i++)
            expect_near(q[i], i == best ? 1 : 0, 1e-15, "softmax of %zu logits at T = 0.001 "
                        "is one-hot on the largest (index %zu): p[%zu]", m, best, i);
        /* Hot: uniform. |x| <= 20 and T = 1e8 move p by at most 1e-6. */
        expect_status(sm_softmax_temperature(x, n, 1e8, q), SM_OK, "softmax at T = 1e8");
        size_t live = 0;
        for (size_t i = 0; i < n; i++)
            live += x[i] != -INFINITY;
        for (size_t i = 0; i < n; i++)
            expect_near(q[i], x[i] == -INFINITY ? 0 : 1.0 / (double)live, 1e-6,
                        "softmax of %zu logits in [-20, 20) at T = 1e8 is nearly uniform: p[%zu]",
                        n, i);
        /* Warmer is flatter: the largest probability falls as T grows (for
         * logits in [-1, 1], where the change shows in double precision). */
        double y[16];
        for (size_t i = 0; i < n; i++)
            y[i] = x[i] / 20;
        double t1 = exp(rng_range(&r, log(0.1), log(10))), t2 = t1 * rng_range(&r, 1.5, 4);
        double p1 = max_probability(y, n, t1), p2 = max_probability(y, n, t2);
        expect_true(p1 > p2, "the largest probability should fall as the temperature rises: "
                    "%.17g at T = %g, %.17g at T = %g", p1, t1, p2, t2);
    }

    const double same[] = {4, 4, 4};
    expect_status(sm_softmax_temperature(same, 3, 0.01, p), SM_OK, "[4, 4, 4] at T = 0.01");
    for (int i = 0; i < 3; i++)
        expect_near(p[i], 1.0 / 3, 1e-15, "softmax of [4, 4, 4] at T = 0.01, p[%d]", i);

    const double bad_t[] = {0, -1, NAN, INFINITY, -INFINITY};
    const char *names[] = {"0", "-1", "NaN", "+inf", "-inf"};
    for (int c = 0; c < 5; c++) {
        char what[64];
        snprintf(what, sizeof what, "softmax at temperature %s", names[c]);
        expect_status(sm_softmax_temperature(a, 3, bad_t[c], p), SM_ERR_ARG, what);
    }
    const double none[] = {-INFINITY, -INFINITY}, nan[] = {0, NAN};
    expect_status(sm_softmax_temperature(none, 2, 1, p), SM_ERR_DOMAIN,
                  "softmax of [-inf, -inf] at T = 1");
    expect_status(sm_softmax_temperature(nan, 2, 1, p), SM_ERR_DOMAIN,
                  "softmax of [0, NaN] at T = 1");
    expect_status(sm_softmax_temperature(NULL, 3, 1, p), SM_ERR_ARG,
                  "sm_softmax_temperature with a = NULL");
    expect_status(sm_softmax_temperature(a, 0, 1, p), SM_ERR_ARG,
                  "sm_softmax_temperature with n = 0");
    expect_status(sm_softmax_temperature(a, 3, 1, NULL), SM_ERR_ARG,
                  "sm_softmax_temperature with p = NULL");
}

/* A NaN with its sign bit set is what inf - inf and 0 / 0 give on x86. Every
 * comparison with it is false, and a maximum taken with > passes over it;
 * it must make the result NaN or SM_ERR_DOMAIN all the same, wherever it is. */
GRADED_TEST(softmax, nan_of_either_sign, 1, SAFELY)
{
    const double nans[] = {copysign(NAN, 1.0), copysign(NAN, -1.0)};
    for (size_t s = 0; s < 2; s++) {
        for (size_t at = 0; at < 4; at++) {
            double a[4] = {1, 2, 3, 0.5}, p[4];
            a[at] = nans[s];
            char what[96];
            snprintf(what, sizeof what, "[%s%s%s%s] with %sNaN at index %zu",
                     at == 0 ? "NaN" : "1", at == 1 ? ", NaN" : ", 2", at == 2 ? ", NaN" : ", 3",
                     at == 3 ? ", NaN" : ", 0.5", s ? "-" : "+", at);
            char call[160];
            snprintf(call, sizeof call, "softmax of %s", what);
            expect_status(sm_softmax(a, 4, p), SM_ERR_DOMAIN, call);
            snprintf(call, sizeof call, "log_softmax of %s", what);
            expect_status(sm_log_softmax(a, 4, p), SM_ERR_DOMAIN, call);
            snprintf(call, sizeof call, "softmax at temperature 2 of %s", what);
            expect_status(sm_softmax_temperature(a, 4, 2.0, p), SM_ERR_DOMAIN, call);
            double v = sm_logsumexp(a, 4);
            expect_true(isnan(v), "logsumexp of %s: expected NaN, came %g", what, v);
        }
    }
}
