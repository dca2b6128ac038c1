/* Exercise 4: the top singular triplets of a tall matrix by randomized
 * subspace iteration (chapter section 7). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* A tall m x n matrix with singular values s0 decay^i and known vectors. */
typedef struct {
    size_t m, n, r;
    double *a, *s;
    long double *v; /* n x r */
} decaying;

static decaying decaying_matrix(rng *r, size_t m, size_t n, double decay)
{
    decaying d = {m, n, m < n ? m : n, alloc_doubles(m * n), NULL, NULL};
    d.s = alloc_doubles(d.r);
    d.v = alloc_long_doubles(n * d.r);
    d.s[0] = log_uniform(r, -2, 2);
    for (size_t i = 1; i < d.r; i++)
        d.s[i] = d.s[i - 1] * decay;
    ref_matrix_with_svd(r, m, n, d.s, d.a, NULL, d.v);
    return d;
}

static void decaying_free(decaying *d)
{
    free(d->a);
    free(d->s);
    free(d->v);
}

static pc_status randomized(const decaying *d, size_t k, size_t oversample, double tol,
                            size_t max_iter, uint64_t seed, svd_out *out)
{
    return pc_svd_randomized(d->a, d->m, d->n, k, oversample, tol, max_iter, seed, out->sigma,
                             out->u, out->vt, &out->iterations);
}

/* The largest |A v_i - sigma_i u_i| over i < k, in long double. */
static long double largest_residual(const decaying *d, size_t k, const svd_out *out)
{
    long double worst = 0;
    for (size_t i = 0; i < k; i++) {
        long double total = 0;
        for (size_t row = 0; row < d->m; row++) {
            long double s = -(long double)out->sigma[i] * out->u[row * k + i];
            for (size_t j = 0; j < d->n; j++)
                s += (long double)d->a[row * d->n + j] * out->vt[i * d->n + j];
            total += s * s;
        }
        worst = fmaxl(worst, sqrtl(total));
    }
    return worst;
}

/* A converged result: the values, the vectors, and the stopping rule. */
static void check_converged(const decaying *d, size_t k, double tol, const svd_out *out,
                            const char *what)
{
    for (size_t i = 0; i < k; i++)
        if (!(fabs(out->sigma[i] - d->s[i]) <= 1e-8 * d->s[i]))
            grade_fail("pc_svd_randomized of %s: sigma[%zu] expected %.17g, came %.17g "
                       "(relative tolerance 1e-8)", what, i, d->s[i], out->sigma[i]);
    expect_svd("pc_svd_randomized", what, d->a, d->m, d->n, k, out->sigma, out->u, out->vt,
               1e-10, 1.01 * tol);
    for (size_t i = 0; i < k; i++) {
        double gap = i > 0 ? d->s[i - 1] - d->s[i] : INFINITY;
        if (i + 1 < d->r)
            gap = fmin(gap, d->s[i] - d->s[i + 1]);
        long double bound = 10 * tol * d->s[0] / gap + 1e-12;
        long double dv = ref_vector_distance(out->vt, i, d->n, d->v, d->r);
        if (!(dv <= bound))
            grade_fail("pc_svd_randomized of %s: row %zu of V^T is %.3Lg from the known right "
                       "singular vector v_%zu (tolerance %.2Lg)", what, i, dv, i, bound);
    }
}

GRADED_TEST_T(randomized, known_spectrum, 4, SEC_RANDOMIZED, 5)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 12; round++) {
        size_t m = 100 + rng_below(&r, 300), n = 20 + rng_below(&r, 40);
        double decay = rng_range(&r, 0.5, 0.8);
        decaying d = decaying_matrix(&r, m, n, decay);
        size_t k = 2 + rng_below(&r, 8), p = 3 + rng_below(&r, 8);
        double tol = round % 2 ? 1e-10 : 1e-12;
        svd_out out = svd_alloc(m, n, k);
        snprintf(what, sizeof what, "a %zux%zu matrix with singular values %.4g times %.3f^i, "
                 "k = %zu, oversample %zu, tol %g", m, n, d.s[0], decay, k, p, tol);
        expect_status(randomized(&d, k, p, tol, 100, rng_u64(&r), &out), PC_OK,
                      "pc_svd_randomized of %s, max_iter 100", what);
        check_converged(&d, k, tol, &out, what);
        expect_true(out.iterations >= 1 && out.iterations <= 100, "pc_svd_randomized of %s: "
                    "*iterations = %zu rounds, max_iter = 100", what, out.iterations);
        svd_free(&out);
        decaying_free(&d);
    }
}

