/* autoencoder.c: a linear autoencoder trained by gradient descent, and the
 * principal angles that compare the subspace it learns with PCA's (chapter
 * section 8). */
#include "pca.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "gemm.h"
#include "linalg.h"
#include "rng.h"

// BEGIN SOLUTION
/* The training's scratch: codes Z = X W_enc^T (n x k), residuals R =
 * Z W_dec^T - X (n x d), G = R W_dec (n x k), and the two gradients. */
typedef struct {
    double *memory, *z, *r, *g, *grad_enc, *grad_dec;
} train_work;

static pc_status train_alloc(train_work *w, size_t n, size_t d, size_t k)
{
    if (d > SIZE_MAX / 3 || n > SIZE_MAX / (d + 2 * k) || d > SIZE_MAX / (2 * k) ||
        n * (d + 2 * k) > SIZE_MAX - 2 * k * d)
        return PC_ERR_NOMEM;
    w->memory = la_alloc(n * (d + 2 * k) + 2 * k * d, 1);
    if (!w->memory)
        return PC_ERR_NOMEM;
    w->z = w->memory;
    w->r = w->z + n * k;
    w->g = w->r + n * d;
    w->grad_enc = w->g + n * k;
    w->grad_dec = w->grad_enc + k * d;
    return PC_OK;
}

/* The forward pass: Z, R, and the loss |R|^2 / (2n). */
static double forward(const double *x, size_t n, size_t d, size_t k, const double *w_enc,
                      const double *w_dec, const train_work *w)
{
    gemm(GEMM_NO_TRANS, GEMM_TRANS, n, k, d, 1.0, x, d, w_enc, d, 0.0, w->z, k);
    for (size_t i = 0; i < n * d; i++)
        w->r[i] = x[i];
    gemm(GEMM_NO_TRANS, GEMM_TRANS, n, d, k, 1.0, w->z, k, w_dec, k, -1.0, w->r, d);
    double norm = la_norm(w->r, n * d);
    return norm / (2.0 * (double)n) * norm;
}

/* One step from the same gradients: dL/dW_dec = R^T Z / n, dL/dW_enc =
 * (R W_dec)^T X / n. */
static void step(const double *x, size_t n, size_t d, size_t k, double eta, double *w_enc,
                 double *w_dec, const train_work *w)
{
    double inv_n = 1.0 / (double)n;
    gemm(GEMM_TRANS, GEMM_NO_TRANS, d, k, n, inv_n, w->r, d, w->z, k, 0.0, w->grad_dec, k);
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, n, k, d, 1.0, w->r, d, w_dec, k, 0.0, w->g, k);
    gemm(GEMM_TRANS, GEMM_NO_TRANS, k, d, n, inv_n, w->g, k, x, d, 0.0, w->grad_enc, d);
    for (size_t i = 0; i < k * d; i++) {
        w_enc[i] -= eta * w->grad_enc[i];
        w_dec[i] -= eta * w->grad_dec[i];
    }
}

// END SOLUTION
pc_status pc_autoencoder_train(const double *x, size_t n, size_t d, size_t k,
                               const pc_autoencoder_options *options, double *w_enc,
                               double *w_dec, double *loss)
{
    // TODO: check the arguments (options too: a learning rate that is not
    //   a positive finite number, or 0 epochs) and that x is finite. W_enc
    //   (k x d, row by row) then W_dec (d x k) = normals / sqrt(d) from one
    //   rng seeded with options->seed. Each epoch: Z = X W_enc^T, R = Z
    //   W_dec^T - X, the loss |R|^2 / (2n); the gradients R^T Z / n for
    //   W_dec and (R W_dec)^T X / n for W_enc (section 8 derives them); then
    //   both steps. PC_ERR_NAN as soon as the loss is not finite. Every
    //   product is a matrix product: gemm (support/gemm.h) does them.
    // STUB: (void)x; (void)n; (void)d; (void)k; (void)options; (void)w_enc; (void)w_dec;
    // STUB: (void)loss;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !options || !w_enc || !w_dec || n == 0 || d == 0 || k == 0 || k > d ||
        !(options->learning_rate > 0.0) || !isfinite(options->learning_rate) ||
        options->epochs == 0 || options->epochs == SIZE_MAX || n > SIZE_MAX / d)
        return PC_ERR_ARG;
    if (!la_all_finite(x, n * d))
        return PC_ERR_NAN;
    train_work w;
    if (train_alloc(&w, n, d, k) != PC_OK)
        return PC_ERR_NOMEM;
    rng r;
    rng_seed(&r, options->seed);
    double scale = 1.0 / sqrt((double)d);
    for (size_t i = 0; i < k * d; i++)
        w_enc[i] = scale * rng_normal(&r);
    for (size_t i = 0; i < d * k; i++)
        w_dec[i] = scale * rng_normal(&r);
    pc_status status = PC_OK;
    for (size_t epoch = 0; epoch <= options->epochs; epoch++) {
        double l = forward(x, n, d, k, w_enc, w_dec, &w);
        if (loss)
            loss[epoch] = l;
        if (!isfinite(l)) {
            status = PC_ERR_NAN;
            break;
        }
        if (epoch < options->epochs)
            step(x, n, d, k, options->learning_rate, w_enc, w_dec, &w);
    }
    free(w.memory);
    return status;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Orthonormal rows spanning those of a (k x d), into q; -1 when the rows
 * are linearly dependent to working precision (a diagonal entry of the
 * triangular factor below k d eps times the largest), -2 when out of
 * memory. */
