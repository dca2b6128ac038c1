/* train.c: mini-batch gradient descent with momentum (chapter section 9.3). */
#include "backprop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

// BEGIN SOLUTION
static int options_valid(const bp_train_options *o)
{
    return o->learning_rate > 0.0 && isfinite(o->learning_rate) && o->momentum >= 0.0 &&
           o->momentum < 1.0 && o->epochs >= 1 && o->batch_size >= 1 && o->l2 >= 0.0 &&
           isfinite(o->l2);
}

static int labels_valid(const unsigned char *labels, size_t n, size_t classes)
{
    for (size_t i = 0; i < n; i++)
        if (labels[i] >= classes)
            return 0;
    return 1;
}

/* order = a random permutation of 0..n-1 (Fisher-Yates), the same for the
 * same seed and epoch. */
static void shuffle(size_t *order, size_t n, uint64_t seed, size_t epoch)
{
    rng r;
    rng_seed(&r, seed + 0x9e3779b97f4a7c15u * (uint64_t)epoch);
    rng_permutation(&r, order, n);
}

/* is_weight[i] is 1 where params[i] is a weight (decayed), 0 for a bias. */
static void mark_weights(const bp_mlp *net, unsigned char *is_weight)
{
    for (size_t l = 0; l < net->layers; l++) {
        const bp_dense *layer = &net->layer[l];
        size_t start = (size_t)(layer->w - net->params), weights = layer->in * layer->out;
        memset(is_weight + start, 1, weights);
        memset(is_weight + start + weights, 0, layer->out);
    }
}

/* The mean cross-entropy over all n examples plus l2/2 |W|^2. */
static bp_status training_loss(const bp_mlp *net, const double *x, const unsigned char *labels,
                               size_t n, double l2, const unsigned char *is_weight, double *loss)
{
    bp_status s = bp_mlp_loss_grad(net, x, labels, n, loss, NULL, NULL);
    double norm2 = 0.0;
    for (size_t i = 0; i < net->param_count; i++)
        norm2 += is_weight[i] ? net->params[i] * net->params[i] : 0.0;
    *loss += 0.5 * l2 * norm2;
    return s;
}
// END SOLUTION

bp_status bp_mlp_train(bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                       const bp_train_options *options, double *epoch_loss)
{
    // TODO: check the arguments. Allocate the velocity v (zeroed), a gradient
    //   and a batch (its inputs and labels gathered from the shuffled order).
    //   For each epoch: shuffle (as sm_train in lesson 02), and for each
    //   batch: bp_mlp_loss_grad, add l2 * w to the weights' gradients (not
    //   the biases'), v = momentum * v - rate * g, params += v. After the
    //   epoch, record the loss over the whole set if epoch_loss is not NULL.
    // STUB: (void)net; (void)x; (void)labels; (void)n; (void)options; (void)epoch_loss;
    // STUB: return BP_ERR_TODO;
    // BEGIN SOLUTION
    if (!net || !net->params || !x || !labels || !options || n == 0 || !options_valid(options) ||
        !labels_valid(labels, n, net->sizes[net->layers]))
        return BP_ERR_ARG;
    size_t count = net->param_count, inputs = net->sizes[0];
    size_t batch = options->batch_size < n ? options->batch_size : n;
    double *velocity = calloc(count, sizeof *velocity);
    double *grad = malloc(count * sizeof *grad);
    double *batch_x = malloc(batch * inputs * sizeof *batch_x);
    unsigned char *batch_labels = malloc(batch), *is_weight = malloc(count);
    size_t *order = malloc(n * sizeof *order);
    bp_status status = BP_OK;
    if (!velocity || !grad || !batch_x || !batch_labels || !is_weight || !order)
        status = BP_ERR_NOMEM;
    if (status == BP_OK)
        mark_weights(net, is_weight);
    const double rate = options->learning_rate, momentum = options->momentum, l2 = options->l2;
    for (size_t epoch = 0; epoch < options->epochs && status == BP_OK; epoch++) {
        shuffle(order, n, options->seed, epoch);
        for (size_t start = 0; start < n && status == BP_OK; start += batch) {
            size_t size = n - start < batch ? n - start : batch;
            for (size_t i = 0; i < size; i++) {
                memcpy(batch_x + i * inputs, x + order[start + i] * inputs,
                       inputs * sizeof *batch_x);
                batch_labels[i] = labels[order[start + i]];
            }
            double loss;
            status = bp_mlp_loss_grad(net, batch_x, batch_labels, size, &loss, grad, NULL);
            double *p = net->params;
#pragma omp simd
            for (size_t i = 0; i < count; i++) {
                double g = grad[i] + (is_weight[i] ? l2 * p[i] : 0.0);
                velocity[i] = momentum * velocity[i] - rate * g;
                p[i] += velocity[i];
            }
        }
        if (status == BP_OK && epoch_loss)
            status = training_loss(net, x, labels, n, l2, is_weight, &epoch_loss[epoch]);
    }
    free(velocity);
    free(grad);
    free(batch_x);
    free(batch_labels);
    free(is_weight);
    free(order);
    return status;
    // END SOLUTION
}

int bp_mlp_predict(const bp_mlp *net, const double *x)
{
    // TODO: the logits of x with bp_mlp_forward (batch 1, all layers), then
    //   the index of the largest (the first on a tie). -1 on NULL or error.
    // STUB: (void)net; (void)x;
    // STUB: return -1;
    // BEGIN SOLUTION
    if (!net || !net->params || !x)
        return -1;
    size_t classes = net->sizes[net->layers];
    double *logits = malloc(classes * sizeof *logits);
    if (!logits || bp_mlp_forward(net, x, 1, net->layers, logits) != BP_OK) {
        free(logits);
        return -1;
    }
    size_t best = 0;
    for (size_t c = 1; c < classes; c++)
        if (logits[c] > logits[best])
            best = c;
    free(logits);
    return (int)best;
    // END SOLUTION
}

double bp_mlp_accuracy(const bp_mlp *net, const double *x, const unsigned char *labels,
                       size_t n)
{
    // TODO: the fraction of the n examples whose predicted class is their
    //   label (run them through bp_mlp_forward as one batch: much faster than
    //   one at a time). NaN for bad arguments.
    // STUB: (void)net; (void)x; (void)labels; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!net || !net->params || !x || !labels || n == 0)
        return NAN;
    size_t classes = net->sizes[net->layers];
    if (!labels_valid(labels, n, classes))
        return NAN;
    double *logits = malloc(n * classes * sizeof *logits);
    if (!logits || bp_mlp_forward(net, x, n, net->layers, logits) != BP_OK) {
        free(logits);
        return NAN;
    }
    size_t correct = 0;
    for (size_t i = 0; i < n; i++) {
        const double *row = logits + i * classes;
        size_t best = 0;
        for (size_t c = 1; c < classes; c++)
            if (row[c] > row[best])
                best = c;
        correct += best == labels[i];
    }
    free(logits);
    return (double)correct / (double)n;
    // END SOLUTION
}
