/* bench.c: lesson 02's row-wise softmax against naive C and memcpy.
 *
 *     make bench LESSON=02
 *
 * Times sm_softmax_rows on a 100000 x 1000 float matrix (400 MB in, 400 MB
 * out), a naive three-pass version with expf, and memcpy of the same 400 MB.
 * Bandwidth counts the bytes read plus the bytes written. Lines end in
 * ratio=R, the other method's time divided by the solution's: against
 * memcpy, R is the fraction of memcpy's rate that the solution reaches.
 * Then the largest relative error against a double computation, and the
 * digit classifier's training. Single thread throughout.
 *
 * memcpy is glibc's, which picks an implementation for the processor when
 * the program starts. A benchmark built for less than AVX-512 runs itself
 * again with glibc held to the same (GLIBC_TUNABLES), so that both sides of
 * the comparison use the same vector width; it prints what glibc had. */
#define _POSIX_C_SOURCE 200809L

#include "softmax.h"
#include "rng.h"
#include "machine.h"
#include "simd.h"
#include "timing.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__GLIBC__) && defined(__x86_64__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <gnu/libc-version.h>
#include <sys/platform/x86.h>
#define HAVE_GLIBC_X86_FEATURES 1
#endif
#endif

enum { REPS = 7, ERROR_ROW_STEP = 97 };
#define ROWS ((size_t)100000)
#define COLS ((size_t)1000)
#define LOGIT_SCALE 5.0 /* logits are 5 * standard normal */
#define DIGITS_PATH "data/digits.csv"

/* ---- timing ------------------------------------------------------------- */

static void print_comparison(const char *what, const timed_task *solution,
                             const timed_task *other, double bytes)
{
    printf("%s: solution %.1f ms (%.1f GB/s), %s %.1f ms (%.1f GB/s)  ratio=%.2f\n", what,
           1e3 * solution->best, bytes / solution->best / 1e9, other->name,
           1e3 * other->best, bytes / other->best / 1e9, other->best / solution->best);
}

/* ---- the methods ------------------------------------------------------------ */

/* What a student writes first: max, expf and sum, divide. Correct and
 * stable, but expf is a scalar library call, and x - m is rounded to float
 * before the exponential. */
static void naive_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        float *o = out + r * cols;
        float m = row[0];
        for (size_t j = 1; j < cols; j++)
            if (row[j] > m)
                m = row[j];
        float sum = 0.0f;
        for (size_t j = 0; j < cols; j++) {
            o[j] = expf(row[j] - m);
            sum += o[j];
        }
        for (size_t j = 0; j < cols; j++)
            o[j] /= sum;
    }
}

typedef struct {
    void (*softmax)(const float *x, size_t rows, size_t cols, float *out);
    const float *x;
    size_t rows, cols;
    float *out;
} softmax_job;

static void run_softmax_job(void *ctx)
{
    softmax_job *job = ctx;
    job->softmax(job->x, job->rows, job->cols, job->out);
}

typedef struct {
    const float *from;
    float *to;
    size_t count;
} copy_job;

static void run_copy_job(void *ctx)
{
    copy_job *job = ctx;
    memcpy(job->to, job->from, job->count * sizeof *job->to);
}

/* ---- accuracy --------------------------------------------------------------- */

/* The largest |out - p| / p over every ERROR_ROW_STEP-th row, p the softmax
 * computed in double from the same floats. Probabilities below FLT_MIN are
 * left out: as subnormal floats they cannot hold 6 digits. */
static double max_relative_error(const float *x, const float *out, size_t rows, size_t cols)
{
    double worst = 0.0;
    for (size_t r = 0; r < rows; r += ERROR_ROW_STEP) {
        const float *row = x + r * cols;
        double m = -INFINITY, sum = 0.0;
        for (size_t j = 0; j < cols; j++)
            m = fmax(m, row[j]);
        for (size_t j = 0; j < cols; j++)
            sum += exp((double)row[j] - m);
        for (size_t j = 0; j < cols; j++) {
            double p = exp((double)row[j] - m) / sum;
            if (p >= FLT_MIN)
                worst = fmax(worst, fabs(out[r * cols + j] - p) / p);
        }
    }
    return worst;
}

/* ---- softmax_rows ------------------------------------------------------------- */

static void make_logits(float *x, size_t count)
{
    rng r;
    rng_seed(&r, 2);
    for (size_t i = 0; i < count; i++)
        x[i] = (float)(LOGIT_SCALE * rng_normal(&r));
}

/* Returns nonzero if the solution is less accurate than it must be. */
static int bench_softmax_rows(const float *x, float *out)
{
    softmax_job solution = {sm_softmax_rows, x, ROWS, COLS, out};
    softmax_job naive = {naive_softmax_rows, x, ROWS, COLS, out};
    copy_job copy = {x, out, ROWS * COLS};
    timed_task tasks[] = {
        {"solution sm_softmax_rows", run_softmax_job, &solution, 0.0},
        {"naive three-pass expf", run_softmax_job, &naive, 0.0},
        {"memcpy", run_copy_job, &copy, 0.0},
    };
    time_interleaved(tasks, sizeof tasks / sizeof tasks[0], REPS);

    char what[64];
    snprintf(what, sizeof what, "softmax_rows %zux%zu float", ROWS, COLS);
    double bytes = 2.0 * (double)(ROWS * COLS) * sizeof(float);
    print_comparison(what, &tasks[0], &tasks[1], bytes);
    print_comparison(what, &tasks[0], &tasks[2], bytes);

    naive_softmax_rows(x, ROWS, COLS, out);
    double naive_error = max_relative_error(x, out, ROWS, COLS);
    sm_softmax_rows(x, ROWS, COLS, out);
    double solution_error = max_relative_error(x, out, ROWS, COLS);
    printf("%s: max relative error vs double on %zu rows: solution %.2e, naive %.2e"
           " (target < 1e-6)\n",
           what, (ROWS + ERROR_ROW_STEP - 1) / ERROR_ROW_STEP, solution_error, naive_error);
    if (!(solution_error < 1e-6)) {
        fprintf(stderr, "bench-02-softmax: the solution's relative error %.2e is over 1e-6\n",
                solution_error);
        return 1;
    }
    return 0;
}

