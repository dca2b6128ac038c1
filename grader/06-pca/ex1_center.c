/* Exercise 1: centring, covariance, projection and reconstruction, the
 * explained variance (chapter sections 2 and 3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* Data n x d: column j has mean offset[j] plus noise of scale spread[j]. */
static double *random_data(rng *r, size_t n, size_t d, double offset_scale, double noise_scale)
{
    double *x = alloc_doubles(n * d), *offset = alloc_doubles(d), *spread = alloc_doubles(d);
    for (size_t j = 0; j < d; j++) {
        offset[j] = rng_range(r, -offset_scale, offset_scale);
        spread[j] = noise_scale * rng_range(r, 0.1, 1);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++)
            x[i * d + j] = offset[j] + spread[j] * rng_normal(r);
    free(offset);
    free(spread);
    return x;
}

/* The largest |x| in column j: what the rounding of its mean is relative to. */
static double column_scale(const double *x, size_t n, size_t d, size_t j)
{
    double top = 0;
    for (size_t i = 0; i < n; i++)
        top = fmax(top, fabs(x[i * d + j]));
    return top;
}

static void check_mean(const double *mean, const double *x, size_t n, size_t d,
                       const long double *want, const char *fn, const char *what)
{
    for (size_t j = 0; j < d; j++) {
        long double tol = 4.0L * n * EPS * column_scale(x, n, d, j) + 1e-300L;
        if (!(fabsl(mean[j] - want[j]) <= tol))
            grade_fail("%s of %s: mean[%zu] expected %.17Lg, came %.17g (tolerance %.2Lg)", fn,
                       what, j, want[j], mean[j], tol);
    }
}

GRADED_TEST(center, means_and_centred_data, 2, SEC_CENTER)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, 60), d = 1 + rng_below(&r, 12);
        double *x = random_data(&r, n, d, log_uniform(&r, -2, 3), log_uniform(&r, -2, 2));
        double *mean = nan_doubles(d), *centered = nan_doubles(n * d);
        long double *want = alloc_long_doubles(d);
        ref_moments(x, n, d, want, NULL);
        snprintf(what, sizeof what, "random %zux%zu data", n, d);
        expect_status(pc_center(x, n, d, mean, centered), PC_OK, "pc_center of %s", what);
        check_mean(mean, x, n, d, want, "pc_center", what);
        for (size_t i = 0; i < n * d; i++) {
            size_t j = i % d;
            long double tol = 4.0L * n * EPS * column_scale(x, n, d, j);
            if (!(fabsl(centered[i] - (x[i] - want[j])) <= tol))
                grade_fail("pc_center of %s: centered[%zu][%zu] expected x - mean = %.17Lg, "
                           "came %.17g", what, i / d, j, x[i] - want[j], centered[i]);
        }
        double *again = nan_doubles(d);
        expect_status(pc_center(x, n, d, again, NULL), PC_OK, "pc_center of %s with centered = "
                      "NULL (only the means wanted)", what);
        check_mean(again, x, n, d, want, "pc_center with centered = NULL", what);
        free(x);
        free(mean);
        free(centered);
        free(want);
        free(again);
    }
    double x[6] = {1, 2, 3, 4, 5, 6}, mean[3], c[6];
    expect_status(pc_center(NULL, 2, 3, mean, c), PC_ERR_ARG, "pc_center(NULL, ...)");
    expect_status(pc_center(x, 2, 3, NULL, c), PC_ERR_ARG, "pc_center with mean = NULL");
    expect_status(pc_center(x, 0, 3, mean, c), PC_ERR_ARG, "pc_center with n = 0");
    expect_status(pc_center(x, 2, 0, mean, c), PC_ERR_ARG, "pc_center with d = 0");
    expect_status(pc_center(x, (size_t)1 << 33, (size_t)1 << 33, mean, c), PC_ERR_ARG,
                  "pc_center with n = d = 2^33 (n * d overflows a size_t)");
    x[4] = NAN;
    expect_status(pc_center(x, 2, 3, mean, c), PC_ERR_NAN, "pc_center with a NaN in x");
    x[4] = -INFINITY;
    expect_status(pc_center(x, 2, 3, mean, c), PC_ERR_NAN, "pc_center with -infinity in x");
}

