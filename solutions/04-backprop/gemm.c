/* gemm.c: the matrix multiply at the core of every layer (chapter sections 5
 * and 10).
 *
 * C = alpha op(A) op(B) + beta C with row-major matrices. The fast version
 * follows the structure of BLIS and OpenBLAS (section 10):
 *   - op(B) is copied, a KC x NC block at a time, into panels of NR columns
 *     ("packing"): contiguous, aligned, zero-padded, transposes resolved;
 *   - op(A) likewise, an MC x KC block at a time, into panels of MR rows;
 *   - a micro-kernel multiplies one MR x KC panel of A by one KC x NR panel
 *     of B, keeping the MR x NR block of C in registers for the whole KC
 *     loop: per step it loads NR values of B and MR of A and does MR * NR
 *     multiply-adds.
 * The block sizes keep each panel in the cache level that feeds it. */
#include "backprop.h"

#include <stdlib.h>
#include <string.h>

// BEGIN SOLUTION
#if defined(__AVX512F__)
#include <immintrin.h>
#endif

enum {
    MR = 8,   /* rows of the register block */
    NR = 24,  /* columns of the register block: three vectors of 8 doubles */
    KC = 256, /* depth of a block: a KC x NR panel of B is 48 KB */
    MC = 96,  /* rows of a packed block of A: 96 x 256 doubles = 192 KB, in L2 */
    NC = 2400 /* columns of a packed block of B (4.8 MB) */
};

/* op(X)[i][j] for a matrix stored row-major with row length ld. */
static inline double entry(const double *x, size_t ld, int trans, size_t i, size_t j)
{
    return trans ? x[j * ld + i] : x[i * ld + j];
}

/* Packs rows i0..i0+mc-1, columns p0..p0+kc-1 of op(A) into panels of MR
 * rows: panel r holds, for each p, the MR values of column p, zero-padded. */
static void pack_a(const double *a, size_t lda, int trans, size_t i0, size_t mc, size_t p0,
                   size_t kc, double *out)
{
    for (size_t ir = 0; ir < mc; ir += MR) {
        size_t rows = mc - ir < MR ? mc - ir : MR;
        double *panel = out + ir * kc;
        if (!trans) {
            for (size_t r = 0; r < rows; r++) {
                const double *src = a + (i0 + ir + r) * lda + p0;
                for (size_t p = 0; p < kc; p++)
                    panel[p * MR + r] = src[p];
            }
        } else {
            for (size_t p = 0; p < kc; p++) {
                const double *src = a + (p0 + p) * lda + i0 + ir;
                for (size_t r = 0; r < rows; r++)
                    panel[p * MR + r] = src[r];
            }
        }
        for (size_t r = rows; r < MR; r++)
            for (size_t p = 0; p < kc; p++)
                panel[p * MR + r] = 0.0;
    }
}

/* Packs rows p0..p0+kc-1, columns j0..j0+nc-1 of op(B) into panels of NR
 * columns: panel c holds, for each p, the NR values of row p, zero-padded. */
static void pack_b(const double *b, size_t ldb, int trans, size_t p0, size_t kc, size_t j0,
                   size_t nc, double *out)
{
    for (size_t jr = 0; jr < nc; jr += NR) {
        size_t cols = nc - jr < NR ? nc - jr : NR;
        double *panel = out + jr * kc;
        if (!trans) {
            for (size_t p = 0; p < kc; p++) {
                const double *src = b + (p0 + p) * ldb + j0 + jr;
                double *dst = panel + p * NR;
                for (size_t c = 0; c < cols; c++)
                    dst[c] = src[c];
                for (size_t c = cols; c < NR; c++)
                    dst[c] = 0.0;
            }
        } else {
            for (size_t c = 0; c < cols; c++) {
                const double *src = b + (j0 + jr + c) * ldb + p0;
                for (size_t p = 0; p < kc; p++)
                    panel[p * NR + c] = src[p];
            }
            for (size_t p = 0; p < kc; p++)
                for (size_t c = cols; c < NR; c++)
                    panel[p * NR + c] = 0.0;
        }
    }
}

/* C[0..rows-1][0..cols-1] = alpha * acc + beta * C, where acc is MR x NR;
 * with beta == 0, C is not read. */
static void store_block(const double *acc, size_t rows, size_t cols, double alpha, double beta,
                        double *c, size_t ldc)
{
    for (size_t r = 0; r < rows; r++) {
        double *row = c + r * ldc;
        const double *from = acc + r * NR;
        if (beta == 0.0) {
#pragma omp simd
            for (size_t j = 0; j < cols; j++)
                row[j] = alpha * from[j];
        } else {
#pragma omp simd
            for (size_t j = 0; j < cols; j++)
                row[j] = alpha * from[j] + beta * row[j];
        }
    }
}

#if defined(__AVX512F__)
/* The micro-kernel with AVX-512: 24 accumulators of 8 doubles (the MR x NR
 * block of C), per step 3 loads of B, 8 broadcasts of A and 24 fused
 * multiply-adds. */
