/* determinant.c: determinants by elimination, and the area of the image of
 * a small square (chapter section 5). */
#include "jacobians.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
/* Reduces the n x n matrix w (row-major) in place to upper triangular form
 * by Gaussian elimination with partial pivoting; returns the sign of the
 * row permutation, or 0 when a column has no non-zero pivot (w is then
 * singular and the diagonal is left incomplete). A NaN is taken as the
 * pivot when it is met, so that it reaches the result. */
static int eliminate(double *w, size_t n)
{
    int sign = 1;
    for (size_t k = 0; k < n; k++) {
        size_t pivot = k;
        double largest = fabs(w[k * n + k]);
        for (size_t i = k + 1; i < n && !isnan(largest); i++) {
            double size = fabs(w[i * n + k]);
            if (size > largest || isnan(size)) {
                largest = size;
                pivot = i;
            }
        }
        if (largest == 0.0)
            return 0;
        if (pivot != k) {
            for (size_t j = k; j < n; j++) {
                double t = w[k * n + j];
                w[k * n + j] = w[pivot * n + j];
                w[pivot * n + j] = t;
            }
            sign = -sign;
        }
        const double *row_k = w + k * n;
        for (size_t i = k + 1; i < n; i++) {
            double *row_i = w + i * n;
            double factor = row_i[k] / row_k[k];
            for (size_t j = k + 1; j < n; j++)
                row_i[j] -= factor * row_k[j];
        }
    }
    return sign;
}

/* A copy of the n x n matrix a, or NULL (with *status set: JC_ERR_ARG for
 * a size that overflows, JC_ERR_NOMEM). */
static double *copy_square(const double *a, size_t n, jc_status *status)
{
    if (n > SIZE_MAX / n || n * n > SIZE_MAX / sizeof(double)) {
        *status = JC_ERR_ARG;
        return NULL;
    }
    double *w = malloc(n * n * sizeof(double));
    if (!w) {
        *status = JC_ERR_NOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n * n; i++)
        w[i] = a[i];
    *status = JC_OK;
    return w;
}

// END SOLUTION
jc_status jc_determinant(const double *a, size_t n, double *det)
{
    // TODO: on a copy of a: for each column k, swap the row with the largest
    //   |entry| at or below the diagonal into row k (each swap flips the
    //   sign; a column of zeros there means det = 0), then subtract multiples
    //   of row k to clear the entries below it. det = sign * the product of
    //   the pivots.
    // STUB: (void)a; (void)n; (void)det;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !det || n == 0)
        return JC_ERR_ARG;
    jc_status status;
    double *w = copy_square(a, n, &status);
    if (!w)
        return status;
    int sign = eliminate(w, n);
    double product = sign;
    for (size_t k = 0; k < n && sign != 0; k++)
        product *= w[k * n + k];
    *det = product;
    free(w);
    return JC_OK;
    // END SOLUTION
}

jc_status jc_log_determinant(const double *a, size_t n, double *sign, double *log_abs)
{
    // TODO: the same elimination, but sum log |pivot| instead of multiplying
    //   the pivots, and keep track of the sign (the swaps and the pivots'
    //   signs).
    // STUB: (void)a; (void)n; (void)sign; (void)log_abs;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !sign || !log_abs || n == 0)
        return JC_ERR_ARG;
    jc_status status;
    double *w = copy_square(a, n, &status);
    if (!w)
        return status;
    int s = eliminate(w, n);
    double sum = 0.0;
    for (size_t k = 0; k < n && s != 0; k++) {
        double pivot = w[k * n + k];
        sum += log(fabs(pivot));
        if (pivot < 0.0)
            s = -s;
    }
    *sign = isnan(sum) ? NAN : s;
    *log_abs = s == 0 ? -INFINITY : sum;
    free(w);
    return JC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* The image under f of point `step` of the square's boundary, walked
 * counter-clockwise from the lower left corner in `per_edge` steps per
 * edge. The offsets from the center, in units of the side, are t =
 * (j - per_edge / 2) / per_edge or -t, so a corner that two edges share is
 * the same point on both. */
static void boundary_image(const jc_map *f, const double center[2], double side, size_t step,
                           size_t per_edge, double image[2])
{
    size_t edge = step / per_edge, j = step % per_edge;
    double t = ((double)j - 0.5 * (double)per_edge) / (double)per_edge, offset[2];
    switch (edge) {
    case 0: offset[0] = t, offset[1] = -0.5; break; /* bottom, left to right */
    case 1: offset[0] = 0.5, offset[1] = t; break;  /* right, upwards */
    case 2: offset[0] = -t, offset[1] = 0.5; break; /* top, right to left */
    default: offset[0] = -0.5, offset[1] = -t;      /* left, downwards */
    }
    double x[2] = {center[0] + side * offset[0], center[1] + side * offset[1]};
    f->f(x, image, f->ctx);
}

// END SOLUTION
jc_status jc_image_area(const jc_map *f, const double center[2], double side, size_t segments,
                        double *area)
{
    // TODO: walk the square's boundary counter-clockwise from its lower left
    //   corner, `segments` equal steps per edge, map each point with f, and
    //   sum the shoelace formula's terms over the mapped polygon (section 5
    //   shows a form that keeps its digits when the square is small).
    // STUB: (void)f; (void)center; (void)side; (void)segments; (void)area;
    // STUB: return JC_ERR_TODO;
    // BEGIN SOLUTION
    if (!f || !f->f || !center || !area || f->n != 2 || f->m != 2 || !(side > 0.0) ||
        !isfinite(side) || segments == 0 || segments > SIZE_MAX / 4)
        return JC_ERR_ARG;
    /* Twice the area is the sum over the edges of the cross products
     * (p_i - r) x (p_(i+1) - r), for any point r. With r the first image
     * point the terms are products of differences of nearby points, as
     * small as the polygon, not products of coordinates whose large parts
     * cancel; and the two edges that touch r contribute 0. */
    double r[2], p[2], prev[2] = {0.0, 0.0}, twice = 0.0;
    boundary_image(f, center, side, 0, segments, r);
    for (size_t step = 1; step < 4 * segments; step++) {
        boundary_image(f, center, side, step, segments, p);
        double d[2] = {p[0] - r[0], p[1] - r[1]};
        twice += prev[0] * d[1] - prev[1] * d[0];
        prev[0] = d[0], prev[1] = d[1];
    }
    *area = 0.5 * twice;
    return JC_OK;
    // END SOLUTION
}