/* cov against the grader's long double two-pass covariance, each entry
 * relative to sqrt(cov_aa cov_bb), the scale it is a product of. */
static void check_covariance(const double *cov, const long double *want, size_t n, size_t d,
                             double rel, const char *what)
{
    for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b < d; b++) {
            long double scale = sqrtl(want[a * d + a] * want[b * d + b]);
            long double tol = rel * scale + 1e-300L, e = want[a * d + b];
            if (!(fabsl(cov[a * d + b] - e) <= tol))
                grade_fail("pc_covariance of %s: cov[%zu][%zu] expected %.17Lg, came %.17g "
                           "(tolerance %.2Lg%s)", what, a, b, e, cov[a * d + b], tol,
                           a == b && fabsl(cov[a * d + b] - e) > 0.01L * scale ?
                           "; sum (x - mean)^2 / (n - 1), over the centred data" : "");
            if (cov[a * d + b] != cov[b * d + a])
                grade_fail("pc_covariance of %s: cov[%zu][%zu] = %.17g but cov[%zu][%zu] = "
                           "%.17g; a covariance matrix is symmetric", what, a, b, cov[a * d + b],
                           b, a, cov[b * d + a]);
        }
    (void)n;
}

GRADED_TEST(center, covariance, 2, SEC_CENTER)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 30; round++) {
        size_t n = 2 + rng_below(&r, 80), d = 1 + rng_below(&r, 10);
        double *x = random_data(&r, n, d, log_uniform(&r, -2, 2), log_uniform(&r, -2, 2));
        /* Correlated columns: mix them. */
        for (size_t i = 0; i < n; i++)
            for (size_t j = 1; j < d; j++)
                x[i * d + j] += 0.5 * x[i * d + j - 1];
        double *mean = nan_doubles(d), *cov = nan_doubles(d * d);
        long double *want_mean = alloc_long_doubles(d), *want = alloc_long_doubles(d * d);
        ref_moments(x, n, d, want_mean, want);
        snprintf(what, sizeof what, "random %zux%zu data", n, d);
        expect_status(pc_covariance(x, n, d, mean, cov), PC_OK, "pc_covariance of %s", what);
        check_mean(mean, x, n, d, want_mean, "pc_covariance", what);
        check_covariance(cov, want, n, d, 1e-12, what);
        double *again = nan_doubles(d * d);
        expect_status(pc_covariance(x, n, d, NULL, again), PC_OK, "pc_covariance of %s with "
                      "mean = NULL", what);
        check_covariance(again, want, n, d, 1e-12, what);
        free(x);
        free(mean);
        free(cov);
        free(want_mean);
        free(want);
        free(again);
    }
    /* Two rows: the covariance of (a, b) and (c, e) is (a - c)(b - e) / 2. */
    const double two[4] = {1, 5, 3, 1};
    double cov[4], mean[2];
    expect_status(pc_covariance(two, 2, 2, mean, cov), PC_OK, "pc_covariance of the rows (1, 5) "
                  "and (3, 1)");
    const double exact[4] = {2, -4, -4, 8};
    for (int i = 0; i < 4; i++)
        expect_near(cov[i], exact[i], 1e-15, "pc_covariance of the rows (1, 5) and (3, 1): "
                    "cov[%d][%d] (divided by n - 1 = 1)", i / 2, i % 2);
    double x[6] = {1, 2, 3, 4, 5, 6}, big[9], mean3[3];
    expect_status(pc_covariance(x, 1, 3, mean3, big), PC_ERR_ARG, "pc_covariance of one row "
                  "(n - 1 = 0)");
    expect_status(pc_covariance(x, 0, 3, mean3, big), PC_ERR_ARG, "pc_covariance with n = 0");
    expect_status(pc_covariance(x, 2, 0, mean3, big), PC_ERR_ARG, "pc_covariance with d = 0");
    expect_status(pc_covariance(NULL, 2, 3, mean3, big), PC_ERR_ARG, "pc_covariance(NULL, ...)");
    expect_status(pc_covariance(x, 2, 3, mean3, NULL), PC_ERR_ARG, "pc_covariance with cov = "
                  "NULL");
    expect_status(pc_covariance(x, 2, (size_t)1 << 32, mean3, big), PC_ERR_ARG,
                  "pc_covariance with d = 2^32 (d * d overflows a size_t)");
    x[2] = NAN;
    expect_status(pc_covariance(x, 2, 3, mean3, big), PC_ERR_NAN, "pc_covariance with a NaN in x");
    x[2] = INFINITY;
    expect_status(pc_covariance(x, 2, 3, mean3, big), PC_ERR_NAN, "pc_covariance with infinity "
                  "in x");
}

