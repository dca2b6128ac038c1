/* train.c: a digit classifier by softmax regression (chapter section 6).
 *
 * The chapter and `make bench` train on the course's split with learning
 * rate 0.5, 60 epochs, batches of 32, l2 = 1e-4 and seed 42. */
#include "softmax.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

void sm_model_logits(const sm_model *model, const double *pixels, double *logits)
{
    // TODO: logits[c] = bias[c] + sum over the 64 pixels of weights[c][j] * pixels[j].
    // STUB: (void)model; (void)pixels; (void)logits;
    // BEGIN SOLUTION
    for (size_t c = 0; c < SM_CLASSES; c++) {
        const double *w = model->weights[c];
        double z = 0.0;
#pragma omp simd reduction(+ : z)
        for (size_t j = 0; j < SM_PIXELS; j++)
            z += w[j] * pixels[j];
        logits[c] = model->bias[c] + z;
    }
    // END SOLUTION
}

// BEGIN SOLUTION
static int options_valid(const sm_train_options *o)
{
    return o->learning_rate > 0.0 && isfinite(o->learning_rate) && o->epochs >= 1 &&
           o->batch_size >= 1 && o->l2 >= 0.0 && isfinite(o->l2);
}

static int labels_valid(const unsigned char *labels, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (labels[i] >= SM_CLASSES)
            return 0;
    return 1;
}

/* Adds the gradient of one image's cross-entropy to *grad (which holds
 * weights and bias like a model). dL/dlogits = softmax - onehot, and
 * logit c = b[c] + W[c] . x, so dL/dW[c][j] = dL/dlogit[c] * x[j]. */
static void add_gradient(const sm_model *model, const double *x, unsigned label, sm_model *grad)
{
    double logits[SM_CLASSES], g[SM_CLASSES];
    sm_model_logits(model, x, logits);
    sm_cross_entropy_grad(logits, SM_CLASSES, label, g);
    for (size_t c = 0; c < SM_CLASSES; c++) {
        double *gw = grad->weights[c];
#pragma omp simd
        for (size_t j = 0; j < SM_PIXELS; j++)
            gw[j] += g[c] * x[j];
        grad->bias[c] += g[c];
    }
}

/* One step against the mean gradient of a batch of `size` images, plus
 * the gradient l2 * W of the weight decay (the bias is not decayed). */
static void step(sm_model *model, const sm_model *grad, size_t size, const sm_train_options *o)
{
    double rate = o->learning_rate;
    for (size_t c = 0; c < SM_CLASSES; c++) {
        double *w = model->weights[c];
        const double *gw = grad->weights[c];
#pragma omp simd
        for (size_t j = 0; j < SM_PIXELS; j++)
            w[j] -= rate * (gw[j] / (double)size + o->l2 * w[j]);
        model->bias[c] -= rate * grad->bias[c] / (double)size;
    }
}

/* The mean cross-entropy over n images plus l2/2 * |W|^2. */
static double training_loss(const sm_model *model, const double *pixels,
                            const unsigned char *labels, size_t n, double l2)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double logits[SM_CLASSES];
        sm_model_logits(model, pixels + i * SM_PIXELS, logits);
        sum += sm_cross_entropy_logits(logits, SM_CLASSES, labels[i]);
    }
    double norm2 = 0.0;
    for (size_t c = 0; c < SM_CLASSES; c++)
        for (size_t j = 0; j < SM_PIXELS; j++)
            norm2 += model->weights[c][j] * model->weights[c][j];
    return sum / (double)n + 0.5 * l2 * norm2;
}

/* order = a random permutation of 0..n-1 (Fisher-Yates), the same for the
 * same seed and epoch, whatever happened in earlier epochs. */
static void shuffle(size_t *order, size_t n, uint64_t seed, size_t epoch)
{
    rng r;
    rng_seed(&r, seed + 0x9e3779b97f4a7c15u * (uint64_t)epoch);
    rng_permutation(&r, order, n);
}
// END SOLUTION

sm_status sm_train(sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, const sm_train_options *options, double *epoch_loss)
{
    // TODO: check the arguments. Then for every epoch: shuffle the indices
    //   0..n-1 (Fisher-Yates with an rng seeded from options->seed and the
    //   epoch), and for each batch of batch_size of them add up the
    //   gradients of their cross-entropies (sm_cross_entropy_grad gives
    //   dL/dlogits; section 6.3 turns it into dL/dW and dL/db) and step:
    //   W -= rate * (mean gradient + l2 * W), b -= rate * mean gradient.
    //   After the epoch, record the training loss if epoch_loss is not NULL.
    // STUB: (void)model; (void)pixels; (void)labels; (void)n; (void)options;
    // STUB: (void)epoch_loss;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    if (!model || !pixels || !labels || !options || n == 0 || !options_valid(options) ||
        !labels_valid(labels, n))
        return SM_ERR_ARG;
    size_t *order = malloc(n * sizeof *order);
    if (!order)
        return SM_ERR_NOMEM;
    for (size_t epoch = 0; epoch < options->epochs; epoch++) {
        shuffle(order, n, options->seed, epoch);
        for (size_t start = 0; start < n; start += options->batch_size) {
            size_t size = n - start < options->batch_size ? n - start : options->batch_size;
            sm_model grad;
            memset(&grad, 0, sizeof grad);
            for (size_t i = start; i < start + size; i++)
                add_gradient(model, pixels + order[i] * SM_PIXELS, labels[order[i]], &grad);
            step(model, &grad, size, options);
        }
        if (epoch_loss)
            epoch_loss[epoch] = training_loss(model, pixels, labels, n, options->l2);
    }
    free(order);
    return SM_OK;
    // END SOLUTION
}

int sm_predict(const sm_model *model, const double *pixels)
{
    // TODO: the index of the largest logit; on a tie, the smaller index.
    //   -1 for NULL arguments.
    // STUB: (void)model; (void)pixels;
    // STUB: return -1;
    // BEGIN SOLUTION
    if (!model || !pixels)
        return -1;
    double logits[SM_CLASSES];
    sm_model_logits(model, pixels, logits);
    int best = 0;
    for (int c = 1; c < SM_CLASSES; c++)
        if (logits[c] > logits[best])
            best = c;
    return best;
    // END SOLUTION
}

double sm_accuracy(const sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, size_t *confusion)
{
    // TODO: predict every image, count the correct ones, and fill the
    //   confusion matrix if it is not NULL (zero it first). NaN for NULL
    //   arguments, n == 0 or a label > 9.
    // STUB: (void)model; (void)pixels; (void)labels; (void)n; (void)confusion;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!model || !pixels || !labels || n == 0 || !labels_valid(labels, n))
        return NAN;
    if (confusion)
        memset(confusion, 0, SM_CLASSES * SM_CLASSES * sizeof *confusion);
    size_t correct = 0;
    for (size_t i = 0; i < n; i++) {
        int predicted = sm_predict(model, pixels + i * SM_PIXELS);
        correct += predicted == labels[i];
        if (confusion)
            confusion[labels[i] * SM_CLASSES + (size_t)predicted]++;
    }
    return (double)correct / (double)n;
    // END SOLUTION
}
