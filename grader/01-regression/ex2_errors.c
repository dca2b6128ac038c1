/* Exercise 2: measuring error (chapter section 3). */
#include <math.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "3 Measuring error"

/* The source's example: the line y = x misses the dots by +1 five times and
 * by -5 once. Worked out by hand: 0, 10 and 30. */
GRADED_TEST(errors, the_chapter_example, 2, SECTION)
{
    const double line[] = {1, 2, 3, 4, 5, 6};
    const double dots[] = {2, 3, 4, 5, 6, 1};
    expect_near(lr_error_naive(dots, line, 6), 0.0, 1e-15, "naive error of the example");
    expect_near(lr_error_l1(dots, line, 6), 10.0, 1e-15, "L1 error of the example");
    expect_near(lr_error_sse(dots, line, 6), 30.0, 1e-15, "SSE of the example");
    expect_near(lr_error_mse(dots, line, 6), 5.0, 1e-15, "MSE of the example");
    /* The sign convention: residual = data - prediction. */
    const double above[] = {3}, at[] = {1};
    expect_near(lr_error_naive(above, at, 1), 2.0, 0, "naive error of a point 2 above the line");
}

GRADED_TEST(errors, random_vectors, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + rng_below(&r, round < 19 ? 100 : 200000);
        double *y = alloc_doubles(n), *y_hat = alloc_doubles(n);
        fill_uniform(&r, y, n, -50, 50);
        fill_uniform(&r, y_hat, n, -50, 50);
        long double naive = 0, l1 = 0, sse = 0;
        for (size_t i = 0; i < n; i++) {
            long double e = (long double)y[i] - y_hat[i];
            naive += e;
            l1 += fabsl(e);
            sse += e * e;
        }
        /* Sums of n terms may carry about n * 1e-16 relative error; the
         * tolerances leave room for any sensible order of additions. */
        double tol = 1e-15 * (double)n + 1e-14;
        expect_near(lr_error_l1(y, y_hat, n), (double)l1, tol, "L1 of %zu random values", n);
        expect_near(lr_error_sse(y, y_hat, n), (double)sse, tol, "SSE of %zu random values", n);
        expect_near(lr_error_mse(y, y_hat, n), (double)(sse / n), tol,
                    "MSE of %zu random values", n);
        /* The naive sum cancels; compare it on the scale of the L1 sum. */
        expect_near(lr_error_naive(y, y_hat, n) / (double)l1, (double)(naive / l1), tol,
                    "naive error of %zu random values (divided by their L1 error)", n);
        free(y);
        free(y_hat);
    }
}

GRADED_TEST(errors, properties_and_edge_cases, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    size_t n = 2 + rng_below(&r, 50);
    double *y = alloc_doubles(n), *y_hat = alloc_doubles(n);
    fill_uniform(&r, y, n, -3, 3);
    fill_uniform(&r, y_hat, n, -3, 3);
    double *y_before = grade_copy(y, n), *y_hat_before = grade_copy(y_hat, n);
    double naive = lr_error_naive(y, y_hat, n), l1 = lr_error_l1(y, y_hat, n);
    double sse = lr_error_sse(y, y_hat, n);
    expect_unchanged(y, y_before, n, "y");
    expect_unchanged(y_hat, y_hat_before, n, "y_hat");
    expect_true(l1 >= fabs(naive), "|naive| <= L1 must hold: naive %g, L1 %g", naive, l1);
    expect_true(sse >= 0, "SSE must not be negative: came %g", sse);
    expect_near(lr_error_naive(y_hat, y, n), -naive, 1e-12, "naive error with y and y_hat swapped");
    expect_near(lr_error_sse(y_hat, y, n), sse, 1e-12, "SSE with y and y_hat swapped");
    expect_near(lr_error_sse(y, y, n), 0, 0, "SSE of a perfect prediction");
    expect_near(lr_error_naive(y, y_hat, 0), 0, 0, "naive error of 0 points");
    expect_near(lr_error_l1(y, y_hat, 0), 0, 0, "L1 error of 0 points");
    expect_near(lr_error_sse(y, y_hat, 0), 0, 0, "SSE of 0 points");
    expect_true(isnan(lr_error_mse(y, y_hat, 0)), "MSE of 0 points: expected NaN, came %g",
                lr_error_mse(y, y_hat, 0));
    free(y);
    free(y_hat);
    free(y_before);
    free(y_hat_before);
}
