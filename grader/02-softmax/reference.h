/* reference.h: independent reference computations for lesson 02's tests.
 *
 * Plain loops in long double (64-bit mantissa on x86), written without the
 * solution's tricks: the shift by the maximum is done in long double, where
 * subtracting two doubles of similar size is exact, and every sum is a plain
 * left-to-right loop. A bug shared by the solution and the tests is unlikely. */
#ifndef LESSON02_REFERENCE_H
#define LESSON02_REFERENCE_H

#include <stddef.h>

#include "rng.h"
#include "softmax.h"

/* log(sum exp(a[i])) in long double; -inf entries are skipped, and the result
 * is -inf when there are none left. Only for inputs without NaN or +inf. */
long double ref_logsumexp(const long double *a, size_t n);

/* Softmax in long double of a[0..n-1] (-inf entries get exactly 0). */
void ref_softmax(const long double *a, size_t n, long double *p);

/* The same for double and float inputs (converted exactly to long double). */
void ref_softmax_d(const double *a, size_t n, long double *p);
void ref_softmax_f(const float *a, size_t n, long double *p);
long double ref_logsumexp_d(const double *a, size_t n);

/* lse(a) - a[label], in long double. */
long double ref_loss_logits(const long double *a, size_t n, size_t label);

/* Entropy, cross-entropy and KL divergence in long double, with 0 log q = 0
 * and p log 0 = -inf for p > 0. */
long double ref_entropy(const double *p, size_t n);
long double ref_cross_entropy(const double *p, const double *q, size_t n);
long double ref_kl(const double *p, const double *q, size_t n);

/* The model's ten logits in long double. */
void ref_logits(const sm_model *model, const double *pixels, long double *logits);

/* The argmax of the reference logits (smallest index on a tie). */
int ref_predict(const sm_model *model, const double *pixels);

/* The mean cross-entropy of the model over n images plus l2/2 * |W|^2. */
long double ref_mean_loss(const sm_model *model, const double *pixels,
                          const unsigned char *labels, size_t n, double l2);

/* One step of full-batch gradient descent on ref_mean_loss, in long double:
 * W -= rate * (mean (q - onehot) x^T + l2 W), b -= rate * mean (q - onehot). */
void ref_gradient_step(sm_model *model, const double *pixels, const unsigned char *labels,
                       size_t n, double rate, double l2);

/* Reads data/digits.csv with the grader's own parser (pixels scaled by 1/16),
 * so that tests of training do not depend on the student's loader. Returns
 * the number of rows; *pixels and *labels are malloc'd. */
size_t ref_load_digits(const char *path, double **pixels, unsigned char **labels);

/* Fills v[0..n-1] with uniform values on [lo, hi). */
void fill_uniform(rng *r, double *v, size_t n, double lo, double hi);

/* Uniform values on [lo, hi) rounded to multiples of 1/1024, so that sums
 * and differences of them (and shifts by whole numbers) are exact. */
void fill_dyadic(rng *r, double *v, size_t n, double lo, double hi);

/* A random distribution: positive weights, about one in `zero_every`
 * entries set to 0 (none if zero_every is 0, never all), normalised in long
 * double. */
void fill_distribution(rng *r, double *p, size_t n, unsigned zero_every);

/* malloc that fails the test instead of returning NULL (zero-filled). */
double *alloc_doubles(size_t n);
long double *alloc_long_doubles(size_t n);

/* Fails unless |came[i] - expected[i]| <= rel * expected[i] + floor for every
 * i (a relative tolerance on probabilities, with an absolute floor for the
 * tiny ones), naming the first index that is off. */
void expect_probabilities(const double *came, const long double *expected, size_t n,
                          double rel, double absolute, const char *what);

/* The name of a status, e.g. "SM_ERR_DOMAIN", for messages. */
const char *status_name(sm_status s);

/* Fails unless `came` equals `expected`, naming both. */
void expect_status(sm_status came, sm_status expected, const char *what);

#endif
