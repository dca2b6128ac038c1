/* demo.c: computes every number and figure of lesson 08 from the solution.
 *
 *     build/solutions/opt/bin/demo-08-hilbert-s2 OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it) and OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside
 * this file). Every cell id, every (i, j) and every (u, v) of a cell comes
 * from the lesson's API (s2cell.h); sphere.c adds the geometry the API does
 * not have: cell corners, spherical areas.
 *
 * With DEMO_QUICK=1 in the environment the long loops (areas down to level
 * 12, the rounding count on 10^7 points, the locality measurement at order
 * 10, the points sampled in the coverings) run smaller: every code path
 * still runs, fast enough for Valgrind, and the numbers written are not the
 * chapter's. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "../demo.h"
#include "s2cell.h"
#include "s2face.h"
#include "sphere.h"

/* Set once by main from DEMO_QUICK: shorten the long loops. */
static int quick;

void check(hs_status status, const char *what)
{
    if (status != HS_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, hs_status_str(status));
        exit(1);
    }
}

void *allocate(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return p;
}

static int level_of(uint64_t cell)
{
    int level;
    check(hs_cell_level(cell, &level), "hs_cell_level");
    return level;
}

static const char *token_of(uint64_t cell, char token[17])
{
    check(hs_cell_to_token(cell, token), "hs_cell_to_token");
    return token;
}

/* S2's debug string of a cell: the face, a slash, and the child position
 * (0..3) chosen at each level, read from the id's bits. */
static const char *debug_string(uint64_t cell, char text[40])
{
    int level = level_of(cell), n = 0;
    n += sprintf(text, "%d/", (int)(cell >> 61));
    for (int l = 1; l <= level; l++)
        text[n++] = (char)('0' + ((cell >> (2 * (30 - l) + 1)) & 3));
    text[n] = 0;
    return text;
}

/* ---- Section 2: the Hilbert curve ---------------------------------------- */

/* hilbert.dat: the curves of orders 1 to 6, one gnuplot index each, cell
 * centres scaled to the unit square. */
static void hilbert_curves(void)
{
    FILE *f = open_output("hilbert.dat");
    fprintf(f, "# Hilbert curves of orders 1..6 (one index per order): x y of each cell's centre\n"
               "# in the unit square, in curve order, and the position d\n");
    for (unsigned order = 1; order <= 6; order++) {
        uint64_t cells = (uint64_t)1 << (2 * order);
        double side = (double)((uint32_t)1 << order);
        for (uint64_t d = 0; d < cells; d++) {
            uint32_t x, y;
            check(hs_hilbert_d2xy(order, d, &x, &y), "hs_hilbert_d2xy");
            fprintf(f, "%.6f %.6f %" PRIu64 "\n", (x + 0.5) / side, (y + 0.5) / side, d);
        }
        fprintf(f, "\n\n");
    }
    close_output(f);
}

/* hilbert.txt: the position d of every cell for the orders 1 to 3, drawn
 * as the grid itself (y up), and the order-3 curve's turn into quadrants. */
static void hilbert_tables(void)
{
    FILE *f = open_output("hilbert.txt");
    for (unsigned order = 1; order <= 3; order++) {
        uint32_t side = (uint32_t)1 << order;
        fprintf(f, "order %u: position d of the cell at (x, y), x to the right, y up\n", order);
        for (uint32_t y = side; y-- > 0;) {
            fprintf(f, "  y=%u |", y);
            for (uint32_t x = 0; x < side; x++) {
                uint64_t d;
                check(hs_hilbert_xy2d(order, x, y, &d), "hs_hilbert_xy2d");
                fprintf(f, " %2" PRIu64, d);
            }
            fprintf(f, "\n");
        }
        fprintf(f, "        +");
        for (uint32_t x = 0; x < side; x++)
            fprintf(f, "---");
        fprintf(f, "\n         ");
        for (uint32_t x = 0; x < side; x++)
            fprintf(f, " x%u", x);
        fprintf(f, "\n\n");
    }
    uint32_t x, y;
    const unsigned order = 5;
    const uint64_t d = 712;
    char digits[HS_MAX_ORDER + 1];
    for (unsigned k = 0; k < order; k++)
        digits[k] = (char)('0' + ((d >> (2 * (order - 1 - k))) & 3));
    digits[order] = 0;
    check(hs_hilbert_d2xy(order, d, &x, &y), "hs_hilbert_d2xy");
    fprintf(f, "order %u: d = %" PRIu64 " = %s in base 4 -> (x, y) = (%u, %u)\n", order, d, digits, x, y);
    close_output(f);
}

/* ---- Section 3: locality ------------------------------------------------- */

/* Three ways to number the cells of a side x side grid (side = 2^order). */
typedef enum { HILBERT, Z_ORDER, ROW_MAJOR } ordering;
static const char *ordering_names[3] = {"Hilbert", "Z-order", "row-major"};

/* Z-order: the bits of x and y interleaved, x's in the higher place. */
static uint64_t interleave(uint32_t x, uint32_t y)
{
    uint64_t d = 0;
    for (int k = 31; k >= 0; k--)
        d = d << 2 | ((uint64_t)((x >> k) & 1) << 1) | ((y >> k) & 1);
    return d;
}

static uint64_t position_of(ordering o, unsigned order, uint32_t x, uint32_t y)
{
    uint64_t d;
    switch (o) {
    case HILBERT: check(hs_hilbert_xy2d(order, x, y, &d), "hs_hilbert_xy2d"); return d;
    case Z_ORDER: return interleave(x, y);
    default: return (uint64_t)y << order | x;
    }
}

