/* Exercise 6: several input variables (chapter section 7). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "7 Several input variables"

/* Solves the 2-variable problem by Cramer's rule on the centred normal
 * equations, in long double: fine for this small, well-conditioned case, and
 * a different method from the QR the exercise asks for. */
GRADED_TEST(multi, pupil_and_fixations, 2, SECTION)
{
    const double pupil[] = {0.90, 0.89, 0.79, 0.91, 0.77, 0.63, 0.55,
                            0.60, 0.55, 0.54, 0.45, 0.44, 0.40, 0.39};
    const double fix[] = {20, 18, 24, 19, 20, 22, 30, 23, 56, 64, 42, 43, 51, 40};
    const double y[] = {120, 101, 104, 111, 95, 98, 77, 80, 67, 63, 59, 57, 61, 66};
    double X[28];
    for (int i = 0; i < 14; i++) {
        X[2 * i] = pupil[i];
        X[2 * i + 1] = fix[i];
    }
    long double m1 = 0, m2 = 0, my = 0;
    for (int i = 0; i < 14; i++) {
        m1 += pupil[i];
        m2 += fix[i];
        my += y[i];
    }
    m1 /= 14;
    m2 /= 14;
    my /= 14;
    long double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
    for (int i = 0; i < 14; i++) {
        long double a = pupil[i] - m1, b = fix[i] - m2, c = y[i] - my;
        s11 += a * a;
        s12 += a * b;
        s22 += b * b;
        s1y += a * c;
        s2y += b * c;
    }
    long double det = s11 * s22 - s12 * s12;
    long double w1 = (s1y * s22 - s12 * s2y) / det, w2 = (s11 * s2y - s12 * s1y) / det;
    long double b0 = my - w1 * m1 - w2 * m2;

    double w[2] = {NAN, NAN}, intercept = NAN;
    expect_status(lr_fit_multi(X, y, 14, 2, w, &intercept), LR_OK,
                  "fitting reading time to pupil dilation and fixations");
    expect_near(w[0], (double)w1, 1e-10, "weight of pupil dilation");
    expect_near(w[1], (double)w2, 1e-10, "weight of the number of fixations");
    expect_near(intercept, (double)b0, 1e-10, "intercept");

    double y_hat[14];
    lr_predict_multi(X, 14, 2, w, intercept, y_hat);
    for (int i = 0; i < 14; i++)
        expect_near(y_hat[i], intercept + w[0] * pupil[i] + w[1] * fix[i], 1e-13,
                    "lr_predict_multi, row %d", i);
}

/* Builds a random n x m problem whose y lies exactly on a known plane. */
static void random_plane(rng *r, size_t n, size_t m, double *X, double *w, double *b,
                         double *y)
{
    for (size_t j = 0; j < m; j++)
        w[j] = rng_range(r, -10, 10);
    *b = rng_range(r, -10, 10);
    fill_uniform(r, X, n * m, -1, 1);
    for (size_t i = 0; i < n; i++) {
        long double sum = *b;
        for (size_t j = 0; j < m; j++)
            sum += (long double)X[i * m + j] * w[j];
        y[i] = (double)sum;
    }
}

GRADED_TEST(multi, recovers_an_exact_plane, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t m = 1 + rng_below(&r, 8);
        size_t n = m + 1 + rng_below(&r, 300);
        double *X = alloc_doubles(n * m), *y = alloc_doubles(n), *w = alloc_doubles(m);
        double *fit = alloc_doubles(m), b, intercept = NAN;
        random_plane(&r, n, m, X, w, &b, y);
        double *X_before = grade_copy(X, n * m), *y_before = grade_copy(y, n);
        expect_status(lr_fit_multi(X, y, n, m, fit, &intercept), LR_OK,
                      "fitting points that lie on a plane");
        expect_unchanged(X, X_before, n * m, "X");
        expect_unchanged(y, y_before, n, "y");
        size_t where;
        double worst = max_relative_error(fit, w, m, &where);
        expect_true(worst < 1e-9,
                    "n = %zu points on a plane in %zu variables: weight %zu came %.12g, expected "
                    "%.12g (largest relative error %.2g)",
                    n, m, where, fit[where], w[where], worst);
        expect_near(intercept, b, 1e-9, "intercept of an exact plane (n = %zu, m = %zu)", n, m);
        free(X);
        free(y);
        free(w);
        free(fit);
        free(X_before);
        free(y_before);
    }
}

