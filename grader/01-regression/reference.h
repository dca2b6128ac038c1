/* reference.h: independent reference computations for lesson 01's tests.
 *
 * These are deliberately different from the solution: plain two-pass loops in
 * long double (64-bit mantissa on x86), with no blocking and no tricks, so a
 * bug shared by the solution and the tests is unlikely. */
#ifndef LESSON01_REFERENCE_H
#define LESSON01_REFERENCE_H

#include <stddef.h>

#include "regression.h"
#include "rng.h"

/* Least-squares line by the centred formulas, in long double, with the
 * mean's rounding error corrected: accurate to about 1e-16 even for x near
 * 1.7e9 with a spread of 1e-3, and for any finite data (long double does not
 * overflow at 1e300). */
lr_line ref_fit_line(const double *x, const double *y, size_t n);

/* MSE of a line, in long double. */
long double ref_line_mse(lr_line line, const double *x, const double *y, size_t n);

/* Gradient of the MSE by the chapter's formula, in long double. */
lr_line ref_mse_gradient(lr_line at, const double *x, const double *y, size_t n);

/* Fills v[0..n-1] with uniform values on [lo, hi). */
void fill_uniform(rng *r, double *v, size_t n, double lo, double hi);

/* malloc that fails the test instead of returning NULL. */
double *alloc_doubles(size_t n);

/* The name of a status, e.g. "LR_ERR_PARSE", for messages. */
const char *status_name(lr_status s);

/* Fails unless `came` equals `expected`, naming both. */
void expect_status(lr_status came, lr_status expected, const char *what);

#endif
