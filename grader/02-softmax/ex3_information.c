/* Exercise 3: information (chapter section 5). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "5 Entropy and cross-entropy"

GRADED_TEST(information, entropy, 2, SECTION)
{
    const double uniform[] = {0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125};
    expect_near(sm_entropy(uniform, 8), (double)logl(8), 1e-15,
                "entropy of the uniform distribution on 8 outcomes (log 8)");
    const double halves[] = {0.5, 0.25, 0.25};
    expect_near(sm_entropy(halves, 3), (double)(1.5L * logl(2)), 1e-15,
                "entropy of [0.5, 0.25, 0.25] (1.5 log 2)");
    const double coin[] = {0.5, 0, 0.5};
    expect_near(sm_entropy(coin, 3), (double)logl(2), 1e-15,
                "entropy of [0.5, 0, 0.5] (log 2, with 0 log 0 = 0)");
    const double certain[] = {0, 1, 0};
    double h = sm_entropy(certain, 3);
    expect_true(h == 0, "entropy of [0, 1, 0]: expected 0 (0 log 0 = 0), came %g", h);
    const double weather[] = {0.7, 0.2, 0.1};
    expect_near(sm_entropy(weather, 3),
                (double)-(0.7L * logl(0.7L) + 0.2L * logl(0.2L) + 0.1L * logl(0.1L)), 1e-15,
                "entropy of [0.7, 0.2, 0.1]");

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, round < 25 ? 50 : 5000);
        double *p = alloc_doubles(n);
        fill_distribution(&r, p, n, round % 2 ? 4 : 0);
        double *before = grade_copy(p, n);
        double came = sm_entropy(p, n);
        expect_unchanged(p, before, n, "p");
        expect_near(came, (double)ref_entropy(p, n), 1e-14 + 2e-16 * (double)n,
                    "entropy of a random distribution on %zu outcomes", n);
        expect_true(came >= 0 && came <= log((double)n) + 1e-12,
                    "entropy lies in [0, log n] = [0, %.17g], came %.17g", log((double)n), came);
        free(p);
        free(before);
    }
}

GRADED_TEST(information, cross_entropy_and_kl, 3, "5 Entropy and cross-entropy")
{
    const double p[] = {0.5, 0.5}, q[] = {0.25, 0.75};
    expect_near(sm_cross_entropy(p, q, 2), (double)-(0.5L * logl(0.25L) + 0.5L * logl(0.75L)),
                1e-15, "H(p, q) for p = [0.5, 0.5], q = [0.25, 0.75]");
    expect_near(sm_kl_divergence(p, q, 2), (double)(0.5L * logl(4.0L / 3)), 1e-15,
                "KL(p || q) for p = [0.5, 0.5], q = [0.25, 0.75] (log(4/3) / 2)");
    expect_near(sm_kl_divergence(q, p, 2),
                (double)(0.25L * logl(0.5L) + 0.75L * logl(1.5L)), 1e-15,
                "KL(q || p) for p = [0.5, 0.5], q = [0.25, 0.75] (KL is not symmetric)");

    /* Zeros: 0 log q = 0 even for q = 0; p > 0 where q = 0 costs +inf. */
    const double one_hot[] = {1, 0, 0}, half[] = {0.5, 0.5, 0}, other[] = {0, 0.5, 0.5};
    expect_near(sm_cross_entropy(one_hot, half, 3), (double)logl(2), 1e-15,
                "H([1, 0, 0], [0.5, 0.5, 0]) (0 log 0 = 0)");
    expect_near(sm_kl_divergence(one_hot, half, 3), (double)logl(2), 1e-15,
                "KL([1, 0, 0] || [0.5, 0.5, 0])");
    double v = sm_cross_entropy(one_hot, one_hot, 3);
    expect_true(v == 0, "H([1, 0, 0], [1, 0, 0]): expected 0, came %g", v);
    v = sm_kl_divergence(one_hot, one_hot, 3);
    expect_true(v == 0, "KL([1, 0, 0] || [1, 0, 0]): expected 0, came %g", v);
    v = sm_cross_entropy(half, other, 3);
    expect_true(v == INFINITY, "H([0.5, 0.5, 0], [0, 0.5, 0.5]): q[0] = 0 where p[0] > 0, so "
                               "expected +inf, came %g", v);
    v = sm_kl_divergence(half, other, 3);
    expect_true(v == INFINITY, "KL([0.5, 0.5, 0] || [0, 0.5, 0.5]): q[0] = 0 where p[0] > 0, "
                               "so expected +inf, came %g", v);

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 2 + rng_below(&r, round < 25 ? 50 : 5000);
        double *a = alloc_doubles(n), *b = alloc_doubles(n);
        fill_distribution(&r, a, n, round % 2 ? 3 : 0);
        fill_distribution(&r, b, n, 0);
        double *a_before = grade_copy(a, n), *b_before = grade_copy(b, n);
        double tol = 1e-14 + 2e-16 * (double)n;
        double cross = sm_cross_entropy(a, b, n), kl = sm_kl_divergence(a, b, n);
        double ha = sm_entropy(a, n);
        expect_unchanged(a, a_before, n, "p");
        expect_unchanged(b, b_before, n, "q");
        expect_near(cross, (double)ref_cross_entropy(a, b, n), tol,
                    "H(p, q) of random distributions on %zu outcomes", n);
        expect_near(kl, (double)ref_kl(a, b, n), tol,
                    "KL(p || q) of random distributions on %zu outcomes", n);
        expect_true(kl > 0, "KL(p || q) > 0 for random p != q on %zu outcomes, came %g", n, kl);
        expect_near(cross, ha + kl, 1e-13 + 4e-16 * (double)n,
                    "H(p, q) = H(p) + KL(p || q) on %zu outcomes (H(p) = %.17g, KL = %.17g)", n,
                    ha, kl);
        expect_near(sm_kl_divergence(a, a, n), 0, 1e-15,
                    "KL(p || p) of a random p on %zu outcomes", n);
        expect_near(sm_cross_entropy(a, a, n), ha, 1e-15 + 2e-16 * (double)n,
                    "H(p, p) = H(p) on %zu outcomes", n);
        /* Where q has a zero that p does not, both are infinite. */
        size_t hole = rng_below(&r, n);
        double keep = b[hole];
        b[hole] = 0;
        if (a[hole] > 0) {
            v = sm_cross_entropy(a, b, n);
            expect_true(v == INFINITY, "H(p, q) with q[%zu] = 0 < p[%zu] = %g: expected +inf, "
                        "came %g", hole, hole, a[hole], v);
            v = sm_kl_divergence(a, b, n);
            expect_true(v == INFINITY, "KL(p || q) with q[%zu] = 0 < p[%zu] = %g: expected "
                        "+inf, came %g", hole, hole, a[hole], v);
        }
        b[hole] = keep;
        free(a);
        free(b);
        free(a_before);
        free(b_before);
    }
}

