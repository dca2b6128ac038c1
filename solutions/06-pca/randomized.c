/* randomized.c: the top singular triplets of a large matrix from a few
 * passes over it, by randomized subspace iteration (chapter section 7). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    double *vcol; /* n x b: V, by columns, for A V */
} block_work;

static pc_status block_alloc(block_work *w, size_t m, size_t n, size_t k, size_t b)
{
    size_t parts[] = {b * m, b * m, k * m, b * n, b * n, b * b, b, b * b, b * b, n * b};
    size_t total = 0;
    enum { PARTS = sizeof parts / sizeof parts[0] };
    for (size_t i = 0; i < PARTS; i++) {
        if (parts[i] > SIZE_MAX / sizeof(double) - total)
            return PC_ERR_NOMEM;
        total += parts[i];
    }
    if (!(w->memory = la_alloc(total, 1)))
        return PC_ERR_NOMEM;
    double **where[PARTS] = {&w->yt, &w->tmp, &w->ut, &w->bmat, &w->vb,
                             &w->ub, &w->sb, &w->gram, &w->linv, &w->vcol};
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

/* The largest residual |A v_i - sigma_i u_i| (i < k) over tol sigma_0,
 * with A v_i in row i of w->yt and u_i in row i of w->ut: at most 1 when
 * the estimates have converged. */
static double worst_residual(const block_work *w, size_t m, size_t k, double tol)
{
    double worst = 0.0;
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
        double ratio = largest * sqrt(sum) / (tol * w->sb[0]);
        if (!(ratio <= worst)) /* NaN included */
            worst = ratio;
    }
    return worst;
}

enum {
    /* The depth of one gemm call: support/gemm.c reads a product that
     * shallow where it lies, while a deep one would copy all of A (125 MB
     * for the bench's matrices) into its packed panels on every call. */
    DEPTH = 128,
    /* Rows of A per block of A V: a block ROWS x DEPTH (256 KB) stays in
     * L2 while each panel of V's columns passes over it. */
    ROWS = 256
};

/* c (rows x cols) = x y, x rows x depth (row length ldx), y depth x cols
 * (row length ldy), as a sum of products DEPTH deep. */
static void product(size_t rows, size_t cols, size_t depth, const double *x, size_t ldx,
                    const double *y, size_t ldy, double *c, size_t ldc)
{
    for (size_t p = 0; p < depth; p += DEPTH) {
        size_t d = depth - p < DEPTH ? depth - p : DEPTH;
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, rows, cols, d, 1.0, x + p, ldx, y + p * ldy, ldy,
             p ? 1.0 : 0.0, c, ldc);
    }
}

/* rows first..last-1 of Y^T = V_B^T A^T, into w->yt: Y = A V, ROWS rows of
 * A at a time, each block stored transposed. */
static void multiply_rows(const double *a, size_t m, size_t n, size_t first, size_t last,
                          block_work *w)
{
    size_t c = last - first;
    la_transpose(w->vb + first * n, c, n, w->vcol);
    for (size_t i0 = 0; i0 < m; i0 += ROWS) {
        size_t rows = m - i0 < ROWS ? m - i0 : ROWS;
        product(rows, c, n, a + i0 * n, n, w->vcol, c, w->tmp, c);
        for (size_t j = 0; j < c; j++) {
            double *to = w->yt + (first + j) * m + i0;
            for (size_t i = 0; i < rows; i++)
                to[i] = w->tmp[i * c + j];
        }
    }
}

/* One round: Q = orth(A V), B = Q^T A = U_B S V_B^T (pc_svd_jacobi, which
 * sorts and signs), U = Q U_B for the first k; then A v_i for those k,
 * which hold the residuals of these estimates. */
static pc_status iterate(const double *a, size_t m, size_t n, size_t k, size_t b, block_work *w)
{
    pc_status status = orthonormalize_block(w, b, m);
    if (status != PC_OK)
        return status;
    product(b, n, m, w->yt, m, a, n, w->bmat, n);
    status = pc_svd_jacobi(w->bmat, b, n, w->sb, w->ub, w->vb);
    if (status != PC_OK)
        return status;
    gemm(GEMM_TRANS, GEMM_NO_TRANS, k, m, b, 1.0, w->ub, b, w->yt, m, 0.0, w->ut, m);
    multiply_rows(a, m, n, 0, k, w);
    return PC_OK;
}

