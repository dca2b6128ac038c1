/* separable.c: separable kernels and the Gaussian (chapter section 6).
 *
 * A kernel k[i][j] = col[i] * row[j] can be applied in two 1-D passes. For
 * each output row: a pass down the columns, adding up the kh input rows it
 * needs (weighted by col) into one row of sums, then a pass along that row
 * with `row`. Both passes stream through a few rows that sit in the cache,
 * and cost kh + kw multiply-adds per pixel instead of kh * kw. */
#include "convolution.h"

#include <math.h>
#include <stdlib.h>

// BEGIN SOLUTION
#if defined(FP_FAST_FMAF) || defined(__FMA__)
#define MUL_ADD(a, b, c) fmaf(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

static cv_status check_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 const float *out)
{
    if (!img || !col || !row || !out || h == 0 || w == 0 || kh == 0 || kw == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    if (cv_output_size(h, kh, mode) == 0 || cv_output_size(w, kw, mode) == 0)
        return CV_ERR_SHAPE;
    return CV_OK;
}

/* The offset of the first tap, as in conv2d.c. */
static size_t first_tap_offset(size_t k, cv_mode mode)
{
    return mode == CV_FULL ? k - 1 : mode == CV_SAME ? (k - 1) / 2 : 0;
}

/* sums[x] = sum over i < taps of col[i] * rows[i * w + x]: the weighted
 * sum of `taps` consecutive image rows, the first at `rows`. One tap at a
 * time over the whole row, so that the loop over x vectorises. */
static void column_pass(const float *rows, size_t w, const float *col, size_t taps,
                        float *sums)
{
#pragma omp simd
    for (size_t x = 0; x < w; x++)
        sums[x] = rows[x] * col[0];
    for (size_t i = 1; i < taps; i++) {
        const float *line = rows + i * w;
#pragma omp simd
        for (size_t x = 0; x < w; x++)
            sums[x] = MUL_ADD(line[x], col[i], sums[x]);
    }
}

/* out[x] = sum over j < kw of padded[x + j] * row[j], for n outputs. */
static void row_pass(const float *padded, const float *row, size_t kw, float *out, size_t n)
{
#pragma omp simd
    for (size_t x = 0; x < n; x++)
        out[x] = padded[x] * row[0];
    for (size_t j = 1; j < kw; j++) {
#pragma omp simd
        for (size_t x = 0; x < n; x++)
            out[x] = MUL_ADD(padded[x + j], row[j], out[x]);
    }
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
    for (size_t y = 0; y < out_h; y++) {
        /* input row y + i - oy lies in 0..h-1 for oy - y <= i < h + oy - y */
        size_t i_first = oy > y ? oy - y : 0;
        size_t i_end = h + oy - y < kh ? h + oy - y : kh;
        const float *rows = img + (y + i_first - oy) * w;
        column_pass(rows, w, col + i_first, i_end - i_first, padded + ox);
        row_pass(padded, row, kw, out + y * out_w, out_w);
    }
    free(padded);
    return CV_OK;
    // END SOLUTION
}

cv_status cv_gaussian_kernel(double sigma, size_t r, float *k)
{
    // TODO: k[t + r] = exp(-t^2 / (2 sigma^2)) for t = -r..r, computed in
    //   double, then divided by their sum (section 6). CV_ERR_ARG unless
    //   sigma > 0 and finite and k is not NULL.
    // STUB: (void)sigma; (void)r; (void)k;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    if (!k || !(sigma > 0.0) || !isfinite(sigma))
        return CV_ERR_ARG;
    double sum = 0.0;
    for (size_t i = 0; i <= 2 * r; i++) {
        double t = (double)i - (double)r;
        sum += exp(-t * t / (2.0 * sigma * sigma));
    }
    for (size_t i = 0; i <= 2 * r; i++) {
        double t = (double)i - (double)r;
        k[i] = (float)(exp(-t * t / (2.0 * sigma * sigma)) / sum);
    }
    return CV_OK;
    // END SOLUTION
}
