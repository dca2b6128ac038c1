/* convolution.h: Lesson 03, convolution, images and pooling.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/03-convolution/ and the reference in solutions/03-convolution/
 * implement exactly these functions; lessons/03-convolution.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return a cv_status. Images are single-channel, row-major: pixel (y, x)
 * of an h x w image is img[y * w + x]. Kernels are stored the same way.
 *
 * Convolution flips the kernel, cross-correlation does not:
 *   convolution        (f * g)[i] = sum_j f[i - j] g[j]
 *   cross-correlation  (f . g)[i] = sum_j f[i + j] g[j]
 * CNN libraries compute cross-correlation and call it convolution. In every
 * mode below, convolving with g gives exactly what correlating with g
 * reversed gives.
 *
 * Border modes, for a signal of n samples and a kernel of k (per axis):
 *   CV_VALID  n - k + 1 outputs, only where the kernel fits inside the
 *             signal (none when k > n);
 *   CV_FULL   n + k - 1 outputs, every position where kernel and signal
 *             overlap at all, with zeros beyond the border;
 *   CV_SAME   n outputs: the full result from index k / 2 on (integer
 *             division), so that an odd kernel is centred on each sample.
 */
#ifndef CONVOLUTION_H
#define CONVOLUTION_H

#include <stddef.h>

typedef enum {
    CV_OK = 0,
    CV_ERR_TODO,   /* not implemented yet (the skeleton's placeholder) */
    CV_ERR_ARG,    /* a NULL pointer, a zero size, an unknown mode */
    CV_ERR_SHAPE,  /* sizes that do not fit: a valid output of size 0, a pool that does not
                      tile, an array too large to exist (its size in bytes overflows size_t) */
    CV_ERR_IO,     /* a file could not be opened, read or written */
    CV_ERR_FORMAT, /* a file that is not an image we can decode */
    CV_ERR_NOMEM,  /* out of memory */
} cv_status;

typedef enum { CV_VALID, CV_SAME, CV_FULL } cv_mode;

/* A short English description of a status (given). */
const char *cv_status_str(cv_status status);

/* The name of a mode, "valid", "same" or "full" (given). */
const char *cv_mode_str(cv_mode mode);

/* ---- Exercise 1: 1-D convolution (chapter sections 2 and 3) -------------- */

/* The number of outputs of a signal of n samples with a kernel of k in this
 * mode: n - k + 1, n or n + k - 1. 0 when n or k is 0, the mode is unknown,
 * (valid) k > n, or (full) n + k - 1 is larger than SIZE_MAX: never a
 * wrapped-around size. */
size_t cv_output_size(size_t n, size_t k, cv_mode mode);

/* Convolution: out[i] = sum_j f[i + o - j] g[j], with f = 0 outside
 * 0..n-1 and o = 0 (full), k / 2 (same) or k - 1 (valid). out has
 * cv_output_size(n, k, mode) entries and must not overlap f or g.
 * CV_ERR_ARG for NULL, n == 0, k == 0 or an unknown mode; CV_ERR_SHAPE when
 * that size is 0. */
cv_status cv_convolve1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                        double *out);

/* Cross-correlation: out[i] = sum_j f[i + j - o] g[j] (no flip), with
 * o = k - 1 (full), (k - 1) / 2 (same) or 0 (valid); sizes and errors as
 * cv_convolve1d. */
cv_status cv_correlate1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                         double *out);

/* ---- Exercise 2: 2-D convolution (chapter sections 4 and 5) -------------- */

/* 2-D cross-correlation of the h x w image with the kh x kw kernel, zero
 * outside the image:
 *   out[y][x] = sum_{i,j} img[y + i - oy][x + j - ox] k[i][j]
 * where oy, ox are (kh - 1, kw - 1) for full, ((kh - 1) / 2, (kw - 1) / 2)
 * for same, (0, 0) for valid. out is
 * cv_output_size(h, kh, mode) x cv_output_size(w, kw, mode) and must not
 * overlap img or k. Any kernel size, odd or even. Errors as cv_convolve1d,
 * and CV_ERR_SHAPE, without reading or writing anything, when the image,
 * the kernel or the output would hold more floats than a size_t can count
 * in bytes (h * w * sizeof(float) > SIZE_MAX, say).
 * The reference solution is fast (section 10); yours needs to be correct. */
cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out);

