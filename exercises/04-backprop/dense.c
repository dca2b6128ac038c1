/* dense.c: a fully connected layer, forward and backward, on a batch
 * (chapter section 6). Every product is a call to bp_gemm. */
#include "backprop.h"

void bp_dense_forward(const bp_dense *layer, const double *x, size_t batch, double *y)
{
    // TODO: Y (batch x out) = X (batch x in) W^T + b: copy b into every row
    //   of y, then add the product with bp_gemm (B = W, transposed).
    (void)layer; (void)x; (void)batch; (void)y;
}

void bp_dense_backward(const bp_dense *layer, const double *x, size_t batch, const double *dy,
                       double *dw, double *db, double *dx)
{
    // TODO: section 6.1 derives the three shapes: dW (out x in) = dY^T X,
    //   db (out) = the sum of the rows of dY, dX (batch x in) = dY W.
    (void)layer; (void)x; (void)batch; (void)dy; (void)dw; (void)db; (void)dx;
}
