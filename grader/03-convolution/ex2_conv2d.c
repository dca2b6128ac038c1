/* Exercise 2: 2-D convolution and cross-correlation (chapter section 5). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "5 Images and 2-D convolution"

static const cv_mode MODES[] = {CV_VALID, CV_SAME, CV_FULL};

typedef cv_status (*conv2d_fn)(const float *, size_t, size_t, const float *, size_t, size_t,
                               cv_mode, float *);

/* Rounding in float: each of the kh * kw terms may add an error of about
 * 2^-24 of the sum of the terms' sizes. */
static double float_tolerance(size_t kh, size_t kw)
{
    return 1e-6 + 1.2e-7 * (double)(kh * kw);
}

/* Runs fn (correlate or convolve) on img and k and compares it with the
 * long-double reference, checking the output's bounds and the inputs. */
static void check_2d(int convolve, const float *img, size_t h, size_t w, const float *k,
                     size_t kh, size_t kw, cv_mode mode, const char *about)
{
    size_t oh = cv_output_size(h, kh, mode), ow = cv_output_size(w, kw, mode);
    long rh = ref_size((long)h, (long)kh, mode), rw = ref_size((long)w, (long)kw, mode);
    char what[200];
    snprintf(what, sizeof what, "%s a %s %zu x %zu image with a %zu x %zu kernel, %s mode",
             convolve ? "convolving" : "correlating", about, h, w, kh, kw, mode_name(mode));
    if (rh <= 0 || rw <= 0)
        return;
    if (oh != (size_t)rh || ow != (size_t)rw)
        grade_fail("%s: cv_output_size gives %zu x %zu, expected %ld x %ld", what, oh, ow, rh,
                   rw);
    enum { GUARD = 64 };
    float *out = alloc_poisoned(oh * ow, GUARD);
    float *img_before = copy_floats(img, h * w), *k_before = copy_floats(k, kh * kw);
    long double *expected = alloc_long_doubles(oh * ow), *scale = alloc_long_doubles(oh * ow);
    conv2d_fn fn = convolve ? cv_convolve2d : cv_correlate2d;
    expect_status(fn(img, h, w, k, kh, kw, mode, out), CV_OK, what);
    expect_guard(out, oh * ow, GUARD, what);
    expect_floats_unchanged(img, img_before, h * w, "the image");
    expect_floats_unchanged(k, k_before, kh * kw, "the kernel");
    if (convolve)
        ref_convolve2d(img, (long)h, (long)w, k, (long)kh, (long)kw, mode, expected, scale);
    else
        ref_correlate2d(img, (long)h, (long)w, k, (long)kh, (long)kw, mode, expected, scale);
    expect_image(out, expected, scale, oh, ow, float_tolerance(kh, kw), what);
}

