/* power.c: the top singular triplets one after the other, by power
 * iteration on A^T A with deflation (chapter section 5). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>

#include "linalg.h"
#include "rng.h"

// BEGIN SOLUTION
/* One product z = c A^T A v in a single pass over A, w = A v on the way:
 * each row a_i gives w_i = a_i . v, then adds c w_i a_i to z while a_i is
 * still in the cache. c = 2^-e brings A's largest entry near 1, so that z
 * does not overflow when A's entries are near 1e200 (as A^T A would). */
static void gram_product(const double *a, size_t m, size_t n, double c, const double *v,
                         double *w, double *z)
{
    for (size_t j = 0; j < n; j++)
        z[j] = 0.0;
    for (size_t i = 0; i < m; i++) {
        const double *row = a + i * n;
        double wi = la_dot(row, v, n), cw = c * wi;
        w[i] = wi;
#pragma omp simd
        for (size_t j = 0; j < n; j++)
            z[j] += cw * row[j];
    }
}

/* v = n standard normals, orthogonal to the `found` rows of vt before it,
 * normalised. */
static void random_start(rng *r, double *vt, size_t found, size_t n)
{
    double *v = vt + found * n;
    double length = 0.0;
    while (length == 0.0) {
        for (size_t j = 0; j < n; j++)
            v[j] = rng_normal(r);
        length = la_orthogonalize(v, vt, found, n);
    }
    la_scale(v, n, 1.0 / length);
}

/* What one triplet's search needs besides the outputs. */
typedef struct {
    const double *a;
    size_t m, n;
    double c;        /* the scaling of gram_product */
    double *w, *z;   /* m and n values */
    double tol;
    size_t max_iter;
} power_problem;

typedef enum { FOUND, ZERO, STUCK } triplet_result;

/* A triplet that meets its tolerance is iterated on until its residual
 * is this much smaller again, or stops falling (STALL steps without a new
 * low, rounding's floor), within max_iter: the triplets after it are kept
 * orthogonal to its v, so its error comes back in their residuals, times
 * sigma_0^2 / sigma_t. */
#define REFINE 1e-3
enum { STALL = 8 };

/* Iterates on row t of vt (a unit vector orthogonal to the rows before
 * it) until the triplet's residual |A^T u - sigma v| <= tol sigma_0,
 * where u = A v / sigma, and past it as REFINE says; leaves sigma and u
 * (as row t of ut, m x k) and counts the products. ZERO when A v vanishes
 * below tol sigma_0: what is left of A is zero to the tolerance asked
 * (for t == 0, A v = 0 exactly). */
static triplet_result find_triplet(const power_problem *p, size_t t, double *sigma, double *vt,
                                   double *ut, size_t *products)
{
    double *v = vt + t * p->n, *u = ut + t * p->m;
    double lowest = INFINITY;
    size_t since_lowest = 0;
    for (size_t iter = 0; iter < p->max_iter; iter++) {
        gram_product(p->a, p->m, p->n, p->c, v, p->w, p->z);
        ++*products;
        double s = la_norm(p->w, p->m), reference = t == 0 ? s : sigma[0];
        if (t == 0 ? s == 0.0 : s <= p->tol * reference)
            return ZERO;
        for (size_t i = 0; i < p->m; i++)
            u[i] = p->w[i] / s;
        /* z becomes A^T u; the residual is summed relative to s, whose
         * square could overflow */
        double scale = 1.0 / (p->c * s), relative2 = 0.0;
        for (size_t j = 0; j < p->n; j++) {
            p->z[j] *= scale;
            double r = p->z[j] / s - v[j];
            relative2 += r * r;
        }
        sigma[t] = s;
        double residual = s * sqrt(relative2), goal = p->tol * reference;
        since_lowest = residual < lowest ? 0 : since_lowest + 1;
        lowest = fmin(lowest, residual);
        if (residual <= goal &&
            (residual <= REFINE * goal || since_lowest >= STALL || iter + 1 == p->max_iter))
            return FOUND;
        /* Deflation: the next v keeps no component along the vectors
         * already found, which rounding in A^T A v brings back each time. */
        double length = la_orthogonalize(p->z, vt, t, p->n);
        if (length == 0.0)
            return ZERO;
        for (size_t j = 0; j < p->n; j++)
            v[j] = p->z[j] / length;
    }
    return STUCK;
}

// END SOLUTION
pc_status pc_svd_power(const double *a, size_t m, size_t n, size_t k, double tol,
                       size_t max_iter, uint64_t seed, double *sigma, double *u, double *vt,
                       size_t *iterations)
{
    // TODO: check the arguments. Seed one rng for the whole call. For each
    //   triplet t: v = standard normals, orthogonalised against the rows of
    //   vt found so far and normalised; then repeat: w = A v, sigma = |w|,
    //   u = w / sigma, z = A^T u; stop when |z - sigma v| <= tol sigma[0]
    //   (sigma[0]: the first triplet's own estimate while it is the one
    //   searched), otherwise v = z orthogonalised against the rows found
    //   and normalised. Keep iterating a triplet a little past its
    //   tolerance: the later ones inherit its error (section 5 says how
    //   much). PC_ERR_NOCONVERGE after max_iter products for one triplet. When sigma falls to 0 (below tol sigma[0] after the
    //   first), the remaining sigma are 0 and their rows of vt and columns
    //   of u are completed to orthonormal sets (linalg.h). Apply the sign
    //   convention of the header.
    // STUB: (void)a; (void)m; (void)n; (void)k; (void)tol; (void)max_iter; (void)seed;
    // STUB: (void)sigma; (void)u; (void)vt; (void)iterations;
    // STUB: return PC_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !sigma || !u || !vt || m == 0 || n == 0 || k == 0 || k > (m < n ? m : n) ||
        !(tol > 0.0) || max_iter == 0 || m > SIZE_MAX / n)
        return PC_ERR_ARG;
    if (!la_all_finite(a, m * n))
        return PC_ERR_NAN;
    int e;
    frexp(la_max_abs(a, m * n), &e);
    power_problem p = {.a = a, .m = m, .n = n, .c = ldexp(1.0, -e), .tol = tol,
                       .max_iter = max_iter, .w = la_alloc(m, 1), .z = la_alloc(n, 1)};
    double *ut = la_alloc(k, m); /* U's columns as rows, for Gram-Schmidt */
    pc_status status = PC_ERR_NOMEM;
    size_t products = 0, found = 0;
    if (p.w && p.z && ut) {
        status = PC_OK;
        rng r;
        rng_seed(&r, seed);
        for (; found < k; found++) {
            random_start(&r, vt, found, n);
            triplet_result result = find_triplet(&p, found, sigma, vt, ut, &products);
            if (result == STUCK)
                status = PC_ERR_NOCONVERGE;
            if (result != FOUND)
                break;
        }
        size_t kept = status == PC_OK ? found : found + 1; /* an unfinished estimate too */
        for (size_t t = kept; t < k; t++)
            sigma[t] = 0.0;
        la_complete_rows(vt, kept, k, n);
        la_complete_rows(ut, kept, k, m);
        la_transpose(ut, k, m, u);
        la_fix_signs(vt, k, n, u, m, k);
    }
    if (iterations)
        *iterations = products;
    free(p.w);
    free(p.z);
    free(ut);
    return status;
    // END SOLUTION
}
