/* power.c: the top singular triplets one after the other, by power
 * iteration on A^T A with deflation (chapter section 5). */
#include "pca.h"

#include <math.h>
#include <stdlib.h>

#include "linalg.h"
#include "rng.h"

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
    (void)a; (void)m; (void)n; (void)k; (void)tol; (void)max_iter; (void)seed;
    (void)sigma; (void)u; (void)vt; (void)iterations;
    return PC_ERR_TODO;
}
