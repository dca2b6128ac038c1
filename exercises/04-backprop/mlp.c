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

bp_status bp_mlp_forward(const bp_mlp *net, const double *x, size_t batch, size_t upto,
                         double *out)
{
    // TODO: check the arguments, then layer after layer: z = bp_dense_forward
    //   of the previous output, h = f(z) with the hidden activation (none
    //   after the last layer). Copy the output of layer `upto` into out. You
    //   need two scratch buffers of batch x (widest layer) doubles.
    (void)net; (void)x; (void)batch; (void)upto; (void)out;
    return BP_ERR_TODO;
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
    (void)net; (void)x; (void)labels; (void)batch; (void)loss; (void)grad; (void)dx;
    return BP_ERR_TODO;
}
