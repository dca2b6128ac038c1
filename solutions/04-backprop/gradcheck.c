/* gradcheck.c: checking a gradient against central differences (chapter
 * section 7). */
#include "backprop.h"

#include <math.h>

bp_status bp_gradient_check(bp_loss_fn loss, void *ctx, double *params, size_t n,
                            const double *grad, double step, double *max_error, size_t *worst)
{
    // TODO: for each i: keep p = params[i], evaluate the loss at p + step and
    //   at p - step, put p back (exactly), numeric = difference / (2 step);
    //   the relative error is |grad[i] - numeric| / max(|grad[i]|,
    //   |numeric|, 1e-6). Report the largest and where it is.
    // STUB: (void)loss; (void)ctx; (void)params; (void)n; (void)grad; (void)step;
    // STUB: (void)max_error; (void)worst;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!loss || !params || !grad || !max_error || n == 0 || !(step > 0.0) || !isfinite(step))
        return BP_ERR_ARG;
    double largest = 0.0;
    size_t where = 0;
    for (size_t i = 0; i < n; i++) {
        double p = params[i];
        params[i] = p + step;
        double up = loss(params, ctx);
        params[i] = p - step;
        double down = loss(params, ctx);
        params[i] = p;
        double numeric = (up - down) / (2.0 * step);
        double scale = fmax(fmax(fabs(grad[i]), fabs(numeric)), 1e-6);
        double error = fabs(grad[i] - numeric) / scale;
        if (!(error <= largest)) { /* NaN counts as the worst */
            largest = error;
            where = i;
            if (isnan(error))
                break;
        }
    }
    *max_error = largest;
    if (worst)
        *worst = where;
    return BP_OK;
    // END SOLUTION
}
