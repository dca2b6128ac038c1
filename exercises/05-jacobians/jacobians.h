/* jacobians.h: Lesson 05, Jacobians, change of variables and the two scores.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/05-jacobians/ and the reference in solutions/05-jacobians/
 * implement exactly these functions; lessons/05-jacobians.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return a jc_status. Matrices are row-major: an m x n matrix A has
 * entry (i, j) at a[i * n + j]. A Jacobian of a map from n inputs to m
 * outputs is m x n: row i is the gradient of output i.
 */
#ifndef JACOBIANS_H
#define JACOBIANS_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    JC_OK = 0,
    JC_ERR_TODO,        /* not implemented yet (the skeleton's placeholder) */
    JC_ERR_ARG,         /* a NULL pointer, a size of 0, an option out of range */
    JC_ERR_NOMEM,       /* out of memory */
    JC_ERR_NOCONVERGE,  /* an iteration did not meet its tolerance in time */
    JC_ERR_UNREACHABLE, /* a target outside the robot arm's reach */
} jc_status;

/* A short English description of a status. */
const char *jc_status_str(jc_status status);

/* A map F from n inputs to m outputs: f(x, y, ctx) writes y = F(x), with x
 * of n values and y of m. ctx is passed through untouched. */
typedef void (*jc_map_fn)(const double *x, double *y, void *ctx);

typedef struct {
    size_t n, m; /* inputs, outputs */
    jc_map_fn f;
    void *ctx;
} jc_map;

/* ---- Exercise 1: central differences (section 3) ------------------------- */

/* The error model of a central difference (f(x+h) - f(x-h)) / 2h: rounding
 * eps |f| / h plus truncation h^2 |f'''| / 6, with eps = DBL_EPSILON.
 * f_abs is |f| near x, f3_abs is |f'''| near x; h > 0. */
double jc_central_error(double h, double f_abs, double f3_abs);

/* The h > 0 that minimises jc_central_error: cbrt(3 eps f_abs / f3_abs).
 * +infinity when f3_abs is 0 (no truncation error), 0 when f_abs is 0. */
double jc_central_best_step(double f_abs, double f3_abs);

/* The step for coordinate value x when nothing is known about f:
 * cbrt(eps) * max(|x|, 1), adjusted so that (x + h) - x == h exactly (the
 * step the difference divides by is the step the function saw). */
double jc_central_step(double x);

/* The m x n Jacobian of f at x (n values) by central differences, one
 * coordinate at a time, each with its own jc_central_step. Calls f 2n
 * times and never changes x (it works on a copy). JC_ERR_ARG for NULL
 * pointers (f, f->f, x, jac) or n or m of 0; JC_ERR_NOMEM. */
jc_status jc_jacobian_central(const jc_map *f, const double *x, double *jac);

/* ---- Exercise 2: forward mode with dual numbers (section 4) -------------- */

/* A dual number v + d e with e^2 = 0: a value and its derivative along one
 * direction. f(v + d e) = f(v) + f'(v) d e, exactly. */
typedef struct {
    double v, d;
} jc_dual;

jc_dual jc_dual_const(double v);    /* v + 0 e */
jc_dual jc_dual_var(double v);      /* v + 1 e: the variable we differentiate by */
jc_dual jc_dual_add(jc_dual a, jc_dual b);
jc_dual jc_dual_sub(jc_dual a, jc_dual b);
jc_dual jc_dual_mul(jc_dual a, jc_dual b);
jc_dual jc_dual_div(jc_dual a, jc_dual b);
jc_dual jc_dual_sin(jc_dual a);
jc_dual jc_dual_cos(jc_dual a);
jc_dual jc_dual_exp(jc_dual a);
jc_dual jc_dual_log(jc_dual a);
jc_dual jc_dual_tanh(jc_dual a); /* derivative 1 - tanh^2, accurate for large |v| */
/* a^b. When b is a constant (b.d == 0) the derivative is b a^(b-1) a.d,
 * defined for negative a with a whole b (x^3 at x = -2 has slope 12) and
 * 0 when a.d is 0; otherwise a^b (log(a) b.d + b a.d / a), which needs
 * a > 0 (NaN otherwise, as log's would be). */
jc_dual jc_dual_pow(jc_dual a, jc_dual b);

/* A map written with dual numbers: x of n duals in, y of m duals out. */
typedef void (*jc_dual_fn)(const jc_dual *x, jc_dual *y, void *ctx);

typedef struct {
    size_t n, m;
    jc_dual_fn f;
    void *ctx;
} jc_dual_map;

