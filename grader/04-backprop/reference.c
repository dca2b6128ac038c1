#define _POSIX_C_SOURCE 200809L
#include "reference.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

bp_mlp ref_mlp_make(const size_t *sizes, size_t layers, bp_activation hidden, rng *r)
{
    bp_mlp net;
    memset(&net, 0, sizeof net);
    net.layers = layers;
    net.hidden = hidden;
    size_t count = 0;
    for (size_t l = 0; l < layers; l++)
        count += sizes[l + 1] * sizes[l] + sizes[l + 1];
    memcpy(net.sizes, sizes, (layers + 1) * sizeof *sizes);
    net.param_count = count;
    net.params = alloc_doubles(count);
    double *p = net.params;
    for (size_t l = 0; l < layers; l++) {
        bp_dense *d = &net.layer[l];
        d->in = sizes[l];
        d->out = sizes[l + 1];
        d->w = p;
        d->b = p + d->in * d->out;
        double scale = sqrt(3.0 / (double)d->in);
        fill_uniform(r, d->w, d->in * d->out, -scale, scale);
        fill_uniform(r, d->b, d->out, -0.1, 0.1);
        p = d->b + d->out;
    }
    return net;
}

void ref_mlp_free(bp_mlp *net)
{
    free(net->params);
    memset(net, 0, sizeof *net);
}

long double ref_activate(bp_activation f, long double z)
{
    switch (f) {
    case BP_IDENTITY: return z;
    case BP_RELU_ACT: return z > 0 ? z : 0;
    case BP_SIGMOID_ACT: return 1 / (1 + expl(-z));
    case BP_TANH_ACT: return tanhl(z);
    }
    return NAN;
}

void ref_mlp_logits(const bp_mlp *net, const double *x, long double *logits)
{
    size_t widest = 0;
    for (size_t l = 0; l <= net->layers; l++)
        widest = net->sizes[l] > widest ? net->sizes[l] : widest;
    long double *in = alloc_long_doubles(widest), *out = alloc_long_doubles(widest);
    for (size_t j = 0; j < net->sizes[0]; j++)
        in[j] = x[j];
    for (size_t l = 0; l < net->layers; l++) {
        const bp_dense *d = &net->layer[l];
        for (size_t i = 0; i < d->out; i++) {
            long double s = d->b[i];
            for (size_t j = 0; j < d->in; j++)
                s += (long double)d->w[i * d->in + j] * in[j];
            out[i] = l + 1 < net->layers ? ref_activate(net->hidden, s) : s;
        }
        long double *t = in;
        in = out;
        out = t;
    }
    memcpy(logits, in, net->sizes[net->layers] * sizeof *logits);
    free(in);
    free(out);
}

long double ref_mlp_loss(const bp_mlp *net, const double *x, const unsigned char *labels,
                         size_t batch)
{
    size_t classes = net->sizes[net->layers];
    long double *logits = alloc_long_doubles(classes), total = 0;
    for (size_t r = 0; r < batch; r++) {
        ref_mlp_logits(net, x + r * net->sizes[0], logits);
        long double m = logits[0], s = 0;
        for (size_t c = 1; c < classes; c++)
            m = logits[c] > m ? logits[c] : m;
        for (size_t c = 0; c < classes; c++)
            s += expl(logits[c] - m);
        total += m + logl(s) - logits[labels[r]];
    }
    free(logits);
    return total / batch;
}

void ref_mlp_numeric_grad(bp_mlp *net, const double *x, const unsigned char *labels,
                          size_t batch, double h, long double *grad)
{
    for (size_t i = 0; i < net->param_count; i++) {
        double p = net->params[i];
        net->params[i] = p + h;
        long double up = ref_mlp_loss(net, x, labels, batch);
        net->params[i] = p - h;
        long double down = ref_mlp_loss(net, x, labels, batch);
        net->params[i] = p;
        grad[i] = (up - down) / ((long double)(p + h) - (long double)(p - h));
    }
}

size_t ref_load_digits(const char *path, double **pixels, unsigned char **labels)
{
    FILE *f = fopen(path, "r");
    if (!f)
        grade_fail("the grader could not open %s", path);
    size_t cap = 2048, n = 0;
    double *px = malloc(cap * BP_PIXELS * sizeof *px);
    unsigned char *lab = malloc(cap);
    if (!px || !lab)
        grade_fail("the grader ran out of memory");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        if (n == cap)
            grade_fail("the grader expected fewer than %zu lines in %s", cap, path);
        char *p = line;
        for (int j = 0; j <= BP_PIXELS; j++) {
            char *end;
            long v = strtol(p, &end, 10);
            if (end == p || *end != (j < BP_PIXELS ? ',' : '\n'))
                grade_fail("the grader could not parse line %zu of %s", n + 1, path);
            if (j < BP_PIXELS)
                px[n * BP_PIXELS + (size_t)j] = (double)v / 16;
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

const char *status_name(bp_status s)
{
    static const char *const names[] = {
        "BP_OK", "BP_ERR_TODO", "BP_ERR_ARG", "BP_ERR_GRAPH", "BP_ERR_IO", "BP_ERR_PARSE",
        "BP_ERR_NOMEM",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(bp_status came, bp_status expected, const char *what)
{
    if (came != expected)
        grade_fail("%s: expected %s, came %s", what, status_name(expected), status_name(came));
}
