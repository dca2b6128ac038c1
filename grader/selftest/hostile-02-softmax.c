/* hostile-02-softmax.c: a deliberately broken "student" for lesson 02.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-02-softmax.h). grader/selftest/run.sh grades
 * this and checks that each misbehaviour costs exactly the tests it breaks,
 * with the right message, in bounded time. expected-02-softmax.tsv lists the
 * outcome of every test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rename-02-softmax.h"
#include "softmax.h" /* declares the real_* functions */
#undef sm_status_str
#undef sm_normalize
#undef sm_logsumexp
#undef sm_softmax
#undef sm_log_softmax
#undef sm_softmax_temperature
#undef sm_entropy
#undef sm_cross_entropy
#undef sm_kl_divergence
#undef sm_cross_entropy_logits
#undef sm_cross_entropy_grad
#undef sm_digits_load
#undef sm_digits_free
#undef sm_digits_split
#undef sm_model_logits
#undef sm_train
#undef sm_predict
#undef sm_accuracy
#undef sm_softmax_rows

const char *sm_status_str(sm_status status)
{
    return real_sm_status_str(status);
}

/* Right, then one more value "to be safe": one past the end of p. Only when
 * it succeeded, so the test of refusals still passes. */
sm_status sm_normalize(const double *a, size_t n, double *p)
{
    sm_status s = real_sm_normalize(a, n, p);
    if (s == SM_OK)
        p[n] = 0;
    return s;
}

double sm_logsumexp(const double *a, size_t n)
{
    return real_sm_logsumexp(a, n);
}

/* Gives up on input it cannot handle by leaving the program. */
sm_status sm_softmax(const double *a, size_t n, double *p)
{
    sm_status s = real_sm_softmax(a, n, p);
    if (s == SM_ERR_DOMAIN) {
        fprintf(stderr, "sm_softmax: no distribution for these logits\n");
        exit(0);
    }
    return s;
}

/* Signed overflow: undefined behaviour, which UBSan turns into a failure. */
sm_status sm_log_softmax(const double *a, size_t n, double *out)
{
    volatile int big = 2147483647;
    volatile int overflow = big + (int)n;
    (void)overflow;
    return real_sm_log_softmax(a, n, out);
}

/* A loop whose counter never advances. */
sm_status sm_softmax_temperature(const double *a, size_t n, double temperature, double *p)
{
    volatile double t = temperature;
    for (size_t i = 0; i < n; i = i * 0) /* never advances */
        t += a ? 0 * a[i] : 0;
    return real_sm_softmax_temperature(a, n, t, p);
}

/* -sum p log p without the convention 0 log 0 = 0: NaN as soon as a
 * probability is 0. */
double sm_entropy(const double *p, size_t n)
{
    double h = 0;
    for (size_t i = 0; i < n; i++)
        h -= p[i] * log(p[i]);
    return h;
}

double sm_cross_entropy(const double *p, const double *q, size_t n)
{
    return real_sm_cross_entropy(p, q, n);
}

double sm_kl_divergence(const double *p, const double *q, size_t n)
{
    return real_sm_kl_divergence(p, q, n);
}

double sm_cross_entropy_logits(const double *logits, size_t n, size_t label)
{
    return real_sm_cross_entropy_logits(logits, n, label);
}

/* Right, but shifts the logits by their maximum in place first: a write to
 * a const input. */
void sm_cross_entropy_grad(const double *logits, size_t n, size_t label, double *grad)
{
    real_sm_cross_entropy_grad(logits, n, label, grad);
    double max = -INFINITY;
    for (size_t i = 0; i < n; i++)
        max = logits[i] > max ? logits[i] : max;
    for (size_t i = 0; i < n; i++)
        ((double *)logits)[i] -= max;
}

/* Loads correctly, then points the pixels at a wild address: the grader
 * must say so, not crash copying them. */
sm_status sm_digits_load(const char *path, sm_digits *out, char *err, size_t err_size)
{
    sm_status s = real_sm_digits_load(path, out, err, err_size);
    if (s != SM_OK)
        return s;
    free(out->pixels);
    out->pixels = (double *)(uintptr_t)0x1000; /* garbage */
    return s;
}

void sm_digits_free(sm_digits *digits)
{
    real_sm_digits_free(digits);
}

sm_status sm_digits_split(const sm_digits *all, sm_digits *train, sm_digits *test)
{
    return real_sm_digits_split(all, train, test);
}

/* A buffer of its own, one too small. */
void sm_model_logits(const sm_model *model, const double *pixels, double *logits)
{
    double *tmp = malloc((SM_CLASSES - 1) * sizeof *tmp);
    if (!tmp)
        return;
    real_sm_model_logits(model, pixels, logits);
    for (int k = 0; k < SM_CLASSES; k++)
        tmp[k] = logits[k];
    free(tmp);
}

/* Prints 10 MB of debugging output on its first call, then does its job:
 * the tests must still pass. */
sm_status sm_train(sm_model *model, const double *pixels, const unsigned char *labels, size_t n,
                   const sm_train_options *options, double *epoch_loss)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 100000; i++)
            printf("train: %d %s\n", i, "........................................................"
                                        "........................");
    return real_sm_train(model, pixels, labels, n, options, epoch_loss);
}

/* A buffer of logits, never freed. */
int sm_predict(const sm_model *model, const double *pixels)
{
    double *logits = malloc(SM_CLASSES * sizeof *logits);
    if (!logits)
        return -1;
    real_sm_model_logits(model, pixels, logits);
    return real_sm_predict(model, pixels);
}

double sm_accuracy(const sm_model *model, const double *pixels, const unsigned char *labels,
                   size_t n, size_t *confusion)
{
    return real_sm_accuracy(model, pixels, labels, n, confusion);
}

/* An assert that is wrong for large matrices. */
void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    if (rows * cols > 1000) {
        fprintf(stderr, "sm_softmax_rows: rows * cols <= 1000 failed\n");
        abort();
    }
    real_sm_softmax_rows(x, rows, cols, out);
}
