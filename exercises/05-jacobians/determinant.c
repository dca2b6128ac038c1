/* determinant.c: determinants by elimination, and the area of the image of
 * a small square (chapter section 5). */
#include "jacobians.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

jc_status jc_determinant(const double *a, size_t n, double *det)
{
    // TODO: on a copy of a: for each column k, swap the row with the largest
    //   |entry| at or below the diagonal into row k (each swap flips the
    //   sign; a column of zeros there means det = 0), then subtract multiples
    //   of row k to clear the entries below it. det = sign * the product of
    //   the pivots.
    (void)a; (void)n; (void)det;
    return JC_ERR_TODO;
}

jc_status jc_log_determinant(const double *a, size_t n, double *sign, double *log_abs)
{
    // TODO: the same elimination, but sum log |pivot| instead of multiplying
    //   the pivots, and keep track of the sign (the swaps and the pivots'
    //   signs).
    (void)a; (void)n; (void)sign; (void)log_abs;
    return JC_ERR_TODO;
}

jc_status jc_image_area(const jc_map *f, const double center[2], double side, size_t segments,
                        double *area)
{
    // TODO: walk the square's boundary counter-clockwise from its lower left
    //   corner, `segments` equal steps per edge, map each point with f, and
    //   sum the shoelace formula's terms over the mapped polygon (section 5
    //   shows a form that keeps its digits when the square is small).
    (void)f; (void)center; (void)side; (void)segments; (void)area;
    return JC_ERR_TODO;
}
