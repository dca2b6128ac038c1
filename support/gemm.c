/* gemm.c: the matrix multiply of support/gemm.h, built step by step in
 * lesson 04 (its chapter, section 10) and shared by the lessons after it.
 *
 * C = alpha op(A) op(B) + beta C with row-major matrices. The structure is
 * that of BLIS and OpenBLAS:
 *   - op(B) is copied, a KC x NC block at a time, into panels of NR columns
 *     ("packing"): contiguous, aligned, zero-padded, transposes resolved;
 *   - op(A) likewise, an MC x KC block at a time, into panels of MR rows;
 *   - a micro-kernel multiplies one MR x KC panel of A by one KC x NR panel
 *     of B, keeping the MR x NR block of C in registers for the whole KC
 *     loop: per step it loads NR values of B and MR of A and does MR * NR
 *     multiply-adds.
 * The block sizes keep each panel in the cache level that feeds it. */
#include "gemm.h"

#include "simd.h"

#include <stdlib.h>

/* The register block is MR rows by NR = NV vectors of columns: MR * NV
 * accumulators, NV vectors of B and one broadcast of A must fit in the
 * vector registers (16 with SSE2 and AVX2, 32 with AVX-512). The same code
 * is compiled for each width; only these numbers change. */
#if SIMD_BYTES == 64
enum { MR = 8, NV = 2 }; /* 8 x 16 doubles: 16 accumulators */
#elif SIMD_BYTES == 32
enum { MR = 6, NV = 2 }; /* 6 x 8 doubles: 12 accumulators */
#else
enum { MR = 4, NV = 2 }; /* 4 x 4 doubles: 8 accumulators */
#endif

/* KC is small enough that the KC x NR panel of B (16 KB with AVX-512, 8 KB
 * with AVX2) and the MR x KC panel of A share a 32 KB L1 with room to
 * spare: at 256 the AVX-512 panels (32 + 16 KB) overflow it, and the
 * 1024 x 1024 product runs about 20 % slower. Products no deeper
 * than SHALLOW_K skip the blocking (gemm_shallow), where a deeper panel
 * costs less than packing would. */
enum {
    NR = NV * VD_LANES, /* columns of the register block */
    KC = 128,           /* depth of a block: a KC x NR panel of B stays in L1 */
    MC = 96,            /* rows of a packed block of A (MC x KC doubles, in L2) */
    NC = 2048,          /* columns of a packed block of B (KC x NC doubles) */
    SHALLOW_K = 256     /* deepest product done by gemm_shallow */
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
    if (!trans) {
        /* Row by row: each stored row is read once, front to back, as the
         * hardware prefetcher expects. Panel by panel, the reads would hop
         * from row to row, a page apart in a large matrix, and wait for
         * memory at every hop. */
        for (size_t p = 0; p < kc; p++) {
            const double *row = b + (p0 + p) * ldb + j0;
            for (size_t jr = 0; jr < nc; jr += NR) {
                size_t cols = nc - jr < NR ? nc - jr : NR;
                const double *src = row + jr;
                double *dst = out + jr * kc + p * NR;
                if (cols == NR) {
                    for (int v = 0; v < NV; v++)
                        vd_store(dst + v * VD_LANES, vd_load(src + v * VD_LANES));
                } else {
                    for (size_t c = 0; c < cols; c++)
                        dst[c] = src[c];
                    for (size_t c = cols; c < NR; c++)
                        dst[c] = 0.0;
                }
            }
        }
        return;
    }
    for (size_t jr = 0; jr < nc; jr += NR) {
        size_t cols = nc - jr < NR ? nc - jr : NR;
        double *panel = out + jr * kc;
        /* Rows of the stored B become columns of the panel: a square of
         * VD_LANES x VD_LANES values at a time is loaded, one vector per
         * stored row, transposed in registers and stored one vector per
         * row of the panel; what is left over is copied one by one. */
        size_t vecs = cols / VD_LANES, p_vec = vecs ? kc - kc % VD_LANES : 0;
        for (size_t p = 0; p < p_vec; p += VD_LANES)
            for (size_t v = 0; v < vecs; v++) {
                vd sq[VD_LANES];
                for (int q = 0; q < VD_LANES; q++)
                    sq[q] = vd_load(b + (j0 + jr + v * VD_LANES + q) * ldb + p0 + p);
                vd_transpose(sq);
                for (int q = 0; q < VD_LANES; q++)
                    vd_store(panel + (p + q) * NR + v * VD_LANES, sq[q]);
            }
        for (size_t c = 0; c < cols; c++) {
            const double *src = b + (j0 + jr + c) * ldb + p0;
            for (size_t p = c < vecs * VD_LANES ? p_vec : 0; p < kc; p++)
                panel[p * NR + c] = src[p];
        }
        for (size_t p = 0; p < kc; p++)
            for (size_t c = cols; c < NR; c++)
                panel[p * NR + c] = 0.0;
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
            for (size_t j = 0; j < cols; j++)
                row[j] = alpha * from[j];
        } else {
            for (size_t j = 0; j < cols; j++)
                row[j] = alpha * from[j] + beta * row[j];
        }
    }
}