GRADED_TEST(information, the_loss_from_logits, 3, "5.3 The loss from logits")
{
    const double logs[] = {0, log(2), log(3)};
    expect_near(sm_cross_entropy_logits(logs, 3, 2), (double)logl(2), 1e-15,
                "loss of logits [0, log 2, log 3] with label 2 (-log(1/2))");
    expect_near(sm_cross_entropy_logits(logs, 3, 0), (double)logl(6), 1e-15,
                "loss of logits [0, log 2, log 3] with label 0 (-log(1/6))");
    const long double e = expl(1), tail = logl(1 + 1 / e + 1 / (e * e));
    const double big[] = {1000, 1001, 1002};
    expect_near(sm_cross_entropy_logits(big, 3, 0), (double)(2 + tail), 1e-12,
                "loss of logits [1000, 1001, 1002] with label 0 (2 + log(1 + 1/e + 1/e^2))");
    expect_near(sm_cross_entropy_logits(big, 3, 2), (double)tail, 1e-12,
                "loss of logits [1000, 1001, 1002] with label 2 (log(1 + 1/e + 1/e^2))");
    /* softmax rounds the label's probability to 0 here; the loss is finite. */
    const double far[] = {0, -2000};
    expect_near(sm_cross_entropy_logits(far, 2, 1), 2000, 1e-15,
                "loss of logits [0, -2000] with label 1 (e^-2000 underflows; the loss is 2000)");
    expect_near(sm_cross_entropy_logits(far, 2, 0), 0, 1e-15, "loss of logits [0, -2000] "
                                                              "with label 0");
    const double wide[] = {-1e4, 0, 0};
    expect_near(sm_cross_entropy_logits(wide, 3, 0), (double)(1e4L + logl(2)), 1e-15,
                "loss of logits [-1e4, 0, 0] with label 0 (1e4 + log 2)");
    const double same[] = {2, 2, 2, 2, 2};
    expect_near(sm_cross_entropy_logits(same, 5, 3), (double)logl(5), 1e-15,
                "loss of five equal logits (log 5)");
    const double masked[] = {-INFINITY, 0};
    double v = sm_cross_entropy_logits(masked, 2, 0);
    expect_true(v == INFINITY, "loss of logits [-inf, 0] with label 0: expected +inf (the "
                               "label is impossible), came %g", v);
    v = sm_cross_entropy_logits(masked, 2, 1);
    expect_near(v, 0, 1e-15, "loss of logits [-inf, 0] with label 1");
    const size_t bad[] = {3, 4, 1000, SIZE_MAX};
    for (int c = 0; c < 4; c++) {
        v = sm_cross_entropy_logits(logs, 3, bad[c]);
        expect_true(isnan(v), "loss of 3 logits with label %zu: expected NaN, came %g", bad[c],
                    v);
    }

    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, round < 35 ? 30 : 3000);
        double spread = round % 2 ? 50 : 1000;
        double *a = alloc_doubles(n);
        fill_uniform(&r, a, n, -spread, spread);
        double *before = grade_copy(a, n);
        long double *wide_a = alloc_long_doubles(n);
        for (size_t i = 0; i < n; i++)
            wide_a[i] = a[i];
        size_t label = rng_below(&r, n);
        long double expected = ref_loss_logits(wide_a, n, label);
        v = sm_cross_entropy_logits(a, n, label);
        expect_unchanged(a, before, n, "logits");
        /* logsumexp - logit cannot be more accurate than the logits: the
         * tolerance is relative to the largest of them. */
        double tol = 1e-15 * spread + 2e-16 * (double)n;
        expect_near(v, (double)expected, tol / fmax(1, fabs((double)expected)),
                    "loss of %zu random logits in [-%g, %g) with label %zu", n, spread, spread,
                    label);
        expect_true(v >= 0, "the loss is never negative, came %g", v);
        free(a);
        free(before);
        free(wide_a);
    }
}

