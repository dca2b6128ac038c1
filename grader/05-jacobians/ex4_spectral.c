/* Exercise 4: the spectral norm by power iteration, matrix-free (chapter
 * section 6). The student's code sees each matrix only through jvp and vjp. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* jc_spectral_norm of the m x n matrix a; checks that *iterations counts the
 * products J v it took. */
static jc_status spectral(const double *a, size_t m, size_t n, uint64_t seed, double tol,
                          size_t max_iter, double *sigma, size_t *iterations, const char *what)
{
    cb_matrix ctx = {n, m, a, 0, 0};
    jc_linear_op op = {n, m, cb_jvp, cb_vjp, &ctx};
    *sigma = NAN;
    *iterations = 12345;
    jc_status s = jc_spectral_norm(&op, seed, tol, max_iter, sigma, iterations);
    if (s != JC_OK && s != JC_ERR_NOCONVERGE)
        return s; /* the caller says what it expected */
    expect_int((long long)*iterations, ctx.jvps, "jc_spectral_norm of %s: *iterations should be "
               "the number of products J v taken", what);
    expect_true(*iterations <= max_iter, "jc_spectral_norm of %s: %zu iterations, more than "
                "max_iter = %zu", what, *iterations, max_iter);
    return s;
}

static void expect_sigma(double sigma, long double want, double rel, const char *what)
{
    expect_true(fabsl(sigma - want) <= rel * want, "||J||_2 of %s: expected %.17Lg, came %.17g "
                "(relative tolerance %g)", what, want, sigma, rel);
}

GRADED_TEST(spectral, known_singular_values, 3, SEC_SPECTRAL)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 30; round++) {
        size_t m = 1 + rng_below(&r, 20), n = 1 + rng_below(&r, 20), k = m < n ? m : n;
        double s[20], *a = alloc_doubles(m * n);
        s[0] = log_uniform(&r, -2, 2);
        for (size_t i = 1; i < k; i++)
            s[i] = s[0] * rng_range(&r, 0, 0.8);
        ref_matrix_with_singular_values(&r, m, n, s, a);
        snprintf(what, sizeof what, "a %zux%zu matrix U diag(s) V^T with s1 = %.6g and the "
                 "others below 0.8 s1", m, n, s[0]);
        double sigma;
        size_t iterations;
        expect_status(spectral(a, m, n, rng_u64(&r), 1e-12, 10000, &sigma, &iterations, what),
                      JC_OK, "jc_spectral_norm of %s", what);
        expect_sigma(sigma, s[0], 1e-10, what);
        expect_true(iterations >= 2, "jc_spectral_norm of %s stopped after %zu product(s): it "
                    "takes two estimates to see them agree", what, iterations);
        free(a);
    }
    const struct {
        size_t m, n;
        double a[9], sigma;
        const char *what;
    } cases[] = {
        {3, 3, {3, 0, 0, 0, -5, 0, 0, 0, 2}, 5, "diag(3, -5, 2)"},
        {4, 2, {0, 0, 0, 7, 2, 0, 0, 0}, 7, "[0 0; 0 7; 2 0; 0 0]"},
        {1, 1, {-2.5}, 2.5, "the 1x1 matrix [-2.5]"},
        {1, 4, {1, 2, 2, 4}, 5, "the row [1 2 2 4] (its length)"},
        {3, 1, {2, -3, 6}, 7, "the column [2; -3; 6] (its length)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double sigma;
        size_t iterations;
        expect_status(spectral(cases[i].a, cases[i].m, cases[i].n, 7 + i, 1e-13, 1000, &sigma,
                               &iterations, cases[i].what), JC_OK, "jc_spectral_norm of %s",
                      cases[i].what);
        expect_sigma(sigma, cases[i].sigma, 1e-12, cases[i].what);
    }
}

