/* pca.h: Lesson 06, autoencoders, PCA and the SVD.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/06-pca/ and the reference in solutions/06-pca/ implement
 * exactly these functions; lessons/06-pca.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return a pc_status. Matrices are row-major: an m x n matrix A has
 * entry (i, j) at a[i * n + j]. A data set X is n x d, one example per row.
 *
 * Singular value decompositions are thin: A (m x n) = U diag(sigma) V^T with
 * r = min(m, n) (or the k asked for) singular values, sigma[0] >= sigma[1]
 * >= ... >= 0, U stored m x r (its columns are the left singular vectors)
 * and V^T stored r x n (its ROWS are the right singular vectors, which for
 * centred data are the principal components). Signs: each row of V^T has
 * its entry of largest magnitude positive (the first such entry on a tie),
 * and the matching column of U has the sign that keeps A v = sigma u.
 */
#ifndef PCA_H
#define PCA_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    PC_OK = 0,
    PC_ERR_TODO,       /* not implemented yet (the skeleton's placeholder) */
    PC_ERR_ARG,        /* a NULL pointer, a size of 0, sizes that overflow, k out of range */
    PC_ERR_NAN,        /* a NaN or an infinity in the input */
    PC_ERR_NOMEM,      /* out of memory */
    PC_ERR_NOCONVERGE, /* an iteration did not meet its tolerance in time */
} pc_status;

/* A short English description of a status. */
const char *pc_status_str(pc_status status);

/* ---- Exercise 1: centring, covariance, projection (sections 2, 3) -------- */

/* mean[j] = the mean of column j of x (n x d); if centered is not NULL it
 * receives x - mean (n x d). PC_ERR_ARG for NULL x or mean, n or d of 0;
 * PC_ERR_NAN for a non-finite entry. */
pc_status pc_center(const double *x, size_t n, size_t d, double *mean, double *centered);

/* The sample covariance (d x d, divided by n - 1) of x's columns, from the
 * centred data (two passes, not E[x^2] - E[x]^2, which cancels); mean (d)
 * may be NULL or receives the column means. PC_ERR_ARG for n < 2; as
 * pc_center otherwise; PC_ERR_NOMEM. */
pc_status pc_covariance(const double *x, size_t n, size_t d, double *mean, double *cov);

/* codes (n x k) = (x - mean) C^T for k components C (k x d, orthonormal
 * rows). PC_ERR_ARG for NULL pointers or sizes of 0. */
pc_status pc_project(const double *x, size_t n, size_t d, const double *mean,
                     const double *components, size_t k, double *codes);

/* x_hat (n x d) = mean + codes C: the reconstruction from k codes per row.
 * PC_ERR_ARG for NULL pointers or sizes of 0. */
pc_status pc_reconstruct(const double *codes, size_t n, size_t k, const double *mean,
                         const double *components, size_t d, double *x_hat);

/* ratio[i] = sigma[i]^2 / sum_j sigma[j]^2 and cumulative[i] = the sum of
 * ratio[0..i] (cumulative may be NULL), for `count` singular values, the
 * sum scaled so that sigma of 1e200 do not overflow. PC_ERR_ARG for NULL
 * pointers, count == 0, a negative sigma or all of them 0; PC_ERR_NAN. */
pc_status pc_explained_variance(const double *sigma, size_t count, double *ratio,
                                double *cumulative);

/* ---- Exercise 2: power iteration with deflation (section 5) -------------- */

/* The top k singular triplets of a (m x n) by power iteration on A^T A,
 * one triplet after the other, each new vector kept orthogonal to the
 * ones already found (deflation). Each starts from standard normals (an rng
 * seeded with seed, one stream for the whole call) and iterates v = A^T A v
 * / |.| until the residual |A^T u - sigma v| <= tol * sigma[0] (with u = A v
 * / sigma), or gives up with PC_ERR_NOCONVERGE after max_iter products
 * A^T A v for one triplet. sigma (k), u (m x k) and vt (k x n) as in the
 * header's conventions; *iterations (may be NULL) receives the total number
 * of products. A zero singular value ends the search: the remaining sigma
 * are 0 and their vectors are completed to orthonormal ones. PC_ERR_ARG for
 * NULL pointers, sizes of 0, k > min(m, n), tol not > 0 or max_iter == 0;
 * PC_ERR_NAN; PC_ERR_NOMEM. */
pc_status pc_svd_power(const double *a, size_t m, size_t n, size_t k, double tol,
                       size_t max_iter, uint64_t seed, double *sigma, double *u, double *vt,
                       size_t *iterations);