GRADED_TEST(center, large_offset, 2, SEC_PITFALLS)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 12; round++) {
        size_t n = 50 + rng_below(&r, 400), d = 1 + rng_below(&r, 4);
        double offset = round < 6 ? 1e8 : 1e9, noise = rng_range(&r, 0.5, 2);
        double *x = alloc_doubles(n * d);
        for (size_t i = 0; i < n; i++) {
            double z = 0; /* correlated noise: each column leans on the one before */
            for (size_t j = 0; j < d; j++) {
                z = noise * rng_normal(&r) + 0.3 * z;
                x[i * d + j] = offset * (1 + 0.1 * (double)j) + z;
            }
        }
        double *mean = nan_doubles(d), *cov = nan_doubles(d * d);
        long double *want_mean = alloc_long_doubles(d), *want = alloc_long_doubles(d * d);
        ref_moments(x, n, d, want_mean, want);
        snprintf(what, sizeof what, "%zu rows of %g + noise of variance about %.3g (E[x^2] - "
                 "E[x]^2 cancels every digit here; sum (x - mean)^2 does not)", n, offset,
                 noise * noise);
        expect_status(pc_covariance(x, n, d, mean, cov), PC_OK, "pc_covariance of %s", what);
        check_mean(mean, x, n, d, want_mean, "pc_covariance", what);
        check_covariance(cov, want, n, d, 1e-9, what);
        free(x);
        free(mean);
        free(cov);
        free(want_mean);
        free(want);
    }
}

/* codes and reconstruction of x by an orthonormal basis of all d
 * directions: the reconstruction is x again. */