/* The least-squares residual is orthogonal to every column and to the
 * constant (the intercept's column): the normal equations, checked without
 * solving them. Holds for any data, whatever method found the fit. */
GRADED_TEST(multi, residual_is_orthogonal_to_the_columns, 2, "7.1 The normal equations")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 10; round++) {
        size_t m = 1 + rng_below(&r, 6);
        size_t n = m + 2 + rng_below(&r, 500);
        double *X = alloc_doubles(n * m), *y = alloc_doubles(n), *w = alloc_doubles(m);
        double b;
        random_plane(&r, n, m, X, w, &b, y);
        for (size_t i = 0; i < n; i++)
            y[i] += 3 * rng_normal(&r);
        double intercept = NAN;
        expect_status(lr_fit_multi(X, y, n, m, w, &intercept), LR_OK, "fitting noisy data");
        long double norm_r = 0, sum_r = 0;
        double *res = alloc_doubles(n);
        for (size_t i = 0; i < n; i++) {
            long double p = intercept;
            for (size_t j = 0; j < m; j++)
                p += (long double)X[i * m + j] * w[j];
            res[i] = (double)(y[i] - p);
            norm_r += (long double)res[i] * res[i];
            sum_r += res[i];
        }
        norm_r = sqrtl(norm_r);
        expect_true(fabsl(sum_r) <= 1e-9 * norm_r * sqrt((double)n),
                    "the residuals should add up to 0 (n = %zu, m = %zu): came %Lg", n, m, sum_r);
        for (size_t j = 0; j < m; j++) {
            long double dot = 0, norm_x = 0;
            for (size_t i = 0; i < n; i++) {
                dot += (long double)X[i * m + j] * res[i];
                norm_x += (long double)X[i * m + j] * X[i * m + j];
            }
            double cosine = (double)(dot / (sqrtl(norm_x) * norm_r));
            expect_true(fabs(cosine) <= 1e-9,
                        "the residual should be orthogonal to column %zu (n = %zu, m = %zu): "
                        "cosine %.3g",
                        j, n, m, cosine);
        }
        free(X);
        free(y);
        free(w);
        free(res);
    }
}

/* Two columns that differ by about 1e-6: condition number near 1e6. QR loses
 * about 6 digits, the normal equations about 12, so 1e-7 separates them. */
GRADED_TEST(multi, nearly_collinear_columns, 2, "7.2 Why not invert")
{
    rng r;
    grade_rng(&r);
    size_t n = 200;
    double X[400], y[200];
    for (size_t i = 0; i < n; i++) {
        double t = rng_uniform(&r);
        X[2 * i] = t;
        X[2 * i + 1] = t + 1e-6 * rng_range(&r, -1, 1);
        y[i] = (double)(3.0L * X[2 * i] - 2.0L * X[2 * i + 1] + 1.0L);
    }
    double w[2] = {NAN, NAN}, intercept = NAN;
    expect_status(lr_fit_multi(X, y, n, 2, w, &intercept), LR_OK, "nearly collinear columns");
    expect_near(w[0], 3.0, 1e-7, "first weight with nearly collinear columns");
    expect_near(w[1], -2.0, 1e-7, "second weight with nearly collinear columns");
}

GRADED_TEST(multi, rejects_problems_without_a_unique_answer, 1, SECTION)
{
    double X[12] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6}; /* two equal columns */
    const double y[6] = {1, 2, 3, 4, 5, 7};
    double w[2], b;
    expect_status(lr_fit_multi(X, y, 6, 2, w, &b), LR_ERR_SINGULAR, "two identical columns");
    double Xc[12] = {1, 7, 2, 7, 3, 7, 4, 7, 5, 7, 6, 7}; /* a constant column */
    expect_status(lr_fit_multi(Xc, y, 6, 2, w, &b), LR_ERR_SINGULAR,
                  "a constant column (it duplicates the intercept)");
    expect_status(lr_fit_multi(X, y, 2, 2, w, &b), LR_ERR_ARG,
                  "2 points for 2 weights and an intercept");
    expect_status(lr_fit_multi(X, y, 6, 0, w, &b), LR_ERR_ARG, "m = 0");
    expect_status(lr_fit_multi(NULL, y, 6, 2, w, &b), LR_ERR_ARG, "X = NULL");
}