/* The m x n Jacobian at x by forward mode: column j is the derivative part
 * of f at x with input j seeded with d = 1 and the others 0. n calls, exact
 * to rounding. If y is not NULL it receives F(x) (m values). JC_ERR_ARG for
 * NULL pointers or sizes of 0; JC_ERR_NOMEM. */
jc_status jc_jacobian_forward(const jc_dual_map *f, const double *x, double *jac, double *y);

/* ---- Exercise 3: determinants and area (section 5) ----------------------- */

/* The determinant of the n x n matrix a by Gaussian elimination with
 * partial pivoting (the largest |entry| of the column below the diagonal
 * becomes the pivot; each row swap flips the sign). Exactly 0 for a matrix
 * with a column of zeros; a is not changed (the work is done on a copy).
 * JC_ERR_ARG for NULL pointers or n == 0 (or n * n overflowing);
 * JC_ERR_NOMEM. */
jc_status jc_determinant(const double *a, size_t n, double *det);

/* The same elimination, but the result as sign * exp(log_abs), which
 * neither overflows nor underflows (the determinant of 1000 * I of size
 * 400 is 10^1200): *sign is -1, 0 or +1, and *log_abs is -infinity when
 * the determinant is 0. */
jc_status jc_log_determinant(const double *a, size_t n, double *sign, double *log_abs);

/* The signed area of the image of a square under a map of the plane (f->n
 * == f->m == 2): the square has the given center and side; its boundary,
 * walked counter-clockwise from the corner (cx - side/2, cy - side/2) with
 * `segments` equal steps per edge, is mapped by f and the polygon's area is
 * taken by the shoelace formula. Positive when f keeps the orientation,
 * negative when it flips it; divided by side^2 it tends to det J(center) as
 * side -> 0. JC_ERR_ARG for NULL pointers, a map not from 2 to 2, side not
 * > 0 or segments == 0. */
jc_status jc_image_area(const jc_map *f, const double center[2], double side, size_t segments,
                        double *area);

/* ---- Exercise 4: the spectral norm, matrix-free (section 6) -------------- */

/* A linear map J from n to m values known only through its products:
 * jvp(v, out, ctx) writes out = J v (v: n values, out: m), and
 * vjp(u, out, ctx) writes out = J^T u (u: m values, out: n). */
typedef struct {
    size_t n, m;
    void (*jvp)(const double *v, double *out, void *ctx);
    void (*vjp)(const double *u, double *out, void *ctx);
    void *ctx;
} jc_linear_op;

/* The largest singular value ||J||_2 by power iteration on J^T J: from a
 * start vector of standard normals (an rng seeded with seed), repeat
 * u = J v, sigma = |u| / |v|, v = J^T u / |J^T u|, until two successive
 * estimates of sigma differ by at most tol * sigma; *iterations (may be
 * NULL) receives the number of products J v taken. 0 for J = 0 (v
 * vanishes). JC_ERR_NOCONVERGE (with the last estimate in *sigma) when
 * max_iter products were not enough; JC_ERR_ARG for NULL pointers, sizes
 * of 0, tol not > 0 or max_iter == 0; JC_ERR_NOMEM. */
jc_status jc_spectral_norm(const jc_linear_op *op, uint64_t seed, double tol, size_t max_iter,
                           double *sigma, size_t *iterations);

/* ---- Exercise 5: the Jacobian of a tanh network (sections 6, 7) ---------- */

enum { JC_MAX_LAYERS = 16 };

/* x (sizes[0]) -> h1 = tanh(W1 x + b1) -> ... -> y = tanh(WL h(L-1) + bL)
 * (sizes[layers]): every layer, the last included, is followed by tanh. The
 * parameters live in params, layer after layer, each layer's W (sizes[l+1]
 * x sizes[l], row-major) followed by its b (sizes[l+1]). */
typedef struct {
    size_t layers;
    size_t sizes[JC_MAX_LAYERS + 1];
    const double *params;
} jc_tanh_net;

/* The number of doubles params must hold; 0 when layers is 0 or above
 * JC_MAX_LAYERS, a size is 0, or the count would overflow a size_t. */
size_t jc_net_param_count(const jc_tanh_net *net);

/* y = the network's output at x (sizes[layers] values). JC_ERR_ARG for NULL
 * pointers or a network jc_net_param_count rejects; JC_ERR_NOMEM. */
jc_status jc_net_forward(const jc_tanh_net *net, const double *x, double *y);

typedef enum {
    JC_MODE_AUTO,    /* the cheaper of the two for the network's shape */
    JC_MODE_FORWARD, /* from the input side: J = D1 W1, then J = Dl (Wl J) */
    JC_MODE_REVERSE, /* from the output side: J = DL WL, then J = (J Dl) Wl */
} jc_mode;

