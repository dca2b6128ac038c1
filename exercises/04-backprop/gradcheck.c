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
    (void)loss; (void)ctx; (void)params; (void)n; (void)grad; (void)step;
    (void)max_error; (void)worst;
    return BP_ERR_TODO;
}