/* Every cell's position on the curve, and the cell at every position. */
typedef struct {
    unsigned order;
    uint32_t side;
    uint64_t *d;          /* d[y * side + x] */
    uint32_t *x, *y;      /* the cell at position d */
} numbering;

static numbering number_cells(ordering o, unsigned order)
{
    numbering n = {order, (uint32_t)1 << order, NULL, NULL, NULL};
    size_t cells = (size_t)n.side * n.side;
    n.d = allocate(cells, sizeof *n.d);
    n.x = allocate(cells, sizeof *n.x);
    n.y = allocate(cells, sizeof *n.y);
    for (uint32_t y = 0; y < n.side; y++)
        for (uint32_t x = 0; x < n.side; x++) {
            uint64_t d = position_of(o, order, x, y);
            n.d[(size_t)y * n.side + x] = d;
            n.x[d] = x;
            n.y[d] = y;
        }
    return n;
}

static void free_numbering(numbering *n)
{
    free(n->d);
    free(n->x);
    free(n->y);
}

static double plane_distance(const numbering *n, uint64_t a, uint64_t b)
{
    return hypot((double)n->x[a] - n->x[b], (double)n->y[a] - n->y[b]);
}

static uint64_t curve_distance(const numbering *n, uint32_t x0, uint32_t y0, uint32_t x1,
                               uint32_t y1)
{
    uint64_t a = n->d[(size_t)y0 * n->side + x0], b = n->d[(size_t)y1 * n->side + x1];
    return a > b ? a - b : b - a;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* One line of locality.txt: both directions of the measurement. */
static void measure_locality(FILE *f, const numbering *n, ordering o)
{
    uint64_t cells = (uint64_t)n->side * n->side;
    double sum = 0, worst = 0;
    for (uint64_t d = 0; d + 1 < cells; d++) {
        double distance = plane_distance(n, d, d + 1);
        sum += distance;
        worst = fmax(worst, distance);
    }
    size_t pairs = 2 * (size_t)n->side * (n->side - 1), count = 0, far = 0;
    uint64_t *gaps = allocate(pairs, sizeof *gaps);
    for (uint32_t y = 0; y < n->side; y++)
        for (uint32_t x = 0; x < n->side; x++) {
            if (x + 1 < n->side)
                gaps[count++] = curve_distance(n, x, y, x + 1, y);
            if (y + 1 < n->side)
                gaps[count++] = curve_distance(n, x, y, x, y + 1);
        }
    double gap_sum = 0;
    for (size_t k = 0; k < pairs; k++) {
        far += gaps[k] > n->side;
        gap_sum += (double)gaps[k];
    }
    qsort(gaps, pairs, sizeof *gaps, compare_u64);
    fprintf(f, "%-10s %6.3f %6.0f   %8.0f %6" PRIu64 " %6" PRIu64 " %7" PRIu64 " %6.2f%%\n",
            ordering_names[o], sum / (double)(cells - 1), worst, gap_sum / (double)pairs,
            gaps[pairs / 2 - 1], gaps[pairs - pairs / 100], gaps[pairs - 1],
            100.0 * (double)far / (double)pairs);
    free(gaps);
}

/* Random pairs of cells for the scatter plot: half at a curve distance,
 * half at a plane offset, each of a log-uniform size (seeded alike for the
 * three orderings). Rows: plane distance, curve distance, kind (0: picked
 * on the curve, 1: picked in the plane). */
static void sample_pairs(const numbering *n, size_t pairs, double *rows)
{
    rng r;
    rng_seed(&r, 20261201);
    uint64_t cells = (uint64_t)n->side * n->side;
    for (size_t k = 0; k < pairs; k++) {
        double *row = rows + 3 * k;
        if (k % 2 == 0) {
            uint64_t gap = (uint64_t)exp(rng_uniform(&r) * log((double)cells / 2));
            uint64_t a = rng_below(&r, cells - gap);
            row[0] = plane_distance(n, a, a + gap);
            row[1] = (double)gap;
            row[2] = 0;
            continue;
        }
        for (;;) {
            double radius = exp(rng_uniform(&r) * log(n->side / 2.0));
            double angle = rng_uniform(&r) * 2 * 3.14159265358979323846;
            int64_t x0 = (int64_t)rng_below(&r, n->side), y0 = (int64_t)rng_below(&r, n->side);
            int64_t x1 = x0 + llround(radius * cos(angle)), y1 = y0 + llround(radius * sin(angle));
            if (x1 < 0 || y1 < 0 || x1 >= n->side || y1 >= n->side || (x1 == x0 && y1 == y0))
                continue;
            row[0] = hypot((double)(x1 - x0), (double)(y1 - y0));
            row[1] = (double)curve_distance(n, (uint32_t)x0, (uint32_t)y0, (uint32_t)x1,
                                            (uint32_t)y1);
            row[2] = 1;
            break;
        }
    }
}

/* locality.txt and locality-<ordering>.dat. */
static void locality(void)
{
    const unsigned order = quick ? 6 : 10;
    const size_t pairs = 4000;
    static const char *data_names[3] = {"locality-hilbert.dat", "locality-zorder.dat",
                                        "locality-rowmajor.dat"};
    FILE *f = open_output("locality.txt");
    uint32_t side = (uint32_t)1 << order;
    fprintf(f, "a %u x %u grid (order %u, %u cells) numbered three ways\n", side, side, order,
            side * side);
    fprintf(f, "           next on the curve:  side by side in the plane:\n"
               "           distance in plane   distance on the curve\n"
               "             mean    max           mean median    99%%     max  > %u\n", side);
    double *rows = allocate(3 * pairs, sizeof *rows);
    for (ordering o = HILBERT; o <= ROW_MAJOR; o++) {
        numbering n = number_cells(o, order);
        measure_locality(f, &n, o);
        sample_pairs(&n, pairs, rows);
        write_table(data_names[o], "plane distance, curve distance, kind (0: pair taken along the"
                    " curve, 1: in the plane)", pairs, 3, rows);
        free_numbering(&n);
    }
    free(rows);
    close_output(f);
}

/* ---- Section 4: from a point to a leaf cell ------------------------------ */

static void bits_of(uint64_t value, int count, char *text)
{
    for (int k = count - 1; k >= 0; k--)
        *text++ = (char)('0' + ((value >> k) & 1));
    *text = 0;
}

/* walk.txt: Porto Alegre's leaf cell, every step of the way. */
static void walk(void)
{
    const double lat = -30.0346, lng = -51.2177;
    static const char *face_names[6] = {"+x", "+y", "+z", "-x", "-y", "-z"};
    double p[3], u, v;
    int face;
    uint64_t leaf;
    check(hs_latlng_to_point(lat, lng, p), "hs_latlng_to_point");
    check(hs_point_to_face_uv(p, &face, &u, &v), "hs_point_to_face_uv");
    double s = hs_uv_to_st(u), t = hs_uv_to_st(v);
    uint32_t i = hs_st_to_ij(s), j = hs_st_to_ij(t);
    check(hs_face_ij_to_cell(face, i, j, &leaf), "hs_face_ij_to_cell");
    uint64_t direct;
    check(hs_latlng_to_cell(lat, lng, &direct), "hs_latlng_to_cell");

    FILE *f = open_output("walk.txt");
    fprintf(f, "lat, lng     %.4f, %.4f degrees (Porto Alegre)\n", lat, lng);
    fprintf(f, "point        (x, y, z) = (%.15f, %.15f, %.15f)\n", p[0], p[1], p[2]);
    fprintf(f, "face         %d (%s): |%c| is the largest component and %c %s 0\n", face,
            face_names[face], "xyz"[face % 3], "xyz"[face % 3], face < 3 ? ">" : "<");
    fprintf(f, "(u, v)       (%.15f, %.15f)\n", u, v);
    fprintf(f, "(s, t)       (%.15f, %.15f)\n", s, t);
    fprintf(f, "(i, j)       (%u, %u) = (floor(2^30 s), floor(2^30 t))\n", i, j);
    fprintf(f, "leaf id      0x%016" PRIx64 " = %" PRIu64 "%s\n", leaf, leaf,
            leaf == direct ? "" : " (hs_latlng_to_cell disagrees!)");
    char face_bits[4], pos_bits[61], text[40], token[17];
    bits_of(leaf >> 61, 3, face_bits);
    bits_of(leaf >> 1, 60, pos_bits);
    fprintf(f, "in binary    %s | ", face_bits);
    for (int k = 0; k < 60; k += 2)
        fprintf(f, "%.2s%s", pos_bits + k, k % 20 == 18 && k < 58 ? "\n             "
                                                   "      "
                                                              : " ");
    fprintf(f, "| %d\n", (int)(leaf & 1));
    fprintf(f, "             face | 30 positions on the face's Hilbert curve, 2 bits each"
               " | marker\n");
    fprintf(f, "positions    %s (S2's debug string: face/positions in base 4)\n",
            debug_string(leaf, text));
    fprintf(f, "level        %d (the lowest 1 is bit %d)\n", level_of(leaf),
            2 * (30 - level_of(leaf)));
    fprintf(f, "token        %s\n", token_of(leaf, token));
    for (int level = 20; level >= 5; level -= 5) {
        uint64_t parent;
        check(hs_cell_parent(leaf, level, &parent), "hs_cell_parent");
        fprintf(f, "level %2d     0x%016" PRIx64 " token %-10s %s\n", level, parent,
                token_of(parent, token), debug_string(parent, text));
    }
    close_output(f);
}

/* ---- Sections 5 and 6: the hierarchy in the bits, tokens ---------------- */

static const char *yes_no(int x)
{
    return x ? "yes" : "no";
}

/* hierarchy.txt: Porto Alegre's level-10 cell, its family and its range. */
static void hierarchy(void)
{
    uint64_t leaf, cell, parent, children[4], lo, hi, outside;
    check(hs_latlng_to_cell(-30.0346, -51.2177, &leaf), "hs_latlng_to_cell");
    check(hs_cell_parent(leaf, 10, &cell), "hs_cell_parent");
    check(hs_cell_parent(cell, 9, &parent), "hs_cell_parent");
    check(hs_cell_children(cell, children), "hs_cell_children");
    check(hs_cell_range(cell, &lo, &hi), "hs_cell_range");
    check(hs_latlng_to_cell(-30.0346, -51.0, &outside), "hs_latlng_to_cell");
    FILE *f = open_output("hierarchy.txt");
    char token[17], text[40];
    fprintf(f, "cell         0x%016" PRIx64 "  %-9s level %d\n", cell,
            debug_string(cell, text), level_of(cell));
    fprintf(f, "lowest 1 bit 0x%016" PRIx64 "  (bit %d = 2 (30 - 10))\n", cell & -cell,
            2 * (30 - level_of(cell)));
    fprintf(f, "parent       0x%016" PRIx64 "  %s\n", parent, debug_string(parent, text));
    for (int k = 0; k < 4; k++)
        fprintf(f, "child %d      0x%016" PRIx64 "  %s\n", k, children[k],
                debug_string(children[k], text));
    fprintf(f, "range_min    0x%016" PRIx64 "  (id - (lowest bit - 1))\n", lo);
    fprintf(f, "range_max    0x%016" PRIx64 "  (id + (lowest bit - 1))\n", hi);
    fprintf(f, "range_min + range_max == 2 id: %s\n", yes_no(lo + hi == 2 * cell));
    int contains;
    check(hs_cell_contains(cell, leaf, &contains), "hs_cell_contains");
    fprintf(f, "contains the leaf %s (lat -30.0346, lng -51.2177): %s\n", token_of(leaf, token),
            yes_no(contains));
    check(hs_cell_contains(cell, outside, &contains), "hs_cell_contains");
    fprintf(f, "contains the leaf %s (lat -30.0346, lng -51.0):    %s\n",
            token_of(outside, token), yes_no(contains));
    for (int k = 0; k < 4; k++) {
        check(hs_cell_contains(children[k], leaf, &contains), "hs_cell_contains");
        fprintf(f, "%s", k == 0 ? "children containing the first leaf:" : "");
        fprintf(f, " %d %s%s", k, yes_no(contains), k == 3 ? "\n" : ",");
    }
    close_output(f);
}

/* tokens.txt: a few cells, their tokens, and tokens read back. */
static void tokens(void)
{
    static const struct {
        const char *name;
        double lat, lng;
        int level;
    } places[] = {
        {"Porto Alegre", -30.0346, -51.2177, 30}, {"Porto Alegre", -30.0346, -51.2177, 10},
        {"New York", 40.7128, -74.0060, 30},       {"New York", 40.7128, -74.0060, 10},
        {"Rio de Janeiro", -22.9068, -43.1729, 10}, {"north pole", 90, 0, 0},
    };
    FILE *f = open_output("tokens.txt");
    char token[17];
    fprintf(f, "%-15s %5s  %-18s  %s\n", "cell of", "level", "id", "token");
    for (size_t k = 0; k < sizeof places / sizeof *places; k++) {
        uint64_t leaf, cell;
        check(hs_latlng_to_cell(places[k].lat, places[k].lng, &leaf), "hs_latlng_to_cell");
        check(hs_cell_parent(leaf, places[k].level, &cell), "hs_cell_parent");
        fprintf(f, "%-15s %5d  0x%016" PRIx64 "  %s\n", places[k].name, places[k].level, cell,
                token_of(cell, token));
    }
    fprintf(f, "%-15s %5s  0x%016" PRIx64 "  %s\n", "no cell", "", (uint64_t)0,
            token_of(0, token));
    static const char *inputs[] = {"89c25", "89C25", "X", "951979", "0", "89c25 ", "",
                                   "12345678901234567"};
    fprintf(f, "\ntoken read back     id\n");
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        uint64_t id;
        hs_status status = hs_token_to_cell(inputs[k], strlen(inputs[k]), &id);
        char quoted[24];
        snprintf(quoted, sizeof quoted, "\"%s\"", inputs[k]);
        if (status == HS_OK && hs_cell_is_valid(id))
            fprintf(f, "%-19s 0x%016" PRIx64 " level %d\n", quoted, id, level_of(id));
        else if (status == HS_OK)
            fprintf(f, "%-19s 0x%016" PRIx64 " (not a valid cell)\n", quoted, id);
        else
            fprintf(f, "%-19s %s\n", quoted, hs_status_str(status));
    }
    close_output(f);
}

