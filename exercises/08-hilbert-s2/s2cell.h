/* s2cell.h: Lesson 08, Hilbert curves and S2 cells.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/08-hilbert-s2/ and the reference in solutions/08-hilbert-s2/
 * implement exactly these functions; lessons/08-hilbert-s2.md explains them.
 *
 * Conventions (as in every lesson): the caller owns all memory, inputs are
 * never modified, functions that can fail return an hs_status and write
 * their results through pointers.
 *
 * Cells are Google S2's, bit for bit (current S2: the rounding of ST -> IJ
 * is floor, section 4 of the chapter). A cell id is a uint64_t: 3 face bits,
 * then two bits per level of the cell's position on the face's Hilbert
 * curve, then a 1, then zeros; the id 0 is "no cell". Levels run from 0
 * (a whole face) to HS_MAX_LEVEL (leaves, about 1 cm across). Angles are in
 * degrees unless a name says otherwise.
 */
#ifndef S2CELL_H
#define S2CELL_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    HS_OK = 0,
    HS_ERR_TODO,   /* not implemented yet (the skeleton's placeholder) */
    HS_ERR_ARG,    /* a NULL pointer, an invalid cell id, a level or order out of range */
    HS_ERR_NAN,    /* a NaN or an infinity in the input */
    HS_ERR_NOMEM,  /* out of memory */
    HS_ERR_FORMAT, /* a malformed token */
    HS_ERR_SPACE,  /* an output array is too small (the size needed is reported) */
} hs_status;

/* A short English description of a status. */
const char *hs_status_str(hs_status status);

#define HS_MAX_LEVEL 30
#define HS_MAX_ORDER 31

/* ---- Exercise 1: the Hilbert curve (section 2) -------------------------- */

/* The Hilbert curve of order n fills the 2^n x 2^n grid, visiting every cell
 * once; the order-1 curve visits (0,0), (0,1), (1,1), (1,0) (x first), and
 * the curve of order n starts at (0,0) and ends at (2^n - 1, 0). These are
 * its two directions: position d (0 <= d < 4^n) to (x, y), and back.
 * Iterative, O(n). HS_ERR_ARG for an order outside 1..HS_MAX_ORDER, d,
 * x or y out of range, NULL pointers. */
hs_status hs_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x, uint32_t *y);
hs_status hs_hilbert_xy2d(unsigned order, uint32_t x, uint32_t y, uint64_t *d);

/* ---- Exercise 2: from latitude and longitude to a leaf cell (section 4) - */

/* The unit vector of a latitude and longitude, in degrees, exactly as S2
 * computes it: angles times (pi / 180), then (cos lng cos lat, sin lng
 * cos lat, sin lat) with libm's sin and cos. No wrapping: lng = 180 and
 * lng = -180 give points 2.4e-16 apart. HS_ERR_NAN for non-finite input. */
hs_status hs_latlng_to_point(double lat, double lng, double point[3]);

/* The cube face (0..5: +x, +y, +z, -x, -y, -z) that point (not necessarily
 * unit length) projects onto, the axis of its largest |component| (ties to
 * the higher axis), and its (u, v) in [-1, 1]^2 on that face.
 * HS_ERR_ARG for the zero vector; HS_ERR_NAN. */
hs_status hs_point_to_face_uv(const double point[3], int *face, double *u, double *v);

/* The quadratic transform and its inverse, u in [-1, 1] <-> s in [0, 1]:
 * s = sqrt(1 + 3u) / 2 for u >= 0, 1 - sqrt(1 - 3u) / 2 otherwise;
 * u = (4 s^2 - 1) / 3 for s >= 1/2, (1 - 4 (1 - s)^2) / 3 otherwise,
 * each evaluated exactly in the order S2 uses (the chapter gives it). */
double hs_uv_to_st(double u);
double hs_st_to_uv(double s);

/* The leaf coordinate of s: 0 for s <= 0 or NaN, otherwise
 * min(floor(2^30 s), 2^30 - 1). */
uint32_t hs_st_to_ij(double s);

/* The leaf cell at (i, j) (each < 2^30) on face, by the Hilbert curve of
 * that face (the chapter gives S2's orientation rules and tables).
 * HS_ERR_ARG for a face outside 0..5 or i, j out of range. */
hs_status hs_face_ij_to_cell(int face, uint32_t i, uint32_t j, uint64_t *cell);

/* The other direction: face, (i, j) and the Hilbert orientation (0..3) of
 * a valid cell (for a cell above the leaves, the leaf at its centre as S2
 * chooses it). HS_ERR_ARG for an invalid cell. */
hs_status hs_cell_to_face_ij(uint64_t cell, int *face, uint32_t *i, uint32_t *j,
                             int *orientation);