/* Worked by hand in section 5: a 3 x 3 image, a 2 x 2 kernel. */
GRADED_TEST(conv2d, hand_computed, 2, SECTION)
{
    const float img[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    const float k[] = {1, 0, 0, -1};
    float out[16];
    /* Correlation, valid: out[y][x] = img[y][x] - img[y+1][x+1] = -4 everywhere. */
    expect_status(cv_correlate2d(img, 3, 3, k, 2, 2, CV_VALID, out), CV_OK,
                  "correlating 1..9 with [1 0; 0 -1], valid");
    for (int i = 0; i < 4; i++)
        expect_near(out[i], -4, 0, "correlating 1..9 with [1 0; 0 -1], valid, out[%d]", i);
    /* Convolution flips the kernel to [-1 0; 0 1]: +4 everywhere in valid. */
    expect_status(cv_convolve2d(img, 3, 3, k, 2, 2, CV_VALID, out), CV_OK,
                  "convolving 1..9 with [1 0; 0 -1], valid");
    for (int i = 0; i < 4; i++)
        expect_near(out[i], 4, 0, "convolving 1..9 with [1 0; 0 -1], valid, out[%d]", i);
    /* Full correlation, 4 x 4: out[y][x] = img[y-1][x-1] - img[y][x]. */
    const float full[] = {-1, -2, -3, 0, -4, -4, -4, 3, -7, -4, -4, 6, 0, 7, 8, 9};
    expect_status(cv_correlate2d(img, 3, 3, k, 2, 2, CV_FULL, out), CV_OK,
                  "correlating 1..9 with [1 0; 0 -1], full");
    for (int i = 0; i < 16; i++)
        expect_near(out[i], full[i], 0,
                    "correlating 1..9 with [1 0; 0 -1], full, out[%d][%d]", i / 4, i % 4);
    /* The edge detector of section 5 on the same image, same mode: the
     * centre sees 8 * 5 - (1+2+3+4+6+7+8+9) = 0, the corner 8 * 1 - (2+4+5) = -3. */
    const float edge[] = {-1, -1, -1, -1, 8, -1, -1, -1, -1};
    const float same[] = {-3, -3, 11, 9, 0, 21, 39, 33, 53};
    expect_status(cv_correlate2d(img, 3, 3, edge, 3, 3, CV_SAME, out), CV_OK,
                  "the edge kernel on 1..9, same");
    for (int i = 0; i < 9; i++)
        expect_near(out[i], same[i], 0, "the edge kernel on 1..9, same, out[%d][%d]", i / 3,
                    i % 3);
}

GRADED_TEST(conv2d, random_small, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 150; round++) {
        size_t h = 1 + rng_below(&r, 12), w = 1 + rng_below(&r, 12);
        size_t kh = 1 + rng_below(&r, round % 5 == 0 ? 16 : 6);
        size_t kw = 1 + rng_below(&r, round % 5 == 1 ? 16 : 6);
        float *img = alloc_floats(h * w), *k = alloc_floats(kh * kw);
        fill_uniform_f(&r, img, h * w, -1, 1);
        fill_uniform_f(&r, k, kh * kw, -1, 1);
        check_2d(round % 2, img, h, w, k, kh, kw, MODES[round % 3], "random");
    }
}

/* Images big enough for a fast implementation's interior paths, with the
 * kernel sizes of the chapter's gallery and a few odd shapes. */
GRADED_TEST(conv2d, random_large, 3, SECTION)
{
    static const size_t kernels[][2] = {{3, 3}, {5, 5}, {1, 1}, {1, 7}, {7, 1},
                                        {2, 2}, {4, 6}, {9, 9}, {3, 5}};
    rng r;
    grade_rng(&r);
    for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++) {
        size_t h = 20 + rng_below(&r, 100), w = 20 + rng_below(&r, 300);
        size_t kh = kernels[i][0], kw = kernels[i][1];
        float *img = alloc_floats(h * w), *k = alloc_floats(kh * kw);
        fill_uniform_f(&r, img, h * w, 0, 1);
        fill_uniform_f(&r, k, kh * kw, -1, 1);
        for (int m = 0; m < 3; m++)
            check_2d(i % 2, img, h, w, k, kh, kw, MODES[m], "random");
    }
}

/* Linearity, shift equivariance, the identity kernel, and the flip that
 * relates convolution and correlation. */