/* It stops at the first round whose residuals all meet tol, not before:
 * with one round fewer, the same seed gives PC_ERR_NOCONVERGE and
 * estimates that do not meet it. */
GRADED_TEST_T(randomized, stopping_rule, 2, SEC_RANDOMIZED, 5)
{
    rng r;
    grade_rng(&r);
    char what[200];
    int checked = 0;
    for (int round = 0; round < 10; round++) {
        size_t m = 80 + rng_below(&r, 200), n = 20 + rng_below(&r, 20), k = 3 + rng_below(&r, 4);
        decaying d = decaying_matrix(&r, m, n, rng_range(&r, 0.8, 0.9));
        uint64_t seed = rng_u64(&r);
        double tol = 1e-11;
        svd_out out = svd_alloc(m, n, k);
        snprintf(what, sizeof what, "a %zux%zu matrix with singular values %.4g times 0.8 to 0.9 "
                 "to the i, k = %zu, oversample 2, tol %g, seed %llu", m, n, d.s[0], k, tol,
                 (unsigned long long)seed);
        expect_status(randomized(&d, k, 2, tol, 200, seed, &out), PC_OK, "pc_svd_randomized of "
                      "%s, max_iter 200", what);
        check_converged(&d, k, tol, &out, what);
        size_t rounds = out.iterations;
        svd_free(&out);
        if (rounds >= 2) {
            checked++;
            out = svd_alloc(m, n, k);
            expect_status(randomized(&d, k, 2, tol, rounds - 1, seed, &out), PC_ERR_NOCONVERGE,
                          "pc_svd_randomized of %s, max_iter %zu (one round fewer than it took)",
                          what, rounds - 1);
            expect_int((long long)out.iterations, (long long)rounds - 1, "pc_svd_randomized of "
                       "%s with max_iter %zu: the rounds taken", what, rounds - 1);
            for (size_t i = 0; i < k; i++)
                expect_true(out.sigma[i] > 0 && out.sigma[i] <= d.s[i] * (1 + 1e-12),
                            "pc_svd_randomized of %s stopped early (PC_ERR_NOCONVERGE): "
                            "sigma[%zu] = %.17g, the last round's estimate, should be in (0, "
                            "%.17g] (a projection never has larger singular values)", what, i,
                            out.sigma[i], d.s[i]);
            long double res = largest_residual(&d, k, &out);
            expect_true(res > 0.999L * tol * d.s[0], "pc_svd_randomized of %s: with max_iter "
                        "%zu it reports PC_ERR_NOCONVERGE, yet its estimates meet the criterion "
                        "(largest |A v_i - sigma_i u_i| = %.3Lg <= tol sigma_0 = %.3g)", what,
                        rounds - 1, res, tol * d.s[0]);
            svd_free(&out);
        }
        decaying_free(&d);
    }
    expect_true(checked >= 3, "pc_svd_randomized converged in one round on %d of 10 slowly "
                "decaying spectra with oversample 2 and tol 1e-11; one round is not enough "
                "there: is the residual |A v_i - sigma_i u_i| that the header asks for?",
                10 - checked);
}

GRADED_TEST_T(randomized, seeds, 2, SEC_RANDOMIZED, 5)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 6; round++) {
        size_t m = 100 + rng_below(&r, 200), n = 10 + rng_below(&r, 30), k = 1 + rng_below(&r, 5);
        decaying d = decaying_matrix(&r, m, n, rng_range(&r, 0.4, 0.7));
        uint64_t seed = rng_u64(&r);
        svd_out a = svd_alloc(m, n, k), b = svd_alloc(m, n, k), c = svd_alloc(m, n, k);
        snprintf(what, sizeof what, "a %zux%zu matrix with known singular values, k = %zu", m, n,
                 k);
        expect_status(randomized(&d, k, 5, 1e-10, 100, seed, &a), PC_OK, "pc_svd_randomized of "
                      "%s, seed %llu", what, (unsigned long long)seed);
        expect_status(randomized(&d, k, 5, 1e-10, 100, seed, &b), PC_OK, "pc_svd_randomized of "
                      "%s, seed %llu again", what, (unsigned long long)seed);
        expect_true(memcmp(a.sigma, b.sigma, k * sizeof(double)) == 0 &&
                    memcmp(a.u, b.u, m * k * sizeof(double)) == 0 &&
                    memcmp(a.vt, b.vt, k * n * sizeof(double)) == 0 &&
                    a.iterations == b.iterations, "pc_svd_randomized of %s twice with the seed "
                    "%llu: the results differ (sigma[0] %.17g then %.17g); the Gaussian block "
                    "comes from an rng seeded with the seed", what, (unsigned long long)seed,
                    a.sigma[0], b.sigma[0]);
        expect_status(randomized(&d, k, 5, 1e-10, 100, seed ^ 0x9e3779b97f4a7c15u, &c), PC_OK,
                      "pc_svd_randomized of %s with another seed", what);
        check_converged(&d, k, 1e-10, &c, what);
        expect_true(memcmp(a.vt, c.vt, k * n * sizeof(double)) != 0 || n == 1 || k == n,
                    "pc_svd_randomized of %s: two seeds gave bit for bit the same vectors; is "
                    "the seed used?", what);
        svd_free(&a);
        svd_free(&b);
        svd_free(&c);
        decaying_free(&d);
    }
}

