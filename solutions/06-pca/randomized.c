/* randomized.c: the top singular triplets of a large matrix from a few
 * passes over it, by randomized subspace iteration (chapter section 7). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>

#include "gemm.h"
#include "linalg.h"
#include "rng.h"

// BEGIN SOLUTION
/* Everything the iteration keeps, in one allocation. The block of b
 * vectors on A's long side is stored by rows, b x m, so that every product
 * with A is one gemm and every vector contiguous. */
typedef struct {
    double *memory;
    double *yt;   /* b x m: (A V)^T, then Q^T after orthonormalisation */
    double *tmp;  /* b x m: CholeskyQR's first Q^T */
    double *ut;   /* k x m: U^T of the current estimates */
    double *bmat; /* b x n: B = Q^T A */
    double *vb;   /* b x n: V^T, the right singular vectors of B */
    double *ub;   /* b x b: U of B */
    double *sb;   /* b: the singular values of B */
    double *gram; /* b x b */
    double *linv; /* b x b */
} block_work;

static pc_status block_alloc(block_work *w, size_t m, size_t n, size_t k, size_t b)
{
    size_t parts[] = {b * m, b * m, k * m, b * n, b * n, b * b, b, b * b, b * b}, total = 0;
    enum { PARTS = sizeof parts / sizeof parts[0] };
    for (size_t i = 0; i < PARTS; i++) {
        if (parts[i] > SIZE_MAX / sizeof(double) - total)
            return PC_ERR_NOMEM;
        total += parts[i];
    }
    if (!(w->memory = la_alloc(total, 1)))
        return PC_ERR_NOMEM;
    double **where[PARTS] = {&w->yt, &w->tmp, &w->ut, &w->bmat, &w->vb,
                             &w->ub, &w->sb, &w->gram, &w->linv};
    double *p = w->memory;
    for (size_t i = 0; i < PARTS; i++) {
        *where[i] = p;
        p += parts[i];
    }
    return PC_OK;
}

/* gram = L L^T (b x b, symmetric positive definite), then linv = L^-1,
 * lower triangular. Returns 0, or -1 when a pivot is not positive: the
 * rows that made gram were (numerically) dependent. */
static int cholesky_inverse(double *gram, size_t b, double *linv)
{
    for (size_t j = 0; j < b; j++) {
        double *lj = gram + j * b;
        double pivot = lj[j] - la_dot(lj, lj, j);
        if (!(pivot > 0.0) || !isfinite(pivot))
            return -1;
        lj[j] = sqrt(pivot);
        for (size_t i = j + 1; i < b; i++) {
            double *li = gram + i * b;
            li[j] = (li[j] - la_dot(li, lj, j)) / lj[j];
        }
    }
    for (size_t j = 0; j < b; j++) /* column j of L^-1 by forward substitution */
        for (size_t i = 0; i < b; i++) {
            if (i < j) {
                linv[i * b + j] = 0.0;
                continue;
            }
            double sum = i == j ? 1.0 : 0.0;
            for (size_t l = j; l < i; l++)
                sum -= gram[i * b + l] * linv[l * b + j];
            linv[i * b + j] = sum / gram[i * b + i];
        }
    return 0;
}

/* One Cholesky QR of the rows: to = L^-1 from, where from from^T = L L^T. */
static int cholesky_qr(const double *from, size_t b, size_t m, block_work *w, double *to)
{
    gemm(GEMM_NO_TRANS, GEMM_TRANS, b, b, m, 1.0, from, m, from, m, 0.0, w->gram, b);
    if (cholesky_inverse(w->gram, b, w->linv) != 0)
        return -1;
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, b, m, b, 1.0, w->linv, b, from, m, 0.0, to, m);
    return 0;
}

/* The largest |G - I| of the b x b gram matrix. */
static double distance_from_identity(const double *gram, size_t b)
{
    double worst = 0.0;
    for (size_t i = 0; i < b; i++)
        for (size_t j = 0; j < b; j++)
            worst = fmax(worst, fabs(gram[i * b + j] - (i == j)));
    return worst;
}

/* Replaces the b rows of w->yt (b x m) by orthonormal rows spanning the
 * same space. CholeskyQR2: two Cholesky QRs, all gemm but for a b x b
 * Cholesky, so at the speed of the products with A rather than of
 * Householder's vector operations; the first is accurate only to eps
 * cond(Y)^2, the second brings the rows orthonormal to rounding as long as
 * the first left them far from dependent. When it did not (A of low rank,
 * or a spectrum that falls by more than 1e8 within the block), Householder
 * QR, which cannot fail. The rows are first scaled by a power of 2 that
 * brings their largest entry near 1: the Gram matrix then cannot
 * overflow. */
