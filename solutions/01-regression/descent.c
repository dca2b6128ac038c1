/* descent.c: gradient descent (chapter section 5). */
#include "regression.h"

#include <math.h>

// BEGIN SOLUTION
/* The MSE of `at` and its gradient in a single pass over the data, so that a
 * descent step reads the arrays once, not twice. */
static double mse_and_gradient(const double *x, const double *y, size_t n, lr_line at,
                               lr_line *grad)
{
    double sse = 0.0, sum_e = 0.0, sum_xe = 0.0;
#pragma omp simd reduction(+ : sse, sum_e, sum_xe)
    for (size_t i = 0; i < n; i++) {
        double e = y[i] - (at.slope * x[i] + at.intercept);
        sse += e * e;
        sum_e += e;
        sum_xe += x[i] * e;
    }
    grad->slope = -2.0 * sum_xe / (double)n;
    grad->intercept = -2.0 * sum_e / (double)n;
    return sse / (double)n;
}
// END SOLUTION

void lr_mse_gradient(const double *x, const double *y, size_t n, lr_line at, lr_line *grad)
{
    // TODO: with e[i] = y[i] - (at.slope * x[i] + at.intercept), the gradient
    //   of the MSE is  d/d slope = -2/n * sum(x[i] * e[i])  and
    //   d/d intercept = -2/n * sum(e[i]). Section 5.2 derives both.
    // STUB: (void)x; (void)y; (void)n; (void)at;
    // STUB: grad->slope = grad->intercept = NAN;
    // BEGIN SOLUTION
    mse_and_gradient(x, y, n, at, grad);
    // END SOLUTION
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
    // STUB: (void)x; (void)y; (void)n; (void)start; (void)options; (void)fit;
    // STUB: (void)loss_history; (void)iterations;
    // STUB: return LR_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !y || !options || !fit || !iterations || n == 0 ||
        !(options->learning_rate > 0.0))
        return LR_ERR_ARG;
    lr_line line = start;
    size_t steps = 0;
    lr_status status;
    for (;;) {
        lr_line grad;
        double loss = mse_and_gradient(x, y, n, line, &grad);
        if (loss_history)
            loss_history[steps] = loss;
        if (!isfinite(loss) || !isfinite(grad.slope) || !isfinite(grad.intercept)) {
            status = LR_ERR_DIVERGED;
            break;
        }
        if (hypot(grad.slope, grad.intercept) < options->tolerance) {
            status = LR_OK;
            break;
        }
        if (steps == options->max_iterations) {
            status = LR_ERR_NOT_CONVERGED;
            break;
        }
        line.slope -= options->learning_rate * grad.slope;
        line.intercept -= options->learning_rate * grad.intercept;
        steps++;
    }
    *fit = line;
    *iterations = steps;
    return status;
    // END SOLUTION
}

double lr_descend_1d(double (*derivative)(double x, void *ctx), void *ctx, double x0,
                     double rate, size_t steps, double *path)
{
    // TODO: take `steps` steps of x <- x - rate * derivative(x, ctx) from x0,
    //   recording x0 and each new x in path when path is not NULL.
    // STUB: (void)derivative; (void)ctx; (void)rate; (void)steps; (void)path;
    // STUB: (void)x0;
    // STUB: return NAN;
    // BEGIN SOLUTION
    double x = x0;
    if (path)
        path[0] = x;
    for (size_t i = 1; i <= steps; i++) {
        x -= rate * derivative(x, ctx);
        if (path)
            path[i] = x;
    }
    return x;
    // END SOLUTION
}
