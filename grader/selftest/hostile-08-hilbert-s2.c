/* hostile-08-hilbert-s2.c: a deliberately broken "student" for lesson 08.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-08-hilbert-s2.h). grader/selftest/run.sh
 * grades this and checks that each misbehaviour costs exactly the tests it
 * breaks, with the right message, in bounded time.
 * expected-08-hilbert-s2.tsv lists the outcome of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rename-08-hilbert-s2.h"
#include "s2cell.h" /* declares the real_* functions */
#undef hs_status_str
#undef hs_hilbert_d2xy
#undef hs_hilbert_xy2d
#undef hs_latlng_to_point
#undef hs_point_to_face_uv
#undef hs_uv_to_st
#undef hs_st_to_uv
#undef hs_st_to_ij
#undef hs_face_ij_to_cell
#undef hs_cell_to_face_ij
#undef hs_point_to_cell
#undef hs_latlng_to_cell
#undef hs_latlng_to_cells
#undef hs_points_to_cells
#undef hs_cell_is_valid
#undef hs_cell_level
#undef hs_cell_parent
#undef hs_cell_children
#undef hs_cell_range
#undef hs_cell_contains
#undef hs_cell_intersects
#undef hs_cell_to_token
#undef hs_token_to_cell
#undef hs_cell_edge_neighbors
#undef hs_cover_rect

#define LIMIT ((uint32_t)1 << 30)

const char *hs_status_str(hs_status status)
{
    return real_hs_status_str(status);
}

/* d < 4^n checked as d <= 4^n: the position one past the end comes back
 * as (0, 0). */
hs_status hs_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x, uint32_t *y)
{
    if (order >= 1 && order <= 31 && x && y && d == (uint64_t)1 << (2 * order)) {
        *x = *y = 0;
        return HS_OK;
    }
    return real_hs_hilbert_d2xy(order, d, x, y);
}

/* Loops forever on the curve's last cell when the order is large. */
hs_status hs_hilbert_xy2d(unsigned order, uint32_t x, uint32_t y, uint64_t *d)
{
    for (volatile int spin = order >= 20 && order <= 31 && y == 0 &&
                             x == (uint32_t)(((uint64_t)1 << order) - 1);
         spin;)
        ;
    return real_hs_hilbert_xy2d(order, x, y, d);
}

/* Says what it is about to do, without a newline, and reads through a
 * pointer it never set: a crash whose output must survive. */
hs_status hs_latlng_to_point(double lat, double lng, double point[3])
{
    if (isnan(lat) || isnan(lng)) {
        volatile double *nowhere = (volatile double *)(uintptr_t)64;
        printf("checking lat for NaN");
        return *nowhere > 0 ? HS_ERR_NAN : HS_ERR_ARG;
    }
    return real_hs_latlng_to_point(lat, lng, point);
}

/* Ties go to the lower axis. */
hs_status hs_point_to_face_uv(const double point[3], int *face, double *u, double *v)
{
    hs_status s = real_hs_point_to_face_uv(point, face, u, v);
    if (s != HS_OK)
        return s;
    double a[3] = {fabs(point[0]), fabs(point[1]), fabs(point[2])};
    int axis = a[0] >= a[1] ? (a[0] >= a[2] ? 0 : 2) : (a[1] >= a[2] ? 1 : 2);
    if (axis != *face % 3) {
        double p[3] = {point[0], point[1], point[2]};
        p[axis] *= 1 + 1e-15; /* nudged: the real code then picks the lower axis */
        real_hs_point_to_face_uv(p, face, u, v);
    }
    return s;
}

double hs_uv_to_st(double u)
{
    return real_hs_uv_to_st(u);
}

/* (4 s^2 - 1) / 3: the same value up to rounding, not S2's bits. */
double hs_st_to_uv(double s)
{
    if (s >= 0.5)
        return (4 * s * s - 1) / 3;
    return (1 - 4 * (1 - s) * (1 - s)) / 3;
}

/* Rounds to the nearest leaf coordinate instead of flooring. */
uint32_t hs_st_to_ij(double s)
{
    if (!(s > 0))
        return 0;
    double k = round(s * LIMIT);
    return k >= LIMIT - 1 ? LIMIT - 1 : (uint32_t)k;
}

/* S2's walk with one wrong entry in the orientation table: position 3
 * inverts but forgets to swap. */
hs_status hs_face_ij_to_cell(int face, uint32_t i, uint32_t j, uint64_t *cell)
{
    static const int pos[4][4] = {{0, 1, 3, 2}, {0, 3, 1, 2}, {2, 3, 1, 0}, {2, 1, 3, 0}};
    static const int turn[4] = {1, 0, 0, 2};
    if (face < 0 || face > 5 || i >= LIMIT || j >= LIMIT || !cell)
        return real_hs_face_ij_to_cell(face, i, j, cell);
    int o = face & 1;
    uint64_t path = 0;
    for (int bit = 29; bit >= 0; bit--) {
        int p = pos[o][((i >> bit) & 1) << 1 | ((j >> bit) & 1)];
        path = path << 2 | (uint64_t)p;
        o ^= turn[p];
    }
    *cell = (uint64_t)face << 61 | path << 1 | 1;
    return HS_OK;
}

hs_status hs_cell_to_face_ij(uint64_t cell, int *face, uint32_t *i, uint32_t *j,
                             int *orientation)
{
    return real_hs_cell_to_face_ij(cell, face, i, j, orientation);
}

hs_status hs_point_to_cell(const double point[3], uint64_t *cell)
{
    return real_hs_point_to_cell(point, cell);
}

