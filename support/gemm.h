/* gemm.h: a fast double-precision matrix multiply for the lessons that need
 * one (the networks of lessons 05 onwards).
 *
 * C = alpha op(A) op(B) + beta C with row-major matrices, as BLAS's dgemm:
 * op(A) is m x k and op(B) is k x n. A is stored m x k (row length lda >= k)
 * or, transposed, k x m (lda >= m); likewise B is k x n (ldb >= n) or n x k
 * (ldb >= k). C is m x n with row length ldc >= n. When beta == 0, C is not
 * read (it may hold NaN). Does nothing when m or n is 0; k == 0 scales C by
 * beta. Lesson 04 builds this kernel step by step (its chapter, section 10).
 */
#ifndef SUPPORT_GEMM_H
#define SUPPORT_GEMM_H

#include <stddef.h>

typedef enum { GEMM_NO_TRANS = 0, GEMM_TRANS = 1 } gemm_transpose;

void gemm(gemm_transpose trans_a, gemm_transpose trans_b, size_t m, size_t n, size_t k,
          double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
          double *c, size_t ldc);

#endif
