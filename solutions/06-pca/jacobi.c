/* jacobi.c: the singular value decomposition by one-sided Jacobi rotations,
 * and PCA from it (chapter sections 5 and 6). */
#include "pca.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "linalg.h"

// BEGIN SOLUTION
enum { MAX_SWEEPS = 60 };

/* The matrix the rotations work on: r rows of length len, the columns of
 * A (or of A^T when A is wide) stored as rows so that each is contiguous,
 * and the r x r product of the rotations, rot, also by rows (NULL when
 * nobody wants it). */
typedef struct {
    double *g, *rot;
    size_t r, len;
} jacobi_work;

/* Rotates rows p and q of w so that they become orthogonal, unless they
 * are already orthogonal to working precision: |gamma| <= tol sqrt(alpha
 * beta), with alpha, beta their squared lengths and gamma their dot
 * product. Returns 1 when it rotated. */
static int rotate_pair(const jacobi_work *w, size_t p, size_t q, double tol)
{
    double *x = w->g + p * w->len, *y = w->g + q * w->len;
    double alpha = 0.0, beta = 0.0, gamma = 0.0;
#pragma omp simd reduction(+ : alpha, beta, gamma)
    for (size_t i = 0; i < w->len; i++) {
        alpha += x[i] * x[i];
        beta += y[i] * y[i];
        gamma += x[i] * y[i];
    }
    if (!(fabs(gamma) > tol * sqrt(alpha) * sqrt(beta)))
        return 0;
    /* The rotation that zeroes the off-diagonal of [alpha gamma; gamma
     * beta], by its smaller angle: t = tan(theta) is the root of t^2 + 2
     * zeta t - 1 = 0 of smaller magnitude, in the form that does not
     * cancel (and, for a huge zeta, whose square would overflow, ~1/(2 zeta)). */
    double zeta = (beta - alpha) / (2.0 * gamma);
    double t = fabs(zeta) > 1e150 ? 0.5 / zeta
                                  : copysign(1.0, zeta) / (fabs(zeta) + sqrt(1.0 + zeta * zeta));
    double c = 1.0 / sqrt(1.0 + t * t), s = c * t;
#pragma omp simd
    for (size_t i = 0; i < w->len; i++) {
        double xi = x[i], yi = y[i];
        x[i] = c * xi - s * yi;
        y[i] = s * xi + c * yi;
    }
    if (w->rot) {
        double *a = w->rot + p * w->r, *b = w->rot + q * w->r;
#pragma omp simd
        for (size_t i = 0; i < w->r; i++) {
            double ai = a[i], bi = b[i];
            a[i] = c * ai - s * bi;
            b[i] = s * ai + c * bi;
        }
    }
    return 1;
}

/* Sweeps over every pair of rows until a sweep rotates none. The
 * tolerance grows with sqrt(len), the rounding error of a dot product of
 * len terms: a tighter one could never be met. */
static pc_status orthogonalize_rows(const jacobi_work *w)
{
    double tol = sqrt((double)w->len) * DBL_EPSILON;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
        size_t rotated = 0;
        for (size_t p = 0; p + 1 < w->r; p++)
            for (size_t q = p + 1; q < w->r; q++)
                rotated += (size_t)rotate_pair(w, p, q, tol);
        if (rotated == 0)
            return PC_OK;
    }
    return PC_ERR_NOCONVERGE;
}

/* order = 0..r-1 sorted by decreasing sigma (insertion sort: r is small,
 * and after Jacobi the rows are often nearly in order already). */
