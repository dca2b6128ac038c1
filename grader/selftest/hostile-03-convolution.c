/* hostile-03-convolution.c: a deliberately broken "student" for lesson 03.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-03-convolution.h). grader/selftest/run.sh grades
 * this and checks that each misbehaviour costs exactly the tests it breaks,
 * with the right message, in bounded time. expected-03-convolution.tsv lists
 * the outcome of every test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rename-03-convolution.h"
#include "convolution.h" /* declares the real_* functions */
#undef cv_status_str
#undef cv_mode_str
#undef cv_output_size
#undef cv_convolve1d
#undef cv_correlate1d
#undef cv_correlate2d
#undef cv_convolve2d
#undef cv_correlate_separable
#undef cv_gaussian_kernel
#undef cv_pool_output_size
#undef cv_pool
#undef cv_layer_forward
#undef cv_image_load
#undef cv_image_save_png
#undef cv_image_free

const char *cv_status_str(cv_status status)
{
    return real_cv_status_str(status);
}

const char *cv_mode_str(cv_mode mode)
{
    return real_cv_mode_str(mode);
}

size_t cv_output_size(size_t n, size_t k, cv_mode mode)
{
    return real_cv_output_size(n, k, mode);
}

/* Full mode prints a debugging line without its newline, then crashes: the
 * text must still reach the student. Valid and same modes work. */
cv_status cv_convolve1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                        double *out)
{
    if (mode == CV_FULL && f && g && out && n && k) {
        printf("full convolution of %zu samples with %zu taps", n, k);
        *(volatile double *)16 = 0; /* an invalid address (not NULL: UBSan would say so first) */
    }
    return real_cv_convolve1d(f, n, g, k, mode, out);
}

cv_status cv_correlate1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                         double *out)
{
    return real_cv_correlate1d(f, n, g, k, mode, out);
}

cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out)
{
    return real_cv_correlate2d(img, h, w, k, kh, kw, mode, out);
}

/* Right, then checks the result against a turned copy of the kernel that it
 * has already freed: a use after free. */
cv_status cv_convolve2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                        size_t kw, cv_mode mode, float *out)
{
    cv_status s = real_cv_convolve2d(img, h, w, k, kh, kw, mode, out);
    if (s != CV_OK)
        return s;
    float *turned = malloc(kh * kw * sizeof *turned);
    if (!turned)
        return CV_ERR_NOMEM;
    for (size_t i = 0; i < kh * kw; i++)
        turned[i] = k[kh * kw - 1 - i];
    free(turned);
    if (((volatile float *)turned)[0] != k[kh * kw - 1]) /* after the free */
        s = CV_ERR_ARG;
    return s;
}

/* Frees its working memory twice when it succeeds. */
cv_status cv_correlate_separable(const float *img, size_t h, size_t w, const float *col,
                                 size_t kh, const float *row, size_t kw, cv_mode mode,
                                 float *out)
{
    cv_status s = real_cv_correlate_separable(img, h, w, col, kh, row, kw, mode, out);
    if (s != CV_OK)
        return s;
    float *volatile tmp = malloc(h * w * sizeof *tmp);
    if (!tmp)
        return CV_ERR_NOMEM;
    free(tmp);
    free(tmp); /* "clean up" once more */
    return s;
}

/* Leaves the program on a bad sigma instead of returning CV_ERR_ARG. */
cv_status cv_gaussian_kernel(double sigma, size_t r, float *k)
{
    if (!(sigma > 0)) {
        fprintf(stderr, "cv_gaussian_kernel: sigma must be positive\n");
        _exit(3);
    }
    return real_cv_gaussian_kernel(sigma, r, k);
}

size_t cv_pool_output_size(size_t n, size_t size, size_t stride)
{
    return real_cv_pool_output_size(n, size, stride);
}

/* Average pooling keeps a buffer per window and never stops asking for more. */
cv_status cv_pool(const float *img, size_t h, size_t w, size_t size, size_t stride,
                  cv_pool_kind kind, float *out)
{
    cv_status s = real_cv_pool(img, h, w, size, stride, kind, out);
    if (s != CV_OK || kind != CV_POOL_AVERAGE)
        return s;
    void *volatile chain = NULL; /* volatile: the optimiser may not drop the blocks */
    for (;;) {
        void **block = malloc(1 << 20);
        if (!block)
            break;
        *block = chain;
        chain = block;
    }
    return s;
}

/* Closes every descriptor it might have opened, the grader's pipes among
 * them, then never returns: the test must time out, not hang. */
cv_status cv_layer_forward(const float *in, const float *weights, const float *bias,
                           cv_layer_shape shape, cv_mode mode, float *out)
{
    for (int fd = 3; fd < 256; fd++)
        close(fd);
    volatile int spin = 1;
    while (spin)
        ;
    return real_cv_layer_forward(in, weights, bias, shape, mode, out);
}

/* Loads the image into an array on its own stack and returns a pointer to
 * it: the array is gone when the function returns. */
cv_status cv_image_load(const char *path, cv_image *img, char *err, size_t err_size)
{
    cv_status s = real_cv_image_load(path, img, err, err_size);
    if (s != CV_OK)
        return s;
    float pixels[300 * 451]; /* the largest image of the course, data/chelsea.png */
    size_t n = img->h * img->w < 300 * 451 ? img->h * img->w : 300 * 451;
    memcpy(pixels, img->pixels, n * sizeof *pixels);
    free(img->pixels);
    img->pixels = pixels;
    return s;
}

cv_status cv_image_save_png(const char *path, const float *pixels, size_t h, size_t w,
                            char *err, size_t err_size)
{
    return real_cv_image_save_png(path, pixels, h, w, err, err_size);
}

void cv_image_free(cv_image *img)
{
    real_cv_image_free(img);
}