/* ---- When the spectrum is flat: A^T A once, then filtered iteration on it ----
 *
 * A round reduces the error of the i-th estimate by (sigma_b / sigma_i)^2,
 * b the block's size; where sigma_b is within a percent of sigma_k, that is
 * hundreds of rounds, two passes over A each. G = A^T A (n x n) costs about
 * m n^2 / 2 multiply-adds once, n / 4b rounds' worth; after it, a product
 * with G costs n^2 b instead of 2 m n b, and a Chebyshev polynomial of G
 * (below) converges in tens of products where powers would need hundreds.
 * G's eigenvalues are the sigma^2, known only to about eps sigma_0^2, but
 * only its vectors are kept: the rounds on A that follow take their sigma
 * from A itself. */
enum {
    GRAM_WIDTH = 48,  /* columns of G per block: narrow, so little is computed above the
                       * diagonal; whole panels of 16 (AVX-512) and 8 (AVX2) columns */
    DEGREE = 10,      /* Chebyshev degree between orthonormalisations */
    LOCK_RATIO = 4,   /* Ritz values this far above the filter's interval are locked */
    MAX_CYCLES = 60
};

typedef struct {
    double *memory;
    double *g;          /* n x n: A^T A */
    double *z;          /* b x n: G times a block */
    double *y0, *y1;    /* b x n: the recurrence's last two terms */
    double *h, *e;      /* b x b: V G V^T and its eigenvectors, by rows */
    double *theta;      /* b: the Ritz values, descending */
} gram_work;

static pc_status gram_alloc(gram_work *g, size_t n, size_t b)
{
    if (n > SIZE_MAX / sizeof(double) / n / 2)
        return PC_ERR_NOMEM;
    size_t parts[] = {n * n, b * n, b * n, b * n, b * b, b * b, b}, total = 0;
    enum { PARTS = sizeof parts / sizeof parts[0] };
    for (size_t i = 0; i < PARTS; i++)
        total += parts[i];
    if (!(g->memory = la_alloc(total, 1)))
        return PC_ERR_NOMEM;
    double **where[PARTS] = {&g->g, &g->z, &g->y0, &g->y1, &g->h, &g->e, &g->theta};
    double *p = g->memory;
    for (size_t i = 0; i < PARTS; i++) {
        *where[i] = p;
        p += parts[i];
    }
    return PC_OK;
}

/* g = A^T A: the blocks on and below the diagonal, GRAM_WIDTH columns by
 * the rows below, summed over DEPTH rows of A at a time (each product
 * reads A in place), then mirrored. */
static void gram_matrix(const double *a, size_t m, size_t n, double *g)
{
    for (size_t p = 0; p < m; p += DEPTH) {
        size_t d = m - p < DEPTH ? m - p : DEPTH;
        const double *rows = a + p * n;
        for (size_t j = 0; j < n; j += GRAM_WIDTH) {
            size_t width = n - j < GRAM_WIDTH ? n - j : GRAM_WIDTH;
            gemm(GEMM_TRANS, GEMM_NO_TRANS, n - j, width, d, 1.0, rows + j, n, rows + j, n,
                 p ? 1.0 : 0.0, g + j * n + j, n);
        }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            g[i * n + j] = g[j * n + i];
}

/* z = P G v for count rows v, where P removes the components along the
 * first `locked` rows of q (orthonormal). G is symmetric: v G = (G v^T)^T. */
static void times_gram(const gram_work *gw, size_t n, const double *v, size_t count,
                       const double *q, size_t locked, double *z)
{
    product(count, n, n, v, n, gw->g, n, z, n);
    for (size_t i = 0; locked && i < count; i++)
        la_orthogonalize(z + i * n, q, locked, n);
}

/* Rayleigh-Ritz on count orthonormal rows v with z = P G v: H = z v^T,
 * symmetric, positive semidefinite, so pc_svd_jacobi's V^T holds its
 * eigenvectors; v and z are rotated onto them and theta receives the
 * eigenvalues, descending. */
static pc_status rayleigh_ritz(gram_work *gw, size_t n, double *v, double *z, size_t count,
                               double *theta)
{
    double *h = gw->h, *e = gw->e;
    gemm(GEMM_NO_TRANS, GEMM_TRANS, count, count, n, 1.0, z, n, v, n, 0.0, h, count);
    for (size_t i = 0; i < count; i++)
        for (size_t j = 0; j < i; j++)
            h[i * count + j] = h[j * count + i] = 0.5 * (h[i * count + j] + h[j * count + i]);
    pc_status status = pc_svd_jacobi(h, count, count, theta, NULL, e);
    if (status != PC_OK)
        return status;
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, count, n, count, 1.0, e, count, v, n, 0.0, gw->y0, n);
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, count, n, count, 1.0, e, count, z, n, 0.0, gw->y1, n);
    memcpy(v, gw->y0, count * n * sizeof *v);
    memcpy(z, gw->y1, count * n * sizeof *z);
    return PC_OK;
}

