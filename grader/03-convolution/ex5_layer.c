/* Exercise 5: a convolutional layer (chapter section 8). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "grade.h"
#include "reference.h"

#define SECTION "8 Convolutional layers"

static const cv_mode MODES[] = {CV_VALID, CV_SAME, CV_FULL};

/* Two 3 x 3 channels, two 2 x 2 kernels, one output, bias 0.5, valid:
 * worked by hand in section 8. */
GRADED_TEST(layer, hand_computed, 2, SECTION)
{
    const float in[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, /* channel 0 */
                        1, 0, 1, 0, 1, 0, 1, 0, 1};
    const float weights[] = {1, 0, 0, 1, /* for channel 0: the diagonal */
                             0, 1, 1, 0};
    const float bias[] = {0.5f};
    cv_layer_shape shape = {2, 3, 3, 1, 2, 2};
    /* channel 0: img[y][x] + img[y+1][x+1] = 6, 8, 12, 14;
     * channel 1: img[y][x+1] + img[y+1][x] = 0, 2, 2, 0. */
    const float expected[] = {6.5f, 10.5f, 14.5f, 14.5f};
    float out[4] = {NAN, NAN, NAN, NAN};
    expect_status(cv_layer_forward(in, weights, bias, shape, CV_VALID, out), CV_OK,
                  "the two-channel example");
    for (int i = 0; i < 4; i++)
        expect_near(out[i], expected[i], 0, "the two-channel example, output (%d, %d)", i / 2,
                    i % 2);
}

GRADED_TEST(layer, random_against_reference, 4, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 25; round++) {
        cv_layer_shape s;
        s.c_in = 1 + rng_below(&r, 4);
        s.c_out = 1 + rng_below(&r, 4);
        s.h = 3 + rng_below(&r, 20);
        s.w = 3 + rng_below(&r, 20);
        s.kh = 1 + rng_below(&r, 4);
        s.kw = 1 + rng_below(&r, 4);
        cv_mode mode = MODES[round % 3];
        long rh = ref_size((long)s.h, (long)s.kh, mode), rw = ref_size((long)s.w, (long)s.kw, mode);
        if (rh <= 0 || rw <= 0)
            continue;
        size_t oh = (size_t)rh, ow = (size_t)rw;
        size_t plane = oh * ow, image = s.h * s.w, kernel = s.kh * s.kw;
        float *in = alloc_floats(s.c_in * image), *weights = alloc_floats(s.c_out * s.c_in * kernel);
        float *bias = alloc_floats(s.c_out), *out = alloc_poisoned(s.c_out * plane, 32);
        fill_uniform_f(&r, in, s.c_in * image, -1, 1);
        fill_uniform_f(&r, weights, s.c_out * s.c_in * kernel, -1, 1);
        fill_uniform_f(&r, bias, s.c_out, -1, 1);
        float *in_before = copy_floats(in, s.c_in * image);
        char what[200];
        snprintf(what, sizeof what, "a layer %zu -> %zu channels, %zu x %zu images, %zu x %zu "
                 "kernels, %s mode", s.c_in, s.c_out, s.h, s.w, s.kh, s.kw, mode_name(mode));
        expect_status(cv_layer_forward(in, weights, bias, s, mode, out), CV_OK, what);
        expect_guard(out, s.c_out * plane, 32, what);
        expect_floats_unchanged(in, in_before, s.c_in * image, "the layer's input");

        long double *expected = alloc_long_doubles(plane), *scale = alloc_long_doubles(plane);
        long double *sum = alloc_long_doubles(plane), *size = alloc_long_doubles(plane);
        for (size_t o = 0; o < s.c_out; o++) {
            for (size_t p = 0; p < plane; p++) {
                sum[p] = bias[o];
                size[p] = fabsl(sum[p]);
            }
            for (size_t c = 0; c < s.c_in; c++) {
                ref_correlate2d(in + c * image, (long)s.h, (long)s.w,
                                weights + (o * s.c_in + c) * kernel, (long)s.kh, (long)s.kw, mode,
                                expected, scale);
                for (size_t p = 0; p < plane; p++) {
                    sum[p] += expected[p];
                    size[p] += scale[p];
                }
            }
            char channel[240];
            snprintf(channel, sizeof channel, "%s, output channel %zu", what, o);
            expect_image(out + o * plane, sum, size, oh, ow,
                         1e-6 + 1.2e-7 * (double)(s.c_in * kernel + 1), channel);
        }
    }
}

