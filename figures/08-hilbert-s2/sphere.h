/* sphere.h: the geometry the demo needs beyond the lesson's API: the
 * corners of a cell on the sphere and the area of spherical polygons. */
#ifndef DEMO_SPHERE_H
#define DEMO_SPHERE_H

#include <stddef.h>
#include <stdint.h>

#include "s2cell.h"

/* Exits with a message unless status is HS_OK (demo.c). */
void check(hs_status status, const char *what);
/* calloc, or exits (demo.c). */
void *allocate(size_t count, size_t size);

/* The mean radius S2 uses for the Earth, in km. */
#define EARTH_RADIUS_KM 6371.01

/* The face of a cell and its (i, j) bounds: leaves i_lo <= i < i_lo + size. */
typedef struct {
    int face, level;
    uint32_t i_lo, j_lo, size;
} cell_square;

cell_square square_of(uint64_t cell);

/* The unit vector at (s, t) of face, through the quadratic projection. */
void face_st_to_unit(int face, double s, double t, double p[3]);

/* The cell's four corners as unit vectors, counterclockwise from (i_lo, j_lo). */
void cell_corners(uint64_t cell, double corners[4][3]);

/* Latitude and longitude of a unit vector, in degrees. */
void unit_to_latlng(const double p[3], double *lat, double *lng);

/* The area (steradians) of the spherical triangle a b c, and of the
 * quadrilateral a b c d (convex, in order). Accurate for tiny ones too. */
double triangle_area(const double a[3], const double b[3], const double c[3]);
double quad_area(const double a[3], const double b[3], const double c[3], const double d[3]);

#endif
