#include "reference.h"

/* pi to double precision; S2 converts degrees with (PI / 180) folded first. */
#define PI 3.14159265358979323846

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "grade.h"

/* The leaf ids must agree bit for bit: no fused multiply-adds (gcc in ISO C
 * mode contracts nothing; clang needs to be told). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- statuses --------------------------------------------------------------------- */

const char *status_name(hs_status s)
{
    static const char *const names[] = {
        "HS_OK",        "HS_ERR_TODO",   "HS_ERR_ARG",   "HS_ERR_NAN",
        "HS_ERR_NOMEM", "HS_ERR_FORMAT", "HS_ERR_SPACE",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(hs_status came, hs_status expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, status_name(expected), status_name(came));
}

const char *cell_text(uint64_t cell, char buffer[96])
{
    char token[17], debug[40];
    ref_token(cell, token);
    if (ref_is_valid(cell)) {
        ref_debug_string(cell, debug);
        snprintf(buffer, 96, "0x%016llx (token %s, %s)", (unsigned long long)cell, token, debug);
    } else {
        snprintf(buffer, 96, "0x%016llx (not a valid cell)", (unsigned long long)cell);
    }
    return buffer;
}

/* ---- the Hilbert curve: rotate and reflect, one bit of x and y at a time ------------ */

/* Reflects and transposes the quadrant (x, y) of side `side` as the curve
 * turns there. */
static void rotate(uint64_t side, uint64_t *x, uint64_t *y, uint64_t rx, uint64_t ry)
{
    if (ry)
        return;
    if (rx) {
        *x = side - 1 - *x;
        *y = side - 1 - *y;
    }
    uint64_t t = *x;
    *x = *y;
    *y = t;
}

void ref_hilbert_d2xy(unsigned order, uint64_t d, uint32_t *x_out, uint32_t *y_out)
{
    uint64_t x = 0, y = 0, t = d;
    for (uint64_t s = 1; s < ((uint64_t)1 << order); s *= 2) {
        uint64_t rx = 1 & (t / 2), ry = 1 & (t ^ rx);
        rotate(s, &x, &y, rx, ry);
        x += s * rx;
        y += s * ry;
        t /= 4;
    }
    *x_out = (uint32_t)x;
    *y_out = (uint32_t)y;
}

uint64_t ref_hilbert_xy2d(unsigned order, uint32_t x_in, uint32_t y_in)
{
    uint64_t n = (uint64_t)1 << order, x = x_in, y = y_in, d = 0;
    for (uint64_t s = n / 2; s > 0; s /= 2) {
        uint64_t rx = (x & s) > 0, ry = (y & s) > 0;
        d += s * s * ((3 * rx) ^ ry);
        rotate(n, &x, &y, rx, ry);
    }
    return d;
}

/* ---- a point to a leaf (the arithmetic of S2, in its order) -------------------------- */

void ref_latlng_to_point(double lat, double lng, double p[3])
{
    double phi = (PI / 180) * lat, theta = (PI / 180) * lng;
    p[0] = cos(theta) * cos(phi);
    p[1] = sin(theta) * cos(phi);
    p[2] = sin(phi);
}

int ref_point_to_face_uv(const double p[3], double *u, double *v)
{
    double ax = fabs(p[0]), ay = fabs(p[1]), az = fabs(p[2]);
    int axis = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
    int face = p[axis] < 0 ? axis + 3 : axis;
    double x = p[0], y = p[1], z = p[2];
    switch (face) {
    case 0: *u = y / x; *v = z / x; break;
    case 1: *u = -x / y; *v = z / y; break;
    case 2: *u = -x / z; *v = -y / z; break;
    case 3: *u = z / x; *v = y / x; break;
    case 4: *u = z / y; *v = -x / y; break;
    default: *u = -y / z; *v = -x / z; break;
    }
    return face;
}

void ref_face_uv_to_point(int face, double u, double v, double p[3])
{
    const double f[6][3] = {{1, u, v}, {-u, 1, v}, {-u, -v, 1},
                            {-1, -v, -u}, {v, -1, -u}, {v, u, -1}};
    memcpy(p, f[face], sizeof f[face]);
}

double ref_uv_to_st(double u)
{
    if (u >= 0)
        return 0.5 * sqrt(1 + 3 * u);
    return 1 - 0.5 * sqrt(1 - 3 * u);
}

double ref_st_to_uv(double s)
{
    if (s >= 0.5)
        return (1 / 3.) * (4 * s * s - 1);
    return (1 / 3.) * (1 - 4 * (1 - s) * (1 - s));
}

uint32_t ref_st_to_ij(double s)
{
    if (!(s > 0))
        return 0;
    double scaled = floor(s * LEAF_SIZE);
    return scaled >= LEAF_SIZE - 1 ? LEAF_SIZE - 1 : (uint32_t)scaled;
}

/* The Hilbert rules of S2: quadrant ij = (i bit, j bit) is visited at
 * position POS[orientation][ij]; the orientation of the quadrant at
 * position p is the parent's XOR TURN[p] (1 = swap i and j, 2 = invert). */
static const int POS[4][4] = {{0, 1, 3, 2}, {0, 3, 1, 2}, {2, 3, 1, 0}, {2, 1, 3, 0}};
static const int TURN[4] = {1, 0, 0, 3};

uint64_t ref_face_ij_to_cell(int face, uint32_t i, uint32_t j)
{
    int orientation = face & 1;
    uint64_t pos = 0;
    for (int bit = 29; bit >= 0; bit--) {
        int ij = (int)(((i >> bit) & 1) << 1 | ((j >> bit) & 1));
        int p = POS[orientation][ij];
        pos = pos << 2 | (uint64_t)p;
        orientation ^= TURN[p];
    }
    return (uint64_t)face << 61 | pos << 1 | 1;
}

void ref_cell_to_face_ij(uint64_t cell, int *face_out, uint32_t *i_out, uint32_t *j_out,
                         int *orientation_out)
{
    int face = (int)(cell >> 61), orientation = face & 1, level = ref_level(cell);
    uint32_t i = 0, j = 0;
    for (int k = 0; k < 30; k++) {
        int p = (int)(cell >> (59 - 2 * k) & 3), ij = 0;
        while (POS[orientation][ij] != p)
            ij++;
        i = i << 1 | (uint32_t)(ij >> 1);
        j = j << 1 | (uint32_t)(ij & 1);
        if (k == level)
            *orientation_out = orientation;
        orientation ^= TURN[p];
    }
    if (level == 30)
        *orientation_out = orientation;
    *face_out = face;
    *i_out = i;
    *j_out = j;
}

uint64_t ref_point_to_cell(const double p[3])
{
    double u, v;
    int face = ref_point_to_face_uv(p, &u, &v);
    return ref_face_ij_to_cell(face, ref_st_to_ij(ref_uv_to_st(u)), ref_st_to_ij(ref_uv_to_st(v)));
}

uint64_t ref_latlng_to_cell(double lat, double lng)
{
    double p[3];
    ref_latlng_to_point(lat, lng, p);
    return ref_point_to_cell(p);
}

/* ---- the bits ------------------------------------------------------------------------ */

static uint64_t lowest_bit(uint64_t cell)
{
    return cell & (~cell + 1);
}

int ref_is_valid(uint64_t cell)
{
    if (cell == 0 || cell >> 61 >= 6)
        return 0;
    int zeros = 0;
    while (!(cell >> zeros & 1))
        zeros++;
    return zeros % 2 == 0 && zeros <= 60; /* a level 0..30, not a face bit */
}

int ref_level(uint64_t cell)
{
    int zeros = 0;
    while (!(cell >> zeros & 1))
        zeros++;
    return 30 - zeros / 2;
}

/* The cell's path: face bits and 2 bits per level, cut after `level`
 * levels, then the marker bit. */
uint64_t ref_parent(uint64_t cell, int level)
{
    int keep = 3 + 2 * level;
    uint64_t prefix = cell >> (64 - keep) << (64 - keep);
    return prefix | (uint64_t)1 << (63 - keep);
}

uint64_t ref_child(uint64_t cell, int position)
{
    int level = ref_level(cell), shift = 63 - (3 + 2 * level);
    uint64_t without_marker = cell & ~((uint64_t)1 << shift);
    return without_marker | (uint64_t)position << (shift - 1) | (uint64_t)1 << (shift - 2);
}

uint64_t ref_range_min(uint64_t cell)
{
    return cell - lowest_bit(cell) + 1;
}

uint64_t ref_range_max(uint64_t cell)
{
    return cell + lowest_bit(cell) - 1;
}

int ref_contains(uint64_t a, uint64_t b)
{
    int la = ref_level(a);
    return ref_level(b) >= la && ref_parent(b, la) == a;
}

uint64_t ref_random_cell(rng *r, int level)
{
    if (level < 0 || level > 30)
        level = (int)rng_below(r, 31);
    uint64_t face = rng_below(r, 6);
    uint64_t leaf = face << 61 | (rng_u64(r) & (((uint64_t)1 << 61) - 1)) | 1;
    return ref_parent(leaf, level);
}

uint64_t ref_random_descendant(rng *r, uint64_t cell)
{
    int level = ref_level(cell);
    int deeper = level + (int)rng_below(r, (uint64_t)(31 - level));
    uint64_t free_bits = 2 * lowest_bit(cell) - 1; /* the path below the cell */
    uint64_t leaf = (cell & ~free_bits) | (rng_u64(r) & free_bits) | 1;
    return ref_parent(leaf, deeper);
}

uint64_t ref_from_debug(const char *text)
{
    uint64_t cell = (uint64_t)(text[0] - '0') << 61 | (uint64_t)1 << 60;
    for (const char *c = text + 2; *c; c++)
        cell = ref_child(cell, *c - '0');
    return cell;
}

void ref_debug_string(uint64_t cell, char out[40])
{
    int level = ref_level(cell), n = 0;
    out[n++] = (char)('0' + (cell >> 61));
    out[n++] = '/';
    for (int k = 1; k <= level; k++)
        out[n++] = (char)('0' + (cell >> (61 - 2 * k) & 3));
    out[n] = '\0';
}

/* ---- tokens -------------------------------------------------------------------------- */

void ref_token(uint64_t cell, char out[17])
{
    if (cell == 0) {
        strcpy(out, "X");
        return;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)cell);
    size_t n = 16;
    while (out[n - 1] == '0')
        n--;
    out[n] = '\0';
}

