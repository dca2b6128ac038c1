/* quasi.c: the radical inverse, the Halton sequence and a quasi-Monte Carlo
 * estimate of pi (chapter section 9). */
#include "concentration.h"

mc_status mc_radical_inverse(uint64_t index, unsigned base, double *value)
{
    // TODO: check the arguments; mirror index's base-base digits behind
    //   the point: the lowest digit times 1/base, the next times 1/base^2,
    //   and so on, the factors made by repeated multiplication.
    (void)index; (void)base; (void)value;
    return MC_ERR_TODO;
}

mc_status mc_halton(uint64_t index, unsigned dim, double *point)
{
    // TODO: check the arguments; coordinate d is the radical inverse of
    //   index in the (d+1)-th prime.
    (void)index; (void)dim; (void)point;
    return MC_ERR_TODO;
}

mc_status mc_pi_halton(uint64_t n, double *estimate)
{
    // TODO: check the arguments; 4 times the fraction of the 2-D Halton
    //   points of indices 1 .. n inside the quarter circle.
    (void)n; (void)estimate;
    return MC_ERR_TODO;
}