/* The largest |z_i - theta_i v_i| / target_i for rows first..k-1, with
 * target_i = tol sqrt(theta_0 theta_i) / 10: G's residual for a vector
 * whose residual on A is about a twentieth of tol sigma_0. */
static double gram_residual(const gram_work *gw, size_t n, const double *v, size_t first,
                            size_t k, double tol)
{
    double worst = 0.0;
    for (size_t i = first; i < k; i++) {
        double sum = 0.0, t = gw->theta[i];
        const double *zi = gw->z + i * n, *vi = v + i * n;
        for (size_t j = 0; j < n; j++)
            sum += (zi[j] - t * vi[j]) * (zi[j] - t * vi[j]);
        double ratio = sqrt(sum) / (0.1 * tol * sqrt(gw->theta[0] * fmax(t, 0.0)));
        if (!(ratio <= worst))
            worst = ratio;
    }
    return worst;
}

/* v (count x n) = the rows of y, orthonormalised after their components
 * along the first `locked` rows of q are removed. */
static pc_status orthonormalize_against(double *y, size_t count, const double *q, size_t locked,
                                        size_t n, double *v)
{
    for (size_t i = 0; i < count; i++)
        la_orthogonalize(y + i * n, q, locked, n);
    if (la_orthonormalize_rows(y, count, n, NULL) != 0)
        return PC_ERR_NOMEM;
    memcpy(v, y, count * n * sizeof *v);
    return PC_OK;
}

/* Replaces w->vb (b orthonormal rows) by G's top b eigenvectors, the first
 * k to a residual near tol (gram_residual) or as near as G allows.
 * Rows whose Ritz values stand LOCK_RATIO above the rest converge by plain
 * powers of G, fast, and are then locked: the filter would raise them by
 * many orders of magnitude over the rest, whose components along them
 * would then drown in rounding. The others go through Chebyshev
 * polynomials of degree DEGREE on [0, theta_b-1], which keep G's unwanted
 * eigenvalues within [-1, 1] and raise those above the interval as fast as
 * a polynomial of that degree can, then Rayleigh-Ritz. */
