/* race.c: lesson 03's races (`make race LESSON=03`; see grader/runner/race.h):
 * 'same' 2-D correlation with a 3x3 and a 5x5 kernel, the filters of
 * section 10, on an image small enough that a race takes a second or two. */
#include "convolution.h"
#include "race.h"

enum { SIZE = 2048 };

RACE_REFERENCE(cv_correlate2d);

typedef struct {
    const float *img, *k;
    size_t kh, kw;
    float *out;
} filter_job;

/* The four loops straight from the definition, a bounds test on every tap. */
static void naive_correlate_same(const filter_job *j)
{
    long oy = (long)(j->kh - 1) / 2, ox = (long)(j->kw - 1) / 2, n = SIZE;
    for (long y = 0; y < n; y++)
        for (long x = 0; x < n; x++) {
            float sum = 0.0f;
            for (long i = 0; i < (long)j->kh; i++)
                for (long c = 0; c < (long)j->kw; c++) {
                    long r = y + i - oy, col = x + c - ox;
                    if (r >= 0 && r < n && col >= 0 && col < n)
                        sum += j->img[r * n + col] * j->k[i * (long)j->kw + c];
                }
            j->out[y * n + x] = sum;
        }
}

static void run_call(void *ctx)
{
    filter_job *j = ctx;
    cv_correlate2d(j->img, SIZE, SIZE, j->k, j->kh, j->kw, CV_SAME, j->out);
}

static void run_naive(void *ctx)
{
    naive_correlate_same(ctx);
}

static void race_filter(size_t size)
{
    rng r;
    grade_rng(&r);
    size_t pixels = (size_t)SIZE * SIZE;
    float *img = grade_alloc(pixels, sizeof *img), *k = grade_alloc(size * size, sizeof *k);
    float *out = grade_alloc(pixels, sizeof *out), *expected = grade_alloc(pixels, sizeof *out);
    for (size_t i = 0; i < pixels; i++)
        img[i] = (float)rng_uniform(&r);
    for (size_t i = 0; i < size * size; i++)
        k[i] = (float)rng_uniform(&r) - 0.5f;
    race_expect(cv_correlate2d(img, SIZE, SIZE, k, size, size, CV_SAME, out) == CV_OK,
                "cv_correlate2d did not return CV_OK");
    race_ref_cv_correlate2d(img, SIZE, SIZE, k, size, size, CV_SAME, expected);
    race_expect_floats(out, expected, pixels, 1e-4, "out");
    filter_job job = {img, k, size, size, out};
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{img, pixels * sizeof *img}, {k, size * size * sizeof *k}},
                            .out = {{out, pixels * sizeof *out}}});
}

RACE(conv3x3, "10 Going fast (optional)", "3x3 'same' correlation of a 2048x2048 float image")
{
    race_filter(3);
}

RACE(conv5x5, "10 Going fast (optional)", "5x5 'same' correlation of a 2048x2048 float image")
{
    race_filter(5);
}
