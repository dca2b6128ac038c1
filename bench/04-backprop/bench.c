/* bench.c: lesson 04's matrix multiply and MLP training against naive C and
 * OpenBLAS, one thread.
 *
 *     make bench LESSON=04
 *
 * 1. C = A B for 1024 x 1024 doubles: bp_gemm, the naive i-j-k loop, the
 *    i-k-j loop and OpenBLAS's cblas_dgemm (openblas_set_num_threads(1)).
 * 2. The batched forward and backward pass of the chapter's 64-256-10 ReLU
 *    network on batches of 32 digits, written once and run with each of the
 *    three multiplies: the same shapes, only the product differs.
 * 3. bp_mlp_train itself: samples per second.
 * Lines end in ratio=R: the other method's time / the solution's time. */
#include "backprop.h"
#include "rng.h"
#include "machine.h"
#include "timing.h"

#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REPS = 5, N = 1024, BATCH = 32, HIDDEN = 256 };

typedef void (*gemm_fn)(bp_transpose ta, bp_transpose tb, size_t m, size_t n, size_t k,
                        double alpha, const double *a, size_t lda, const double *b, size_t ldb,
                        double beta, double *c, size_t ldc);

/* The naive triple loop, i-j-k: a dot product per entry of C, walking B
 * down its columns (a new cache line per step). */
static void gemm_naive(bp_transpose ta, bp_transpose tb, size_t m, size_t n, size_t k,
                       double alpha, const double *a, size_t lda, const double *b, size_t ldb,
                       double beta, double *c, size_t ldc)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double s = 0.0;
            for (size_t p = 0; p < k; p++)
                s += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
            c[i * ldc + j] = alpha * s + (beta == 0.0 ? 0.0 : beta * c[i * ldc + j]);
        }
}

/* The i-k-j loop (no transposes): rows of B and C, contiguous, vectorised. */
static void gemm_ikj(size_t n, const double *a, const double *b, double *c)
{
    memset(c, 0, n * n * sizeof *c);
    for (size_t i = 0; i < n; i++)
        for (size_t p = 0; p < n; p++) {
            double x = a[i * n + p];
            const double *brow = b + p * n;
            double *crow = c + i * n;
#pragma omp simd
            for (size_t j = 0; j < n; j++)
                crow[j] += x * brow[j];
        }
}

static void gemm_openblas(bp_transpose ta, bp_transpose tb, size_t m, size_t n, size_t k,
                          double alpha, const double *a, size_t lda, const double *b, size_t ldb,
                          double beta, double *c, size_t ldc)
{
    cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                (int)m, (int)n, (int)k, alpha, a, (int)lda, b, (int)ldb, beta, c, (int)ldc);
}

/* ---- 1. the square product ------------------------------------------------------ */

typedef struct {
    gemm_fn gemm; /* NULL: the i-k-j loop */
    const double *a, *b;
    double *c;
} square_job;

static void run_square(void *ctx)
{
    square_job *j = ctx;
    if (j->gemm)
        j->gemm(BP_NO_TRANS, BP_NO_TRANS, N, N, N, 1.0, j->a, N, j->b, N, 0.0, j->c, N);
    else
        gemm_ikj(N, j->a, j->b, j->c);
}

static int bench_square(void)
{
    size_t count = (size_t)N * N;
    double *a = malloc(count * sizeof *a), *b = malloc(count * sizeof *b);
    double *c[4];
    for (int i = 0; i < 4; i++)
        c[i] = calloc(count, sizeof *c[i]);
    rng r;
    rng_seed(&r, 4);
    for (size_t i = 0; i < count; i++) {
        a[i] = rng_range(&r, -1, 1);
        b[i] = rng_range(&r, -1, 1);
    }
    square_job jobs[4] = {{bp_gemm, a, b, c[0]}, {gemm_openblas, a, b, c[1]},
                          {NULL, a, b, c[2]}, {gemm_naive, a, b, c[3]}};
    timed_task tasks[4] = {{"bp_gemm", run_square, &jobs[0], 0},
                           {"OpenBLAS dgemm", run_square, &jobs[1], 0},
                           {"i-k-j loop", run_square, &jobs[2], 0},
                           {"naive i-j-k loop", run_square, &jobs[3], 0}};
    time_interleaved(tasks, 3, REPS);
    time_interleaved(tasks + 3, 1, 1); /* 3.6 s a run: once is enough */
    double flops = 2.0 * N * N * N, worst = 0;
    for (size_t i = 0; i < count; i++)
        worst = fmax(worst, fabs(c[0][i] - c[1][i]));
    for (int t = 1; t < 4; t++)
        printf("gemm %dx%d double: solution %.1f ms (%.1f GFLOP/s), %s %.1f ms (%.1f GFLOP/s)  "
               "ratio=%.2f\n", N, N, 1e3 * tasks[0].best, flops / tasks[0].best / 1e9,
               tasks[t].name, 1e3 * tasks[t].best, flops / tasks[t].best / 1e9,
               tasks[t].best / tasks[0].best);
    printf("gemm %dx%d double: largest |solution - OpenBLAS| = %.1e\n", N, N, worst);
    /* Entries are sums of 1024 products of numbers in [-1, 1]; rounding in
     * another order moves them by far less than 1e-10. */
    int failed = !(worst <= 1e-10);
    if (failed)
        fprintf(stderr, "bench-04-backprop: bp_gemm differs from OpenBLAS by %.3g\n", worst);
    free(a);
    free(b);
    for (int i = 0; i < 4; i++)
        free(c[i]);
    return failed;
}

