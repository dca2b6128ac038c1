#define _POSIX_C_SOURCE 200809L
#include "reference.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grade.h"

long double ref_logsumexp(const long double *a, size_t n)
{
    long double m = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (a[i] > m)
            m = a[i];
    if (m == -INFINITY)
        return -INFINITY;
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != -INFINITY)
            s += expl(a[i] - m);
    return m + logl(s);
}

void ref_softmax(const long double *a, size_t n, long double *p)
{
    long double m = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (a[i] > m)
            m = a[i];
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != -INFINITY)
            s += expl(a[i] - m);
    for (size_t i = 0; i < n; i++)
        p[i] = a[i] == -INFINITY ? 0.0L : expl(a[i] - m) / s;
}

void ref_softmax_d(const double *a, size_t n, long double *p)
{
    long double *wide = alloc_long_doubles(n);
    for (size_t i = 0; i < n; i++)
        wide[i] = a[i];
    ref_softmax(wide, n, p);
    free(wide);
}

void ref_softmax_f(const float *a, size_t n, long double *p)
{
    long double *wide = alloc_long_doubles(n);
    for (size_t i = 0; i < n; i++)
        wide[i] = a[i];
    ref_softmax(wide, n, p);
    free(wide);
}

long double ref_logsumexp_d(const double *a, size_t n)
{
    long double *wide = alloc_long_doubles(n);
    for (size_t i = 0; i < n; i++)
        wide[i] = a[i];
    long double lse = ref_logsumexp(wide, n);
    free(wide);
    return lse;
}

long double ref_loss_logits(const long double *a, size_t n, size_t label)
{
    return ref_logsumexp(a, n) - a[label];
}

long double ref_entropy(const double *p, size_t n)
{
    long double h = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0)
            h -= p[i] * logl(p[i]);
    return h;
}

long double ref_cross_entropy(const double *p, const double *q, size_t n)
{
    long double h = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0)
            h -= q[i] > 0 ? p[i] * logl(q[i]) : -INFINITY;
    return h;
}

long double ref_kl(const double *p, const double *q, size_t n)
{
    long double d = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] > 0)
            d += q[i] > 0 ? p[i] * (logl(p[i]) - logl(q[i])) : INFINITY;
    return d;
}

void ref_logits(const sm_model *model, const double *pixels, long double *logits)
{
    for (int k = 0; k < SM_CLASSES; k++) {
        long double s = model->bias[k];
        for (int j = 0; j < SM_PIXELS; j++)
            s += (long double)model->weights[k][j] * pixels[j];
        logits[k] = s;
    }
}

int ref_predict(const sm_model *model, const double *pixels)
{
    long double logits[SM_CLASSES];
    ref_logits(model, pixels, logits);
    int best = 0;
    for (int k = 1; k < SM_CLASSES; k++)
        if (logits[k] > logits[best])
            best = k;
    return best;
}

long double ref_mean_loss(const sm_model *model, const double *pixels,
                          const unsigned char *labels, size_t n, double l2)
{
    long double total = 0;
    for (size_t i = 0; i < n; i++) {
        long double logits[SM_CLASSES];
        ref_logits(model, pixels + i * SM_PIXELS, logits);
        total += ref_loss_logits(logits, SM_CLASSES, labels[i]);
    }
    long double w2 = 0;
    for (int k = 0; k < SM_CLASSES; k++)
        for (int j = 0; j < SM_PIXELS; j++)
            w2 += (long double)model->weights[k][j] * model->weights[k][j];
    return total / n + 0.5L * l2 * w2;
}

void ref_gradient_step(sm_model *model, const double *pixels, const unsigned char *labels,
                       size_t n, double rate, double l2)
{
    long double gw[SM_CLASSES][SM_PIXELS] = {{0}}, gb[SM_CLASSES] = {0};
    for (size_t i = 0; i < n; i++) {
        const double *x = pixels + i * SM_PIXELS;
        long double logits[SM_CLASSES], q[SM_CLASSES];
        ref_logits(model, x, logits);
        ref_softmax(logits, SM_CLASSES, q);
        for (int k = 0; k < SM_CLASSES; k++) {
            long double e = q[k] - (k == labels[i] ? 1 : 0);
            gb[k] += e;
            for (int j = 0; j < SM_PIXELS; j++)
                gw[k][j] += e * x[j];
        }
    }
    for (int k = 0; k < SM_CLASSES; k++) {
        for (int j = 0; j < SM_PIXELS; j++) {
            long double w = model->weights[k][j];
            model->weights[k][j] = (double)(w - rate * (gw[k][j] / n + l2 * w));
        }
        model->bias[k] = (double)(model->bias[k] - rate * (gb[k] / n));
    }
}

size_t ref_load_digits(const char *path, double **pixels, unsigned char **labels)
{
    FILE *f = fopen(path, "r");
    if (!f)
        grade_fail("the grader could not open %s", path);
    size_t cap = 2048, n = 0;
    double *px = malloc(cap * SM_PIXELS * sizeof *px);
    unsigned char *lab = malloc(cap);
    if (!px || !lab)
        grade_fail("the grader ran out of memory");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (n == cap)
            grade_fail("the grader expected fewer than %zu lines in %s", cap, path);
        char *p = line;
        for (int j = 0; j <= SM_PIXELS; j++) {
            char *end;
            long v = strtol(p, &end, 10);
            if (end == p || *end != (j < SM_PIXELS ? ',' : '\n'))
                grade_fail("the grader could not parse line %zu of %s", n + 1, path);
            if (j < SM_PIXELS)
                px[n * SM_PIXELS + (size_t)j] = (double)v / 16;
            else
                lab[n] = (unsigned char)v;
            p = end + 1;
        }
        n++;
    }
    fclose(f);
    *pixels = px;
    *labels = lab;
    return n;
}

void fill_uniform(rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = rng_range(r, lo, hi);
}

void fill_dyadic(rng *r, double *v, size_t n, double lo, double hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = floor(rng_range(r, lo, hi) * 1024) / 1024;
}

void fill_distribution(rng *r, double *p, size_t n, unsigned zero_every)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) {
        p[i] = zero_every && rng_below(r, zero_every) == 0 ? 0 : rng_range(r, 0.01, 1);
        s += p[i];
    }
    if (s == 0) {
        p[rng_below(r, n)] = 1;
        s = 1;
    }
    for (size_t i = 0; i < n; i++)
        p[i] = (double)(p[i] / s);
}

double *alloc_doubles(size_t n)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

long double *alloc_long_doubles(size_t n)
{
    long double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

void expect_probabilities(const double *came, const long double *expected, size_t n,
                          double rel, double absolute, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        long double e = expected[i];
        if (!(fabsl(came[i] - e) <= rel * e + absolute))
            grade_fail("%s, entry %zu of %zu: expected %.17Lg, came %.17g (relative tolerance "
                       "%.0e)", what, i, n, e, came[i], rel);
    }
}

const char *status_name(sm_status s)
{
    static const char *const names[] = {
        "SM_OK", "SM_ERR_TODO", "SM_ERR_ARG", "SM_ERR_DOMAIN",
        "SM_ERR_IO", "SM_ERR_PARSE", "SM_ERR_NOMEM",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(sm_status came, sm_status expected, const char *what)
{
    if (came != expected)
        grade_fail("%s: expected %s, came %s", what, status_name(expected), status_name(came));
}
