/* Exercise 5: the closed-form fit (chapter section 6). */
#include <math.h>
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