GRADED_TEST(randomized, shapes, 2, SEC_RANDOMIZED)
{
    rng r;
    grade_rng(&r);
    const struct {
        size_t m, n, k, oversample;
        const char *what;
    } cases[] = {
        {50, 8, 3, 100, "a 50x8 matrix, k = 3, oversample 100 (the block is all 8 columns)"},
        {60, 6, 6, 0, "a 60x6 matrix, k = 6 = n"},
        {5, 3, 2, 1, "a 5x3 matrix, k = 2"},
        {1, 1, 1, 4, "the 1x1 matrix"},
        {30, 1, 1, 0, "a 30x1 column"},
        {40, 200, 4, 6, "a wide 40x200 matrix, k = 4"},
        {70, 9, 2, SIZE_MAX - 1, "a 70x9 matrix, k = 2, oversample SIZE_MAX - 1 (k + oversample "
         "overflows a size_t; the block is still at most min(m, n) = 9)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        decaying d = decaying_matrix(&r, cases[c].m, cases[c].n, 0.6);
        svd_out out = svd_alloc(cases[c].m, cases[c].n, cases[c].k);
        expect_status(randomized(&d, cases[c].k, cases[c].oversample, 1e-11, 100, rng_u64(&r),
                                 &out),
                      PC_OK, "pc_svd_randomized of %s", cases[c].what);
        check_converged(&d, cases[c].k, 1e-11, &out, cases[c].what);
        svd_free(&out);
        decaying_free(&d);
    }
}

GRADED_TEST(randomized, errors, 2, SEC_RANDOMIZED)
{
    double a[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13}, sigma[4], u[16], vt[12];
    size_t it;
    expect_status(pc_svd_randomized(NULL, 4, 3, 1, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized(NULL, ...)");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 10, 1, NULL, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with sigma = NULL");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 10, 1, sigma, NULL, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with u = NULL");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 10, 1, sigma, u, NULL, &it), PC_ERR_ARG,
                  "pc_svd_randomized with vt = NULL");
    expect_status(pc_svd_randomized(a, 0, 3, 1, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with m = 0");
    expect_status(pc_svd_randomized(a, 4, 0, 1, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with n = 0");
    expect_status(pc_svd_randomized(a, 4, 3, 0, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with k = 0");
    expect_status(pc_svd_randomized(a, 4, 3, 4, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized of a 4x3 matrix with k = 4 > min(m, n)");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 0, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with tol = 0");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, NAN, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with tol = NaN");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, -1, 10, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with tol = -1");
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 0, 1, sigma, u, vt, &it), PC_ERR_ARG,
                  "pc_svd_randomized with max_iter = 0");
    expect_status(pc_svd_randomized(a, (size_t)1 << 33, (size_t)1 << 33, 1, 2, 1e-8, 10, 1, sigma,
                                    u, vt, &it),
                  PC_ERR_ARG, "pc_svd_randomized with m = n = 2^33 (m * n overflows a size_t)");
    a[7] = NAN;
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_NAN,
                  "pc_svd_randomized with a NaN in a");
    a[7] = INFINITY;
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 10, 1, sigma, u, vt, &it), PC_ERR_NAN,
                  "pc_svd_randomized with infinity in a");
    a[7] = 8;
    expect_status(pc_svd_randomized(a, 4, 3, 1, 2, 1e-8, 100, 1, sigma, u, vt, NULL), PC_OK,
                  "pc_svd_randomized with iterations = NULL");
}
