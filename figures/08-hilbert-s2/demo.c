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
 * With DEMO_QUICK=1 in the environment the three long loops (areas down to
 * level 12, the rounding count on 10^7 points, the locality measurement at
 * order 10) run smaller: every code path still runs, fast enough for
 * Valgrind, and the numbers written are not the chapter's. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "../demo.h"
#include "s2cell.h"
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
    fprintf(f, "face         %d (%s): |y| is the largest component and y < 0\n", face,
            face_names[face]);
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

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 1;
    }
    out_dir = argv[1];
    const char *q = getenv("DEMO_QUICK");
    quick = q && strcmp(q, "1") == 0;
    hilbert_curves();
    hilbert_tables();
    locality();
    walk();
    return 0;
}