/* ---- Sections 4 and 7: the six faces ------------------------------------ */

/* Where each face sits in the unfolded cube: a staircase in which every
 * face keeps its own (u, v) axes, u to the right and v up. Each face's u+
 * or v+ edge is the next face's u- or v- edge (faces 0-1, 2-3, 4-5 share
 * u, faces 1-2, 3-4 share v). */
static const int NET_X[6] = {0, 1, 1, 2, 2, 3}, NET_Y[6] = {0, 0, 1, 1, 2, 2};

static void net_position(int face, double u, double v, double *x, double *y)
{
    *x = NET_X[face] + (u + 1) / 2;
    *y = NET_Y[face] + (v + 1) / 2;
}

/* The (u, v) of a cell's centre, from the leaf hs_cell_to_face_ij gives. */
static void cell_centre_uv(uint64_t cell, int *face, double *u, double *v)
{
    cell_square c = square_of(cell);
    double half = c.size / 2.0, leaves = 1073741824.0;
    *face = c.face;
    *u = hs_st_to_uv((c.i_lo + half) / leaves);
    *v = hs_st_to_uv((c.j_lo + half) / leaves);
}

/* The 16 cells of level 2 of a face, in Hilbert order (children of children). */
static void level2_cells(int face, uint64_t cells[16])
{
    uint64_t children[4];
    check(hs_cell_children((uint64_t)face << 61 | (uint64_t)1 << 60, children), "hs_cell_children");
    for (int k = 0; k < 4; k++)
        check(hs_cell_children(children[k], cells + 4 * k), "hs_cell_children");
}

