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
    (void)x; (void)n; (void)d; (void)k; (void)options; (void)w_enc; (void)w_dec;
    (void)loss;
    return PC_ERR_TODO;
}

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
    (void)a; (void)b; (void)k; (void)d; (void)angles;
    return PC_ERR_TODO;
}