/* ---- neighbours: S2's FromFaceIJWrap ------------------------------------------------ */

static uint64_t face_ij_wrap(int face, long long i, long long j)
{
    const long long size = LEAF_SIZE;
    i = i < -1 ? -1 : i > size ? size : i;
    j = j < -1 ? -1 : j > size ? size : j;
    const double scale = 1.0 / size, limit = 1.0 + DBL_EPSILON;
    double u = fmax(-limit, fmin(limit, scale * (double)(2 * (i - size / 2) + 1)));
    double v = fmax(-limit, fmin(limit, scale * (double)(2 * (j - size / 2) + 1)));
    double p[3];
    ref_face_uv_to_point(face, u, v, p);
    face = ref_point_to_face_uv(p, &u, &v);
    return ref_face_ij_to_cell(face, ref_st_to_ij(0.5 * (u + 1)), ref_st_to_ij(0.5 * (v + 1)));
}

static uint64_t face_ij_same(int face, long long i, long long j)
{
    int inside = i >= 0 && j >= 0 && i < LEAF_SIZE && j < LEAF_SIZE;
    return inside ? ref_face_ij_to_cell(face, (uint32_t)i, (uint32_t)j) : face_ij_wrap(face, i, j);
}

void ref_edge_neighbors(uint64_t cell, uint64_t out[4])
{
    int level = ref_level(cell), face, orientation;
    uint32_t ci, cj;
    ref_cell_to_face_ij(cell, &face, &ci, &cj, &orientation);
    long long size = (long long)1 << (30 - level), i = ci, j = cj;
    out[0] = ref_parent(face_ij_same(face, i, j - size), level);
    out[1] = ref_parent(face_ij_same(face, i + size, j), level);
    out[2] = ref_parent(face_ij_same(face, i, j + size), level);
    out[3] = ref_parent(face_ij_same(face, i - size, j), level);
}

