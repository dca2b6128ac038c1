/* race.c: lesson 02's race (`make race LESSON=02`; see grader/runner/race.h):
 * sm_softmax_rows, the kernel of section 8, against a naive three-pass loop. */
#include <math.h>

#include "race.h"
#include "softmax.h"

enum { ROWS = 2000, COLS = 1000 };

RACE_REFERENCE(sm_softmax_rows);

typedef struct {
    const float *x;
    float *out;
} softmax_job;

/* The maximum, expf of the differences and their sum, a division: three passes. */
static void naive_softmax_rows(const float *x, float *out)
{
    for (size_t r = 0; r < ROWS; r++) {
        const float *row = x + r * COLS;
        float *o = out + r * COLS, m = row[0], sum = 0.0f;
        for (size_t j = 1; j < COLS; j++)
            if (row[j] > m)
                m = row[j];
        for (size_t j = 0; j < COLS; j++) {
            o[j] = expf(row[j] - m);
            sum += o[j];
        }
        for (size_t j = 0; j < COLS; j++)
            o[j] /= sum;
    }
}

static void run_call(void *ctx)
{
    softmax_job *j = ctx;
    sm_softmax_rows(j->x, ROWS, COLS, j->out);
}

static void run_naive(void *ctx)
{
    softmax_job *j = ctx;
    naive_softmax_rows(j->x, j->out);
}

RACE(softmax_rows, "8 Going fast (optional)", "sm_softmax_rows on a 2000 x 1000 float matrix")
{
    rng r;
    grade_rng(&r);
    size_t n = (size_t)ROWS * COLS;
    float *x = grade_alloc(n, sizeof *x), *out = grade_alloc(n, sizeof *out);
    float *expected = grade_alloc(n, sizeof *expected);
    for (size_t i = 0; i < n; i++)
        x[i] = (float)rng_range(&r, -10.0, 10.0);
    sm_softmax_rows(x, ROWS, COLS, out);
    race_ref_sm_softmax_rows(x, ROWS, COLS, expected);
    race_expect_floats(out, expected, n, 1e-5, "out");
    softmax_job job = {x, out};
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{x, n * sizeof *x}}, .out = {{out, n * sizeof *out}}});
}
