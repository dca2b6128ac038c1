/* Exercise 3: losses (chapter section 4). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "4 Losses"

/* -y log s - (1 - y) log(1 - s) with s = sigmoid(z), |z| <= 20: log s =
 * -log(1 + e^-z) and log(1 - s) = -z - log(1 + e^-z) in long double (1 - s
 * itself would lose digits to cancellation, even in long double). */
static long double ref_bce(long double z, long double y)
{
    long double log_s = -log1pl(expl(-z)), log_1ms = -z + log_s;
    return -y * log_s - (1 - y) * log_1ms;
}

GRADED_TEST(losses, binary_cross_entropy, 2, SECTION)
{
    double g = NAN;
    expect_near(bp_bce_logit(0, 1, &g), log(2.0), 1e-15, "bce of z = 0, y = 1 (ln 2)");
    expect_near(g, -0.5, 1e-15, "d bce / dz at z = 0, y = 1 (sigmoid(0) - 1)");
    expect_near(bp_bce_logit(log(3.0), 1, NULL), log(4.0 / 3), 1e-15,
                "bce of z = ln 3, y = 1 (-ln 3/4)");
    expect_near(bp_bce_logit(1000, 1, &g), 0, 1e-15, "bce of z = 1000, y = 1");
    expect_near(g, 0, 1e-15, "d bce / dz at z = 1000, y = 1");
    expect_near(bp_bce_logit(-1000, 1, &g), 1000, 1e-15, "bce of z = -1000, y = 1");
    expect_near(g, -1, 1e-15, "d bce / dz at z = -1000, y = 1");
    expect_near(bp_bce_logit(1000, 0, NULL), 1000, 1e-15, "bce of z = 1000, y = 0");
    double tiny = bp_bce_logit(-40, 0, NULL);
    long double want = log1pl(expl(-40));
    expect_true(fabsl(tiny - want) <= 1e-14L * want, "bce of z = -40, y = 0: expected "
                "log(1 + e^-40) = %.17Lg, came %.17g (relative tolerance 1e-14)", want, tiny);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        double z = rng_range(&r, -15, 15), y = round % 3 ? (double)(round % 2) : rng_uniform(&r);
        double loss = bp_bce_logit(z, y, &g);
        expect_near(loss, (double)ref_bce(z, y), 1e-12, "bce of z = %.17g, y = %.17g", z, y);
        long double numeric = (ref_bce(z + 1e-5L, y) - ref_bce(z - 1e-5L, y)) / 2e-5L;
        expect_near(g, (double)numeric, 1e-8, "d bce / dz at z = %.17g, y = %.17g against "
                    "central differences", z, y);
    }
}

GRADED_TEST(losses, softmax_cross_entropy, 3, SECTION)
{
    const double logits[] = {2.0, -1.0, 0.5, 0.0};
    double g[4] = {NAN, NAN, NAN, NAN};
    /* Lesson 02's example: the loss 1.842350... and softmax - onehot. */
    long double s = expl(2.0L) + expl(-1.0L) + expl(0.5L) + 1;
    expect_near(bp_softmax_cross_entropy(logits, 4, 2, g), (double)(logl(s) - 0.5L), 1e-15,
                "softmax cross-entropy of [2, -1, 0.5, 0], label 2");
    expect_near(g[0], (double)(expl(2.0L) / s), 1e-15, "grad[0] for [2, -1, 0.5, 0], label 2");
    expect_near(g[2], (double)(expl(0.5L) / s - 1), 1e-15,
                "grad[2] for [2, -1, 0.5, 0], label 2 (softmax - 1)");
    const double big[] = {1000, 1001, 1002};
    expect_near(bp_softmax_cross_entropy(big, 3, 0, g), (double)(2 + logl(1 + expl(-1.0L) + expl(-2.0L))),
                1e-14, "softmax cross-entropy of [1000, 1001, 1002], label 0 (no overflow)");
    expect_true(isnan(bp_softmax_cross_entropy(logits, 4, 4, NULL)),
                "softmax cross-entropy with label 4 of 4 logits should be NaN");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 100; round++) {
        size_t n = 1 + rng_below(&r, 30), label = rng_below(&r, n);
        double *a = alloc_doubles(n), *grad = alloc_doubles(n);
        long double *p = alloc_long_doubles(n);
        fill_uniform(&r, a, n, -20, 20);
        long double m = a[0], sum = 0;
        for (size_t i = 1; i < n; i++)
            m = a[i] > m ? a[i] : m;
        for (size_t i = 0; i < n; i++)
            sum += expl(a[i] - m);
        for (size_t i = 0; i < n; i++)
            p[i] = expl(a[i] - m) / sum;
        double loss = bp_softmax_cross_entropy(a, n, label, grad);
        expect_near(loss, (double)(m + logl(sum) - a[label]), 1e-13,
                    "softmax cross-entropy of %zu random logits, label %zu", n, label);
        for (size_t i = 0; i < n; i++)
            expect_near(grad[i], (double)(p[i] - (i == label)), 1e-14,
                        "gradient entry %zu of %zu (softmax - onehot), label %zu", i, n, label);
        expect_near(bp_softmax_cross_entropy(a, n, label, NULL), loss, 0,
                    "the loss with grad = NULL");
        free(a);
        free(grad);
        free(p);
    }
}

