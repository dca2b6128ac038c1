/* central.c: Jacobians by central differences, and the choice of the step
 * (chapter section 3). */
#include "jacobians.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

double jc_central_error(double h, double f_abs, double f3_abs)
{
    // TODO: the rounding error plus the truncation error of section 3.
    (void)h; (void)f_abs; (void)f3_abs;
    return NAN;
}

double jc_central_best_step(double f_abs, double f3_abs)
{
    // TODO: the h where the derivative of jc_central_error vanishes, and
    //   the two special cases the header lists.
    (void)f_abs; (void)f3_abs;
    return NAN;
}

double jc_central_step(double x)
{
    // TODO: h = cbrt(DBL_EPSILON) * max(|x|, 1), then adjusted so that
    //   (x + h) - x == h exactly: section 3 shows how, and why an optimising
    //   compiler must not be allowed to simplify (x + h) - x to h.
    (void)x;
    return NAN;
}

jc_status jc_jacobian_central(const jc_map *f, const double *x, double *jac)
{
    // TODO: copy x; for each input j, with h = jc_central_step(x[j]), evaluate
    //   f with input j at x[j] + h and at x[j] - h (and put it back); column j
    //   of jac (entries jac[i * n + j]) is the difference / (2 h).
    (void)f; (void)x; (void)jac;
    return JC_ERR_TODO;
}
