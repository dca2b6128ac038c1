/* jacobi.c: the singular value decomposition by one-sided Jacobi rotations,
 * and PCA from it (chapter sections 5 and 6). */
#include "pca.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "linalg.h"

pc_status pc_svd_jacobi(const double *a, size_t m, size_t n, double *sigma, double *u,
                        double *vt)
{
    // TODO: work on rows, so that each vector is contiguous: a copy of A^T
    //   (r = n rows of length m) when m >= n, of A (m rows of length n)
    //   otherwise, and the product of the rotations (r x r, from the
    //   identity). Sweep over all pairs of rows (p, q): with alpha, beta
    //   their squared lengths and gamma their dot product, rotate them (and
    //   the same rows of the rotations' product) unless |gamma| <= tol
    //   sqrt(alpha beta); stop after a sweep without a rotation, or give up
    //   after 60 sweeps. Then sigma = the rows' lengths, sorted descending;
    //   the normalised rows are U's columns (V^T's rows when A is wide),
    //   completed to an orthonormal set where sigma is 0 (linalg.h has the
    //   tools), and the product of the rotations gives the other factor.
    //   Section 5 derives the rotation and the tolerance; mind the sign
    //   convention of the header.
    (void)a; (void)m; (void)n; (void)sigma; (void)u; (void)vt;
    return PC_ERR_TODO;
}

pc_status pc_pca_fit(const double *x, size_t n, size_t d, size_t k, double *mean,
                     double *components, double *variances)
{
    // TODO: centre x (pc_center), take the SVD of the centred data
    //   (pc_svd_jacobi; U is not needed), and keep the first k rows of V^T
    //   and sigma_i^2 / (n - 1).
    (void)x; (void)n; (void)d; (void)k; (void)mean; (void)components; (void)variances;
    return PC_ERR_TODO;
}