/* Gives up on the whole program at the south pole. */
hs_status hs_latlng_to_cell(double lat, double lng, uint64_t *cell)
{
    if (lat == -90) {
        fprintf(stderr, "hs_latlng_to_cell: the south pole is not supported\n");
        exit(2);
    }
    return real_hs_latlng_to_cell(lat, lng, cell);
}

/* Prints far more than anyone can read (the answers are right). */
hs_status hs_latlng_to_cells(const double *lat, const double *lng, size_t n, uint64_t *cells)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 40000; i++)
            printf("point %d: %s\n", i, "......................................................");
    return real_hs_latlng_to_cells(lat, lng, n, cells);
}

/* Right answers, and one cell too many: a loop to i <= n. */
hs_status hs_points_to_cells(const double *points, size_t n, uint64_t *cells)
{
    hs_status s = real_hs_points_to_cells(points, n, cells);
    if (s == HS_OK)
        ((volatile uint64_t *)cells)[n] = cells[n - 1];
    return s;
}

/* Face 6 and 7 pass as valid. */
int hs_cell_is_valid(uint64_t cell)
{
    uint64_t on_face_0 = cell & ~((uint64_t)7 << 61);
    return real_hs_cell_is_valid(cell) || (cell >> 61 >= 6 && real_hs_cell_is_valid(
                                               on_face_0 ? on_face_0 : 1));
}

hs_status hs_cell_level(uint64_t cell, int *level)
{
    return real_hs_cell_level(cell, level);
}

/* One level too deep: the ancestor at level + 1. */
hs_status hs_cell_parent(uint64_t cell, int level, uint64_t *parent)
{
    int own;
    if (real_hs_cell_level(cell, &own) == HS_OK && level >= 0 && level < own)
        level++;
    return real_hs_cell_parent(cell, level, parent);
}

hs_status hs_cell_children(uint64_t cell, uint64_t children[4])
{
    return real_hs_cell_children(cell, children);
}

hs_status hs_cell_range(uint64_t cell, uint64_t *range_min, uint64_t *range_max)
{
    return real_hs_cell_range(cell, range_min, range_max);
}

/* Writes the answer twice, the second time past the end of result. */
hs_status hs_cell_contains(uint64_t a, uint64_t b, int *result)
{
    hs_status s = real_hs_cell_contains(a, b, result);
    if (s == HS_OK)
        ((volatile int *)result)[1] = *result;
    return s;
}

hs_status hs_cell_intersects(uint64_t a, uint64_t b, int *result)
{
    return real_hs_cell_intersects(a, b, result);
}

/* %llx drops the leading zeros a token must keep. */
hs_status hs_cell_to_token(uint64_t cell, char token[17])
{
    if (!token)
        return HS_ERR_ARG;
    if (cell == 0) {
        strcpy(token, "X");
        return HS_OK;
    }
    uint64_t x = cell;
    while (!(x & 15))
        x >>= 4;
    snprintf(token, 17, "%llx", (unsigned long long)x);
    return HS_OK;
}

/* Lowercase digits only. */
hs_status hs_token_to_cell(const char *token, size_t len, uint64_t *cell)
{
    for (size_t k = 0; token && k < len; k++)
        if (token[k] >= 'A' && token[k] <= 'F')
            return HS_ERR_FORMAT;
    return real_hs_token_to_cell(token, len, cell);
}

/* Never leaves the face: a step over its edge stays on the edge cell. */
hs_status hs_cell_edge_neighbors(uint64_t cell, uint64_t neighbors[4])
{
    int face, orientation, level;
    uint32_t i, j;
    if (!neighbors || real_hs_cell_to_face_ij(cell, &face, &i, &j, &orientation) != HS_OK)
        return real_hs_cell_edge_neighbors(cell, neighbors);
    real_hs_cell_level(cell, &level);
    int64_t size = (int64_t)1 << (30 - level);
    const int64_t di[4] = {0, size, 0, -size}, dj[4] = {-size, 0, size, 0};
    for (int k = 0; k < 4; k++) {
        int64_t ni = (int64_t)i + di[k], nj = (int64_t)j + dj[k];
        ni = ni < 0 ? 0 : ni >= LIMIT ? LIMIT - 1 : ni;
        nj = nj < 0 ? 0 : nj >= LIMIT ? LIMIT - 1 : nj;
        uint64_t leaf;
        real_hs_face_ij_to_cell(face, (uint32_t)ni, (uint32_t)nj, &leaf);
        real_hs_cell_parent(leaf, level, &neighbors[k]);
    }
    return HS_OK;
}

/* Drops the cell at the rectangle's north-east corner (when there are
 * others), then answers with the capacity protocol on what is left. */
hs_status hs_cover_rect(const hs_rect *rect, const hs_cover_options *options, uint64_t *cells,
                        size_t capacity, size_t *count)
{
    enum { ROOM = 100000 };
    uint64_t *all = malloc(ROOM * sizeof *all);
    if (!all)
        return HS_ERR_NOMEM;
    size_t n = 0;
    hs_status s = real_hs_cover_rect(rect, options, cells ? all : NULL, cells ? ROOM : capacity,
                                     count ? &n : NULL);
    if (s == HS_OK && n > 1) {
        uint64_t corner = 0;
        real_hs_latlng_to_cell(rect->lat_hi, rect->lng_hi, &corner);
        size_t w = 0;
        for (size_t k = 0; k < n; k++) {
            int inside = 0;
            real_hs_cell_contains(all[k], corner, &inside);
            if (!inside)
                all[w++] = all[k];
        }
        n = w;
    }
    if (s == HS_OK) {
        *count = n;
        if (n > capacity)
            s = HS_ERR_SPACE;
        else
            memcpy(cells, all, n * sizeof *all);
    }
    free(all);
    return s;
}