static pc_status orthonormalize_block(block_work *w, size_t b, size_t m)
{
    int e;
    frexp(la_max_abs(w->yt, b * m), &e);
    la_scale(w->yt, b * m, ldexp(1.0, -e));
    if (cholesky_qr(w->yt, b, m, w, w->tmp) == 0) {
        gemm(GEMM_NO_TRANS, GEMM_TRANS, b, b, m, 1.0, w->tmp, m, w->tmp, m, 0.0, w->gram, b);
        if (distance_from_identity(w->gram, b) <= 0.1 && cholesky_qr(w->tmp, b, m, w, w->yt) == 0)
            return PC_OK;
    }
    return la_orthonormalize_rows(w->yt, b, m, NULL) == 0 ? PC_OK : PC_ERR_NOMEM;
}

/* Whether every residual |A v_i - sigma_i u_i| (i < k) is within tol
 * sigma_0, with A v_i in row i of w->yt and u_i in row i of w->ut. */
static int converged(const block_work *w, size_t m, size_t k, double tol)
{
    for (size_t i = 0; i < k; i++) {
        const double *av = w->yt + i * m, *ui = w->ut + i * m;
        double largest = 0.0, sum = 0.0, s = w->sb[i];
        for (size_t j = 0; j < m; j++)
            largest = fmax(largest, fabs(av[j] - s * ui[j]));
        if (largest == 0.0)
            continue;
        for (size_t j = 0; j < m; j++) {
            double r = (av[j] - s * ui[j]) / largest;
            sum += r * r;
        }
        if (!(largest * sqrt(sum) <= tol * w->sb[0]))
            return 0;
    }
    return 1;
}

/* rows first..last-1 of Y^T = V_B^T A^T, into w->yt. */
static void multiply_rows(const double *a, size_t m, size_t n, size_t first, size_t last,
                          block_work *w)
{
    gemm(GEMM_NO_TRANS, GEMM_TRANS, last - first, m, n, 1.0, w->vb + first * n, n, a, n, 0.0,
         w->yt + first * m, m);
}

/* One round: Q = orth(A V), B = Q^T A = U_B S V_B^T (pc_svd_jacobi, which
 * sorts and signs), U = Q U_B for the first k; then A v_i for those k,
 * which hold the residuals of these estimates. */
static pc_status iterate(const double *a, size_t m, size_t n, size_t k, size_t b, block_work *w)
{
    pc_status status = orthonormalize_block(w, b, m);
    if (status != PC_OK)
        return status;
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, b, n, m, 1.0, w->yt, m, a, n, 0.0, w->bmat, n);
    status = pc_svd_jacobi(w->bmat, b, n, w->sb, w->ub, w->vb);
    if (status != PC_OK)
        return status;
    gemm(GEMM_TRANS, GEMM_NO_TRANS, k, m, b, 1.0, w->ub, b, w->yt, m, 0.0, w->ut, m);
    multiply_rows(a, m, n, 0, k, w);
    return PC_OK;
}

// END SOLUTION
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
    // STUB: (void)a; (void)m; (void)n; (void)k; (void)oversample; (void)tol; (void)max_iter;
    // STUB: (void)seed; (void)sigma; (void)u; (void)vt; (void)iterations;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    size_t r = m < n ? m : n;
    if (!a || !sigma || !u || !vt || m == 0 || n == 0 || k == 0 || k > r || !(tol > 0.0) ||
        max_iter == 0 || m > SIZE_MAX / n)
        return PC_ERR_ARG;
    if (!la_all_finite(a, m * n))
        return PC_ERR_NAN;
    size_t b = oversample < r - k ? k + oversample : r;
    block_work w;
    if (block_alloc(&w, m, n, k, b) != PC_OK)
        return PC_ERR_NOMEM;
    rng g;
    rng_seed(&g, seed);
    for (size_t i = 0; i < b * n; i++)
        w.vb[i] = rng_normal(&g);
    multiply_rows(a, m, n, 0, b, &w);
    pc_status status = PC_ERR_NOCONVERGE;
    size_t round = 0;
    while (round < max_iter && status == PC_ERR_NOCONVERGE) {
        round++;
        status = iterate(a, m, n, k, b, &w);
        if (status == PC_OK && !converged(&w, m, k, tol)) {
            status = PC_ERR_NOCONVERGE;
            /* The rest of A V for the next round: only now, so that the
             * last round's check is a pass with k vectors, not b. */
            if (round < max_iter)
                multiply_rows(a, m, n, k, b, &w);
        }
    }
    if (status == PC_OK || status == PC_ERR_NOCONVERGE) {
        for (size_t i = 0; i < k; i++)
            sigma[i] = w.sb[i];
        for (size_t i = 0; i < k * n; i++)
            vt[i] = w.vb[i];
        la_transpose(w.ut, k, m, u);
    }
    if (iterations)
        *iterations = round;
    free(w.memory);
    return status;
    // END SOLUTION
}
