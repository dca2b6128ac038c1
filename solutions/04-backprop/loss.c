/* loss.c: binary and softmax cross-entropy from logits (chapter section 4). */
#include "backprop.h"

#include <math.h>

double bp_bce_logit(double z, double y, double *grad)
{
    // TODO: with s = sigmoid(z), -log s = log(1 + e^-z) and -log(1 - s) =
    //   log(1 + e^z); section 4 combines them into max(z, 0) - z y +
    //   log1p(exp(-|z|)), which never overflows. grad: sigmoid(z) - y.
    // STUB: (void)z; (void)y; (void)grad;
    // STUB: return NAN;
    // BEGIN SOLUTION
    /* With e = exp(-|z|): sigmoid(-|z|) = e / (1 + e), and for z >= 0 the
     * gradient s - y is (1 - y) - (1 - s), where 1 - s = sigmoid(-z): no
     * difference of two numbers close to 1. max(z, 0) - z y is written as
     * z (1 - y) or -z y, a product instead of a difference. */
    double e = exp(-fabs(z)), small = e / (1.0 + e);
    if (grad)
        *grad = z >= 0.0 ? (1.0 - y) - small : small - y;
    return (z > 0.0 ? z * (1.0 - y) : -z * y) + log1p(e);
    // END SOLUTION
}

double bp_softmax_cross_entropy(const double *logits, size_t n, size_t label, double *grad)
{
    // TODO: as sm_cross_entropy_logits and sm_cross_entropy_grad of lesson
    //   02: the largest logit m, s = sum of exp(logits[i] - m), loss =
    //   m + log(s) - logits[label], grad[i] = exp(logits[i] - m) / s minus 1
    //   at the label. Section 4 shows how to keep both accurate when the
    //   model is sure of the right label (s within 1e-16 of 1).
    // STUB: (void)logits; (void)n; (void)label; (void)grad;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!logits || n == 0 || label >= n)
        return NAN;
    size_t k = 0; /* the largest logit */
    for (size_t i = 1; i < n; i++)
        k = logits[i] > logits[k] ? i : k;
    double m = logits[k];
    /* The sum of exp(logits[i] - m) is 1 + rest, with rest the terms other
     * than the largest: log1p(rest) keeps a rest below 1e-16, which is the
     * whole loss of a confident right answer (log(1 + rest) would round it
     * to 0). Likewise p[label] - 1 = -(the terms other than the label's) /
     * sum, which avoids the cancellation of 1 - p when p is close to 1. */
    double rest = 0.0, others = 0.0;
    for (size_t i = 0; i < n; i++) {
        double e = i == k ? 1.0 : exp(logits[i] - m);
        if (grad)
            grad[i] = e;
        rest += i == k ? 0.0 : e;
        others += i == label ? 0.0 : e;
    }
    if (grad) {
        double sum = 1.0 + rest;
        for (size_t i = 0; i < n; i++)
            grad[i] /= sum;
        grad[label] = -others / sum;
    }
    return (m - logits[label]) + log1p(rest);
    // END SOLUTION
}