/* ---- 2. the MLP's batched forward and backward ------------------------------------ */

typedef struct {
    gemm_fn gemm;
    const bp_mlp *net;
    const bp_digits *train;
    double *grad, *z1, *h1, *logits, *dz, *dh;
} pass_job;

/* One epoch of forward and backward passes (no update), batch after batch,
 * with the given multiply: the arithmetic of bp_mlp_loss_grad. */
static void run_passes(void *ctx)
{
    pass_job *j = ctx;
    const bp_dense *l1 = &j->net->layer[0], *l2 = &j->net->layer[1];
    double *gw1 = j->grad, *gb1 = gw1 + HIDDEN * BP_PIXELS, *gw2 = gb1 + HIDDEN;
    double *gb2 = gw2 + BP_CLASSES * HIDDEN;
    for (size_t start = 0; start + BATCH <= j->train->n; start += BATCH) {
        const double *x = j->train->pixels + start * BP_PIXELS;
        const unsigned char *y = j->train->labels + start;
        for (size_t r = 0; r < BATCH; r++)
            memcpy(j->z1 + r * HIDDEN, l1->b, HIDDEN * sizeof *l1->b);
        j->gemm(BP_NO_TRANS, BP_TRANS, BATCH, HIDDEN, BP_PIXELS, 1, x, BP_PIXELS, l1->w,
                BP_PIXELS, 1, j->z1, HIDDEN);
        bp_activate_forward(BP_RELU_ACT, j->z1, BATCH * HIDDEN, j->h1);
        for (size_t r = 0; r < BATCH; r++)
            memcpy(j->logits + r * BP_CLASSES, l2->b, BP_CLASSES * sizeof *l2->b);
        j->gemm(BP_NO_TRANS, BP_TRANS, BATCH, BP_CLASSES, HIDDEN, 1, j->h1, HIDDEN, l2->w, HIDDEN,
                1, j->logits, BP_CLASSES);
        for (size_t r = 0; r < BATCH; r++) {
            bp_softmax_cross_entropy(j->logits + r * BP_CLASSES, BP_CLASSES, y[r],
                                     j->dz + r * BP_CLASSES);
            for (size_t c = 0; c < BP_CLASSES; c++)
                j->dz[r * BP_CLASSES + c] /= BATCH;
        }
        j->gemm(BP_TRANS, BP_NO_TRANS, BP_CLASSES, HIDDEN, BATCH, 1, j->dz, BP_CLASSES, j->h1,
                HIDDEN, 0, gw2, HIDDEN);
        memset(gb2, 0, BP_CLASSES * sizeof *gb2);
        for (size_t r = 0; r < BATCH; r++)
            for (size_t c = 0; c < BP_CLASSES; c++)
                gb2[c] += j->dz[r * BP_CLASSES + c];
        j->gemm(BP_NO_TRANS, BP_NO_TRANS, BATCH, HIDDEN, BP_CLASSES, 1, j->dz, BP_CLASSES, l2->w,
                HIDDEN, 0, j->dh, HIDDEN);
        bp_activate_backward(BP_RELU_ACT, j->z1, j->dh, BATCH * HIDDEN, j->dh);
        j->gemm(BP_TRANS, BP_NO_TRANS, HIDDEN, BP_PIXELS, BATCH, 1, j->dh, HIDDEN, x, BP_PIXELS, 0,
                gw1, BP_PIXELS);
        memset(gb1, 0, HIDDEN * sizeof *gb1);
        for (size_t r = 0; r < BATCH; r++)
            for (size_t c = 0; c < HIDDEN; c++)
                gb1[c] += j->dh[r * HIDDEN + c];
    }
}

typedef struct {
    const bp_digits *train;
    bp_mlp net;
    bp_status status;
} train_job;

static void run_train(void *ctx)
{
    train_job *j = ctx;
    const size_t sizes[] = {BP_PIXELS, HIDDEN, BP_CLASSES};
    bp_mlp_free(&j->net);
    j->status = bp_mlp_init(&j->net, sizes, 2, BP_RELU_ACT, 42);
    /* As the chapter trains it (section 8.3): one call per epoch, epoch e
     * shuffled from seed 42 + e, so that both report the same accuracy. */
    for (int epoch = 1; epoch <= 60 && j->status == BP_OK; epoch++) {
        const bp_train_options o = {0.05, 0.9, 1, BATCH, 1e-3, 42 + (uint64_t)epoch};
        j->status = bp_mlp_train(&j->net, j->train->pixels, j->train->labels, j->train->n, &o,
                                 NULL);
    }
}

