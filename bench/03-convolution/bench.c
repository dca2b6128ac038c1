/* bench.c: lesson 03's 2-D convolution against naive C, OpenCV and memcpy.
 *
 *     make bench LESSON=03
 *
 * Cross-correlates a 4096 x 4096 float image (64 MB in, 64 MB out) in
 * 'same' mode with a 3 x 3 and a 5 x 5 kernel, four ways: cv_correlate2d,
 * the naive four-loop version with a bounds test on every tap, OpenCV's
 * cv::filter2D (Debian's OpenCV, on one thread), and memcpy of the same
 * image, the memory bound (no filter can read and write the pixels faster
 * than a copy does). Then Gaussian blurs: two 1-D passes
 * (cv_correlate_separable) against the direct 2-D kernel, their outer
 * product, and OpenCV's cv::sepFilter2D. Lines end in ratio=R, the second
 * method's time divided by the first's: against memcpy, R is the fraction
 * of memcpy's pixel rate that the first method reaches. Single thread
 * throughout. */
#include "convolution.h"
#include "opencv_filter.h"
#include "rng.h"
#include "machine.h"
#include "timing.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REPS = 7 };
#define SIZE ((size_t)4096) /* the image is SIZE x SIZE */

/* ---- the methods ------------------------------------------------------------ */

/* What a student writes first, straight from the definition: four loops,
 * and a test on every tap for the pixels outside the image. */
static void naive_correlate_same(const float *img, size_t h, size_t w, const float *k,
                                 size_t kh, size_t kw, float *out)
{
    long oy = (long)(kh - 1) / 2, ox = (long)(kw - 1) / 2;
    for (long y = 0; y < (long)h; y++)
        for (long x = 0; x < (long)w; x++) {
            float sum = 0.0f;
            for (long i = 0; i < (long)kh; i++)
                for (long j = 0; j < (long)kw; j++) {
                    long r = y + i - oy, c = x + j - ox;
                    if (r >= 0 && r < (long)h && c >= 0 && c < (long)w)
                        sum += img[r * (long)w + c] * k[i * (long)kw + j];
                }
            out[y * (long)w + x] = sum;
        }
}

/* One filtering of the image, by any of the methods. */
typedef struct {
    const float *img;
    size_t h, w;
    const float *k; /* kh x kw */
    size_t kh, kw;
    const float *col, *row; /* k's factors, for the separable method */
    float *out;
    cv_status status;
} filter_job;

static void run_solution(void *ctx)
{
    filter_job *job = ctx;
    job->status = cv_correlate2d(job->img, job->h, job->w, job->k, job->kh, job->kw, CV_SAME,
                                 job->out);
}

static void run_naive(void *ctx)
{
    filter_job *job = ctx;
    naive_correlate_same(job->img, job->h, job->w, job->k, job->kh, job->kw, job->out);
}

static void run_separable(void *ctx)
{
    filter_job *job = ctx;
    job->status = cv_correlate_separable(job->img, job->h, job->w, job->col, job->kh, job->row,
                                         job->kw, CV_SAME, job->out);
}

static void run_opencv(void *ctx)
{
    filter_job *job = ctx;
    int failed = opencv_filter2d(job->img, (int)job->h, (int)job->w, job->k, (int)job->kh,
                                 (int)job->kw, job->out);
    job->status = failed ? CV_ERR_ARG : CV_OK;
}

static void run_opencv_separable(void *ctx)
{
    filter_job *job = ctx;
    int failed = opencv_sep_filter2d(job->img, (int)job->h, (int)job->w, job->col, (int)job->kh,
                                     job->row, (int)job->kw, job->out);
    job->status = failed ? CV_ERR_ARG : CV_OK;
}

static void run_copy(void *ctx)
{
    filter_job *job = ctx;
    memcpy(job->out, job->img, job->h * job->w * sizeof *job->out);
}

