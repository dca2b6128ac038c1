/* Exercise 2: exponential, normal and Poisson samplers (chapter section 3).
 *
 * The exponential is defined to the bit. The others are tested by their
 * distribution with fixed seeds, so that a result never changes between
 * runs; every bound below is wide enough that a correct sampler fails it
 * with probability under 1e-7 (each check says how), and a wrong one
 * (a variance off by 1 %, a tail cut short, a normal approximation to the
 * Poisson) fails it for certain at these sample sizes. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* 6 standard errors: a normal tail of 2e-9. */
#define Z_MOMENT 6.0
/* sqrt(n) D_n above 3: Kolmogorov's limit gives 2 exp(-18) = 3e-8. */
#define KS_LIMIT 3.0

enum { N_NORMAL = 200000 };

GRADED_TEST(samplers, exponential_bits, 2, SEC_DISTRIBUTIONS)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        uint64_t seed = rng_u64(&r);
        double rate = pow(10, rng_range(&r, -3, 3));
        size_t n = 1 + rng_below(&r, 2000);
        mc_rng mine, theirs;
        ref_seed(&mine, seed);
        theirs = mine;
        double *out = nan_doubles(n);
        snprintf(what, sizeof what, "mc_exponential(g, rate = %.17g, n = %zu) from mc_seed(0x%016"
                 PRIx64 ")", rate, n, seed);
        expect_status(mc_exponential(&theirs, rate, out, n), MC_OK, "%s", what);
        for (size_t i = 0; i < n; i++) {
            double want = -log(ref_unit_open0(ref_next(&mine))) / rate;
            /* log is correctly rounded or nearly: allow its last bit. */
            if (!(fabs(out[i] - want) <= 2 * EPS * want))
                grade_fail("%s: out[%zu] expected -log(mc_unit_open0(next)) / rate = %.17g, "
                           "came %.17g", what, i, want, out[i]);
        }
        expect_true(memcmp(&theirs, &mine, sizeof mine) == 0, "%s: the generator should have "
                    "advanced by exactly n = %zu steps", what, n);
        free(out);
    }
    /* The largest value: bits all 0 give mc_unit_open0 = 2^-53, 53 ln 2 / rate. */
    mc_rng zero = {{0, 0, 0, 0}};
    double out[2];
    expect_status(mc_exponential(&zero, 1, out, 2), MC_OK, "mc_exponential from the state {0, "
                  "0, 0, 0} (whose outputs are 0)");
    expect_near(out[0], 53 * log(2.0), 1e-15, "mc_exponential of the bits 0 (-log(2^-53), finite: "
                "never log(0))");
}

/* Mean, variance, lag-1 correlation and the KS statistic of n values that
 * should be standard normal; x is sorted on return. */
static void expect_standard_normal(double *x, size_t n, const char *what)
{
    long double sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            grade_fail("%s: out[%zu] = %g, not a finite number", what, i, x[i]);
        sum += x[i];
    }
    long double mean = sum / n, ss = 0, lag = 0;
    for (size_t i = 0; i < n; i++) {
        ss += (x[i] - mean) * (x[i] - mean);
        if (i > 0)
            lag += (x[i] - mean) * (x[i - 1] - mean);
    }
    double var = (double)(ss / (n - 1)), corr = (double)(lag / ss), root = sqrt((double)n);
    if (!(fabs((double)mean) <= Z_MOMENT / root))
        grade_fail("%s: the mean of %zu values expected 0 within %.0f standard errors (%.4g), "
                   "came %.6g", what, n, Z_MOMENT, Z_MOMENT / root, (double)mean);
    if (!(fabs(var - 1) <= Z_MOMENT * sqrt(2.0 / (double)n)))
        grade_fail("%s: the variance of %zu values expected 1 within %.0f standard errors "
                   "(%.4g), came %.6g", what, n, Z_MOMENT, Z_MOMENT * sqrt(2.0 / (double)n), var);
    if (!(fabs(corr) <= Z_MOMENT / root))
        grade_fail("%s: the correlation of successive values expected 0 within %.0f standard "
                   "errors (%.4g), came %.6g", what, Z_MOMENT, Z_MOMENT / root, corr);
    double d = ks_statistic(x, n, normal_cdf);
    if (!(d * root <= KS_LIMIT))
        grade_fail("%s: the Kolmogorov-Smirnov distance to the normal cdf expected at most "
                   "%.3g / sqrt(n) = %.4g (false alarm 3e-8), came %.4g at n = %zu", what,
                   KS_LIMIT, KS_LIMIT / root, d, n);
}