GRADED_TEST(center, project_round_trip, 2, SEC_PROJECT)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 25; round++) {
        size_t n = 1 + rng_below(&r, 40), d = 1 + rng_below(&r, 12), k = 1 + rng_below(&r, d);
        if (round % 3 == 0)
            k = d;
        long double *q = alloc_long_doubles(d * d);
        ref_random_orthogonal(&r, d, q);
        double *c = alloc_doubles(d * d), *mean = alloc_doubles(d);
        for (size_t i = 0; i < d * d; i++)
            c[i] = (double)q[i];
        fill_uniform(&r, mean, d, -5, 5);
        double *x = random_data(&r, n, d, 5, 3);
        double *codes = nan_doubles(n * k), *x_hat = nan_doubles(n * d);
        snprintf(what, sizeof what, "random %zux%zu data and %zu orthonormal components", n, d,
                 k);
        expect_status(pc_project(x, n, d, mean, c, k, codes), PC_OK, "pc_project of %s", what);
        double scale = 0;
        for (size_t i = 0; i < n * d; i++)
            scale = fmax(scale, fabs(x[i] - mean[i % d]) + fabs(mean[i % d]));
        for (size_t i = 0; i < n; i++)
            for (size_t p = 0; p < k; p++) {
                long double want = 0;
                for (size_t j = 0; j < d; j++)
                    want += ((long double)x[i * d + j] - mean[j]) * c[p * d + j];
                long double tol = 4.0L * (d + 2) * EPS * scale * sqrtl(d);
                if (!(fabsl(codes[i * k + p] - want) <= tol))
                    grade_fail("pc_project of %s: codes[%zu][%zu] expected (x_%zu - mean) . "
                               "c_%zu = %.17Lg, came %.17g", what, i, p, i, p, want,
                               codes[i * k + p]);
            }
        expect_status(pc_reconstruct(codes, n, k, mean, c, d, x_hat), PC_OK, "pc_reconstruct of "
                      "%s", what);
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < d; j++) {
                long double want = mean[j];
                for (size_t p = 0; p < k; p++)
                    want += (long double)codes[i * k + p] * c[p * d + j];
                long double tol = 4.0L * (k + 2) * EPS * scale * sqrtl(d);
                if (!(fabsl(x_hat[i * d + j] - want) <= tol))
                    grade_fail("pc_reconstruct of %s: x_hat[%zu][%zu] expected mean + codes C = "
                               "%.17Lg, came %.17g", what, i, j, want, x_hat[i * d + j]);
                if (k == d && !(fabsl(x_hat[i * d + j] - x[i * d + j]) <= 2 * tol))
                    grade_fail("reconstructing %s from all %zu codes per row: x_hat[%zu][%zu] "
                               "expected x = %.17g, came %.17g (an orthonormal basis loses "
                               "nothing)", what, d, i, j, x[i * d + j], x_hat[i * d + j]);
            }
        free(q);
        free(c);
        free(mean);
        free(x);
        free(codes);
        free(x_hat);
    }
    double x[4] = {1, 2, 3, 4}, m[2] = {0, 0}, c[4] = {1, 0, 0, 1}, out[4];
    expect_status(pc_project(NULL, 2, 2, m, c, 2, out), PC_ERR_ARG, "pc_project(NULL, ...)");
    expect_status(pc_project(x, 2, 2, NULL, c, 2, out), PC_ERR_ARG, "pc_project with mean = NULL");
    expect_status(pc_project(x, 2, 2, m, NULL, 2, out), PC_ERR_ARG, "pc_project with components "
                  "= NULL");
    expect_status(pc_project(x, 2, 2, m, c, 2, NULL), PC_ERR_ARG, "pc_project with codes = NULL");
    expect_status(pc_project(x, 0, 2, m, c, 2, out), PC_ERR_ARG, "pc_project with n = 0");
    expect_status(pc_project(x, 2, 0, m, c, 2, out), PC_ERR_ARG, "pc_project with d = 0");
    expect_status(pc_project(x, 2, 2, m, c, 0, out), PC_ERR_ARG, "pc_project with k = 0");
    expect_status(pc_reconstruct(NULL, 2, 2, m, c, 2, out), PC_ERR_ARG, "pc_reconstruct(NULL, "
                  "...)");
    expect_status(pc_reconstruct(x, 2, 2, NULL, c, 2, out), PC_ERR_ARG, "pc_reconstruct with "
                  "mean = NULL");
    expect_status(pc_reconstruct(x, 2, 2, m, NULL, 2, out), PC_ERR_ARG, "pc_reconstruct with "
                  "components = NULL");
    expect_status(pc_reconstruct(x, 2, 2, m, c, 2, NULL), PC_ERR_ARG, "pc_reconstruct with x_hat "
                  "= NULL");
    expect_status(pc_reconstruct(x, 0, 2, m, c, 2, out), PC_ERR_ARG, "pc_reconstruct with n = 0");
    expect_status(pc_reconstruct(x, 2, 0, m, c, 2, out), PC_ERR_ARG, "pc_reconstruct with k = 0");
    expect_status(pc_reconstruct(x, 2, 2, m, c, 0, out), PC_ERR_ARG, "pc_reconstruct with d = 0");
}

