/* mlp.c: a multilayer perceptron, its forward pass and its gradient by
 * backpropagation (chapter sections 6 and 7). */
#include "backprop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

bp_status bp_mlp_init(bp_mlp *net, const size_t *sizes, size_t layers, bp_activation hidden,
                      uint64_t seed)
{
    if (!net)
        return BP_ERR_ARG;
    memset(net, 0, sizeof *net);
    if (!sizes || layers == 0 || layers > BP_MAX_LAYERS)
        return BP_ERR_ARG;
    size_t count = 0;
    for (size_t l = 0; l <= layers; l++)
        if (sizes[l] == 0)
            return BP_ERR_ARG;
    /* (sizes[l] + 1) * sizes[l + 1] parameters per layer, counted so that
     * nothing wraps around: sizes like {SIZE_MAX / 2, 4} have no network. */
    const size_t most = SIZE_MAX / sizeof *net->params;
    for (size_t l = 0; l < layers; l++) {
        if (sizes[l] >= most || sizes[l + 1] > (most - count) / (sizes[l] + 1))
            return BP_ERR_ARG;
        count += (sizes[l] + 1) * sizes[l + 1];
    }
    net->params = malloc(count * sizeof *net->params);
    if (!net->params)
        return BP_ERR_NOMEM;
    net->layers = layers;
    net->hidden = hidden;
    net->param_count = count;
    memcpy(net->sizes, sizes, (layers + 1) * sizeof *sizes);
    rng r;
    rng_seed(&r, seed);
    double *p = net->params;
    for (size_t l = 0; l < layers; l++) {
        bp_dense *layer = &net->layer[l];
        layer->in = sizes[l];
        layer->out = sizes[l + 1];
        layer->w = p;
        layer->b = p + layer->in * layer->out;
        double scale = sqrt((hidden == BP_RELU_ACT ? 2.0 : 1.0) / (double)layer->in);
        for (size_t i = 0; i < layer->in * layer->out; i++)
            layer->w[i] = scale * rng_normal(&r);
        for (size_t i = 0; i < layer->out; i++)
            layer->b[i] = 0.0;
        p = layer->b + layer->out;
    }
    return BP_OK;
}

void bp_mlp_free(bp_mlp *net)
{
    if (!net)
        return;
    free(net->params);
    memset(net, 0, sizeof *net);
}

// BEGIN SOLUTION
/* The activations of a batch: z[l] before and h[l] after the activation of
 * layer l (for the last layer both are the logits), in one allocation. */
typedef struct {
    double *z[BP_MAX_LAYERS], *h[BP_MAX_LAYERS];
    double *grad_a, *grad_b; /* two batch x widest buffers for the backward pass */
    double *memory;
} workspace;

static bp_status workspace_alloc(workspace *ws, const bp_mlp *net, size_t batch, size_t upto)
{
    size_t total = 0, widest = net->sizes[0];
    for (size_t l = 0; l < upto; l++) {
        total += 2 * batch * net->sizes[l + 1];
        widest = net->sizes[l + 1] > widest ? net->sizes[l + 1] : widest;
    }
    total += 2 * batch * widest;
    ws->memory = malloc(total * sizeof *ws->memory);
    if (!ws->memory)
        return BP_ERR_NOMEM;
    double *p = ws->memory;
    for (size_t l = 0; l < upto; l++) {
        ws->z[l] = p;
        p += batch * net->sizes[l + 1];
        ws->h[l] = p;
        p += batch * net->sizes[l + 1];
    }
    ws->grad_a = p;
    ws->grad_b = p + batch * widest;
    return BP_OK;
}

/* Layers 0..upto-1 on the batch: z = h_prev W^T + b, h = f(z) (the last
 * layer of the network has no activation: h = z). */
static void forward(const bp_mlp *net, const double *x, size_t batch, size_t upto, workspace *ws)
{
    const double *in = x;
    for (size_t l = 0; l < upto; l++) {
        size_t width = net->sizes[l + 1];
        bp_dense_forward(&net->layer[l], in, batch, ws->z[l]);
        bp_activation f = l + 1 == net->layers ? BP_IDENTITY : net->hidden;
        if (f == BP_IDENTITY)
            memcpy(ws->h[l], ws->z[l], batch * width * sizeof *ws->h[l]);
        else
            bp_activate_forward(f, ws->z[l], batch * width, ws->h[l]);
        in = ws->h[l];
    }
}

