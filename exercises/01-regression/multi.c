/* multi.c: least squares with several input variables (chapter section 7).
 *
 * We centre every column (which takes care of the intercept) and solve the
 * least-squares problem with a QR factorisation by Householder reflections.
 * Solving the normal equations X^T X w = X^T y instead would square the
 * condition number of the problem and lose twice as many digits. */
#include "regression.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

lr_status lr_fit_multi(const double *X, const double *y, size_t n, size_t m,
                       double *weights, double *intercept)
{
    // TODO: centre each column of X and y (the intercept is then
    //   mean(y) - sum_j mean(X_j) * weights[j]), and solve the centred
    //   least-squares problem with a QR factorisation (Householder
    //   reflections or modified Gram-Schmidt). Do not form X^T X.
    //   Section 7.3 explains the algorithm step by step, and how to scale
    //   the columns so that no norm overflows or underflows.
    (void)X; (void)y; (void)n; (void)m; (void)weights; (void)intercept;
    return LR_ERR_TODO;
}

void lr_predict_multi(const double *X, size_t n, size_t m, const double *weights,
                      double intercept, double *y_hat)
{
    // TODO: y_hat[i] = intercept + sum over j of X[i*m + j] * weights[j].
    (void)X; (void)n; (void)m; (void)weights; (void)intercept; (void)y_hat;
}
