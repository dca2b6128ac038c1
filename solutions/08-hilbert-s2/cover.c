/* cover.c: a set of cells whose union contains a latitude-longitude
 * rectangle, from coarse to fine (chapter section 8). */
#include "s2cell.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "s2face.h"

#define HS_PI 3.14159265358979323846

// BEGIN SOLUTION
/* Radians of a latitude or longitude in degrees, as hs_latlng_to_point
 * computes them, so that the rectangle's edges are the points' own. */
#define RADIANS(degrees) ((HS_PI / 180) * (degrees))

/* The margin, in radians of arc, by which a cell's bound is widened: far
 * more than the rounding errors (a few 1e-16) of the bound's vertices and
 * of the path from a point to its leaf, far less than a leaf (1.5e-9). */
static const double MARGIN = 1e-12;

/* The most cells the coverer holds at once (32 MB): beyond, HS_ERR_NOMEM
 * after seconds rather than hours of work (a face has 10^12 cells at
 * level 20). */
enum { MAX_WORK_CELLS = 1 << 22 };

/* A closed latitude interval and a longitude interval, in radians. The
 * longitudes run east from lng_lo to lng_hi: through +-pi when lng_lo >
 * lng_hi; all of them when full. */
typedef struct {
    double lat_lo, lat_hi, lng_lo, lng_hi;
    int full;
} bound;

/* The rectangle in radians, lng_lo <= lng_hi (it never wraps). */
typedef struct {
    double lat_lo, lat_hi, lng_lo, lng_hi;
    int all_longitudes;
} radian_rect;

static double min_of(const double *x, int n)
{
    double m = x[0];
    for (int k = 1; k < n; k++)
        m = x[k] < m ? x[k] : m;
    return m;
}

static double max_of(const double *x, int n)
{
    double m = x[0];
    for (int k = 1; k < n; k++)
        m = x[k] > m ? x[k] : m;
    return m;
}

/* Widens b by MARGIN of arc on every side: in longitude that is MARGIN /
 * cos(latitude) at the bound's latitude farthest from the equator, and a
 * bound that reaches a pole has every longitude. */
static void widen(bound *b)
{
    const double pole = RADIANS(90.0);
    b->lat_lo = fmax(b->lat_lo - MARGIN, -pole);
    b->lat_hi = fmin(b->lat_hi + MARGIN, pole);
    double farthest = fmax(fabs(b->lat_lo), fabs(b->lat_hi));
    if (farthest >= pole || b->full) {
        b->full = 1;
        return;
    }
    double margin = MARGIN / cos(farthest), length = b->lng_hi - b->lng_lo;
    if (length + 2 * margin >= 2 * HS_PI) {
        b->full = 1;
        return;
    }
    b->lng_lo -= margin;
    b->lng_hi += margin;
    if (b->lng_lo < -HS_PI)
        b->lng_lo += 2 * HS_PI;
    if (b->lng_hi > HS_PI)
        b->lng_hi -= 2 * HS_PI;
}

/* The bound of a whole face: the four around the equator reach +-45 degrees
 * at the middles of their top and bottom edges and span 90 degrees of
 * longitude; the polar ones reach down to the latitude of the cube's
 * corners, asin(1 / sqrt 3), and have every longitude. */
static bound face_bound(int face)
{
    static const double centre[6] = {0, 0.5, 0, 1, -0.5, 0}; /* times pi */
    double corner = asin(sqrt(1.0 / 3));
    bound b = {-HS_PI / 4, HS_PI / 4, centre[face] * HS_PI - HS_PI / 4,
               centre[face] * HS_PI + HS_PI / 4, 0};
    if (face == 2 || face == 5) {
        b.lat_lo = face == 2 ? corner : -HS_PI / 2;
        b.lat_hi = face == 2 ? HS_PI / 2 : -corner;
        b.full = 1;
    }
    return b;
}

/* The bound of a cell below level 0. It lies in one quadrant of its face,
 * where latitude and longitude are monotonic in u and in v (on the
 * equatorial faces latitude grows with |v| and falls with |u|, and
 * longitude depends on one coordinate only; on the polar faces latitude
 * falls with the distance from the face's centre and longitude is the angle
 * around it): their extremes are at the four vertices. Longitudes are taken
 * as offsets from the first vertex's, in (-pi, pi], since a cell spans less
 * than pi. */
