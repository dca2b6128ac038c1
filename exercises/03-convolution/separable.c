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

cv_status cv_correlate_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 float *out)
{
    // TODO: check the arguments as in cv_correlate2d. Then, for each output
    //   row, add up the input rows it needs, weighted by col, into a row
    //   buffer (zero beyond the image's left and right edges), and
    //   correlate that buffer with `row` (section 6). Allocate the buffer with
    //   malloc, return CV_ERR_NOMEM if that fails, and free it.
    (void)img; (void)h; (void)w; (void)col; (void)kh; (void)row; (void)kw; (void)mode;
    (void)out;
    return CV_ERR_TODO;
}

cv_status cv_gaussian_kernel(double sigma, size_t r, float *k)
{
    // TODO: k[t + r] = exp(-t^2 / (2 sigma^2)) for t = -r..r, computed in
    //   double, then divided by their sum (section 6). CV_ERR_ARG unless
    //   sigma > 0 and finite and k is not NULL. A tiny sigma must still give
    //   a kernel that sums to 1 (section 6 shows the trap).
    (void)sigma; (void)r; (void)k;
    return CV_ERR_TODO;
}
