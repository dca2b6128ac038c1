/* Exercise 3: the one-sided Jacobi SVD (chapter section 5.2), and PCA with
 * it (section 6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "grade.h"
#include "reference.h"

static size_t smaller(size_t m, size_t n)
{
    return m < n ? m : n;
}

/* What rounding allows in a singular value of an m x n matrix whose largest
 * is s0: the rounding of the matrix's entries and of the rotations. */
static double absolute_tolerance(size_t m, size_t n, double s0)
{
    return 20 * EPS * (double)(m + n) * s0;
}

/* pc_svd_jacobi of a, with sigma checked against s to tol (absolute) or
 * rel (relative), whichever is larger for each value. */
static void check_values(const double *a, size_t m, size_t n, const double *s, double tol,
                         double rel, svd_out *out, const char *what)
{
    size_t r = smaller(m, n);
    expect_status(pc_svd_jacobi(a, m, n, out->sigma, out->u, out->vt), PC_OK,
                  "pc_svd_jacobi of %s", what);
    for (size_t i = 0; i < r; i++) {
        double bound = fmax(tol, rel * s[i]);
        if (!(fabs(out->sigma[i] - s[i]) <= bound))
            grade_fail("pc_svd_jacobi of %s: sigma[%zu] expected %.17g, came %.17g (tolerance "
                       "%.2g%s)", what, i, s[i], out->sigma[i], bound,
                       rel > 0 ? ", relative: one-sided Jacobi keeps every digit a small "
                       "singular value's column holds" : "");
    }
}

/* check_values, then the vectors: orthonormal, A v_i = sigma_i u_i, signs. */
static void check_svd(const double *a, size_t m, size_t n, const double *s, double tol,
                      double rel, const char *what)
{
    size_t rr = smaller(m, n);
    svd_out out = svd_alloc(m, n, rr);
    check_values(a, m, n, s, tol, rel, &out, what);
    expect_svd("pc_svd_jacobi", what, a, m, n, rr, out.sigma, out.u, out.vt, 1e-13, 1e-13);
    svd_free(&out);
}

GRADED_TEST(jacobi, singular_values, 2, SEC_JACOBI)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 40; round++) {
        size_t m = 1 + rng_below(&r, 30), n = 1 + rng_below(&r, 30), rr = smaller(m, n);
        double *a = alloc_doubles(m * n), *s = alloc_doubles(rr), s0 = log_uniform(&r, -3, 3);
        ref_spread_spectrum(&r, s, rr, 1e-3 * s0, s0);
        ref_matrix_with_svd(&r, m, n, s, a, NULL, NULL);
        snprintf(what, sizeof what, "a %zux%zu matrix U diag(s) V^T, s from %.6g to %.6g", m, n,
                 s[0], s[rr - 1]);
        svd_out out = svd_alloc(m, n, rr);
        check_values(a, m, n, s, absolute_tolerance(m, n, s[0]), 0, &out, what);
        double *alone = nan_doubles(rr);
        expect_status(pc_svd_jacobi(a, m, n, alone, NULL, NULL), PC_OK, "pc_svd_jacobi of %s "
                      "with u = vt = NULL (the values only)", what);
        for (size_t i = 0; i < rr; i++)
            expect_true(fabs(alone[i] - out.sigma[i]) <= absolute_tolerance(m, n, s[0]),
                        "pc_svd_jacobi of %s: sigma[%zu] = %.17g with the vectors, %.17g without",
                        what, i, out.sigma[i], alone[i]);
        free(alone);
        svd_free(&out);
        free(a);
        free(s);
    }
    const struct {
        size_t m, n;
        double a[9], sigma[3];
        const char *what;
    } cases[] = {
        {3, 3, {3, 0, 0, 0, -5, 0, 0, 0, 2}, {5, 3, 2}, "diag(3, -5, 2)"},
        {2, 2, {3, 0, 4, 5}, {6.7082039324993690892, 2.2360679774997896964}, "[3 0; 4 5] "
         "(sigma = sqrt(45), sqrt(5))"},
        {1, 1, {-2.5}, {2.5}, "the 1x1 matrix [-2.5]"},
        {1, 4, {1, 2, -2, 4}, {5}, "the row [1 2 -2 4] (its length)"},
        {3, 1, {2, -3, 6}, {7}, "the column [2; -3; 6] (its length)"},
        {2, 3, {1, 1, 0, 1, 1, 0}, {2, 0}, "[1 1 0; 1 1 0] (rank 1)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        svd_out out = svd_alloc(cases[c].m, cases[c].n, 3);
        check_values(cases[c].a, cases[c].m, cases[c].n, cases[c].sigma, 4 * EPS, 4 * EPS, &out,
                     cases[c].what);
        svd_free(&out);
    }
}

