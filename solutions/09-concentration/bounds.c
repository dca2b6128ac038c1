/* bounds.c: Markov's, Chebyshev's, Chernoff's (for a binomial) and
 * Hoeffding's bounds on a tail probability (chapter sections 4 and 6). */
#include "concentration.h"

#include <math.h>

// BEGIN SOLUTION
/* A probability bound is never worth more than 1. */
static double at_most_one(double bound)
{
    return bound < 1.0 ? bound : 1.0;
}

// END SOLUTION
mc_status mc_markov(double mean, double a, double *bound)
{
    // TODO: check the arguments (concentration.h gives their ranges), then
    //   *bound = E[X] / a, never above 1.
    // STUB: (void)mean; (void)a; (void)bound;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!bound)
        return MC_ERR_ARG;
    if (!isfinite(mean) || !isfinite(a))
        return MC_ERR_NAN;
    if (mean < 0.0 || a <= 0.0)
        return MC_ERR_ARG;
    *bound = at_most_one(mean / a);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_chebyshev(double variance, double t, double *bound)
{
    // TODO: check the arguments, then *bound = Var[X] / t^2, never above 1.
    // STUB: (void)variance; (void)t; (void)bound;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!bound)
        return MC_ERR_ARG;
    if (!isfinite(variance) || !isfinite(t))
        return MC_ERR_NAN;
    if (variance < 0.0 || t <= 0.0)
        return MC_ERR_ARG;
    *bound = at_most_one(variance / t / t); /* t * t could underflow to 0 */
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* The Kullback-Leibler divergence D(a || p) of two Bernoulli laws, for
 * 0 < p < 1 and p <= a <= 1. Each term is written with log1p of the
 * relative difference: when a is close to p the logarithms are tiny and
 * log(a / p) would lose their digits to the rounding of a / p. */
static double bernoulli_divergence(double a, double p)
{
    double d = a * log1p((a - p) / p);
    if (a < 1.0) /* 0 log 0 = 0: the second term vanishes at a = 1 */
        d += (1.0 - a) * log1p((p - a) / (1.0 - p));
    return d > 0.0 ? d : 0.0;
}

// END SOLUTION
mc_status mc_chernoff_binomial(uint64_t n, double p, uint64_t k, double *bound)
{
    // TODO: check the arguments (k above n has no bound: an argument
    //   error); with a = k / n, *bound = exp(-n D(a || p)) when k >= n p,
    //   else 1. Mind 0 log 0 = 0, and the accuracy of the logarithms
    //   when a is close to p (section 6).
    // STUB: (void)n; (void)p; (void)k; (void)bound;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!bound)
        return MC_ERR_ARG;
    if (!isfinite(p))
        return MC_ERR_NAN;
    if (n == 0 || !(p > 0.0 && p < 1.0) || k > n)
        return MC_ERR_ARG;
    double trials = (double)n, a = (double)k / trials;
    if (a <= p) {
        *bound = 1.0;
        return MC_OK;
    }
    *bound = at_most_one(exp(-trials * bernoulli_divergence(a, p)));
    return MC_OK;
    // END SOLUTION
}

mc_status mc_hoeffding(uint64_t n, double range, double t, double *bound)
{
    // TODO: check the arguments, then *bound = exp(-2 n t^2 / range^2).
    // STUB: (void)n; (void)range; (void)t; (void)bound;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!bound)
        return MC_ERR_ARG;
    if (!isfinite(range) || !isfinite(t))
        return MC_ERR_NAN;
    if (n == 0 || range <= 0.0 || t <= 0.0)
        return MC_ERR_ARG;
    double ratio = t / range; /* t^2 / range^2 without overflow */
    *bound = at_most_one(exp(-2.0 * (double)n * ratio * ratio));
    return MC_OK;
    // END SOLUTION
}