/* The micro-kernel: C[0..rows-1][0..cols-1] = alpha * (A panel) (B panel)
 * + beta * C for an mr x kc panel of A, entry (r, p) at a[r * rsa + p * csa],
 * and a kc x NR panel of B, row p at b + p * rsb, of which the first nv
 * vectors (NV, or 1 for a narrow last panel) are used. The mr x nv block of
 * vectors of C stays in registers for the whole depth; per step the kernel
 * loads nv vectors of B, broadcasts mr values of A and does mr * nv fused
 * multiply-adds. mr and nv are constants wherever the kernel is inlined, so
 * the loops over r and v are unrolled and acc never leaves the registers. */
static inline __attribute__((always_inline)) void micro_kernel(int mr, int nv, size_t kc,
    const double *a, size_t rsa, size_t csa, const double *b, size_t rsb, double alpha,
    double beta, double *c, size_t ldc, size_t rows, size_t cols)
{
    vd acc[MR][NV];
    for (int r = 0; r < mr; r++)
        for (int v = 0; v < nv; v++)
            acc[r][v] = (vd){0};
    for (size_t p = 0; p < kc; p++, a += csa, b += rsb) {
        vd bv[NV];
        for (int v = 0; v < nv; v++)
            bv[v] = vd_load(b + v * VD_LANES);
        for (int r = 0; r < mr; r++) {
            vd x = vd_broadcast(a[r * rsa]);
            for (int v = 0; v < nv; v++)
                acc[r][v] = vd_fma(x, bv[v], acc[r][v]);
        }
    }
    if (rows == (size_t)mr && cols == (size_t)nv * VD_LANES) { /* whole: straight into C */
        vd va = vd_broadcast(alpha), vb = vd_broadcast(beta);
        for (int r = 0; r < mr; r++)
            for (int v = 0; v < nv; v++) {
                double *to = c + r * ldc + v * VD_LANES;
                vd out = va * acc[r][v];
                vd_store(to, beta == 0.0 ? out : vd_fma(vb, vd_load(to), out));
            }
        return;
    }
    _Alignas(64) double block[MR * NR]; /* an edge: only rows x cols of it go to C */
    for (int r = 0; r < mr; r++)
        for (int v = 0; v < nv; v++)
            vd_store(block + r * NR + v * VD_LANES, acc[r][v]);
    store_block(block, rows, cols, alpha, beta, c, ldc);
}

/* Copies of it: for packed panels, where the strides are constants, and for
 * panels read in place, one per height: MR rows, and 4, 2 and 1 for the
 * rows left at the bottom edge (any remainder below MR = 8 is a sum of
 * those). Each comes in two widths: NV vectors of columns, and one for a
 * last panel of at most VD_LANES columns, whose padding it skips. */
