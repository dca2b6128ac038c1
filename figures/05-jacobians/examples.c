/* examples.c: the maps, networks and densities of lesson 05's chapter. */
#include "examples.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

void source_map(const double *x, double *y, void *ctx)
{
    (void)ctx;
    y[0] = x[0] * x[0] + x[1];
    y[1] = sin(x[0] * x[1]);
}

void source_map_dual(const jc_dual *x, jc_dual *y, void *ctx)
{
    (void)ctx;
    y[0] = jc_dual_add(jc_dual_mul(x[0], x[0]), x[1]);
    y[1] = jc_dual_sin(jc_dual_mul(x[0], x[1]));
}

void three_inputs_dual(const jc_dual *x, jc_dual *y, void *ctx)
{
    (void)ctx;
    y[0] = jc_dual_add(x[0], jc_dual_mul(x[1], x[2]));
    y[1] = jc_dual_add(jc_dual_add(jc_dual_mul(x[0], x[0]), jc_dual_mul(x[1], x[1])),
                       jc_dual_mul(x[2], x[2]));
}

void product_log_dual(const jc_dual *x, jc_dual *y, void *ctx)
{
    (void)ctx;
    y[0] = jc_dual_mul(x[0], x[1]);
    y[1] = jc_dual_log(jc_dual_add(jc_dual_mul(x[0], x[0]), jc_dual_mul(x[1], x[1])));
}

void polar_map(const double *x, double *y, void *ctx)
{
    (void)ctx;
    y[0] = x[0] * cos(x[1]);
    y[1] = x[0] * sin(x[1]);
}

void polar_dual(const jc_dual *x, jc_dual *y, void *ctx)
{
    (void)ctx;
    y[0] = jc_dual_mul(x[0], jc_dual_cos(x[1]));
    y[1] = jc_dual_mul(x[0], jc_dual_sin(x[1]));
}

void dense_tanh(const double *x, double *y, void *ctx)
{
    const dense_layer *l = ctx;
    for (size_t i = 0; i < l->out; i++) {
        double z = l->b[i];
        for (size_t j = 0; j < l->in; j++)
            z += l->w[i * l->in + j] * x[j];
        y[i] = tanh(z);
    }
}

double rosenbrock(const double *x)
{
    double a = 1 - x[0], b = x[1] - x[0] * x[0];
    return a * a + 100 * b * b;
}

/* df/dx = -2 (1 - x) - 400 x (y - x^2), df/dy = 200 (y - x^2). */
void rosenbrock_gradient_dual(const jc_dual *x, jc_dual *g, void *ctx)
{
    (void)ctx;
    jc_dual b = jc_dual_sub(x[1], jc_dual_mul(x[0], x[0]));
    jc_dual a = jc_dual_sub(jc_dual_const(1), x[0]);
    g[0] = jc_dual_sub(jc_dual_mul(jc_dual_const(-2), a),
                       jc_dual_mul(jc_dual_mul(jc_dual_const(400), x[0]), b));
    g[1] = jc_dual_mul(jc_dual_const(200), b);
}

size_t net_size(size_t layers, const size_t *sizes)
{
    size_t n = 0;
    for (size_t l = 0; l < layers; l++)
        n += sizes[l + 1] * (sizes[l] + 1);
    return n;
}

static size_t widest(size_t layers, const size_t *sizes)
{
    size_t w = 0;
    for (size_t l = 0; l <= layers; l++)
        w = sizes[l] > w ? sizes[l] : w;
    return w;
}

static size_t activation_count(size_t layers, const size_t *sizes)
{
    size_t n = 0;
    for (size_t l = 0; l <= layers; l++)
        n += sizes[l];
    return n;
}

int net_trace_init(net_trace *t, size_t layers, const size_t *sizes, const double *params)
{
    *t = (net_trace){layers, sizes, params, NULL, {NULL, NULL}};
    t->h = malloc(activation_count(layers, sizes) * sizeof *t->h);
    t->work[0] = malloc(widest(layers, sizes) * sizeof(double));
    t->work[1] = malloc(widest(layers, sizes) * sizeof(double));
    if (!t->h || !t->work[0] || !t->work[1]) {
        net_trace_free(t);
        return -1;
    }
    return 0;
}