/* ---- Exercise 3: one-sided Jacobi SVD, and PCA (sections 5, 6) ----------- */

/* The full thin SVD of a (m x n), r = min(m, n), by one-sided Jacobi
 * rotations (Hestenes): rotate pairs of columns of a copy of A (of A^T when
 * m < n) until every pair is orthogonal to rounding, then sigma = the column
 * norms, U = the normalised columns, V = the product of the rotations.
 * Accurate to rounding in every singular value, small ones included
 * (unlike eigenvalues of A^T A). sigma (r) descending, u (m x r), vt (r x n),
 * signs as in the header; the columns of U for zero singular values are
 * completed to an orthonormal set, so U^T U = I always. u and vt may be
 * NULL when only the values are wanted. PC_ERR_ARG for NULL a or sigma,
 * sizes of 0 or overflowing; PC_ERR_NAN; PC_ERR_NOMEM; PC_ERR_NOCONVERGE
 * after 60 sweeps (never for finite input in practice). */
pc_status pc_svd_jacobi(const double *a, size_t m, size_t n, double *sigma, double *u,
                        double *vt);

/* PCA of x (n x d) with k components: mean (d), the components (k x d,
 * the top k right singular vectors of the centred data, signs as in the
 * header) and the variances along them (k values, sigma_i^2 / (n - 1)).
 * PC_ERR_ARG for NULL pointers, n < 2, d == 0 or k > min(n, d); PC_ERR_NAN;
 * PC_ERR_NOMEM. */
pc_status pc_pca_fit(const double *x, size_t n, size_t d, size_t k, double *mean,
                     double *components, double *variances);

/* ---- Exercise 4: randomized block Krylov for a tall matrix (section 7) --- */

/* The top k singular triplets of a (m x n) by randomized subspace iteration:
 * a block of b = k + oversample (at most min(m, n)) Gaussian vectors
 * (seeded), repeatedly Q = orth(A V), V = orth(A^T Q), then the small SVD
 * of Q^T A projected back, until for every i < k the residual
 * |A v_i - sigma_i u_i| <= tol * sigma[0], or PC_ERR_NOCONVERGE after
 * max_iter rounds (the estimates of the last round are written).
 * *iterations (may be NULL) receives the rounds taken. Outputs as
 * pc_svd_power. PC_ERR_ARG for NULL pointers, sizes of 0, k > min(m, n),
 * tol not > 0, max_iter == 0; PC_ERR_NAN; PC_ERR_NOMEM. */
pc_status pc_svd_randomized(const double *a, size_t m, size_t n, size_t k, size_t oversample,
                            double tol, size_t max_iter, uint64_t seed, double *sigma,
                            double *u, double *vt, size_t *iterations);

/* ---- Exercise 5: a linear autoencoder and principal angles (section 8) --- */

typedef struct {
    double learning_rate; /* eta > 0 */
    size_t epochs;        /* full-batch gradient steps, >= 1 */
    uint64_t seed;        /* seeds the initial weights: normal, std 1/sqrt(d) */
} pc_autoencoder_options;

/* Trains x_hat = W_dec (W_enc x) on centred data x (n x d) by full-batch
 * gradient descent on L = 1/(2n) sum_i |x_i - W_dec W_enc x_i|^2, both
 * weights updated from the same step's gradients: W_enc is k x d, W_dec is
 * d x k, both start from the seeded normals. loss (may be NULL) receives L
 * before each step and after the last (epochs + 1 values). PC_ERR_ARG for
 * NULL pointers, sizes of 0, k > d, options out of range; PC_ERR_NAN (also
 * when training diverges to a non-finite loss); PC_ERR_NOMEM. */
pc_status pc_autoencoder_train(const double *x, size_t n, size_t d, size_t k,
                               const pc_autoencoder_options *options, double *w_enc,
                               double *w_dec, double *loss);

/* The k principal angles (radians, ascending) between the row spaces of a
 * and b (each k x d, rows linearly independent, not necessarily
 * orthonormal): orthonormalise both, then the angles come from the singular
 * values of Qa Qb^T, computed so that small angles keep their relative
 * accuracy (from sines, not arccos of cosines near 1: an angle of 1e-10 is
 * not returned as 0). PC_ERR_ARG for NULL pointers, k == 0, k > d, or rows
 * that are linearly dependent; PC_ERR_NAN; PC_ERR_NOMEM. */
pc_status pc_principal_angles(const double *a, const double *b, size_t k, size_t d,
                              double *angles);

#endif
