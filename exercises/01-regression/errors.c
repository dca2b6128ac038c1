/* errors.c: four ways to measure how far a line is from the data (chapter
 * section 3).
 *
 * Each function is one pass over two arrays, accumulating in a double. Speed
 * earns no points; section 9 shows how a sum like these can be vectorised. */
#include "regression.h"

#include <math.h>

double lr_error_naive(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the sum of the residuals y[i] - y_hat[i].
    (void)y; (void)y_hat; (void)n;
    return NAN;
}

double lr_error_l1(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the sum of the absolute residuals |y[i] - y_hat[i]|.
    (void)y; (void)y_hat; (void)n;
    return NAN;
}

double lr_error_sse(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the sum of the squared residuals (y[i] - y_hat[i])^2.
    (void)y; (void)y_hat; (void)n;
    return NAN;
}

double lr_error_mse(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the SSE divided by n, and NAN when n is 0.
    (void)y; (void)y_hat; (void)n;
    return NAN;
}
