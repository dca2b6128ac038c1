/* calls.c: how lesson 03's functions cross into the sandbox (calls.def), and
 * the parts that need more than a list: an image's pixels, and the sizes of
 * outputs, which the header defines through cv_output_size and
 * cv_pool_output_size. Those are computed here by the grader (calling the
 * student's functions would be a call into the sandbox). Compiled into the
 * judge and, with GRADE_SERVER, into the sandbox. */
#include "convolution.h"
#include "calls.h"
#ifndef GRADE_SERVER
#include "grade.h"
#endif

static void walk_cv_image(void *object, sb_walk *w)
{
    cv_image *img = object;
    w->field(w, "pixels", (void **)&img->pixels, sb_bytes(img->h, img->w), sizeof *img->pixels);
}

#ifndef GRADE_SERVER
/* Outputs along an axis of n with a kernel of k, as the header defines them
 * (cv_output_size). */
static size_t output_size(size_t n, size_t k, cv_mode mode)
{
    if (n == 0 || k == 0)
        return 0;
    switch (mode) {
    case CV_VALID:
        return k > n ? 0 : n - k + 1;
    case CV_SAME:
        return n;
    case CV_FULL:
        return n > SIZE_MAX - k + 1 ? SIZE_MAX : n + k - 1;
    }
    return 0;
}

/* An h x w image with a kh x kw kernel. */
static size_t output_size_2d(size_t h, size_t w, size_t kh, size_t kw, cv_mode mode)
{
    return sb_bytes(output_size(h, kh, mode), output_size(w, kw, mode));
}

/* Windows of `size` moved by `stride` along an axis of n (cv_pool_output_size). */
static size_t pool_size(size_t n, size_t size, size_t stride)
{
    if (size == 0 || stride == 0 || size > n || (n - size) % stride != 0)
        return 0;
    return (n - size) / stride + 1;
}

/* The 2r + 1 taps of a Gaussian kernel of radius r. */
static size_t gaussian_taps(size_t r)
{
    return r > (SIZE_MAX - 1) / 2 ? SIZE_MAX : 2 * r + 1;
}

/* A layer's input (c_in images of h x w), weights (c_out x c_in kernels of
 * kh x kw) and output (c_out images of the mode's output size). */
static size_t layer_in(cv_layer_shape s)
{
    return sb_bytes(s.c_in, sb_bytes(s.h, s.w));
}

static size_t layer_weights(cv_layer_shape s)
{
    return sb_bytes(sb_bytes(s.c_out, s.c_in), sb_bytes(s.kh, s.kw));
}

static size_t layer_out(cv_layer_shape s, cv_mode mode)
{
    return sb_bytes(s.c_out, output_size_2d(s.h, s.w, s.kh, s.kw, mode));
}
#endif

#include "generate.h"
