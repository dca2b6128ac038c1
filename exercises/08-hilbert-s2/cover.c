/* cover.c: a set of cells whose union contains a latitude-longitude
 * rectangle, from coarse to fine (chapter section 8). */
#include "s2cell.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "s2face.h"

#define HS_PI 3.14159265358979323846

hs_status hs_cover_rect(const hs_rect *rect, const hs_cover_options *options, uint64_t *cells,
                        size_t capacity, size_t *count)
{
    // TODO: check the arguments (cells may be NULL when capacity is 0).
    //   1. A bound for any cell: the latitudes and longitudes (radians,
    //      converted from degrees exactly as hs_latlng_to_point does) that
    //      it spans. A face: +-45 degrees and 90 degrees of longitude around
    //      its centre for the four faces around the equator, from the
    //      latitude of the cube's corners, asin(1/sqrt 3), to the pole with
    //      every longitude for the two others. A cell below level 0 sits in
    //      one quadrant of its face, where latitude and longitude are
    //      monotonic in u and in v: take them at its four vertices (its
    //      (i, j) range through hs_st_to_uv and s2face.h, then atan2). The
    //      longitudes may straddle +-180: take them relative to one vertex.
    //      Widen the bound by a margin far above rounding error (say 1e-12
    //      of arc: in longitude, 1e-12 / cos(latitude)); a bound that
    //      reaches a pole gets every longitude. A cell meets the rectangle
    //      if its bound does, lies inside it if its bound does: with a
    //      conservative bound, a cell that does not meet it holds no point
    //      of it.
    //   2. A queue of candidates, the faces that meet the rectangle first,
    //      then level by level (first in, first out: the largest first).
    //      A candidate inside the rectangle, or at max_level, is kept (if
    //      at min_level or below). Otherwise it is replaced by those of its
    //      children that meet the rectangle: always above min_level, else
    //      only if the cells kept, plus the candidates waiting, plus these
    //      children do not exceed max_cells, and not when all four children
    //      would be kept (step 3 would merge them back, and they would have
    //      used up the budget); if not, it is kept as it is.
    //   3. Sort the cells kept and replace four siblings by their parent
    //      while the parent's level is at least min_level.
    //   Allocation failures (and an unreasonable amount of work) return
    //   HS_ERR_NOMEM; more cells than capacity, HS_ERR_SPACE.
    (void)rect; (void)options; (void)cells; (void)capacity; (void)count;
    return HS_ERR_TODO;
}
