/* hierarchy.c: levels, parents, children and ranges, all in the bits of the
 * id (chapter section 5). */
#include "s2cell.h"

// BEGIN SOLUTION
/* The lowest 1 bit of cell (0 for 0): two's complement, -c = ~c + 1. */
static uint64_t lowest_bit(uint64_t cell)
{
    return cell & (~cell + 1);
}

/* The marker bit of a cell at level: 2 (30 - level) zeros below it. */
static uint64_t marker_for_level(int level)
{
    return (uint64_t)1 << (2 * (HS_MAX_LEVEL - level));
}

/* The position (0..63) of a single 1 bit: each of the six masks tells one
 * bit of it. */
static int bit_position(uint64_t bit)
{
    return ((bit & 0xaaaaaaaaaaaaaaaaull) != 0) | ((bit & 0xccccccccccccccccull) != 0) << 1 |
           ((bit & 0xf0f0f0f0f0f0f0f0ull) != 0) << 2 | ((bit & 0xff00ff00ff00ff00ull) != 0) << 3 |
           ((bit & 0xffff0000ffff0000ull) != 0) << 4 | ((bit & 0xffffffff00000000ull) != 0) << 5;
}

static int level_of(uint64_t cell)
{
    return HS_MAX_LEVEL - bit_position(lowest_bit(cell)) / 2;
}

// END SOLUTION
int hs_cell_is_valid(uint64_t cell)
{
    // TODO: the face (the top three bits) below 6, and the lowest 1 bit at
    //   an even position: lowest = cell & (~cell + 1) isolates it, and a
    //   mask of the even positions (0x1555555555555555) tests it (the id 0
    //   has no 1 bit at all).
    // STUB: (void)cell;
    // STUB: return 0;
    // BEGIN SOLUTION
    return (cell >> 61) < 6 && (lowest_bit(cell) & 0x1555555555555555ull) != 0;
    // END SOLUTION
}

hs_status hs_cell_level(uint64_t cell, int *level)
{
    // TODO: 30 minus half the position of the lowest 1 bit.
    // STUB: (void)cell; (void)level;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!level || !hs_cell_is_valid(cell))
        return HS_ERR_ARG;
    *level = level_of(cell);
    return HS_OK;
    // END SOLUTION
}

hs_status hs_cell_parent(uint64_t cell, int level, uint64_t *parent)
{
    // TODO: keep the bits above the marker of the new level, clear those
    //   below, set the marker: with m = 1 << 2 (30 - level), (cell & -m) | m.
    // STUB: (void)cell; (void)level; (void)parent;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!parent || !hs_cell_is_valid(cell) || level < 0 || level > level_of(cell))
        return HS_ERR_ARG;
    uint64_t marker = marker_for_level(level);
    *parent = (cell & (~marker + 1)) | marker;
    return HS_OK;
    // END SOLUTION
}

hs_status hs_cell_children(uint64_t cell, uint64_t children[4])
{
    // TODO: the children's marker is the cell's lowest bit divided by 4;
    //   child k (0..3 along the curve) is the cell with the pair of bits k
    //   written where the cell's marker was: cell - lowest + (2k + 1) times
    //   the children's marker.
    // STUB: (void)cell; (void)children;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!children || !hs_cell_is_valid(cell) || (cell & 1))
        return HS_ERR_ARG;
    uint64_t lowest = lowest_bit(cell), marker = lowest >> 2;
    for (uint64_t k = 0; k < 4; k++)
        children[k] = cell - lowest + (2 * k + 1) * marker;
    return HS_OK;
    // END SOLUTION
}

hs_status hs_cell_range(uint64_t cell, uint64_t *range_min, uint64_t *range_max)
{
    // TODO: the first leaf is cell - (lowest - 1), the last cell + (lowest - 1).
    // STUB: (void)cell; (void)range_min; (void)range_max;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    if (!range_min || !range_max || !hs_cell_is_valid(cell))
        return HS_ERR_ARG;
    uint64_t lowest = lowest_bit(cell);
    *range_min = cell - (lowest - 1);
    *range_max = cell + (lowest - 1);
    return HS_OK;
    // END SOLUTION
}

hs_status hs_cell_contains(uint64_t a, uint64_t b, int *result)
{
    // TODO: b lies between a's first and last leaf.
    // STUB: (void)a; (void)b; (void)result;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    uint64_t a_min, a_max;
    if (!result || !hs_cell_is_valid(b) || hs_cell_range(a, &a_min, &a_max) != HS_OK)
        return HS_ERR_ARG;
    *result = a_min <= b && b <= a_max;
    return HS_OK;
    // END SOLUTION
}

hs_status hs_cell_intersects(uint64_t a, uint64_t b, int *result)
{
    // TODO: the two ranges of leaves overlap.
    // STUB: (void)a; (void)b; (void)result;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    uint64_t a_min, a_max, b_min, b_max;
    if (!result || hs_cell_range(a, &a_min, &a_max) != HS_OK ||
        hs_cell_range(b, &b_min, &b_max) != HS_OK)
        return HS_ERR_ARG;
    *result = b_min <= a_max && b_max >= a_min;
    return HS_OK;
    // END SOLUTION
}
