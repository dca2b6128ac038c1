/* conv2d.c: 2-D cross-correlation and convolution of float images (chapter
 * sections 5 and 7).
 *
 * Each output row is cut in three. In the middle, where every tap's column
 * lies inside the image, no pixel needs a bounds test: a loop over x keeps
 * a block of outputs of two rows in registers across all the taps, so that
 * each input value loaded serves both rows. Only a few pixels at each end
 * of the row take a slow loop that clips the kernel to the image. Rows near
 * the top and bottom edges simply use fewer kernel rows. Outputs too big for
 * the cache are written with non-temporal stores. */
#include "convolution.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments as in cv_correlate1d, then for every output
    //   (y, x) sum img[y + i - oy][x + j - ox] * k[i][j] over the taps whose
    //   pixel lies inside the image (section 5). Section 7 makes it fast.
    (void)img; (void)h; (void)w; (void)k; (void)kh; (void)kw; (void)mode; (void)out;
    return CV_ERR_TODO;
}

cv_status cv_convolve2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                        size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments, turn the kernel by 180 degrees
    //   (flipped[i][j] = k[kh - 1 - i][kw - 1 - j]) into memory of your own
    //   (malloc; CV_ERR_NOMEM if it fails) and correlate with it (section 5).
    (void)img; (void)h; (void)w; (void)k; (void)kh; (void)kw; (void)mode; (void)out;
    return CV_ERR_TODO;
}
