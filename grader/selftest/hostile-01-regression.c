/* hostile-01-regression.c: a deliberately broken "student" for lesson 01.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-01-regression.h). grader/selftest/run.sh grades
 * this and checks that each misbehaviour costs exactly the tests it breaks,
 * with the right message, in bounded time. expected-01-regression.tsv lists
 * the outcome of every test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rename-01-regression.h"
#include "regression.h" /* declares the real_* functions */
#undef lr_status_str
#undef lr_eyetrack_load
#undef lr_eyetrack_free
#undef lr_error_naive
#undef lr_error_l1
#undef lr_error_sse
#undef lr_error_mse
#undef lr_predict
#undef lr_line_mse
#undef lr_mse_gradient
#undef lr_gradient_descent
#undef lr_descend_1d
#undef lr_fit_line
#undef lr_fit_multi
#undef lr_predict_multi

const char *lr_status_str(lr_status status)
{
    return real_lr_status_str(status);
}

/* A classic: exit when the file is missing instead of returning an error. */
lr_status lr_eyetrack_load(const char *path, lr_eyetrack *out, char *err, size_t err_size)
{
    if (access(path, R_OK) != 0) {
        perror(path);
        exit(0);
    }
    return real_lr_eyetrack_load(path, out, err, err_size);
}

/* Forgets one of the four arrays. */
void lr_eyetrack_free(lr_eyetrack *data)
{
    free(data->pupil_dilation);
    free(data->reading_time);
    free(data->fixations);
    memset(data, 0, sizeof *data);
}

double lr_error_naive(const double *y, const double *y_hat, size_t n)
{
    (void)y, (void)y_hat, (void)n;
    abort();
}

double lr_error_l1(const double *y, const double *y_hat, size_t n)
{
    return real_lr_error_l1(y, y_hat, n);
}

double lr_error_sse(const double *y, const double *y_hat, size_t n)
{
    volatile double sum = 0;
    for (size_t i = 0; i < n; i = i * 0) /* never advances */
        sum += y[i] - y_hat[i];
    return sum;
}

double lr_error_mse(const double *y, const double *y_hat, size_t n)
{
    return real_lr_error_mse(y, y_hat, n);
}

/* Prints 10 MB of debugging junk, the last line without a newline, then
 * does its job: the test must still pass. */
void lr_predict(lr_line line, const double *x, size_t n, double *y_hat)
{
    for (int i = 0; i < 100000; i++)
        printf("debug: %d %s\n", i, "................................................................................");
    printf("no newline at the end");
    real_lr_predict(line, x, n, y_hat);
}

double lr_line_mse(lr_line line, const double *x, const double *y, size_t n)
{
    (void)line, (void)x, (void)y, (void)n;
    _exit(0);
}

void lr_mse_gradient(const double *x, const double *y, size_t n, lr_line at, lr_line *grad)
{
    real_lr_mse_gradient(x, y, n, at, grad);
    grad->slope = grad->slope * 0.0 / 0.0;
}

/* Allocates forever and never touches the blocks: the cap counts what
 * malloc handed out, not resident pages. */
lr_status lr_gradient_descent(const double *x, const double *y, size_t n, lr_line start,
                              const lr_gd_options *options, lr_line *fit,
                              double *loss_history, size_t *iterations)
{
    void *volatile chain = NULL; /* volatile: the optimiser may not drop the blocks */
    for (;;) {
        void **block = malloc(1 << 20);
        if (!block)
            break;
        *block = chain;
        chain = block;
    }
    return real_lr_gradient_descent(x, y, n, start, options, fit, loss_history, iterations);
}

/* Writes one value past the end of path. */
double lr_descend_1d(double (*derivative)(double x, void *ctx), void *ctx, double x0,
                     double rate, size_t steps, double *path)
{
    double end = real_lr_descend_1d(derivative, ctx, x0, rate, steps, path);
    if (path)
        path[steps + 1] = end;
    return end;
}

lr_status lr_fit_line(const double *x, const double *y, size_t n, lr_line *fit)
{
    (void)x, (void)y, (void)fit;
    printf("about to fit %zu points", n); /* no newline, then a crash */
    *(volatile int *)16 = 1; /* an invalid address (not NULL, which UBSan reports first) */
    return LR_OK;
}

/* Correct, but scribbles on its const input afterwards. */
lr_status lr_fit_multi(const double *X, const double *y, size_t n, size_t m,
                       double *weights, double *intercept)
{
    lr_status s = real_lr_fit_multi(X, y, n, m, weights, intercept);
    if (s == LR_OK)
        ((double *)X)[0] += 1.0;
    return s;
}

/* Signed overflow: undefined behaviour, which UBSan turns into a failure. */
void lr_predict_multi(const double *X, size_t n, size_t m, const double *weights,
                      double intercept, double *y_hat)
{
    volatile int big = 2147483647;
    volatile int overflow = big + (int)n;
    (void)overflow;
    real_lr_predict_multi(X, n, m, weights, intercept, y_hat);
}
