/* Exercise 5: the closed-form fit (chapter section 6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "6 The closed form"

GRADED_TEST(closed_form, matches_scikit_learn_on_the_eye_data, 2, SECTION)
{
    const double x[] = {0.90, 0.89, 0.79, 0.91, 0.77, 0.63, 0.55,
                        0.60, 0.55, 0.54, 0.45, 0.44, 0.40, 0.39};
    const double y[] = {120, 101, 104, 111, 95, 98, 77, 80, 67, 63, 59, 57, 61, 66};
    lr_line fit = {NAN, NAN};
    expect_status(lr_fit_line(x, y, 14, &fit), LR_OK, "fitting the eye-tracking data");
    /* scikit-learn's LinearRegression, as printed in the source post. */
    expect_near(fit.slope, 106.68664055, 1e-10, "slope");
    expect_near(fit.intercept, 15.649335484366574, 1e-12, "intercept");
}

GRADED_TEST(closed_form, random_lines_and_noise, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, round < 19 ? 300 : 100000);
        double *x = alloc_doubles(n), *y = alloc_doubles(n);
        double a = rng_range(&r, -100, 100), b = rng_range(&r, -100, 100);
        double noise = round % 2 ? 0.0 : rng_range(&r, 0.1, 10);
        fill_uniform(&r, x, n, -10, 10);
        for (size_t i = 0; i < n; i++)
            y[i] = a * x[i] + b + noise * rng_normal(&r);
        double *x_before = grade_copy(x, n), *y_before = grade_copy(y, n);
        lr_line fit = {NAN, NAN};
        expect_status(lr_fit_line(x, y, n, &fit), LR_OK, "fitting random data");
        expect_unchanged(x, x_before, n, "x");
        expect_unchanged(y, y_before, n, "y");
        lr_line best = ref_fit_line(x, y, n);
        expect_near(fit.slope, best.slope, 1e-10, "slope for %zu points around %g x + %g", n,
                    a, b);
        expect_near(fit.intercept, best.intercept, 1e-10,
                    "intercept for %zu points around %g x + %g", n, a, b);
        if (noise == 0.0)
            expect_near(fit.slope, a, 1e-10, "slope of %zu points exactly on %g x + %g", n, a,
                        b);
        free(x);
        free(y);
        free(x_before);
        free(y_before);
    }
}

/* x = 1e9 + u with u in [0, 1) a multiple of 1/1024 (so x is exact in double).
 * The reference fits (u, y) and moves the intercept: a second, well-conditioned
 * method. The textbook formula gets no digit right here. */
GRADED_TEST(closed_form, stays_accurate_for_x_near_1e9, 3, "6.3 Losing digits")
{
    rng r;
    grade_rng(&r);
    const size_t sizes[] = {1000, 20000};
    for (int round = 0; round < 2; round++) {
        size_t n = sizes[round];
        double *x = alloc_doubles(n), *u = alloc_doubles(n), *y = alloc_doubles(n);
        double a = rng_range(&r, 1, 5), b = rng_range(&r, -10, 10);
        for (size_t i = 0; i < n; i++) {
            u[i] = (double)rng_below(&r, 1024) / 1024;
            x[i] = 1e9 + u[i];
            y[i] = a * u[i] + b + 0.1 * rng_normal(&r);
        }
        lr_line centred = ref_fit_line(u, y, n);
        lr_line expected = {centred.slope, (double)((long double)centred.intercept -
                                                    (long double)centred.slope * 1e9L)};
        lr_line fit = {NAN, NAN};
        expect_status(lr_fit_line(x, y, n, &fit), LR_OK, "fitting points with x near 1e9");
        expect_near(fit.slope, expected.slope, 1e-8, "slope for %zu points with x near 1e9", n);
        expect_near(fit.intercept, expected.intercept, 1e-8,
                    "intercept for %zu points with x near 1e9", n);
        free(x);
        free(u);
        free(y);
    }
}

GRADED_TEST(closed_form, rejects_data_without_a_unique_line, 2, SECTION)
{
    const double x[] = {3, 3, 3, 3}, y[] = {1, 2, 3, 4};
    lr_line fit;
    expect_status(lr_fit_line(x, y, 4, &fit), LR_ERR_SINGULAR, "four points with the same x");
    const double big[] = {1e9 + 0.25, 1e9 + 0.25, 1e9 + 0.25};
    expect_status(lr_fit_line(big, y, 3, &fit), LR_ERR_SINGULAR,
                  "three points with the same large x");
    expect_status(lr_fit_line(x, y, 1, &fit), LR_ERR_ARG, "a single point");
    expect_status(lr_fit_line(NULL, y, 4, &fit), LR_ERR_ARG, "x = NULL");
    expect_status(lr_fit_line(x, y, 4, NULL), LR_ERR_ARG, "fit = NULL");
}

/* Fails unless fit is within `tolerance` of best: the slope relative to its
 * size, the intercept relative to |intercept| + |slope * mean x|, the size of
 * the two terms it is the difference of (no method can do better). */
static void expect_line(lr_line fit, lr_line best, long double mean_x, double tolerance,
                        const char *what)
{
    long double slope_error = fabsl((long double)fit.slope - best.slope);
    if (!(slope_error <= tolerance * fabsl((long double)best.slope)))
        grade_fail("slope of %s: expected %.17g, came %.17g (relative tolerance %.0e)", what,
                   best.slope, fit.slope, tolerance);
    long double scale = fabsl((long double)best.intercept) + fabsl(best.slope * mean_x);
    long double intercept_error = fabsl((long double)fit.intercept - best.intercept);
    if (!(intercept_error <= tolerance * scale))
        grade_fail("intercept of %s: expected %.17g, came %.17g (tolerance %.0e times "
                   "|intercept| + |slope * mean x| = %.3Lg)",
                   what, best.intercept, fit.intercept, tolerance, scale);
}

