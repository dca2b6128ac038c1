/* separable.c: separable kernels and the Gaussian (chapter section 6).
 *
 * A kernel k[i][j] = col[i] * row[j] can be applied in two 1-D passes. For
 * each output row: a pass down the columns, adding up the kh input rows it
 * needs (weighted by col) into one row of sums, then a pass along that row
 * with `row`. Both passes are the same operation, a weighted sum of a few
 * shifted copies of a row, and together cost kh + kw multiply-adds per
 * pixel instead of kh * kw. */
#include "convolution.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
#if defined(__AVX512F__)
#include <immintrin.h>
#endif

#if defined(FP_FAST_FMAF) || defined(__FMA__)
#define MUL_ADD(a, b, c) fmaf(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

/* Outputs of at least this many floats (32 MB) are written with
 * non-temporal stores, as in conv2d.c. */
#define STREAM_MIN_FLOATS ((size_t)8 << 20)

/* Whether an array of a x b floats can exist: its size in bytes fits in a
 * size_t. Sizes that fail would wrap around in the index arithmetic. */
static int fits(size_t a, size_t b)
{
    return b == 0 || a <= SIZE_MAX / sizeof(float) / b;
}

static cv_status check_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 const float *out)
{
    if (!img || !col || !row || !out || h == 0 || w == 0 || kh == 0 || kw == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    size_t out_h = cv_output_size(h, kh, mode), out_w = cv_output_size(w, kw, mode);
    /* kh and kw as arrays of their own too: then the row buffer's
     * out_w + kw - 1 floats cannot wrap around either. */
    if (out_h == 0 || out_w == 0 || !fits(h, w) || !fits(out_h, out_w) || !fits(kh, 1) ||
        !fits(kw, 1))
        return CV_ERR_SHAPE;
    return CV_OK;
}

/* The offset of the first tap, as in conv2d.c. */
static size_t first_tap_offset(size_t k, cv_mode mode)
{
    return mode == CV_FULL ? k - 1 : mode == CV_SAME ? (k - 1) / 2 : 0;
}

#if defined(__AVX512F__)
/* Vectors of 16 sums kept in registers at once: enough independent chains
 * of multiply-adds to keep both units busy while each waits for its last
 * result. */
enum { VECTORS = 8 };

/* `lanes` sums of out[x] = sum over t < taps of in[t * step + x] * weight[t],
 * x < 16. */
static void weighted_vector(const float *in, size_t step, const float *weight, size_t taps,
                            __mmask16 lanes, float *out)
{
    __m512 sum = _mm512_setzero_ps();
    for (size_t t = 0; t < taps; t++)
        sum = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(lanes, in + t * step),
                              _mm512_set1_ps(weight[t]), sum);
    _mm512_mask_storeu_ps(out, lanes, sum);
}

/* out[x] = sum over t < taps of in[t * step + x] * weight[t], for x < n:
 * step = w sums `taps` image rows down the columns, step = 1 correlates a
 * row with a 1-D kernel. The sums of VECTORS vectors stay in registers
 * across all the taps. With `stream`, the outputs from the first 64-byte
 * boundary on are written with non-temporal stores. */
static void weighted_sums(const float *in, size_t step, const float *weight, size_t taps,
                          float *out, size_t n, int stream)
{
    size_t x = 0;
    size_t misaligned = (uintptr_t)out / sizeof(float) % 16;
    if (stream && misaligned) {
        x = 16 - misaligned < n ? 16 - misaligned : n;
        weighted_vector(in, step, weight, taps, (__mmask16)((1u << x) - 1), out);
    }
    for (; x + 16 * VECTORS <= n; x += 16 * VECTORS) {
        __m512 sum[VECTORS];
        for (size_t v = 0; v < VECTORS; v++)
            sum[v] = _mm512_setzero_ps();
        for (size_t t = 0; t < taps; t++) {
            __m512 weight_t = _mm512_set1_ps(weight[t]);
            const float *p = in + t * step + x;
            for (size_t v = 0; v < VECTORS; v++)
                sum[v] = _mm512_fmadd_ps(_mm512_loadu_ps(p + 16 * v), weight_t, sum[v]);
        }
        for (size_t v = 0; v < VECTORS; v++) {
            if (stream)
                _mm512_stream_ps(out + x + 16 * v, sum[v]);
            else
                _mm512_storeu_ps(out + x + 16 * v, sum[v]);
        }
    }
    for (; x < n; x += 16) {
        __mmask16 lanes = n - x >= 16 ? 0xFFFF : (__mmask16)((1u << (n - x)) - 1);
        weighted_vector(in + x, step, weight, taps, lanes, out + x);
    }
}
#else
/* The same in portable C, one tap at a time over the whole row, so that
 * the loop over x vectorises whatever the number of taps. */
