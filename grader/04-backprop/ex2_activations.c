/* Exercise 2: activation functions (chapter section 3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "3 Activation functions"

static const bp_activation ALL[] = {BP_IDENTITY, BP_RELU_ACT, BP_SIGMOID_ACT, BP_TANH_ACT};
static const char *const NAMES[] = {"identity", "relu", "sigmoid", "tanh"};

GRADED_TEST(activations, closed_forms, 2, SECTION)
{
    expect_near(bp_activate(BP_RELU_ACT, -1.5), 0, 0, "relu(-1.5)");
    expect_near(bp_activate(BP_RELU_ACT, 2.5), 2.5, 0, "relu(2.5)");
    expect_near(bp_activate_grad(BP_RELU_ACT, 2.5), 1, 0, "relu'(2.5)");
    expect_near(bp_activate_grad(BP_RELU_ACT, -0.1), 0, 0, "relu'(-0.1)");
    expect_near(bp_activate_grad(BP_RELU_ACT, 0), 0, 0, "relu'(0) (the convention: 0)");
    expect_near(bp_activate(BP_SIGMOID_ACT, 0), 0.5, 0, "sigmoid(0)");
    expect_near(bp_activate_grad(BP_SIGMOID_ACT, 0), 0.25, 1e-16, "sigmoid'(0) = 1/4");
    expect_near(bp_activate(BP_TANH_ACT, 0), 0, 0, "tanh(0)");
    expect_near(bp_activate_grad(BP_TANH_ACT, 0), 1, 1e-16, "tanh'(0)");
    expect_near(bp_activate(BP_IDENTITY, -7.25), -7.25, 0, "identity(-7.25)");
    expect_near(bp_activate_grad(BP_IDENTITY, -7.25), 1, 0, "identity'(-7.25)");
    expect_near(bp_activate(BP_SIGMOID_ACT, log(3.0)), 0.75, 1e-15, "sigmoid(ln 3) = 3/4");
    expect_near(bp_activate(BP_TANH_ACT, log(2.0)), 0.6, 1e-15, "tanh(ln 2) = 3/5");
    expect_near(bp_activate_grad(BP_TANH_ACT, log(2.0)), 0.64, 1e-15, "tanh'(ln 2) = 16/25");
    /* Far out: finite, and the small side accurate relative to its size. */
    expect_near(bp_activate(BP_SIGMOID_ACT, 1000), 1, 0, "sigmoid(1000)");
    expect_near(bp_activate(BP_SIGMOID_ACT, -1000), 0, 0, "sigmoid(-1000)");
    expect_near(bp_activate_grad(BP_SIGMOID_ACT, -1000), 0, 0, "sigmoid'(-1000)");
    expect_near(bp_activate_grad(BP_SIGMOID_ACT, 1000), 0, 0, "sigmoid'(1000)");
    double s = bp_activate(BP_SIGMOID_ACT, -40);
    long double e = 1 / (1 + expl(40));
    expect_true(fabsl(s - e) <= 1e-14L * e, "sigmoid(-40): expected %.17Lg, came %.17g "
                "(relative tolerance 1e-14: compute e^z / (1 + e^z) for z < 0)", e, s);
    expect_near(bp_activate(BP_TANH_ACT, 800), 1, 0, "tanh(800)");
    expect_near(bp_activate_grad(BP_TANH_ACT, -800), 0, 0, "tanh'(-800)");
    expect_true(isnan(bp_activate((bp_activation)17, 1)), "bp_activate of an unknown activation "
                "should be NaN");
}

GRADED_TEST(activations, derivatives_match_differences, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        double z = rng_range(&r, -8, 8);
        for (int f = 0; f < 4; f++) {
            long double expected = ref_activate(ALL[f], z);
            expect_near(bp_activate(ALL[f], z), (double)expected, 2e-15, "%s(%.17g)", NAMES[f],
                        z);
            const long double h = 1e-7L;
            long double numeric = (ref_activate(ALL[f], z + h) - ref_activate(ALL[f], z - h)) /
                                  (2 * h);
            expect_near(bp_activate_grad(ALL[f], z), (double)numeric, 1e-8,
                        "%s'(%.17g) against central differences", NAMES[f], z);
        }
        expect_near(bp_activate(BP_SIGMOID_ACT, -z), 1 - bp_activate(BP_SIGMOID_ACT, z), 1e-15,
                    "sigmoid(-z) = 1 - sigmoid(z) at z = %.17g", z);
        expect_near(bp_activate(BP_TANH_ACT, z), 2 * bp_activate(BP_SIGMOID_ACT, 2 * z) - 1,
                    1e-14, "tanh(z) = 2 sigmoid(2z) - 1 at z = %.17g", z);
    }
}

