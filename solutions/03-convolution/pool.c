/* pool.c: max and average pooling (chapter section 7). */
#include "convolution.h"

#include <stdint.h>

size_t cv_pool_output_size(size_t n, size_t size, size_t stride)
{
    // TODO: (n - size) / stride + 1 windows, or 0 when size or stride is 0,
    //   size > n, or the windows do not tile the axis exactly. Section 7.
    // STUB: (void)n; (void)size; (void)stride;
    // STUB: return 0;
    // BEGIN SOLUTION
    if (size == 0 || stride == 0 || size > n || (n - size) % stride != 0)
        return 0;
    return (n - size) / stride + 1;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Whether an array of a x b floats can exist: its size in bytes fits in a
 * size_t. Sizes that fail would wrap around in the index arithmetic. */
static int fits(size_t a, size_t b)
{
    return b == 0 || a <= SIZE_MAX / sizeof(float) / b;
}

/* The max or the mean of the size x size window whose top-left pixel is
 * top[0], in an image w pixels wide. The mean adds in double: a float sum
 * of many pixels would drift. */
static float pool_window(const float *top, size_t w, size_t size, cv_pool_kind kind)
{
    if (kind == CV_POOL_MAX) {
        float largest = top[0];
        for (size_t i = 0; i < size; i++)
            for (size_t j = 0; j < size; j++)
                largest = top[i * w + j] > largest ? top[i * w + j] : largest;
        return largest;
    }
    double sum = 0.0;
    for (size_t i = 0; i < size; i++)
        for (size_t j = 0; j < size; j++)
            sum += top[i * w + j];
    return (float)(sum / ((double)size * (double)size));
}
// END SOLUTION

cv_status cv_pool(const float *img, size_t h, size_t w, size_t size, size_t stride,
                  cv_pool_kind kind, float *out)
{
    // TODO: check the arguments (CV_ERR_ARG, then CV_ERR_SHAPE when
    //   cv_pool_output_size is 0 along an axis or h * w floats cannot exist:
    //   section 3), then for every window the largest pixel or the mean of
    //   its size * size pixels. Section 7.
    // STUB: (void)img; (void)h; (void)w; (void)size; (void)stride; (void)kind; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    if (!img || !out || h == 0 || w == 0 || size == 0 || stride == 0)
        return CV_ERR_ARG;
    if (kind != CV_POOL_MAX && kind != CV_POOL_AVERAGE)
        return CV_ERR_ARG;
    size_t out_h = cv_pool_output_size(h, size, stride);
    size_t out_w = cv_pool_output_size(w, size, stride);
    if (out_h == 0 || out_w == 0 || !fits(h, w))
        return CV_ERR_SHAPE;
    for (size_t y = 0; y < out_h; y++)
        for (size_t x = 0; x < out_w; x++)
            out[y * out_w + x] = pool_window(img + y * stride * w + x * stride, w, size, kind);
    return CV_OK;
    // END SOLUTION
}
