/* Exercise 3: separable kernels (chapter section 6). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "grade.h"
#include "reference.h"

#define SECTION "6 Separable kernels"

static const cv_mode MODES[] = {CV_VALID, CV_SAME, CV_FULL};

GRADED_TEST(separable, gaussian_kernel, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        double sigma = 0.3 + 4 * rng_uniform(&r);
        size_t radius = rng_below(&r, 12);
        float k[25];
        for (size_t i = 0; i < 25; i++)
            k[i] = NAN;
        expect_status(cv_gaussian_kernel(sigma, radius, k), CV_OK, "cv_gaussian_kernel");
        long double sum = 0;
        for (long t = -(long)radius; t <= (long)radius; t++)
            sum += expl(-(long double)t * t / (2.0L * sigma * sigma));
        for (long t = -(long)radius; t <= (long)radius; t++) {
            long double expected = expl(-(long double)t * t / (2.0L * sigma * sigma)) / sum;
            expect_near(k[t + (long)radius], (double)expected, 1e-6,
                        "tap %ld of the Gaussian with sigma %g and radius %zu (relative)", t,
                        sigma, radius);
        }
        expect_true(isnan(k[2 * radius + 1]),
                    "cv_gaussian_kernel with radius %zu wrote k[%zu], past its %zu taps", radius,
                    2 * radius + 1, 2 * radius + 1);
    }
    float k[3];
    expect_status(cv_gaussian_kernel(0, 1, k), CV_ERR_ARG, "cv_gaussian_kernel with sigma 0");
    expect_status(cv_gaussian_kernel(-1, 1, k), CV_ERR_ARG, "cv_gaussian_kernel with sigma -1");
    expect_status(cv_gaussian_kernel(NAN, 1, k), CV_ERR_ARG, "cv_gaussian_kernel with sigma NaN");
    expect_status(cv_gaussian_kernel(1, 1, NULL), CV_ERR_ARG, "cv_gaussian_kernel with k NULL");
}

/* Any finite sigma > 0 is valid, and the kernel is finite and sums to 1 for
 * all of them. Below about 1e-162, 2 sigma^2 underflows to 0 and the centre
 * tap, exp(-0 / 0) computed naively, is NaN; the kernel's limit there is 1
 * at the centre and 0 elsewhere. For a huge sigma it is 1 / (2r + 1). The
 * expected taps are exp(-(t / sigma)^2 / 2) in long double: t / sigma is 0
 * at the centre for every sigma, and elsewhere large or small without a
 * NaN, whatever the range of long double. */
GRADED_TEST(separable, gaussian_kernel_for_any_sigma, 2, SECTION)
{
    const double sigmas[] = {0x1p-1074, 1e-310, 1e-300, 1e-170, 1e-163, 1e-160, 0.02, 0.1,
                             1e10,      1e154,  1e160,  1e300,  DBL_MAX};
    const size_t radii[] = {0, 1, 2, 7};
    for (size_t s = 0; s < sizeof sigmas / sizeof sigmas[0]; s++) {
        for (size_t q = 0; q < sizeof radii / sizeof radii[0]; q++) {
            double sigma = sigmas[s];
            size_t r = radii[q], taps = 2 * r + 1;
            float k[16];
            for (size_t i = 0; i < 16; i++)
                k[i] = NAN;
            char what[96];
            snprintf(what, sizeof what, "the Gaussian with sigma %g and radius %zu", sigma, r);
            expect_status(cv_gaussian_kernel(sigma, r, k), CV_OK, what);
            long double expected[15], sum = 0;
            for (size_t i = 0; i < taps; i++) {
                long double t = ((long double)i - (long double)r) / sigma;
                sum += expected[i] = expl(-t * t / 2);
            }
            double total = 0;
            for (size_t i = 0; i < taps; i++) {
                long double e = expected[i] / sum;
                if (!(fabsl(k[i] - e) <= 1e-6L * e + 1e-44L))
                    grade_fail("tap %ld of %s: expected %.9Lg, came %.9g (relative tolerance "
                               "1e-6)", (long)i - (long)r, what, e, k[i]);
                total += k[i];
            }
            expect_near(total, 1, 1e-6, "the sum of the taps of %s", what);
            if (sigma < 1e-3)
                expect_true(k[r] == 1.0f, "the centre tap of %s: expected exactly 1 (every other "
                            "tap is below 1e-1000), came %.9g", what, k[r]);
            expect_true(isnan(k[taps]), "cv_gaussian_kernel with radius %zu wrote k[%zu], past "
                        "its %zu taps", r, taps, taps);
        }
    }
}

/* The two 1-D passes must give the 2-D correlation with the outer product
 * col row^T, computed here by the definition. */
