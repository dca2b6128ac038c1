/* gemm.c: the matrix multiply at the core of every layer (chapter sections 6
 * and 11).
 *
 * C = alpha op(A) op(B) + beta C with row-major matrices. */
#include "backprop.h"

void bp_gemm(bp_transpose trans_a, bp_transpose trans_b, size_t m, size_t n, size_t k,
             double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
             double *c, size_t ldc)
{
    // TODO: C[i][j] = alpha * sum over p of opA(i, p) * opB(p, j) + beta * C[i][j],
    //   where opA(i, p) is a[i * lda + p], or a[p * lda + i] with BP_TRANS
    //   (and opB likewise). Do not read C when beta == 0. Start with three
    //   loops; they earn every point (section 11, optional, shows a faster one).
    (void)trans_a; (void)trans_b; (void)m; (void)n; (void)k; (void)alpha;
    (void)a; (void)lda; (void)b; (void)ldb; (void)beta; (void)c; (void)ldc;
}
