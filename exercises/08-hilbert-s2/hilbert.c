/* hilbert.c: the Hilbert curve of order n, position to cell and back
 * (chapter section 2). */
#include "s2cell.h"

hs_status hs_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x, uint32_t *y)
{
    // TODO: check the arguments (order 1..HS_MAX_ORDER, d < 4^order, no
    //   NULL). Then read d two bits at a time from the most significant pair:
    //   each pair is the position (0..3) within the current square, which
    //   gives one bit of x and one of y through the order-1 curve of the
    //   square's orientation, and the orientation of the quadrant to descend
    //   into (section 2's rules: the first quadrant is drawn with x and y
    //   swapped, the last swapped and both flipped). No recursion.
    (void)order; (void)d; (void)x; (void)y;
    return HS_ERR_TODO;
}

hs_status hs_hilbert_xy2d(unsigned order, uint32_t x, uint32_t y, uint64_t *d)
{
    // TODO: the same walk the other way: from the most significant bit of x
    //   and y, find the quadrant's position in the current orientation,
    //   append it to d, and turn as hs_hilbert_d2xy does.
    (void)order; (void)x; (void)y; (void)d;
    return HS_ERR_TODO;
}