GRADED_TEST(jacobi, tiny_singular_values, 2, SEC_JACOBI)
{
    rng r;
    grade_rng(&r);
    char what[240];
    for (int round = 0; round < 30; round++) {
        size_t m = 1 + rng_below(&r, 25), n = 1 + rng_below(&r, 25), rr = smaller(m, n);
        double *a = alloc_doubles(m * n), *s = alloc_doubles(rr);
        ref_spread_spectrum(&r, s, rr, 1e-12, 1);
        if (rr > 1) { /* both ends of the range, every time */
            s[0] = 1;
            s[rr - 1] = 1e-12;
        }
        ref_graded_matrix(&r, m, n, s, a);
        snprintf(what, sizeof what, "a %zux%zu matrix with singular values from %.3g down to "
                 "%.3g, each column a mix of one decade of them (the entries fix even the "
                 "smallest to rounding; A^T A would square it below 1e-16 of the largest)",
                 m, n, s[0], s[rr - 1]);
        check_svd(a, m, n, s, 0, 3e-14, what);
        free(a);
        free(s);
    }
}

GRADED_TEST(jacobi, singular_vectors, 3, SEC_JACOBI)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 40; round++) {
        size_t m = 1 + rng_below(&r, 30), n = 1 + rng_below(&r, 30), rr = smaller(m, n);
        double *a = alloc_doubles(m * n), *s = alloc_doubles(rr);
        s[0] = log_uniform(&r, -3, 3);
        for (size_t i = 1; i < rr; i++)
            s[i] = s[i - 1] * rng_range(&r, 0.6, 0.95);
        long double *u = alloc_long_doubles(m * rr), *v = alloc_long_doubles(n * rr);
        ref_matrix_with_svd(&r, m, n, s, a, u, v);
        snprintf(what, sizeof what, "a %zux%zu matrix U diag(s) V^T with s_0 = %.6g%s", m, n,
                 s[0], rr > 1 ? " and each next one 0.6 to 0.95 times the one before" : "");
        svd_out out = svd_alloc(m, n, rr);
        expect_status(pc_svd_jacobi(a, m, n, out.sigma, out.u, out.vt), PC_OK,
                      "pc_svd_jacobi of %s", what);
        expect_svd("pc_svd_jacobi", what, a, m, n, rr, out.sigma, out.u, out.vt, 1e-13, 1e-13);
        for (size_t i = 0; i < rr; i++) {
            double g = INFINITY;
            if (i > 0)
                g = s[i - 1] - s[i];
            if (i + 1 < rr)
                g = fmin(g, s[i] - s[i + 1]);
            long double bound = 100 * EPS * (m + n) * (s[0] / g + 1);
            long double dv = ref_vector_distance(out.vt, i, n, v, rr);
            if (!(dv <= bound))
                grade_fail("pc_svd_jacobi of %s: row %zu of V^T is %.3Lg from the known right "
                           "singular vector v_%zu (tolerance %.2Lg)", what, i, dv, i, bound);
        }
        svd_free(&out);
        free(a);
        free(s);
        free(u);
        free(v);
    }
    const double a[1] = {-2.5};
    double sigma = NAN, u = NAN, vt = NAN;
    expect_status(pc_svd_jacobi(a, 1, 1, &sigma, &u, &vt), PC_OK, "pc_svd_jacobi of [-2.5]");
    expect_true(sigma == 2.5 && vt == 1 && u == -1, "pc_svd_jacobi of the 1x1 matrix [-2.5]: "
                "expected sigma = 2.5, v = [1] (its largest entry positive) and u = [-1] (so "
                "that A v = sigma u); came sigma = %g, v = [%g], u = [%g]", sigma, vt, u);
}

/* A matrix of rank `rank` (entries rounded: the zero singular values come
 * out at rounding level), or with exact zero rows and columns. */
