/* neighbors.c: the four cells that share an edge with a cell, across cube
 * edges too (chapter section 7). */
#include "s2cell.h"

#include <float.h>
#include <stdint.h>

#include "s2face.h"

#define LEAF_LIMIT 1073741824 /* 2^30 leaves along each side of a face */

// BEGIN SOLUTION
static int64_t clamp_i64(int64_t x, int64_t lo, int64_t hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static double clamp_double(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

/* The leaf at (i, j) on face, where i or j may be one step outside the face
 * (-1 or 2^30): the centre of that leaf, in the face's (u, v) by the linear
 * projection (good enough a step outside the face), carried to the
 * adjacent face through its point. As S2's FromFaceIJWrap. */
static uint64_t leaf_of_wrapped_ij(int face, int64_t i, int64_t j)
{
    const double scale = 1.0 / LEAF_LIMIT, limit = 1.0 + DBL_EPSILON;
    i = clamp_i64(i, -1, LEAF_LIMIT);
    j = clamp_i64(j, -1, LEAF_LIMIT);
    double u = clamp_double(scale * (double)(2 * (i - LEAF_LIMIT / 2) + 1), -limit, limit);
    double v = clamp_double(scale * (double)(2 * (j - LEAF_LIMIT / 2) + 1), -limit, limit);
    double p[3];
    int new_face;
    hs_face_uv_to_xyz(face, u, v, p);
    hs_point_to_face_uv(p, &new_face, &u, &v);
    uint64_t leaf;
    hs_face_ij_to_cell(new_face, hs_st_to_ij(0.5 * (u + 1)), hs_st_to_ij(0.5 * (v + 1)), &leaf);
    return leaf;
}

/* The level-`level` cell around leaf (i, j) of face, or of the wrapped leaf
 * when (i, j) is outside the face. */
static uint64_t cell_at(int face, int64_t i, int64_t j, int level)
{
    uint64_t leaf, cell;
    if (i >= 0 && i < LEAF_LIMIT && j >= 0 && j < LEAF_LIMIT)
        hs_face_ij_to_cell(face, (uint32_t)i, (uint32_t)j, &leaf);
    else
        leaf = leaf_of_wrapped_ij(face, i, j);
    hs_cell_parent(leaf, level, &cell);
    return cell;
}

// END SOLUTION
hs_status hs_cell_edge_neighbors(uint64_t cell, uint64_t neighbors[4])
{
    // TODO: the cell's level L, its size in leaves 2^(30 - L), and a leaf
    //   (i, j) inside it (hs_cell_to_face_ij). Each neighbour is the level-L
    //   parent of the leaf one size away: (i, j - size), (i + size, j),
    //   (i, j + size), (i - size, j). When that leaf is off the face (a
    //   coordinate below 0 or at least 2^30), clamp the coordinate to -1 or
    //   2^30, take that leaf's centre in (u, v) by the linear projection
    //   u = (2 i + 1) / 2^30 - 1 (held within 1 + DBL_EPSILON), turn it
    //   into a point of the cube (s2face.h), and find the leaf of that
    //   point on the face it projects to, again with the linear projection
    //   s = (u + 1) / 2.
    // STUB: (void)cell; (void)neighbors;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    int level, face, orientation;
    uint32_t i, j;
    if (!neighbors || hs_cell_level(cell, &level) != HS_OK)
        return HS_ERR_ARG;
    hs_cell_to_face_ij(cell, &face, &i, &j, &orientation);
    int64_t size = (int64_t)1 << (HS_MAX_LEVEL - level);
    neighbors[0] = cell_at(face, i, (int64_t)j - size, level);
    neighbors[1] = cell_at(face, (int64_t)i + size, j, level);
    neighbors[2] = cell_at(face, i, (int64_t)j + size, level);
    neighbors[3] = cell_at(face, (int64_t)i - size, j, level);
    return HS_OK;
    // END SOLUTION
}