static void kernel_packed(size_t kc, const double *a, const double *b, double alpha, double beta,
                          double *c, size_t ldc, size_t rows, size_t cols)
{
    /* A large C is seldom in L1 or L2 and is read or written only after
     * the whole depth: asked for now, its lines arrive while the
     * multiply-adds run instead of stalling the stores at the end. (The
     * small products of gemm_shallow find C in cache and run slower with
     * the extra instructions.) */
    for (size_t r = 0; r < rows; r++) {
        __builtin_prefetch(c + r * ldc, 1);
        __builtin_prefetch(c + r * ldc + cols - 1, 1);
    }
    if (cols <= VD_LANES)
        micro_kernel(MR, 1, kc, a, 1, MR, b, NR, alpha, beta, c, ldc, rows, cols);
    else
        micro_kernel(MR, NV, kc, a, 1, MR, b, NR, alpha, beta, c, ldc, rows, cols);
}

static void kernel_strided(size_t mr, size_t kc, const double *a, size_t rsa, size_t csa,
                           const double *b, size_t rsb, double alpha, double beta, double *c,
                           size_t ldc, size_t cols)
{
#define STRIDED(MR_)                                                                              \
    (cols <= VD_LANES                                                                             \
         ? micro_kernel(MR_, 1, kc, a, rsa, csa, b, rsb, alpha, beta, c, ldc, MR_, cols)          \
         : micro_kernel(MR_, NV, kc, a, rsa, csa, b, rsb, alpha, beta, c, ldc, MR_, cols))
    switch (mr) {
    case 1:
        STRIDED(1);
        break;
    case 2:
        STRIDED(2);
        break;
    case 4:
        STRIDED(4);
        break;
    default:
        STRIDED(MR);
    }
#undef STRIDED
}

static size_t round_up(size_t x, size_t to)
{
    return (x + to - 1) / to * to;
}

static size_t min_size(size_t x, size_t y)
{
    return x < y ? x : y;
}

/* Rows of the next register block when left rows remain: MR, or the
 * largest of the shorter kernels' 4, 2 and 1 that fits. */
static size_t block_rows(size_t left)
{
    return left >= MR ? MR : left >= 4 ? 4 : left >= 2 ? 2 : 1;
}

/* A few columns of A B^T: entry (i, j) is the dot product of row i of A and
 * row j of the stored B, both contiguous, so the kernel runs along the depth
 * instead: mr x nc accumulators, each a vector of partial sums over VD_LANES
 * steps of p, added across their lanes at the end. No copy and no padding:
 * what the column-blocked kernel would do for the last few columns of a
 * transposed B (the 10 outputs of the network's last layer among them). mr
 * and nc are constants wherever it is inlined. */
#if SIMD_BYTES == 64
enum { DR = 4, DC = 5 }; /* 20 accumulators, 4 rows of A and 1 of B: 25 of 32 */
#else
enum { DR = 4, DC = 2 }; /* 8 accumulators, 4 rows of A and 1 of B: 13 of 16 */
#endif

static inline __attribute__((always_inline)) void dot_kernel(int mr, int nc, size_t k,
    const double *a, size_t lda, const double *b, size_t ldb, double alpha, double beta,
    double *c, size_t ldc)
{
    vd acc[DR][DC];
    for (int r = 0; r < mr; r++)
        for (int j = 0; j < nc; j++)
            acc[r][j] = (vd){0};
    size_t p = 0;
    for (; p + VD_LANES <= k; p += VD_LANES) {
        vd av[DR];
        for (int r = 0; r < mr; r++)
            av[r] = vd_load(a + r * lda + p);
        for (int j = 0; j < nc; j++) {
            vd bv = vd_load(b + j * ldb + p);
            for (int r = 0; r < mr; r++)
                acc[r][j] = vd_fma(av[r], bv, acc[r][j]);
        }
    }
    double s[DR][DC]; /* all the sums first: independent, so they overlap */
    for (int r = 0; r < mr; r++)
        for (int j = 0; j < nc; j++)
            s[r][j] = vd_sum_tree(acc[r][j]);
    for (; p < k; p++) /* the last k % VD_LANES steps */
        for (int r = 0; r < mr; r++)
            for (int j = 0; j < nc; j++)
                s[r][j] += a[r * lda + p] * b[j * ldb + p];
    for (int r = 0; r < mr; r++)
        for (int j = 0; j < nc; j++) {
            double *to = c + r * ldc + j;
            *to = beta == 0.0 ? alpha * s[r][j] : alpha * s[r][j] + beta * *to;
        }
}

