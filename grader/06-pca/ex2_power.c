/* Exercise 2: the top singular triplets by power iteration with deflation
 * (chapter section 5.1). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* A random m x n matrix whose singular values fall by a factor in
 * [0.55, 0.8] from one to the next: gaps power iteration can resolve. */
typedef struct {
    size_t m, n, r;
    double *a, *s;
    long double *u, *v; /* m x r, n x r */
} known;

static known known_matrix(rng *r, size_t m, size_t n)
{
    known k = {m, n, m < n ? m : n, NULL, NULL, NULL, NULL};
    k.a = alloc_doubles(m * n);
    k.s = alloc_doubles(k.r);
    k.u = alloc_long_doubles(m * k.r);
    k.v = alloc_long_doubles(n * k.r);
    k.s[0] = log_uniform(r, -2, 2);
    for (size_t i = 1; i < k.r; i++)
        k.s[i] = k.s[i - 1] * rng_range(r, 0.55, 0.8);
    ref_matrix_with_svd(r, m, n, k.s, k.a, k.u, k.v);
    return k;
}

static void known_free(known *k)
{
    free(k->a);
    free(k->s);
    free(k->u);
    free(k->v);
}

/* The distance from sigma_i to its nearest neighbour in s. */
static double gap(const double *s, size_t r, size_t i)
{
    double g = INFINITY;
    if (i > 0)
        g = s[i - 1] - s[i];
    if (i + 1 < r)
        g = fmin(g, s[i] - s[i + 1]);
    return g;
}

static pc_status power(const known *k, size_t count, double tol, size_t max_iter, uint64_t seed,
                       svd_out *out)
{
    return pc_svd_power(k->a, k->m, k->n, count, tol, max_iter, seed, out->sigma, out->u,
                        out->vt, &out->iterations);
}

/* pc_svd_power of a random known matrix (at most 20 x 20) for its top
 * `count` (at most 8) triplets, tol 1e-12: the first part of every round. */
static known power_round(rng *r, svd_out *out, size_t *count, char *what, size_t size)
{
    size_t m = 1 + rng_below(r, 20), n = 1 + rng_below(r, 20);
    known k = known_matrix(r, m, n);
    *count = 1 + rng_below(r, k.r < 8 ? k.r : 8);
    *out = svd_alloc(m, n, *count);
    snprintf(what, size, "a %zux%zu matrix U diag(s) V^T with s_0 = %.6g%s, k = %zu", m, n, k.s[0],
             k.r > 1 ? " and each next one 0.55 to 0.8 times the one before" : "", *count);
    expect_status(power(&k, *count, 1e-12, 10000, rng_u64(r), out), PC_OK,
                  "pc_svd_power of %s, tol 1e-12", what);
    return k;
}

GRADED_TEST(power, singular_values, 3, SEC_POWER)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 30; round++) {
        size_t count;
        svd_out out;
        known k = power_round(&r, &out, &count, what, sizeof what);
        for (size_t i = 0; i < count; i++)
            if (!(fabs(out.sigma[i] - k.s[i]) <= 1e-10 * k.s[i]))
                grade_fail("pc_svd_power of %s: sigma[%zu] expected %.17g, came %.17g (relative "
                           "tolerance 1e-10)", what, i, k.s[i], out.sigma[i]);
        expect_true(out.iterations >= count && out.iterations <= count * 10000, "pc_svd_power of "
                    "%s: *iterations = %zu; every triplet takes at least one product A^T A v and "
                    "at most max_iter = 10000", what, out.iterations);
        svd_free(&out);
        known_free(&k);
    }
    const struct {
        size_t m, n, k;
        double a[9], sigma[3];
        const char *what;
    } cases[] = {
        {3, 3, 3, {3, 0, 0, 0, -5, 0, 0, 0, 2}, {5, 3, 2}, "diag(3, -5, 2)"},
        {4, 2, 2, {0, 0, 0, 7, 2, 0, 0, 0}, {7, 2}, "[0 0; 0 7; 2 0; 0 0]"},
        {1, 1, 1, {-2.5}, {2.5}, "the 1x1 matrix [-2.5]"},
        {1, 4, 1, {1, 2, -2, 4}, {5}, "the row [1 2 -2 4] (its length)"},
        {3, 1, 1, {2, -3, 6}, {7}, "the column [2; -3; 6] (its length)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        svd_out out = svd_alloc(cases[c].m, cases[c].n, cases[c].k);
        expect_status(pc_svd_power(cases[c].a, cases[c].m, cases[c].n, cases[c].k, 1e-13, 1000,
                                   7 + c, out.sigma, out.u, out.vt, NULL),
                      PC_OK, "pc_svd_power of %s (iterations = NULL)", cases[c].what);
        for (size_t i = 0; i < cases[c].k; i++)
            expect_near(out.sigma[i], cases[c].sigma[i], 1e-12, "pc_svd_power of %s: sigma[%zu]",
                        cases[c].what, i);
        svd_free(&out);
    }
}