static void sort_descending(const double *sigma, size_t r, size_t *order)
{
    for (size_t i = 0; i < r; i++) {
        size_t j = i;
        for (; j > 0 && sigma[order[j - 1]] < sigma[i]; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
}

/* Copies a (m x n) into w->g as rows of length len = max(m, n): its
 * columns when m >= n, its rows otherwise, times 2^-e for the e that
 * brings the largest entry to [0.5, 1): the squared lengths can then
 * neither overflow nor lose a whole row to underflow, and the scaling is
 * exact. Returns e. */
static int load_scaled(const double *a, size_t m, size_t n, const jacobi_work *w)
{
    int e;
    frexp(la_max_abs(a, m * n), &e);
    if (m >= n)
        la_transpose(a, m, n, w->g);
    else
        for (size_t i = 0; i < m * n; i++)
            w->g[i] = a[i];
    for (size_t i = 0; i < m * n; i++)
        w->g[i] = ldexp(w->g[i], -e);
    if (w->rot)
        for (size_t i = 0; i < w->r; i++)
            for (size_t j = 0; j < w->r; j++)
                w->rot[i * w->r + j] = i == j ? 1.0 : 0.0;
    return e;
}

/* After the rotations and the sort: sigma = the lengths of the rows of g
 * (in lengths, the spare row of g), in order; the rows of g, normalised
 * and in that order, are the r singular vectors on the long side (U's
 * columns when A is tall, V^T's rows when it is wide), completed where
 * sigma is 0; the rows of rot are those on the short side. Writes u
 * (m x r) and vt (r x n); when only U is wanted, V^T still goes somewhere
 * in g, because its signs decide U's. */
static void write_vectors(const jacobi_work *w, int wide, const size_t *order, size_t nonzero,
                          double *u, double *vt)
{
    size_t r = w->r, len = w->len;
    const double *lengths = w->g + r * len;
    double *rows = w->g + (r + 1) * len; /* the long side's vectors, sorted */
    for (size_t i = 0; i < nonzero; i++) {
        const double *from = w->g + order[i] * len;
        for (size_t j = 0; j < len; j++)
            rows[i * len + j] = from[j] / lengths[order[i]];
    }
    la_complete_rows(rows, nonzero, r, len);
    if (!vt)
        vt = wide ? rows : w->g; /* g's first r rows are no longer needed */
    if (wide) {
        if (vt != rows)
            for (size_t i = 0; i < r * len; i++)
                vt[i] = rows[i];
    } else if (u) {
        la_transpose(rows, r, len, u);
    }
    for (size_t i = 0; i < r; i++)
        for (size_t j = 0; j < r; j++) {
            double x = w->rot[order[i] * r + j];
            if (!wide)
                vt[i * r + j] = x;
            else if (u)
                u[j * r + i] = x; /* U = rot^T: column i is row i of rot */
        }
    la_fix_signs(vt, r, wide ? len : r, u, wide ? r : len, r);
}

// END SOLUTION
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
    // STUB: (void)a; (void)m; (void)n; (void)sigma; (void)u; (void)vt;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !sigma || m == 0 || n == 0 || m > SIZE_MAX / n)
        return PC_ERR_ARG;
    if (!la_all_finite(a, m * n))
        return PC_ERR_NAN;
    int wide = m < n;
    jacobi_work w = {.r = wide ? m : n, .len = wide ? n : m};
    /* g holds the r rows, one spare row, then room for r normalised rows. */
    int want_vectors = u || vt;
    size_t g_rows = want_vectors ? 2 * w.r + 1 : w.r + 1;
    if (w.r > (SIZE_MAX - 1) / 2 || w.len > SIZE_MAX / g_rows)
        return PC_ERR_ARG;
    w.g = la_alloc(g_rows, w.len);
    w.rot = want_vectors ? la_alloc(w.r, w.r) : NULL;
    size_t *order = malloc(w.r * sizeof(size_t));
    pc_status status = PC_ERR_NOMEM;
    if (w.g && order && (w.rot || !want_vectors)) {
        int e = load_scaled(a, m, n, &w);
        status = orthogonalize_rows(&w);
        double *lengths = w.g + w.r * w.len;
        for (size_t i = 0; i < w.r; i++)
            lengths[i] = la_norm(w.g + i * w.len, w.len);
        sort_descending(lengths, w.r, order);
        size_t nonzero = 0;
        for (size_t i = 0; i < w.r; i++) {
            sigma[i] = ldexp(lengths[order[i]], e);
            nonzero += lengths[order[i]] > 0.0;
        }
        if (want_vectors)
            write_vectors(&w, wide, order, nonzero, u, vt);
    }
    free(w.g);
    free(w.rot);
    free(order);
    return status;
    // END SOLUTION
}

pc_status pc_pca_fit(const double *x, size_t n, size_t d, size_t k, double *mean,
                     double *components, double *variances)
{
    // TODO: centre x (pc_center), take the SVD of the centred data
    //   (pc_svd_jacobi; U is not needed), and keep the first k rows of V^T
    //   and sigma_i^2 / (n - 1).
    // STUB: (void)x; (void)n; (void)d; (void)k; (void)mean; (void)components; (void)variances;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !mean || !components || !variances || n < 2 || d == 0 || k == 0 ||
        k > (n < d ? n : d) || n > SIZE_MAX / d)
        return PC_ERR_ARG;
    size_t r = n < d ? n : d;
    double *centered = la_alloc(n, d), *sigma = la_alloc(r, 1), *vt = la_alloc(r, d);
    pc_status status = PC_ERR_NOMEM;
    if (centered && sigma && vt && (status = pc_center(x, n, d, mean, centered)) == PC_OK)
        status = pc_svd_jacobi(centered, n, d, sigma, NULL, vt);
    if (status == PC_OK) {
        double scale = 1.0 / sqrt((double)(n - 1));
        for (size_t i = 0; i < k; i++) {
            double s = sigma[i] * scale; /* scaled before squaring */
            variances[i] = s * s;
        }
        for (size_t i = 0; i < k * d; i++)
            components[i] = vt[i];
    }
    free(centered);
    free(sigma);
    free(vt);
    return status;
    // END SOLUTION
}
