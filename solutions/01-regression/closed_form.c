/* closed_form.c: the least-squares line in closed form (chapter section 6).
 *
 * slope = Sxy / Sxx and intercept = mean(y) - slope * mean(x), where
 * Sxx = sum (x - mean x)^2 and Sxy = sum (x - mean x)(y - mean y).
 * Centring first is what keeps the digits: the textbook expansion
 * n*Sum(x^2) - Sum(x)^2 subtracts two huge, nearly equal numbers. */
#include "regression.h"

#include <float.h>
#include <math.h>

// BEGIN SOLUTION
/* Count, means and centred sums of a chunk of the data. */
typedef struct {
    double n, mean_x, mean_y, sxx, sxy;
} moments;

/* A block of x and y (2 x 32 KiB) stays in the L2 cache between the two
 * passes below, so main memory is read only once. Blocks also bound the
 * rounding error: sums run over at most 4096 values, and merging adds only a
 * few roundings per block. */
enum { BLOCK = 4096 };

static moments block_moments(const double *x, const double *y, size_t n)
{
    double sum_x = 0.0, sum_y = 0.0;
#pragma omp simd reduction(+ : sum_x, sum_y)
    for (size_t i = 0; i < n; i++) {
        sum_x += x[i];
        sum_y += y[i];
    }
    double mx = sum_x / (double)n, my = sum_y / (double)n;
    double rx = 0.0, ry = 0.0, sxx = 0.0, sxy = 0.0;
#pragma omp simd reduction(+ : rx, ry, sxx, sxy)
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        rx += dx;
        ry += dy;
        sxx += dx * dx;
        sxy += dx * dy;
    }
    /* The means are rounded, so the deviations do not quite sum to zero; the
     * residual sums rx and ry correct for that (the "corrected two-pass"
     * algorithm of Chan, Golub and LeVeque). */
    double nn = (double)n;
    return (moments){nn, mx + rx / nn, my + ry / nn, sxx - rx * rx / nn, sxy - rx * ry / nn};
}

/* Combines the moments of two disjoint chunks (Chan et al.'s update). */
static moments merge(moments a, moments b)
{
    double n = a.n + b.n;
    double dx = b.mean_x - a.mean_x, dy = b.mean_y - a.mean_y;
    double w = a.n * b.n / n;
    return (moments){n, a.mean_x + dx * (b.n / n), a.mean_y + dy * (b.n / n),
                     a.sxx + b.sxx + dx * dx * w, a.sxy + b.sxy + dx * dy * w};
}
// END SOLUTION

lr_status lr_fit_line(const double *x, const double *y, size_t n, lr_line *fit)
{
    // TODO: compute the means of x and y, then Sxx and Sxy from the centred
    //   values, then slope = Sxy / Sxx and intercept = mean_y - slope * mean_x.
    //   Return LR_ERR_SINGULAR if Sxx is zero (all x equal). Section 6.3 shows
    //   why you must centre before multiplying.
    // STUB: (void)x; (void)y; (void)n; (void)fit;
    // STUB: return LR_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !y || !fit || n < 2)
        return LR_ERR_ARG;
    moments total = block_moments(x, y, n < BLOCK ? n : BLOCK);
    for (size_t start = BLOCK; start < n; start += BLOCK) {
        size_t len = n - start < BLOCK ? n - start : BLOCK;
        total = merge(total, block_moments(x + start, y + start, len));
    }
    if (!isfinite(total.sxx) || !isfinite(total.sxy) || !isfinite(total.mean_y))
        return LR_ERR_ARG;
    /* x values that differ only by rounding noise do not determine a slope. */
    double noise = 4.0 * DBL_EPSILON * fabs(total.mean_x);
    if (!(total.sxx > total.n * noise * noise))
        return LR_ERR_SINGULAR;
    fit->slope = total.sxy / total.sxx;
    fit->intercept = total.mean_y - fit->slope * total.mean_x;
    return LR_OK;
    // END SOLUTION
}