/* The error of the best rank-k approximation is the sum of the squares of
 * the singular values left out (Eckart-Young): for X = mean + U S V^T the
 * top k rows of V^T reconstruct X to exactly that error. */
GRADED_TEST(center, eckart_young, 2, SEC_PROJECT)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, 40), d = 2 + rng_below(&r, 10);
        size_t rank = n < d ? n : d, k = 1 + rng_below(&r, rank - 1);
        double *s = alloc_doubles(rank), *x = alloc_doubles(n * d), *mean = alloc_doubles(d);
        ref_spread_spectrum(&r, s, rank, 0.01, 10);
        long double *u = alloc_long_doubles(n * rank), *v = alloc_long_doubles(d * rank);
        ref_matrix_with_svd(&r, n, d, s, x, u, v);
        double shift = round % 2 ? 0 : rng_range(&r, -3, 3);
        fill_uniform(&r, mean, d, -shift, shift);
        for (size_t i = 0; i < n * d; i++)
            x[i] += mean[i % d];
        double *c = alloc_doubles(k * d), *codes = nan_doubles(n * k), *x_hat = nan_doubles(n * d);
        for (size_t p = 0; p < k; p++)
            for (size_t j = 0; j < d; j++)
                c[p * d + j] = (double)v[j * rank + p];
        long double tail = 0, total = 0;
        for (size_t i = 0; i < rank; i++) {
            total += (long double)s[i] * s[i];
            if (i >= k)
                tail += (long double)s[i] * s[i];
        }
        snprintf(what, sizeof what, "a %zux%zu matrix mean + U S V^T with singular values %.4g "
                 "... %.4g, from its top %zu right singular vectors", n, d, s[0], s[rank - 1], k);
        expect_status(pc_project(x, n, d, mean, c, k, codes), PC_OK, "pc_project of %s", what);
        for (size_t i = 0; i < n; i++)
            for (size_t p = 0; p < k; p++) {
                long double want = u[i * rank + p] * s[p];
                if (!(fabsl(codes[i * k + p] - want) <= 1e-13L * (s[0] + fabs(shift))))
                    grade_fail("pc_project of %s: codes[%zu][%zu] expected u_%zu%zu sigma_%zu = "
                               "%.17Lg, came %.17g", what, i, p, i, p, p, want,
                               codes[i * k + p]);
            }
        expect_status(pc_reconstruct(codes, n, k, mean, c, d, x_hat), PC_OK, "pc_reconstruct of "
                      "%s", what);
        long double err = 0;
        for (size_t i = 0; i < n * d; i++)
            err += ((long double)x[i] - x_hat[i]) * ((long double)x[i] - x_hat[i]);
        long double tol = 1e-12L * (total + shift * shift * n * d);
        if (!(fabsl(err - tail) <= tol))
            grade_fail("%s: |X - X_hat|_F^2 expected the sum of the %zu left-out sigma^2 = "
                       "%.17Lg, came %.17Lg", what, rank - k, tail, err);
        free(s);
        free(x);
        free(mean);
        free(u);
        free(v);
        free(c);
        free(codes);
        free(x_hat);
    }
}

