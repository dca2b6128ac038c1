/* race.c: lesson 04's race (`make race LESSON=04`; see grader/runner/race.h):
 * bp_gemm, where section 11 says a network spends nearly all its time,
 * against the naive i-j-k loop. */
#include "backprop.h"
#include "race.h"

enum { N = 256 };

RACE_REFERENCE(bp_gemm);

typedef struct {
    const double *a, *b;
    double *c;
} gemm_job;

/* C = A B from the definition: a dot product of a row and a column per entry. */
static void naive_gemm(const double *a, const double *b, double *c)
{
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++) {
            double sum = 0.0;
            for (size_t p = 0; p < N; p++)
                sum += a[i * N + p] * b[p * N + j];
            c[i * N + j] = sum;
        }
}

static void run_call(void *ctx)
{
    gemm_job *j = ctx;
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, N, N, N, 1.0, j->a, N, j->b, N, 0.0, j->c, N);
}

static void run_naive(void *ctx)
{
    gemm_job *j = ctx;
    naive_gemm(j->a, j->b, j->c);
}

RACE(gemm, "11 Going fast", "bp_gemm, C = A B for 256 x 256 doubles")
{
    rng r;
    grade_rng(&r);
    double *a = grade_alloc(N * N, sizeof *a), *b = grade_alloc(N * N, sizeof *b);
    double *c = grade_alloc(N * N, sizeof *c), *expected = grade_alloc(N * N, sizeof *c);
    for (size_t i = 0; i < N * N; i++) {
        a[i] = rng_range(&r, -1.0, 1.0);
        b[i] = rng_range(&r, -1.0, 1.0);
    }
    gemm_job job = {a, b, c};
    run_call(&job);
    race_ref_bp_gemm(BP_NO_TRANS, BP_NO_TRANS, N, N, N, 1.0, a, N, b, N, 0.0, expected, N);
    race_expect_doubles(c, expected, N * N, 1e-10, "C");
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{a, N * N * sizeof *a}, {b, N * N * sizeof *b}},
                            .out = {{c, N * N * sizeof *c}}});
}
