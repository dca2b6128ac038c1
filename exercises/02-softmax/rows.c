/* rows.c: softmax of every row of a float matrix (chapter section 7).
 *
 * The kernel of a transformer's attention. Each row is independent; the
 * goal is a relative error below 1e-6 on every probability. Speed earns no
 * points; section 8 (optional) measures it against copying the matrix. */
#include "softmax.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    // TODO: for each row, in double (section 7.1): its maximum m, then
    //   e[j] = exp((double)x[j] - m) and their sum, then out[j] = (float)(e[j]
    //   / sum). Only the results may be rounded to float: expf(x[j] - m)
    //   rounds x[j] - m and misses the 1e-6 contract (section 7.2). Do
    //   nothing when rows or cols is 0.
    (void)x; (void)rows; (void)cols; (void)out;
}