/* The whole sizes[layers] x sizes[0] Jacobian of the network at x,
 * J = D_L W_L ... D_1 W_1 with D_l = diag(1 - h_l^2), multiplied in the
 * order `mode` says; if y is not NULL it receives the output. JC_MODE_AUTO
 * chooses forward when the matrix products from the input side cost fewer
 * multiply-adds than those from the output side, reverse otherwise.
 * Errors as jc_net_forward, and JC_ERR_ARG for an unknown mode. */
jc_status jc_net_jacobian(const jc_tanh_net *net, const double *x, jc_mode mode, double *jac,
                          double *y);

/* ---- Exercise 6: the two-link robot arm (section 8) ---------------------- */

/* Two links of lengths l1, l2 > 0 in the plane, joined at the elbow; the
 * shoulder is at the origin. theta[0] is the shoulder angle from the x
 * axis, theta[1] the elbow angle relative to the first link. */
typedef struct {
    double l1, l2;
} jc_arm;

/* The hand's position p = (l1 cos t0 + l2 cos(t0 + t1),
 *                          l1 sin t0 + l2 sin(t0 + t1)). */
void jc_arm_position(const jc_arm *arm, const double theta[2], double p[2]);

/* dp/dtheta, 2 x 2 row-major, and its determinant l1 l2 sin t1 (0 when the
 * arm is stretched out or folded back: the singular configurations). */
void jc_arm_jacobian(const jc_arm *arm, const double theta[2], double jac[4]);
double jc_arm_determinant(const jc_arm *arm, const double theta[2]);

/* Inverse kinematics by damped least squares: from theta (in: the start,
 * out: the solution), repeat e = target - p(theta), stop when |e| <= tol,
 * else theta += J^T (J J^T + damping^2 I)^-1 e. damping = 0 is Newton's
 * method; a small damping keeps the steps finite near singular
 * configurations. *iterations (may be NULL) receives the number of steps.
 * JC_ERR_UNREACHABLE (theta untouched) when |target| > l1 + l2 or
 * |target| < |l1 - l2| by more than tol; JC_ERR_NOCONVERGE (theta at the
 * last iterate) after max_iter steps; JC_ERR_ARG for NULL pointers, lengths
 * not > 0, tol not > 0, damping < 0 or a NaN anywhere. */
jc_status jc_arm_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                       size_t max_iter, double theta[2], size_t *iterations);

/* ---- Exercise 7: scores and Langevin sampling (section 9) ---------------- */

/* A mixture of k Gaussians in the plane with isotropic covariances:
 * component c has weight weights[c] (> 0; they need not sum to 1, they are
 * normalised), mean means[2c], means[2c+1] and standard deviation
 * sigmas[c] > 0. */
typedef struct {
    size_t k;
    const double *weights, *means, *sigmas;
} jc_mixture;

/* The Stein score grad_x log p(x) of the mixture at x (2 values) into
 * score: the responsibilities r_c = w_c N_c(x) / sum w N times
 * (mu_c - x) / sigma_c^2, summed, with the responsibilities computed from
 * log-densities (log-sum-exp), so that a point far from every component
 * (x = 1e3, say) still gets a finite score, not 0/0. If log_p is not NULL
 * it receives log p(x). JC_ERR_ARG for NULL pointers, k == 0, or a weight
 * or sigma not > 0. */
jc_status jc_mixture_score(const jc_mixture *mix, const double x[2], double score[2],
                           double *log_p);

/* A density in dim dimensions known through its score: score(x, s, ctx)
 * writes s = grad log p(x). */
typedef struct {
    size_t dim;
    void (*score)(const double *x, double *s, void *ctx);
    void *ctx;
} jc_score_fn;

/* Unadjusted Langevin dynamics: x_(t+1) = x_t + (step / 2) score(x_t) +
 * sqrt(step) z_t, z_t standard normal from an rng seeded with seed (one
 * rng_normal per coordinate, coordinates in order). Starts at x0, discards
 * burn_in steps, then writes every thin-th state into samples (n_samples x
 * dim, row-major): n_samples * thin steps after the burn-in. The same
 * arguments give the same samples. JC_ERR_ARG for NULL pointers, dim, thin
 * or n_samples of 0, step not > 0; JC_ERR_NOMEM. */
jc_status jc_langevin(const jc_score_fn *p, const double *x0, double step, size_t burn_in,
                      size_t thin, size_t n_samples, uint64_t seed, double *samples);

#endif
