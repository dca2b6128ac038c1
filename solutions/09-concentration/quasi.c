/* quasi.c: the radical inverse, the Halton sequence and a quasi-Monte Carlo
 * estimate of pi (chapter section 9). */
#include "concentration.h"

// BEGIN SOLUTION
/* The first MC_HALTON_MAX_DIM primes, the Halton sequence's bases. */
static const unsigned primes[MC_HALTON_MAX_DIM] = {
    2,  3,  5,  7,  11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53,
    59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131,
};

static double radical_inverse(uint64_t index, unsigned base)
{
    double step = 1.0 / base, factor = step, value = 0.0;
    while (index > 0) {
        value += (double)(index % base) * factor;
        index /= base;
        factor *= step;
    }
    return value;
}

// END SOLUTION
mc_status mc_radical_inverse(uint64_t index, unsigned base, double *value)
{
    // TODO: check the arguments; mirror index's base-base digits behind
    //   the point: the lowest digit times 1/base, the next times 1/base^2,
    //   and so on, the factors made by repeated multiplication.
    // STUB: (void)index; (void)base; (void)value;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!value || base < 2)
        return MC_ERR_ARG;
    *value = radical_inverse(index, base);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_halton(uint64_t index, unsigned dim, double *point)
{
    // TODO: check the arguments; coordinate d is the radical inverse of
    //   index in the (d+1)-th prime.
    // STUB: (void)index; (void)dim; (void)point;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!point || dim < 1 || dim > MC_HALTON_MAX_DIM)
        return MC_ERR_ARG;
    for (unsigned d = 0; d < dim; d++)
        point[d] = radical_inverse(index, primes[d]);
    return MC_OK;
    // END SOLUTION
}

mc_status mc_pi_halton(uint64_t n, double *estimate)
{
    // TODO: check the arguments; 4 times the fraction of the 2-D Halton
    //   points of indices 1 .. n inside the quarter circle.
    // STUB: (void)n; (void)estimate;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!estimate || n == 0)
        return MC_ERR_ARG;
    uint64_t hits = 0;
    for (uint64_t i = 1; i <= n; i++) {
        double x = radical_inverse(i, 2);
        double y = radical_inverse(i, 3);
        double xx = x * x;
        double yy = y * y;
        hits += xx + yy <= 1.0;
    }
    *estimate = 4.0 * (double)hits / (double)n;
    return MC_OK;
    // END SOLUTION
}
