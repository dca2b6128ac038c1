/* activations.c: ReLU, sigmoid and tanh with their derivatives (chapter
 * section 3). */
#include "backprop.h"

#include <math.h>

// BEGIN SOLUTION
/* 1 / (1 + e^-z) without overflow: for z < 0, e^z / (1 + e^z), whose
 * exponential cannot overflow either, and which keeps full relative accuracy
 * for very negative z. */
static double sigmoid(double z)
{
    if (z >= 0.0)
        return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}
// END SOLUTION

double bp_activate(bp_activation f, double z)
{
    // TODO: f(z) for the four activations of bp_activation; NaN for an
    //   unknown one. Section 3: compute the sigmoid so that neither
    //   exp(-z) nor exp(z) overflows for large |z|.
    // STUB: (void)f; (void)z;
    // STUB: return NAN;
    // BEGIN SOLUTION
    switch (f) {
    case BP_IDENTITY: return z;
    case BP_RELU_ACT: return z > 0.0 ? z : 0.0;
    case BP_SIGMOID_ACT: return sigmoid(z);
    case BP_TANH_ACT: return tanh(z);
    }
    return NAN;
    // END SOLUTION
}

double bp_activate_grad(bp_activation f, double z)
{
    // TODO: f'(z): 1; 0 or 1 (0 at z = 0); s (1 - s) with s = sigmoid(z);
    //   1 - tanh(z)^2. NaN for an unknown activation. Section 3 shows how to
    //   keep the last two accurate for large |z|, where s is 1 and tanh is 1.
    // STUB: (void)f; (void)z;
    // STUB: return NAN;
    // BEGIN SOLUTION
    switch (f) {
    case BP_IDENTITY: return 1.0;
    case BP_RELU_ACT: return z > 0.0 ? 1.0 : 0.0;
    case BP_SIGMOID_ACT: {
        /* s (1 - s) = e / (1 + e)^2 with e = exp(-|z|): for z > 37, s rounds
         * to 1 and 1 - s to 0, while this keeps full relative accuracy. */
        double e = exp(-fabs(z));
        return e / ((1.0 + e) * (1.0 + e));
    }
    case BP_TANH_ACT: {
        /* 1 - t^2 = 1 / cosh(z)^2 = 4 e / (1 + e)^2 with e = exp(-2|z|):
         * 1 - t^2 is 0 for |z| > 19, and cosh(z)^2 overflows for |z| > 355. */
        double e = exp(-2.0 * fabs(z));
        return 4.0 * e / ((1.0 + e) * (1.0 + e));
    }
    }
    return NAN;
    // END SOLUTION
}

void bp_activate_forward(bp_activation f, const double *z, size_t n, double *h)
{
    // TODO: h[i] = f(z[i]).
    // STUB: (void)f; (void)z; (void)n; (void)h;
    // BEGIN SOLUTION
    if (!z || !h)
        return;
    if (f == BP_RELU_ACT) { /* the common case, vectorised */
#pragma omp simd
        for (size_t i = 0; i < n; i++)
            h[i] = z[i] > 0.0 ? z[i] : 0.0;
        return;
    }
    for (size_t i = 0; i < n; i++)
        h[i] = bp_activate(f, z[i]);
    // END SOLUTION
}

void bp_activate_backward(bp_activation f, const double *z, const double *dh, size_t n,
                          double *dz)
{
    // TODO: dz[i] = dh[i] * f'(z[i]), the Hadamard product of section 3.
    // STUB: (void)f; (void)z; (void)dh; (void)n; (void)dz;
    // BEGIN SOLUTION
    if (!z || !dh || !dz)
        return;
    if (f == BP_RELU_ACT) {
#pragma omp simd
        for (size_t i = 0; i < n; i++)
            dz[i] = z[i] > 0.0 ? dh[i] : 0.0;
        return;
    }
    for (size_t i = 0; i < n; i++)
        dz[i] = dh[i] * bp_activate_grad(f, z[i]);
    // END SOLUTION
}
