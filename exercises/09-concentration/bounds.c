/* bounds.c: Markov's, Chebyshev's, Chernoff's (for a binomial) and
 * Hoeffding's bounds on a tail probability (chapter sections 4 and 6). */
#include "concentration.h"

#include <math.h>

mc_status mc_markov(double mean, double a, double *bound)
{
    // TODO: check the arguments (concentration.h gives their ranges), then
    //   *bound = E[X] / a, never above 1.
    (void)mean; (void)a; (void)bound;
    return MC_ERR_TODO;
}

mc_status mc_chebyshev(double variance, double t, double *bound)
{
    // TODO: check the arguments, then *bound = Var[X] / t^2, never above 1.
    (void)variance; (void)t; (void)bound;
    return MC_ERR_TODO;
}

mc_status mc_chernoff_binomial(uint64_t n, double p, uint64_t k, double *bound)
{
    // TODO: check the arguments (k above n has no bound: an argument
    //   error); with a = k / n, *bound = exp(-n D(a || p)) when k >= n p,
    //   else 1. Mind 0 log 0 = 0, and the accuracy of the logarithms
    //   when a is close to p (section 6).
    (void)n; (void)p; (void)k; (void)bound;
    return MC_ERR_TODO;
}

mc_status mc_hoeffding(uint64_t n, double range, double t, double *bound)
{
    // TODO: check the arguments, then *bound = exp(-2 n t^2 / range^2).
    (void)n; (void)range; (void)t; (void)bound;
    return MC_ERR_TODO;
}
