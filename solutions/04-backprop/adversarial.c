/* adversarial.c: the gradient of the loss with respect to the input, and the
 * fast gradient sign method (chapter section 10). */
#include "backprop.h"

#include <stdlib.h>

bp_status bp_input_gradient(const bp_mlp *net, const double *x, unsigned label, double *grad)
{
    // TODO: one call to bp_mlp_loss_grad on a batch of one, asking for dx
    //   only (grad = NULL there: the parameters' gradient is not needed).
    // STUB: (void)net; (void)x; (void)label; (void)grad;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!grad || label > 255)
        return BP_ERR_ARG;
    unsigned char y = (unsigned char)label;
    double loss;
    return bp_mlp_loss_grad(net, x, &y, 1, &loss, NULL, grad);
    // END SOLUTION
}

bp_status bp_fgsm(const bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                  double epsilon, double lo, double hi, double *out)
{
    // TODO: the input gradient of every example (one batched call to
    //   bp_mlp_loss_grad gives them all, divided by n, which does not change
    //   their signs), then out = x + epsilon * sign(gradient), clipped to
    //   [lo, hi].
    // STUB: (void)net; (void)x; (void)labels; (void)n; (void)epsilon; (void)lo; (void)hi;
    // STUB: (void)out;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!net || !x || !labels || !out || n == 0 || !(epsilon >= 0.0) || !(lo <= hi))
        return BP_ERR_ARG;
    double loss;
    bp_status s = bp_mlp_loss_grad(net, x, labels, n, &loss, NULL, out);
    if (s != BP_OK)
        return s;
    for (size_t i = 0; i < n * net->sizes[0]; i++) {
        double sign = out[i] > 0.0 ? 1.0 : out[i] < 0.0 ? -1.0 : 0.0;
        double v = x[i] + epsilon * sign;
        out[i] = v < lo ? lo : v > hi ? hi : v;
    }
    return BP_OK;
    // END SOLUTION
}
