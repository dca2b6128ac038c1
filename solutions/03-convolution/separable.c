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
#include "simd.h"


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

/* Vectors of sums kept in registers at once: enough independent chains of
 * multiply-adds to keep both units busy while each waits for its last
 * result (8 vectors in flight cover a latency of 4 cycles at two a cycle),
 * and few enough to leave registers for the weight and the loaded vector
 * with the 16 of SSE2 and AVX2. */
enum { VECTORS = 8, LINE_FLOATS = 16 };

/* One output: the sum over t < taps of in[t * step] * weight[t]. */
static float weighted_sum(const float *in, size_t step, const float *weight, size_t taps)
{
    float sum = 0.0f;
    for (size_t t = 0; t < taps; t++)
        sum = MUL_ADD(in[t * step], weight[t], sum);
    return sum;
}

/* out[x] = sum over t < taps of in[t * step + x] * weight[t], for x < n:
 * step = w sums `taps` image rows down the columns, step = 1 correlates a
 * row with a 1-D kernel. The sums of VECTORS vectors stay in registers
 * across all the taps. With `stream`, the outputs from the first 64-byte
 * boundary on are written with non-temporal stores, whole cache lines at a
 * time; the few before it and after the last whole vector are computed one
 * at a time. */
static void weighted_sums(const float *in, size_t step, const float *weight, size_t taps,
                          float *out, size_t n, int stream)
{
    size_t misaligned = (uintptr_t)out / sizeof(float) % LINE_FLOATS;
    size_t x = 0, head = stream && misaligned ? LINE_FLOATS - misaligned : 0;
    for (; x < head && x < n; x++)
        out[x] = weighted_sum(in + x, step, weight, taps);
    for (; x + VF_LANES * VECTORS <= n; x += VF_LANES * VECTORS) {
        vf sum[VECTORS];
        for (size_t v = 0; v < VECTORS; v++)
            sum[v] = vf_set1(0.0f);
        for (size_t t = 0; t < taps; t++) {
            vf weight_t = vf_set1(weight[t]);
            const float *p = in + t * step + x;
            for (size_t v = 0; v < VECTORS; v++)
                sum[v] = vf_fma(vf_load(p + VF_LANES * v), weight_t, sum[v]);
        }
        for (size_t v = 0; v < VECTORS; v++) {
            if (stream)
                vf_stream(out + x + VF_LANES * v, sum[v]);
            else
                vf_store(out + x + VF_LANES * v, sum[v]);
        }
    }
    for (; x + VF_LANES <= n; x += VF_LANES) {
        vf sum = vf_set1(0.0f);
        for (size_t t = 0; t < taps; t++)
            sum = vf_fma(vf_load(in + t * step + x), vf_set1(weight[t]), sum);
        vf_store(out + x, sum);
    }
    for (; x < n; x++)
        out[x] = weighted_sum(in + x, step, weight, taps);
}

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
    if (stream)
        simd_stream_fence(); /* order the streamed stores before any later store */
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
