/* normalize.c: turning non-negative weights into a distribution (chapter
 * section 2). */
#include "softmax.h"

#include <math.h>

// BEGIN SOLUTION
/* The sum of n >= 1 finite, non-negative entries, scaled by 1/scale. */
static double scaled_sum(const double *a, size_t n, double scale)
{
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++)
        sum += a[i] / scale;
    return sum;
}
// END SOLUTION

sm_status sm_normalize(const double *a, size_t n, double *p)
{
    // TODO: check every entry first (negative or not finite: SM_ERR_DOMAIN,
    //   and p untouched), then add them up; a sum that is not > 0 is
    //   SM_ERR_DOMAIN too. Only then write p[i] = a[i] / sum: p may be a.
    // STUB: (void)a; (void)n; (void)p;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !p || n == 0)
        return SM_ERR_ARG;
    double largest = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!(a[i] >= 0.0) || !isfinite(a[i]))
            return SM_ERR_DOMAIN;
        largest = fmax(largest, a[i]);
    }
    if (largest == 0.0)
        return SM_ERR_DOMAIN;
    /* Entries near DBL_MAX can overflow the sum although every quotient is
     * fine: then divide by the largest entry first. */
    double scale = 1.0, sum = scaled_sum(a, n, 1.0);
    if (isinf(sum)) {
        scale = largest;
        sum = scaled_sum(a, n, scale);
    }
    for (size_t i = 0; i < n; i++)
        p[i] = a[i] / scale / sum;
    return SM_OK;
    // END SOLUTION
}
