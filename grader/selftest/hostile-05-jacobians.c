/* hostile-05-jacobians.c: a deliberately broken "student" for lesson 05.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-05-jacobians.h). grader/selftest/run.sh grades
 * this and checks that each misbehaviour costs exactly the tests it breaks,
 * with the right message, in bounded time. expected-05-jacobians.tsv lists
 * the outcome of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rename-05-jacobians.h"
#include "jacobians.h" /* declares the real_* functions */
#undef jc_status_str
#undef jc_central_error
#undef jc_central_best_step
#undef jc_central_step
#undef jc_jacobian_central
#undef jc_dual_const
#undef jc_dual_var
#undef jc_dual_add
#undef jc_dual_sub
#undef jc_dual_mul
#undef jc_dual_div
#undef jc_dual_sin
#undef jc_dual_cos
#undef jc_dual_exp
#undef jc_dual_log
#undef jc_dual_tanh
#undef jc_dual_pow
#undef jc_jacobian_forward
#undef jc_determinant
#undef jc_log_determinant
#undef jc_image_area
#undef jc_spectral_norm
#undef jc_net_param_count
#undef jc_net_forward
#undef jc_net_jacobian
#undef jc_arm_position
#undef jc_arm_jacobian
#undef jc_arm_determinant
#undef jc_arm_solve
#undef jc_mixture_score
#undef jc_langevin

const char *jc_status_str(jc_status status)
{
    return real_jc_status_str(status);
}

double jc_central_error(double h, double f_abs, double f3_abs)
{
    return real_jc_central_error(h, f_abs, f3_abs);
}

/* Says what it is about to do, without a newline, and reads through a
 * pointer it never set: a crash whose output must survive. */
double jc_central_best_step(double f_abs, double f3_abs)
{
    if (f3_abs == 0) {
        volatile double *nowhere = (volatile double *)(uintptr_t)64;
        printf("best step for f3_abs = 0");
        return *nowhere;
    }
    return real_jc_central_best_step(f_abs, f3_abs);
}

/* The step of the formula, not adjusted: (x + h) - x is not always h. */
double jc_central_step(double x)
{
    return cbrt(2.220446049250313e-16) * fmax(fabs(x), 1.0);
}

/* Calls the map with its own ctx instead of the struct's. */
static const jc_map *outer_map;
static void without_ctx(const double *x, double *y, void *ctx)
{
    (void)ctx;
    outer_map->f(x, y, NULL);
}
jc_status jc_jacobian_central(const jc_map *f, const double *x, double *jac)
{
    if (!f || !f->f)
        return real_jc_jacobian_central(f, x, jac);
    outer_map = f;
    jc_map g = {f->n, f->m, without_ctx, f->ctx};
    return real_jc_jacobian_central(&g, x, jac);
}

jc_dual jc_dual_const(double v)
{
    return real_jc_dual_const(v);
}

jc_dual jc_dual_var(double v)
{
    return real_jc_dual_var(v);
}

/* Tries to start a process on every call: the sandbox refuses, and the
 * result is still right. */
jc_dual jc_dual_add(jc_dual a, jc_dual b)
{
    pid_t child = fork();
    if (child == 0)
        for (;;)
            pause();
    return real_jc_dual_add(a, b);
}

jc_dual jc_dual_sub(jc_dual a, jc_dual b)
{
    return real_jc_dual_sub(a, b);
}

jc_dual jc_dual_mul(jc_dual a, jc_dual b)
{
    return real_jc_dual_mul(a, b);
}

jc_dual jc_dual_div(jc_dual a, jc_dual b)
{
    return real_jc_dual_div(a, b);
}

jc_dual jc_dual_sin(jc_dual a)
{
    return real_jc_dual_sin(a);
}

jc_dual jc_dual_cos(jc_dual a)
{
    return real_jc_dual_cos(a);
}

jc_dual jc_dual_exp(jc_dual a)
{
    return real_jc_dual_exp(a);
}

jc_dual jc_dual_log(jc_dual a)
{
    return real_jc_dual_log(a);
}

/* 1 - tanh^2: every digit gone once tanh rounds to 1. */
jc_dual jc_dual_tanh(jc_dual a)
{
    double t = tanh(a.v);
    jc_dual r = {t, (1 - t * t) * a.d};
    return r;
}

/* The general rule even for a constant exponent: log of a negative base. */
jc_dual jc_dual_pow(jc_dual a, jc_dual b)
{
    double v = pow(a.v, b.v);
    jc_dual r = {v, v * (log(a.v) * b.d + b.v * a.d / a.v)};
    return r;
}

/* Evaluates the map once with nowhere to put the outputs. */
jc_status jc_jacobian_forward(const jc_dual_map *f, const double *x, double *jac, double *y)
{
    if (f && f->f && x && jac && f->n && f->m) {
        jc_dual *in = calloc(f->n, sizeof *in);
        if (in) {
            f->f(in, NULL, f->ctx);
            free(in);
        }
    }
    return real_jc_jacobian_forward(f, x, jac, y);
}

/* Eliminates in place, in the caller's (const) matrix. */
jc_status jc_determinant(const double *a, size_t n, double *det)
{
    if (a && det && n >= 2 && n <= 64) {
        volatile double *w = (double *)a;
        w[0] = w[0] - w[1] + w[1];
    }
    return real_jc_determinant(a, n, det);
}

