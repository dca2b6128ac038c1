/* layer.c: the forward pass of a convolutional layer (chapter section 8). */
#include "convolution.h"

#include <stdint.h>
#include <stdlib.h>

cv_status cv_layer_forward(const float *in, const float *weights, const float *bias,
                           cv_layer_shape shape, cv_mode mode, float *out)
{
    // TODO: each output channel o starts at bias[o] everywhere, then gets the
    //   cross-correlation of every input channel c with its kernel
    //   weights[o][c] added. cv_correlate2d into a scratch image does the
    //   work; check the shapes first, products too (section 3). Section 8.
    (void)in; (void)weights; (void)bias; (void)shape; (void)mode; (void)out;
    return CV_ERR_TODO;
}
