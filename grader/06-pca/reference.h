/* reference.h: independent reference computations for lesson 06's tests.
 *
 * The expected values come from here, never from the code under test, and
 * mostly by construction: a matrix built as U diag(s) V^T from random
 * orthogonal factors (Householder products in long double) has singular
 * values s and singular vectors U, V that the grader knows before it asks.
 * What cannot be built is computed in long double by other methods than the
 * lesson's: two-pass moments, Gram-Schmidt twice, and Jacobi's eigenvalue
 * method on small symmetric matrices (the lesson rotates the columns of the
 * data instead). */
#ifndef LESSON06_REFERENCE_H
#define LESSON06_REFERENCE_H

#include <stddef.h>

#include "pca.h"
#include "rng.h"

/* The chapter's sections, as the hints name them. */
#define SEC_CENTER "2 Centring and covariance"
#define SEC_PROJECT "3 Projection and reconstruction"
#define SEC_POWER "5.1 Power iteration and deflation"
#define SEC_JACOBI "5.2 One-sided Jacobi"
#define SEC_PCA "6 PCA on the digits"
#define SEC_RANDOMIZED "7 Randomized subspace iteration"
#define SEC_AUTOENCODER "8 The linear autoencoder"
#define SEC_ANGLES "8.2 Principal angles"
#define SEC_PITFALLS "9 What goes wrong"

#define EPS 2.220446049250313e-16 /* DBL_EPSILON */
#define PI_L 3.141592653589793238462643383279502884L

/* ---- memory, random inputs, statuses ---- */
double *alloc_doubles(size_t n);
long double *alloc_long_doubles(size_t n);
void fill_uniform(rng *r, double *v, size_t n, double lo, double hi);
void fill_normal(rng *r, double *v, size_t n, double scale);
/* 10^u with u uniform on [lo, hi): a scale spread over decades. */
double log_uniform(rng *r, double lo, double hi);
const char *status_name(pc_status s);
void expect_status(pc_status came, pc_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
/* An array of n NaN, for outputs: a value never written shows as NaN. */
double *nan_doubles(size_t n);

/* ---- matrices with a known SVD ---- */
/* A random n x n orthogonal matrix: a product of n Householder reflections
 * of random normal vectors, in long double. */
void ref_random_orthogonal(rng *r, size_t n, long double *q);
/* A random well-conditioned k x k matrix (condition number at most about
 * 10): an orthogonal matrix times a diagonal in [1, 10], times another. */
void ref_random_invertible(rng *r, size_t k, long double *m);
/* a (m x n) = U diag(s) V^T rounded, with U (m x r) and V (n x r) the
 * first r = min(m, n) columns of random orthogonal matrices; u and v (may be
 * NULL) receive them, row-major, in long double. */
void ref_matrix_with_svd(rng *r, size_t m, size_t n, const double *s, double *a, long double *u,
                         long double *v);
/* The same with V block diagonal, each block joining singular values less
 * than a factor 10 apart, its rows then shuffled with random signs: each
 * column of a is a mix of singular values of one decade, so a = B D with B
 * well conditioned and D diagonal, and its entries determine even the
 * smallest singular value to a few units of rounding (relative). */
void ref_graded_matrix(rng *r, size_t m, size_t n, const double *s, double *a);
/* s[0..count) log-uniform in [lo, hi], sorted descending. */
void ref_spread_spectrum(rng *r, double *s, size_t count, double lo, double hi);
/* c (m x n) = a (m x p) b (p x n), all long double. */
void ref_multiply(const long double *a, const long double *b, long double *c, size_t m, size_t p,
                  size_t n);

/* ---- moments ---- */
/* Column means and the sample covariance (divided by n - 1; cov may be NULL)
 * of x (n x d), two passes in long double. */
void ref_moments(const double *x, size_t n, size_t d, long double *mean, long double *cov);

/* ---- symmetric eigenproblems ---- */
/* The eigenvalues (descending) and eigenvectors (as rows of vectors, may be
 * NULL) of the symmetric k x k matrix g, by cyclic Jacobi rotations in long
 * double (g is destroyed). */
void ref_symmetric_eigen(long double *g, size_t k, long double *values, long double *vectors);
/* The top eigenvalues and eigenvectors (rows, d x d) of the covariance of
 * x (n x d): the principal components and their variances. */
void ref_pca(const double *x, size_t n, size_t d, long double *mean, long double *variances,
             long double *components);

/* ---- subspaces ---- */
/* Orthonormal rows q (k x d) spanning the rows of a (k x d), by modified
 * Gram-Schmidt twice in long double; 0 if the rows are dependent. */
int ref_orthonormal_rows(const long double *a, size_t k, size_t d, long double *q);
/* The principal angles (ascending) between the row spaces of a and b (k x
 * d each), as atan2 of the long double sines and cosines. */
void ref_principal_angles(const double *a, const double *b, size_t k, size_t d,
                          long double *angles);
/* sqrt(sum of sin^2 of the principal angles) between the row spaces of two
 * sets of k orthonormal rows: |Qb - Qb Qa^T Qa|_F. */
long double ref_subspace_distance(const long double *qa, const long double *qb, size_t k,
                                  size_t d);

/* Outputs of an SVD routine, NaN until written. */
typedef struct {
    double *sigma, *u, *vt; /* k, m x k, k x n */
    size_t iterations;
} svd_out;
svd_out svd_alloc(size_t m, size_t n, size_t k);
void svd_free(svd_out *s);

/* ---- checks of a student's SVD (they fail the test with a message) ---- */
/* sigma (k) descending and >= 0; U's k columns (m x k) and V^T's k rows
 * (k x n) orthonormal to tol_orth; each |A v_i - sigma_i u_i| <= tol_res
 * sigma_0 (plus a rounding floor); every row of V^T with its entry of
 * largest magnitude positive. fn names the function, what the matrix. */
void expect_svd(const char *fn, const char *what, const double *a, size_t m, size_t n, size_t k,
                const double *sigma, const double *u, const double *vt, double tol_orth,
                double tol_res);
/* The sign convention on one row of V^T: its entry of largest magnitude
 * positive (ties to rounding accepted either way). */
int ref_sign_convention(const double *row, size_t n);
/* The largest |U^T U - I| over U's k columns (U m x k, row-major). */
long double ref_column_orthogonality(const double *u, size_t m, size_t k);
/* The largest |V^T V - I| over the k rows of vt (k x n). */
long double ref_row_orthogonality(const double *vt, size_t k, size_t n);
/* |vt row i - (+-) v column i| for the known v (n x r, long double), with
 * the sign that matches best. */
long double ref_vector_distance(const double *vt, size_t i, size_t n, const long double *v,
                                size_t r);

/* ---- the autoencoder ---- */
/* L = 1/(2n) sum_i |x_i - W_dec W_enc x_i|^2 in long double. */
long double ref_autoencoder_loss(const double *x, size_t n, size_t d, size_t k,
                                 const double *w_enc, const double *w_dec);
/* One full-batch gradient step from (w_enc, w_dec), both gradients taken
 * at the same point, into enc (k x d) and dec (d x k), long double. */
void ref_autoencoder_step(const double *x, size_t n, size_t d, size_t k, const double *w_enc,
                          const double *w_dec, double eta, long double *enc, long double *dec);

#endif