/* ---- covering ------------------------------------------------------------------------ */

void ref_random_in_rect(rng *r, const hs_rect *rect, double *lat, double *lng)
{
    *lat = rect->lat_lo + (rect->lat_hi - rect->lat_lo) * rng_uniform(r);
    *lng = rect->lng_lo + (rect->lng_hi - rect->lng_lo) * rng_uniform(r);
    *lat = fmin(fmax(*lat, rect->lat_lo), rect->lat_hi);
    *lng = fmin(fmax(*lng, rect->lng_lo), rect->lng_hi);
}

long ref_find_container(const uint64_t *cells, size_t count, uint64_t leaf)
{
    size_t lo = 0, hi = count; /* the first cell with range_min > leaf */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ref_range_min(cells[mid]) <= leaf)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || !ref_is_valid(cells[lo - 1]))
        return -1;
    return ref_range_max(cells[lo - 1]) >= leaf ? (long)(lo - 1) : -1;
}

void ref_cell_center(uint64_t cell, double *lat, double *lng)
{
    int face, orientation, level = ref_level(cell);
    uint32_t i, j;
    ref_cell_to_face_ij(cell, &face, &i, &j, &orientation);
    uint32_t size = (uint32_t)1 << (30 - level);
    double s = ((i & ~(size - 1)) + size / 2.0) / LEAF_SIZE;
    double t = ((j & ~(size - 1)) + size / 2.0) / LEAF_SIZE;
    double p[3];
    ref_face_uv_to_point(face, ref_st_to_uv(s), ref_st_to_uv(t), p);
    *lat = atan2(p[2], hypot(p[0], p[1])) * (180 / PI);
    *lng = atan2(p[1], p[0]) * (180 / PI);
}
