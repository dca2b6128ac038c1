/* Exercise 4: gradient descent (chapter section 5). */
#include <math.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "5 Gradient descent"

static const double EYE_X[] = {0.90, 0.89, 0.79, 0.91, 0.77, 0.63, 0.55,
                               0.60, 0.55, 0.54, 0.45, 0.44, 0.40, 0.39};
static const double EYE_Y[] = {120, 101, 104, 111, 95, 98, 77, 80, 67, 63, 59, 57, 61, 66};

/* The gradient against central differences of the MSE, computed in long
 * double: an independent check that needs no formula for the derivative. */
GRADED_TEST(descent, gradient_matches_finite_differences, 3, "5.2 The gradient")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + rng_below(&r, 200);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        fill_uniform(&r, x, n, -3, 3);
        fill_uniform(&r, y, n, -10, 10);
        lr_line at = {rng_range(&r, -4, 4), rng_range(&r, -4, 4)}, grad;
        lr_mse_gradient(x, y, n, at, &grad);
        const double h = 1e-4;
        long double d_slope = (ref_line_mse((lr_line){at.slope + h, at.intercept}, x, y, n) -
                               ref_line_mse((lr_line){at.slope - h, at.intercept}, x, y, n)) /
                              (2 * h);
        long double d_intercept =
            (ref_line_mse((lr_line){at.slope, at.intercept + h}, x, y, n) -
             ref_line_mse((lr_line){at.slope, at.intercept - h}, x, y, n)) /
            (2 * h);
        /* The MSE is quadratic, so central differences are exact up to rounding. */
        expect_near(grad.slope, (double)d_slope, 1e-8,
                    "d MSE / d slope at (%g, %g) on %zu random points", at.slope, at.intercept,
                    n);
        expect_near(grad.intercept, (double)d_intercept, 1e-8,
                    "d MSE / d intercept at (%g, %g) on %zu random points", at.slope,
                    at.intercept, n);
        free(x);
        free(y);
    }
}

GRADED_TEST(descent, converges_to_the_least_squares_line, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 5; round++) {
        size_t n = 2 + rng_below(&r, 500);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        fill_uniform(&r, x, n, 0, 1);
        double a = rng_range(&r, -50, 50), b = rng_range(&r, -50, 50);
        for (size_t i = 0; i < n; i++)
            y[i] = a * x[i] + b + rng_normal(&r);
        lr_gd_options options = {.learning_rate = 0.5, .max_iterations = 200000,
                                 .tolerance = 1e-10};
        double *history = alloc_doubles(options.max_iterations + 1);
        lr_line fit = {NAN, NAN};
        size_t steps = 0;
        lr_status s = lr_gradient_descent(x, y, n, (lr_line){0, 0}, &options, &fit, history,
                                          &steps);
        expect_status(s, LR_OK, "gradient descent on random data with learning rate 0.5");
        lr_line best = ref_fit_line(x, y, n);
        expect_near(fit.slope, best.slope, 1e-7, "slope found by gradient descent");
        expect_near(fit.intercept, best.intercept, 1e-7, "intercept found by gradient descent");
        expect_true(steps > 0 && steps < options.max_iterations, "steps taken: came %zu", steps);
        expect_near(history[0], (double)ref_line_mse((lr_line){0, 0}, x, y, n), 1e-12,
                    "loss_history[0], the MSE of the starting line");
        expect_near(history[steps], (double)ref_line_mse(fit, x, y, n), 1e-12,
                    "loss_history[%zu], the MSE of the final line", steps);
        for (size_t k = 1; k <= steps; k++)
            expect_true(history[k] <= history[k - 1] * (1 + 1e-12),
                        "with a small learning rate the loss never grows, but "
                        "loss_history[%zu] = %.10g > loss_history[%zu] = %.10g",
                        k, history[k], k - 1, history[k - 1]);
        free(history);
        free(x);
        free(y);
    }
}

