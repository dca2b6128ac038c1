/* montecarlo.c: pi by Monte Carlo with a confidence interval, the Wilson
 * interval, and antithetic and stratified points (chapter sections 8 and
 * 9). */
#include "concentration.h"

#include <math.h>

mc_status mc_pi(uint64_t seed, uint64_t n, double z, mc_estimate *result)
{
    // TODO: check the arguments; draw n points (x first, then y, from one
    //   generator seeded with seed), count those inside the quarter
    //   circle, and fill *result as concentration.h says.
    (void)seed; (void)n; (void)z; (void)result;
    return MC_ERR_TODO;
}

mc_status mc_wilson(uint64_t successes, uint64_t n, double z, double *low, double *high)
{
    // TODO: check the arguments, then the Wilson score interval exactly as
    //   concentration.h writes it.
    (void)successes; (void)n; (void)z; (void)low; (void)high;
    return MC_ERR_TODO;
}

mc_status mc_pi_antithetic(uint64_t seed, uint64_t pairs, double z, mc_estimate *result)
{
    // TODO: check the arguments; pair i draws x, then y, and scores the
    //   mean of the hits of (x, y) and (1 - x, 1 - y); the estimate and
    //   its standard error come from the pairs' mean and sample standard
    //   deviation (concentration.h).
    (void)seed; (void)pairs; (void)z; (void)result;
    return MC_ERR_TODO;
}

mc_status mc_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, double z,
                           mc_estimate *result)
{
    // TODO: check the arguments (k * k * per_cell points must not overflow);
    //   for cell (a, b) in the order concentration.h gives, draw per_cell
    //   points in that cell, count its hits, and combine the cells'
    //   fractions into the estimate and its standard error.
    (void)seed; (void)k; (void)per_cell; (void)z; (void)result;
    return MC_ERR_TODO;
}