static void micro_kernel(size_t kc, const double *a, const double *b, double alpha, double beta,
                         double *c, size_t ldc, size_t rows, size_t cols)
{
    __m512d acc[MR][3];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < 3; v++)
            acc[r][v] = _mm512_setzero_pd();
    for (size_t p = 0; p < kc; p++) {
        __m512d b0 = _mm512_loadu_pd(b + p * NR);
        __m512d b1 = _mm512_loadu_pd(b + p * NR + 8);
        __m512d b2 = _mm512_loadu_pd(b + p * NR + 16);
        const double *ap = a + p * MR;
        for (int r = 0; r < MR; r++) {
            __m512d x = _mm512_set1_pd(ap[r]);
            acc[r][0] = _mm512_fmadd_pd(x, b0, acc[r][0]);
            acc[r][1] = _mm512_fmadd_pd(x, b1, acc[r][1]);
            acc[r][2] = _mm512_fmadd_pd(x, b2, acc[r][2]);
        }
    }
    if (rows == MR && cols == NR) {
        __m512d va = _mm512_set1_pd(alpha);
        for (int r = 0; r < MR; r++) {
            double *row = c + (size_t)r * ldc;
            for (int v = 0; v < 3; v++) {
                __m512d out = _mm512_mul_pd(va, acc[r][v]);
                if (beta != 0.0)
                    out = _mm512_fmadd_pd(_mm512_set1_pd(beta), _mm512_loadu_pd(row + 8 * v), out);
                _mm512_storeu_pd(row + 8 * v, out);
            }
        }
        return;
    }
    _Alignas(64) double block[MR * NR];
    for (int r = 0; r < MR; r++)
        for (int v = 0; v < 3; v++)
            _mm512_store_pd(block + r * NR + 8 * v, acc[r][v]);
    store_block(block, rows, cols, alpha, beta, c, ldc);
}
#else
/* The portable micro-kernel: the same computation in plain C, which
 * compilers vectorise over the NR columns. */
static void micro_kernel(size_t kc, const double *a, const double *b, double alpha, double beta,
                         double *c, size_t ldc, size_t rows, size_t cols)
{
    double acc[MR * NR];
    memset(acc, 0, sizeof acc);
    for (size_t p = 0; p < kc; p++) {
        const double *bp = b + p * NR, *ap = a + p * MR;
        for (size_t r = 0; r < MR; r++) {
            double x = ap[r];
#pragma omp simd
            for (size_t j = 0; j < NR; j++)
                acc[r * NR + j] += x * bp[j];
        }
    }
    store_block(acc, rows, cols, alpha, beta, c, ldc);
}
#endif

/* C = beta * C (k == 0, or alpha == 0). */
static void scale_c(size_t m, size_t n, double beta, double *c, size_t ldc)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++)
            c[i * ldc + j] = beta == 0.0 ? 0.0 : beta * c[i * ldc + j];
}

/* The unblocked product, used only when the packing buffers cannot be
 * allocated: slow, but never wrong. */
static void gemm_simple(int ta, int tb, size_t m, size_t n, size_t k, double alpha,
                        const double *a, size_t lda, const double *b, size_t ldb, double beta,
                        double *c, size_t ldc)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double s = 0.0;
            for (size_t p = 0; p < k; p++)
                s += entry(a, lda, ta, i, p) * entry(b, ldb, tb, p, j);
            double *cij = c + i * ldc + j;
            *cij = beta == 0.0 ? alpha * s : alpha * s + beta * *cij;
        }
}

static size_t round_up(size_t x, size_t to)
{
    return (x + to - 1) / to * to;
}

static size_t min_size(size_t x, size_t y)
{
    return x < y ? x : y;
}
// END SOLUTION

void bp_gemm(bp_transpose trans_a, bp_transpose trans_b, size_t m, size_t n, size_t k,
             double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
             double *c, size_t ldc)
{
    // TODO: C[i][j] = alpha * sum over p of opA(i, p) * opB(p, j) + beta * C[i][j],
    //   where opA(i, p) is a[i * lda + p], or a[p * lda + i] with BP_TRANS
    //   (and opB likewise). Do not read C when beta == 0. Start with three
    //   loops; section 10 shows how the reference gets 50 times faster.
    // STUB: (void)trans_a; (void)trans_b; (void)m; (void)n; (void)k; (void)alpha;
    // STUB: (void)a; (void)lda; (void)b; (void)ldb; (void)beta; (void)c; (void)ldc;
    // BEGIN SOLUTION
    if (m == 0 || n == 0)
        return;
    if (k == 0 || alpha == 0.0) {
        scale_c(m, n, beta, c, ldc);
        return;
    }
    size_t kc_max = min_size(k, KC), nc_max = round_up(min_size(n, NC), NR);
    size_t mc_max = round_up(min_size(m, MC), MR);
    double *packed_b = aligned_alloc(64, round_up(kc_max * nc_max * sizeof(double), 64));
    double *packed_a = aligned_alloc(64, round_up(kc_max * mc_max * sizeof(double), 64));
    if (!packed_a || !packed_b) {
        free(packed_a);
        free(packed_b);
        gemm_simple(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    for (size_t jc = 0; jc < n; jc += NC) {
        size_t nc = min_size(n - jc, NC);
        for (size_t pc = 0; pc < k; pc += KC) {
            size_t kc = min_size(k - pc, KC);
            double beta_block = pc == 0 ? beta : 1.0; /* later blocks add to C */
            pack_b(b, ldb, trans_b, pc, kc, jc, nc, packed_b);
            for (size_t ic = 0; ic < m; ic += MC) {
                size_t mc = min_size(m - ic, MC);
                pack_a(a, lda, trans_a, ic, mc, pc, kc, packed_a);
                for (size_t jr = 0; jr < nc; jr += NR) {
                    size_t cols = min_size(nc - jr, NR);
                    for (size_t ir = 0; ir < mc; ir += MR) {
                        size_t rows = min_size(mc - ir, MR);
                        micro_kernel(kc, packed_a + ir * kc, packed_b + jr * kc, alpha,
                                     beta_block, c + (ic + ir) * ldc + jc + jr, ldc, rows, cols);
                    }
                }
            }
        }
    }
    free(packed_a);
    free(packed_b);
    // END SOLUTION
}
