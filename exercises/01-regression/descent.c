/* descent.c: gradient descent (chapter section 5). */
#include "regression.h"

#include <math.h>

void lr_mse_gradient(const double *x, const double *y, size_t n, lr_line at, lr_line *grad)
{
    // TODO: with e[i] = y[i] - (at.slope * x[i] + at.intercept), the gradient
    //   of the MSE is  d/d slope = -2/n * sum(x[i] * e[i])  and
    //   d/d intercept = -2/n * sum(e[i]). Section 5.2 derives both.
    (void)x; (void)y; (void)n; (void)at;
    grad->slope = grad->intercept = NAN;
}

lr_status lr_gradient_descent(const double *x, const double *y, size_t n, lr_line start,
                              const lr_gd_options *options, lr_line *fit,
                              double *loss_history, size_t *iterations)
{
    // TODO: repeat: compute the loss and the gradient at the current line,
    //   record the loss, stop if it is not finite (diverged) or if the
    //   gradient is shorter than options->tolerance (converged) or if you
    //   have taken options->max_iterations steps; otherwise step against the
    //   gradient. Always report the line reached and the steps taken.
    (void)x; (void)y; (void)n; (void)start; (void)options; (void)fit;
    (void)loss_history; (void)iterations;
    return LR_ERR_TODO;
}

double lr_descend_1d(double (*derivative)(double x, void *ctx), void *ctx, double x0,
                     double rate, size_t steps, double *path)
{
    // TODO: take `steps` steps of x <- x - rate * derivative(x, ctx) from x0,
    //   recording x0 and each new x in path when path is not NULL.
    (void)derivative; (void)ctx; (void)rate; (void)steps; (void)path;
    (void)x0;
    return NAN;
}