static void check_rank_deficient(rng *r, size_t m, size_t n, size_t rank, int exact)
{
    size_t rr = smaller(m, n);
    double *a = alloc_doubles(m * n), *s = alloc_doubles(rr);
    char what[200];
    if (exact) {
        for (size_t i = 0; i < rank; i++) {
            s[i] = (double)(rank - i);
            a[(rr - 1 - i) * n + i] = (rng_below(r, 2) ? 1 : -1) * s[i];
        }
        snprintf(what, sizeof what, "a %zux%zu matrix with %zu nonzero entries, one per row "
                 "and column (rank %zu: the other columns are exactly 0)", m, n, rank, rank);
    } else {
        ref_spread_spectrum(r, s, rank, 0.01, 1);
        ref_matrix_with_svd(r, m, n, s, a, NULL, NULL);
        snprintf(what, sizeof what, "a %zux%zu matrix U diag(s) V^T of rank %zu (%zu singular "
                 "values 0, to rounding)", m, n, rank, rr - rank);
    }
    check_svd(a, m, n, s, absolute_tolerance(m, n, s[0]), 0, what);
    free(a);
    free(s);
}

GRADED_TEST(jacobi, shapes_and_rank, 2, SEC_JACOBI)
{
    rng r;
    grade_rng(&r);
    char what[160];
    const size_t shapes[][2] = {{1, 1}, {1, 9}, {9, 1}, {60, 3}, {3, 60}, {40, 40}, {2, 50},
                                {50, 2}};
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        size_t m = shapes[c][0], n = shapes[c][1], rr = smaller(m, n);
        double *a = alloc_doubles(m * n), *s = alloc_doubles(rr);
        ref_spread_spectrum(&r, s, rr, 0.01, 10);
        ref_matrix_with_svd(&r, m, n, s, a, NULL, NULL);
        snprintf(what, sizeof what, "a random %zux%zu matrix with known singular values", m, n);
        check_svd(a, m, n, s, absolute_tolerance(m, n, s[0]), 0, what);
        free(a);
        free(s);
    }
    for (int round = 0; round < 16; round++) {
        size_t m = 2 + rng_below(&r, 12), n = 2 + rng_below(&r, 12);
        size_t rank = rng_below(&r, smaller(m, n));
        if (round % 2 == 0 && rank == 0)
            rank = 1;
        check_rank_deficient(&r, m, n, rank, round % 2);
    }
}

GRADED_TEST(jacobi, invariance, 1, SEC_JACOBI)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 15; round++) {
        size_t m = 1 + rng_below(&r, 15), n = 1 + rng_below(&r, 15), rr = smaller(m, n);
        double *a = alloc_doubles(m * n), *b = alloc_doubles(m * n), *t = alloc_doubles(m * n);
        fill_normal(&r, a, m * n, 1);
        long double *p = alloc_long_doubles(m * m), *q = alloc_long_doubles(n * n);
        ref_random_orthogonal(&r, m, p);
        ref_random_orthogonal(&r, n, q);
        for (size_t i = 0; i < m; i++) /* b = P a Q, in long double */
            for (size_t j = 0; j < n; j++) {
                long double sum = 0;
                for (size_t x = 0; x < m; x++)
                    for (size_t y = 0; y < n; y++)
                        sum += p[i * m + x] * a[x * n + y] * q[y * n + j];
                b[i * n + j] = (double)sum;
            }
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                t[j * m + i] = a[i * n + j];
        double *sa = nan_doubles(rr), *sb = nan_doubles(rr), *st = nan_doubles(rr);
        expect_status(pc_svd_jacobi(a, m, n, sa, NULL, NULL), PC_OK, "pc_svd_jacobi of a random "
                      "%zux%zu matrix A", m, n);
        expect_status(pc_svd_jacobi(b, m, n, sb, NULL, NULL), PC_OK, "pc_svd_jacobi of P A Q");
        expect_status(pc_svd_jacobi(t, n, m, st, NULL, NULL), PC_OK, "pc_svd_jacobi of A^T");
        double tol = absolute_tolerance(m, n, sa[0]) * 2;
        for (size_t i = 0; i < rr; i++) {
            snprintf(what, sizeof what, "sigma[%zu] of a random %zux%zu A and of P A Q, for "
                     "random orthogonal P and Q (rotations change no singular value)", i, m, n);
            expect_true(fabs(sa[i] - sb[i]) <= tol, "%s: %.17g and %.17g", what, sa[i], sb[i]);
            expect_true(fabs(sa[i] - st[i]) <= tol, "sigma[%zu] of a random %zux%zu A and of A^T: "
                        "%.17g and %.17g", i, m, n, sa[i], st[i]);
        }
        for (size_t i = 0; i < m * n; i++)
            b[i] = ldexp(a[i], -300);
        expect_status(pc_svd_jacobi(b, m, n, sb, NULL, NULL), PC_OK, "pc_svd_jacobi of 2^-300 A");
        for (size_t i = 0; i < rr; i++)
            expect_true(fabs(ldexp(sb[i], 300) - sa[i]) <= tol, "sigma[%zu] of 2^-300 A for a "
                        "random %zux%zu A: expected 2^-300 times %.17g, came 2^-300 times %.17g "
                        "(a threshold that is not relative to the matrix?)", i, m, n, sa[i],
                        ldexp(sb[i], 300));
        free(a);
        free(b);
        free(t);
        free(p);
        free(q);
        free(sa);
        free(sb);
        free(st);
    }
}