GRADED_TEST(samplers, normal_distribution, 2, SEC_DISTRIBUTIONS)
{
    const uint64_t seeds[2] = {20261201, 9};
    char what[160];
    for (int i = 0; i < 2; i++) {
        mc_rng g;
        ref_seed(&g, seeds[i]);
        double *x = nan_doubles(N_NORMAL);
        snprintf(what, sizeof what, "mc_normal of %d values from mc_seed(%" PRIu64 ")", N_NORMAL,
                 seeds[i]);
        expect_status(mc_normal(&g, x, N_NORMAL), MC_OK, "%s", what);
        expect_standard_normal(x, N_NORMAL, what);
        free(x);
    }
}

/* The seed matters, a generator moves on, and the same seed repeats. */
GRADED_TEST(samplers, seeds, 1, SEC_DISTRIBUTIONS)
{
    enum { N = 64 };
    double a[N], b[N], c[N], d[N];
    mc_rng g, h;
    ref_seed(&g, 1);
    ref_seed(&h, 2);
    expect_status(mc_normal(&g, a, N), MC_OK, "mc_normal from seed 1");
    expect_status(mc_normal(&g, c, N), MC_OK, "mc_normal from seed 1, second call");
    expect_status(mc_normal(&h, b, N), MC_OK, "mc_normal from seed 2");
    ref_seed(&g, 1);
    expect_status(mc_normal(&g, d, N), MC_OK, "mc_normal from seed 1 again");
    expect_true(memcmp(a, b, sizeof a) != 0, "mc_normal from seeds 1 and 2 gave the same %d "
                "numbers: they should come from g", N);
    expect_true(memcmp(a, c, sizeof a) != 0, "two calls of mc_normal on one generator gave the "
                "same %d numbers: the generator should move on", N);
    expect_true(memcmp(a, d, sizeof a) == 0, "mc_normal from seed 1 twice gave different numbers");
    for (int i = 0; i < N; i++)
        expect_true(a[i] != a[(i + 1) % N], "mc_normal gave %g twice in a row", a[i]);
    uint64_t p[N], q[N], s[N];
    ref_seed(&g, 1);
    ref_seed(&h, 2);
    expect_status(mc_poisson(&g, 3.5, p, N), MC_OK, "mc_poisson(lambda = 3.5) from seed 1");
    expect_status(mc_poisson(&g, 3.5, s, N), MC_OK, "mc_poisson(lambda = 3.5) from seed 1, "
                  "second call");
    expect_status(mc_poisson(&h, 3.5, q, N), MC_OK, "mc_poisson(lambda = 3.5) from seed 2");
    expect_true(memcmp(p, q, sizeof p) != 0, "mc_poisson from seeds 1 and 2 gave the same %d "
                "counts: they should come from g", N);
    expect_true(memcmp(p, s, sizeof p) != 0, "two calls of mc_poisson on one generator gave the "
                "same %d counts: the generator should move on", N);
}

/* Chi-square of n Poisson counts against the exact probabilities, in bins
 * of at least 20 expected counts (the last one the whole upper tail),
 * plus the mean and the variance (whose standard error is sqrt((lambda +
 * 2 lambda^2) / n) for a Poisson variable). */