/* C[0..m-1][0..n-1] by dot_kernel: blocks of DR rows by DC columns, with
 * single rows for what is left below, and the last n % DC columns as one
 * narrower block, since each column of a block is another independent chain
 * of multiply-adds for the processor to overlap. */
static void gemm_dots(size_t m, size_t n, size_t k, double alpha, const double *a, size_t lda,
                      const double *b, size_t ldb, double beta, double *c, size_t ldc)
{
#define DOTS(MR_, NC_) dot_kernel(MR_, NC_, k, ai, lda, bj, ldb, alpha, beta, cij, ldc)
#define DOTS_TALL_OR_NOT(NC_) (tall ? DOTS(DR, NC_) : DOTS(1, NC_))
    for (size_t j = 0; j < n;) {
        size_t nc = n - j < DC ? n - j : DC;
        for (size_t i = 0; i < m;) {
            const double *ai = a + i * lda, *bj = b + j * ldb;
            double *cij = c + i * ldc + j;
            int tall = m - i >= DR;
            switch (nc) {
            case 1:
                DOTS_TALL_OR_NOT(1);
                break;
#if SIMD_BYTES == 64
            case 2:
                DOTS_TALL_OR_NOT(2);
                break;
            case 3:
                DOTS_TALL_OR_NOT(3);
                break;
            case 4:
                DOTS_TALL_OR_NOT(4);
                break;
#endif
            default:
                DOTS_TALL_OR_NOT(DC);
            }
            i += tall ? DR : 1;
        }
        j += nc;
    }
#undef DOTS_TALL_OR_NOT
#undef DOTS
}

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

/* Whether C = A B^T, n columns of it, is better computed as its transpose,
 * C^T = B A^T: the rows of B are then read in place and A^T is packed instead
 * of B^T. That copies less when A has fewer rows than B, and it fills the
 * kernel's NR columns when B has fewer rows than that and A has enough (the
 * ten outputs of lesson 04's network, with AVX-512). */
static int transpose_pays(size_t m, size_t n)
{
    return m < n || (n < NR && m >= NR);
}

/* C = alpha A B^T + beta C, k <= SHALLOW_K, as C^T = B A^T: each register
 * block of C^T is computed into a buffer, then written to C row by row. The
 * multiply-adds and their order are gemm_shallow's, and so are the bits. */
