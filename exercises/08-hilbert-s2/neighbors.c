/* neighbors.c: the four cells that share an edge with a cell, across cube
 * edges too (chapter section 7). */
#include "s2cell.h"

#include <float.h>
#include <stdint.h>

#include "s2face.h"

#define LEAF_LIMIT 1073741824 /* 2^30 leaves along each side of a face */

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
    (void)cell; (void)neighbors;
    return HS_ERR_TODO;
}
