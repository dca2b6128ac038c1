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
    (void)model; (void)pixels; (void)logits;
}

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
    (void)model; (void)pixels; (void)labels; (void)n; (void)options;
    (void)epoch_loss;
    return SM_ERR_TODO;
}

int sm_predict(const sm_model *model, const double *pixels)
{
    // TODO: the index of the largest logit; on a tie, the smaller index.
    //   -1 for NULL arguments.
    (void)model; (void)pixels;
    return -1;
}

double sm_accuracy(const sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, size_t *confusion)
{
    // TODO: predict every image, count the correct ones, and fill the
    //   confusion matrix if it is not NULL (zero it first). NaN for NULL
    //   arguments, n == 0 or a label > 9.
    (void)model; (void)pixels; (void)labels; (void)n; (void)confusion;
    return NAN;
}
