/* adversarial.c: the gradient of the loss with respect to the input, and the
 * fast gradient sign method (chapter section 10). */
#include "backprop.h"

#include <stdlib.h>

bp_status bp_input_gradient(const bp_mlp *net, const double *x, unsigned label, double *grad)
{
    // TODO: one call to bp_mlp_loss_grad on a batch of one, asking for dx
    //   only (grad = NULL there: the parameters' gradient is not needed).
    (void)net; (void)x; (void)label; (void)grad;
    return BP_ERR_TODO;
}

bp_status bp_fgsm(const bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                  double epsilon, double lo, double hi, double *out)
{
    // TODO: the input gradient of every example (one batched call to
    //   bp_mlp_loss_grad gives them all, divided by n, which does not change
    //   their signs), then out = x + epsilon * sign(gradient), clipped to
    //   [lo, hi].
    (void)net; (void)x; (void)labels; (void)n; (void)epsilon; (void)lo; (void)hi;
    (void)out;
    return BP_ERR_TODO;
}