/* ---- reporting --------------------------------------------------------------- */

static void print_comparison(const char *what, const timed_task *first,
                             const timed_task *second, double pixels)
{
    printf("%s: %s %.1f ms (%.0f Mpixel/s), %s %.1f ms (%.0f Mpixel/s)  ratio=%.2f\n", what,
           first->name, 1e3 * first->best, pixels / first->best / 1e6, second->name,
           1e3 * second->best, pixels / second->best / 1e6, second->best / first->best);
}

static double max_abs_difference(const float *a, const float *b, size_t n)
{
    double worst = 0.0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs((double)a[i] - b[i]));
    return worst;
}

/* Pixels lie in [0, 1) and kernels have taps of at most 8 in size: a
 * difference above this is a bug, not rounding, and the benchmark fails. */
#define MAX_DIFFERENCE 1e-4

/* Prints the largest difference between two outputs; 1 if it is too big. */
static int report_difference(const char *what, const char *between, const float *a,
                             const float *b, size_t n)
{
    double worst = max_abs_difference(a, b, n);
    printf("%s: max |%s| = %.2g%s\n", what, between, worst,
           worst <= MAX_DIFFERENCE ? "" : "  WRONG: more than rounding");
    return !(worst <= MAX_DIFFERENCE);
}

static int report_failure(const char *what, cv_status status)
{
    if (status == CV_OK)
        return 0;
    fprintf(stderr, "bench-03-convolution: %s: %s\n", what, cv_status_str(status));
    return 1;
}

/* ---- the comparisons ------------------------------------------------------------- */

/* cv_correlate2d against the naive loops, OpenCV and memcpy (and OpenCV
 * against memcpy); then the largest differences between the solution's
 * output and the others' (computed into `check`). */
static int bench_direct(const char *name, filter_job job, float *check)
{
    filter_job naive = job, opencv = job, copy = job;
    timed_task tasks[] = {
        {"solution", run_solution, &job, 0.0},
        {"naive four loops", run_naive, &naive, 0.0},
        {"OpenCV filter2D", run_opencv, &opencv, 0.0},
        {"memcpy", run_copy, &copy, 0.0},
    };
    time_interleaved(tasks, sizeof tasks / sizeof tasks[0], REPS);
    if (report_failure(name, job.status) || report_failure("OpenCV filter2D", opencv.status))
        return 1;

    char what[96];
    snprintf(what, sizeof what, "same %zux%zu %s, %zux%zu float", job.kh, job.kw, name, job.h,
             job.w);
    double pixels = (double)(job.h * job.w);
    size_t count = job.h * job.w;
    print_comparison(what, &tasks[0], &tasks[1], pixels);
    print_comparison(what, &tasks[0], &tasks[2], pixels);
    print_comparison(what, &tasks[0], &tasks[3], pixels);
    print_comparison(what, &tasks[2], &tasks[3], pixels);
    run_solution(&job); /* memcpy ran last and overwrote job.out */
    naive.out = check;
    run_naive(&naive);
    int wrong = report_difference(what, "solution - naive", job.out, check, count);
    opencv.out = check;
    run_opencv(&opencv);
    wrong |= report_difference(what, "solution - OpenCV", job.out, check, count);
    return wrong;
}

/* A Gaussian blur of radius r: cv_correlate_separable against
 * cv_correlate2d with the full (2r + 1) x (2r + 1) kernel, OpenCV's
 * sepFilter2D and memcpy. */
