/* softmax.c: softmax and everything computed from logits (chapter sections
 * 3, 4 and 5).
 *
 * Every function starts the same way: find the largest entry m, because
 * exp(a[i] - m) can neither overflow (its argument is <= 0) nor make the sum
 * underflow (the largest term is exp(0) = 1). */
#include "softmax.h"

#include <math.h>

double sm_logsumexp(const double *a, size_t n)
{
    // TODO: find the largest entry m, return m itself if it is not finite
    //   (NaN, +inf, or -inf when every entry is masked), otherwise
    //   m + log(sum of exp(a[i] - m)). Section 4.2 shows why subtracting m
    //   changes nothing mathematically and everything numerically.
    (void)a; (void)n;
    return NAN;
}

sm_status sm_softmax(const double *a, size_t n, double *p)
{
    // TODO: find the largest entry m (SM_ERR_DOMAIN if it is NaN, +inf or
    //   -inf), write e[i] = exp(a[i] - m) into p while adding them up, then
    //   divide every p[i] by the sum. Read a[i] before you write p[i]: p may
    //   be the same array as a.
    (void)a; (void)n; (void)p;
    return SM_ERR_TODO;
}

sm_status sm_log_softmax(const double *a, size_t n, double *out)
{
    // TODO: out[i] = a[i] - logsumexp(a), but with the errors of sm_softmax.
    //   Section 4.2: why this is exact where log(softmax) gives -inf.
    (void)a; (void)n; (void)out;
    return SM_ERR_TODO;
}

sm_status sm_softmax_temperature(const double *a, size_t n, double temperature, double *p)
{
    // TODO: softmax of a[i] / temperature. Check the temperature first
    //   (SM_ERR_ARG unless > 0 and finite). Dividing a[i] - m rather than
    //   a[i] keeps a small temperature from overflowing.
    (void)a; (void)n; (void)temperature; (void)p;
    return SM_ERR_TODO;
}

double sm_cross_entropy_logits(const double *logits, size_t n, size_t label)
{
    // TODO: logsumexp(logits) - logits[label], NaN when label >= n. Written
    //   as (m - logits[label]) + log(sum of exp(logits[i] - m)) it stays
    //   exact when the model is sure of the right label.
    (void)logits; (void)n; (void)label;
    return NAN;
}

void sm_cross_entropy_grad(const double *logits, size_t n, size_t label, double *grad)
{
    // TODO: grad = softmax(logits), then subtract 1 at the label. Fill grad
    //   with NaN if label >= n or softmax fails.
    (void)logits; (void)n; (void)label; (void)grad;
}
