#include "reference.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

long ref_size(long n, long k, cv_mode mode)
{
    switch (mode) {
    case CV_VALID: return n - k + 1;
    case CV_SAME: return n;
    case CV_FULL: return n + k - 1;
    }
    return 0;
}

/* The correlation offset o (out[i] = sum_j f[i + j - o] g[j]). */
static long corr_offset(long k, cv_mode mode)
{
    return mode == CV_FULL ? k - 1 : mode == CV_SAME ? (k - 1) / 2 : 0;
}

/* The convolution offset o' (out[i] = sum_j f[i + o' - j] g[j]): the full
 * result starts at index 0, same at k / 2, valid at k - 1. */
static long conv_offset(long k, cv_mode mode)
{
    return mode == CV_FULL ? 0 : mode == CV_SAME ? k / 2 : k - 1;
}

void ref_correlate1d(const double *f, long n, const double *g, long k, cv_mode mode,
                     long double *out)
{
    long m = ref_size(n, k, mode), o = corr_offset(k, mode);
    for (long i = 0; i < m; i++) {
        long double sum = 0;
        for (long j = 0; j < k; j++) {
            long t = i + j - o;
            if (t >= 0 && t < n)
                sum += (long double)f[t] * g[j];
        }
        out[i] = sum;
    }
}

void ref_convolve1d(const double *f, long n, const double *g, long k, cv_mode mode,
                    long double *out)
{
    long m = ref_size(n, k, mode), o = conv_offset(k, mode);
    for (long i = 0; i < m; i++) {
        long double sum = 0;
        for (long j = 0; j < k; j++) {
            long t = i + o - j;
            if (t >= 0 && t < n)
                sum += (long double)f[t] * g[j];
        }
        out[i] = sum;
    }
}

void ref_correlate2d(const float *img, long h, long w, const float *k, long kh, long kw,
                     cv_mode mode, long double *out, long double *scale)
{
    long oh = ref_size(h, kh, mode), ow = ref_size(w, kw, mode);
    long oy = corr_offset(kh, mode), ox = corr_offset(kw, mode);
    for (long y = 0; y < oh; y++)
        for (long x = 0; x < ow; x++) {
            long double sum = 0, size = 0;
            for (long i = 0; i < kh; i++)
                for (long j = 0; j < kw; j++) {
                    long sy = y + i - oy, sx = x + j - ox;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                        long double term = (long double)img[sy * w + sx] * k[i * kw + j];
                        sum += term;
                        size += fabsl(term);
                    }
                }
            out[y * ow + x] = sum;
            if (scale)
                scale[y * ow + x] = size;
        }
}

void ref_convolve2d(const float *img, long h, long w, const float *k, long kh, long kw,
                    cv_mode mode, long double *out, long double *scale)
{
    long oh = ref_size(h, kh, mode), ow = ref_size(w, kw, mode);
    long oy = conv_offset(kh, mode), ox = conv_offset(kw, mode);
    for (long y = 0; y < oh; y++)
        for (long x = 0; x < ow; x++) {
            long double sum = 0, size = 0;
            for (long i = 0; i < kh; i++)
                for (long j = 0; j < kw; j++) {
                    long sy = y + oy - i, sx = x + ox - j;
                    if (sy >= 0 && sy < h && sx >= 0 && sx < w) {
                        long double term = (long double)img[sy * w + sx] * k[i * kw + j];
                        sum += term;
                        size += fabsl(term);
                    }
                }
            out[y * ow + x] = sum;
            if (scale)
                scale[y * ow + x] = size;
        }
}

void ref_pool(const float *img, long h, long w, long size, long stride, cv_pool_kind kind,
              long double *out)
{
    long oh = (h - size) / stride + 1, ow = (w - size) / stride + 1;
    for (long y = 0; y < oh; y++)
        for (long x = 0; x < ow; x++) {
            long double best = -INFINITY, sum = 0;
            for (long i = 0; i < size; i++)
                for (long j = 0; j < size; j++) {
                    long double v = img[(y * stride + i) * w + x * stride + j];
                    best = v > best ? v : best;
                    sum += v;
                }
            out[y * ow + x] = kind == CV_POOL_MAX ? best : sum / (size * size);
        }
}