static void weighted_sums(const float *in, size_t step, const float *weight, size_t taps,
                          float *out, size_t n, int stream)
{
    (void)stream;
#pragma omp simd
    for (size_t x = 0; x < n; x++)
        out[x] = in[x] * weight[0];
    for (size_t t = 1; t < taps; t++) {
        const float *shifted = in + t * step;
#pragma omp simd
        for (size_t x = 0; x < n; x++)
            out[x] = MUL_ADD(shifted[x], weight[t], out[x]);
    }
}
#endif

/* Asks the memory for one image row, into the level-2 cache, without
 * waiting for it: the row the next output row reads for the first time. */
static void prefetch_row(const float *line, size_t w)
{
#if defined(__GNUC__)
    for (size_t x = 0; x < w; x += 16)
        __builtin_prefetch(line + x, 0, 2);
#else
    (void)line;
    (void)w;
#endif
}
// END SOLUTION

cv_status cv_correlate_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 float *out)
{
    // TODO: check the arguments as in cv_correlate2d. Then, for each output
    //   row, add up the input rows it needs, weighted by col, into a row
    //   buffer (zero beyond the image's left and right edges), and
    //   correlate that buffer with `row` (section 6). Allocate the buffer with
    //   malloc, return CV_ERR_NOMEM if that fails, and free it.
    // STUB: (void)img; (void)h; (void)w; (void)col; (void)kh; (void)row; (void)kw; (void)mode;
    // STUB: (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    cv_status status = check_separable(img, h, w, col, kh, row, kw, mode, out);
    if (status != CV_OK)
        return status;
    size_t out_h = cv_output_size(h, kh, mode), out_w = cv_output_size(w, kw, mode);
    size_t oy = first_tap_offset(kh, mode), ox = first_tap_offset(kw, mode);
    /* One row of column sums with ox zeros before it and enough after it for
     * the last output's taps: out_w + kw - 1 floats in all. */
    size_t padded_size = out_w + kw - 1;
    float *padded = calloc(padded_size, sizeof *padded);
    if (!padded)
        return CV_ERR_NOMEM;
    int stream = out_h * out_w >= STREAM_MIN_FLOATS;
    for (size_t y = 0; y < out_h; y++) {
        /* input row y + i - oy lies in 0..h-1 for oy - y <= i < h + oy - y */
        size_t i_first = oy > y ? oy - y : 0;
        size_t i_end = h + oy - y < kh ? h + oy - y : kh;
        if (y + i_end - oy < h)
            prefetch_row(img + (y + i_end - oy) * w, w);
        const float *rows = img + (y + i_first - oy) * w;
        weighted_sums(rows, w, col + i_first, i_end - i_first, padded + ox, w, 0);
        weighted_sums(padded, 1, row, kw, out + y * out_w, out_w, stream);
    }
#if defined(__AVX512F__)
    if (stream)
        _mm_sfence(); /* order the streamed stores before any later store */
#endif
    free(padded);
    return CV_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* exp(-t^2 / (2 sigma^2)). For sigma below about 1e-162, 2 sigma^2 underflows
 * to 0 and the centre tap would be exp(-0 / 0) = NaN; its value is 1 for
 * every sigma. (The other taps then come out as exp(-inf) = 0, and for
 * sigma above about 1e154 as exp(-0) = 1: the limits, a delta and a box.) */
static double gaussian_tap(double t, double sigma)
{
    return t == 0.0 ? 1.0 : exp(-t * t / (2.0 * sigma * sigma));
}
// END SOLUTION

cv_status cv_gaussian_kernel(double sigma, size_t r, float *k)
{
    // TODO: k[t + r] = exp(-t^2 / (2 sigma^2)) for t = -r..r, computed in
    //   double, then divided by their sum (section 6). CV_ERR_ARG unless
    //   sigma > 0 and finite and k is not NULL. A tiny sigma must still give
    //   a kernel that sums to 1 (section 6 shows the trap).
    // STUB: (void)sigma; (void)r; (void)k;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    if (!k || !(sigma > 0.0) || !isfinite(sigma))
        return CV_ERR_ARG;
    double sum = 0.0;
    for (size_t i = 0; i <= 2 * r; i++)
        sum += gaussian_tap((double)i - (double)r, sigma);
    for (size_t i = 0; i <= 2 * r; i++)
        k[i] = (float)(gaussian_tap((double)i - (double)r, sigma) / sum);
    return CV_OK;
    // END SOLUTION
}
