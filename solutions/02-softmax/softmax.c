/* softmax.c: softmax and everything computed from logits (chapter sections
 * 3, 4 and 5).
 *
 * Every function starts the same way: find the largest entry m, because
 * exp(a[i] - m) can neither overflow (its argument is <= 0) nor make the sum
 * underflow (the largest term is exp(0) = 1). */
#include "softmax.h"

#include <math.h>

// BEGIN SOLUTION
/* The largest entry and its first index; NaN when an entry is NaN, -INFINITY
 * when every entry is -INFINITY. */
static double max_entry(const double *a, size_t n, size_t *argmax)
{
    double m = -INFINITY;
    *argmax = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(a[i]))
            return NAN;
        if (a[i] > m) {
            m = a[i];
            *argmax = i;
        }
    }
    return m;
}

/* sum over i != k of exp(a[i] - m), where a[k] = m is the largest entry.
 * Leaving out the term exp(0) = 1 lets callers use log1p(rest): log(1 + rest)
 * would round away a rest below 1e-16, and with it the whole answer of
 * log_softmax or cross-entropy for a confident prediction. */
static double rest_of_sum(const double *a, size_t n, size_t k, double m)
{
    double rest = 0.0;
    for (size_t i = 0; i < k; i++)
        rest += exp(a[i] - m);
    for (size_t i = k + 1; i < n; i++)
        rest += exp(a[i] - m);
    return rest;
}

/* p = softmax(a / temperature); exp(-inf) = 0 masks -INFINITY entries. */
static sm_status softmax_scaled(const double *a, size_t n, double temperature, double *p)
{
    if (!a || !p || n == 0)
        return SM_ERR_ARG;
    size_t k;
    double m = max_entry(a, n, &k);
    if (!isfinite(m))
        return SM_ERR_DOMAIN;
    /* (a[i] - m) / temperature rather than a[i] / temperature - m /
     * temperature: a tiny temperature could overflow a[i] / temperature. */
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        p[i] = exp((a[i] - m) / temperature);
        sum += p[i];
    }
    for (size_t i = 0; i < n; i++)
        p[i] /= sum;
    return SM_OK;
}
// END SOLUTION

double sm_logsumexp(const double *a, size_t n)
{
    // TODO: find the largest entry m, return m itself if it is not finite
    //   (NaN, +inf, or -inf when every entry is masked), otherwise
    //   m + log(sum of exp(a[i] - m)). Section 4.2 shows why subtracting m
    //   changes nothing mathematically and everything numerically.
    // STUB: (void)a; (void)n;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (n == 0)
        return -INFINITY;
    if (!a)
        return NAN;
    size_t k;
    double m = max_entry(a, n, &k);
    if (!isfinite(m))
        return m;
    return m + log1p(rest_of_sum(a, n, k, m));
    // END SOLUTION
}

sm_status sm_softmax(const double *a, size_t n, double *p)
{
    // TODO: find the largest entry m (SM_ERR_DOMAIN if it is NaN, +inf or
    //   -inf), write e[i] = exp(a[i] - m) into p while adding them up, then
    //   divide every p[i] by the sum. Read a[i] before you write p[i]: p may
    //   be the same array as a.
    // STUB: (void)a; (void)n; (void)p;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    return softmax_scaled(a, n, 1.0, p);
    // END SOLUTION
}

sm_status sm_log_softmax(const double *a, size_t n, double *out)
{
    // TODO: out[i] = a[i] - logsumexp(a), but with the errors of sm_softmax.
    //   Section 4.2: why this is exact where log(softmax) gives -inf.
    // STUB: (void)a; (void)n; (void)out;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !out || n == 0)
        return SM_ERR_ARG;
    size_t k;
    double m = max_entry(a, n, &k);
    if (!isfinite(m))
        return SM_ERR_DOMAIN;
    double log_sum = log1p(rest_of_sum(a, n, k, m)); /* logsumexp(a) - m */
    for (size_t i = 0; i < n; i++)
        out[i] = (a[i] - m) - log_sum;
    return SM_OK;
    // END SOLUTION
}

sm_status sm_softmax_temperature(const double *a, size_t n, double temperature, double *p)
{
    // TODO: softmax of a[i] / temperature. Check the temperature first
    //   (SM_ERR_ARG unless > 0 and finite). Dividing a[i] - m rather than
    //   a[i] keeps a small temperature from overflowing.
    // STUB: (void)a; (void)n; (void)temperature; (void)p;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    if (!(temperature > 0.0) || !isfinite(temperature))
        return SM_ERR_ARG;
    return softmax_scaled(a, n, temperature, p);
    // END SOLUTION
}

double sm_cross_entropy_logits(const double *logits, size_t n, size_t label)
{
    // TODO: logsumexp(logits) - logits[label], NaN when label >= n. Written
    //   as (m - logits[label]) + log(sum of exp(logits[i] - m)) it stays
    //   exact when the model is sure of the right label.
    // STUB: (void)logits; (void)n; (void)label;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!logits || label >= n)
        return NAN;
    size_t k;
    double m = max_entry(logits, n, &k);
    if (!isfinite(m))
        return m - logits[label];
    return (m - logits[label]) + log1p(rest_of_sum(logits, n, k, m));
    // END SOLUTION
}

void sm_cross_entropy_grad(const double *logits, size_t n, size_t label, double *grad)
{
    // TODO: grad = softmax(logits), then subtract 1 at the label. Fill grad
    //   with NaN if label >= n or softmax fails.
    // STUB: (void)logits; (void)n; (void)label; (void)grad;
    // BEGIN SOLUTION
    if (!grad || n == 0)
        return;
    size_t k;
    double m = logits ? max_entry(logits, n, &k) : NAN;
    if (label >= n || !isfinite(m)) {
        for (size_t i = 0; i < n; i++)
            grad[i] = NAN;
        return;
    }
    /* p[label] - 1 = -(sum of the other terms) / sum: computing it that way
     * avoids the cancellation of 1 - p when p is close to 1. */
    double others = 0.0;
    for (size_t i = 0; i < n; i++) {
        grad[i] = exp(logits[i] - m);
        if (i != label)
            others += grad[i];
    }
    double sum = others + grad[label];
    for (size_t i = 0; i < n; i++)
        grad[i] /= sum;
    grad[label] = -others / sum;
    // END SOLUTION
}
