/* arm.c: the two-link robot arm, its Jacobian and inverse kinematics by
 * damped least squares (chapter section 8). */
#include "jacobians.h"

#include <math.h>

void jc_arm_position(const jc_arm *arm, const double theta[2], double p[2])
{
    // TODO: the hand's position, the sum of the two links' vectors.
    (void)arm; (void)theta;
    p[0] = p[1] = NAN;
}

void jc_arm_jacobian(const jc_arm *arm, const double theta[2], double jac[4])
{
    // TODO: row i is the gradient of p[i]: (dp_i/dt0, dp_i/dt1).
    (void)arm; (void)theta;
    jac[0] = jac[1] = jac[2] = jac[3] = NAN;
}

double jc_arm_determinant(const jc_arm *arm, const double theta[2])
{
    // TODO: section 8 works it out: it depends on the elbow angle only.
    (void)arm; (void)theta;
    return NAN;
}

jc_status jc_arm_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                       size_t max_iter, double theta[2], size_t *iterations)
{
    // TODO: check the arguments and that the target is within reach (the
    //   header says how), then iterate: e = target - position; done when
    //   |e| <= tol; otherwise solve the 2 x 2 system (J J^T + damping^2 I) z
    //   = e, and theta += J^T z. Count the steps.
    (void)arm; (void)target; (void)damping; (void)tol; (void)max_iter; (void)theta;
    (void)iterations;
    return JC_ERR_TODO;
}
