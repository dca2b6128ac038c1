/* layer.c: the forward pass of a convolutional layer (chapter section 8). */
#include "convolution.h"

#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
/* Whether an array of a x b floats can exist: its size in bytes fits in a
 * size_t. Sizes that fail would wrap around in the index arithmetic. */
static int fits(size_t a, size_t b)
{
    return b == 0 || a <= SIZE_MAX / sizeof(float) / b;
}
// END SOLUTION

cv_status cv_layer_forward(const float *in, const float *weights, const float *bias,
                           cv_layer_shape shape, cv_mode mode, float *out)
{
    // TODO: each output channel o starts at bias[o] everywhere, then gets the
    //   cross-correlation of every input channel c with its kernel
    //   weights[o][c] added. cv_correlate2d into a scratch image does the
    //   work; check the shapes first, products too (section 3). Section 8.
    // STUB: (void)in; (void)weights; (void)bias; (void)shape; (void)mode; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    if (!in || !weights || !bias || !out)
        return CV_ERR_ARG;
    if (shape.c_in == 0 || shape.c_out == 0 || shape.h == 0 || shape.w == 0 ||
        shape.kh == 0 || shape.kw == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    size_t out_h = cv_output_size(shape.h, shape.kh, mode);
    size_t out_w = cv_output_size(shape.w, shape.kw, mode);
    if (out_h == 0 || out_w == 0 || !fits(shape.h, shape.w) || !fits(shape.kh, shape.kw) ||
        !fits(out_h, out_w))
        return CV_ERR_SHAPE;
    size_t plane = out_h * out_w, image = shape.h * shape.w, kernel = shape.kh * shape.kw;
    if (!fits(shape.c_in, image) || !fits(shape.c_out, plane) ||
        !fits(shape.c_out, shape.c_in) || !fits(shape.c_out * shape.c_in, kernel))
        return CV_ERR_SHAPE;
    /* One output plane of scratch: each channel's correlation lands there
     * and is added to the output, which stays in the cache between
     * channels. */
    float *scratch = malloc(plane * sizeof *scratch);
    if (!scratch)
        return CV_ERR_NOMEM;
    cv_status status = CV_OK;
    for (size_t o = 0; o < shape.c_out && status == CV_OK; o++) {
        float *target = out + o * plane;
        for (size_t p = 0; p < plane; p++)
            target[p] = bias[o];
        for (size_t c = 0; c < shape.c_in && status == CV_OK; c++) {
            const float *k = weights + (o * shape.c_in + c) * kernel;
            status = cv_correlate2d(in + c * image, shape.h, shape.w, k, shape.kh, shape.kw,
                                    mode, scratch);
            for (size_t p = 0; p < plane; p++)
                target[p] += scratch[p];
        }
    }
    free(scratch);
    return status;
    // END SOLUTION
}
