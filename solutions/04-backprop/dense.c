/* dense.c: a fully connected layer, forward and backward, on a batch
 * (chapter section 6). Every product is a call to bp_gemm. */
#include "backprop.h"

void bp_dense_forward(const bp_dense *layer, const double *x, size_t batch, double *y)
{
    // TODO: Y (batch x out) = X (batch x in) W^T + b: copy b into every row
    //   of y, then add the product with bp_gemm (B = W, transposed).
    // STUB: (void)layer; (void)x; (void)batch; (void)y;
    // BEGIN SOLUTION
    size_t in = layer->in, out = layer->out;
    for (size_t r = 0; r < batch; r++)
        for (size_t j = 0; j < out; j++)
            y[r * out + j] = layer->b[j];
    bp_gemm(BP_NO_TRANS, BP_TRANS, batch, out, in, 1.0, x, in, layer->w, in, 1.0, y, out);
    // END SOLUTION
}

void bp_dense_backward(const bp_dense *layer, const double *x, size_t batch, const double *dy,
                       double *dw, double *db, double *dx)
{
    // TODO: section 6.1 derives the three shapes: dW (out x in) = dY^T X,
    //   db (out) = the sum of the rows of dY, dX (batch x in) = dY W.
    // STUB: (void)layer; (void)x; (void)batch; (void)dy; (void)dw; (void)db; (void)dx;
    // BEGIN SOLUTION
    size_t in = layer->in, out = layer->out;
    bp_gemm(BP_TRANS, BP_NO_TRANS, out, in, batch, 1.0, dy, out, x, in, 0.0, dw, in);
    for (size_t j = 0; j < out; j++)
        db[j] = 0.0;
    for (size_t r = 0; r < batch; r++)
        for (size_t j = 0; j < out; j++)
            db[j] += dy[r * out + j];
    if (dx)
        bp_gemm(BP_NO_TRANS, BP_NO_TRANS, batch, in, out, 1.0, dy, out, layer->w, in, 0.0, dx,
                in);
    // END SOLUTION
}
