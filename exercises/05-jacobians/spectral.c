/* spectral.c: the largest singular value of a linear map known only
 * through its products, by power iteration (chapter section 6). */
#include "jacobians.h"
#include "rng.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

jc_status jc_spectral_norm(const jc_linear_op *op, uint64_t seed, double tol, size_t max_iter,
                           double *sigma, size_t *iterations)
{
    // TODO: v = n standard normals (rng_seed, then rng_normal for each). Up
    //   to max_iter times: u = J v, sigma = |u| / |v|, stop when it differs
    //   from the previous estimate by at most tol * sigma; v = J^T u, scaled
    //   to length 1 (J = 0 gives v = 0: sigma is 0).
    (void)op; (void)seed; (void)tol; (void)max_iter; (void)sigma; (void)iterations;
    return JC_ERR_TODO;
}