GRADED_TEST(conv2d, properties, 4, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t h = 6 + rng_below(&r, 40), w = 6 + rng_below(&r, 40);
        size_t kh = 1 + rng_below(&r, 5), kw = 1 + rng_below(&r, 5), n = h * w;
        cv_mode mode = MODES[round % 3];
        size_t oh = (size_t)ref_size((long)h, (long)kh, mode),
               ow = (size_t)ref_size((long)w, (long)kw, mode), m = oh * ow;
        float *a = alloc_floats(n), *b = alloc_floats(n), *mix = alloc_floats(n);
        float *k = alloc_floats(kh * kw), *turned = alloc_floats(kh * kw);
        fill_uniform_f(&r, a, n, -1, 1);
        fill_uniform_f(&r, b, n, -1, 1);
        fill_uniform_f(&r, k, kh * kw, -1, 1);
        /* Dyadic weights keep 0.5 a + 0.25 b exact in float. */
        for (size_t i = 0; i < n; i++)
            mix[i] = 0.5f * a[i] + 0.25f * b[i];
        float *ka = alloc_floats(m), *kb = alloc_floats(m), *kmix = alloc_floats(m);
        expect_status(cv_correlate2d(a, h, w, k, kh, kw, mode, ka), CV_OK,
                      "correlating random image a with kernel k");
        expect_status(cv_correlate2d(b, h, w, k, kh, kw, mode, kb), CV_OK,
                      "correlating random image b with kernel k");
        expect_status(cv_correlate2d(mix, h, w, k, kh, kw, mode, kmix), CV_OK,
                      "correlating a / 2 + b / 4 with kernel k");
        double tol = 4 * float_tolerance(kh, kw) * (double)(kh * kw);
        for (size_t i = 0; i < m; i++)
            expect_near(kmix[i], 0.5 * ka[i] + 0.25 * kb[i], tol,
                        "linearity: k . (a / 2 + b / 4) against (k . a) / 2 + (k . b) / 4 at "
                        "(%zu, %zu), %s mode",
                        i / ow, i % ow, mode_name(mode));

        /* Turning the kernel by 180 degrees swaps the two operations. */
        for (size_t i = 0; i < kh * kw; i++)
            turned[i] = k[kh * kw - 1 - i];
        float *conv = alloc_floats(m), *corr = alloc_floats(m);
        expect_status(cv_convolve2d(a, h, w, k, kh, kw, mode, conv), CV_OK,
                      "convolving random image a with kernel k");
        expect_status(cv_correlate2d(a, h, w, turned, kh, kw, mode, corr), CV_OK,
                      "correlating a with k turned by 180 degrees");
        for (size_t i = 0; i < m; i++)
            expect_near(conv[i], corr[i], tol,
                        "convolving with k against correlating with k turned by 180 degrees, "
                        "at (%zu, %zu), %s mode, %zu x %zu kernel",
                        i / ow, i % ow, mode_name(mode), kh, kw);

        /* Shifting the image by (dy, dx) shifts a valid result the same way. */
        size_t dy = rng_below(&r, 3), dx = rng_below(&r, 3);
        size_t sh = h - dy, sw = w - dx;
        float *shifted = alloc_floats(sh * sw);
        for (size_t y = 0; y < sh; y++)
            for (size_t x = 0; x < sw; x++)
                shifted[y * sw + x] = a[(y + dy) * w + x + dx];
        long vh = ref_size((long)h, (long)kh, CV_VALID), vw = ref_size((long)w, (long)kw, CV_VALID);
        long svh = ref_size((long)sh, (long)kh, CV_VALID), svw = ref_size((long)sw, (long)kw, CV_VALID);
        if (svh > 0 && svw > 0) {
            float *whole = alloc_floats((size_t)(vh * vw)), *part = alloc_floats((size_t)(svh * svw));
            expect_status(cv_correlate2d(a, h, w, k, kh, kw, CV_VALID, whole), CV_OK,
                          "k . a, valid");
            expect_status(cv_correlate2d(shifted, sh, sw, k, kh, kw, CV_VALID, part), CV_OK,
                          "k . shifted a, valid");
            for (long y = 0; y < svh; y++)
                for (long x = 0; x < svw; x++)
                    expect_near(part[y * svw + x], whole[(y + dy) * vw + x + dx], 1e-6,
                                "shift equivariance: the image moved by (%zu, %zu), output at "
                                "(%ld, %ld)",
                                dy, dx, y, x);
        }
    }
    /* The identity: a centred impulse in same mode gives the image back. */
    size_t h = 17, w = 23;
    float *img = alloc_floats(h * w), *out = alloc_floats(h * w);
    fill_uniform_f(&r, img, h * w, -5, 5);
    for (size_t size = 1; size <= 7; size += 2) {
        float impulse[49] = {0};
        impulse[(size / 2) * size + size / 2] = 1;
        for (int convolve = 0; convolve < 2; convolve++) {
            conv2d_fn fn = convolve ? cv_convolve2d : cv_correlate2d;
            expect_status(fn(img, h, w, impulse, size, size, CV_SAME, out), CV_OK,
                          "the identity kernel");
            for (size_t i = 0; i < h * w; i++)
                expect_true(out[i] == img[i],
                            "%s a %zu x %zu centred impulse in same mode should give the image "
                            "back: at (%zu, %zu) expected %g, came %g",
                            convolve ? "convolving with" : "correlating with", size, size, i / w,
                            i % w, img[i], out[i]);
        }
    }
}