GRADED_TEST(power, singular_vectors, 3, SEC_POWER)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 30; round++) {
        size_t count;
        svd_out out;
        known k = power_round(&r, &out, &count, what, sizeof what);
        size_t m = k.m, n = k.n;
        expect_svd("pc_svd_power", what, k.a, m, n, count, out.sigma, out.u, out.vt, 1e-8, 1e-10);
        for (size_t i = 0; i < count; i++) {
            long double bound = 1e-10L * k.s[0] / gap(k.s, k.r, i) + 1e-13L;
            long double dv = ref_vector_distance(out.vt, i, n, k.v, k.r);
            if (!(dv <= bound))
                grade_fail("pc_svd_power of %s: row %zu of V^T is %.3Lg from the known right "
                           "singular vector v_%zu (tolerance %.2Lg)", what, i, dv, i, bound);
            long double du = 0, dm = 0;
            for (size_t j = 0; j < m; j++) {
                long double want = k.u[j * k.r + i], came = out.u[j * count + i];
                du += (came - want) * (came - want);
                dm += (came + want) * (came + want);
            }
            long double d = sqrtl(fminl(du, dm)), ubound = bound * k.s[0] / k.s[i];
            if (!(d <= ubound))
                grade_fail("pc_svd_power of %s: column %zu of U is %.3Lg from the known left "
                           "singular vector u_%zu (tolerance %.2Lg)", what, i, d, i, ubound);
        }
        svd_free(&out);
        known_free(&k);
    }
    /* The sign convention on a case small enough to read. */
    const double a[1] = {-2.5};
    double sigma = NAN, u = NAN, vt = NAN;
    expect_status(pc_svd_power(a, 1, 1, 1, 1e-12, 100, 3, &sigma, &u, &vt, NULL), PC_OK,
                  "pc_svd_power of [-2.5]");
    expect_true(sigma == 2.5 && vt == 1 && u == -1, "pc_svd_power of the 1x1 matrix [-2.5]: "
                "expected sigma = 2.5, v = [1] (its largest entry positive) and u = [-1] (so "
                "that A v = sigma u); came sigma = %g, v = [%g], u = [%g]", sigma, vt, u);
}

/* Exact zeros: no rounding makes a zero singular value look like a small one. */
GRADED_TEST(power, zero_singular_values, 2, SEC_POWER)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 12; round++) {
        size_t m = 1 + rng_below(&r, 8), n = 1 + rng_below(&r, 8), rr = m < n ? m : n;
        double *a = alloc_doubles(m * n), d = 0;
        if (round % 2) { /* rank one: d at (p, q) */
            size_t p = rng_below(&r, m), q = rng_below(&r, n);
            d = rng_range(&r, 0.5, 4) * (rng_below(&r, 2) ? 1 : -1);
            a[p * n + q] = d;
            snprintf(what, sizeof what, "the %zux%zu matrix that is 0 but for %.6g at (%zu, %zu) "
                     "(rank 1), k = %zu", m, n, d, p, q, rr);
        } else {
            snprintf(what, sizeof what, "the %zux%zu zero matrix, k = %zu", m, n, rr);
        }
        svd_out out = svd_alloc(m, n, rr);
        expect_status(pc_svd_power(a, m, n, rr, 1e-12, 1000, rng_u64(&r), out.sigma, out.u,
                                   out.vt, &out.iterations),
                      PC_OK, "pc_svd_power of %s", what);
        expect_near(out.sigma[0], fabs(d), 1e-14, "pc_svd_power of %s: sigma[0]", what);
        for (size_t i = 1; i < rr; i++)
            expect_true(out.sigma[i] == 0, "pc_svd_power of %s: sigma[%zu] expected 0 (a zero "
                        "singular value ends the search), came %g", what, i, out.sigma[i]);
        expect_svd("pc_svd_power", what, a, m, n, rr, out.sigma, out.u, out.vt, 1e-12, 1e-12);
        svd_free(&out);
        free(a);
    }
}

