/* sphere.c: cell corners and spherical areas for the demo (see sphere.h). */
#include "sphere.h"

#include <math.h>

#include "s2face.h"

#define LEAVES 1073741824.0 /* 2^30 leaves along a face's edge */

cell_square square_of(uint64_t cell)
{
    cell_square c;
    uint32_t i, j;
    int orientation;
    check(hs_cell_level(cell, &c.level), "hs_cell_level");
    check(hs_cell_to_face_ij(cell, &c.face, &i, &j, &orientation), "hs_cell_to_face_ij");
    c.size = (uint32_t)1 << (30 - c.level);
    c.i_lo = i & ~(c.size - 1);
    c.j_lo = j & ~(c.size - 1);
    return c;
}

static void normalise(double p[3])
{
    double norm = sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
    for (int k = 0; k < 3; k++)
        p[k] /= norm;
}

void face_st_to_unit(int face, double s, double t, double p[3])
{
    hs_face_uv_to_xyz(face, hs_st_to_uv(s), hs_st_to_uv(t), p);
    normalise(p);
}

void cell_corners(uint64_t cell, double corners[4][3])
{
    cell_square c = square_of(cell);
    double s0 = c.i_lo / LEAVES, t0 = c.j_lo / LEAVES;
    double s1 = (c.i_lo + (double)c.size) / LEAVES, t1 = (c.j_lo + (double)c.size) / LEAVES;
    face_st_to_unit(c.face, s0, t0, corners[0]);
    face_st_to_unit(c.face, s1, t0, corners[1]);
    face_st_to_unit(c.face, s1, t1, corners[2]);
    face_st_to_unit(c.face, s0, t1, corners[3]);
}

void unit_to_latlng(const double p[3], double *lat, double *lng)
{
    const double degrees = 180 / 3.14159265358979323846;
    *lat = atan2(p[2], sqrt(p[0] * p[0] + p[1] * p[1])) * degrees;
    *lng = atan2(p[1], p[0]) * degrees;
}

static double dot(const double a[3], const double b[3])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* Eriksson's formula, tan(E / 2) = |a . (b x c)| / (1 + a.b + b.c + c.a),
 * with the triple product taken from the edge vectors b - a and c - a,
 * whose cross product keeps its relative accuracy however small the
 * triangle (b x c itself would be a difference of nearly equal terms). */
double triangle_area(const double a[3], const double b[3], const double c[3])
{
    double e[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    double g[3] = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
    double n[3] = {e[1] * g[2] - e[2] * g[1], e[2] * g[0] - e[0] * g[2], e[0] * g[1] - e[1] * g[0]};
    double triple = fabs(dot(a, n));
    return 2 * atan2(triple, 1 + dot(a, b) + dot(b, c) + dot(c, a));
}

double quad_area(const double a[3], const double b[3], const double c[3], const double d[3])
{
    return triangle_area(a, b, c) + triangle_area(a, c, d);
}
