/* hierarchy.c: levels, parents, children and ranges, all in the bits of the
 * id (chapter section 5). */
#include "s2cell.h"

int hs_cell_is_valid(uint64_t cell)
{
    // TODO: the face (the top three bits) below 6, and the lowest 1 bit at
    //   an even position: lowest = cell & (~cell + 1) isolates it, and a
    //   mask of the even positions (0x1555555555555555) tests it (the id 0
    //   has no 1 bit at all).
    (void)cell;
    return 0;
}

hs_status hs_cell_level(uint64_t cell, int *level)
{
    // TODO: 30 minus half the position of the lowest 1 bit.
    (void)cell; (void)level;
    return HS_ERR_TODO;
}

hs_status hs_cell_parent(uint64_t cell, int level, uint64_t *parent)
{
    // TODO: keep the bits above the marker of the new level, clear those
    //   below, set the marker: with m = 1 << 2 (30 - level), (cell & -m) | m.
    (void)cell; (void)level; (void)parent;
    return HS_ERR_TODO;
}

hs_status hs_cell_children(uint64_t cell, uint64_t children[4])
{
    // TODO: the children's marker is the cell's lowest bit divided by 4;
    //   child k (0..3 along the curve) is the cell with the pair of bits k
    //   written where the cell's marker was: cell - lowest + (2k + 1) times
    //   the children's marker.
    (void)cell; (void)children;
    return HS_ERR_TODO;
}

hs_status hs_cell_range(uint64_t cell, uint64_t *range_min, uint64_t *range_max)
{
    // TODO: the first leaf is cell - (lowest - 1), the last cell + (lowest - 1).
    (void)cell; (void)range_min; (void)range_max;
    return HS_ERR_TODO;
}

hs_status hs_cell_contains(uint64_t a, uint64_t b, int *result)
{
    // TODO: b lies between a's first and last leaf.
    (void)a; (void)b; (void)result;
    return HS_ERR_TODO;
}

hs_status hs_cell_intersects(uint64_t a, uint64_t b, int *result)
{
    // TODO: the two ranges of leaves overlap.
    (void)a; (void)b; (void)result;
    return HS_ERR_TODO;
}