GRADED_TEST(conv2d, errors, 2, SECTION)
{
    /* k has room for the 3 x 5 kernel of the last case: the grader copies
     * kh * kw values whatever the function does with them. */
    const float img[12] = {0}, k[15] = {0};
    float out[64];
    conv2d_fn fns[] = {cv_correlate2d, cv_convolve2d};
    const char *names[] = {"cv_correlate2d", "cv_convolve2d"};
    char what[128];
    for (int i = 0; i < 2; i++) {
        snprintf(what, sizeof what, "%s with img = NULL", names[i]);
        expect_status(fns[i](NULL, 3, 4, k, 3, 3, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with k = NULL", names[i]);
        expect_status(fns[i](img, 3, 4, NULL, 3, 3, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with out = NULL", names[i]);
        expect_status(fns[i](img, 3, 4, k, 3, 3, CV_SAME, NULL), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with h = 0", names[i]);
        expect_status(fns[i](img, 0, 4, k, 3, 3, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with w = 0", names[i]);
        expect_status(fns[i](img, 3, 0, k, 3, 3, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with kw = 0", names[i]);
        expect_status(fns[i](img, 3, 4, k, 3, 0, CV_SAME, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s with an unknown mode", names[i]);
        expect_status(fns[i](img, 3, 4, k, 3, 3, (cv_mode)5, out), CV_ERR_ARG, what);
        snprintf(what, sizeof what, "%s valid, a 3 x 5 kernel on a 3 x 4 image", names[i]);
        expect_status(fns[i](img, 3, 4, k, 3, 5, CV_VALID, out), CV_ERR_SHAPE, what);
    }
}

/* Sizes whose products wrap around a size_t: h * w = 2^33 * 2^31 = 2^64 is
 * 0 in 64 bits, and 2^32 * 2^30 floats are 2^64 bytes. No such array can
 * exist, so the answer is CV_ERR_SHAPE, before any pixel is touched (the
 * buffers passed are 16 floats long). */
GRADED_TEST(conv2d, sizes_that_overflow, 1, SECTION)
{
    const size_t big = (size_t)1 << (sizeof(size_t) * 4); /* 2^32 on 64 bits */
    const struct {
        size_t h, w, kh, kw;
        cv_mode mode;
        const char *why;
    } cases[] = {
        {big * 2, big / 2, 1, 1, CV_VALID, "h * w = 2^64 wraps to 0"},
        {big, big / 4, 1, 1, CV_SAME, "h * w * sizeof(float) = 2^64 bytes"},
        {big / 4, big, 3, 3, CV_FULL, "h * w * sizeof(float) = 2^64 bytes"},
        {2, 2, big * 2, big / 2, CV_FULL, "kh * kw = 2^64 wraps to 0"},
        {1, big / 2, big * 2, 1, CV_FULL, "the full output, (2^33) x (2^31), wraps to 0"},
        {SIZE_MAX, 1, 2, 1, CV_FULL, "h + kh - 1 wraps to 0"},
    };
    float *img = alloc_poisoned(16, 0), *k = alloc_poisoned(16, 0);
    float *out = alloc_poisoned(0, 16);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        char what[160];
        snprintf(what, sizeof what, "correlating a %zu x %zu image with a %zu x %zu kernel, %s "
                 "(%s)", cases[c].h, cases[c].w, cases[c].kh, cases[c].kw,
                 mode_name(cases[c].mode), cases[c].why);
        expect_status(cv_correlate2d(img, cases[c].h, cases[c].w, k, cases[c].kh, cases[c].kw,
                                     cases[c].mode, out),
                      CV_ERR_SHAPE, what);
        snprintf(what, sizeof what, "convolving a %zu x %zu image with a %zu x %zu kernel, %s "
                 "(%s)", cases[c].h, cases[c].w, cases[c].kh, cases[c].kw,
                 mode_name(cases[c].mode), cases[c].why);
        expect_status(cv_convolve2d(img, cases[c].h, cases[c].w, k, cases[c].kh, cases[c].kw,
                                    cases[c].mode, out),
                      CV_ERR_SHAPE, what);
        expect_guard(out, 0, 16, what);
    }
}