GRADED_TEST(activations, arrays_and_hadamard, 1, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int f = 0; f < 4; f++) {
        size_t n = 1 + rng_below(&r, 500);
        double *z = alloc_doubles(n), *h = alloc_doubles(n), *dh = alloc_doubles(n),
               *dz = alloc_doubles(n);
        fill_uniform(&r, z, n, -4, 4);
        fill_uniform(&r, dh, n, -2, 2);
        double *z0 = grade_copy(z, n), *dh0 = grade_copy(dh, n);
        bp_activate_forward(ALL[f], z, n, h);
        bp_activate_backward(ALL[f], z, dh, n, dz);
        expect_unchanged(z, z0, n, "z (const)");
        expect_unchanged(dh, dh0, n, "dh (const)");
        for (size_t i = 0; i < n; i++) {
            expect_near(h[i], (double)ref_activate(ALL[f], z[i]), 2e-15, "%s forward, entry %zu",
                        NAMES[f], i);
            long double d = (ref_activate(ALL[f], z[i] + 1e-7L) - ref_activate(ALL[f], z[i] - 1e-7L)) /
                            2e-7L;
            expect_near(dz[i], (double)(dh[i] * d), 1e-8,
                        "%s backward, entry %zu: dh[i] * f'(z[i]) (the Hadamard product)",
                        NAMES[f], i);
        }
        /* In place: dz may be dh. */
        bp_activate_backward(ALL[f], z, dh, n, dh);
        for (size_t i = 0; i < n; i++)
            expect_near(dh[i], dz[i], 0, "%s backward in place (dz == dh), entry %zu", NAMES[f],
                        i);
        free(z);
        free(h);
        free(dh);
        free(dz);
        free(z0);
        free(dh0);
    }
}

/* Where sigmoid and tanh saturate, their derivatives are small, not 0:
 * sigmoid'(z) = e / (1 + e)^2 with e = e^-|z|, and tanh'(z) = 4 e / (1 + e)^2
 * with e = e^-2|z|, closed forms computed here in long double. s (1 - s) is
 * 0 from z = 37 and 1 - t^2 from |z| = 19, however accurate s and t are.
 * Relative tolerance 1e-13; where the exact value is below the smallest
 * normal double, a few units of the smallest subnormal. */
GRADED_TEST(activations, derivatives_where_they_saturate, 2, SECTION)
{
    const double tiny = 8 * 0x1p-1074;
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 400; round++) {
        double z = round < 2 ? 20 + 680.0 * round : rng_range(&r, 20, 700);
        if (round % 2)
            z = -z;
        long double e = expl(-fabsl((long double)z)), e2 = expl(-2 * fabsl((long double)z));
        long double sig = e / ((1 + e) * (1 + e)), tan = 4 * e2 / ((1 + e2) * (1 + e2));
        double came = bp_activate_grad(BP_SIGMOID_ACT, z);
        if (!(fabsl(came - sig) <= 1e-13L * sig + tiny))
            grade_fail("sigmoid'(%.17g): expected %.17Lg, came %.17g (relative tolerance 1e-13)",
                       z, sig, came);
        came = bp_activate_grad(BP_TANH_ACT, z);
        if (!(fabsl(came - tan) <= 1e-13L * tan + tiny))
            grade_fail("tanh'(%.17g): expected %.17Lg, came %.17g (relative tolerance 1e-13)", z,
                       tan, came);
    }
    /* The same through the Hadamard product of the backward pass. */
    const double z[4] = {40, -40, 30, -300}, dh[4] = {2, -3, 0.5, 1};
    double dz[4] = {NAN, NAN, NAN, NAN};
    bp_activate_backward(BP_SIGMOID_ACT, z, dh, 4, dz);
    for (int i = 0; i < 4; i++) {
        long double e = expl(-fabsl((long double)z[i])), want = dh[i] * e / ((1 + e) * (1 + e));
        if (!(fabsl(dz[i] - want) <= 1e-13L * fabsl(want)))
            grade_fail("sigmoid backward, z = %g, dh = %g: expected %.17Lg, came %.17g (relative "
                       "tolerance 1e-13)", z[i], dh[i], want, dz[i]);
    }
    bp_activate_backward(BP_TANH_ACT, z, dh, 4, dz);
    for (int i = 0; i < 3; i++) {
        long double e = expl(-2 * fabsl((long double)z[i]));
        long double want = dh[i] * 4 * e / ((1 + e) * (1 + e));
        if (!(fabsl(dz[i] - want) <= 1e-13L * fabsl(want)))
            grade_fail("tanh backward, z = %g, dh = %g: expected %.17Lg, came %.17g (relative "
                       "tolerance 1e-13)", z[i], dh[i], want, dz[i]);
    }
}