/* A work array never freed. */
jc_status jc_log_determinant(const double *a, size_t n, double *sign, double *log_abs)
{
    double *volatile work = a && n && n < 1000 ? malloc(n * n * sizeof(double)) : NULL;
    (void)work;
    return real_jc_log_determinant(a, n, sign, log_abs);
}

/* "Fixes" the map's sizes in the const struct it was given. */
jc_status jc_image_area(const jc_map *f, const double center[2], double side, size_t segments,
                        double *area)
{
    if (f && f->f && f->n == 2 && f->m == 2)
        ((volatile jc_map *)f)->n = 2;
    return real_jc_image_area(f, center, side, segments, area);
}

/* Its loop compares each estimate with itself: it never stops. */
jc_status jc_spectral_norm(const jc_linear_op *op, uint64_t seed, double tol, size_t max_iter,
                           double *sigma, size_t *iterations)
{
    if (!op || !op->jvp || !op->vjp || !iterations || max_iter <= 100)
        return real_jc_spectral_norm(op, seed, tol, max_iter, sigma, iterations);
    double *v = calloc(op->n, sizeof *v), *u = calloc(op->m, sizeof *u);
    if (!v || !u) {
        free(v);
        free(u);
        return JC_ERR_NOMEM;
    }
    v[0] = 1;
    for (volatile int forever = 1; forever;) {
        op->jvp(v, u, op->ctx);
        op->vjp(u, v, op->ctx);
    }
    free(v);
    free(u);
    return JC_OK;
}

/* (in + 1) * out summed without a thought for overflow. */
size_t jc_net_param_count(const jc_tanh_net *net)
{
    if (!net || net->layers == 0 || net->layers > JC_MAX_LAYERS)
        return 0;
    size_t count = 0;
    for (size_t l = 0; l < net->layers; l++) {
        if (net->sizes[l] == 0 || net->sizes[l + 1] == 0)
            return 0;
        count += (net->sizes[l] + 1) * net->sizes[l + 1];
    }
    return count;
}

/* Gives up on the whole program when it meets a network. */
jc_status jc_net_forward(const jc_tanh_net *net, const double *x, double *y)
{
    jc_status s = real_jc_net_forward(net, x, y);
    if (s == JC_OK) {
        fprintf(stderr, "jc_net_forward: done, exiting\n");
        exit(2);
    }
    return s;
}

/* Right, but prints far more than anyone can read. */
jc_status jc_net_jacobian(const jc_tanh_net *net, const double *x, jc_mode mode, double *jac,
                          double *y)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 40000; i++)
            printf("jacobian: %d %s\n", i, "......................................................");
    return real_jc_net_jacobian(net, x, mode, jac, y);
}

void jc_arm_position(const jc_arm *arm, const double theta[2], double p[2])
{
    real_jc_arm_position(arm, theta, p);
}

/* Clears one entry too many. */
void jc_arm_jacobian(const jc_arm *arm, const double theta[2], double jac[4])
{
    for (int i = 0; i <= 4; i++)
        jac[i] = 0;
    real_jc_arm_jacobian(arm, theta, jac);
}

double jc_arm_determinant(const jc_arm *arm, const double theta[2])
{
    return real_jc_arm_determinant(arm, theta);
}

/* Starts working on theta before it knows the target is out of reach. */
jc_status jc_arm_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                       size_t max_iter, double theta[2], size_t *iterations)
{
    jc_status s = real_jc_arm_solve(arm, target, damping, tol, max_iter, theta, iterations);
    if (s == JC_ERR_UNREACHABLE)
        theta[0] += 0.5;
    return s;
}

/* Densities, not log-densities: far from every component they all underflow
 * to 0, and the responsibilities are 0 / 0. */
jc_status jc_mixture_score(const jc_mixture *mix, const double x[2], double score[2],
                           double *log_p)
{
    jc_status s = real_jc_mixture_score(mix, x, score, log_p);
    if (s != JC_OK)
        return s;
    double total = 0, sx = 0, sy = 0, weights = 0;
    for (size_t c = 0; c < mix->k; c++)
        weights += mix->weights[c];
    for (size_t c = 0; c < mix->k; c++) {
        double v = mix->sigmas[c] * mix->sigmas[c];
        double dx = mix->means[2 * c] - x[0], dy = mix->means[2 * c + 1] - x[1];
        double p = mix->weights[c] / weights * exp(-(dx * dx + dy * dy) / (2 * v)) /
                   (2 * 3.14159265358979323846 * v);
        total += p;
        sx += p * dx / v;
        sy += p * dy / v;
    }
    score[0] = sx / total;
    score[1] = sy / total;
    if (log_p)
        *log_p = log(total);
    return s;
}

/* Gives the score a buffer one value short. */
jc_status jc_langevin(const jc_score_fn *p, const double *x0, double step, size_t burn_in,
                      size_t thin, size_t n_samples, uint64_t seed, double *samples)
{
    if (p && p->score && x0 && p->dim) {
        double *s = malloc((p->dim - 1) * sizeof *s + 1);
        if (s) {
            p->score(x0, s, p->ctx);
            free(s);
        }
    }
    return real_jc_langevin(p, x0, step, burn_in, thin, n_samples, seed, samples);
}