void net_trace_free(net_trace *t)
{
    free(t->h);
    free(t->work[0]);
    free(t->work[1]);
    t->h = t->work[0] = t->work[1] = NULL;
}

/* Layer l's W (its b follows it). */
static const double *layer_weights(const net_trace *t, size_t l)
{
    const double *p = t->params;
    for (size_t k = 0; k < l; k++)
        p += t->sizes[k + 1] * (t->sizes[k] + 1);
    return p;
}

/* h_l. */
static double *activations(net_trace *t, size_t l)
{
    double *h = t->h;
    for (size_t k = 0; k < l; k++)
        h += t->sizes[k];
    return h;
}

void net_trace_run(net_trace *t, const double *x)
{
    memcpy(t->h, x, t->sizes[0] * sizeof *x);
    for (size_t l = 0; l < t->layers; l++) {
        size_t in = t->sizes[l], out = t->sizes[l + 1];
        const double *w = layer_weights(t, l), *b = w + out * in, *h = activations(t, l);
        double *next = activations(t, l + 1);
        for (size_t i = 0; i < out; i++) {
            double z = b[i];
            for (size_t j = 0; j < in; j++)
                z += w[i * in + j] * h[j];
            next[i] = tanh(z);
        }
    }
}

/* out = D_l W_l v for layer l, with D_l = diag(1 - h_(l+1)^2). */
static void layer_jvp(net_trace *t, size_t l, const double *v, double *out)
{
    size_t in = t->sizes[l], out_size = t->sizes[l + 1];
    const double *w = layer_weights(t, l), *h = activations(t, l + 1);
    for (size_t i = 0; i < out_size; i++) {
        double z = 0;
        for (size_t j = 0; j < in; j++)
            z += w[i * in + j] * v[j];
        out[i] = (1 - h[i] * h[i]) * z;
    }
}

/* out = W_l^T D_l u. */
static void layer_vjp(net_trace *t, size_t l, const double *u, double *out)
{
    size_t in = t->sizes[l], out_size = t->sizes[l + 1];
    const double *w = layer_weights(t, l), *h = activations(t, l + 1);
    for (size_t j = 0; j < in; j++)
        out[j] = 0;
    for (size_t i = 0; i < out_size; i++) {
        double d = (1 - h[i] * h[i]) * u[i];
        for (size_t j = 0; j < in; j++)
            out[j] += w[i * in + j] * d;
    }
}

void net_jvp(const double *v, double *out, void *ctx)
{
    net_trace *t = ctx;
    memcpy(t->work[0], v, t->sizes[0] * sizeof *v);
    for (size_t l = 0; l < t->layers; l++)
        layer_jvp(t, l, t->work[l % 2], t->work[(l + 1) % 2]);
    memcpy(out, t->work[t->layers % 2], t->sizes[t->layers] * sizeof *out);
}

void net_vjp_depth(net_trace *t, size_t layers, const double *u, double *out)
{
    memcpy(t->work[0], u, t->sizes[layers] * sizeof *u);
    for (size_t k = 0; k < layers; k++)
        layer_vjp(t, layers - 1 - k, t->work[k % 2], t->work[(k + 1) % 2]);
    memcpy(out, t->work[layers % 2], t->sizes[0] * sizeof *out);
}

void net_vjp(const double *u, double *out, void *ctx)
{
    net_trace *t = ctx;
    net_vjp_depth(t, t->layers, u, out);
}

void net_fill(size_t layers, const size_t *sizes, double *params, double gain,
              unsigned long long seed)
{
    rng r;
    rng_seed(&r, seed);
    double *p = params;
    for (size_t l = 0; l < layers; l++) {
        size_t in = sizes[l], out = sizes[l + 1];
        double scale = gain / sqrt((double)in);
        for (size_t i = 0; i < out * in; i++)
            *p++ = scale * rng_normal(&r);
        for (size_t i = 0; i < out; i++)
            *p++ = 0;
    }
}

void mixture_score_fn(const double *x, double *s, void *ctx)
{
    jc_mixture_score(ctx, x, s, NULL);
}

void gaussian_score_fn(const double *x, double *score, void *ctx)
{
    double s = *(const double *)ctx;
    score[0] = -x[0] / (s * s);
}