GRADED_TEST(information, the_gradient, 4, "5.4 The gradient")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, 30);
        double spread = round % 2 ? 3 : 20;
        double *a = alloc_doubles(n), *g = alloc_doubles(n);
        fill_uniform(&r, a, n, -spread, spread);
        if (round % 5 == 4 && n > 2)
            a[rng_below(&r, n)] = -INFINITY; /* a mask, never on the label (below) */
        size_t label = rng_below(&r, n);
        if (a[label] == -INFINITY)
            a[label] = 0;
        double *before = grade_copy(a, n);
        long double *wide = alloc_long_doubles(n), *q = alloc_long_doubles(n);
        for (size_t i = 0; i < n; i++) {
            wide[i] = a[i];
            g[i] = NAN;
        }
        ref_softmax(wide, n, q);
        sm_cross_entropy_grad(a, n, label, g);
        expect_unchanged(a, before, n, "logits");
        long double sum = 0;
        for (size_t i = 0; i < n; i++) {
            long double expected = q[i] - (i == label ? 1 : 0);
            expect_near(g[i], (double)expected, 1e-14,
                        "gradient of the loss of %zu random logits with label %zu, grad[%zu] "
                        "(softmax[%zu] - [%zu == label])", n, label, i, i, i);
            if (a[i] == -INFINITY) {
                expect_true(g[i] == 0, "logit %zu is -inf, so grad[%zu] should be exactly 0, "
                            "came %g", i, i, g[i]);
                continue;
            }
            /* Central differences of the grader's own loss, in long double. */
            const long double h = 1e-4L;
            wide[i] = a[i] + h;
            long double up = ref_loss_logits(wide, n, label);
            wide[i] = a[i] - h;
            long double down = ref_loss_logits(wide, n, label);
            wide[i] = a[i];
            expect_near(g[i], (double)((up - down) / (2 * h)), 1e-7,
                        "grad[%zu] against a central difference of the loss (%zu random logits, "
                        "label %zu)", i, n, label);
            sum += g[i];
        }
        expect_near((double)sum, 0, 1e-14, "the gradient sums to 0 (%zu random logits)", n);
        free(a);
        free(g);
        free(before);
        free(wide);
        free(q);
    }

    /* Large logits: the same closed forms as softmax (within 1e-12: the
     * logits themselves are only known to 1e-13). */
    const long double e = expl(1), s = 1 + e + e * e;
    const double big[] = {1000, 1001, 1002};
    double g[3] = {NAN, NAN, NAN};
    sm_cross_entropy_grad(big, 3, 1, g);
    expect_near(g[0], (double)(1 / s), 1e-12, "gradient for logits [1000, 1001, 1002], "
                                              "label 1: grad[0]");
    expect_near(g[1], (double)(e / s - 1), 1e-12, "gradient for logits [1000, 1001, 1002], "
                                                  "label 1: grad[1]");
    expect_near(g[2], (double)(e * e / s), 1e-12, "gradient for logits [1000, 1001, 1002], "
                                                  "label 1: grad[2]");
    const double far[] = {0, -2000};
    sm_cross_entropy_grad(far, 2, 1, g);
    expect_near(g[0], 1, 1e-15, "gradient for logits [0, -2000], label 1: grad[0]");
    expect_near(g[1], -1, 1e-15, "gradient for logits [0, -2000], label 1: grad[1]");
    const double one[] = {3};
    sm_cross_entropy_grad(one, 1, 0, g);
    expect_near(g[0], 0, 1e-15, "gradient for the single logit [3]");
}

