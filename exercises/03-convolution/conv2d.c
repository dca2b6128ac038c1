/* conv2d.c: 2-D cross-correlation and convolution of float images (chapter
 * sections 5 and 10). */
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
    //   taps whose pixel lies inside the image (section 5). Section 10 makes it
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