/* The leaf cell of a point, and of a latitude and longitude: the four steps
 * above. Bit for bit S2's S2CellId(S2Point) and S2CellId(S2LatLng). */
hs_status hs_point_to_cell(const double point[3], uint64_t *cell);
hs_status hs_latlng_to_cell(double lat, double lng, uint64_t *cell);

/* The same for n points at once (lat, lng, cells: n each), the fast path
 * the benchmark measures. HS_ERR_NAN at the first non-finite pair, with
 * the cells before it written. */
hs_status hs_latlng_to_cells(const double *lat, const double *lng, size_t n, uint64_t *cells);
/* hs_point_to_cell for n points given as xyz triples (points: 3n doubles,
 * cells: n), the fast path for unit points. At the first point without a face,
 * hs_point_to_cell's status (HS_ERR_NAN or HS_ERR_ARG), with the cells
 * before it written. */
hs_status hs_points_to_cells(const double *points, size_t n, uint64_t *cells);

/* ---- Exercise 3: the hierarchy in the bits (section 5) ------------------ */

/* 1 when cell is a valid id: face < 6 and the lowest 1 bit at an even
 * position (a level 0..30); 0 otherwise. */
int hs_cell_is_valid(uint64_t cell);

/* Each of these: HS_ERR_ARG for an invalid cell or a level out of range. */
hs_status hs_cell_level(uint64_t cell, int *level);
/* The ancestor at level (0 <= level <= the cell's level; its own level is itself). */
hs_status hs_cell_parent(uint64_t cell, int level, uint64_t *parent);
/* The four children, in Hilbert order (HS_ERR_ARG for a leaf). */
hs_status hs_cell_children(uint64_t cell, uint64_t children[4]);
/* The first and last leaf inside the cell: its descendants are exactly the
 * valid ids between them. */
hs_status hs_cell_range(uint64_t cell, uint64_t *range_min, uint64_t *range_max);
/* *result = 1 if a contains b (every leaf of b is a leaf of a), else 0. */
hs_status hs_cell_contains(uint64_t a, uint64_t b, int *result);
/* *result = 1 if a and b share a leaf (one contains the other), else 0. */
hs_status hs_cell_intersects(uint64_t a, uint64_t b, int *result);

/* ---- Exercise 4: tokens (section 6) ------------------------------------ */

/* The token of a cell: its id in lowercase hex without the trailing zero
 * digits (at most 16 characters, leading zeros kept), "X" for the id 0.
 * token receives it NUL-terminated (17 bytes). Any uint64_t has a token. */
hs_status hs_cell_to_token(uint64_t cell, char token[17]);

/* The id of a token of len bytes (not NUL-terminated): 1 to 16 hex digits,
 * either case, padded with zeros on the right; "X" (or "x") is the id 0.
 * HS_ERR_FORMAT for anything else (an empty token, 17 digits, a space). */
hs_status hs_token_to_cell(const char *token, size_t len, uint64_t *cell);

/* ---- Exercise 5: edge neighbours (section 7) --------------------------- */

/* The four cells of the same level that share an edge with cell, in the
 * order down (j - 1), right (i + 1), up (j + 1), left (i - 1) in the
 * cell's own face coordinates; across a cube edge the neighbour lies on the
 * adjacent face. HS_ERR_ARG for an invalid cell. */
hs_status hs_cell_edge_neighbors(uint64_t cell, uint64_t neighbors[4]);

/* ---- Exercise 6: covering a rectangle (section 8) ---------------------- */

typedef struct {
    double lat_lo, lat_hi; /* degrees, -90 <= lat_lo <= lat_hi <= 90 */
    double lng_lo, lng_hi; /* degrees, -180 <= lng_lo <= lng_hi <= 180 */
} hs_rect;

typedef struct {
    int min_level, max_level; /* 0 <= min_level <= max_level <= 30 */
    size_t max_cells;         /* >= 1; exceeded only when min_level forces more cells */
} hs_cover_options;

/* A set of cells whose union contains every point of rect: each cell's
 * level between min_level and max_level, at most max_cells of them unless
 * min_level forces more, none containing another, sorted by id, and no
 * four siblings (they would be replaced by their parent, unless that would
 * go below min_level). Coarse to fine, as the chapter explains: start from
 * the face cells that may meet the rectangle, subdivide the cells that meet
 * it but are not inside it, the largest first, while the budget allows.
 * *count receives the number of cells; HS_ERR_SPACE with *count set when
 * capacity is too small. HS_ERR_ARG for NULL pointers, a rectangle or
 * options out of range; HS_ERR_NAN; HS_ERR_NOMEM. */
hs_status hs_cover_rect(const hs_rect *rect, const hs_cover_options *options, uint64_t *cells,
                        size_t capacity, size_t *count);

#endif
