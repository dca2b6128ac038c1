/* rows.c: softmax of every row of a float matrix, fast (chapter section 7).
 *
 * The kernel of a transformer's attention. Each row is independent; the
 * goal is a relative error below 1e-6 on every probability, at a speed
 * close to that of copying the matrix. */
#include "softmax.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    // TODO: for each row: its maximum m, then e[j] = expf(x[j] - m) and their
    //   sum, then e[j] / sum. That is correct but neither accurate enough
    //   (x[j] - m is rounded) nor fast: section 7 builds the fast version
    //   step by step.
    (void)x; (void)rows; (void)cols; (void)out;
}