static void expect_poisson(const uint64_t *x, size_t n, double lambda, const char *what)
{
    long double sum = 0;
    uint64_t top = 0;
    for (size_t i = 0; i < n; i++) {
        sum += x[i];
        top = x[i] > top ? x[i] : top;
    }
    long double mean = sum / n, ss = 0;
    for (size_t i = 0; i < n; i++)
        ss += (x[i] - mean) * (x[i] - mean);
    double var = (double)(ss / (n - 1));
    double mean_tol = Z_MOMENT * sqrt(lambda / (double)n);
    double var_tol = Z_MOMENT * sqrt((lambda + 2 * lambda * lambda) / (double)n);
    if (!(fabs((double)mean - lambda) <= mean_tol))
        grade_fail("%s: the mean of %zu counts expected lambda = %g within %.0f standard errors "
                   "(%.4g), came %.6g", what, n, lambda, Z_MOMENT, mean_tol, (double)mean);
    if (!(fabs(var - lambda) <= var_tol))
        grade_fail("%s: the variance of %zu counts expected lambda = %g within %.0f standard "
                   "errors (%.4g), came %.6g", what, n, lambda, Z_MOMENT, var_tol, var);
    /* Poisson(lambda) exceeds lambda + 20 sqrt(lambda) + 40 with
     * probability below 1e-30 at every lambda up to MC_POISSON_MAX. */
    double ceiling = lambda + 20 * sqrt(lambda) + 40;
    if (!((double)top <= ceiling))
        grade_fail("%s: a count of %" PRIu64 " (every count of Poisson(%g) stays below %.0f "
                   "but with probability 1e-30; an output left unwritten?)", what, top, lambda,
                   ceiling);
    size_t span = (size_t)top + 2;
    uint64_t *count = alloc_words(span);
    for (size_t i = 0; i < n; i++)
        count[x[i]]++;
    double chi = 0, expected = 0, observed = 0;
    long double remaining = 1; /* the probability of the counts not binned yet */
    int bins = 0;
    for (uint64_t k = 0;; k++) {
        long double p = expl(poisson_log_pmf(k, lambda));
        expected += (double)(p * n);
        observed += k < span ? (double)count[k] : 0;
        remaining -= p;
        int last = remaining * n < 20;
        if (last) { /* the whole upper tail joins this bin */
            expected += (double)(remaining * n);
            for (uint64_t j = k + 1; j < span; j++)
                observed += (double)count[j];
        }
        if (last || expected >= 20) {
            chi += (observed - expected) * (observed - expected) / expected;
            bins++;
            expected = observed = 0;
        }
        if (last)
            break;
    }
    free(count);
    double critical = chi_square_critical(bins - 1, 5.6);
    if (!(chi <= critical))
        grade_fail("%s: chi-square of %zu counts in %d bins against the Poisson(%g) "
                   "probabilities expected at most %.4g (false alarm about 1e-8), came %.4g",
                   what, n, bins, lambda, critical, chi);
}

static void check_poisson(double lambda, uint64_t seed, size_t n)
{
    char what[160];
    mc_rng g;
    ref_seed(&g, seed);
    uint64_t *x = alloc_words(n);
    for (size_t i = 0; i < n; i++)
        x[i] = UINT64_MAX;
    snprintf(what, sizeof what, "mc_poisson(lambda = %g) of %zu counts from mc_seed(%" PRIu64 ")",
             lambda, n, seed);
    expect_status(mc_poisson(&g, lambda, x, n), MC_OK, "%s", what);
    expect_poisson(x, n, lambda, what);
    free(x);
}

GRADED_TEST(samplers, poisson_small, 2, SEC_DISTRIBUTIONS)
{
    check_poisson(0.05, 11, 100000);
    check_poisson(1, 12, 100000);
    check_poisson(3.5, 13, 100000);
    check_poisson(40, 14, 100000);
}

GRADED_TEST(samplers, poisson_large, 1, SEC_DISTRIBUTIONS)
{
    check_poisson(137.25, 15, 50000);
    check_poisson(MC_POISSON_MAX, 16, 50000);
}

/* The bulk generator's state for seed, set by the grader: these tests do
 * not depend on mc_streams_seed. */
static void streams_state(mc_streams *g, uint64_t seed)
{
    mc_rng streams[MC_STREAMS];
    ref_streams(streams, seed);
    for (int k = 0; k < MC_STREAMS; k++)
        for (int w = 0; w < 4; w++)
            g->s[w][k] = streams[k].s[w];
}