/* faces-grid.dat: the level-2 cell edges of every face (kind 0: the face's
 * edge, 1: level 1, 2: level 2), as segments. */
static void face_grid(void)
{
    FILE *f = open_output("faces-grid.dat");
    fprintf(f, "# level-2 cell edges in the unfolded cube: x y kind (0 face edge, 1 level 1,"
               " 2 level 2), one segment per block\n");
    for (int face = 0; face < 6; face++)
        for (int k = 0; k <= 4; k++) {
            double w = hs_st_to_uv(k / 4.0), x0, y0, x1, y1;
            int kind = k % 4 == 0 ? 0 : k == 2 ? 1 : 2;
            net_position(face, w, -1, &x0, &y0);
            net_position(face, w, 1, &x1, &y1);
            fprintf(f, "%.6f %.6f %d\n%.6f %.6f %d\n\n", x0, y0, kind, x1, y1, kind);
            net_position(face, -1, w, &x0, &y0);
            net_position(face, 1, w, &x1, &y1);
            fprintf(f, "%.6f %.6f %d\n%.6f %.6f %d\n\n", x0, y0, kind, x1, y1, kind);
        }
    close_output(f);
}

static int is_edge_neighbour(uint64_t a, uint64_t b)
{
    uint64_t around[4];
    check(hs_cell_edge_neighbors(a, around), "hs_cell_edge_neighbors");
    return around[0] == b || around[1] == b || around[2] == b || around[3] == b;
}

