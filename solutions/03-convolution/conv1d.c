/* conv1d.c: convolution and cross-correlation of 1-D signals (chapter
 * sections 2 and 3). */
#include "convolution.h"

#include <stdint.h>

size_t cv_output_size(size_t n, size_t k, cv_mode mode)
{
    // TODO: n - k + 1 (valid, 0 if k > n), n (same), n + k - 1 (full); 0 when
    //   n or k is 0 or the mode is unknown, and when n + k - 1 is too large
    //   for a size_t (compute it so that it cannot wrap around). Section 3.
    // STUB: (void)n; (void)k; (void)mode;
    // STUB: return 0;
    // BEGIN SOLUTION
    if (n == 0 || k == 0)
        return 0;
    switch (mode) {
    case CV_VALID: return k <= n ? n - k + 1 : 0;
    case CV_SAME: return n;
    case CV_FULL: return k - 1 <= SIZE_MAX - n ? n + k - 1 : 0;
    }
    return 0;
    // END SOLUTION
}

// BEGIN SOLUTION
static cv_status check_1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                          const double *out)
{
    if (!f || !g || !out || n == 0 || k == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    return cv_output_size(n, k, mode) > 0 ? CV_OK : CV_ERR_SHAPE;
}

/* The offset o of the correlation out[i] = sum_j f[i + j - o] g[j]. */
static size_t correlation_offset(size_t k, cv_mode mode)
{
    switch (mode) {
    case CV_FULL: return k - 1;
    case CV_SAME: return (k - 1) / 2;
    case CV_VALID: return 0;
    }
    return 0;
}

/* out[i] = sum_j f[i + j - o] g[j] over the j for which f's index lies in
 * 0..n-1: the bounds are worked out once per output, so the inner loop has
 * no test (section 3). Indices are shifted by o to stay unsigned. */
static void correlate(const double *f, size_t n, const double *g, size_t k, size_t o,
                      double *out, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        /* f's index i + j - o is in range for o - i <= j < n + o - i */
        size_t first = o > i ? o - i : 0;
        size_t end = n + o - i < k ? n + o - i : k;
        double sum = 0.0;
        for (size_t j = first; j < end; j++)
            sum += f[i + j - o] * g[j];
        out[i] = sum;
    }
}
// END SOLUTION

cv_status cv_correlate1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                         double *out)
{
    // TODO: check the arguments, then for each output i add up f[i + j - o] g[j]
    //   over the j for which i + j - o lies in 0..n-1 (o depends on the mode:
    //   see convolution.h). Careful: size_t never goes negative. Section 3.
    // STUB: (void)f; (void)n; (void)g; (void)k; (void)mode; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    cv_status status = check_1d(f, n, g, k, mode, out);
    if (status != CV_OK)
        return status;
    correlate(f, n, g, k, correlation_offset(k, mode), out, cv_output_size(n, k, mode));
    return CV_OK;
    // END SOLUTION
}

cv_status cv_convolve1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                        double *out)
{
    // TODO: out[i] = sum_j f[i + o - j] g[j], the kernel flipped. The simplest
    //   correct way: correlate with g reversed (into a copy: g is const).
    //   Section 2.
    // STUB: (void)f; (void)n; (void)g; (void)k; (void)mode; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    cv_status status = check_1d(f, n, g, k, mode, out);
    if (status != CV_OK)
        return status;
    /* With j' = k - 1 - j this is a correlation with g reversed and the
     * offset k - 1 - o: walk g backwards instead of copying it. */
    size_t o = k - 1 - correlation_offset(k, mode), m = cv_output_size(n, k, mode);
    for (size_t i = 0; i < m; i++) {
        /* f's index i + o - j is in range for i + o - n < j <= i + o */
        size_t first = i + o >= n ? i + o - n + 1 : 0;
        size_t end = i + o + 1 < k ? i + o + 1 : k;
        double sum = 0.0;
        for (size_t j = first; j < end; j++)
            sum += f[i + o - j] * g[j];
        out[i] = sum;
    }
    return CV_OK;
    // END SOLUTION
}
