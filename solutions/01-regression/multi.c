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

// BEGIN SOLUTION
/* Applies the reflection H = I - 2 v v^T / (v^T v) to the vector c (length len). */
static void reflect(const double *v, double v_norm2, double *c, size_t len)
{
    double dot = 0.0;
#pragma omp simd reduction(+ : dot)
    for (size_t i = 0; i < len; i++)
        dot += v[i] * c[i];
    double s = 2.0 * dot / v_norm2;
#pragma omp simd
    for (size_t i = 0; i < len; i++)
        c[i] -= s * v[i];
}

static double norm2(const double *v, size_t len)
{
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < len; i++)
        sum += v[i] * v[i];
    return sum;
}

/* QR-solves min |A w - b| for the n x m column-major A (overwritten with R and
 * the reflection vectors) and b (overwritten with Q^T b). */
static lr_status householder_solve(double *A, double *b, size_t n, size_t m, double *w,
                                   double *diag)
{
    for (size_t k = 0; k < m; k++) {
        double *col = A + k * n;
        double original = sqrt(norm2(col, n));
        double norm = sqrt(norm2(col + k, n - k));
        /* A column that is (numerically) a combination of the earlier ones
         * leaves nothing once their directions are projected out. */
        if (!(norm > 1e-12 * original))
            return LR_ERR_SINGULAR;
        double alpha = col[k] > 0 ? -norm : norm; /* the sign that avoids cancellation */
        col[k] -= alpha;
        double v_norm2 = norm2(col + k, n - k);
        for (size_t j = k + 1; j < m; j++)
            reflect(col + k, v_norm2, A + j * n + k, n - k);
        reflect(col + k, v_norm2, b + k, n - k);
        diag[k] = alpha;
    }
    for (size_t k = m; k-- > 0;) {
        double sum = b[k];
        for (size_t j = k + 1; j < m; j++)
            sum -= A[j * n + k] * w[j];
        w[k] = sum / diag[k];
    }
    return LR_OK;
}

/* A double's bits. Reading a union member other than the one last written
 * reinterprets the bits (C11 6.5.2.3). */
typedef union {
    double d;
    uint64_t u;
} double_bits;

#define SIGN_BIT ((uint64_t)1 << 63)

/* Centres the column c (n values) and scales it by the power of two 2^-e
 * that brings its largest magnitude into [0.5, 1); writes e into *exponent
 * and the scaled mean into *mean. This is the scaling of the BLAS's dnrm2,
 * done once per column: then no norm or dot product of the QR can overflow,
 * and none underflows unless its column is numerically a combination of the
 * others anyway. As the factors are powers of two, the scaled QR makes
 * exactly the rounding errors of the unscaled one. Returns 0 if a value is
 * not finite. */
static int centre_and_scale(double *c, size_t n, double *mean, int *exponent)
{
    /* The largest magnitude is found on the bits: with the sign bit cleared
     * they are in the order of the magnitudes, NaN above infinity, and
     * compilers vectorise an integer maximum more readily than a float one. */
    double sum = 0.0;
    uint64_t top = 0;
#pragma omp simd reduction(+ : sum) reduction(max : top)
    for (size_t i = 0; i < n; i++) {
        double_bits b = {c[i]};
        uint64_t magnitude = b.u & ~SIGN_BIT;
        sum += c[i];
        top = magnitude > top ? magnitude : top;
    }
    double_bits largest = {.u = top};
    if (!(largest.d <= DBL_MAX)) /* an infinity or a NaN */
        return 0;
    int e;
    frexp(largest.d, &e);
    if (e < DBL_MIN_EXP)
        e = DBL_MIN_EXP; /* keeps 2^-e finite for subnormal data */
    double scale = ldexp(1.0, -e);
    if (!isfinite(sum)) { /* a sum that overflowed */
        sum = 0.0;
        for (size_t i = 0; i < n; i++)
            sum += c[i] * scale;
    } else {
        sum *= scale;
    }
    double m = sum / (double)n;
#pragma omp simd
    for (size_t i = 0; i < n; i++)
        c[i] = c[i] * scale - m;
    *mean = m;
    *exponent = e;
    return 1;
}
// END SOLUTION

lr_status lr_fit_multi(const double *X, const double *y, size_t n, size_t m,
                       double *weights, double *intercept)
{
    // TODO: centre each column of X and y (the intercept is then
    //   mean(y) - sum_j mean(X_j) * weights[j]), and solve the centred
    //   least-squares problem with a QR factorisation (Householder
    //   reflections or modified Gram-Schmidt). Do not form X^T X.
    //   Section 7.3 explains the algorithm step by step, and how to scale
    //   the columns so that no norm overflows or underflows.
    // STUB: (void)X; (void)y; (void)n; (void)m; (void)weights; (void)intercept;
    // STUB: return LR_ERR_TODO;
    // BEGIN SOLUTION
    if (!X || !y || !weights || !intercept || m == 0 || n < m + 1)
        return LR_ERR_ARG;
    double *A = malloc((n * m + n + 2 * m + 1) * sizeof *A);
    int *exps = malloc((m + 1) * sizeof *exps);
    if (!A || !exps) {
        free(A);
        free(exps);
        return LR_ERR_NOMEM;
    }
    double *b = A + n * m, *means = b + n, *diag = means + m + 1;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < m; j++)
            A[j * n + i] = X[i * m + j]; /* transpose to columns */
        b[i] = y[i];
    }
    lr_status status = LR_OK;
    for (size_t j = 0; j <= m && status == LR_OK; j++)
        if (!centre_and_scale(A + j * n, n, &means[j], &exps[j]))
            status = LR_ERR_ARG;
    if (status == LR_OK)
        status = householder_solve(A, b, n, m, weights, diag);
    if (status == LR_OK) {
        /* The scaled fit y 2^-e_y = sum_j w'_j x_j 2^-e_j + b', unscaled. */
        double b0 = means[m];
        for (size_t j = 0; j < m; j++) {
            b0 -= means[j] * weights[j];
            weights[j] = ldexp(weights[j], exps[m] - exps[j]);
            if (!isfinite(weights[j]))
                status = LR_ERR_ARG;
        }
        *intercept = ldexp(b0, exps[m]);
        if (!isfinite(*intercept))
            status = LR_ERR_ARG;
    }
    free(A);
    free(exps);
    return status;
    // END SOLUTION
}

void lr_predict_multi(const double *X, size_t n, size_t m, const double *weights,
                      double intercept, double *y_hat)
{
    // TODO: y_hat[i] = intercept + sum over j of X[i*m + j] * weights[j].
    // STUB: (void)X; (void)n; (void)m; (void)weights; (void)intercept; (void)y_hat;
    // BEGIN SOLUTION
    for (size_t i = 0; i < n; i++) {
        double sum = intercept;
        for (size_t j = 0; j < m; j++)
            sum += X[i * m + j] * weights[j];
        y_hat[i] = sum;
    }
    // END SOLUTION
}
