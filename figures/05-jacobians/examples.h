/* examples.h: the maps, networks and densities the chapter of lesson 05 works
 * with, written once for the demo: each map as plain doubles (for central
 * differences) and, where the chapter differentiates it exactly, as dual
 * numbers (for forward mode). */
#ifndef FIGURES_05_EXAMPLES_H
#define FIGURES_05_EXAMPLES_H

#include <stddef.h>

#include "jacobians.h"

/* Section 2: F(x, y) = [x^2 + y, sin xy], the source's first example. */
void source_map(const double *x, double *y, void *ctx);
void source_map_dual(const jc_dual *x, jc_dual *y, void *ctx);
/* F(x, y, z) = [x + yz, x^2 + y^2 + z^2]. */
void three_inputs_dual(const jc_dual *x, jc_dual *y, void *ctx);
/* F(x, y) = [xy, ln(x^2 + y^2)]. */
void product_log_dual(const jc_dual *x, jc_dual *y, void *ctx);
/* (r, theta) -> (r cos theta, r sin theta). */
void polar_map(const double *x, double *y, void *ctx);
void polar_dual(const jc_dual *x, jc_dual *y, void *ctx);

/* h = tanh(W x + b) for one layer; ctx is a dense_layer. */
typedef struct {
    size_t in, out;
    const double *w, *b;
} dense_layer;
void dense_tanh(const double *x, double *y, void *ctx);

/* Section 8: the gradient of Rosenbrock's function
 * f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, in dual numbers: its forward-mode
 * Jacobian is f's Hessian. */
double rosenbrock(const double *x);
void rosenbrock_gradient_dual(const jc_dual *x, jc_dual *g, void *ctx);

/* A tanh network laid out like jc_tanh_net but of any depth, with room for
 * the activations of one input, so that its Jacobian can be applied to
 * vectors (jvp) and transposed ones (vjp) without being formed:
 * net_trace_run stores h_0 = x, ..., h_L, then net_jvp and net_vjp (ctx: the
 * net_trace) use them. */
typedef struct {
    size_t layers;
    const size_t *sizes; /* layers + 1 of them */
    const double *params;
    double *h;           /* h_0 .. h_L, one after another */
    double *work[2];     /* two vectors of the widest layer's size */
} net_trace;
int net_trace_init(net_trace *t, size_t layers, const size_t *sizes, const double *params);
void net_trace_run(net_trace *t, const double *x);
void net_trace_free(net_trace *t);
void net_jvp(const double *v, double *out, void *ctx);
void net_vjp(const double *u, double *out, void *ctx);
/* J^T u from the top of the first `layers` layers only. */
void net_vjp_depth(net_trace *t, size_t layers, const double *u, double *out);

/* The parameter count of such a network, and its parameters filled with
 * W ~ N(0, gain^2 / fan_in) and b = 0. */
size_t net_size(size_t layers, const size_t *sizes);
void net_fill(size_t layers, const size_t *sizes, double *params, double gain,
              unsigned long long seed);

/* A mixture's score as a jc_score_fn (ctx: the jc_mixture). */
void mixture_score_fn(const double *x, double *s, void *ctx);
/* The score of N(0, s^2) in one dimension (ctx: a double, s). */
void gaussian_score_fn(const double *x, double *score, void *ctx);

#endif