/* Columns of very different sizes, and data at either end of the double
 * range: column j is u * scale[j] with u uniform on [-1, 1), and y lies on
 * the plane with weights c[j] * y_scale / scale[j] and intercept
 * b * y_scale. A column near 1e200 has squares near 1e400 and one near
 * 1e-200 squares near 1e-400: norms computed as sqrt(sum of squares)
 * overflow or vanish. Scaling each column by its largest magnitude (as
 * LAPACK's dnrm2 does) keeps them in range. Every weight is checked
 * relative to its own size, however small. */
GRADED_TEST(multi, columns_of_very_different_sizes, 2, "7.3 QR by Householder reflections")
{
    rng r;
    grade_rng(&r);
    const struct {
        double scale[4], y_scale;
    } cases[] = {
        {{1e200, 1e-200, 1, 3}, 1},
        {{1e300, 1e300, 1e300, 1e300}, 1e300},
        {{1e-300, 1e-300, 1e-300, 1e-300}, 1e-300},
        {{1e-200, 1e200, 1e-100, 1e100}, 1e100},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const size_t m = 4, n = 50 + rng_below(&r, 250);
        double *X = grade_alloc(n * m, sizeof *X), *y = grade_alloc(n, sizeof *y);
        double w[4], fit[4] = {NAN, NAN, NAN, NAN}, intercept = NAN;
        for (size_t j = 0; j < m; j++)
            w[j] = rng_range(&r, 1, 5) * (rng_below(&r, 2) ? 1 : -1) * cases[c].y_scale /
                   cases[c].scale[j];
        double b = rng_range(&r, -10, 10) * cases[c].y_scale;
        for (size_t i = 0; i < n; i++) {
            long double sum = b;
            for (size_t j = 0; j < m; j++) {
                X[i * m + j] = rng_range(&r, -1, 1) * cases[c].scale[j];
                sum += (long double)X[i * m + j] * w[j];
            }
            y[i] = (double)sum;
        }
        char what[160];
        snprintf(what, sizeof what, "columns near %g, %g, %g and %g, y near %g",
                 cases[c].scale[0], cases[c].scale[1], cases[c].scale[2], cases[c].scale[3],
                 cases[c].y_scale);
        lr_status status = lr_fit_multi(X, y, n, m, fit, &intercept);
        if (status != LR_OK)
            grade_fail("fitting %zu points with %s: expected LR_OK, came %s", n, what,
                       status_name(status));
        for (size_t j = 0; j < m; j++)
            if (!(fabs(fit[j] - w[j]) <= 1e-9 * fabs(w[j])))
                grade_fail("weight %zu of an exact plane with %s: expected %.12g, came %.12g "
                           "(relative tolerance 1e-9)", j, what, w[j], fit[j]);
        if (!(fabs(intercept - b) <= 1e-9 * fabs(b)))
            grade_fail("intercept of an exact plane with %s: expected %.12g, came %.12g "
                       "(relative tolerance 1e-9)", what, b, intercept);
    }

    /* What no double can hold, and what is no number. */
    double X[12], y[6], w[2], b;
    for (int i = 0; i < 6; i++) {
        X[2 * i] = 1e-300 * (i % 3 - 1);
        X[2 * i + 1] = i;
        y[i] = 1e300 * (i % 3 - 1) + (i > 2);
    }
    expect_status(lr_fit_multi(X, y, 6, 2, w, &b), LR_ERR_ARG,
                  "a weight near 1e600, too large for a double");
    X[0] = 0;
    X[7] = INFINITY;
    expect_status(lr_fit_multi(X, y, 6, 2, w, &b), LR_ERR_ARG, "an infinite value in X");
    X[7] = 3;
    y[4] = NAN;
    expect_status(lr_fit_multi(X, y, 6, 2, w, &b), LR_ERR_ARG, "a NaN in y");
}