static bound cell_bound(uint64_t cell, int level)
{
    int face, orientation;
    uint32_t i, j;
    hs_cell_to_face_ij(cell, &face, &i, &j, &orientation);
    uint32_t size = (uint32_t)1 << (HS_MAX_LEVEL - level);
    uint32_t i_lo = i & ~(size - 1), j_lo = j & ~(size - 1);
    const double leaf = 1.0 / 1073741824.0;
    double u[2] = {hs_st_to_uv(leaf * i_lo), hs_st_to_uv(leaf * (i_lo + size))};
    double v[2] = {hs_st_to_uv(leaf * j_lo), hs_st_to_uv(leaf * (j_lo + size))};
    double lat[4], lng[4];
    for (int k = 0; k < 4; k++) {
        double p[3];
        hs_face_uv_to_xyz(face, u[k >> 1], v[k & 1], p);
        lat[k] = atan2(p[2], sqrt(p[0] * p[0] + p[1] * p[1]));
        lng[k] = atan2(p[1], p[0]);
    }
    double offset[4];
    for (int k = 0; k < 4; k++)
        offset[k] = remainder(lng[k] - lng[0], 2 * HS_PI);
    bound b = {min_of(lat, 4), max_of(lat, 4), lng[0] + min_of(offset, 4),
               lng[0] + max_of(offset, 4), 0};
    return b;
}

static bound widened_bound(uint64_t cell, int level)
{
    bound b = level == 0 ? face_bound((int)(cell >> 61)) : cell_bound(cell, level);
    widen(&b);
    return b;
}

static int may_intersect(const radian_rect *r, const bound *b)
{
    if (b->lat_lo > r->lat_hi || b->lat_hi < r->lat_lo)
        return 0;
    if (b->full)
        return 1;
    if (b->lng_lo <= b->lng_hi)
        return b->lng_lo <= r->lng_hi && r->lng_lo <= b->lng_hi;
    return r->lng_hi >= b->lng_lo || r->lng_lo <= b->lng_hi;
}

static int is_inside(const radian_rect *r, const bound *b)
{
    if (b->lat_lo < r->lat_lo || b->lat_hi > r->lat_hi)
        return 0;
    if (r->all_longitudes)
        return 1;
    return !b->full && b->lng_lo <= b->lng_hi && r->lng_lo <= b->lng_lo &&
           b->lng_hi <= r->lng_hi;
}

/* A growing array of cell ids. */
typedef struct {
    uint64_t *ids;
    size_t count, capacity;
} cell_list;

static int push(cell_list *list, uint64_t id)
{
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? 2 * list->capacity : 64;
        uint64_t *ids = realloc(list->ids, capacity * sizeof *ids);
        if (!ids)
            return 0;
        list->ids = ids;
        list->capacity = capacity;
    }
    list->ids[list->count++] = id;
    return 1;
}

static int level_of(uint64_t cell)
{
    int level;
    hs_cell_level(cell, &level);
    return level;
}

/* A cell that is kept as it is: inside the rectangle or at max_level (and
 * not above min_level). */
static int is_final(const radian_rect *r, const hs_cover_options *options, const bound *b,
                    int level)
{
    return level >= options->min_level && (level == options->max_level || is_inside(r, b));
}

/* The children of cell whose bound meets the rectangle: their number, and
 * in *finals how many of them would be kept as they are. */
static int meeting_children(const radian_rect *r, const hs_cover_options *options, uint64_t cell,
                            int level, uint64_t kids[4], int *finals)
{
    uint64_t children[4];
    int n = 0;
    hs_cell_children(cell, children);
    *finals = 0;
    for (int k = 0; k < 4; k++) {
        bound b = widened_bound(children[k], level + 1);
        if (may_intersect(r, &b)) {
            kids[n++] = children[k];
            *finals += is_final(r, options, &b, level + 1);
        }
    }
    return n;
}

/* The candidates, level by level (a first-in first-out queue), the cells
 * that stay into result. A candidate inside the rectangle or at max_level
 * stays, and so does one whose four children would all stay (they would
 * be merged back into it); one above min_level is always split; any other
 * is split into the children that meet the rectangle if the cells kept
 * plus the candidates waiting plus those children fit in max_cells, and
 * stays otherwise. Returns 0 when out of memory. */