GRADED_TEST(power, iteration_budget, 2, SEC_POWER)
{
    rng r;
    grade_rng(&r);
    /* Two top singular values 0.1% apart: thousands of products to separate. */
    known close = {3, 3, 3, alloc_doubles(9), alloc_doubles(3), NULL, NULL};
    close.s[0] = 1;
    close.s[1] = 0.999;
    close.s[2] = 0.5;
    ref_matrix_with_svd(&r, 3, 3, close.s, close.a, NULL, NULL);
    for (size_t max_iter = 1; max_iter <= 3; max_iter++) {
        svd_out out = svd_alloc(3, 3, 1);
        expect_status(power(&close, 1, 1e-15, max_iter, rng_u64(&r), &out), PC_ERR_NOCONVERGE,
                      "pc_svd_power with max_iter = %zu and tol = 1e-15 on a matrix with "
                      "singular values 1, 0.999, 0.5", max_iter);
        svd_free(&out);
    }
    free(close.a);
    free(close.s);
    /* Singular values ten times apart: each triplet converges in a few
     * products, all three in more than max_iter = 15 together. The budget
     * is per triplet. */
    known fast = {6, 5, 5, alloc_doubles(30), alloc_doubles(5), NULL, NULL};
    for (size_t i = 0; i < 5; i++)
        fast.s[i] = pow(10.0, -(double)i);
    ref_matrix_with_svd(&r, 6, 5, fast.s, fast.a, NULL, NULL);
    uint64_t seed = rng_u64(&r);
    svd_out out = svd_alloc(6, 5, 3), again = svd_alloc(6, 5, 3);
    expect_status(power(&fast, 3, 1e-12, 15, seed, &out), PC_OK, "pc_svd_power with k = 3, "
                  "max_iter = 15, of a 6x5 matrix with singular values 1, 0.1, 0.01, 0.001, "
                  "1e-4 (max_iter counts the products for one triplet, not for all)");
    expect_true(out.iterations >= 3 && out.iterations <= 45, "pc_svd_power with k = 3 and "
                "max_iter = 15: *iterations = %zu, the total of the three triplets' products",
                out.iterations);
    for (size_t i = 0; i < 3; i++)
        expect_near(out.sigma[i], fast.s[i], 1e-10, "pc_svd_power with k = 3, max_iter = 15: "
                    "sigma[%zu]", i);
    /* The same seed, the same start: the same numbers. */
    expect_status(power(&fast, 3, 1e-12, 15, seed, &again), PC_OK, "pc_svd_power again with "
                  "the same seed");
    expect_true(memcmp(out.sigma, again.sigma, 3 * sizeof(double)) == 0 &&
                memcmp(out.vt, again.vt, 15 * sizeof(double)) == 0 &&
                out.iterations == again.iterations, "pc_svd_power twice with the same seed %llu: "
                "the results differ (sigma[0] %.17g then %.17g, %zu then %zu products); the "
                "start vectors come from an rng seeded with the seed", (unsigned long long)seed,
                out.sigma[0], again.sigma[0], out.iterations, again.iterations);
    svd_free(&again);
    again = svd_alloc(6, 5, 3);
    expect_status(power(&fast, 3, 1e-12, 15, seed + 1, &again), PC_OK, "pc_svd_power with "
                  "another seed");
    for (size_t i = 0; i < 3; i++)
        expect_near(again.sigma[i], fast.s[i], 1e-10, "pc_svd_power with seed %llu: sigma[%zu] "
                    "(another start, the same singular values)", (unsigned long long)seed + 1, i);
    svd_free(&out);
    svd_free(&again);
    free(fast.a);
    free(fast.s);
}

GRADED_TEST(power, errors, 2, SEC_POWER)
{
    double a[6] = {1, 2, 3, 4, 5, 6}, sigma[3], u[9], vt[9];
    size_t it;
    expect_status(pc_svd_power(NULL, 2, 3, 1, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power(NULL, ...)");
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 100, 1, NULL, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with sigma = NULL");
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 100, 1, sigma, NULL, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with u = NULL");
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 100, 1, sigma, u, NULL, &it), PC_ERR_ARG,
                  "pc_svd_power with vt = NULL");
    expect_status(pc_svd_power(a, 0, 3, 1, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with m = 0");
    expect_status(pc_svd_power(a, 2, 0, 1, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with n = 0");
    expect_status(pc_svd_power(a, 2, 3, 0, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with k = 0");
    expect_status(pc_svd_power(a, 2, 3, 3, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power of a 2x3 matrix with k = 3 (it has min(m, n) = 2 singular "
                  "values)");
    expect_status(pc_svd_power(a, 2, 3, 1, 0, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with tol = 0");
    expect_status(pc_svd_power(a, 2, 3, 1, -1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with tol < 0");
    expect_status(pc_svd_power(a, 2, 3, 1, NAN, 100, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with tol = NaN");
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 0, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_power with max_iter = 0");
    expect_status(pc_svd_power(a, (size_t)1 << 33, (size_t)1 << 33, 1, 1e-10, 100, 1, sigma, u,
                               vt, &it),
                  PC_ERR_ARG, "pc_svd_power with m = n = 2^33 (m * n overflows a size_t)");
    a[3] = NAN;
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_NAN,
                  "pc_svd_power with a NaN in a");
    a[3] = INFINITY;
    expect_status(pc_svd_power(a, 2, 3, 1, 1e-10, 100, 1, sigma, u, vt, &it), PC_ERR_NAN,
                  "pc_svd_power with infinity in a");
}