void fill_uniform_f(rng *r, float *v, size_t n, float lo, float hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = lo + (hi - lo) * (float)rng_uniform(r);
}

void fill_uniform_d(rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = lo + (hi - lo) * rng_uniform(r);
}

static void *alloc_zeroed(size_t n, size_t size) { return grade_alloc(n, size); }

float *alloc_floats(size_t n) { return alloc_zeroed(n, sizeof(float)); }
double *alloc_doubles(size_t n) { return alloc_zeroed(n, sizeof(double)); }
long double *alloc_long_doubles(size_t n) { return alloc_zeroed(n, sizeof(long double)); }

float *alloc_poisoned(size_t n, size_t guard)
{
    float *p = alloc_floats(n + guard);
    for (size_t i = 0; i < n + guard; i++)
        p[i] = NAN;
    return p;
}

void expect_guard(const float *buffer, size_t n, size_t guard, const char *what)
{
    for (size_t i = n; i < n + guard; i++)
        if (!isnan(buffer[i]))
            grade_fail("%s: wrote past the end of the output (its %zu floats): element %zu "
                       "changed to %g",
                       what, n, i, buffer[i]);
}

void expect_image(const float *came, const long double *expected, const long double *scale,
                  size_t h, size_t w, double tol, const char *what)
{
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            size_t i = y * w + x;
            long double yardstick = scale ? scale[i] : fabsl(expected[i]);
            long double allowed = tol * (yardstick > 1 ? yardstick : 1) + 1e-30L;
            if (!(fabsl(came[i] - expected[i]) <= allowed))
                grade_fail("%s: at (y=%zu, x=%zu) of the %zu x %zu output expected %.9Lg, "
                           "came %.9g (tolerance %.2Lg)",
                           what, y, x, h, w, expected[i], came[i], allowed);
        }
}

void expect_signal(const double *came, const long double *expected, size_t n, double tol,
                   const char *what)
{
    for (size_t i = 0; i < n; i++) {
        long double allowed = tol * (fabsl(expected[i]) > 1 ? fabsl(expected[i]) : 1);
        if (!(fabsl(came[i] - expected[i]) <= allowed))
            grade_fail("%s: out[%zu] of %zu: expected %.15Lg, came %.15g", what, i, n,
                       expected[i], came[i]);
    }
}

float *copy_floats(const float *v, size_t n)
{
    float *copy = alloc_floats(n);
    memcpy(copy, v, n * sizeof *v);
    return copy;
}

void expect_floats_unchanged(const float *now, const float *before, size_t n, const char *what)
{
    if (memcmp(now, before, n * sizeof *now) != 0)
        grade_fail("%s is a const input but was changed", what);
}

const char *mode_name(cv_mode mode)
{
    switch (mode) {
    case CV_VALID: return "valid";
    case CV_SAME: return "same";
    case CV_FULL: return "full";
    }
    return "unknown mode";
}

const char *status_name(cv_status s)
{
    switch (s) {
    case CV_OK: return "CV_OK";
    case CV_ERR_TODO: return "CV_ERR_TODO";
    case CV_ERR_ARG: return "CV_ERR_ARG";
    case CV_ERR_SHAPE: return "CV_ERR_SHAPE";
    case CV_ERR_IO: return "CV_ERR_IO";
    case CV_ERR_FORMAT: return "CV_ERR_FORMAT";
    case CV_ERR_NOMEM: return "CV_ERR_NOMEM";
    }
    return "an unknown status";
}

void expect_status(cv_status came, cv_status expected, const char *what)
{
    if (came != expected)
        grade_fail("%s: expected %s, came %s (%d)", what, status_name(expected),
                   status_name(came), (int)came);
}
