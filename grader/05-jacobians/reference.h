/* reference.h: independent reference computations for lesson 05's tests.
 *
 * Closed forms and plain loops in long double, by other methods than the
 * lesson's where the lesson names one (a determinant by Householder QR, the
 * largest singular value by Jacobi's eigenvalue method): the expected values
 * of the tests come from here, never from the code under test. */
#ifndef LESSON05_REFERENCE_H
#define LESSON05_REFERENCE_H

#include <stddef.h>

#include "callbacks.h"
#include "jacobians.h"
#include "rng.h"

/* The chapter's sections, as the hints name them (a subsection where the
 * section's own title has a comma, which grade.h rules out). */
#define SEC_CENTRAL "3 Central differences"
#define SEC_DUAL "4 Forward mode: dual numbers"
#define SEC_DETERMINANT "5.2 Computing a determinant"
#define SEC_AREA "5 Determinants and the change of variables"
#define SEC_SPECTRAL "6.2 The spectral norm"
#define SEC_NETWORK "7 The whole Jacobian of a network"
#define SEC_ARM "8.2 The two-link arm"
#define SEC_INVERSE "8.3 Inverse kinematics"
#define SEC_SCORE "9.2 The Stein score"
#define SEC_LANGEVIN "9.3 Langevin sampling"

#define EPS 2.220446049250313e-16 /* DBL_EPSILON */

/* ---- memory, random inputs, statuses ---- */
double *alloc_doubles(size_t n);
long double *alloc_long_doubles(size_t n);
void fill_uniform(rng *r, double *v, size_t n, double lo, double hi);
/* 10^u with u uniform on [lo, hi): a scale spread over decades. */
double log_uniform(rng *r, double lo, double hi);
const char *status_name(jc_status s);
void expect_status(jc_status came, jc_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- exercise 1: central differences ---- */
/* cbrt(eps) max(|x|, 1), made exactly representable as a difference. */
double ref_central_step(double x);
/* The maps' values and Jacobians, in closed form. */
void ref_map_value(const cb_desc *d, const double *x, long double *y);
void ref_map_jacobian(const cb_desc *d, const double *x, long double *jac);
/* Bounds for the error model of a central difference of output i along
 * input j with step h: the size of the terms f_i sums near x (what its
 * rounding is relative to), and the largest |d^3 f_i / d x_j^3| there. */
double ref_map_size(const cb_desc *d, const double *x, size_t i, size_t j, double h);
double ref_map_third(const cb_desc *d, const double *x, size_t i, size_t j, double h);

/* ---- exercise 2: dual numbers ---- */
/* The Jacobian (m x n) and value of a dual-number map, in closed form. */
void ref_dual_jacobian(const cb_desc *d, const double *x, long double *jac, long double *y);

/* ---- exercise 3: determinants ---- */
/* The determinant of a (n x n) by Householder QR in long double: its sign
 * (-1, 0, 1), log |det|, and ||A^-1||_F ||A||_F (infinite when singular),
 * which bounds how much rounding can move it. */
void ref_determinant(const double *a, size_t n, int *sign, long double *log_abs,
                     long double *condition);
/* The product of the rows' Euclidean norms: Hadamard's bound on |det a|. */
long double ref_hadamard_bound(const double *a, size_t n);

/* ---- exercise 4: the spectral norm ---- */
/* A random n x n orthogonal matrix (Gram-Schmidt on standard normals). */
void ref_random_orthogonal(rng *r, size_t n, long double *q);
/* The m x n matrix U diag(s) V^T with U, V random orthogonal: its singular
 * values are s (min(m, n) of them). */
void ref_matrix_with_singular_values(rng *r, size_t m, size_t n, const double *s, double *a);
/* The largest singular value, by Jacobi's method on the smaller Gram matrix. */
long double ref_sigma_max(const double *a, size_t m, size_t n);

/* ---- exercise 5: the network ---- */
/* Weights uniform in +-sqrt(3 / fan_in) times gain, biases in +-0.2. Free
 * params with free(). */
jc_tanh_net ref_net_make(const size_t *sizes, size_t layers, double gain, rng *r);
void ref_net_forward(const jc_tanh_net *net, const double *x, long double *y);
/* The Jacobian (sizes[L] x sizes[0]) and the same product with every factor
 * replaced by its absolute value (what rounding errors are relative to). */
void ref_net_jacobian(const jc_tanh_net *net, const double *x, long double *jac,
                      long double *jac_abs);

/* ---- exercise 6: the arm ---- */
void ref_arm_position(const jc_arm *arm, const double theta[2], long double p[2]);
/* |p(theta) - target| in long double. */
long double ref_arm_miss(const jc_arm *arm, const double theta[2], const double target[2]);

/* ---- exercise 7: scores ---- */
long double ref_mixture_log_p(const jc_mixture *mix, long double x0, long double x1);
/* The score in closed form, with responsibilities from log-densities. */
void ref_mixture_score(const jc_mixture *mix, const double x[2], long double s[2]);

#endif
