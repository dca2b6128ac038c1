/* conv1d.c: convolution and cross-correlation of 1-D signals (chapter
 * sections 2 and 3). */
#include "convolution.h"

#include <stdint.h>

size_t cv_output_size(size_t n, size_t k, cv_mode mode)
{
    // TODO: n - k + 1 (valid, 0 if k > n), n (same), n + k - 1 (full); 0 when
    //   n or k is 0 or the mode is unknown, and when n + k - 1 is too large
    //   for a size_t (compute it so that it cannot wrap around). Section 3.
    (void)n; (void)k; (void)mode;
    return 0;
}

cv_status cv_correlate1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                         double *out)
{
    // TODO: check the arguments, then for each output i add up f[i + j - o] g[j]
    //   over the j for which i + j - o lies in 0..n-1 (o depends on the mode:
    //   see convolution.h). Careful: size_t never goes negative. Section 3.
    (void)f; (void)n; (void)g; (void)k; (void)mode; (void)out;
    return CV_ERR_TODO;
}

cv_status cv_convolve1d(const double *f, size_t n, const double *g, size_t k, cv_mode mode,
                        double *out)
{
    // TODO: out[i] = sum_j f[i + o - j] g[j], the kernel flipped. The simplest
    //   correct way: correlate with g reversed (into a copy: g is const).
    //   Section 2.
    (void)f; (void)n; (void)g; (void)k; (void)mode; (void)out;
    return CV_ERR_TODO;
}
