/* softmax.h: Lesson 02, arrays as distributions, softmax and cross-entropy.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/02-softmax/ and the reference in solutions/02-softmax/
 * implement exactly these functions; lessons/02-softmax.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return an sm_status. Logarithms are natural (entropies in nats).
 */
#ifndef SOFTMAX_H
#define SOFTMAX_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    SM_OK = 0,
    SM_ERR_TODO,   /* not implemented yet (the skeleton's placeholder) */
    SM_ERR_ARG,    /* a NULL pointer, n == 0, or a parameter out of range */
    SM_ERR_DOMAIN, /* the input has no answer: a sum <= 0, a negative entry, all -inf */
    SM_ERR_IO,     /* a file could not be opened or read */
    SM_ERR_PARSE,  /* a malformed line in a data file */
    SM_ERR_NOMEM,  /* out of memory */
} sm_status;

/* A short English description of a status. */
const char *sm_status_str(sm_status status);

/* ---- Exercise 1: normalising by the sum (chapter section 2) ------------- */

/* p[i] = a[i] / sum(a). Returns SM_ERR_DOMAIN, and leaves p alone, when an
 * entry is negative or not finite or when the sum is not > 0: the cases where
 * dividing by the sum does not give a distribution. SM_ERR_ARG for NULL or
 * n == 0. p may be the same array as a. */
sm_status sm_normalize(const double *a, size_t n, double *p);

/* ---- Exercise 2: softmax, stably (chapter sections 3 and 4) -------------- */

/* log(sum_i exp(a[i])), computed without overflow or underflow: correct for
 * a[i] = 1000 and for a[i] = -1000. Entries equal to -INFINITY count as
 * exp(-inf) = 0 (they are masked out). Returns -INFINITY when n == 0 or every
 * entry is -INFINITY, +INFINITY when an entry is +INFINITY, NaN when an entry
 * is NaN. */
double sm_logsumexp(const double *a, size_t n);

/* p[i] = exp(a[i]) / sum_j exp(a[j]), stably. -INFINITY entries get
 * probability exactly 0. Returns SM_ERR_DOMAIN when every entry is -INFINITY
 * or an entry is NaN or +INFINITY; SM_ERR_ARG for NULL or n == 0. p may be
 * the same array as a. */
sm_status sm_softmax(const double *a, size_t n, double *p);

/* out[i] = log of softmax(a)[i] = a[i] - logsumexp(a), accurate even where
 * the probability itself underflows to 0 (for example -2000 next to 0).
 * Errors as sm_softmax. out may be the same array as a. */
sm_status sm_log_softmax(const double *a, size_t n, double *out);

/* Softmax of a / temperature: temperature > 1 flattens the distribution,
 * < 1 sharpens it. SM_ERR_ARG unless temperature > 0 and finite; otherwise
 * as sm_softmax. */
sm_status sm_softmax_temperature(const double *a, size_t n, double temperature, double *p);

/* ---- Exercise 3: information (chapter section 5) ------------------------- */

/* Entropy H(p) = -sum p[i] log p[i], with 0 log 0 = 0. */
double sm_entropy(const double *p, size_t n);

/* Cross-entropy H(p, q) = -sum p[i] log q[i], with 0 log q = 0 even for
 * q = 0; +INFINITY when some q[i] == 0 where p[i] > 0. */
double sm_cross_entropy(const double *p, const double *q, size_t n);

/* Kullback-Leibler divergence KL(p || q) = sum p[i] log(p[i] / q[i]) =
 * H(p, q) - H(p), computed directly (not as that difference), >= 0, with the
 * same conventions for zeros. */
double sm_kl_divergence(const double *p, const double *q, size_t n);

/* Cross-entropy of the one-hot distribution of `label` against
 * softmax(logits), from the logits: logsumexp(logits) - logits[label].
 * Stable where softmax would round the label's probability to 0. NaN when
 * label >= n. */
double sm_cross_entropy_logits(const double *logits, size_t n, size_t label);

/* Gradient of sm_cross_entropy_logits with respect to the logits:
 * grad[i] = softmax(logits)[i] - (i == label). Lesson 04 builds on it.
 * Fills grad with NaN when label >= n or every logit is -INFINITY. */
