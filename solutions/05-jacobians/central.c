/* central.c: Jacobians by central differences, and the choice of the step
 * (chapter section 3). */
#include "jacobians.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

double jc_central_error(double h, double f_abs, double f3_abs)
{
    // TODO: the rounding error plus the truncation error of section 3.
    // STUB: (void)h; (void)f_abs; (void)f3_abs;
    // STUB: return NAN;
    // BEGIN SOLUTION
    return DBL_EPSILON * f_abs / h + h * h * f3_abs / 6.0;
    // END SOLUTION
}

double jc_central_best_step(double f_abs, double f3_abs)
{
    // TODO: the h where the derivative of jc_central_error vanishes, and
    //   the two special cases the header lists.
    // STUB: (void)f_abs; (void)f3_abs;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (f3_abs == 0.0)
        return INFINITY;
    if (f_abs == 0.0)
        return 0.0;
    double ratio = f_abs / f3_abs;
    if (isfinite(ratio) && ratio >= DBL_MIN)
        return cbrt(3.0 * DBL_EPSILON * ratio);
    /* The ratio overflowed or lost digits below DBL_MIN: root each part. */
    return cbrt(3.0 * DBL_EPSILON) * (cbrt(f_abs) / cbrt(f3_abs));
    // END SOLUTION
}

double jc_central_step(double x)
{
    // TODO: h = cbrt(DBL_EPSILON) * max(|x|, 1), then adjusted so that
    //   (x + h) - x == h exactly: section 3 shows how, and why an optimising
    //   compiler must not be allowed to simplify (x + h) - x to h.
    // STUB: (void)x;
    // STUB: return NAN;
    // BEGIN SOLUTION
    double h = cbrt(DBL_EPSILON) * fmax(fabs(x), 1.0);
    /* The sum rounds; the step is the distance it actually moved, through a
     * volatile so that the compiler computes the sum and the difference
     * instead of simplifying them to h. Measured away from 0 (from |x|), the
     * step is a multiple of the spacing of the doubles at x, so x + h and
     * x - h are both exact; that needs |x| >= 2 h, and closer to 0 it is
     * measured from x itself, which keeps (x + h) - x == h. */
    double from = fabs(x) >= 2.0 * h ? fabs(x) : x;
    volatile double moved = from + h;
    return moved - from;
    // END SOLUTION
}

// BEGIN SOLUTION
/* n * size bytes, or 0 when that overflows a size_t. */
static size_t bytes_for(size_t n, size_t size)
{
    return n <= SIZE_MAX / size ? n * size : 0;
}

// END SOLUTION
jc_status jc_jacobian_central(const jc_map *f, const double *x, double *jac)
{
    // TODO: copy x; for each input j, with h = jc_central_step(x[j]), evaluate
    //   f with input j at x[j] + h and at x[j] - h (and put it back); column j
    //   of jac (entries jac[i * n + j]) is the difference / (2 h).
    // STUB: (void)f; (void)x; (void)jac;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!f || !f->f || !x || !jac || f->n == 0 || f->m == 0)
        return JC_ERR_ARG;
    size_t n = f->n, m = f->m;
    size_t x_bytes = bytes_for(n, sizeof(double)), y_bytes = bytes_for(m, 2 * sizeof(double));
    if (!x_bytes || !y_bytes || m > SIZE_MAX / n)
        return JC_ERR_ARG;
    double *xc = malloc(x_bytes), *up = malloc(y_bytes);
    if (!xc || !up) {
        free(xc);
        free(up);
        return JC_ERR_NOMEM;
    }
    double *down = up + m;
    for (size_t j = 0; j < n; j++)
        xc[j] = x[j];
    for (size_t j = 0; j < n; j++) {
        double h = jc_central_step(x[j]);
        /* x + h is exact; x - h is too unless |x| < 2 h, where it may round:
         * the difference divides by the distance between the two points
         * f saw, 2 h whenever both are exact. */
        double forward = x[j] + h, backward = x[j] - h;
        xc[j] = forward;
        f->f(xc, up, f->ctx);
        xc[j] = backward;
        f->f(xc, down, f->ctx);
        xc[j] = x[j];
        for (size_t i = 0; i < m; i++)
            jac[i * n + j] = (up[i] - down[i]) / (forward - backward);
    }
    free(xc);
    free(up);
    return JC_OK;
    // END SOLUTION
}
