/* Exercise 4: sample moments, tail fractions and the sample sizes the
 * bounds ask for (chapter section 7). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

/* Two passes in long double. */
static void reference_moments(const double *x, size_t n, long double *mean, long double *var)
{
    long double sum = 0, ss = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    *mean = sum / n;
    for (size_t i = 0; i < n; i++)
        ss += (x[i] - *mean) * (x[i] - *mean);
    *var = n > 1 ? ss / (n - 1) : 0;
}

static void check_moments(const double *x, size_t n, double var_tol, const char *what)
{
    long double want_mean, want_var, top = 0;
    reference_moments(x, n, &want_mean, &want_var);
    for (size_t i = 0; i < n; i++)
        top = fmaxl(top, fabsl(x[i]));
    double mean = NAN, var = NAN;
    expect_status(mc_mean_variance(x, n, &mean, &var), MC_OK, "mc_mean_variance of %s", what);
    long double mean_tol = 4.0L * (n + 2) * EPS * top;
    if (!(fabsl(mean - want_mean) <= mean_tol))
        grade_fail("mc_mean_variance of %s: mean expected %.17Lg, came %.17g", what, want_mean,
                   mean);
    if (!(fabsl(var - want_var) <= var_tol * want_var + 1e-300L))
        grade_fail("mc_mean_variance of %s: variance expected sum (x - mean)^2 / (n - 1) = "
                   "%.17Lg, came %.17g", what, want_var, var);
}

GRADED_TEST(samples, mean_variance, 2, SEC_SAMPLES)
{
    const double four[4] = {1, 2, 3, 4};
    double mean = NAN, var = NAN;
    expect_status(mc_mean_variance(four, 4, &mean, &var), MC_OK, "mc_mean_variance of {1, 2, 3, "
                  "4}");
    expect_near(mean, 2.5, 1e-15, "the mean of {1, 2, 3, 4}");
    expect_near(var, 5.0 / 3, 1e-15, "the variance of {1, 2, 3, 4} (divisor n - 1 = 3: 5/3)");
    const double one[1] = {7.5};
    expect_status(mc_mean_variance(one, 1, &mean, &var), MC_OK, "mc_mean_variance of {7.5}");
    expect_near(mean, 7.5, 0, "the mean of {7.5}");
    expect_near(var, 0, 0, "the variance of one value (0 by definition here)");
    rng r;
    grade_rng(&r);
    char what[160];
    for (int round = 0; round < 40; round++) {
        size_t n = 2 + rng_below(&r, round < 20 ? 50 : 20000);
        double centre = rng_range(&r, -10, 10) * pow(10, rng_range(&r, -3, 3));
        double spread = pow(10, rng_range(&r, -3, 3));
        double *x = alloc_doubles(n);
        for (size_t i = 0; i < n; i++)
            x[i] = centre + spread * rng_normal(&r);
        snprintf(what, sizeof what, "%zu values around %.4g with spread %.4g", n, centre, spread);
        check_moments(x, n, 1e-10, what);
        free(x);
    }
}

/* sum x^2 / n - mean^2 loses every digit when the mean is 1e9 and the
 * spread 1: the squares are 1e18, their rounding 100. */
GRADED_TEST(samples, large_mean, 1, SEC_SAMPLES)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 10; round++) {
        size_t n = 100 + rng_below(&r, 20000);
        double centre = round % 2 ? 1e9 : -3e9;
        double *x = alloc_doubles(n);
        for (size_t i = 0; i < n; i++)
            x[i] = centre + rng_normal(&r);
        snprintf(what, sizeof what, "%zu values of %g + N(0, 1) (the sum-of-squares formula "
                 "cancels every digit here)", n, centre);
        check_moments(x, n, 1e-6, what);
        free(x);
    }
}