GRADED_TEST(spectral, random_matrices, 2, SEC_SPECTRAL)
{
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 20; round++) {
        size_t m = 1 + rng_below(&r, 25), n = 1 + rng_below(&r, 25);
        double *a = alloc_doubles(m * n);
        for (size_t i = 0; i < m * n; i++)
            a[i] = rng_normal(&r);
        snprintf(what, sizeof what, "a random %zux%zu matrix of standard normals", m, n);
        long double want = ref_sigma_max(a, m, n);
        double sigma;
        size_t iterations;
        expect_status(spectral(a, m, n, rng_u64(&r), 1e-13, 100000, &sigma, &iterations, what),
                      JC_OK, "jc_spectral_norm of %s", what);
        expect_sigma(sigma, want, 1e-8, what);
        expect_true(sigma <= want * (1 + 1e-13L), "||J||_2 of %s: |J v| / |v| never exceeds "
                    "||J||_2 = %.17Lg, but came %.17g", what, want, sigma);
        free(a);
    }
}

GRADED_TEST(spectral, zero_and_limits, 2, SEC_SPECTRAL)
{
    rng r;
    grade_rng(&r);
    double zero[12] = {0}, sigma;
    size_t iterations;
    expect_status(spectral(zero, 3, 4, 1, 1e-10, 100, &sigma, &iterations, "the 3x4 zero matrix"),
                  JC_OK, "jc_spectral_norm of the 3x4 zero matrix");
    expect_near(sigma, 0, 0, "||0||_2");
    /* Two top singular values 0.1% apart: power iteration needs thousands of
     * products to tell them apart. */
    const double close[3] = {1, 0.999, 0.5};
    double a[9];
    ref_matrix_with_singular_values(&r, 3, 3, close, a);
    for (size_t max_iter = 1; max_iter <= 3; max_iter++) {
        expect_status(spectral(a, 3, 3, rng_u64(&r), 1e-15, max_iter, &sigma, &iterations,
                               "a matrix with singular values 1, 0.999, 0.5"),
                      JC_ERR_NOCONVERGE, "jc_spectral_norm with max_iter = %zu and tol = 1e-15",
                      max_iter);
        expect_int((long long)iterations, (long long)max_iter, "iterations reported when "
                   "max_iter = %zu products were not enough", max_iter);
        expect_true(sigma > 0 && sigma <= 1 + 1e-12, "the last estimate after %zu products "
                    "(JC_ERR_NOCONVERGE still reports it): expected in (0, 1], came %.17g",
                    max_iter, sigma);
    }
    cb_matrix ctx = {3, 3, a, 0, 0};
    jc_linear_op op = {3, 3, cb_jvp, cb_vjp, &ctx};
    jc_linear_op no_jvp = {3, 3, NULL, cb_vjp, &ctx}, no_vjp = {3, 3, cb_jvp, NULL, &ctx};
    jc_linear_op no_n = {0, 3, cb_jvp, cb_vjp, &ctx}, no_m = {3, 0, cb_jvp, cb_vjp, &ctx};
    expect_status(jc_spectral_norm(NULL, 1, 1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm(NULL, ...)");
    expect_status(jc_spectral_norm(&no_jvp, 1, 1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with jvp = NULL");
    expect_status(jc_spectral_norm(&no_vjp, 1, 1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with vjp = NULL");
    expect_status(jc_spectral_norm(&no_n, 1, 1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with n = 0");
    expect_status(jc_spectral_norm(&no_m, 1, 1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with m = 0");
    expect_status(jc_spectral_norm(&op, 1, 1e-6, 10, NULL, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with sigma = NULL");
    expect_status(jc_spectral_norm(&op, 1, 0, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with tol = 0");
    expect_status(jc_spectral_norm(&op, 1, -1e-6, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with tol < 0");
    expect_status(jc_spectral_norm(&op, 1, NAN, 10, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with tol = NaN");
    expect_status(jc_spectral_norm(&op, 1, 1e-6, 0, &sigma, NULL), JC_ERR_ARG,
                  "jc_spectral_norm with max_iter = 0");
    expect_int(ctx.jvps + ctx.vjps, 0, "products taken by jc_spectral_norm when its arguments "
               "are wrong");
    expect_status(jc_spectral_norm(&op, 1, 1e-3, 10000, &sigma, NULL), JC_OK,
                  "jc_spectral_norm with iterations = NULL");
}

/* The recipe of the header, in the grader's own words: the estimates after
 * 1, 2, ... products, and how many products it takes to meet tol. */
static size_t recipe(const double *a, size_t m, size_t n, uint64_t seed, double tol,
                     size_t steps, double *estimates)
{
    rng g;
    rng_seed(&g, seed);
    double *v = alloc_doubles(n), *u = alloc_doubles(m), *w = alloc_doubles(n), previous = NAN;
    for (size_t j = 0; j < n; j++)
        v[j] = rng_normal(&g);
    size_t k = 0;
    while (k < steps) {
        sb_matrix_jvp(a, m, n, v, u);
        long double uu = 0, vv = 0, ww = 0;
        for (size_t i = 0; i < m; i++)
            uu += (long double)u[i] * u[i];
        for (size_t j = 0; j < n; j++)
            vv += (long double)v[j] * v[j];
        double sigma = (double)sqrtl(uu / vv);
        estimates[k++] = sigma;
        if (fabs(sigma - previous) <= tol * sigma)
            break;
        previous = sigma;
        sb_matrix_vjp(a, m, n, u, w);
        for (size_t j = 0; j < n; j++)
            ww += (long double)w[j] * w[j];
        for (size_t j = 0; j < n; j++)
            v[j] = (double)(w[j] / sqrtl(ww));
    }
    free(v);
    free(u);
    free(w);
    return k;
}

GRADED_TEST(spectral, follows_the_recipe, 1, SEC_SPECTRAL)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 5; round++) {
        size_t m = 2 + rng_below(&r, 8), n = 2 + rng_below(&r, 8);
        double *a = alloc_doubles(m * n), estimates[2000], sigma;
        for (size_t i = 0; i < m * n; i++)
            a[i] = rng_normal(&r);
        uint64_t seed = rng_u64(&r);
        recipe(a, m, n, seed, 0, 4, estimates);
        char what[160];
        snprintf(what, sizeof what, "a random %zux%zu matrix, seed %llu", m, n,
                 (unsigned long long)seed);
        size_t iterations;
        for (size_t k = 1; k <= 4; k++) {
            expect_status(spectral(a, m, n, seed, 1e-300, k, &sigma, &iterations, what),
                          JC_ERR_NOCONVERGE, "jc_spectral_norm of %s, max_iter = %zu", what, k);
            expect_near(sigma, estimates[k - 1], 1e-12, "the estimate after %zu products J v, "
                        "for %s, from a start of %zu standard normals drawn from an rng seeded "
                        "with the seed", k, what, n);
        }
        size_t steps = recipe(a, m, n, seed, 1e-9, 2000, estimates);
        if (steps == 2000) { /* the grader's own run did not converge: nothing to compare */
            free(a);
            continue;
        }
        expect_status(spectral(a, m, n, seed, 1e-9, 2000, &sigma, &iterations, what), JC_OK,
                      "jc_spectral_norm of %s, tol 1e-9", what);
        expect_true(iterations + 1 >= steps && iterations <= steps + 1, "jc_spectral_norm of %s "
                    "with tol 1e-9: the recipe stops after %zu products, came %zu", what, steps,
                    iterations);
        double again;
        size_t iterations_again;
        spectral(a, m, n, seed, 1e-9, 2000, &again, &iterations_again, what);
        expect_true(again == sigma && iterations_again == iterations, "jc_spectral_norm of %s "
                    "twice with the same seed: %.17g after %zu products, then %.17g after %zu",
                    what, sigma, iterations, again, iterations_again);
        free(a);
    }
}
