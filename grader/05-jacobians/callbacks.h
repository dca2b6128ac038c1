/* callbacks.h: the functions lesson 05's tests hand to the student's code
 * (maps, dual-number maps, matrix products, scores), on both sides of the
 * sandbox.
 *
 * A test puts one of the cb_* functions below into a jc_map (or jc_dual_map,
 * jc_linear_op, jc_score_fn) with a description as its ctx, and calls the
 * lesson function as if it ran in the same process. Function pointers cannot
 * cross into the sandbox, so the proxy (calls.c) sends the description
 * instead, and the sandbox gives the student's code a struct of its own
 * whose function runs the same code, compiled into the sandbox, and whose ctx
 * is opaque: the student's code can call it, not read it. What the student's
 * code did with it (calls, a wrong ctx, a NULL array) comes back in a
 * cb_report, and the proxy adds the calls to the description's count as the
 * test's own function would have. */
#ifndef LESSON05_CALLBACKS_H
#define LESSON05_CALLBACKS_H

#include <stddef.h>
#include <stdint.h>

#include "jacobians.h"

enum { CB_MAX_DIM = 8, CB_MAX_COMPONENTS = 8 };

typedef enum {
    /* maps (jc_map) */
    CB_SOURCE_3TO2, /* [x + y z, x^2 + y^2 + z^2] */
    CB_SOURCE_2TO2, /* [x^2 + y, sin(x y)] */
    CB_SMOOTH,      /* y_i = offset_i + sum_j a_ij sin(x_j / scale_j + c_ij)
                       + e_i (x_p / scale_p)(x_q / scale_q), p = i mod n, q = (i + 1) mod n */
    CB_LINEAR,      /* y = A x + offset (A is m x n in a) */
    CB_POLAR,       /* (r, t) -> (r cos t, r sin t) */
    /* dual-number maps (jc_dual_map), evaluated with the grader's own duals */
    CB_DUAL_3TO2,   /* the source's 3 -> 2 map */
    CB_DUAL_2TO2,   /* the source's 2 -> 2 map */
    CB_DUAL_MIXED,  /* y_i = sin(u) exp(v) + tanh(u) / (2 + cos v) + log(1 + w^2)
                       + (1 + w^2)^e_i, u = sum_j a_ij x_j, v = sum_j c_ij x_j,
                       w = x_(i mod n) - offset_i */
    /* scores (jc_score_fn) */
    CB_GAUSSIAN,    /* independent coordinates: mean offset_i, standard deviation scale_i */
    CB_MIXTURE,     /* the 2-D mixture of k isotropic Gaussians below */
} cb_kind;

typedef struct {
    cb_kind kind;
    size_t n, m; /* inputs, outputs (for a score: n = m = the dimension) */
    double a[CB_MAX_DIM * CB_MAX_DIM], c[CB_MAX_DIM * CB_MAX_DIM];
    double scale[CB_MAX_DIM], offset[CB_MAX_DIM], e[CB_MAX_DIM];
    size_t k; /* CB_MIXTURE: weights w (normalised), means mu (2 per component), sigma */
    double w[CB_MAX_COMPONENTS], mu[2 * CB_MAX_COMPONENTS], sigma[CB_MAX_COMPONENTS];
    long calls; /* judge side: how many times the student's code called the function */
} cb_desc;

/* A matrix known to the student's code only through jvp and vjp. */
typedef struct {
    size_t n, m;
    const double *a; /* m x n, row-major */
    long jvps, vjps;
} cb_matrix;

/* What the sandbox saw the student's code do with a callback. */
typedef struct {
    uint64_t calls, calls2; /* the function's calls (jvp for an operator); vjp calls */
    uint64_t wrong_ctx;     /* calls whose ctx was not the struct's */
    uint64_t null_array;    /* calls with a NULL array */
} cb_report;

/* What the functions compute, on either side (double precision). Named sb_
 * because in the sandbox they read and write the student's arrays: a crash
 * there is reported in the student's function that passed them (judge.c
 * skips sb_ frames). */
void sb_map_eval(const cb_desc *d, const double *x, double *y);
void sb_dual_eval(const cb_desc *d, const jc_dual *x, jc_dual *y);
void sb_score_eval(const cb_desc *d, const double *x, double *s);
void sb_matrix_jvp(const double *a, size_t m, size_t n, const double *v, double *out);
void sb_matrix_vjp(const double *a, size_t m, size_t n, const double *u, double *out);

/* The test's side: put these in the lesson's structs, with a cb_desc (or a
 * cb_matrix for jvp and vjp) as ctx. Each counts its calls in the ctx. */
void cb_map(const double *x, double *y, void *ctx);
void cb_dual_map(const jc_dual *x, jc_dual *y, void *ctx);
void cb_jvp(const double *v, double *out, void *ctx);
void cb_vjp(const double *u, double *out, void *ctx);
void cb_score(const double *x, double *s, void *ctx);

#endif