/* 2-D convolution: cv_correlate2d with the kernel turned by 180 degrees
 * (flipped along both axes). May return CV_ERR_NOMEM if it needs memory for
 * the turned kernel and cannot get it. */
cv_status cv_convolve2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                        size_t kw, cv_mode mode, float *out);

/* ---- Exercise 3: separable kernels (chapter section 6) ------------------- */

/* Cross-correlation with the separable kernel k[i][j] = col[i] * row[j]
 * (kh = length of col, kw = length of row): a pass along the rows with `row`,
 * then a pass along the columns with `col`, in O(kh + kw) operations per pixel
 * instead of O(kh kw). Same sizes, offsets and errors as cv_correlate2d, and
 * the same result up to rounding; CV_ERR_NOMEM if its working memory cannot
 * be allocated. */
cv_status cv_correlate_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 float *out);

/* The normalised Gaussian kernel of radius r (2r + 1 taps), sampled at
 * -r..r with standard deviation sigma and scaled to sum to 1. Any finite
 * sigma > 0 works, down to the smallest subnormal number: a sigma too small
 * for any tap but the centre to register gives the limit, 1 at the centre
 * and 0 elsewhere (2 sigma^2 may underflow to 0 on the way, and the centre's
 * -0 / 0 must not become NaN); a sigma too large for the taps to differ
 * gives 1 / (2r + 1) everywhere. CV_ERR_ARG unless sigma > 0 and finite and
 * k is not NULL. */
cv_status cv_gaussian_kernel(double sigma, size_t r, float *k);

/* ---- Exercise 4: pooling (chapter section 7) ----------------------------- */

typedef enum { CV_POOL_MAX, CV_POOL_AVERAGE } cv_pool_kind;

/* The number of windows of `size` with `stride` along an axis of n:
 * (n - size) / stride + 1. 0 when size or stride is 0, size > n, or the
 * windows do not tile the axis exactly ((n - size) % stride != 0). */
size_t cv_pool_output_size(size_t n, size_t size, size_t stride);

/* Max or average pooling of the h x w image with size x size windows moved
 * by stride: out[y][x] is the max or mean of the window whose top-left pixel
 * is (y * stride, x * stride). out is cv_pool_output_size(h, ...) x
 * cv_pool_output_size(w, ...). CV_ERR_ARG for NULL, a zero size or stride or
 * an unknown kind; CV_ERR_SHAPE when the windows do not tile the image or
 * h * w floats are too many for a size_t to count in bytes. */
cv_status cv_pool(const float *img, size_t h, size_t w, size_t size, size_t stride,
                  cv_pool_kind kind, float *out);

/* ---- Exercise 5: a convolutional layer (chapter section 8) --------------- */

/* The shapes of a layer: c_in input channels of h x w, c_out output
 * channels, kernels of kh x kw. */
typedef struct {
    size_t c_in, h, w;
    size_t c_out, kh, kw;
} cv_layer_shape;

/* The forward pass of a convolutional layer, as CNN libraries define it:
 *   out[o] = bias[o] + sum_c correlate2d(in[c], weights[o][c], mode)
 * in is c_in images of h x w, one after the other; weights is
 * c_out x c_in kernels of kh x kw; bias has c_out entries; out is c_out
 * images of the mode's output size. CV_ERR_ARG for NULL or a zero size;
 * CV_ERR_SHAPE when the output would be empty, or when in, weights or out
 * would hold more floats than a size_t can count in bytes. */
cv_status cv_layer_forward(const float *in, const float *weights, const float *bias,
                           cv_layer_shape shape, cv_mode mode, float *out);

/* ---- Images (given: chapter section 4) ----------------------------------- */

/* A grayscale image with pixels in [0, 1]. */
typedef struct {
    float *pixels; /* h * w, row-major */
    size_t h, w;
} cv_image;

/* Reads a PNG, PGM, JPEG or BMP file as grayscale (colour is converted with
 * the Rec. 601 weights). On failure returns CV_ERR_IO or CV_ERR_FORMAT and
 * writes a message naming the file into err (if err_size > 0). Free the
 * image with cv_image_free. */
cv_status cv_image_load(const char *path, cv_image *img, char *err, size_t err_size);

/* Writes pixels, clamped to [0, 1], as an 8-bit grayscale PNG. */
cv_status cv_image_save_png(const char *path, const float *pixels, size_t h, size_t w,
                            char *err, size_t err_size);

void cv_image_free(cv_image *img);

#endif
