/* race.c: lesson 05's race (`make race LESSON=05`; see grader/runner/race.h):
 * jc_net_jacobian, the whole Jacobian of a tanh network of section 11,
 * against naive loops (the forward pass, then J = D1 W1 and J = Dl (Wl J),
 * each product a dot product per entry). */
#include <math.h>

#include "jacobians.h"
#include "race.h"

enum { LAYERS = 6, WIDTH = 128, MATRIX = WIDTH * WIDTH, PARAMS = LAYERS * (MATRIX + WIDTH) };

RACE_REFERENCE(jc_net_jacobian);

typedef struct {
    jc_tanh_net net;
    const double *x;
    double *jac, *y, *h, *t; /* h: LAYERS x WIDTH, t: two matrices */
} jacobian_job;

static void naive_forward(const jacobian_job *j)
{
    const double *in = j->x;
    for (size_t l = 0; l < LAYERS; l++) {
        const double *w = j->net.params + l * (MATRIX + WIDTH), *b = w + MATRIX;
        for (size_t i = 0; i < WIDTH; i++) {
            double z = b[i];
            for (size_t c = 0; c < WIDTH; c++)
                z += w[i * WIDTH + c] * in[c];
            j->h[l * WIDTH + i] = tanh(z);
        }
        in = j->h + l * WIDTH;
    }
}

static void naive_jacobian(jacobian_job *j)
{
    naive_forward(j);
    const double *h = j->h;
    double *acc = j->t, *next = j->t + MATRIX;
    for (size_t i = 0; i < WIDTH; i++)
        for (size_t k = 0; k < WIDTH; k++)
            acc[i * WIDTH + k] = (1.0 - h[i] * h[i]) * j->net.params[i * WIDTH + k];
    for (size_t l = 1; l < LAYERS; l++) {
        const double *w = j->net.params + l * (MATRIX + WIDTH), *hl = h + l * WIDTH;
        double *to = l + 1 == LAYERS ? j->jac : next;
        for (size_t i = 0; i < WIDTH; i++)
            for (size_t k = 0; k < WIDTH; k++) {
                double s = 0.0;
                for (size_t p = 0; p < WIDTH; p++)
                    s += w[i * WIDTH + p] * acc[p * WIDTH + k];
                to[i * WIDTH + k] = (1.0 - hl[i] * hl[i]) * s;
            }
        next = acc;
        acc = to;
    }
}

static void run_call(void *ctx)
{
    jacobian_job *j = ctx;
    jc_net_jacobian(&j->net, j->x, JC_MODE_AUTO, j->jac, j->y);
}

static void run_naive(void *ctx)
{
    naive_jacobian(ctx);
}

RACE(net_jacobian, "11 Going fast", "jc_net_jacobian of 6 tanh layers of 128 units")
{
    rng r;
    grade_rng(&r);
    double *params = grade_alloc(PARAMS, sizeof *params), *x = grade_alloc(WIDTH, sizeof *x);
    for (size_t l = 0; l < LAYERS; l++) {
        double *w = params + l * (MATRIX + WIDTH);
        for (size_t i = 0; i < MATRIX; i++)
            w[i] = rng_normal(&r) / sqrt((double)WIDTH);
        for (size_t i = 0; i < WIDTH; i++)
            w[MATRIX + i] = 0.1 * rng_normal(&r);
    }
    for (size_t i = 0; i < WIDTH; i++)
        x[i] = rng_normal(&r);
    jacobian_job job = {{LAYERS, {0}, params}, x, grade_alloc(MATRIX, sizeof(double)),
                        grade_alloc(WIDTH, sizeof(double)),
                        grade_alloc(LAYERS * WIDTH, sizeof(double)),
                        grade_alloc(2 * MATRIX, sizeof(double))};
    for (size_t l = 0; l <= LAYERS; l++)
        job.net.sizes[l] = WIDTH;
    double *expected = grade_alloc(MATRIX, sizeof *expected), *y = grade_alloc(WIDTH, sizeof *y);
    race_expect(jc_net_jacobian(&job.net, x, JC_MODE_AUTO, job.jac, job.y) == JC_OK,
                "jc_net_jacobian did not return JC_OK");
    race_ref_jc_net_jacobian(&job.net, x, JC_MODE_AUTO, expected, y);
    race_expect_doubles(job.jac, expected, MATRIX, 1e-9, "jac");
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{params, PARAMS * sizeof *params}, {x, WIDTH * sizeof *x}},
                            .out = {{job.jac, MATRIX * sizeof(double)},
                                    {job.y, WIDTH * sizeof(double)}}});
}