/* |came - expected| <= rel * |expected|, with the numbers in the message. */
static void expect_relative(double came, long double expected, double rel, const char *what)
{
    if (!(fabsl(came - expected) <= rel * fabsl(expected)))
        grade_fail("%s: expected %.17Lg, came %.17g (relative tolerance %.0e)", what, expected,
                   came, rel);
}

/* A confident right answer has a tiny loss and tiny gradients, which must
 * keep their relative accuracy: log(sum of exponentials) rounds a sum of
 * 1 + 4e-18 to 1 and the loss to 0, and softmax - 1 at the label rounds to 0
 * too. Expected values are closed forms in long double. */
GRADED_TEST(losses, confident_predictions, 2, SECTION)
{
    const double gaps[] = {40, 100, 700};
    double g[3] = {NAN, NAN, NAN};
    char what[128];
    for (int k = 0; k < 3; k++) {
        long double e = expl(-(long double)gaps[k]);
        const double two[2] = {0, -gaps[k]};
        snprintf(what, sizeof what, "softmax cross-entropy of [0, -%g], label 0", gaps[k]);
        expect_relative(bp_softmax_cross_entropy(two, 2, 0, g), log1pl(e), 1e-14, what);
        snprintf(what, sizeof what, "gradient entry 0 of [0, -%g], label 0 (p - 1)", gaps[k]);
        expect_relative(g[0], -e / (1 + e), 1e-14, what);
        snprintf(what, sizeof what, "gradient entry 1 of [0, -%g], label 0", gaps[k]);
        expect_relative(g[1], e / (1 + e), 1e-14, what);
        snprintf(what, sizeof what, "softmax cross-entropy of [0, -%g], label 1", gaps[k]);
        expect_relative(bp_softmax_cross_entropy(two, 2, 1, NULL), gaps[k] + log1pl(e), 1e-14,
                        what);
        const double three[3] = {1000 - gaps[k], 1000, 1000 - gaps[k]};
        snprintf(what, sizeof what, "softmax cross-entropy of [1000 - %g, 1000, 1000 - %g], "
                 "label 1", gaps[k], gaps[k]);
        expect_relative(bp_softmax_cross_entropy(three, 3, 1, g), log1pl(2 * e), 1e-14, what);
        snprintf(what, sizeof what, "gradient entry 1 of [1000 - %g, 1000, 1000 - %g], label 1",
                 gaps[k], gaps[k]);
        expect_relative(g[1], -2 * e / (1 + 2 * e), 1e-14, what);

        snprintf(what, sizeof what, "bce of z = %g, y = 1", gaps[k]);
        double grad = NAN;
        expect_relative(bp_bce_logit(gaps[k], 1, &grad), log1pl(e), 1e-14, what);
        snprintf(what, sizeof what, "d bce / dz at z = %g, y = 1 (sigmoid(z) - 1)", gaps[k]);
        expect_relative(grad, -e / (1 + e), 1e-14, what);
        snprintf(what, sizeof what, "bce of z = -%g, y = 0", gaps[k]);
        expect_relative(bp_bce_logit(-gaps[k], 0, &grad), log1pl(e), 1e-14, what);
        snprintf(what, sizeof what, "d bce / dz at z = -%g, y = 0 (sigmoid(z))", gaps[k]);
        expect_relative(grad, e / (1 + e), 1e-14, what);
    }
    /* e^-745 rounds to the smallest subnormal, and so does the loss. */
    const double far[2] = {0, -745};
    double v = bp_softmax_cross_entropy(far, 2, 0, NULL);
    expect_true(v > 0 && v <= 0x1p-1073, "softmax cross-entropy of [0, -745], label 0: expected "
                "log(1 + e^-745), a subnormal number near 4.9e-324, came %g", v);
    /* y close to 1 and a large z: max(z, 0) - z y is z (1 - y), exactly. */
    const double y = 1 - 0x1p-30, z = 1e10;
    expect_relative(bp_bce_logit(z, y, NULL), (long double)z * 0x1p-30L, 1e-14,
                    "bce of z = 1e10, y = 1 - 2^-30 (z (1 - y) = 1e10 * 2^-30)");
}
