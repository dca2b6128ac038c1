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
    if (grad)
        *grad = bp_activate(BP_SIGMOID_ACT, z) - y;
    return (z > 0.0 ? z : 0.0) - z * y + log1p(exp(-fabs(z)));
    // END SOLUTION
}

double bp_softmax_cross_entropy(const double *logits, size_t n, size_t label, double *grad)
{
    // TODO: as sm_cross_entropy_logits and sm_cross_entropy_grad of lesson
    //   02: the largest logit m, s = sum of exp(logits[i] - m), loss =
    //   m + log(s) - logits[label], grad[i] = exp(logits[i] - m) / s minus 1
    //   at the label.
    // STUB: (void)logits; (void)n; (void)label; (void)grad;
    // STUB: return NAN;
    // BEGIN SOLUTION
    if (!logits || n == 0 || label >= n)
        return NAN;
    double m = logits[0];
    for (size_t i = 1; i < n; i++)
        m = logits[i] > m ? logits[i] : m;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += exp(logits[i] - m);
    if (grad) {
        for (size_t i = 0; i < n; i++)
            grad[i] = exp(logits[i] - m) / sum;
        grad[label] -= 1.0;
    }
    return (m - logits[label]) + log(sum);
    // END SOLUTION
}