static int labels_valid(const unsigned char *labels, size_t n, size_t classes)
{
    for (size_t i = 0; i < n; i++)
        if (labels[i] >= classes)
            return 0;
    return 1;
}
// END SOLUTION

bp_status bp_mlp_forward(const bp_mlp *net, const double *x, size_t batch, size_t upto,
                         double *out)
{
    // TODO: check the arguments, then layer after layer: z = bp_dense_forward
    //   of the previous output, h = f(z) with the hidden activation (none
    //   after the last layer). Copy the output of layer `upto` into out. You
    //   need two scratch buffers of batch x (widest layer) doubles.
    // STUB: (void)net; (void)x; (void)batch; (void)upto; (void)out;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!net || !net->params || !x || !out || batch == 0 || upto == 0 || upto > net->layers)
        return BP_ERR_ARG;
    workspace ws;
    if (workspace_alloc(&ws, net, batch, upto) != BP_OK)
        return BP_ERR_NOMEM;
    forward(net, x, batch, upto, &ws);
    memcpy(out, ws.h[upto - 1], batch * net->sizes[upto] * sizeof *out);
    free(ws.memory);
    return BP_OK;
    // END SOLUTION
}

bp_status bp_mlp_loss_grad(const bp_mlp *net, const double *x, const unsigned char *labels,
                           size_t batch, double *loss, double *grad, double *dx)
{
    // TODO: section 6.3's recipe. Forward, keeping every layer's z and h. The
    //   loss is the mean of bp_softmax_cross_entropy over the batch, and its
    //   gradient with respect to the logits is (softmax - onehot) / batch.
    //   Then from the last layer down: bp_dense_backward gives dW and db
    //   (written into grad where params has W and b) and the gradient with
    //   respect to the layer's input, which becomes the gradient with
    //   respect to the previous z through bp_activate_backward. The input
    //   gradient of layer 0 is dx.
    // STUB: (void)net; (void)x; (void)labels; (void)batch; (void)loss; (void)grad; (void)dx;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!net || !net->params || !x || !labels || !loss || batch == 0)
        return BP_ERR_ARG;
    size_t layers = net->layers, classes = net->sizes[layers];
    if (!labels_valid(labels, batch, classes))
        return BP_ERR_ARG;
    workspace ws;
    if (workspace_alloc(&ws, net, batch, layers) != BP_OK)
        return BP_ERR_NOMEM;
    forward(net, x, batch, layers, &ws);
    double total = 0.0, *dz = ws.grad_a, *dh = ws.grad_b;
    const double *logits = ws.z[layers - 1];
    for (size_t r = 0; r < batch; r++) {
        double *d = dz + r * classes;
        total += bp_softmax_cross_entropy(logits + r * classes, classes, labels[r], d);
        for (size_t c = 0; c < classes; c++)
            d[c] /= (double)batch;
    }
    *loss = total / (double)batch;
    if (grad || dx) {
        for (size_t l = layers; l-- > 0;) {
            const bp_dense *layer = &net->layer[l];
            const double *in = l > 0 ? ws.h[l - 1] : x;
            double *to = l > 0 ? dh : dx; /* NULL: the input gradient is not wanted */
            if (grad) {
                double *gw = grad + (layer->w - net->params), *gb = grad + (layer->b - net->params);
                bp_dense_backward(layer, in, batch, dz, gw, gb, to);
            } else if (to) {
                bp_gemm(BP_NO_TRANS, BP_NO_TRANS, batch, layer->in, layer->out, 1.0, dz,
                        layer->out, layer->w, layer->in, 0.0, to, layer->in);
            }
            if (l > 0) { /* through the activation: the Hadamard product */
                bp_activate_backward(net->hidden, ws.z[l - 1], dh, batch * layer->in, dh);
                double *t = dz;
                dz = dh;
                dh = t;
            }
        }
    }
    free(ws.memory);
    return BP_OK;
    // END SOLUTION
}
