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
    // STUB: (void)net; (void)x; (void)y; (void)t;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!net || !x || !t)
        return BP_ERR_ARG;
    for (int i = 0; i < 2; i++) {
        t->z1[i] = net->b1[i];
        for (int j = 0; j < 3; j++)
            t->z1[i] += net->w1[i][j] * x[j];
        t->h[i] = bp_activate(BP_RELU_ACT, t->z1[i]);
    }
    t->z2 = net->b2[0] + net->w2[0][0] * t->h[0] + net->w2[0][1] * t->h[1];
    t->y_hat = bp_activate(BP_SIGMOID_ACT, t->z2);
    t->loss = bp_bce_logit(t->z2, y, &t->dz2);
    t->db2 = t->dz2;
    for (int i = 0; i < 2; i++) {
        t->dw2[i] = t->dz2 * t->h[i];
        t->dh[i] = net->w2[0][i] * t->dz2;
        t->dz1[i] = t->dh[i] * bp_activate_grad(BP_RELU_ACT, t->z1[i]);
        t->db1[i] = t->dz1[i];
        for (int j = 0; j < 3; j++)
            t->dw1[i][j] = t->dz1[i] * x[j];
    }
    return BP_OK;
    // END SOLUTION
}

void bp_net321_step(bp_net321 *net, const bp_trace321 *t, double rate)
{
    // TODO: W1 -= rate dW1, b1 -= rate db1, W2 -= rate dW2, b2 -= rate db2.
    // STUB: (void)net; (void)t; (void)rate;
    // BEGIN SOLUTION
    if (!net || !t)
        return;
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 3; j++)
            net->w1[i][j] -= rate * t->dw1[i][j];
        net->b1[i] -= rate * t->db1[i];
        net->w2[0][i] -= rate * t->dw2[i];
    }
    net->b2[0] -= rate * t->db2;
    // END SOLUTION
}
