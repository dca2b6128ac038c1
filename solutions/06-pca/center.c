/* center.c: centring, the covariance matrix, projection onto components and
 * back, and the share of variance each component explains (chapter sections
 * 2 and 3). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>

#include "gemm.h"
#include "linalg.h"

// BEGIN SOLUTION
/* Rows of x centred at a time by pc_project: a block small enough to stay
 * in the cache between centring and the product. */
enum { BLOCK_ROWS = 256 };

/* mean (d) = the column means of x (n x d), in two passes: a first mean
 * from the sums, then the mean of what is left, x - mean, added to it. The
 * second pass recovers what rounding lost in the first, when the columns
 * sit far from 0. x is read row by row, in the order it is stored. */
static void column_means(const double *x, size_t n, size_t d, double *mean)
{
    double inverse = 1.0 / (double)n;
    for (size_t j = 0; j < d; j++)
        mean[j] = 0.0;
    for (size_t i = 0; i < n; i++) {
        const double *row = x + i * d;
#pragma omp simd
        for (size_t j = 0; j < d; j++)
            mean[j] += row[j] * inverse; /* scaled first: no overflow */
    }
    double *correction = calloc(d, sizeof(double));
    if (!correction)
        return; /* the first pass alone is a fine mean */
    for (size_t i = 0; i < n; i++) {
        const double *row = x + i * d;
#pragma omp simd
        for (size_t j = 0; j < d; j++)
            correction[j] += row[j] - mean[j];
    }
    for (size_t j = 0; j < d; j++)
        mean[j] += correction[j] * inverse;
    free(correction);
}

/* to (rows x d) = from - mean, row by row. */
static void subtract_mean(const double *from, size_t rows, size_t d, const double *mean,
                          double *to)
{
    for (size_t i = 0; i < rows; i++) {
        const double *src = from + i * d;
        double *dst = to + i * d;
#pragma omp simd
        for (size_t j = 0; j < d; j++)
            dst[j] = src[j] - mean[j];
    }
}

// END SOLUTION
pc_status pc_center(const double *x, size_t n, size_t d, double *mean, double *centered)
{
    // TODO: check the arguments and that every entry is finite; mean[j] =
    //   the average of column j; if centered is not NULL, centered = x with
    //   each row's mean subtracted. Go through x row by row, in the order it
    //   is stored (section 2 shows why a second pass over x - mean makes the
    //   mean more accurate).
    // STUB: (void)x; (void)n; (void)d; (void)mean; (void)centered;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !mean || n == 0 || d == 0 || n > SIZE_MAX / d)
        return PC_ERR_ARG;
    if (!la_all_finite(x, n * d))
        return PC_ERR_NAN;
    column_means(x, n, d, mean);
    if (centered)
        subtract_mean(x, n, d, mean, centered);
    return PC_OK;
    // END SOLUTION
}

pc_status pc_covariance(const double *x, size_t n, size_t d, double *mean, double *cov)
{
    // TODO: centre x (pc_center, into a scratch copy), then cov = C^T C /
    //   (n - 1) for the centred data C: entry (i, j) is the dot product of
    //   columns i and j of C. The result is symmetric: compute one triangle
    //   and copy it, or gemm (support/gemm.h) for the whole product.
    // STUB: (void)x; (void)n; (void)d; (void)mean; (void)cov;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !cov || n < 2 || d == 0 || n > SIZE_MAX / d || d > SIZE_MAX / d)
        return PC_ERR_ARG;
    double *centered = la_alloc(n, d), *means = la_alloc(d, 1);
    pc_status status = !centered || !means ? PC_ERR_NOMEM : pc_center(x, n, d, means, centered);
    if (status == PC_OK) {
        gemm(GEMM_TRANS, GEMM_NO_TRANS, d, d, n, 1.0 / (double)(n - 1), centered, d, centered, d,
             0.0, cov, d);
        for (size_t i = 0; i < d; i++) /* exactly symmetric, whatever the summation order */
            for (size_t j = 0; j < i; j++)
                cov[i * d + j] = cov[j * d + i];
        for (size_t j = 0; mean && j < d; j++)
            mean[j] = means[j];
    }
    free(centered);
    free(means);
    return status;
    // END SOLUTION
}

pc_status pc_project(const double *x, size_t n, size_t d, const double *mean,
                     const double *components, size_t k, double *codes)
{
    // TODO: codes[i][c] = the dot product of row i of x minus the mean with
    //   component c (row c of components).
    // STUB: (void)x; (void)n; (void)d; (void)mean; (void)components; (void)k; (void)codes;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !mean || !components || !codes || n == 0 || d == 0 || k == 0)
        return PC_ERR_ARG;
    size_t rows = n < BLOCK_ROWS ? n : BLOCK_ROWS;
    double *block = la_alloc(rows, d);
    if (!block)
        return PC_ERR_NOMEM;
    /* Centred first, then multiplied: x C^T - mean C^T would subtract two
     * large numbers when the data sit far from 0. */
    for (size_t i = 0; i < n; i += rows) {
        size_t count = n - i < rows ? n - i : rows;
        subtract_mean(x + i * d, count, d, mean, block);
        gemm(GEMM_NO_TRANS, GEMM_TRANS, count, k, d, 1.0, block, d, components, d, 0.0,
             codes + i * k, k);
    }
    free(block);
    return PC_OK;
    // END SOLUTION
}

pc_status pc_reconstruct(const double *codes, size_t n, size_t k, const double *mean,
                         const double *components, size_t d, double *x_hat)
{
    // TODO: x_hat[i] = mean + the sum over c of codes[i][c] times component
    //   c.
    // STUB: (void)codes; (void)n; (void)k; (void)mean; (void)components; (void)d; (void)x_hat;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!codes || !mean || !components || !x_hat || n == 0 || k == 0 || d == 0)
        return PC_ERR_ARG;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++)
            x_hat[i * d + j] = mean[j];
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, n, d, k, 1.0, codes, k, components, d, 1.0, x_hat, d);
    return PC_OK;
    // END SOLUTION
}

pc_status pc_explained_variance(const double *sigma, size_t count, double *ratio,
                                double *cumulative)
{
    // TODO: check the arguments (NaN or infinity first, then negative
    //   values, then all zero), then ratio[i] = sigma[i]^2 / the sum of the
    //   squares, with every sigma divided by the largest one before
    //   squaring so that 1e200 does not overflow; cumulative = the running
    //   sum of ratio.
    // STUB: (void)sigma; (void)count; (void)ratio; (void)cumulative;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!sigma || !ratio || count == 0)
        return PC_ERR_ARG;
    if (!la_all_finite(sigma, count))
        return PC_ERR_NAN;
    for (size_t i = 0; i < count; i++)
        if (sigma[i] < 0.0)
            return PC_ERR_ARG;
    double largest = la_max_abs(sigma, count);
    if (largest == 0.0)
        return PC_ERR_ARG;
    double total = 0.0;
    for (size_t i = 0; i < count; i++) {
        double s = sigma[i] / largest;
        total += s * s;
    }
    double running = 0.0;
    for (size_t i = 0; i < count; i++) {
        double s = sigma[i] / largest;
        ratio[i] = s * s / total;
        running += ratio[i];
        if (cumulative)
            cumulative[i] = running < 1.0 ? running : 1.0;
    }
    return PC_OK;
    // END SOLUTION
}