GRADED_TEST(jacobi, errors, 1, SEC_JACOBI)
{
    double a[6] = {1, 2, 3, 4, 5, 6}, sigma[2], u[6], vt[6];
    expect_status(pc_svd_jacobi(NULL, 2, 3, sigma, u, vt), PC_ERR_ARG, "pc_svd_jacobi(NULL, ...)");
    expect_status(pc_svd_jacobi(a, 2, 3, NULL, u, vt), PC_ERR_ARG, "pc_svd_jacobi with sigma = "
                  "NULL");
    expect_status(pc_svd_jacobi(a, 0, 3, sigma, u, vt), PC_ERR_ARG, "pc_svd_jacobi with m = 0");
    expect_status(pc_svd_jacobi(a, 2, 0, sigma, u, vt), PC_ERR_ARG, "pc_svd_jacobi with n = 0");
    expect_status(pc_svd_jacobi(a, (size_t)1 << 33, (size_t)1 << 33, sigma, u, vt), PC_ERR_ARG,
                  "pc_svd_jacobi with m = n = 2^33 (m * n overflows a size_t)");
    a[5] = NAN;
    expect_status(pc_svd_jacobi(a, 2, 3, sigma, u, vt), PC_ERR_NAN, "pc_svd_jacobi with a NaN "
                  "in a");
    a[5] = -INFINITY;
    expect_status(pc_svd_jacobi(a, 2, 3, sigma, u, vt), PC_ERR_NAN, "pc_svd_jacobi with "
                  "-infinity in a");
}

/* ---- PCA ------------------------------------------------------------------------------ */

/* pc_pca_fit of x against the grader's long double covariance and its
 * eigenvectors (Jacobi's eigenvalue method). */
static void check_pca(const double *x, size_t n, size_t d, size_t k, const char *what)
{
    long double *mean = alloc_long_doubles(d), *var = alloc_long_doubles(d);
    long double *comp = alloc_long_doubles(d * d);
    ref_pca(x, n, d, mean, var, comp);
    double *m = nan_doubles(d), *c = nan_doubles(k * d), *v = nan_doubles(k);
    expect_status(pc_pca_fit(x, n, d, k, m, c, v), PC_OK, "pc_pca_fit of %s, k = %zu", what, k);
    for (size_t j = 0; j < d; j++) {
        double scale = 0;
        for (size_t i = 0; i < n; i++)
            scale = fmax(scale, fabs(x[i * d + j]));
        if (!(fabsl(m[j] - mean[j]) <= 4.0L * n * EPS * scale))
            grade_fail("pc_pca_fit of %s: mean[%zu] expected %.17Lg, came %.17g", what, j,
                       mean[j], m[j]);
    }
    long double top = fmaxl(var[0], 1e-300L);
    for (size_t i = 0; i < k; i++) {
        long double tol = 1e-11L * top + 1e-12L * var[i];
        if (!(fabsl(v[i] - var[i]) <= tol))
            grade_fail("pc_pca_fit of %s: variances[%zu] expected %.17Lg (sigma^2 / (n - 1) of "
                       "the centred data), came %.17g", what, i, var[i], v[i]);
    }
    long double e = ref_row_orthogonality(c, k, d);
    if (!(e <= 1e-12))
        grade_fail("pc_pca_fit of %s: the components are not orthonormal: |C C^T - I| has an "
                   "entry of %.3Lg", what, e);
    for (size_t i = 0; i < k; i++) {
        if (!ref_sign_convention(c + i * d, d))
            grade_fail("pc_pca_fit of %s: component %zu has its entry of largest magnitude "
                       "negative; the header's sign convention makes it positive", what, i);
        long double gap = INFINITY;
        if (i > 0)
            gap = var[i - 1] - var[i];
        if (i + 1 < d)
            gap = fminl(gap, var[i] - var[i + 1]);
        if (gap < 1e-6L * top)
            continue; /* a direction that hardly matters which way it points */
        long double bound = 1e-11L * top / gap + 1e-13L, plus = 0, minus = 0;
        for (size_t j = 0; j < d; j++) {
            long double w = comp[i * d + j];
            plus += (c[i * d + j] - w) * (c[i * d + j] - w);
            minus += (c[i * d + j] + w) * (c[i * d + j] + w);
        }
        long double dist = sqrtl(fminl(plus, minus));
        if (!(dist <= bound))
            grade_fail("pc_pca_fit of %s: component %zu is %.3Lg from the covariance's "
                       "eigenvector %zu (tolerance %.2Lg)", what, i, dist, i, bound);
    }
    free(mean);
    free(var);
    free(comp);
    free(m);
    free(c);
    free(v);
}

