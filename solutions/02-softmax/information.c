/* information.c: entropy, cross-entropy and KL divergence (chapter section 5).
 *
 * A term with p[i] == 0 is left out of every sum: its limit p log p -> 0, and
 * leaving it out is also what keeps 0 * log 0 = 0 * (-inf) from being NaN. */
#include "softmax.h"

#include <math.h>

// BEGIN SOLUTION
/* log(p / q) for p > 0, as accurately as the inputs allow. When p and q are
 * within a factor of 2, p - q is exact and log1p((p - q) / q) keeps the digits
 * that log(p / q) loses near 1: those are the terms of a small divergence. A
 * quotient that overflows or underflows becomes a difference of logs. */
static double log_ratio(double p, double q)
{
    if (q / 2 <= p && p <= 2 * q)
        return log1p((p - q) / q);
    double ratio = p / q;
    if (isnormal(ratio))
        return log(ratio);
    return log(p) - log(q); /* +inf when q == 0 */
}
// END SOLUTION

double sm_entropy(const double *p, size_t n)
{
    // TODO: -sum p[i] log p[i], skipping the entries with p[i] == 0.
    // STUB: (void)p; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!p && n > 0)
        return NAN;
    double h = 0.0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0.0)
            h -= p[i] * log(p[i]);
    return h;
    // END SOLUTION
}

double sm_cross_entropy(const double *p, const double *q, size_t n)
{
    // TODO: -sum p[i] log q[i], skipping the entries with p[i] == 0 (where
    //   q[i] may be 0 too); log(0) = -inf then makes the answer +inf by itself.
    // STUB: (void)p; (void)q; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if ((!p || !q) && n > 0)
        return NAN;
    double h = 0.0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0.0)
            h -= p[i] * log(q[i]);
    return h;
    // END SOLUTION
}

double sm_kl_divergence(const double *p, const double *q, size_t n)
{
    // TODO: sum p[i] log(p[i] / q[i]) over the entries with p[i] != 0.
    //   Compute it directly: H(p, q) - H(p) subtracts two nearly equal numbers
    //   when q is close to p, and gives inf - inf = NaN when q has a zero.
    // STUB: (void)p; (void)q; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if ((!p || !q) && n > 0)
        return NAN;
    double kl = 0.0;
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0.0)
            kl += p[i] * log_ratio(p[i], q[i]);
    /* Gibbs' inequality: for distributions KL >= 0, so a negative sum is
     * rounding (the comparison lets NaN through). */
    return kl < 0.0 ? 0.0 : kl;
    // END SOLUTION
}
