/* samples.c: the mean and variance of a sample, an empirical tail, and the
 * sample sizes that Chebyshev's and Hoeffding's bounds ask for (chapter
 * section 7). */
#include "concentration.h"

#include <float.h>
#include <math.h>

mc_status mc_mean_variance(const double *x, size_t n, double *mean, double *variance)
{
    // TODO: check the arguments and that every x is finite; *mean = the
    //   average, *variance = the sum of squared deviations from it over
    //   n - 1 (0 for n = 1). Stay accurate when the mean is 1e9 and the
    //   spread 1: section 7 shows what the sum of squares formula loses.
    (void)x; (void)n; (void)mean; (void)variance;
    return MC_ERR_TODO;
}

mc_status mc_tail(const double *x, size_t n, double a, double *fraction)
{
    // TODO: check the arguments (NaN in a or x, infinities in x: MC_ERR_NAN),
    //   then *fraction = (the number of x[i] >= a) / n.
    (void)x; (void)n; (void)a; (void)fraction;
    return MC_ERR_TODO;
}

mc_status mc_samples_chebyshev(double variance, double eps, double delta, uint64_t *n)
{
    // TODO: check the arguments, then *n = ceil(variance / (eps^2 delta));
    //   MC_ERR_ARG when that does not fit in a uint64_t.
    (void)variance; (void)eps; (void)delta; (void)n;
    return MC_ERR_TODO;
}

mc_status mc_samples_hoeffding(double range, double eps, double delta, uint64_t *n)
{
    // TODO: check the arguments, then *n = ceil(range^2 ln(2 / delta) /
    //   (2 eps^2)); MC_ERR_ARG when that does not fit in a uint64_t.
    (void)range; (void)eps; (void)delta; (void)n;
    return MC_ERR_TODO;
}
