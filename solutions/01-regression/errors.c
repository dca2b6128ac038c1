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
    // STUB: (void)y; (void)y_hat; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    /* The pragma lets the compiler keep partial sums in the lanes of a vector
     * register and add them at the end; without it, C's left-to-right order
     * of floating-point additions forbids vectorising a sum. */
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++)
        sum += y[i] - y_hat[i];
    return sum;
    // END SOLUTION
}

double lr_error_l1(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the sum of the absolute residuals |y[i] - y_hat[i]|.
    // STUB: (void)y; (void)y_hat; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++)
        sum += fabs(y[i] - y_hat[i]);
    return sum;
    // END SOLUTION
}

double lr_error_sse(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the sum of the squared residuals (y[i] - y_hat[i])^2.
    // STUB: (void)y; (void)y_hat; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++) {
        double e = y[i] - y_hat[i];
        sum += e * e;
    }
    return sum;
    // END SOLUTION
}

double lr_error_mse(const double *y, const double *y_hat, size_t n)
{
    // TODO: return the SSE divided by n, and NAN when n is 0.
    // STUB: (void)y; (void)y_hat; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    return n == 0 ? NAN : lr_error_sse(y, y_hat, n) / (double)n;
    // END SOLUTION
}
