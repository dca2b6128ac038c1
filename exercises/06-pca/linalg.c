/* linalg.c: the vector tools of linalg.h (given, not an exercise). */
#include "linalg.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

double *la_alloc(size_t rows, size_t cols)
{
    if (cols != 0 && rows > SIZE_MAX / sizeof(double) / cols)
        return NULL;
    size_t count = rows * cols;
    return malloc((count ? count : 1) * sizeof(double));
}

int la_all_finite(const double *x, size_t count)
{
    int finite = 1;
    for (size_t i = 0; i < count; i++)
        finite &= isfinite(x[i]) != 0;
    return finite;
}

double la_max_abs(const double *x, size_t count)
{
    double largest = 0.0;
    for (size_t i = 0; i < count; i++) /* a NaN, once taken, stays */
        largest = fabs(x[i]) > largest || isnan(x[i]) ? fabs(x[i]) : largest;
    return largest;
}

double la_dot(const double *x, const double *y, size_t n)
{
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++)
        sum += x[i] * y[i];
    return sum;
}

double la_norm(const double *x, size_t n)
{
    double largest = la_max_abs(x, n);
    if (largest == 0.0 || !isfinite(largest))
        return largest;
    double inverse = 1.0 / largest, sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++) {
        double t = x[i] * inverse;
        sum += t * t;
    }
    return largest * sqrt(sum);
}

void la_scale(double *x, size_t n, double s)
{
#pragma omp simd
    for (size_t i = 0; i < n; i++)
        x[i] *= s;
}

void la_transpose(const double *a, size_t rows, size_t cols, double *at)
{
    enum { TILE = 32 }; /* both sides of a tile stay in the cache */
    for (size_t i0 = 0; i0 < rows; i0 += TILE)
        for (size_t j0 = 0; j0 < cols; j0 += TILE) {
            size_t i1 = i0 + TILE < rows ? i0 + TILE : rows;
            size_t j1 = j0 + TILE < cols ? j0 + TILE : cols;
            for (size_t i = i0; i < i1; i++)
                for (size_t j = j0; j < j1; j++)
                    at[j * rows + i] = a[i * cols + j];
        }
}

double la_orthogonalize(double *x, const double *q, size_t count, size_t n)
{
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < count; j++) {
            const double *qj = q + j * n;
            double c = la_dot(qj, x, n);
#pragma omp simd
            for (size_t i = 0; i < n; i++)
                x[i] -= c * qj[i];
        }
    return la_norm(x, n);
}

void la_complete_rows(double *rows, size_t have, size_t total, size_t n)
{
    size_t next = 0; /* the coordinate vector to try next */
    for (size_t row = have; row < total; row++) {
        double *x = rows + row * n;
        /* What Gram-Schmidt leaves of e_j, squared, sums over j to
         * n - row: some e_j keeps at least (n - row) / n of its unit
         * length, and the first that keeps half as much will do. */
        double enough = sqrt(0.5 * (double)(n - row) / (double)n);
        for (size_t tries = 0; tries < n; tries++, next = (next + 1) % n) {
            for (size_t i = 0; i < n; i++)
                x[i] = i == next ? 1.0 : 0.0;
            double left = la_orthogonalize(x, rows, row, n);
            if (left >= enough) {
                la_scale(x, n, 1.0 / left);
                next = (next + 1) % n;
                break;
            }
        }
    }
}

void la_fix_signs(double *vt, size_t k, size_t n, double *u, size_t m, size_t ldu)
{
    for (size_t i = 0; i < k; i++) {
        double *row = vt + i * n;
        size_t largest = 0;
        for (size_t j = 1; j < n; j++)
            if (fabs(row[j]) > fabs(row[largest]))
                largest = j;
        if (!(row[largest] < 0.0))
            continue;
        la_scale(row, n, -1.0);
        for (size_t r = 0; u && r < m; r++)
            u[r * ldu + i] = -u[r * ldu + i];
    }
}

/* Turns x (n values) into the Householder vector v (v[0] = 1) of the
 * reflector H = I - tau v v^T with H x = beta e_0, as LAPACK's dlarfg;
 * returns tau and sets *beta. x = 0 gives tau = 0 (H = I). */
static double householder(double *x, size_t n, double *beta)
{
    double norm = la_norm(x, n), alpha = x[0];
    if (norm == 0.0) {
        *beta = 0.0;
        return 0.0;
    }
    *beta = alpha > 0.0 ? -norm : norm; /* the sign that avoids cancellation */
    double tau = (*beta - alpha) / *beta;
    la_scale(x + 1, n - 1, 1.0 / (alpha - *beta));
    x[0] = 1.0;
    return tau;
}

/* y = H y for H = I - tau v v^T, v and y of n values. */
static void reflect(const double *v, double tau, double *y, size_t n)
{
    double c = tau * la_dot(v, y, n);
#pragma omp simd
    for (size_t i = 0; i < n; i++)
        y[i] -= c * v[i];
}

int la_orthonormalize_rows(double *x, size_t k, size_t n, double *diag)
{
    double *tau = la_alloc(k, 1);
    if (!tau)
        return -1;
    /* Reflector j zeroes row j beyond column j and is applied to the rows
     * below; its vector then takes the place of row j (from column j). */
    for (size_t j = 0; j < k; j++) {
        double beta, *v = x + j * n + j;
        tau[j] = householder(v, n - j, &beta);
        for (size_t i = j + 1; i < k; i++)
            reflect(v, tau[j], x + i * n + j, n - j);
        if (diag)
            diag[j] = fabs(beta);
    }
    /* q_i = H_0 ... H_(k-1) e_i, built from the last reflector back:
     * before step j, each row i > j holds H_(j+1) ... H_(k-1) e_i, which is
     * 0 before column i (H_j touches only columns j and on); step j applies
     * H_j to those rows while v_j is still in row j, then writes H_j e_j =
     * e_j - tau_j v_j over it. */
    for (size_t j = k; j-- > 0;) {
        double *v = x + j * n + j;
        for (size_t i = j + 1; i < k; i++)
            reflect(v, tau[j], x + i * n + j, n - j);
        la_scale(v + 1, n - j - 1, -tau[j]);
        v[0] = 1.0 - tau[j];
        for (size_t i = 0; i < j; i++)
            x[j * n + i] = 0.0;
    }
    free(tau);
    return 0;
}
