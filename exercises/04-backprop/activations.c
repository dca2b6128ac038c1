/* activations.c: ReLU, sigmoid and tanh with their derivatives (chapter
 * section 3). */
#include "backprop.h"

#include <math.h>

double bp_activate(bp_activation f, double z)
{
    // TODO: f(z) for the four activations of bp_activation; NaN for an
    //   unknown one. Section 3: compute the sigmoid so that neither
    //   exp(-z) nor exp(z) overflows for large |z|.
    (void)f; (void)z;
    return NAN;
}

double bp_activate_grad(bp_activation f, double z)
{
    // TODO: f'(z): 1; 0 or 1 (0 at z = 0); s (1 - s) with s = sigmoid(z);
    //   1 - tanh(z)^2. NaN for an unknown activation. Section 3 shows how to
    //   keep the last two accurate for large |z|, where s is 1 and tanh is 1.
    (void)f; (void)z;
    return NAN;
}

void bp_activate_forward(bp_activation f, const double *z, size_t n, double *h)
{
    // TODO: h[i] = f(z[i]).
    (void)f; (void)z; (void)n; (void)h;
}

void bp_activate_backward(bp_activation f, const double *z, const double *dh, size_t n,
                          double *dz)
{
    // TODO: dz[i] = dh[i] * f'(z[i]), the Hadamard product of section 3.
    (void)f; (void)z; (void)dh; (void)n; (void)dz;
}