/* faces-path.dat and faces.txt: the 96 cells of level 2 in id order, the
 * centre of each in the unfolded cube, and whether each shares an edge with
 * the next one (the last with the first). */
static void face_paths(void)
{
    uint64_t cells[96];
    for (int face = 0; face < 6; face++)
        level2_cells(face, cells + 16 * face);
    FILE *f = open_output("faces-path.dat");
    fprintf(f, "# the 96 level-2 cells in id order: x y of the centre in the unfolded cube,"
               " face, position 0..15 on the face, orientation\n");
    for (int k = 0; k < 96; k++) {
        int face, orientation;
        uint32_t i, j;
        double u, v, x, y;
        cell_centre_uv(cells[k], &face, &u, &v);
        check(hs_cell_to_face_ij(cells[k], &face, &i, &j, &orientation), "hs_cell_to_face_ij");
        net_position(face, u, v, &x, &y);
        fprintf(f, "%.6f %.6f %d %d %d\n", x, y, face, k % 16, orientation);
    }
    close_output(f);

    FILE *t = open_output("faces.txt");
    fprintf(t, "face  first and last level-2 cell (token, debug string)  orientation of the face\n");
    size_t touching = 0;
    for (int face = 0; face < 6; face++) {
        char a[17], b[17], da[40], db[40];
        uint32_t i, j;
        int fc, orientation;
        uint64_t first = cells[16 * face], last = cells[16 * face + 15];
        check(hs_cell_to_face_ij((uint64_t)face << 61 | (uint64_t)1 << 60, &fc, &i, &j,
                                 &orientation), "hs_cell_to_face_ij");
        fprintf(t, "%3d   %-4s %-6s -> %-4s %-6s %22d\n", face, token_of(first, a),
                debug_string(first, da), token_of(last, b), debug_string(last, db), orientation);
    }
    for (int k = 0; k < 96; k++)
        touching += is_edge_neighbour(cells[k], cells[(k + 1) % 96]);
    fprintf(t, "consecutive level-2 cells sharing an edge: %zu of 96 (the last with the first"
               " included)\n", touching);
    close_output(t);
}

/* neighbours.txt: a cell in a corner of face 1 and its four edge neighbours. */
static void neighbours(void)
{
    static const char *sides[4] = {"down (j - 1)", "right (i + 1)", "up (j + 1)", "left (i - 1)"};
    uint64_t leaf, cell, around[4];
    check(hs_face_ij_to_cell(1, 0, 0, &leaf), "hs_face_ij_to_cell");
    check(hs_cell_parent(leaf, 3, &cell), "hs_cell_parent");
    check(hs_cell_edge_neighbors(cell, around), "hs_cell_edge_neighbors");
    FILE *f = open_output("neighbours.txt");
    char token[17], text[40];
    cell_square c = square_of(cell);
    fprintf(f, "cell %-5s %-6s face %d, level %d, i %10u..%10u, j %10u..%10u\n",
            token_of(cell, token), debug_string(cell, text), c.face, c.level, c.i_lo,
            c.i_lo + c.size - 1, c.j_lo, c.j_lo + c.size - 1);
    for (int k = 0; k < 4; k++) {
        c = square_of(around[k]);
        fprintf(f, "%-13s %-4s %-6s face %d, i %10u..%10u, j %10u..%10u\n", sides[k],
                token_of(around[k], token), debug_string(around[k], text), c.face, c.i_lo,
                c.i_lo + c.size - 1, c.j_lo, c.j_lo + c.size - 1);
    }
    close_output(f);
}

/* ---- Section 4: why the quadratic transform ------------------------------ */

/* Three ways to go from s in [0, 1] to u in [-1, 1]: S2 uses the third. */
typedef enum { LINEAR, TANGENT, QUADRATIC } projection;

static double project(projection p, double s)
{
    switch (p) {
    case LINEAR: return 2 * s - 1;
    case TANGENT: return tan(3.14159265358979323846 / 2 * s - 3.14159265358979323846 / 4);
    default: return hs_st_to_uv(s);
    }
}