GRADED_TEST(layer, shapes_and_errors, 2, SECTION)
{
    /* weights has room for the 5 x 5 kernels of too_big below: the grader copies
     * c_out * c_in * kh * kw values whatever the function does with them. */
    float in[2 * 16] = {0}, weights[3 * 2 * 25] = {0}, bias[3] = {1, 2, 3};
    float out[3 * 36];
    cv_layer_shape shape = {2, 4, 4, 3, 3, 3};
    /* Zero weights: every output pixel is its channel's bias, in every mode. */
    for (int m = 0; m < 3; m++) {
        size_t side = (size_t)ref_size(4, 3, MODES[m]);
        expect_status(cv_layer_forward(in, weights, bias, shape, MODES[m], out), CV_OK,
                      "a layer with zero weights");
        for (size_t o = 0; o < 3; o++)
            for (size_t p = 0; p < side * side; p++)
                expect_near(out[o * side * side + p], bias[o], 0,
                            "zero weights, %s mode: channel %zu, pixel %zu should be the bias",
                            mode_name(MODES[m]), o, p);
    }
    expect_status(cv_layer_forward(NULL, weights, bias, shape, CV_SAME, out), CV_ERR_ARG,
                  "in = NULL");
    expect_status(cv_layer_forward(in, NULL, bias, shape, CV_SAME, out), CV_ERR_ARG,
                  "weights = NULL");
    expect_status(cv_layer_forward(in, weights, NULL, shape, CV_SAME, out), CV_ERR_ARG,
                  "bias = NULL");
    expect_status(cv_layer_forward(in, weights, bias, shape, CV_SAME, NULL), CV_ERR_ARG,
                  "out = NULL");
    cv_layer_shape no_channels = {0, 4, 4, 3, 3, 3};
    expect_status(cv_layer_forward(in, weights, bias, no_channels, CV_SAME, out), CV_ERR_ARG,
                  "c_in = 0");
    cv_layer_shape too_big = {2, 4, 4, 3, 5, 5};
    expect_status(cv_layer_forward(in, weights, bias, too_big, CV_VALID, out), CV_ERR_SHAPE,
                  "5 x 5 kernels on 4 x 4 images, valid");
}

/* Shapes whose arrays would hold more floats than a size_t can count in
 * bytes: the input (c_in h w), the weights (c_out c_in kh kw) or the output
 * (c_out times a plane). CV_ERR_SHAPE, before anything is read, written or
 * allocated. */
GRADED_TEST(layer, sizes_that_overflow, 1, SECTION)
{
    const size_t big = (size_t)1 << (sizeof(size_t) * 4); /* 2^32 on 64 bits */
    const struct {
        cv_layer_shape shape;
        const char *why;
    } cases[] = {
        {{big, big / 4, 4, 1, 1, 1}, "c_in h w = 2^64 wraps to 0"},
        {{1, big * 2, big / 2, 1, 1, 1}, "h w = 2^64 wraps to 0"},
        {{big / 4, 2, 2, big, 1, 1}, "c_out c_in = 2^62 kernels of 4 bytes"},
        {{1, 4, 4, big * 2, big / 2, 1}, "c_out kh = 2^64 wraps to 0"},
        {{1, 4, 4, SIZE_MAX / 16 + 1, 1, 1}, "2^60 output planes of 4 x 4 floats"},
    };
    float *in = alloc_poisoned(16, 0), *weights = alloc_poisoned(16, 0);
    float *bias = alloc_poisoned(16, 0), *out = alloc_poisoned(0, 16);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        cv_layer_shape s = cases[c].shape;
        char what[200];
        snprintf(what, sizeof what, "a layer of %zu x %zu x %zu inputs, %zu outputs, %zu x %zu "
                 "kernels (%s)", s.c_in, s.h, s.w, s.c_out, s.kh, s.kw, cases[c].why);
        expect_status(cv_layer_forward(in, weights, bias, s, CV_SAME, out), CV_ERR_SHAPE, what);
        expect_guard(out, 0, 16, what);
    }
}