/* logsumexp(logits) - logits[label] is NaN when a logit is NaN, of either
 * sign (inf - inf and 0 / 0 give one with the sign bit set on x86), wherever
 * it is and whatever the label. */
GRADED_TEST(information, nan_logits_of_either_sign, 1, "5.3 The loss from logits")
{
    const double fine[4] = {1, 2, 3, 0.5};
    const long double wide[4] = {1, 2, 3, 0.5};
    for (size_t label = 0; label < 4; label++)
        expect_near(sm_cross_entropy_logits(fine, 4, label),
                    (double)ref_loss_logits(wide, 4, label), 1e-15,
                    "loss of logits [1, 2, 3, 0.5] with label %zu", label);
    const double nans[] = {copysign(NAN, 1.0), copysign(NAN, -1.0)};
    for (size_t s = 0; s < 2; s++)
        for (size_t at = 0; at < 4; at++)
            for (size_t label = 0; label < 4; label++) {
                double logits[4] = {1, 2, 3, 0.5};
                logits[at] = nans[s];
                double v = sm_cross_entropy_logits(logits, 4, label);
                expect_true(isnan(v), "loss of logits [1, 2, 3, 0.5] with entry %zu replaced by "
                            "%sNaN, label %zu: expected NaN, came %g", at, s ? "-" : "+", label,
                            v);
            }
}
