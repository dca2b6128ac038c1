/* conv2d.c: 2-D cross-correlation and convolution of float images (chapter
 * sections 5 and 7).
 *
 * The output is computed a band of rows at a time (8 rows for a 3 x 3
 * kernel, 4 for a 5 x 5, else 1), and each band is cut in three along x.
 * In the middle, where every tap's column lies inside the image, no pixel
 * needs a bounds test: a block of outputs, the band's rows times two vectors
 * of 16, stays in registers across all the taps, so that each input vector
 * loaded serves every output row that needs it. The few columns at each end
 * are copied, with zeros for what lies beyond the image, into a small tile
 * that the same code then filters. Rows near the top and bottom edges simply
 * use fewer kernel rows. Outputs too big for the cache are written with
 * non-temporal stores. */
#include "convolution.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments as in cv_correlate1d, and that the image, the
    //   kernel and the output are not too large to exist (section 3), then for
    //   every output (y, x) sum img[y + i - oy][x + j - ox] * k[i][j] over the
    //   taps whose pixel lies inside the image (section 5). Section 7 makes it
    //   fast.
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