GRADED_TEST(pca, random_data, 2, SEC_PCA)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, 150), d = 1 + rng_below(&r, 12);
        size_t k = 1 + rng_below(&r, smaller(n, d));
        if (round % 4 == 0)
            k = smaller(n, d);
        double *x = alloc_doubles(n * d), *scale = alloc_doubles(d), *offset = alloc_doubles(d);
        long double *q = alloc_long_doubles(d * d);
        ref_random_orthogonal(&r, d, q);
        scale[0] = log_uniform(&r, -1, 2);
        for (size_t j = 1; j < d; j++)
            scale[j] = scale[j - 1] * rng_range(&r, 0.4, 0.8);
        fill_uniform(&r, offset, d, -10, 10);
        double *z = alloc_doubles(d);
        for (size_t i = 0; i < n; i++) {
            for (size_t j = 0; j < d; j++)
                z[j] = scale[j] * rng_normal(&r);
            for (size_t j = 0; j < d; j++) {
                long double s = offset[j];
                for (size_t p = 0; p < d; p++)
                    s += z[p] * q[j * d + p];
                x[i * d + j] = (double)s;
            }
        }
        snprintf(what, sizeof what, "%zu random points in %zu dimensions%s", n, d,
                 n <= d ? " (fewer than the dimensions: the last variance is 0)" : "");
        check_pca(x, n, d, k, what);
        free(x);
        free(scale);
        free(offset);
        free(q);
        free(z);
    }
    double x[6] = {1, 2, 3, 4, 5, 7}, m[3], c[9], v[3];
    expect_status(pc_pca_fit(NULL, 2, 3, 1, m, c, v), PC_ERR_ARG, "pc_pca_fit(NULL, ...)");
    expect_status(pc_pca_fit(x, 2, 3, 1, NULL, c, v), PC_ERR_ARG, "pc_pca_fit with mean = NULL");
    expect_status(pc_pca_fit(x, 2, 3, 1, m, NULL, v), PC_ERR_ARG, "pc_pca_fit with components = "
                  "NULL");
    expect_status(pc_pca_fit(x, 2, 3, 1, m, c, NULL), PC_ERR_ARG, "pc_pca_fit with variances = "
                  "NULL");
    expect_status(pc_pca_fit(x, 1, 3, 1, m, c, v), PC_ERR_ARG, "pc_pca_fit of one point (n < 2)");
    expect_status(pc_pca_fit(x, 2, 0, 1, m, c, v), PC_ERR_ARG, "pc_pca_fit with d = 0");
    expect_status(pc_pca_fit(x, 2, 3, 3, m, c, v), PC_ERR_ARG, "pc_pca_fit of 2 points in 3 "
                  "dimensions with k = 3 > min(n, d)");
    x[1] = NAN;
    expect_status(pc_pca_fit(x, 2, 3, 1, m, c, v), PC_ERR_NAN, "pc_pca_fit with a NaN in x");
}

/* The course's digits: 1797 images of 64 pixels, a label last on each line. */
static double *load_digits(size_t *count)
{
    csv_reader reader;
    if (csv_open(&reader, "data/digits.csv") != 0)
        grade_fail("the grader could not open data/digits.csv");
    size_t cap = 2048, n = 0;
    double *x = alloc_doubles(cap * 64);
    while (csv_read_row(&reader) == 1 && n < cap) {
        if (reader.nfields < 65)
            continue; /* a header line */
        char *end;
        double first = strtod(reader.fields[0], &end);
        if (*end != '\0')
            continue;
        x[n * 64] = first;
        for (size_t j = 1; j < 64; j++)
            x[n * 64 + j] = strtod(reader.fields[j], NULL);
        n++;
    }
    csv_close(&reader);
    *count = n;
    return x;
}

GRADED_TEST_T(pca, digits, 1, SEC_PCA, 20)
{
    size_t n;
    double *x = load_digits(&n);
    expect_true(n == 1797, "the grader read %zu digits from data/digits.csv, not 1797", n);
    check_pca(x, n, 64, 10, "the 1797 digits (64 pixels each)");
    free(x);
}