GRADED_TEST(separable, equals_the_2d_kernel, 4, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 60; round++) {
        int large = round >= 50;
        size_t h = 1 + rng_below(&r, large ? 150 : 14), w = 1 + rng_below(&r, large ? 300 : 14);
        size_t kh = 1 + rng_below(&r, round % 7 == 0 ? 18 : 7);
        size_t kw = 1 + rng_below(&r, round % 7 == 1 ? 18 : 7);
        cv_mode mode = MODES[round % 3];
        long rh = ref_size((long)h, (long)kh, mode), rw = ref_size((long)w, (long)kw, mode);
        if (rh <= 0 || rw <= 0)
            continue;
        size_t oh = (size_t)rh, ow = (size_t)rw;
        float *img = alloc_floats(h * w), *col = alloc_floats(kh), *row = alloc_floats(kw);
        float *k = alloc_floats(kh * kw);
        fill_uniform_f(&r, img, h * w, -1, 1);
        fill_uniform_f(&r, col, kh, -1, 1);
        fill_uniform_f(&r, row, kw, -1, 1);
        for (size_t i = 0; i < kh; i++)
            for (size_t j = 0; j < kw; j++)
                k[i * kw + j] = col[i] * row[j];
        enum { GUARD = 64 };
        float *out = alloc_poisoned(oh * ow, GUARD);
        float *img_before = copy_floats(img, h * w);
        long double *expected = alloc_long_doubles(oh * ow), *scale = alloc_long_doubles(oh * ow);
        char what[200];
        snprintf(what, sizeof what,
                 "separable correlation of a %zu x %zu image with %zu x %zu taps, %s mode", h, w,
                 kh, kw, mode_name(mode));
        expect_status(cv_correlate_separable(img, h, w, col, kh, row, kw, mode, out), CV_OK,
                      what);
        expect_guard(out, oh * ow, GUARD, what);
        expect_floats_unchanged(img, img_before, h * w, "the image");
        ref_correlate2d(img, (long)h, (long)w, k, (long)kh, (long)kw, mode, expected, scale);
        /* Two passes round twice; the products col[i] row[j] once more. */
        expect_image(out, expected, scale, oh, ow, 2e-6 + 2.4e-7 * (double)(kh + kw), what);
    }
}

/* A 3 x 3 box blur (1/3, 1/3, 1/3 both ways) of a constant image is that
 * constant inside and smaller at the borders, where zeros come in. */
GRADED_TEST(separable, box_blur_borders, 1, SECTION)
{
    float img[5 * 6], out[5 * 6];
    for (int i = 0; i < 30; i++)
        img[i] = 9;
    const float third[] = {1.0f / 3, 1.0f / 3, 1.0f / 3};
    expect_status(cv_correlate_separable(img, 5, 6, third, 3, third, 3, CV_SAME, out), CV_OK,
                  "box blur of a constant 5 x 6 image");
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 6; x++) {
            int rows = 3 - (y == 0) - (y == 4), cols = 3 - (x == 0) - (x == 5);
            expect_near(out[y * 6 + x], rows * cols, 1e-6,
                        "3 x 3 box blur of the constant 9 at (%d, %d): %d of the 9 pixels are "
                        "inside the image",
                        y, x, rows * cols);
        }
}

GRADED_TEST(separable, errors, 1, SECTION)
{
    const float img[12] = {0}, k[3] = {0};
    float out[64];
    expect_status(cv_correlate_separable(NULL, 3, 4, k, 3, k, 3, CV_SAME, out), CV_ERR_ARG,
                  "cv_correlate_separable with img = NULL");
    expect_status(cv_correlate_separable(img, 3, 4, NULL, 3, k, 3, CV_SAME, out), CV_ERR_ARG,
                  "cv_correlate_separable with col = NULL");
    expect_status(cv_correlate_separable(img, 3, 4, k, 3, NULL, 3, CV_SAME, out), CV_ERR_ARG,
                  "cv_correlate_separable with row = NULL");
    expect_status(cv_correlate_separable(img, 3, 4, k, 3, k, 3, CV_SAME, NULL), CV_ERR_ARG,
                  "cv_correlate_separable with out = NULL");
    expect_status(cv_correlate_separable(img, 3, 4, k, 0, k, 3, CV_SAME, out), CV_ERR_ARG,
                  "cv_correlate_separable with kh = 0");
    expect_status(cv_correlate_separable(img, 3, 4, k, 3, k, 3, (cv_mode)4, out), CV_ERR_ARG,
                  "cv_correlate_separable with an unknown mode");
    expect_status(cv_correlate_separable(img, 2, 4, k, 3, k, 3, CV_VALID, out), CV_ERR_SHAPE,
                  "cv_correlate_separable valid, 3 taps on 2 rows");
}

/* As for cv_correlate2d: sizes whose products wrap around a size_t are
 * CV_ERR_SHAPE, before any pixel is touched. */
GRADED_TEST(separable, sizes_that_overflow, 1, SECTION)
{
    const size_t big = (size_t)1 << (sizeof(size_t) * 4); /* 2^32 on 64 bits */
    const struct {
        size_t h, w, kh, kw;
        cv_mode mode;
        const char *why;
    } cases[] = {
        {big * 2, big / 2, 1, 1, CV_VALID, "h * w = 2^64 wraps to 0"},
        {big, big / 4, 3, 1, CV_SAME, "h * w * sizeof(float) = 2^64 bytes"},
        {1, big / 2, big * 2, 1, CV_FULL, "the full output, (2^33) x (2^31), wraps to 0"},
        {2, SIZE_MAX, 1, 2, CV_FULL, "w + kw - 1 wraps to 0"},
    };
    float *img = alloc_poisoned(16, 0), *col = alloc_poisoned(16, 0);
    float *row = alloc_poisoned(16, 0), *out = alloc_poisoned(0, 16);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char what[160];
        snprintf(what, sizeof what, "separable correlation of a %zu x %zu image with %zu and %zu "
                 "taps, %s (%s)", cases[c].h, cases[c].w, cases[c].kh, cases[c].kw,
                 mode_name(cases[c].mode), cases[c].why);
        expect_status(cv_correlate_separable(img, cases[c].h, cases[c].w, col, cases[c].kh, row,
                                             cases[c].kw, cases[c].mode, out),
                      CV_ERR_SHAPE, what);
        expect_guard(out, 0, 16, what);
    }
}
