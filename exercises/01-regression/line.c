/* line.c: using a fitted line (chapter sections 4 and 8). */
#include "regression.h"

#include <math.h>

void lr_predict(lr_line line, const double *x, size_t n, double *y_hat)
{
    // TODO: write line.slope * x[i] + line.intercept into y_hat[i].
    (void)line; (void)x; (void)n; (void)y_hat;
}

double lr_line_mse(lr_line line, const double *x, const double *y, size_t n)
{
    // TODO: the mean of (y[i] - prediction)^2, computed on the fly: no array
    //   of predictions, no malloc. NAN when n is 0.
    (void)line; (void)x; (void)y; (void)n;
    return NAN;
}