static pc_status gram_iterate(gram_work *gw, size_t n, size_t k, size_t b, double tol,
                              double *v)
{
    double *theta = gw->theta;
    times_gram(gw, n, v, b, NULL, 0, gw->z);
    pc_status status = rayleigh_ritz(gw, n, v, gw->z, b, theta);
    size_t locked = 0;
    while (status == PC_OK && locked + 1 < b && theta[locked] > LOCK_RATIO * theta[b - 1])
        locked++;
    if (status == PC_OK && locked > 0) {
        /* Each power of G shrinks their error by theta_locked / theta_locked-1
         * at least. Refined as far as needed: the wanted ones among them to
         * the tolerance; all of them well beyond it when wanted rows remain
         * unlocked, which converge in the complement of their span, tilted
         * by their error. */
        double ratio = theta[locked] / theta[locked - 1], enough = locked < k ? 1e-3 : 1.0;
        double steps = ratio > 0.0 ? ceil(log(0x1p-53) / log(ratio)) : 1.0;
        for (int s = 0; s < (int)fmin(steps, 60.0) && status == PC_OK; s++) {
            if (gram_residual(gw, n, v, 0, locked < k ? locked : k, tol) <= enough)
                break;
            memcpy(gw->y0, gw->z, locked * n * sizeof *v);
            status = orthonormalize_against(gw->y0, locked, NULL, 0, n, v);
            if (status == PC_OK) {
                times_gram(gw, n, v, locked, NULL, 0, gw->z);
                status = rayleigh_ritz(gw, n, v, gw->z, locked, theta);
            }
        }
        memcpy(gw->y0, v + locked * n, (b - locked) * n * sizeof *v);
        if (status == PC_OK)
            status = orthonormalize_against(gw->y0, b - locked, v, locked, n, v + locked * n);
        if (status == PC_OK) {
            times_gram(gw, n, v + locked * n, b - locked, v, locked, gw->z + locked * n);
            status = rayleigh_ritz(gw, n, v + locked * n, gw->z + locked * n, b - locked,
                                   theta + locked);
        }
    }
    size_t free_rows = b - locked;
    double *vf = v + locked * n, *zf = gw->z + locked * n, last = INFINITY;
    for (int cycle = 0; status == PC_OK && locked < k && cycle < MAX_CYCLES; cycle++) {
        double worst = gram_residual(gw, n, v, locked, k, tol), top = theta[b - 1];
        /* done, or no longer improving: G's rounding is reached */
        if (worst <= 1.0 || !(worst < 0.9 * last) || !(top > 0.0))
            break;
        last = worst;
        /* y_0 = v, y_1 = x v, y_j+1 = 2 x y_j - y_j-1 with x = 2 G / top - 1 */
        double *prev = gw->y0, *cur = gw->y1;
        memcpy(prev, vf, free_rows * n * sizeof *v);
        for (size_t i = 0; i < free_rows * n; i++)
            cur[i] = 2.0 / top * zf[i] - vf[i];
        for (int d = 2; d <= DEGREE; d++) {
            times_gram(gw, n, cur, free_rows, v, locked, zf);
            for (size_t i = 0; i < free_rows * n; i++)
                prev[i] = 4.0 / top * zf[i] - 2.0 * cur[i] - prev[i];
            double *t = prev;
            prev = cur;
            cur = t;
        }
        status = orthonormalize_against(cur, free_rows, v, locked, n, vf);
        if (status == PC_OK) {
            times_gram(gw, n, vf, free_rows, v, locked, zf);
            status = rayleigh_ritz(gw, n, vf, zf, free_rows, theta + locked);
        }
    }
    return status;
}

/* Whether the rounds still to come cost more than G: the worst residual
 * over tol sigma_0 (worst > 1) shrinks by about (sigma_b-1 / sigma_k-1)^2
 * per round of 2 m n b multiply-adds, against m n^2 / 2 for G. Only for a
 * tall A (G is the smaller Gram matrix) and a block smaller than n. */
static int gram_pays(const block_work *w, size_t m, size_t n, size_t k, size_t b, double worst)
{
    if (n > m || b >= n || !(w->sb[k - 1] > 0.0) || !isfinite(worst))
        return 0;
    double rate = w->sb[b - 1] / w->sb[k - 1];
    rate *= rate;
    double rounds = rate < 1.0 ? log(worst) / -log(rate) : INFINITY;
    return rounds * 2.0 * (double)b > 0.5 * (double)n;
}

/* The switch: G from A, then w->vb refined on it. *used = 0 when G does
 * not fit in memory (w->vb untouched: the rounds go on with A). */
static pc_status switch_to_gram(const double *a, size_t m, size_t n, size_t k, size_t b,
                                double tol, block_work *w, int *used)
{
    gram_work gw;
    *used = gram_alloc(&gw, n, b) == PC_OK;
    if (!*used)
        return PC_OK;
    gram_matrix(a, m, n, gw.g);
    pc_status status = gram_iterate(&gw, n, k, b, tol, w->vb);
    free(gw.memory);
    return status;
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
    int on_gram = 0;
    while (round < max_iter && status == PC_ERR_NOCONVERGE) {
        round++;
        status = iterate(a, m, n, k, b, &w);
        double worst = status == PC_OK ? worst_residual(&w, m, k, tol) : 0.0;
        if (status == PC_OK && !(worst <= 1.0)) {
            status = PC_ERR_NOCONVERGE;
            if (round == max_iter)
                break;
            /* Once, when the rate of the rounds predicts that A^T A pays;
             * the rounds after it start from its vectors. */
            if (!on_gram && gram_pays(&w, m, n, k, b, worst)) {
                on_gram = 1;
                int used;
                pc_status switched = switch_to_gram(a, m, n, k, b, tol, &w, &used);
                if (switched != PC_OK) {
                    status = switched;
                    break;
                }
                if (used) {
                    multiply_rows(a, m, n, 0, b, &w);
                    continue;
                }
            }
            /* The rest of A V for the next round: only now, so that the
             * last round's check is a pass with k vectors, not b. */
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
