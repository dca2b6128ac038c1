/* Exercise 4: pooling (chapter section 7). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "grade.h"
#include "reference.h"

#define SECTION "7 Pooling"

GRADED_TEST(pool, output_size, 1, SECTION)
{
    expect_int((long long)cv_pool_output_size(4, 2, 2), 2, "4 pixels, windows of 2, stride 2");
    expect_int((long long)cv_pool_output_size(5, 3, 1), 3, "5 pixels, windows of 3, stride 1");
    expect_int((long long)cv_pool_output_size(7, 3, 2), 3, "7 pixels, windows of 3, stride 2");
    expect_int((long long)cv_pool_output_size(7, 1, 3), 3, "7 pixels, windows of 1, stride 3");
    expect_int((long long)cv_pool_output_size(5, 2, 2), 0,
               "5 pixels, windows of 2, stride 2 (the last pixel is left over)");
    expect_int((long long)cv_pool_output_size(2, 3, 1), 0, "2 pixels, windows of 3");
    expect_int((long long)cv_pool_output_size(4, 0, 1), 0, "windows of 0");
    expect_int((long long)cv_pool_output_size(4, 2, 0), 0, "stride 0");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 300; round++) {
        long n = 1 + (long)rng_below(&r, 300), size = 1 + (long)rng_below(&r, 9),
             stride = 1 + (long)rng_below(&r, 9);
        long expected = size <= n && (n - size) % stride == 0 ? (n - size) / stride + 1 : 0;
        expect_int((long long)cv_pool_output_size((size_t)n, (size_t)size, (size_t)stride),
                   expected, "%ld pixels, windows of %ld, stride %ld", n, size, stride);
    }
}

/* The lecture's two 4 x 4 examples (they differ in the top-left pixel). */
GRADED_TEST(pool, the_lecture_examples, 2, SECTION)
{
    const float max_img[] = {29, 15, 28, 184, 0, 100, 70, 38, 12, 12, 7, 2, 12, 12, 45, 6};
    const float avg_img[] = {31, 15, 28, 184, 0, 100, 70, 38, 12, 12, 7, 2, 12, 12, 45, 6};
    const float max_expected[] = {100, 184, 12, 45}, avg_expected[] = {36.5f, 80, 12, 15};
    float out[4];
    expect_status(cv_pool(max_img, 4, 4, 2, 2, CV_POOL_MAX, out), CV_OK, "max pooling 2 x 2");
    for (int i = 0; i < 4; i++)
        expect_near(out[i], max_expected[i], 0, "max pooling the lecture's example, window %d",
                    i);
    expect_status(cv_pool(avg_img, 4, 4, 2, 2, CV_POOL_AVERAGE, out), CV_OK,
                  "average pooling 2 x 2");
    for (int i = 0; i < 4; i++)
        expect_near(out[i], avg_expected[i], 1e-7,
                    "average pooling the lecture's example, window %d (the slide rounds 36.5 "
                    "to 36)",
                    i);
}

GRADED_TEST(pool, random_against_reference, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 80; round++) {
        size_t size = 1 + rng_below(&r, 5), stride = 1 + rng_below(&r, 5);
        size_t oh = 1 + rng_below(&r, 12), ow = 1 + rng_below(&r, 12);
        size_t h = (oh - 1) * stride + size, w = (ow - 1) * stride + size;
        cv_pool_kind kind = round % 2 ? CV_POOL_MAX : CV_POOL_AVERAGE;
        float *img = alloc_floats(h * w), *out = alloc_poisoned(oh * ow, 16);
        fill_uniform_f(&r, img, h * w, round % 4 < 2 ? -100 : 0, 100);
        float *before = copy_floats(img, h * w);
        long double *expected = alloc_long_doubles(oh * ow);
        char what[160];
        snprintf(what, sizeof what, "%s pooling a %zu x %zu image, windows of %zu, stride %zu",
                 kind == CV_POOL_MAX ? "max" : "average", h, w, size, stride);
        expect_status(cv_pool(img, h, w, size, stride, kind, out), CV_OK, what);
        expect_guard(out, oh * ow, 16, what);
        expect_floats_unchanged(img, before, h * w, "the image");
        ref_pool(img, (long)h, (long)w, (long)size, (long)stride, kind, expected);
        expect_image(out, expected, NULL, oh, ow, kind == CV_POOL_MAX ? 0 : 1e-6, what);
    }
}

GRADED_TEST(pool, rejects_bad_shapes, 2, SECTION)
{
    float img[30] = {0};
    float out[40];
    for (int i = 0; i < 40; i++)
        out[i] = NAN;
    expect_status(cv_pool(img, 5, 6, 2, 2, CV_POOL_MAX, out), CV_ERR_SHAPE,
                  "2 x 2 windows, stride 2, over 5 rows (one row left over)");
    expect_status(cv_pool(img, 6, 5, 2, 2, CV_POOL_AVERAGE, out), CV_ERR_SHAPE,
                  "2 x 2 windows, stride 2, over 5 columns");
    expect_status(cv_pool(img, 2, 2, 3, 1, CV_POOL_MAX, out), CV_ERR_SHAPE,
                  "3 x 3 windows on a 2 x 2 image");
    for (int i = 0; i < 40; i++)
        expect_true(isnan(out[i]), "a rejected shape must leave out alone, but out[%d] changed", i);
    expect_status(cv_pool(NULL, 4, 4, 2, 2, CV_POOL_MAX, out), CV_ERR_ARG, "img = NULL");
    expect_status(cv_pool(img, 4, 4, 2, 2, CV_POOL_MAX, NULL), CV_ERR_ARG, "out = NULL");
    expect_status(cv_pool(img, 4, 4, 0, 2, CV_POOL_MAX, out), CV_ERR_ARG, "windows of 0");
    expect_status(cv_pool(img, 4, 4, 2, 0, CV_POOL_MAX, out), CV_ERR_ARG, "stride 0");
    expect_status(cv_pool(img, 0, 4, 2, 2, CV_POOL_MAX, out), CV_ERR_ARG, "h = 0");
    expect_status(cv_pool(img, 4, 4, 2, 2, (cv_pool_kind)3, out), CV_ERR_ARG,
                  "an unknown kind of pooling");
}

/* An image of 2^33 x 2^31 pixels (h * w wraps to 0 in 64 bits) cannot
 * exist: CV_ERR_SHAPE, before any pixel is read. */
GRADED_TEST(pool, sizes_that_overflow, 1, SECTION)
{
    const size_t big = (size_t)1 << (sizeof(size_t) * 4); /* 2^32 on 64 bits */
    float *img = alloc_poisoned(16, 0), *out = alloc_poisoned(0, 16);
    expect_status(cv_pool(img, big * 2, big / 2, 2, 2, CV_POOL_MAX, out), CV_ERR_SHAPE,
                  "max pooling a 2^33 x 2^31 image (h * w wraps to 0)");
    expect_status(cv_pool(img, big, big / 4, 1, 1, CV_POOL_AVERAGE, out), CV_ERR_SHAPE,
                  "average pooling a 2^32 x 2^30 image (2^64 bytes)");
    expect_guard(out, 0, 16, "pooling an image too large to exist");
}
