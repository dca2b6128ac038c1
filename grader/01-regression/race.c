/* race.c: lesson 01's race (`make race LESSON=01`; see grader/runner/race.h):
 * lr_fit_line, the closed form of section 9, against the naive two-pass loop. */
#include "race.h"
#include "regression.h"

enum { POINTS = 1 << 21 };

RACE_REFERENCE(lr_fit_line);

typedef struct {
    const double *x, *y;
    lr_line fit;
} fit_job;

/* Means, then centred sums: plain scalar loops, one long chain of adds each. */
static void naive_two_pass(fit_job *j)
{
    double sum_x = 0.0, sum_y = 0.0;
    for (size_t i = 0; i < POINTS; i++) {
        sum_x += j->x[i];
        sum_y += j->y[i];
    }
    double mean_x = sum_x / POINTS, mean_y = sum_y / POINTS, sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < POINTS; i++) {
        double dx = j->x[i] - mean_x;
        sxx += dx * dx;
        sxy += dx * (j->y[i] - mean_y);
    }
    j->fit.slope = sxy / sxx;
    j->fit.intercept = mean_y - j->fit.slope * mean_x;
}

static void run_call(void *ctx)
{
    fit_job *j = ctx;
    lr_fit_line(j->x, j->y, POINTS, &j->fit);
}

static void run_naive(void *ctx)
{
    naive_two_pass(ctx);
}

RACE(fit_line, "9 How fast", "lr_fit_line on 2^21 points (32 MB)")
{
    rng r;
    grade_rng(&r);
    double *x = grade_alloc(POINTS, sizeof *x), *y = grade_alloc(POINTS, sizeof *y);
    for (size_t i = 0; i < POINTS; i++) {
        x[i] = rng_range(&r, 0.0, 10.0);
        y[i] = 3.0 * x[i] - 2.0 + rng_normal(&r);
    }
    lr_line yours = {0.0, 0.0}, expected = {0.0, 0.0};
    race_expect(lr_fit_line(x, y, POINTS, &yours) == LR_OK, "lr_fit_line did not return LR_OK");
    race_ref_lr_fit_line(x, y, POINTS, &expected);
    race_expect_doubles(&yours.slope, &expected.slope, 1, 1e-9, "the slope");
    race_expect_doubles(&yours.intercept, &expected.intercept, 1, 1e-9, "the intercept");
    fit_job job = {x, y, {0.0, 0.0}};
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{x, POINTS * sizeof *x}, {y, POINTS * sizeof *y}},
                            .out = {{&job.fit, sizeof job.fit}}});
}
