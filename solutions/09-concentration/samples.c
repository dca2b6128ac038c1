/* samples.c: the mean and variance of a sample, an empirical tail, and the
 * sample sizes that Chebyshev's and Hoeffding's bounds ask for (chapter
 * section 7). */
#include "concentration.h"

#include <float.h>
#include <math.h>

// BEGIN SOLUTION
static int all_finite(const double *x, size_t n)
{
    int finite = 1;
    for (size_t i = 0; i < n; i++)
        finite &= isfinite(x[i]) != 0;
    return finite;
}

/* Sums of d = x[i] - centre and of d^2, in blocks: each block's sums are
 * added to the totals on their own, so rounding errors grow with the
 * block's length plus the number of blocks, not with n. */
enum { SUM_BLOCK = 256 };

static void deviation_sums(const double *x, size_t n, double centre, double *sum,
                           double *squares)
{
    double total = 0.0, total_squares = 0.0;
    for (size_t start = 0; start < n; start += SUM_BLOCK) {
        size_t end = n - start < SUM_BLOCK ? n : start + SUM_BLOCK;
        double block = 0.0, block_squares = 0.0;
#pragma omp simd reduction(+ : block, block_squares)
        for (size_t i = start; i < end; i++) {
            double d = x[i] - centre;
            block += d;
            block_squares += d * d;
        }
        total += block;
        total_squares += block_squares;
    }
    *sum = total;
    *squares = total_squares;
}

/* The mean in two passes: a first estimate from the sum (from the values
 * scaled by 1/n if the plain sum overflows), then the mean of what is
 * left, x - estimate, added to it: the second pass recovers what rounding
 * lost in the first when the values sit far from 0. */
static double accurate_mean(const double *x, size_t n)
{
    double count = (double)n, sum, unused;
    deviation_sums(x, n, 0.0, &sum, &unused);
    double mean = sum / count;
    if (!isfinite(sum)) {
        mean = 0.0;
        for (size_t i = 0; i < n; i++)
            mean += x[i] / count;
    }
    double correction;
    deviation_sums(x, n, mean, &correction, &unused);
    return isfinite(correction) ? mean + correction / count : mean;
}

// END SOLUTION
mc_status mc_mean_variance(const double *x, size_t n, double *mean, double *variance)
{
    // TODO: check the arguments and that every x is finite; *mean = the
    //   average, *variance = the sum of squared deviations from it over
    //   n - 1 (0 for n = 1). Stay accurate when the mean is 1e9 and the
    //   spread 1: section 7 shows what the sum of squares formula loses.
    // STUB: (void)x; (void)n; (void)mean; (void)variance;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || n == 0 || !mean || !variance)
        return MC_ERR_ARG;
    if (!all_finite(x, n))
        return MC_ERR_NAN;
    double m = accurate_mean(x, n), deviations, squares;
    deviation_sums(x, n, m, &deviations, &squares);
    *mean = m;
    /* the corrected two-pass formula: minus what the mean's own rounding
     * adds to the squares */
    double v = n > 1 ? (squares - deviations * deviations / (double)n) / (double)(n - 1) : 0.0;
    *variance = v > 0.0 ? v : 0.0;
    return MC_OK;
    // END SOLUTION
}

mc_status mc_tail(const double *x, size_t n, double a, double *fraction)
{
    // TODO: check the arguments (NaN in a or x, infinities in x: MC_ERR_NAN),
    //   then *fraction = (the number of x[i] >= a) / n.
    // STUB: (void)x; (void)n; (void)a; (void)fraction;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || n == 0 || !fraction)
        return MC_ERR_ARG;
    if (isnan(a) || !all_finite(x, n))
        return MC_ERR_NAN;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += x[i] >= a;
    *fraction = (double)count / (double)n;
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* ceil(x) as a sample size: MC_ERR_ARG when it does not fit in a uint64_t
 * (2^64 is exactly representable, so the comparison is exact); at least 1,
 * since a mean needs one value. */
static mc_status sample_size(double x, uint64_t *n)
{
    if (!(x < 0x1p64))
        return MC_ERR_ARG;
    uint64_t size = (uint64_t)ceil(x);
    *n = size > 0 ? size : 1;
    return MC_OK;
}

static int probability_and_accuracy_bad(double eps, double delta)
{
    return !(eps > 0.0) || !(delta > 0.0 && delta < 1.0);
}

// END SOLUTION
mc_status mc_samples_chebyshev(double variance, double eps, double delta, uint64_t *n)
{
    // TODO: check the arguments, then *n = ceil(variance / (eps^2 delta));
    //   MC_ERR_ARG when that does not fit in a uint64_t.
    // STUB: (void)variance; (void)eps; (void)delta; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!n)
        return MC_ERR_ARG;
    if (!isfinite(variance) || !isfinite(eps) || !isfinite(delta))
        return MC_ERR_NAN;
    if (variance < 0.0 || probability_and_accuracy_bad(eps, delta))
        return MC_ERR_ARG;
    double denominator = eps * eps * delta;
    double x = denominator >= DBL_MIN ? variance / denominator : variance / eps / eps / delta;
    return sample_size(x, n);
    // END SOLUTION
}

mc_status mc_samples_hoeffding(double range, double eps, double delta, uint64_t *n)
{
    // TODO: check the arguments, then *n = ceil(range^2 ln(2 / delta) /
    //   (2 eps^2)); MC_ERR_ARG when that does not fit in a uint64_t.
    // STUB: (void)range; (void)eps; (void)delta; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!n)
        return MC_ERR_ARG;
    if (!isfinite(range) || !isfinite(eps) || !isfinite(delta))
        return MC_ERR_NAN;
    if (!(range > 0.0) || probability_and_accuracy_bad(eps, delta))
        return MC_ERR_ARG;
    double logarithm = log(2.0 / delta), squares = 2.0 * eps * eps;
    double x = range * range * logarithm / squares;
    if (!isfinite(x) || squares < DBL_MIN) { /* the same, scaled not to overflow */
        double ratio = range / eps;
        x = ratio * ratio * (logarithm / 2.0);
    }
    return sample_size(x, n);
    // END SOLUTION
}