static void gemm_shallow_transposed(size_t m, size_t n, size_t k, double alpha,
                                    const double *a, size_t lda, const double *b, size_t ldb,
                                    double beta, double *c, size_t ldc)
{
    double *packed_at = aligned_alloc(64, round_up(k * round_up(m, NR) * sizeof(double), 64));
    if (!packed_at) {
        gemm_simple(0, 1, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    pack_b(a, lda, 1, 0, k, 0, m, packed_at);
    _Alignas(64) double block[MR * NR];
    for (size_t ir = 0; ir < m; ir += NR) {
        size_t rows_of_c = min_size(m - ir, NR);
        for (size_t jr = 0; jr < n;) {
            size_t mr = block_rows(n - jr);
            kernel_strided(mr, k, b + jr * ldb, ldb, 1, packed_at + ir * k, NR, 1.0, 0.0, block,
                           NR, rows_of_c);
            for (size_t i = 0; i < rows_of_c; i++) {
                double *row = c + (ir + i) * ldc + jr;
                for (size_t j = 0; j < mr; j++) {
                    double out = alpha * block[j * NR + i];
                    row[j] = beta == 0.0 ? out : sd_fma(beta, row[j], out);
                }
            }
            jr += mr;
        }
    }
    free(packed_at);
}

/* A product with k <= SHALLOW_K: one block deep, so A and, unless transposed, B
 * are read where they are. Only a transposed B (whose rows must become
 * contiguous) and a last panel of fewer than NR columns (which must be
 * zero-padded) are copied; the rows left below the last whole panel of MR
 * go through the shorter kernels. When A is not transposed and B is, the
 * last n % VD_LANES columns (less than a vector) are dot products of rows
 * both stored contiguously: gemm_dots computes them without copying or
 * padding; the others may go through gemm_shallow_transposed. */
static void gemm_shallow(int ta, int tb, size_t m, size_t n, size_t k, double alpha,
                         const double *a, size_t lda, const double *b, size_t ldb, double beta,
                         double *c, size_t ldc)
{
    _Alignas(64) double edge_b[SHALLOW_K * NR];
    double *packed_b = NULL;
    size_t n_panels = n; /* columns done by the column-blocked kernel */
    if (tb && !ta) {
        n_panels = n - n % VD_LANES;
        gemm_dots(m, n - n_panels, k, alpha, a, lda, b + n_panels * ldb, ldb, beta,
                  c + n_panels, ldc);
        if (n_panels && transpose_pays(m, n_panels)) {
            gemm_shallow_transposed(m, n_panels, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
    }
    if (n_panels == 0)
        return;
    /* B is read in place when its layout allows: rows a multiple of 512
     * bytes apart put a panel's rows in a few cache sets of L1, which then
     * evicts them, so such a B is packed too when enough rows of A (64)
     * reuse it to pay for the copy. */
    int pack = tb || (ldb % 64 == 0 && m >= 64);
    if (pack) {
        packed_b = aligned_alloc(64, round_up(k * round_up(n_panels, NR) * sizeof(double), 64));
        if (!packed_b) {
            gemm_simple(ta, tb, m, n_panels, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }
        pack_b(b, ldb, tb, 0, k, 0, n_panels, packed_b);
    } else if (n % NR) {
        pack_b(b, ldb, 0, 0, k, n - n % NR, n % NR, edge_b);
    }
    size_t rsa = ta ? 1 : lda, csa = ta ? lda : 1;
    /* The panels of B one after the other, each against every row of A; or,
     * when A is the larger and all of B fits in L1 beside a block of A, the
     * rows of A in blocks, each against every panel of B. Either way the
     * larger operand goes through the cache once. */
    int rows_outer = m > n_panels && k * n_panels * sizeof(double) <= 32768;
    size_t outer_end = rows_outer ? m : n_panels, inner_end = rows_outer ? n_panels : m;
    for (size_t outer = 0; outer < outer_end;) {
        size_t outer_step = rows_outer ? block_rows(m - outer) : NR;
        for (size_t inner = 0; inner < inner_end;) {
            size_t ir = rows_outer ? outer : inner, jr = rows_outer ? inner : outer;
            size_t mr = rows_outer ? outer_step : block_rows(m - ir);
            size_t cols = min_size(n_panels - jr, NR);
            const double *pb = pack ? packed_b + jr * k : cols < NR ? edge_b : b + jr;
            size_t rsb = pack || cols < NR ? NR : ldb;
            kernel_strided(mr, k, a + ir * rsa, rsa, csa, pb, rsb, alpha, beta,
                           c + ir * ldc + jr, ldc, cols);
            inner += rows_outer ? NR : mr;
        }
        outer += outer_step;
    }
    free(packed_b);
}

void gemm(gemm_transpose trans_a, gemm_transpose trans_b, size_t m, size_t n, size_t k,
          double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
          double *c, size_t ldc)
{
    if (m == 0 || n == 0)
        return;
    if (k == 0 || alpha == 0.0) {
        scale_c(m, n, beta, c, ldc);
        return;
    }
    if (k <= SHALLOW_K) {
        gemm_shallow(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    size_t nc_max = round_up(min_size(n, NC), NR), mc_max = round_up(min_size(m, MC), MR);
    double *packed_b = aligned_alloc(64, round_up(KC * nc_max * sizeof(double), 64));
    double *packed_a = aligned_alloc(64, round_up(KC * mc_max * sizeof(double), 64));
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
                        kernel_packed(kc, packed_a + ir * kc, packed_b + jr * kc, alpha,
                                      beta_block, c + (ic + ir) * ldc + jc + jr, ldc, rows, cols);
                    }
                }
            }
        }
    }
    free(packed_a);
    free(packed_b);
}
