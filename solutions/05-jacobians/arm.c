/* arm.c: the two-link robot arm, its Jacobian and inverse kinematics by
 * damped least squares (chapter section 8). */
#include "jacobians.h"

#include <math.h>

void jc_arm_position(const jc_arm *arm, const double theta[2], double p[2])
{
    // TODO: the hand's position, the sum of the two links' vectors.
    // STUB: (void)arm; (void)theta;
    // STUB: p[0] = p[1] = NAN;
    // BEGIN SOLUTION
    double both = theta[0] + theta[1];
    p[0] = arm->l1 * cos(theta[0]) + arm->l2 * cos(both);
    p[1] = arm->l1 * sin(theta[0]) + arm->l2 * sin(both);
    // END SOLUTION
}

void jc_arm_jacobian(const jc_arm *arm, const double theta[2], double jac[4])
{
    // TODO: row i is the gradient of p[i]: (dp_i/dt0, dp_i/dt1).
    // STUB: (void)arm; (void)theta;
    // STUB: jac[0] = jac[1] = jac[2] = jac[3] = NAN;
    // BEGIN SOLUTION
    double both = theta[0] + theta[1];
    double link2_x = arm->l2 * cos(both), link2_y = arm->l2 * sin(both);
    jac[0] = -arm->l1 * sin(theta[0]) - link2_y;
    jac[1] = -link2_y;
    jac[2] = arm->l1 * cos(theta[0]) + link2_x;
    jac[3] = link2_x;
    // END SOLUTION
}

double jc_arm_determinant(const jc_arm *arm, const double theta[2])
{
    // TODO: section 8 works it out: it depends on the elbow angle only.
    // STUB: (void)arm; (void)theta;
    // STUB: return NAN;
    // BEGIN SOLUTION
    return arm->l1 * arm->l2 * sin(theta[1]);
    // END SOLUTION
}

// BEGIN SOLUTION
/* The step J^T (J J^T + damping^2 I)^-1 e in closed form. For the
 * symmetric 2 x 2 matrix M = J J^T + d^2 I, det M = det(J)^2
 * + d^2 |J|_F^2 + d^4 (the product of its eigenvalues s_i^2 + d^2), which,
 * unlike m00 m11 - m01^2, does not cancel near a singular configuration.
 * Returns 0 when M is singular (an undamped step at a singularity). */
static int damped_step(const jc_arm *arm, const double theta[2], double damping,
                       const double e[2], double step[2])
{
    double j[4];
    jc_arm_jacobian(arm, theta, j);
    double d2 = damping * damping;
    double m00 = j[0] * j[0] + j[1] * j[1] + d2, m01 = j[0] * j[2] + j[1] * j[3];
    double m11 = j[2] * j[2] + j[3] * j[3] + d2;
    double det_j = jc_arm_determinant(arm, theta);
    double det_m = det_j * det_j + d2 * (m00 + m11 - 2.0 * d2) + d2 * d2;
    if (!(det_m > 0.0) || !isfinite(det_m))
        return 0;
    double z0 = (m11 * e[0] - m01 * e[1]) / det_m, z1 = (m00 * e[1] - m01 * e[0]) / det_m;
    step[0] = j[0] * z0 + j[2] * z1;
    step[1] = j[1] * z0 + j[3] * z1;
    return isfinite(step[0]) && isfinite(step[1]);
}

static int any_nan(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isnan(x[i]))
            return 1;
    return 0;
}

// END SOLUTION
jc_status jc_arm_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                       size_t max_iter, double theta[2], size_t *iterations)
{
    // TODO: check the arguments and that the target is within reach (the
    //   header says how), then iterate: e = target - position; done when
    //   |e| <= tol; otherwise solve the 2 x 2 system (J J^T + damping^2 I) z
    //   = e, and theta += J^T z. Count the steps.
    // STUB: (void)arm; (void)target; (void)damping; (void)tol; (void)max_iter; (void)theta;
    // STUB: (void)iterations;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!arm || !target || !theta)
        return JC_ERR_ARG;
    if (any_nan(target, 2) || any_nan(theta, 2) || !(arm->l1 > 0.0) || !(arm->l2 > 0.0) ||
        !(tol > 0.0) || !(damping >= 0.0))
        return JC_ERR_ARG;
    double reach = hypot(target[0], target[1]);
    if (reach > arm->l1 + arm->l2 + tol || reach < fabs(arm->l1 - arm->l2) - tol)
        return JC_ERR_UNREACHABLE;
    jc_status status = JC_ERR_NOCONVERGE;
    size_t steps = 0;
    for (;; steps++) {
        double p[2], e[2], step[2];
        jc_arm_position(arm, theta, p);
        e[0] = target[0] - p[0];
        e[1] = target[1] - p[1];
        if (hypot(e[0], e[1]) <= tol) {
            status = JC_OK;
            break;
        }
        if (steps == max_iter || !damped_step(arm, theta, damping, e, step))
            break;
        theta[0] += step[0];
        theta[1] += step[1];
    }
    if (iterations)
        *iterations = steps;
    return status;
    // END SOLUTION
}
