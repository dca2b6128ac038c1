/* randomized.c: the top singular triplets of a large matrix from a few
 * passes over it, by randomized subspace iteration (chapter section 7). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gemm.h"
#include "linalg.h"
#include "rng.h"

pc_status pc_svd_randomized(const double *a, size_t m, size_t n, size_t k, size_t oversample,
                            double tol, size_t max_iter, uint64_t seed, double *sigma,
                            double *u, double *vt, size_t *iterations)
{
    // TODO: check the arguments; b = k + oversample, at most min(m, n).
    //   Keep the blocks as rows (Y^T is b x m, V^T is b x n), so that each
    //   vector is contiguous. V^T = b x n standard normals (seeded); Y = A V.
    //   Each round: orthonormalise the rows of Y^T into Q^T (linalg.h's
    //   Householder QR of rows works; section 7 shows a faster way), B =
    //   Q^T A (b x n), its SVD by pc_svd_jacobi (B = U_B S V_B^T), the
    //   estimates sigma = S, U = Q U_B, V^T = V_B^T; then Y = A V for the
    //   new V, which both checks the residuals |A v_i - sigma_i u_i| <=
    //   tol sigma_0 (i < k) and starts the next round. Use gemm
    //   (support/gemm.h) for the products with A: they are the whole cost,
    //   two passes over A per round.
    (void)a; (void)m; (void)n; (void)k; (void)oversample; (void)tol; (void)max_iter;
    (void)seed; (void)sigma; (void)u; (void)vt; (void)iterations;
    return PC_ERR_TODO;
}
