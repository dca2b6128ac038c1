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
/* Count, means and centred sums of a chunk of the data. The means are taken
 * relative to a point (x0, y0) of the data: when the data lie far from 0 but
 * close together, those means are small and keep all their digits, and so
 * do the differences between them that merge() takes. */
typedef struct {
    double n, mean_x, mean_y, sxx, sxy;
} moments;

/* A block of x and y (2 x 2 KiB) stays in the L1 cache between the two
 * passes below, so main memory is read only once. While the second pass
 * runs, nothing asks main memory for data but the processor's prefetcher,
 * which fetches ahead of the first pass by a limited distance: a short
 * second pass hides inside that lead, a long one stalls the stream (blocks
 * of 4096 points reach only 3/4 of a plain read's rate, blocks of 256 all
 * of it). Blocks also bound the rounding error: sums run over at most 256
 * values, and merging adds only a few roundings per block. */
enum { BLOCK = 256 };

/* Centred sums below this (per point) may have lost digits to underflow. */
#define TINY (DBL_MIN / DBL_EPSILON)

static moments block_moments(const double *x, const double *y, size_t n, double x0, double y0)
{
    double sum_x = 0.0, sum_y = 0.0;
#pragma omp simd reduction(+ : sum_x, sum_y)
    for (size_t i = 0; i < n; i++) {
        sum_x += x[i] - x0;
        sum_y += y[i] - y0;
    }
    double nn = (double)n;
    double cx = x0 + sum_x / nn, cy = y0 + sum_y / nn;
    double rx = 0.0, ry = 0.0, sxx = 0.0, sxy = 0.0;
#pragma omp simd reduction(+ : rx, ry, sxx, sxy)
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - cx, dy = y[i] - cy;
        rx += dx;
        ry += dy;
        sxx += dx * dx;
        sxy += dx * dy;
    }
    /* The centre (cx, cy) is rounded, so the deviations do not quite sum to
     * zero; the residual sums rx and ry correct for that (the "corrected
     * two-pass" algorithm of Chan, Golub and LeVeque). */
    return (moments){nn, (cx - x0) + rx / nn, (cy - y0) + ry / nn, sxx - rx * rx / nn,
                     sxy - rx * ry / nn};
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

/* Blocks merged in pairs, then pairs of pairs, and so on, as a binary
 * counter carries: the k-th merge that a block's sums go through joins two
 * chunks of 2^k blocks each. A running total would take every block's sums
 * through up to n / BLOCK roundings (39,000 for 10^7 points); this way they
 * go through at most log2(n / BLOCK). */
typedef struct {
    moments level[64]; /* level[i] covers more blocks than level[i + 1] */
    size_t depth, blocks;
} merger;

static void merger_add(merger *s, moments m)
{
    for (size_t count = ++s->blocks; count % 2 == 0; count /= 2)
        m = merge(s->level[--s->depth], m);
    s->level[s->depth++] = m;
}

static moments merger_total(merger *s)
{
    moments total = s->level[--s->depth];
    while (s->depth > 0)
        total = merge(s->level[--s->depth], total);
    return total;
}

/* The moments of the data x * 2^-ex, y * 2^-ey, relative to its first
 * point; ex = ey = 0 reads the data where they are, and otherwise scaled
 * copies are made a block at a time. */
static moments all_moments(const double *x, const double *y, size_t n, int ex, int ey)
{
    merger sums = {.depth = 0, .blocks = 0};
    if (ex == 0 && ey == 0) {
        for (size_t start = 0; start < n; start += BLOCK) {
            size_t len = n - start < BLOCK ? n - start : BLOCK;
            merger_add(&sums, block_moments(x + start, y + start, len, x[0], y[0]));
        }
        return merger_total(&sums);
    }
    double sx = ldexp(1.0, -ex), sy = ldexp(1.0, -ey);
    double bx[BLOCK], by[BLOCK];
    for (size_t start = 0; start < n; start += BLOCK) {
        size_t len = n - start < BLOCK ? n - start : BLOCK;
        for (size_t i = 0; i < len; i++) {
            bx[i] = x[start + i] * sx;
            by[i] = y[start + i] * sy;
        }
        merger_add(&sums, block_moments(bx, by, len, x[0] * sx, y[0] * sy));
    }
    return merger_total(&sums);
}

/* The line through moments of the data scaled by 2^-ex and 2^-ey, back in
 * the data's units. */
static lr_status line_from(moments t, double x0, double y0, int ex, int ey, lr_line *fit)
{
    double mean_x = ldexp(x0, -ex) + t.mean_x, mean_y = ldexp(y0, -ey) + t.mean_y;
    /* x values that differ only by rounding noise do not determine a slope. */
    double noise = 4.0 * DBL_EPSILON * fabs(mean_x);
    if (!(sqrt(t.sxx / t.n) > noise))
        return LR_ERR_SINGULAR;
    double slope = t.sxy / t.sxx;
    fit->slope = ldexp(slope, ey - ex);
    fit->intercept = ldexp(mean_y - slope * mean_x, ey);
    return isfinite(fit->slope) && isfinite(fit->intercept) ? LR_OK : LR_ERR_ARG;
}

/* The exponent e that brings the largest |v[i]| into [0.5, 1) when v is
 * scaled by 2^-e, except that e >= DBL_MIN_EXP keeps 2^-e finite (subnormal
 * data are scaled by 2^1021 only); 0 if a value is not finite. Scaling by a
 * power of two is exact unless the result is subnormal. */
static int scale_exponent(const double *v, size_t n, int *e)
{
    double largest = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return 0;
        largest = fmax(largest, fabs(v[i]));
    }
    frexp(largest, e);
    if (*e < DBL_MIN_EXP)
        *e = DBL_MIN_EXP;
    return 1;
}
// END SOLUTION

lr_status lr_fit_line(const double *x, const double *y, size_t n, lr_line *fit)
{
    // TODO: compute the means of x and y, then Sxx and Sxy from the centred
    //   values, then slope = Sxy / Sxx and intercept = mean_y - slope * mean_x.
    //   Return LR_ERR_SINGULAR if Sxx is zero (all x equal). Section 6.3 shows
    //   why you must centre before multiplying, and why to subtract x[0] and
    //   y[0] before anything else; section 6.4 how to scale data whose squares
    //   overflow or underflow.
    // STUB: (void)x; (void)y; (void)n; (void)fit;
    // STUB: return LR_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !y || !fit || n < 2)
        return LR_ERR_ARG;
    /* First the data as they are: right unless a square overflowed or
     * underflowed (or a value is not finite), which the sums show. */
    moments t = all_moments(x, y, n, 0, 0);
    double tiny = t.n * TINY;
    if (isfinite(t.sxx) && isfinite(t.sxy) && isfinite(t.mean_x) && isfinite(t.mean_y) &&
        t.sxx >= tiny && fabs(t.sxy) >= tiny) {
        lr_status status = line_from(t, x[0], y[0], 0, 0, fit);
        if (status != LR_ERR_ARG)
            return status;
    }
    /* Then again with x and y scaled, exactly, to magnitudes below 1. */
    int ex, ey;
    if (!scale_exponent(x, n, &ex) || !scale_exponent(y, n, &ey))
        return LR_ERR_ARG;
    return line_from(all_moments(x, y, n, ex, ey), x[0], y[0], ex, ey, fit);
    // END SOLUTION
}