void sm_cross_entropy_grad(const double *logits, size_t n, size_t label, double *grad);

/* ---- Exercise 4: a digit classifier (chapter section 6) ------------------ */

enum { SM_PIXELS = 64, SM_CLASSES = 10 };

/* The handwritten digits of data/digits.csv: n images of 8 x 8 pixels. */
typedef struct {
    size_t n;
    double *pixels;        /* n x 64, row-major, scaled from 0..16 to 0..1 */
    unsigned char *labels; /* n digits, 0..9 */
} sm_digits;

/* Loads a file of lines "p0,p1,...,p63,label" (64 whole numbers 0..16, then
 * a label 0..9; no header). Errors as in lesson 01: SM_ERR_IO, SM_ERR_PARSE
 * or SM_ERR_NOMEM, *out left all zero, and "path:line: what is wrong" in err
 * (truncated to err_size; err may be NULL). */
sm_status sm_digits_load(const char *path, sm_digits *out, char *err, size_t err_size);

/* Frees a loaded data set and zeroes it. Safe on a zeroed one. */
void sm_digits_free(sm_digits *digits);

/* The course's fixed split (given, not an exercise): image i goes to the test
 * set when i % 5 == 0 and to the training set otherwise, keeping the order.
 * With the 1797 digits that is 1437 training and 360 test images, and every
 * writer appears in both. Allocates *train and *test (free both with
 * sm_digits_free); SM_ERR_ARG for NULL pointers, SM_ERR_NOMEM. */
sm_status sm_digits_split(const sm_digits *all, sm_digits *train, sm_digits *test);

/* Multinomial logistic (softmax) regression: logits = W x + b. */
typedef struct {
    double weights[SM_CLASSES][SM_PIXELS];
    double bias[SM_CLASSES];
} sm_model;

typedef struct {
    double learning_rate; /* step size of mini-batch gradient descent, > 0 */
    size_t epochs;        /* passes over the training set, >= 1 */
    size_t batch_size;    /* examples per step, >= 1 */
    double l2;            /* weight decay: adds l2/2 * |W|^2 to the loss (>= 0) */
    uint64_t seed;        /* seeds the shuffling of every epoch (support/rng.h) */
} sm_train_options;

/* The ten logits of one image (64 pixels). */
void sm_model_logits(const sm_model *model, const double *pixels, double *logits);

/* Trains *model (starting from the values it holds; zero it for a fresh
 * start) on n images (pixels n x 64, labels n) by mini-batch gradient descent
 * on the mean cross-entropy: every epoch shuffles the examples with an rng
 * seeded from options->seed and the epoch number, then steps once per batch
 * (the last batch may be smaller). The same options give the same model.
 * If epoch_loss is not NULL it receives options->epochs values: the mean
 * training cross-entropy (with the L2 term) after each epoch.
 * SM_ERR_ARG for NULL pointers, n == 0, a label > 9, or options out of range
 * (learning rate not finite and > 0, epochs or batch_size 0, l2 < 0 or NaN);
 * batch_size > n is fine (one batch per epoch). */
sm_status sm_train(sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, const sm_train_options *options, double *epoch_loss);

/* The most likely digit (the largest logit; the smallest digit on a tie). */
int sm_predict(const sm_model *model, const double *pixels);

/* The fraction of the n images classified correctly. If confusion is not
 * NULL it receives the 10 x 10 confusion matrix: confusion[true * 10 +
 * predicted] counts the images of digit `true` classified as `predicted`. */
double sm_accuracy(const sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, size_t *confusion);

/* ---- Exercise 5: softmax of every row of a matrix (chapter section 7) ----- */

/* out[r*cols + c] = softmax of row r of x (row-major, rows x cols floats),
 * stably, with a relative error below 1e-6 against a double computation:
 * compute each row in double and round only the results to float (section
 * 7.1); float arithmetic throughout is not accurate enough (section 7.2).
 * `make bench` times it (section 8, optional). -INFINITY entries get
 * 0, as in sm_softmax; a row that is all -INFINITY, or holds a NaN (of
 * either sign) or +INFINITY, comes out as all NaN. Does nothing when rows or
 * cols is 0. out may be the same array as x. */
void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out);

#endif