/* One row of a face's cell corners, t fixed, as unit vectors. */
static void corner_row(projection p, const double *u, size_t n, double t, double *row)
{
    double v = project(p, t);
    for (size_t a = 0; a < n; a++) {
        double norm = sqrt(1 + u[a] * u[a] + v * v);
        row[3 * a] = 1 / norm;
        row[3 * a + 1] = u[a] / norm;
        row[3 * a + 2] = v / norm;
    }
}

typedef struct {
    double min, max, sum; /* steradians */
} area_range;

/* The smallest and largest area of the cells of a level under projection p.
 * The three projections are odd about the face's centre, so every face,
 * and every quadrant of a face, has the same cells up to symmetry: the
 * quadrant s, t >= 1/2 of face 0 is enough (the whole face at level 0).
 * sum: the area of the whole face, from the cells. */
static area_range level_areas(projection p, int level)
{
    size_t cells = level == 0 ? 1 : (size_t)1 << (level - 1);
    double start = level == 0 ? 0 : 0.5, step = 1.0 / (double)((size_t)1 << level);
    double *u = allocate(cells + 1, sizeof *u);
    double *below = allocate(3 * (cells + 1), sizeof *below);
    double *above = allocate(3 * (cells + 1), sizeof *above);
    for (size_t a = 0; a <= cells; a++)
        u[a] = project(p, start + (double)a * step);
    area_range r = {INFINITY, 0, 0};
    corner_row(p, u, cells + 1, start, below);
    for (size_t b = 0; b < cells; b++) {
        corner_row(p, u, cells + 1, start + (double)(b + 1) * step, above);
        for (size_t a = 0; a < cells; a++) {
            double area = quad_area(below + 3 * a, below + 3 * (a + 1), above + 3 * (a + 1),
                                    above + 3 * a);
            r.min = fmin(r.min, area);
            r.max = fmax(r.max, area);
            r.sum += area;
        }
        double *swap = below;
        below = above;
        above = swap;
    }
    r.sum *= level == 0 ? 1 : 4;
    free(u);
    free(below);
    free(above);
    return r;
}

/* areas.txt and areas.dat: cell areas per level for the three projections. */
static void areas(void)
{
    const int levels = quick ? 7 : 12;
    const double km2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM, face = 4 * 3.14159265358979323846 / 6;
    FILE *f = open_output("areas.txt");
    fprintf(f, "exact spherical areas of every cell of a level (Earth radius %.2f km)\n",
            EARTH_RADIUS_KM);
    fprintf(f, "        quadratic (S2): cell area km^2   max/min area ratio\n");
    fprintf(f, "level        min          max            linear  tangent  quadratic\n");
    double *rows = allocate(6 * (size_t)(levels + 1), sizeof *rows);
    double worst_sum = 0, ratio[3] = {0}, previous[3] = {0};
    for (int level = 0; level <= levels; level++) {
        area_range r[3];
        for (projection p = LINEAR; p <= QUADRATIC; p++) {
            r[p] = level_areas(p, level);
            worst_sum = fmax(worst_sum, fabs(r[p].sum - face) / face);
        }
        fprintf(f, "%5d  %11.5g  %11.5g    %12.4f %8.4f %10.4f\n", level, r[QUADRATIC].min * km2,
                r[QUADRATIC].max * km2, r[LINEAR].max / r[LINEAR].min,
                r[TANGENT].max / r[TANGENT].min, r[QUADRATIC].max / r[QUADRATIC].min);
        double *row = rows + 6 * level;
        row[0] = level;
        for (int p = 0; p < 3; p++) {
            previous[p] = ratio[p];
            ratio[p] = row[1 + p] = r[p].max / r[p].min;
        }
        row[4] = r[QUADRATIC].min * km2;
        row[5] = r[QUADRATIC].max * km2;
    }
    double leaf_mean = 4 * 3.14159265358979323846 * km2 / 6 / ldexp(1, 60);
    /* The ratio approaches its limit by half the distance each level. */
    fprintf(f, "deep levels, %2d + (%2d - %2d):            %12.4f %8.4f %10.4f\n", levels, levels,
            levels - 1, 2 * ratio[0] - previous[0], 2 * ratio[1] - previous[1],
            2 * ratio[2] - previous[2]);
    fprintf(f, "S2's kMaxArea / kMinArea (s2metrics.cc) %12.4f %8.4f %10.4f\n", 3 * sqrt(3),
            sqrt(2), 2.635799256963161491 / (8 * sqrt(2) / 9));
    fprintf(f, "S2's table in s2coords.h:               %12.3f %8.3f %10.3f\n", 5.2, 1.414, 2.082);
    fprintf(f, "the cells of a face add up to 4 pi / 6 to a relative %.0e\n", worst_sum);
    fprintf(f, "a leaf cell (level 30) covers %.2f cm^2 on average\n", leaf_mean * 1e10);
    write_table("areas.dat", "level, max/min area ratio (linear, tangent, quadratic),"
                " quadratic min and max area km^2", (size_t)levels + 1, 6, rows);
    free(rows);
    close_output(f);
}

/* ---- Section 4: S2 0.10's rounding ---------------------------------------- */

/* ST -> IJ as S2 rounded it until v0.11 (Debian's libs2 0.10 does):
 * FastIntRound(2^30 s - 0.5), which rounds halfway cases to even, clamped. */
static uint32_t old_st_to_ij(double s)
{
    double k = nearbyint(1073741824.0 * s - 0.5);
    return k < 0 ? 0 : k > 1073741823.0 ? 1073741823u : (uint32_t)k;
}