GRADED_TEST(samples, tail, 1, SEC_SAMPLES)
{
    const double x[8] = {0, 1, 1, 2, 3, 5, 8, 13};
    const struct {
        double a, want;
    } cases[] = {{1, 7.0 / 8}, {1.5, 5.0 / 8}, {13, 1.0 / 8}, {14, 0}, {-1, 1}, {0, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double fraction = NAN;
        expect_status(mc_tail(x, 8, cases[i].a, &fraction), MC_OK, "mc_tail of {0, 1, 1, 2, 3, "
                      "5, 8, 13} at a = %g", cases[i].a);
        expect_near(fraction, cases[i].want, 1e-15, "the fraction of {0, 1, 1, 2, 3, 5, 8, 13} "
                    "that is >= %g (ties count)", cases[i].a);
    }
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, 5000), count = 0;
        double *v = alloc_doubles(n), a = rng_normal(&r);
        for (size_t i = 0; i < n; i++) /* odd rounds: small integers, ties with a */
            v[i] = round % 2 ? (double)rng_below(&r, 5) - 2 : rng_normal(&r);
        if (round % 2)
            a = (double)rng_below(&r, 5) - 2;
        for (size_t i = 0; i < n; i++)
            count += v[i] >= a;
        double fraction = NAN;
        expect_status(mc_tail(v, n, a, &fraction), MC_OK, "mc_tail of %zu values at a = %g", n, a);
        expect_near(fraction, (double)count / (double)n, 1e-15, "the fraction of %zu random "
                    "values >= %g (%zu of them)", n, a, count);
        free(v);
    }
}

static uint64_t samples_chebyshev(double variance, double eps, double delta)
{
    uint64_t n = 0;
    expect_status(mc_samples_chebyshev(variance, eps, delta, &n), MC_OK, "mc_samples_chebyshev("
                  "variance = %.17g, eps = %.17g, delta = %.17g)", variance, eps, delta);
    return n;
}

static uint64_t samples_hoeffding(double range, double eps, double delta)
{
    uint64_t n = 0;
    expect_status(mc_samples_hoeffding(range, eps, delta, &n), MC_OK, "mc_samples_hoeffding("
                  "range = %.17g, eps = %.17g, delta = %.17g)", range, eps, delta);
    return n;
}

/* The ceiling of a long double value, either way when it is within
 * rounding of an integer. */
static void expect_ceiling(uint64_t came, long double value, const char *formula,
                           const char *what)
{
    long double up = ceill(value * (1 - 1e-12L)), top = ceill(value * (1 + 1e-12L));
    if (!(came >= up && came <= top))
        grade_fail("%s: expected the smallest n >= %s = %.17Lg, that is %.0Lf, came %" PRIu64,
                   what, formula, value, ceill(value), came);
}

GRADED_TEST(samples, sample_sizes, 2, SEC_SAMPLES)
{
    expect_int((long long)samples_chebyshev(1, 0.5, 0.25), 16, "mc_samples_chebyshev(variance = "
               "1, eps = 0.5, delta = 0.25): 1 / (0.25 * 0.25)");
    expect_int((long long)samples_chebyshev(3, 0.25, 0.5), 96, "mc_samples_chebyshev(variance = "
               "3, eps = 0.25, delta = 0.5)");
    expect_int((long long)samples_chebyshev(1, 0.1, 0.03), 3334, "mc_samples_chebyshev(variance "
               "= 1, eps = 0.1, delta = 0.03): ceil(3333.3)");
    expect_int((long long)samples_hoeffding(1, 0.1, 0.05), 185, "mc_samples_hoeffding(range = 1, "
               "eps = 0.1, delta = 0.05): ceil(ln(40) / 0.02) = ceil(184.4)");
    expect_int((long long)samples_hoeffding(2, 0.01, 0.01), 105967, "mc_samples_hoeffding(range "
               "= 2, eps = 0.01, delta = 0.01): ceil(4 ln(200) / 0.0002)");
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 200; round++) {
        double variance = pow(10, rng_range(&r, -3, 3)), eps = pow(10, rng_range(&r, -3, 0));
        double delta = rng_range(&r, 1e-6, 0.999);
        snprintf(what, sizeof what, "mc_samples_chebyshev(variance = %.17g, eps = %.17g, delta "
                 "= %.17g)", variance, eps, delta);
        uint64_t n = samples_chebyshev(variance, eps, delta);
        expect_ceiling(n, variance / ((long double)eps * eps * delta), "variance / (eps^2 delta)",
                       what);
        double range = pow(10, rng_range(&r, -2, 2));
        snprintf(what, sizeof what, "mc_samples_hoeffding(range = %.17g, eps = %.17g, delta = "
                 "%.17g)", range, eps, delta);
        n = samples_hoeffding(range, eps, delta);
        expect_ceiling(n, (long double)range * range * logl(2 / (long double)delta) /
                              (2 * (long double)eps * eps),
                       "range^2 ln(2 / delta) / (2 eps^2)", what);
        /* Halving eps never asks for fewer samples. */
        expect_true(samples_hoeffding(range, eps / 2, delta) >= n, "%s: halving eps asked for "
                    "fewer samples", what);
    }
}

