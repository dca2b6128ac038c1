/* hilbert.c: the Hilbert curve of order n, position to cell and back
 * (chapter section 2). */
#include "s2cell.h"

// BEGIN SOLUTION
/* The four orientations of a sub-square's curve, as S2 numbers them: bit 0
 * swaps x and y, bit 1 flips both (the square turned by 180 degrees).
 * QUADRANT_OF[orientation][pos] is the quadrant (x_bit << 1 | y_bit) visited
 * pos-th; POS_OF is its inverse. Quadrant pos of a curve of orientation o is
 * drawn with orientation o ^ TURN[pos]: the first quadrant swapped, the last
 * swapped and flipped, the two in the middle as o. */
static const unsigned char QUADRANT_OF[4][4] = {
    {0, 1, 3, 2}, {0, 2, 3, 1}, {3, 2, 0, 1}, {3, 1, 0, 2}};
static const unsigned char POS_OF[4][4] = {{0, 1, 3, 2}, {0, 3, 1, 2}, {2, 3, 1, 0}, {2, 1, 3, 0}};
static const unsigned char TURN[4] = {1, 0, 0, 3};

// END SOLUTION
hs_status hs_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x, uint32_t *y)
{
    // TODO: check the arguments (order 1..HS_MAX_ORDER, d < 4^order, no
    //   NULL). Then read d two bits at a time from the most significant pair:
    //   each pair is the position (0..3) within the current square, which
    //   gives one bit of x and one of y through the order-1 curve of the
    //   square's orientation, and the orientation of the quadrant to descend
    //   into (section 2's rules: the first quadrant is drawn with x and y
    //   swapped, the last swapped and both flipped). No recursion.
    // STUB: (void)order; (void)d; (void)x; (void)y;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !y || order < 1 || order > HS_MAX_ORDER || (d >> (2 * order)) != 0)
        return HS_ERR_ARG;
    uint32_t xs = 0, ys = 0;
    unsigned orientation = 0;
    for (int level = (int)order - 1; level >= 0; level--) {
        unsigned pos = (unsigned)(d >> (2 * level)) & 3;
        unsigned quadrant = QUADRANT_OF[orientation][pos];
        xs = xs << 1 | quadrant >> 1;
        ys = ys << 1 | (quadrant & 1);
        orientation ^= TURN[pos];
    }
    *x = xs;
    *y = ys;
    return HS_OK;
    // END SOLUTION
}

hs_status hs_hilbert_xy2d(unsigned order, uint32_t x, uint32_t y, uint64_t *d)
{
    // TODO: the same walk the other way: from the most significant bit of x
    //   and y, find the quadrant's position in the current orientation,
    //   append it to d, and turn as hs_hilbert_d2xy does.
    // STUB: (void)order; (void)x; (void)y; (void)d;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!d || order < 1 || order > HS_MAX_ORDER || ((uint64_t)x >> order) != 0 ||
        ((uint64_t)y >> order) != 0)
        return HS_ERR_ARG;
    uint64_t pos_sum = 0;
    unsigned orientation = 0;
    for (int level = (int)order - 1; level >= 0; level--) {
        unsigned quadrant = ((x >> level) & 1) << 1 | ((y >> level) & 1);
        unsigned pos = POS_OF[orientation][quadrant];
        pos_sum = pos_sum << 2 | pos;
        orientation ^= TURN[pos];
    }
    *d = pos_sum;
    return HS_OK;
    // END SOLUTION
}
