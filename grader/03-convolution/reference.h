/* reference.h: independent reference computations for lesson 03's tests.
 *
 * Every formula is the definition written out in long double with signed
 * indices and a bounds test on each term: slow and obviously right, and
 * sharing no code or trick with the solution. Convolution is computed from
 * its own formula, not by flipping the kernel of a correlation. */
#ifndef LESSON03_REFERENCE_H
#define LESSON03_REFERENCE_H

#include <stddef.h>

#include "convolution.h"
#include "rng.h"

/* The number of outputs per axis, from the definitions (long, may be <= 0). */
long ref_size(long n, long k, cv_mode mode);

/* 1-D: out[i] = sum_j f[i + j - o] g[j] and out[i] = sum_j f[i + o' - j] g[j]. */
void ref_correlate1d(const double *f, long n, const double *g, long k, cv_mode mode,
                     long double *out);
void ref_convolve1d(const double *f, long n, const double *g, long k, cv_mode mode,
                    long double *out);

/* 2-D correlation and convolution of float images, in long double; also
 * sum |img| |k| over each output's terms into scale (if not NULL), the
 * yardstick for rounding errors. */
void ref_correlate2d(const float *img, long h, long w, const float *k, long kh, long kw,
                     cv_mode mode, long double *out, long double *scale);
void ref_convolve2d(const float *img, long h, long w, const float *k, long kh, long kw,
                    cv_mode mode, long double *out, long double *scale);

/* Max or average pooling by the definition. */
void ref_pool(const float *img, long h, long w, long size, long stride, cv_pool_kind kind,
              long double *out);

/* Fills v with uniform values on [lo, hi). */
void fill_uniform_f(rng *r, float *v, size_t n, float lo, float hi);
void fill_uniform_d(rng *r, double *v, size_t n, double lo, double hi);

/* Zero-filled memory that fails the test instead of returning NULL, freed
 * when the test ends (grade_alloc). */
float *alloc_floats(size_t n);
double *alloc_doubles(size_t n);
long double *alloc_long_doubles(size_t n);

/* A buffer of n floats filled with NaN, with `guard` more NaNs after it:
 * a function that writes past its output shows up as a changed guard. */
float *alloc_poisoned(size_t n, size_t guard);
void expect_guard(const float *buffer, size_t n, size_t guard, const char *what);

/* Fails unless |came[i] - expected[i]| <= tol * (scale[i] or 1) + tiny for
 * every i, naming the first (y, x) that is off in an image w wide. */
void expect_image(const float *came, const long double *expected, const long double *scale,
                  size_t h, size_t w, double tol, const char *what);

/* The same for doubles, 1-D. */
void expect_signal(const double *came, const long double *expected, size_t n, double tol,
                   const char *what);

/* Copies and checks of const inputs. */
float *copy_floats(const float *v, size_t n);
void expect_floats_unchanged(const float *now, const float *before, size_t n, const char *what);

/* "valid", "same" or "full", for messages: the grader's own, since a call of
 * cv_mode_str would run the student's library (once per checked value when
 * it is an argument of expect_near). */
const char *mode_name(cv_mode mode);
const char *status_name(cv_status s);
void expect_status(cv_status came, cv_status expected, const char *what);

#endif