GRADED_TEST(samplers, streams_normal, 1, SEC_DISTRIBUTIONS)
{
    const size_t n = N_NORMAL + 3;
    double *x = nan_doubles(n), *y = nan_doubles(n), *z = nan_doubles(64);
    mc_streams g, h;
    streams_state(&g, 31);
    h = g;
    expect_status(mc_streams_normal(&g, x, n), MC_OK, "mc_streams_normal of %zu values", n);
    expect_status(mc_streams_normal(&h, y, n), MC_OK, "mc_streams_normal of %zu values again", n);
    expect_true(memcmp(x, y, n * sizeof *x) == 0, "mc_streams_normal from the same state twice "
                "gave different numbers");
    expect_status(mc_streams_normal(&g, z, 64), MC_OK, "mc_streams_normal, a second call");
    expect_true(memcmp(x, z, 64 * sizeof *x) != 0, "two calls of mc_streams_normal gave the same "
                "numbers: the streams should move on");
    expect_standard_normal(x, n, "mc_streams_normal of 200003 values from the streams of seed 31");
    free(x);
    free(y);
    free(z);
}

GRADED_TEST(samplers, errors, 1, SEC_DISTRIBUTIONS)
{
    mc_rng g;
    mc_streams s;
    ref_seed(&g, 1);
    streams_state(&s, 1);
    double out[4];
    uint64_t counts[4];
    expect_status(mc_exponential(NULL, 1, out, 4), MC_ERR_ARG, "mc_exponential(NULL, ...)");
    expect_status(mc_exponential(&g, 1, NULL, 4), MC_ERR_ARG, "mc_exponential with out = NULL");
    expect_status(mc_exponential(&g, 1, out, 0), MC_ERR_ARG, "mc_exponential with n = 0");
    expect_status(mc_exponential(&g, 0, out, 4), MC_ERR_ARG, "mc_exponential with rate = 0");
    expect_status(mc_exponential(&g, -2, out, 4), MC_ERR_ARG, "mc_exponential with rate = -2");
    expect_status(mc_exponential(&g, NAN, out, 4), MC_ERR_NAN, "mc_exponential with rate = NaN");
    expect_status(mc_exponential(&g, INFINITY, out, 4), MC_ERR_NAN, "mc_exponential with rate = "
                  "infinity");
    expect_status(mc_normal(NULL, out, 4), MC_ERR_ARG, "mc_normal(NULL, ...)");
    expect_status(mc_normal(&g, NULL, 4), MC_ERR_ARG, "mc_normal with out = NULL");
    expect_status(mc_normal(&g, out, 0), MC_ERR_ARG, "mc_normal with n = 0");
    expect_status(mc_poisson(NULL, 1, counts, 4), MC_ERR_ARG, "mc_poisson(NULL, ...)");
    expect_status(mc_poisson(&g, 1, NULL, 4), MC_ERR_ARG, "mc_poisson with out = NULL");
    expect_status(mc_poisson(&g, 1, counts, 0), MC_ERR_ARG, "mc_poisson with n = 0");
    expect_status(mc_poisson(&g, 0, counts, 4), MC_ERR_ARG, "mc_poisson with lambda = 0");
    expect_status(mc_poisson(&g, -1, counts, 4), MC_ERR_ARG, "mc_poisson with lambda = -1");
    expect_status(mc_poisson(&g, MC_POISSON_MAX * 2, counts, 4), MC_ERR_ARG, "mc_poisson with "
                  "lambda = 1000 (above MC_POISSON_MAX)");
    expect_status(mc_poisson(&g, NAN, counts, 4), MC_ERR_NAN, "mc_poisson with lambda = NaN");
    expect_status(mc_streams_normal(NULL, out, 4), MC_ERR_ARG, "mc_streams_normal(NULL, ...)");
    expect_status(mc_streams_normal(&s, NULL, 4), MC_ERR_ARG, "mc_streams_normal with out = NULL");
    expect_status(mc_streams_normal(&s, out, 0), MC_ERR_ARG, "mc_streams_normal with n = 0");
}