static int bench_separable(double sigma, size_t r, filter_job job, float *check)
{
    size_t taps = 2 * r + 1;
    float *g = malloc(taps * sizeof *g), *k = malloc(taps * taps * sizeof *k);
    cv_status status = g && k ? cv_gaussian_kernel(sigma, r, g) : CV_ERR_NOMEM;
    if (report_failure("gaussian kernel", status)) {
        free(g);
        free(k);
        return 1;
    }
    for (size_t i = 0; i < taps; i++)
        for (size_t j = 0; j < taps; j++)
            k[i * taps + j] = g[i] * g[j];
    job.k = k;
    job.col = job.row = g;
    job.kh = job.kw = taps;
    filter_job direct = job, opencv = job, copy = job;
    direct.out = check;
    timed_task tasks[] = {
        {"separable", run_separable, &job, 0.0},
        {"direct 2-D", run_solution, &direct, 0.0},
        {"OpenCV sepFilter2D", run_opencv_separable, &opencv, 0.0},
        {"memcpy", run_copy, &copy, 0.0},
    };
    time_interleaved(tasks, sizeof tasks / sizeof tasks[0], REPS);
    int failed = report_failure("separable", job.status) || report_failure("2-D", direct.status) ||
                 report_failure("OpenCV sepFilter2D", opencv.status);
    if (!failed) {
        char what[96];
        snprintf(what, sizeof what, "gaussian sigma %g, %zux%zu, %zux%zu float", sigma, taps,
                 taps, job.h, job.w);
        double pixels = (double)(job.h * job.w);
        print_comparison(what, &tasks[0], &tasks[1], pixels);
        print_comparison(what, &tasks[0], &tasks[2], pixels);
        print_comparison(what, &tasks[0], &tasks[3], pixels);
        run_separable(&job); /* memcpy ran last and overwrote job.out */
        failed = report_difference(what, "separable - direct", job.out, check, job.h * job.w);
    }
    free(g);
    free(k);
    return failed;
}

static void make_image(float *img, size_t count)
{
    rng r;
    rng_seed(&r, 3);
    for (size_t i = 0; i < count; i++)
        img[i] = (float)rng_uniform(&r);
}

static int run_benchmarks(const float *img, float *out, float *check)
{
    static const float edge[9] = {-1, -1, -1, -1, 8, -1, -1, -1, -1};
    float random5[25];
    rng r;
    rng_seed(&r, 5);
    for (size_t i = 0; i < 25; i++)
        random5[i] = (float)rng_range(&r, -1.0, 1.0);

    filter_job job = {img, SIZE, SIZE, edge, 3, 3, NULL, NULL, out, CV_OK};
    int failed = bench_direct("edge", job, check);
    job.k = random5;
    job.kh = job.kw = 5;
    failed |= bench_direct("random", job, check);
    failed |= bench_separable(1.0, 2, job, check);
    failed |= bench_separable(1.0, 3, job, check);
    failed |= bench_separable(3.0, 9, job, check);
    return failed;
}

int main(void)
{
    opencv_single_thread();
    machine_describe(stdout);
    printf("library: OpenCV %s, %s\n", opencv_version(), opencv_dispatch());
    printf("Lesson 03 benchmark: the reference solution against naive C, OpenCV %s and\n"
           "memcpy, one thread. Each time is the fastest of %d runs; the methods of a\n"
           "comparison take turns. ratio = second time / first time: against memcpy it\n"
           "is the fraction of memcpy's pixel rate the first method reaches (1 would be\n"
           "as fast as a copy).\n\n",
           opencv_version(), REPS);
    size_t count = SIZE * SIZE;
    /* 64-byte aligned, like every image library's buffers (OpenCV's
     * cv::Mat included): a row then starts on a cache line. */
    size_t bytes = count * sizeof(float);
    float *img = aligned_alloc(64, bytes), *out = aligned_alloc(64, bytes),
          *check = aligned_alloc(64, bytes);
    int failed = !img || !out || !check;
    if (failed) {
        fprintf(stderr, "bench-03-convolution: out of memory\n");
    } else {
        make_image(img, count);
        memset(out, 0, count * sizeof *out); /* map the pages before timing */
        memset(check, 0, count * sizeof *check);
        failed = run_benchmarks(img, out, check);
    }
    free(img);
    free(out);
    free(check);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