/* The leaf of p under the old rounding: the lesson's steps but one. */
static uint64_t old_leaf(const double p[3])
{
    int face;
    double u, v;
    uint64_t leaf;
    check(hs_point_to_face_uv(p, &face, &u, &v), "hs_point_to_face_uv");
    check(hs_face_ij_to_cell(face, old_st_to_ij(hs_uv_to_st(u)), old_st_to_ij(hs_uv_to_st(v)),
                             &leaf),
          "hs_face_ij_to_cell");
    return leaf;
}

typedef struct {
    size_t differ;
    double example[3]; /* the first point that differs */
    double lat, lng;   /* its latitude and longitude, when it has them */
} rounding_count;

static void compare_rounding(const double p[3], rounding_count *c)
{
    uint64_t leaf;
    check(hs_point_to_cell(p, &leaf), "hs_point_to_cell");
    if (leaf != old_leaf(p) && c->differ++ == 0)
        memcpy(c->example, p, sizeof c->example);
}

static void print_example(FILE *f, const double p[3])
{
    int face;
    double u, v;
    uint64_t leaf, old = old_leaf(p);
    char token[17];
    check(hs_point_to_face_uv(p, &face, &u, &v), "hs_point_to_face_uv");
    check(hs_point_to_cell(p, &leaf), "hs_point_to_cell");
    double st[2] = {hs_uv_to_st(u), hs_uv_to_st(v)};
    fprintf(f, "  point (%.17g, %.17g, %.17g), face %d\n", p[0], p[1], p[2], face);
    for (int k = 0; k < 2; k++)
        fprintf(f, "  %c = %.17g: 2^30 %c = %.17g, floor %u, old rounding %u\n", "st"[k], st[k],
                "st"[k], 1073741824.0 * st[k], hs_st_to_ij(st[k]), old_st_to_ij(st[k]));
    fprintf(f, "  leaf now %s, with S2 0.10's rounding ", token_of(leaf, token));
    fprintf(f, "%s\n", token_of(old, token));
}

/* rounding.txt: how often S2 0.10's ST -> IJ gives another leaf. */
static void rounding(void)
{
    const size_t points = quick ? 100000 : 10000000, corners = quick ? 10000 : 1000000;
    rng r;
    rng_seed(&r, 20261203);
    rounding_count random = {0}, on_edges = {0};
    for (size_t k = 0; k < points; k++) {
        double p[3];
        double lat = rng_range(&r, -90, 90), lng = rng_range(&r, -180, 180);
        check(hs_latlng_to_point(lat, lng, p), "hs_latlng_to_point");
        size_t before = random.differ;
        compare_rounding(p, &random);
        if (before == 0 && random.differ == 1)
            random.lat = lat, random.lng = lng;
    }
    /* Points on the corners of leaf cells: (s, t) = (i, j) / 2^30 exactly
     * before the projection, the unnormalised point on the cube's face,
     * whose (u, v) a division by +-1 gives back exactly. */
    for (size_t k = 0; k < corners; k++) {
        double p[3];
        int face = (int)rng_below(&r, 6);
        double s = (double)(rng_below(&r, 1073741823) + 1) / 1073741824.0;
        double t = (double)(rng_below(&r, 1073741823) + 1) / 1073741824.0;
        hs_face_uv_to_xyz(face, hs_st_to_uv(s), hs_st_to_uv(t), p);
        compare_rounding(p, &on_edges);
    }
    FILE *f = open_output("rounding.txt");
    fprintf(f, "S2 0.10: i = FastIntRound(2^30 s - 0.5), halfway cases to even; now: floor(2^30 s)\n");
    fprintf(f, "they differ only when 2^30 s is exactly an odd integer: for s in [1/2, 1), when\n"
               "the last 23 bits of its 52-bit fraction are 0 and the one before is 1, 1 in 2^24\n");
    fprintf(f, "%zu random lat/lng (uniform in degrees): %zu leaves differ\n", points,
            random.differ);
    fprintf(f, "%zu leaf-cell corners (i, j) / 2^30 on the cube: %zu leaves differ (%.1f%%)\n",
            corners, on_edges.differ, 100.0 * (double)on_edges.differ / (double)corners);
    if (random.differ) {
        fprintf(f, "first random point that differs: lat %.17g, lng %.17g\n", random.lat,
                random.lng);
        print_example(f, random.example);
    }
    if (on_edges.differ) {
        fprintf(f, "first corner that differs:\n");
        print_example(f, on_edges.example);
    }
    close_output(f);
}

/* ---- Section 8: covering a rectangle ------------------------------------- */

/* The seed's rectangle around Porto Alegre. */
static const hs_rect PORTO_ALEGRE = {-30.241701, -30.000003, -51.264871, -51.04618};

typedef struct {
    const char *title, *data;
    hs_cover_options options;
} covering_case;

static double cell_area(uint64_t cell)
{
    double corners[4][3];
    cell_corners(cell, corners);
    return quad_area(corners[0], corners[1], corners[2], corners[3]);
}

/* The cells as polygons, lng lat level, one block of 4 lines per cell (its
 * corners counterclockwise from (i_lo, j_lo)): what gnuplot's filledcurves
 * closed draws. */
static void write_cells(const char *name, const uint64_t *cells, size_t count)
{
    FILE *f = open_output(name);
    fprintf(f, "# one block per cell: lng lat (degrees) of its corners, level\n");
    for (size_t k = 0; k < count; k++) {
        double corners[4][3];
        cell_corners(cells[k], corners);
        for (int c = 0; c < 4; c++) {
            double lat, lng;
            unit_to_latlng(corners[c], &lat, &lng);
            fprintf(f, "%.6f %.6f %d\n", lng, lat, level_of(cells[k]));
        }
        fprintf(f, "\n");
    }
    close_output(f);
}

