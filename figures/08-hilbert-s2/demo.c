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
    walk();
    return 0;
}