static int bench_mlp(void)
{
    bp_digits all, train, test;
    char err[256];
    bp_status s = bp_digits_load("data/digits.csv", &all, err, sizeof err);
    if (s != BP_OK) {
        fprintf(stderr, "bench-04-backprop: %s\n", err);
        return 1;
    }
    s = bp_digits_split(&all, &train, &test);
    bp_digits_free(&all);
    if (s != BP_OK) {
        fprintf(stderr, "bench-04-backprop: %s\n", bp_status_str(s));
        return 1;
    }
    const size_t sizes[] = {BP_PIXELS, HIDDEN, BP_CLASSES};
    bp_mlp net;
    if (bp_mlp_init(&net, sizes, 2, BP_RELU_ACT, 42) != BP_OK) {
        fprintf(stderr, "bench-04-backprop: out of memory\n");
        return 1;
    }
    double *memory = malloc((net.param_count * 3 + BATCH * (3 * HIDDEN + 2 * BP_CLASSES)) *
                            sizeof *memory);
    if (!memory) {
        fprintf(stderr, "bench-04-backprop: out of memory\n");
        return 1;
    }
    pass_job jobs[3];
    const gemm_fn fns[3] = {bp_gemm, gemm_openblas, gemm_naive};
    for (int i = 0; i < 3; i++) {
        double *p = memory + i * net.param_count;
        jobs[i] = (pass_job){fns[i], &net, &train, p, NULL, NULL, NULL, NULL, NULL};
    }
    double *work = memory + 3 * net.param_count;
    for (int i = 0; i < 3; i++) { /* the scratch arrays can be shared */
        jobs[i].z1 = work;
        jobs[i].h1 = work + BATCH * HIDDEN;
        jobs[i].dh = work + 2 * BATCH * HIDDEN;
        jobs[i].logits = work + 3 * BATCH * HIDDEN;
        jobs[i].dz = jobs[i].logits + BATCH * BP_CLASSES;
    }
    timed_task tasks[3] = {{"bp_gemm", run_passes, &jobs[0], 0},
                           {"OpenBLAS dgemm", run_passes, &jobs[1], 0},
                           {"naive i-j-k loop", run_passes, &jobs[2], 0}};
    time_interleaved(tasks, 3, 20);
    size_t samples = train.n / BATCH * BATCH;
    /* The gradients of the last batch, by each multiply, must agree. */
    double worst = 0;
    for (size_t i = 0; i < net.param_count; i++)
        for (int t = 1; t < 3; t++)
            worst = fmax(worst, fabs(jobs[0].grad[i] - jobs[t].grad[i]));
    if (!(worst <= 1e-12)) {
        fprintf(stderr, "bench-04-backprop: the MLP's gradients with bp_gemm differ from the "
                "others' by %.3g\n", worst);
        return 1;
    }
    for (int t = 1; t < 3; t++)
        printf("MLP 64-%d-10 forward+backward, batches of %d: solution %.0f samples/s, %s %.0f "
               "samples/s  ratio=%.2f\n", HIDDEN, BATCH, samples / tasks[0].best, tasks[t].name,
               samples / tasks[t].best, tasks[t].best / tasks[0].best);

    train_job tj = {&train, {0}, BP_OK};
    timed_task task = {"bp_mlp_train", run_train, &tj, 0};
    time_interleaved(&task, 1, REPS);
    int failed = tj.status != BP_OK;
    if (!failed)
        printf("bp_mlp_train 64-%d-10, 60 epochs of %zu digits: %.1f ms, %.0f samples/s; test "
               "accuracy %.2f%%\n", HIDDEN, train.n, 1e3 * task.best, 60.0 * train.n / task.best,
               100 * bp_mlp_accuracy(&tj.net, test.pixels, test.labels, test.n));
    bp_mlp_free(&tj.net);
    bp_mlp_free(&net);
    free(memory);
    bp_digits_free(&train);
    bp_digits_free(&test);
    return failed;
}

int main(void)
{
    openblas_set_num_threads(1);
    machine_describe(stdout);
    /* OpenBLAS picks its kernels for the processor at run time
     * (OPENBLAS_CORETYPE=Haswell holds it to AVX2); say which it took. */
    printf("library: %s; kernels for %s\n", openblas_get_config(), openblas_get_corename());
    printf("Lesson 04 benchmark: the reference solution against naive C and OpenBLAS, one "
           "thread.\nEach time is the fastest of several runs; the methods of a comparison take "
           "turns.\nratio = other time / solution time.\n\n");
    int failed = bench_square();
    failed |= bench_mlp();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