/* The number of level-`level` cells inside the cells (all at that level or
 * above). */
static uint64_t cells_at_level(const uint64_t *cells, size_t count, int level)
{
    uint64_t total = 0;
    for (size_t k = 0; k < count; k++)
        total += (uint64_t)1 << (2 * (level - level_of(cells[k])));
    return total;
}

/* How many of n random points of the rectangle have their leaf inside one
 * of the cells (sorted, disjoint: the one whose range may hold it is found
 * by binary search on range_max). */
static size_t points_covered(const uint64_t *cells, size_t count, size_t n)
{
    rng r;
    rng_seed(&r, 20261202);
    size_t inside = 0;
    for (size_t k = 0; k < n; k++) {
        uint64_t leaf, lo, hi;
        double lat = rng_range(&r, PORTO_ALEGRE.lat_lo, PORTO_ALEGRE.lat_hi);
        double lng = rng_range(&r, PORTO_ALEGRE.lng_lo, PORTO_ALEGRE.lng_hi);
        check(hs_latlng_to_cell(lat, lng, &leaf), "hs_latlng_to_cell");
        size_t a = 0, b = count;
        while (a < b) {
            size_t m = a + (b - a) / 2;
            check(hs_cell_range(cells[m], &lo, &hi), "hs_cell_range");
            if (hi < leaf)
                a = m + 1;
            else
                b = m;
        }
        int contains = 0;
        if (a < count)
            check(hs_cell_contains(cells[a], leaf, &contains), "hs_cell_contains");
        inside += (size_t)contains;
    }
    return inside;
}

static void report_covering(FILE *f, const covering_case *c, const uint64_t *cells, size_t count,
                            double rect_area)
{
    size_t per_level[HS_MAX_LEVEL + 1] = {0};
    double area = 0;
    for (size_t k = 0; k < count; k++) {
        per_level[level_of(cells[k])]++;
        area += cell_area(cells[k]);
    }
    fprintf(f, "%s: %zu cells\n  per level:", c->title, count);
    for (int level = 0; level <= HS_MAX_LEVEL; level++)
        if (per_level[level])
            fprintf(f, " L%d=%zu", level, per_level[level]);
    char token[17];
    fprintf(f, "\n  covered area %.2f km^2 = %.4f x the rectangle's\n",
            area * EARTH_RADIUS_KM * EARTH_RADIUS_KM, area / rect_area);
    fprintf(f, "  first cells:");
    for (size_t k = 0; k < count && k < 4; k++)
        fprintf(f, " %s", token_of(cells[k], token));
    fprintf(f, " ... last: %s\n", token_of(cells[count - 1], token));
    const size_t samples = quick ? 1000 : 100000;
    fprintf(f, "  %zu random points of the rectangle, inside a cell: %zu\n", samples,
            points_covered(cells, count, samples));
}

/* coverings.txt and coverings-*.dat: the seed's two coverings. */
static void coverings(void)
{
    static const covering_case cases[2] = {
        {"min level 8, max level 15, max 500 cells", "coverings-8-15.dat", {8, 15, 500}},
        {"min level = max level = 15, max 500 cells", "coverings-15.dat", {15, 15, 500}},
    };
    const double radians = 3.14159265358979323846 / 180;
    const hs_rect *r = &PORTO_ALEGRE;
    double rect_area = (r->lng_hi - r->lng_lo) * radians *
                       (sin(r->lat_hi * radians) - sin(r->lat_lo * radians));
    FILE *f = open_output("coverings.txt");
    fprintf(f, "rectangle lat %.6f..%.6f, lng %.6f..%.5f: %.2f km^2\n", r->lat_lo, r->lat_hi,
            r->lng_lo, r->lng_hi, rect_area * EARTH_RADIUS_KM * EARTH_RADIUS_KM);
    FILE *corners = open_output("coverings-rect.dat");
    fprintf(corners, "# the rectangle's corners, lng lat (degrees)\n%.6f %.6f\n%.6f %.6f\n"
            "%.6f %.6f\n%.6f %.6f\n%.6f %.6f\n", r->lng_lo, r->lat_lo, r->lng_hi, r->lat_lo,
            r->lng_hi, r->lat_hi, r->lng_lo, r->lat_hi, r->lng_lo, r->lat_lo);
    close_output(corners);
    size_t capacity = 1 << 16;
    uint64_t *cells = allocate(capacity, sizeof *cells);
    for (int k = 0; k < 2; k++) {
        size_t count;
        check(hs_cover_rect(r, &cases[k].options, cells, capacity, &count), "hs_cover_rect");
        report_covering(f, &cases[k], cells, count, rect_area);
        write_cells(cases[k].data, cells, count);
        if (k == 0)
            fprintf(f, "  inside these cells: %" PRIu64 " cells of level 15\n",
                    cells_at_level(cells, count, 15));
    }
    free(cells);
    close_output(f);
}

int main(int argc, char **argv)
{
    quick = demo_start(argc, argv);
    hilbert_curves();
    hilbert_tables();
    locality();
    walk();
    hierarchy();
    tokens();
    face_grid();
    face_paths();
    neighbours();
    areas();
    coverings();
    rounding();
    return 0;
}
