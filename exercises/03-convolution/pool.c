/* pool.c: max and average pooling (chapter section 7). */
#include "convolution.h"

#include <stdint.h>

size_t cv_pool_output_size(size_t n, size_t size, size_t stride)
{
    // TODO: (n - size) / stride + 1 windows, or 0 when size or stride is 0,
    //   size > n, or the windows do not tile the axis exactly. Section 7.
    (void)n; (void)size; (void)stride;
    return 0;
}

cv_status cv_pool(const float *img, size_t h, size_t w, size_t size, size_t stride,
                  cv_pool_kind kind, float *out)
{
    // TODO: check the arguments (CV_ERR_ARG, then CV_ERR_SHAPE when
    //   cv_pool_output_size is 0 along an axis or h * w floats cannot exist:
    //   section 3), then for every window the largest pixel or the mean of
    //   its size * size pixels. Section 7.
    (void)img; (void)h; (void)w; (void)size; (void)stride; (void)kind; (void)out;
    return CV_ERR_TODO;
}