/* ---- training ----------------------------------------------------------------- */

typedef struct {
    const sm_digits *train;
    sm_train_options options;
    sm_model model;
    sm_status status;
} train_job;

static void run_train_job(void *ctx)
{
    train_job *job = ctx;
    memset(&job->model, 0, sizeof job->model);
    job->status = sm_train(&job->model, job->train->pixels, job->train->labels, job->train->n,
                           &job->options, NULL);
}

static int bench_training(void)
{
    sm_digits digits, train, test;
    char err[256];
    sm_status status = sm_digits_load(DIGITS_PATH, &digits, err, sizeof err);
    if (status != SM_OK) {
        fprintf(stderr, "bench-02-softmax: %s (%s)\n", err, sm_status_str(status));
        return 1;
    }
    status = sm_digits_split(&digits, &train, &test);
    sm_digits_free(&digits);
    if (status != SM_OK) {
        fprintf(stderr, "bench-02-softmax: splitting the digits: %s\n", sm_status_str(status));
        return 1;
    }
    /* The chapter's options (section 6.3). */
    train_job job = {&train, {0.5, 60, 32, 1e-4, 42}, {{{0}}, {0}}, SM_OK};
    timed_task task = {"sm_train", run_train_job, &job, 0.0};
    time_interleaved(&task, 1, REPS);
    int failed = job.status != SM_OK;
    if (failed) {
        fprintf(stderr, "bench-02-softmax: sm_train failed: %s\n", sm_status_str(job.status));
    } else {
        double train_accuracy = sm_accuracy(&job.model, train.pixels, train.labels, train.n, NULL);
        double test_accuracy = sm_accuracy(&job.model, test.pixels, test.labels, test.n, NULL);
        const sm_train_options *o = &job.options;
        printf("sm_train digits (%zu images, rate %g, %zu epochs, batch %zu, l2 %g): %.1f ms,"
               " %.2f M images/s; accuracy train %.4f, test %.4f (%zu images)\n",
               train.n, o->learning_rate, o->epochs, o->batch_size, o->l2, 1e3 * task.best,
               (double)(train.n * o->epochs) / task.best / 1e6, train_accuracy, test_accuracy,
               test.n);
    }
    sm_digits_free(&train);
    sm_digits_free(&test);
    return failed;
}

/* ---- the library ------------------------------------------------------------------ */

/* What glibc hides from its own string functions for a build without
 * AVX-512: its AVX-512 and EVEX (AVX-512VL) copies. */
#define GLIBC_AVX2_ONLY "glibc.cpu.hwcaps=-AVX512F,-AVX512VL"

/* Runs this program again with glibc held to the width it was built for,
 * unless GLIBC_TUNABLES is set already. Returns only if it did not. */
static void hold_glibc_to_build_width(char **argv)
{
#if SIMD_BYTES < 64 && defined(HAVE_GLIBC_X86_FEATURES)
    if (getenv("GLIBC_TUNABLES") || !CPU_FEATURE_ACTIVE(AVX512F))
        return;
    if (setenv("GLIBC_TUNABLES", GLIBC_AVX2_ONLY, 1) == 0) {
        fflush(stdout);
        execv("/proc/self/exe", argv);
    }
#else
    (void)argv;
#endif
}

static void describe_memcpy(void)
{
#if defined(HAVE_GLIBC_X86_FEATURES)
    const char *tunables = getenv("GLIBC_TUNABLES");
    printf("library: memcpy of glibc %s, which sees AVX512F %s, AVX512VL %s, AVX2 %s%s%s%s\n",
           gnu_get_libc_version(), CPU_FEATURE_ACTIVE(AVX512F) ? "on" : "off",
           CPU_FEATURE_ACTIVE(AVX512VL) ? "on" : "off", CPU_FEATURE_ACTIVE(AVX2) ? "on" : "off",
           tunables ? " (GLIBC_TUNABLES=" : "", tunables ? tunables : "", tunables ? ")" : "");
#else
    printf("library: memcpy of the C library\n");
#endif
}

/* ---- main ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    (void)argc;
    hold_glibc_to_build_width(argv);
    machine_describe(stdout);
    describe_memcpy();
    printf("Lesson 02 benchmark: the reference solution against naive C and memcpy, one thread.\n"
           "Each time is the fastest of %d runs; the methods of a comparison take turns.\n"
           "GB/s counts bytes read + bytes written. ratio = other time / solution time:\n"
           "against memcpy it is the fraction of memcpy's rate the solution reaches.\n\n",
           REPS);
    size_t count = ROWS * COLS;
    float *x = malloc(count * sizeof *x), *out = malloc(count * sizeof *out);
    int failed = !x || !out;
    if (failed) {
        fprintf(stderr, "bench-02-softmax: out of memory\n");
    } else {
        make_logits(x, count);
        memset(out, 0, count * sizeof *out); /* map the pages before timing */
        failed = bench_softmax_rows(x, out);
    }
    free(x);
    free(out);
    if (!failed)
        failed = bench_training();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