static void check_ratios(const double *sigma, size_t count, const char *what)
{
    double *ratio = nan_doubles(count), *cumulative = nan_doubles(count);
    expect_status(pc_explained_variance(sigma, count, ratio, cumulative), PC_OK,
                  "pc_explained_variance of %s", what);
    long double top = 0, total = 0, running = 0;
    for (size_t i = 0; i < count; i++)
        top = fmaxl(top, sigma[i]);
    for (size_t i = 0; i < count; i++)
        total += ((long double)sigma[i] / top) * ((long double)sigma[i] / top);
    for (size_t i = 0; i < count; i++) {
        long double want = ((long double)sigma[i] / top) * ((long double)sigma[i] / top) / total;
        running += want;
        if (!(fabsl(ratio[i] - want) <= 4.0L * (count + 4) * EPS * want + 1e-300L))
            grade_fail("pc_explained_variance of %s: ratio[%zu] expected sigma_%zu^2 / sum "
                       "sigma^2 = %.17Lg, came %.17g", what, i, i, want, ratio[i]);
        if (!(fabsl(cumulative[i] - running) <= 4.0L * (count + 4) * EPS * running + 1e-300L))
            grade_fail("pc_explained_variance of %s: cumulative[%zu] expected %.17Lg, came "
                       "%.17g", what, i, running, cumulative[i]);
    }
    double *again = nan_doubles(count);
    expect_status(pc_explained_variance(sigma, count, again, NULL), PC_OK,
                  "pc_explained_variance of %s with cumulative = NULL", what);
    for (size_t i = 0; i < count; i++)
        expect_near(again[i], ratio[i], 4 * EPS, "pc_explained_variance of %s: ratio[%zu] with and "
                    "without cumulative", what, i);
    free(ratio);
    free(cumulative);
    free(again);
}

GRADED_TEST(center, explained_variance, 2, SEC_PROJECT)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 30; round++) {
        size_t count = 1 + rng_below(&r, 40);
        double *s = alloc_doubles(count);
        ref_spread_spectrum(&r, s, count, 1e-3, 1e3);
        if (round % 5 == 1 && count > 1)
            s[count - 1] = 0;
        snprintf(what, sizeof what, "%zu singular values from %.4g to %.4g", count, s[0],
                 s[count - 1]);
        check_ratios(s, count, what);
        free(s);
    }
    const double huge[4] = {1e200, 2e200, 1e200, 0};
    check_ratios(huge, 4, "sigma = {1e200, 2e200, 1e200, 0} (their squares overflow: scale "
                 "first)");
    const double mixed[3] = {3e250, 1, 4e250};
    check_ratios(mixed, 3, "sigma = {3e250, 1, 4e250}");
    double ratio[4], cum[4];
    const double one[1] = {7};
    expect_status(pc_explained_variance(one, 1, ratio, cum), PC_OK, "pc_explained_variance of "
                  "one value");
    expect_near(ratio[0], 1, 0, "pc_explained_variance of {7}: the one ratio");
    const double zeros[3] = {0, 0, 0}, negative[3] = {2, -1, 1}, nan[3] = {1, NAN, 0};
    const double inf[3] = {INFINITY, 1, 0};
    expect_status(pc_explained_variance(zeros, 3, ratio, cum), PC_ERR_ARG,
                  "pc_explained_variance of {0, 0, 0} (nothing to divide by)");
    expect_status(pc_explained_variance(negative, 3, ratio, cum), PC_ERR_ARG,
                  "pc_explained_variance of {2, -1, 1} (a singular value is never negative)");
    expect_status(pc_explained_variance(nan, 3, ratio, cum), PC_ERR_NAN,
                  "pc_explained_variance of {1, NaN, 0}");
    expect_status(pc_explained_variance(inf, 3, ratio, cum), PC_ERR_NAN,
                  "pc_explained_variance of {infinity, 1, 0}");
    expect_status(pc_explained_variance(NULL, 3, ratio, cum), PC_ERR_ARG,
                  "pc_explained_variance(NULL, ...)");
    expect_status(pc_explained_variance(negative, 3, NULL, cum), PC_ERR_ARG,
                  "pc_explained_variance with ratio = NULL");
    expect_status(pc_explained_variance(one, 0, ratio, cum), PC_ERR_ARG,
                  "pc_explained_variance with count = 0");
    const char *text = pc_status_str(PC_ERR_NAN), *ok = pc_status_str(PC_OK);
    expect_true(text && ok && text[0] && strcmp(text, ok) != 0, "pc_status_str(PC_ERR_NAN): "
                "expected a description of its own, came \"%s\"", text ? text : "(NULL)");
}
