/* closed_form.c: the least-squares line in closed form (chapter section 6).
 *
 * slope = Sxy / Sxx and intercept = mean(y) - slope * mean(x), where
 * Sxx = sum (x - mean x)^2 and Sxy = sum (x - mean x)(y - mean y).
 * Centring first is what keeps the digits: the textbook expansion
 * n*Sum(x^2) - Sum(x)^2 subtracts two huge, nearly equal numbers. */
#include "regression.h"

#include <float.h>
#include <math.h>

lr_status lr_fit_line(const double *x, const double *y, size_t n, lr_line *fit)
{
    // TODO: compute the means of x and y, then Sxx and Sxy from the centred
    //   values, then slope = Sxy / Sxx and intercept = mean_y - slope * mean_x.
    //   Return LR_ERR_SINGULAR if Sxx is zero (all x equal). Section 6.3 shows
    //   why you must centre before multiplying, and why to subtract x[0] and
    //   y[0] before anything else; section 6.4 how to scale data whose squares
    //   overflow or underflow.
    (void)x; (void)y; (void)n; (void)fit;
    return LR_ERR_TODO;
}
