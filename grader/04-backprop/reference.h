/* reference.h: independent reference computations for lesson 04's tests.
 *
 * Plain loops in long double, one example at a time, written without the
 * solution's structure (no matrix multiply, no batching, no graph): the
 * expected values of the tests come from here, from closed forms, or from
 * central differences of these functions, never from the code under test. */
#ifndef LESSON04_REFERENCE_H
#define LESSON04_REFERENCE_H

#include <stddef.h>

#include "backprop.h"
#include "rng.h"

/* A network built by the grader (not by bp_mlp_init): weights uniform in
 * [-scale, scale] times sqrt(3 / fan_in), biases uniform in [-0.1, 0.1].
 * Free it with ref_mlp_free. */
bp_mlp ref_mlp_make(const size_t *sizes, size_t layers, bp_activation hidden, rng *r);
void ref_mlp_free(bp_mlp *net);

/* f(z) in long double. */
long double ref_activate(bp_activation f, long double z);

/* The logits of one example, in long double (classes = sizes[layers]). */
void ref_mlp_logits(const bp_mlp *net, const double *x, long double *logits);

/* The mean softmax cross-entropy of a batch, in long double. */
long double ref_mlp_loss(const bp_mlp *net, const double *x, const unsigned char *labels,
                         size_t batch);

/* Every parameter's derivative of ref_mlp_loss by central differences with
 * step h, in long double (the parameters are restored). */
void ref_mlp_numeric_grad(bp_mlp *net, const double *x, const unsigned char *labels,
                          size_t batch, double h, long double *grad);

/* Reads data/digits.csv with the grader's own parser (pixels / 16). */
size_t ref_load_digits(const char *path, double **pixels, unsigned char **labels);

/* Uniform values on [lo, hi). */
void fill_uniform(rng *r, double *v, size_t n, double lo, double hi);

/* calloc that fails the test instead of returning NULL. */
double *alloc_doubles(size_t n);
long double *alloc_long_doubles(size_t n);

/* The name of a status, e.g. "BP_ERR_GRAPH", for messages. */
const char *status_name(bp_status s);

/* Fails unless `came` equals `expected`, naming both. */
void expect_status(bp_status came, bp_status expected, const char *what);

#endif
