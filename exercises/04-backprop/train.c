/* train.c: mini-batch gradient descent with momentum (chapter section 9.3). */
#include "backprop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

bp_status bp_mlp_train(bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                       const bp_train_options *options, double *epoch_loss)
{
    // TODO: check the arguments. Allocate the velocity v (zeroed), a gradient
    //   and a batch (its inputs and labels gathered from the shuffled order).
    //   For each epoch: shuffle (as sm_train in lesson 02), and for each
    //   batch: bp_mlp_loss_grad, add l2 * w to the weights' gradients (not
    //   the biases'), v = momentum * v - rate * g, params += v. After the
    //   epoch, record the loss over the whole set if epoch_loss is not NULL.
    (void)net; (void)x; (void)labels; (void)n; (void)options; (void)epoch_loss;
    return BP_ERR_TODO;
}

int bp_mlp_predict(const bp_mlp *net, const double *x)
{
    // TODO: the logits of x with bp_mlp_forward (batch 1, all layers), then
    //   the index of the largest (the first on a tie). -1 on NULL or error.
    (void)net; (void)x;
    return -1;
}

double bp_mlp_accuracy(const bp_mlp *net, const double *x, const unsigned char *labels,
                       size_t n)
{
    // TODO: the fraction of the n examples whose predicted class is their
    //   label (run them through bp_mlp_forward as one batch: much faster than
    //   one at a time). NaN for bad arguments.
    (void)net; (void)x; (void)labels; (void)n;
    return NAN;
}
