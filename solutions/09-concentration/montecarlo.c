/* montecarlo.c: pi by Monte Carlo with a confidence interval, the Wilson
 * interval, and antithetic and stratified points (chapter sections 8 and
 * 9). */
#include "concentration.h"

#include <math.h>

// BEGIN SOLUTION
/* x^2 + y^2 <= 1, each product rounded on its own: a compiler that fused
 * them into one multiply-add could count a point on the circle's edge
 * differently from the definition. */
static int in_circle(double x, double y)
{
    double xx = x * x;
    double yy = y * y;
    return xx + yy <= 1.0;
}

/* The checks every estimate shares: an output, sizes in range, z > 0. */
static mc_status check_run(const void *out, int sizes_ok, double z)
{
    if (!out || !sizes_ok)
        return MC_ERR_ARG;
    if (!isfinite(z))
        return MC_ERR_NAN;
    return z > 0.0 ? MC_OK : MC_ERR_ARG;
}

static mc_estimate interval(double estimate, double std_error, double z)
{
    return (mc_estimate){estimate, std_error, estimate - z * std_error,
                         estimate + z * std_error};
}

// END SOLUTION
mc_status mc_pi(uint64_t seed, uint64_t n, double z, mc_estimate *result)
{
    // TODO: check the arguments; draw n points (x first, then y, from one
    //   generator seeded with seed), count those inside the quarter
    //   circle, and fill *result as concentration.h says.
    // STUB: (void)seed; (void)n; (void)z; (void)result;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    mc_status status = check_run(result, n >= 2, z);
    if (status != MC_OK)
        return status;
    mc_rng g;
    mc_seed(&g, seed);
    uint64_t hits = 0;
    for (uint64_t i = 0; i < n; i++) {
        double x = mc_unit(mc_next(&g));
        double y = mc_unit(mc_next(&g));
        hits += (uint64_t)in_circle(x, y);
    }
    double count = (double)n, q = (double)hits / count;
    *result = interval(4.0 * q, 4.0 * sqrt(q * (1.0 - q) / count), z);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_wilson(uint64_t successes, uint64_t n, double z, double *low, double *high)
{
    // TODO: check the arguments, then the Wilson score interval exactly as
    //   concentration.h writes it.
    // STUB: (void)successes; (void)n; (void)z; (void)low; (void)high;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    mc_status status = check_run(low, high && n > 0 && successes <= n, z);
    if (status != MC_OK)
        return status;
    double trials = (double)n, q = (double)successes / trials, z2 = z * z;
    double shrink = 1.0 + z2 / trials;
    double centre = (q + z2 / (2.0 * trials)) / shrink;
    double half = z * sqrt(q * (1.0 - q) / trials + z2 / (4.0 * trials * trials)) / shrink;
    /* the interval lies in [0, 1]; rounding could step out by 1e-17 */
    *low = fmax(centre - half, 0.0);
    *high = fmin(centre + half, 1.0);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_pi_antithetic(uint64_t seed, uint64_t pairs, double z, mc_estimate *result)
{
    // TODO: check the arguments; pair i draws x, then y, and scores the
    //   mean of the hits of (x, y) and (1 - x, 1 - y); the estimate and
    //   its standard error come from the pairs' mean and sample standard
    //   deviation (concentration.h).
    // STUB: (void)seed; (void)pairs; (void)z; (void)result;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    mc_status status = check_run(result, pairs >= 2, z);
    if (status != MC_OK)
        return status;
    mc_rng g;
    mc_seed(&g, seed);
    uint64_t score[3] = {0, 0, 0}; /* pairs worth 0, 1/2 and 1 */
    for (uint64_t i = 0; i < pairs; i++) {
        double x = mc_unit(mc_next(&g));
        double y = mc_unit(mc_next(&g));
        score[in_circle(x, y) + in_circle(1.0 - x, 1.0 - y)]++;
    }
    /* The values take three levels, so the mean and the squared
     * deviations are sums over three counts: no rounding builds up. */
    double count = (double)pairs;
    double mean = (0.5 * (double)score[1] + (double)score[2]) / count;
    double squares = (double)score[0] * mean * mean
                     + (double)score[1] * (0.5 - mean) * (0.5 - mean)
                     + (double)score[2] * (1.0 - mean) * (1.0 - mean);
    double sd = sqrt(squares / (count - 1.0));
    *result = interval(4.0 * mean, 4.0 * sd / sqrt(count), z);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, double z,
                           mc_estimate *result)
{
    // TODO: check the arguments (k * k * per_cell points must not overflow);
    //   for cell (a, b) in the order concentration.h gives, draw per_cell
    //   points in that cell, count its hits, and combine the cells'
    //   fractions into the estimate and its standard error.
    // STUB: (void)seed; (void)k; (void)per_cell; (void)z; (void)result;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    int sizes_ok = k > 0 && per_cell >= 2 && k <= UINT32_MAX && k * k <= UINT64_MAX / per_cell;
    mc_status status = check_run(result, sizes_ok, z);
    if (status != MC_OK)
        return status;
    mc_rng g;
    mc_seed(&g, seed);
    double side = (double)k, points = (double)per_cell, spread = 0.0;
    uint64_t total = 0;
    for (uint64_t a = 0; a < k; a++)
        for (uint64_t b = 0; b < k; b++) {
            uint64_t hits = 0;
            for (uint64_t i = 0; i < per_cell; i++) {
                double x = ((double)a + mc_unit(mc_next(&g))) / side;
                double y = ((double)b + mc_unit(mc_next(&g))) / side;
                hits += (uint64_t)in_circle(x, y);
            }
            double q = (double)hits / points;
            spread += q * (1.0 - q) / (points - 1.0); /* s_c^2 / per_cell */
            total += hits;
        }
    double cells = side * side;
    *result = interval(4.0 * (double)total / (cells * points), 4.0 / cells * sqrt(spread), z);
    return MC_OK;
    // END SOLUTION
}