static long double mean_of(const double *v, size_t n)
{
    long double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += v[i];
    return sum / n;
}

/* Timestamps in seconds a millisecond apart: x = 1.7e9 + u, u uniform on
 * [0, 1e-3). Their spread is 1e-12 of their size, so a mean computed the
 * plain way in double is off by much more than 1e-12 relative, and the
 * deviations from it are not the deviations from the true mean. More than
 * 4096 points, to catch a blocked sum whose merging subtracts block means
 * that rounding has already spoiled. A good method gets 1e-14; 1e-10 leaves
 * room. */
GRADED_TEST(closed_form, many_timestamps_a_millisecond_apart, 3, "6.3 Losing digits")
{
    rng r;
    grade_rng(&r);
    const size_t sizes[] = {4097, 10000, 30000, 65537};
    for (int round = 0; round < 4; round++) {
        size_t n = sizes[round];
        double *x = grade_alloc(n, sizeof *x), *y = grade_alloc(n, sizeof *y);
        double a = rng_range(&r, 1, 5), b = rng_range(&r, -10, 10);
        double noise = round % 2 ? 1e-4 : 1e-3; /* against a spread of 1e-3 in a * x */
        for (size_t i = 0; i < n; i++) {
            x[i] = 1.7e9 + rng_range(&r, 0, 1e-3);
            y[i] = a * x[i] + b + noise * a * rng_normal(&r);
        }
        lr_line fit = {NAN, NAN};
        expect_status(lr_fit_line(x, y, n, &fit), LR_OK, "fitting points with x near 1.7e9");
        char what[128];
        snprintf(what, sizeof what, "%zu points with x = 1.7e9 + U(0, 1e-3), y = %.3g x + %.3g "
                 "+ noise", n, a, b);
        expect_line(fit, ref_fit_line(x, y, n), mean_of(x, n), 1e-10, what);
    }
}

/* Finite data at either end of the double range, where squares overflow
 * (x near 1e300: x^2 = 1e600) or underflow (x near 1e-300, and subnormal
 * numbers). The data are u * 2^px and v * 2^py for u and v of moderate size,
 * so the least-squares line is exactly that of (u, v) with its slope scaled
 * by 2^(py - px) and its intercept by 2^py: a second, well-conditioned way
 * to the answer. (2^997 is 1.3e300, 2^664 is 1.9e200, 2^332 is 8.7e99.)
 * A line too steep for a double is LR_ERR_ARG. */
GRADED_TEST(closed_form, data_near_the_limits_of_double, 2, "6.4 Too large and too small")
{
    rng r;
    grade_rng(&r);
    const int powers[][2] = {
        {997, 997}, {-997, -997}, {997, 0},    {-997, 0},
        {0, 997},   {0, -997},    {664, -332}, {-664, 332},
    };
    const size_t n = 500;
    double *x = grade_alloc(n, sizeof *x), *y = grade_alloc(n, sizeof *y);
    double *u = grade_alloc(n, sizeof *u), *v = grade_alloc(n, sizeof *v);
    for (size_t s = 0; s < sizeof powers / sizeof powers[0]; s++) {
        int px = powers[s][0], py = powers[s][1];
        double a = rng_range(&r, 1, 5), b = rng_range(&r, -10, 10);
        for (size_t i = 0; i < n; i++) {
            u[i] = rng_range(&r, -1, 1);
            v[i] = a * u[i] + b + 0.1 * rng_normal(&r);
            x[i] = ldexp(u[i], px);
            y[i] = ldexp(v[i], py);
        }
        lr_line line = ref_fit_line(u, v, n);
        lr_line best = {ldexp(line.slope, py - px), ldexp(line.intercept, py)};
        lr_line fit = {NAN, NAN};
        char what[128];
        snprintf(what, sizeof what, "%zu points with x near 2^%d and y near 2^%d", n, px, py);
        lr_status status = lr_fit_line(x, y, n, &fit);
        if (status != LR_OK)
            grade_fail("fitting %s: expected LR_OK, came %s", what, status_name(status));
        expect_line(fit, best, mean_of(x, n), 1e-12, what);
    }

    /* Subnormal data: whole multiples of the smallest double, 2^-1074, on a
     * line, with an intercept that is a subnormal number too. */
    const double unit = 0x1p-1074;
    for (size_t i = 0; i < n; i++) {
        x[i] = (double)(i + 1) * unit;
        y[i] = (3.0 * (double)(i + 1) - 7.0) * unit;
    }
    lr_line fit = {NAN, NAN};
    expect_status(lr_fit_line(x, y, n, &fit), LR_OK,
                  "fitting y = 3 x - 7 u at x = k u, u = 2^-1074 (the smallest double)");
    expect_near(fit.slope, 3.0, 1e-12, "slope of y = 3 x - 7 u at x = k u, u = 2^-1074");
    expect_near(fit.intercept, -7.0 * unit, 4 * unit,
                "intercept of y = 3 x - 7 u at x = k u, u = 2^-1074 (tolerance 4 u)");

    /* x near 1e-300 and y near 1e300: the slope, near 1e600, is no double. */
    for (size_t i = 0; i < n; i++) {
        double u = rng_range(&r, -1, 1);
        x[i] = 1e-300 * u;
        y[i] = 1e300 * (2 * u + 1);
    }
    expect_status(lr_fit_line(x, y, n, &fit), LR_ERR_ARG,
                  "a line with a slope near 2e600, too large for a double");
}