static int collect(const radian_rect *r, const hs_cover_options *options, cell_list *result)
{
    cell_list queue = {0};
    size_t head = 0;
    int ok = 1;
    for (uint64_t face = 0; face < 6 && ok; face++) {
        uint64_t id = face << 61 | (uint64_t)1 << 60;
        bound b = widened_bound(id, 0);
        if (may_intersect(r, &b))
            ok = push(&queue, id);
    }
    while (ok && head < queue.count) {
        uint64_t cell = queue.ids[head++], kids[4];
        int level = level_of(cell), finals;
        bound b = widened_bound(cell, level);
        if (is_final(r, options, &b, level)) {
            ok = push(result, cell);
            continue;
        }
        size_t n = (size_t)meeting_children(r, options, cell, level, kids, &finals);
        size_t waiting = queue.count - head;
        if (level >= options->min_level &&
            (finals == 4 || result->count + waiting + n > options->max_cells)) {
            ok = push(result, cell);
        } else {
            if (head > queue.count / 2) { /* drop what was processed */
                memmove(queue.ids, queue.ids + head, waiting * sizeof *queue.ids);
                queue.count = waiting;
                head = 0;
            }
            for (size_t k = 0; k < n && ok; k++)
                ok = push(&queue, kids[k]);
        }
        ok = ok && result->count + queue.count - head <= MAX_WORK_CELLS;
    }
    free(queue.ids);
    return ok;
}

static int compare_ids(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* 1 when cell is at level and a child of parent. */
static int is_child(uint64_t cell, int level, uint64_t parent)
{
    uint64_t up;
    return level_of(cell) == level && hs_cell_parent(cell, level - 1, &up) == HS_OK &&
           up == parent;
}

/* Sorts the cells (disjoint) and replaces every four siblings by their
 * parent while the parent's level is at least min_level: returns the new
 * count. A stack: each cell joins the three before it if they are its
 * siblings (sorted and distinct, they are then the four children), and the
 * parent may complete a set in turn. */
static size_t merge_siblings(uint64_t *ids, size_t count, int min_level)
{
    qsort(ids, count, sizeof *ids, compare_ids);
    size_t top = 0;
    for (size_t k = 0; k < count; k++) {
        uint64_t id = ids[k], parent;
        int level = level_of(id);
        while (top >= 3 && level > min_level) {
            hs_cell_parent(id, level - 1, &parent);
            if (!is_child(ids[top - 3], level, parent) || !is_child(ids[top - 2], level, parent) ||
                !is_child(ids[top - 1], level, parent))
                break;
            id = parent;
            level--;
            top -= 3;
        }
        ids[top++] = id;
    }
    return top;
}

static hs_status check_cover_args(const hs_rect *rect, const hs_cover_options *options,
                                  const uint64_t *cells, size_t capacity, const size_t *count)
{
    if (!rect || !options || !count || (!cells && capacity > 0))
        return HS_ERR_ARG;
    if (!isfinite(rect->lat_lo) || !isfinite(rect->lat_hi) || !isfinite(rect->lng_lo) ||
        !isfinite(rect->lng_hi))
        return HS_ERR_NAN;
    if (!(-90 <= rect->lat_lo && rect->lat_lo <= rect->lat_hi && rect->lat_hi <= 90) ||
        !(-180 <= rect->lng_lo && rect->lng_lo <= rect->lng_hi && rect->lng_hi <= 180))
        return HS_ERR_ARG;
    if (options->min_level < 0 || options->min_level > options->max_level ||
        options->max_level > HS_MAX_LEVEL || options->max_cells < 1)
        return HS_ERR_ARG;
    return HS_OK;
}

// END SOLUTION
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
    // STUB: (void)rect; (void)options; (void)cells; (void)capacity; (void)count;
    // STUB: return HS_ERR_TODO;
    // BEGIN SOLUTION
    hs_status status = check_cover_args(rect, options, cells, capacity, count);
    if (status != HS_OK)
        return status;
    radian_rect r = {RADIANS(rect->lat_lo), RADIANS(rect->lat_hi), RADIANS(rect->lng_lo),
                     RADIANS(rect->lng_hi), rect->lng_lo == -180 && rect->lng_hi == 180};
    cell_list result = {0};
    if (!collect(&r, options, &result)) {
        free(result.ids);
        return HS_ERR_NOMEM;
    }
    *count = merge_siblings(result.ids, result.count, options->min_level);
    status = *count > capacity ? HS_ERR_SPACE : HS_OK;
    if (status == HS_OK && *count > 0)
        memcpy(cells, result.ids, *count * sizeof *cells);
    free(result.ids);
    return status;
    // END SOLUTION
}
