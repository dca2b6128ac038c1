/* center.c: centring, the covariance matrix, projection onto components and
 * back, and the share of variance each component explains (chapter sections
 * 2 and 3). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>

#include "gemm.h"
#include "linalg.h"

pc_status pc_center(const double *x, size_t n, size_t d, double *mean, double *centered)
{
    // TODO: check the arguments and that every entry is finite; mean[j] =
    //   the average of column j; if centered is not NULL, centered = x with
    //   each row's mean subtracted. Go through x row by row, in the order it
    //   is stored (section 2 shows why a second pass over x - mean makes the
    //   mean more accurate).
    (void)x; (void)n; (void)d; (void)mean; (void)centered;
    return PC_ERR_TODO;
}

pc_status pc_covariance(const double *x, size_t n, size_t d, double *mean, double *cov)
{
    // TODO: centre x (pc_center, into a scratch copy), then cov = C^T C /
    //   (n - 1) for the centred data C: entry (i, j) is the dot product of
    //   columns i and j of C. The result is symmetric: compute one triangle
    //   and copy it, or gemm (support/gemm.h) for the whole product.
    (void)x; (void)n; (void)d; (void)mean; (void)cov;
    return PC_ERR_TODO;
}

pc_status pc_project(const double *x, size_t n, size_t d, const double *mean,
                     const double *components, size_t k, double *codes)
{
    // TODO: codes[i][c] = the dot product of row i of x minus the mean with
    //   component c (row c of components).
    (void)x; (void)n; (void)d; (void)mean; (void)components; (void)k; (void)codes;
    return PC_ERR_TODO;
}

pc_status pc_reconstruct(const double *codes, size_t n, size_t k, const double *mean,
                         const double *components, size_t d, double *x_hat)
{
    // TODO: x_hat[i] = mean + the sum over c of codes[i][c] times component
    //   c.
    (void)codes; (void)n; (void)k; (void)mean; (void)components; (void)d; (void)x_hat;
    return PC_ERR_TODO;
}

pc_status pc_explained_variance(const double *sigma, size_t count, double *ratio,
                                double *cumulative)
{
    // TODO: check the arguments (NaN or infinity first, then negative
    //   values, then all zero), then ratio[i] = sigma[i]^2 / the sum of the
    //   squares, with every sigma divided by the largest one before
    //   squaring so that 1e200 does not overflow; cumulative = the running
    //   sum of ratio.
    (void)sigma; (void)count; (void)ratio; (void)cumulative;
    return PC_ERR_TODO;
}