GRADED_TEST(descent, reports_divergence_and_iteration_limits, 2, "5.3 The learning rate")
{
    lr_line fit;
    size_t steps = 0;
    lr_gd_options big = {.learning_rate = 10, .max_iterations = 100000, .tolerance = 1e-9};
    lr_status s = lr_gradient_descent(EYE_X, EYE_Y, 14, (lr_line){0, 0}, &big, &fit, NULL, &steps);
    expect_status(s, LR_ERR_DIVERGED, "learning rate 10 on the eye-tracking data");
    expect_true(steps < 100000, "divergence should be reported as soon as the loss is not "
                                "finite, but %zu steps were taken", steps);

    lr_gd_options few = {.learning_rate = 0.1, .max_iterations = 5, .tolerance = 1e-9};
    double *history = alloc_doubles(6); /* exactly max_iterations + 1 */
    s = lr_gradient_descent(EYE_X, EYE_Y, 14, (lr_line){0, 0}, &few, &fit, history, &steps);
    expect_status(s, LR_ERR_NOT_CONVERGED, "5 iterations on the eye-tracking data");
    expect_int((long long)steps, 5, "steps taken when max_iterations is 5");
    /* Replay the five steps with the grader's own gradient. */
    lr_line line = {0, 0};
    for (int k = 0; k < 5; k++) {
        lr_line g = ref_mse_gradient(line, EYE_X, EYE_Y, 14);
        line.slope -= 0.1 * g.slope;
        line.intercept -= 0.1 * g.intercept;
    }
    expect_near(fit.slope, line.slope, 1e-12, "slope after 5 steps of size 0.1");
    expect_near(history[5], (double)ref_line_mse(line, EYE_X, EYE_Y, 14), 1e-12,
                "loss_history[5]");
    free(history);

    lr_gd_options zero = {.learning_rate = 0, .max_iterations = 5, .tolerance = 1e-9};
    s = lr_gradient_descent(EYE_X, EYE_Y, 14, (lr_line){0, 0}, &zero, &fit, NULL, &steps);
    expect_status(s, LR_ERR_ARG, "a learning rate of 0");
}

static double quadratic_slope(double x, void *ctx)
{
    return 2.0 * (x - *(const double *)ctx);
}

/* f(x) = sin(x/2) + 0.3x + 0.01x^2, the chapter's function with local minima. */
static double bumpy_slope(double x, void *ctx)
{
    (void)ctx;
    return 0.5 * cos(0.5 * x) + 0.3 + 0.02 * x;
}

/* A zero of bumpy_slope in [lo, hi] by bisection, independent of descent. */
static double bisect(double lo, double hi)
{
    for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (lo + hi);
        if ((bumpy_slope(mid, NULL) < 0) == (bumpy_slope(lo, NULL) < 0))
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

GRADED_TEST(descent, descent_in_one_dimension, 2, "5.4 Local minima")
{
    rng r;
    grade_rng(&r);
    /* On (x - c)^2 each step multiplies the distance to c by (1 - 2 rate). */
    double c = rng_range(&r, -5, 5), x0 = rng_range(&r, -5, 5), rate = rng_range(&r, 0.05, 0.4);
    double path[31];
    double end = lr_descend_1d(quadratic_slope, &c, x0, rate, 30, path);
    for (int k = 0; k <= 30; k++)
        expect_near(path[k], c + (x0 - c) * pow(1 - 2 * rate, k), 1e-12,
                    "path[%d] descending (x - c)^2 with c = %g from x0 = %g, rate %g", k, c, x0,
                    rate);
    expect_near(end, path[30], 0, "the returned x should be the last one on the path");

    double local = bisect(-8, -1), global = bisect(-20, -12);
    expect_near(lr_descend_1d(bumpy_slope, NULL, 3, 0.5, 3000, NULL), local, 1e-9,
                "descent from x = 3 on the chapter's bumpy function (a local minimum)");
    expect_near(lr_descend_1d(bumpy_slope, NULL, -10, 0.5, 3000, NULL), global, 1e-9,
                "descent from x = -10 on the chapter's bumpy function (the global minimum)");
}
