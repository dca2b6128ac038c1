/* information.c: entropy, cross-entropy and KL divergence (chapter section 5).
 *
 * A term with p[i] == 0 is left out of every sum: its limit p log p -> 0, and
 * leaving it out is also what keeps 0 * log 0 = 0 * (-inf) from being NaN. */
#include "softmax.h"

#include <math.h>

double sm_entropy(const double *p, size_t n)
{
    // TODO: -sum p[i] log p[i], skipping the entries with p[i] == 0.
    (void)p; (void)n;
    return NAN;
}

double sm_cross_entropy(const double *p, const double *q, size_t n)
{
    // TODO: -sum p[i] log q[i], skipping the entries with p[i] == 0 (where
    //   q[i] may be 0 too); log(0) = -inf then makes the answer +inf by itself.
    (void)p; (void)q; (void)n;
    return NAN;
}

double sm_kl_divergence(const double *p, const double *q, size_t n)
{
    // TODO: sum p[i] log(p[i] / q[i]) over the entries with p[i] != 0.
    //   Compute it directly: H(p, q) - H(p) subtracts two nearly equal numbers
    //   when q is close to p, and gives inf - inf = NaN when q has a zero.
    (void)p; (void)q; (void)n;
    return NAN;
}
