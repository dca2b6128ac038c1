/* example.c: the 3-2-1 network of section 5, one example at a time, with
 * every intermediate value kept so that it can be printed and checked. */
#include "backprop.h"

bp_status bp_net321_pass(const bp_net321 *net, const double x[3], double y, bp_trace321 *t)
{
    // TODO: forward: z1 = W1 x + b1, h = relu(z1), z2 = W2 h + b2,
    //   y_hat = sigmoid(z2), loss = bp_bce_logit(z2, y). Backward, in the
    //   order of section 5: dz2 = y_hat - y; dW2 = dz2 h^T; db2 = dz2;
    //   dh = W2^T dz2; dz1 = dh (Hadamard) relu'(z1); dW1 = dz1 x^T; db1 = dz1.
    //   BP_ERR_ARG for NULL pointers.
    (void)net; (void)x; (void)y; (void)t;
    return BP_ERR_TODO;
}

void bp_net321_step(bp_net321 *net, const bp_trace321 *t, double rate)
{
    // TODO: W1 -= rate dW1, b1 -= rate db1, W2 -= rate dW2, b2 -= rate db2.
    (void)net; (void)t; (void)rate;
}