GRADED_TEST(samples, size_errors, 1, SEC_SAMPLES)
{
    uint64_t n;
    expect_status(mc_samples_chebyshev(1, 1e-10, 1e-3, &n), MC_ERR_ARG, "mc_samples_chebyshev("
                  "variance = 1, eps = 1e-10, delta = 1e-3): 1e23 samples do not fit in a "
                  "uint64_t");
    expect_status(mc_samples_chebyshev(1e300, 1e-300, 0.5, &n), MC_ERR_ARG,
                  "mc_samples_chebyshev(variance = 1e300, eps = 1e-300, 0.5) (infinitely many)");
    expect_status(mc_samples_hoeffding(1, 1e-10, 0.01, &n), MC_ERR_ARG, "mc_samples_hoeffding("
                  "range = 1, eps = 1e-10, delta = 0.01): 2.6e20 samples do not fit in a "
                  "uint64_t");
    expect_status(mc_samples_chebyshev(1, 0, 0.5, &n), MC_ERR_ARG, "mc_samples_chebyshev with "
                  "eps = 0");
    expect_status(mc_samples_chebyshev(1, 0.1, 0, &n), MC_ERR_ARG, "mc_samples_chebyshev with "
                  "delta = 0");
    expect_status(mc_samples_chebyshev(1, 0.1, 1, &n), MC_ERR_ARG, "mc_samples_chebyshev with "
                  "delta = 1");
    expect_status(mc_samples_chebyshev(-1, 0.1, 0.5, &n), MC_ERR_ARG, "mc_samples_chebyshev "
                  "with variance = -1");
    expect_status(mc_samples_chebyshev(NAN, 0.1, 0.5, &n), MC_ERR_NAN, "mc_samples_chebyshev "
                  "with variance = NaN");
    expect_status(mc_samples_chebyshev(1, 0.1, 0.5, NULL), MC_ERR_ARG, "mc_samples_chebyshev "
                  "with n = NULL");
    expect_status(mc_samples_hoeffding(0, 0.1, 0.5, &n), MC_ERR_ARG, "mc_samples_hoeffding with "
                  "range = 0");
    expect_status(mc_samples_hoeffding(1, -0.1, 0.5, &n), MC_ERR_ARG, "mc_samples_hoeffding "
                  "with eps = -0.1");
    expect_status(mc_samples_hoeffding(1, 0.1, 1.5, &n), MC_ERR_ARG, "mc_samples_hoeffding with "
                  "delta = 1.5");
    expect_status(mc_samples_hoeffding(1, NAN, 0.5, &n), MC_ERR_NAN, "mc_samples_hoeffding with "
                  "eps = NaN");
    expect_status(mc_samples_hoeffding(1, 0.1, 0.5, NULL), MC_ERR_ARG, "mc_samples_hoeffding "
                  "with n = NULL");
}

GRADED_TEST(samples, errors, 1, SEC_SAMPLES)
{
    double x[3] = {1, 2, 3}, mean, var, fraction;
    expect_status(mc_mean_variance(NULL, 3, &mean, &var), MC_ERR_ARG, "mc_mean_variance(NULL, "
                  "...)");
    expect_status(mc_mean_variance(x, 0, &mean, &var), MC_ERR_ARG, "mc_mean_variance with n = "
                  "0");
    expect_status(mc_mean_variance(x, 3, NULL, &var), MC_ERR_ARG, "mc_mean_variance with mean = "
                  "NULL");
    expect_status(mc_mean_variance(x, 3, &mean, NULL), MC_ERR_ARG, "mc_mean_variance with "
                  "variance = NULL");
    x[1] = NAN;
    expect_status(mc_mean_variance(x, 3, &mean, &var), MC_ERR_NAN, "mc_mean_variance with a NaN "
                  "in x");
    x[1] = -INFINITY;
    expect_status(mc_mean_variance(x, 3, &mean, &var), MC_ERR_NAN, "mc_mean_variance with "
                  "-infinity in x");
    x[1] = 2;
    expect_status(mc_tail(NULL, 3, 1, &fraction), MC_ERR_ARG, "mc_tail(NULL, ...)");
    expect_status(mc_tail(x, 0, 1, &fraction), MC_ERR_ARG, "mc_tail with n = 0");
    expect_status(mc_tail(x, 3, 1, NULL), MC_ERR_ARG, "mc_tail with fraction = NULL");
    expect_status(mc_tail(x, 3, NAN, &fraction), MC_ERR_NAN, "mc_tail with a = NaN");
}