static int orthonormal_basis(const double *a, size_t k, size_t d, double *q, double *diag)
{
    for (size_t i = 0; i < k * d; i++)
        q[i] = a[i];
    if (la_orthonormalize_rows(q, k, d, diag) != 0)
        return -2;
    double largest = la_max_abs(diag, k);
    for (size_t i = 0; i < k; i++)
        if (!(diag[i] > (double)(k * d) * DBL_EPSILON * largest))
            return -1;
    return 0;
}

// END SOLUTION
pc_status pc_principal_angles(const double *a, const double *b, size_t k, size_t d,
                              double *angles)
{
    // TODO: orthonormalise the rows of a and of b (Qa, Qb; linalg.h has a
    //   Householder QR of rows; rows that turn out dependent are
    //   PC_ERR_ARG). The cosines of the angles are the singular values of
    //   Qa Qb^T (k x k); their sines are those of Qb - (Qb Qa^T) Qa, the
    //   part of Qb outside Qa's row space (k x d). Pair the largest cosine
    //   with the smallest sine, and so on: angle = atan2(sine, cosine) keeps
    //   small angles and angles near pi/2 accurate alike. Ascending order.
    // STUB: (void)a; (void)b; (void)k; (void)d; (void)angles;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !b || !angles || k == 0 || d == 0 || k > d || k > SIZE_MAX / d / 5)
        return PC_ERR_ARG;
    if (!la_all_finite(a, k * d) || !la_all_finite(b, k * d))
        return PC_ERR_NAN;
    double *qa = la_alloc(3 * k * d + k * k + 3 * k, 1);
    if (!qa)
        return PC_ERR_NOMEM;
    double *qb = qa + k * d, *outside = qb + k * d, *m = outside + k * d, *cosines = m + k * k,
           *sines = cosines + k, *diag = sines + k;
    int basis = orthonormal_basis(a, k, d, qa, diag);
    if (basis == 0)
        basis = orthonormal_basis(b, k, d, qb, diag);
    pc_status status = basis == -2 ? PC_ERR_NOMEM : basis == -1 ? PC_ERR_ARG : PC_OK;
    if (status == PC_OK) {
        /* M = Qb Qa^T, then Qb - M Qa: each row of Qb less its projection
         * onto Qa's rows. */
        gemm(GEMM_NO_TRANS, GEMM_TRANS, k, k, d, 1.0, qb, d, qa, d, 0.0, m, k);
        for (size_t i = 0; i < k * d; i++)
            outside[i] = qb[i];
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, k, d, k, -1.0, m, k, qa, d, 1.0, outside, d);
        status = pc_svd_jacobi(m, k, k, cosines, NULL, NULL);
        if (status == PC_OK)
            status = pc_svd_jacobi(outside, k, d, sines, NULL, NULL);
    }
    for (size_t i = 0; status == PC_OK && i < k; i++) /* sines descend: pair from the end */
        angles[i] = atan2(sines[k - 1 - i], cosines[i]);
    free(qa);
    return status;
    // END SOLUTION
}
