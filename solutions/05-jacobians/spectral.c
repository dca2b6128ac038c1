/* spectral.c: the largest singular value of a linear map known only
 * through its products, by power iteration (chapter section 6). */
#include "jacobians.h"
#include "rng.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
/* The Euclidean norm of x (n values), scaled by the largest |x_i| so that
 * the squares neither overflow nor underflow; NaN if an x_i is. */
static double norm2(const double *x, size_t n)
{
    double largest = 0.0;
    for (size_t i = 0; i < n; i++) {
        double size = fabs(x[i]);
        if (size > largest)
            largest = size;
        else if (isnan(size))
            return NAN;
    }
    if (largest == 0.0 || isinf(largest))
        return largest;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double t = x[i] / largest;
        sum += t * t;
    }
    return largest * sqrt(sum);
}

// END SOLUTION
jc_status jc_spectral_norm(const jc_linear_op *op, uint64_t seed, double tol, size_t max_iter,
                           double *sigma, size_t *iterations)
{
    // TODO: v = n standard normals (rng_seed, then rng_normal for each). Up
    //   to max_iter times: u = J v, sigma = |u| / |v|, stop when it differs
    //   from the previous estimate by at most tol * sigma; v = J^T u, scaled
    //   to length 1 (J = 0 gives v = 0: sigma is 0).
    // STUB: (void)op; (void)seed; (void)tol; (void)max_iter; (void)sigma; (void)iterations;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!op || !op->jvp || !op->vjp || !sigma || op->n == 0 || op->m == 0 || !(tol > 0.0) ||
        max_iter == 0)
        return JC_ERR_ARG;
    size_t n = op->n, m = op->m;
    if (m > SIZE_MAX / sizeof(double) || n > (SIZE_MAX / sizeof(double) - m) / 2)
        return JC_ERR_ARG;
    double *v = malloc((2 * n + m) * sizeof(double));
    if (!v)
        return JC_ERR_NOMEM;
    double *w = v + n, *u = w + n;
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++)
        v[i] = rng_normal(&r);
    jc_status status = JC_ERR_NOCONVERGE;
    double estimate = 0.0, previous = NAN;
    size_t products = 0;
    while (products < max_iter) {
        op->jvp(v, u, op->ctx);
        products++;
        double length = norm2(v, n), image = norm2(u, m);
        estimate = image == 0.0 ? 0.0 : image / length;
        if (isnan(estimate))
            break;
        if (estimate == 0.0 || fabs(estimate - previous) <= tol * estimate) {
            status = JC_OK;
            break;
        }
        previous = estimate;
        for (size_t i = 0; i < m; i++) /* the same direction, without overflow in J^T u */
            u[i] /= image;
        op->vjp(u, w, op->ctx);
        double scale = norm2(w, n);
        if (scale == 0.0) { /* v is gone: J^T u = 0 only for u = J v = 0 */
            status = JC_OK;
            break;
        }
        for (size_t i = 0; i < n; i++)
            v[i] = w[i] / scale;
    }
    *sigma = estimate;
    if (iterations)
        *iterations = products;
    free(v);
    return status;
    // END SOLUTION
}
