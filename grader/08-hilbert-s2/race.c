/* race.c: lesson 08's race (`make race LESSON=08`; see grader/runner/race.h):
 * hs_latlng_to_cells, latitude and longitude to leaf cell ids (section 11),
 * against a plain port of the spec that walks the Hilbert curve one level
 * at a time. */
#include <math.h>

#include "race.h"
#include "s2cell.h"

enum { POINTS = 1 << 18 };
#define LIMIT_IJ 1073741824.0 /* 2^30 leaf cells along a face's side */
#define PI 3.14159265358979323846

RACE_REFERENCE(hs_latlng_to_cells);

typedef struct {
    const double *lat, *lng;
    uint64_t *cells;
} cells_job;

static uint32_t plain_st_to_ij(double s)
{
    double ij = floor(LIMIT_IJ * s);
    if (!(ij > 0))
        return 0;
    return ij > LIMIT_IJ - 1 ? (uint32_t)(LIMIT_IJ - 1) : (uint32_t)ij;
}

static double plain_uv_to_st(double u)
{
    return u >= 0 ? 0.5 * sqrt(1 + 3 * u) : 1 - 0.5 * sqrt(1 - 3 * u);
}

/* At each level the quadrant (i bit, j bit) gives the position 0..3 in the
 * current orientation, and the position turns the level below. */
static uint64_t plain_face_ij_to_cell(int face, uint32_t i, uint32_t j)
{
    static const int ij_to_pos[4][4] = {{0, 1, 3, 2}, {0, 3, 1, 2}, {2, 3, 1, 0}, {2, 1, 3, 0}};
    static const int pos_to_orientation[4] = {1, 0, 0, 3};
    int orientation = face & 1;
    uint64_t pos = 0;
    for (int level = 29; level >= 0; level--) {
        int quadrant = (int)(((i >> level) & 1) << 1 | ((j >> level) & 1));
        int p = ij_to_pos[orientation][quadrant];
        pos = pos << 2 | (uint64_t)p;
        orientation ^= pos_to_orientation[p];
    }
    return (uint64_t)face << 61 | pos << 1 | 1;
}

static uint64_t plain_latlng_to_cell(double lat, double lng)
{
    double phi = (PI / 180) * lat, theta = (PI / 180) * lng;
    double p[3] = {cos(theta) * cos(phi), sin(theta) * cos(phi), sin(phi)};
    double ax = fabs(p[0]), ay = fabs(p[1]), az = fabs(p[2]), u, v;
    int axis = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
    int face = p[axis] < 0 ? axis + 3 : axis;
    switch (face) {
    case 0: u = p[1] / p[0]; v = p[2] / p[0]; break;
    case 1: u = -p[0] / p[1]; v = p[2] / p[1]; break;
    case 2: u = -p[0] / p[2]; v = -p[1] / p[2]; break;
    case 3: u = p[2] / p[0]; v = p[1] / p[0]; break;
    case 4: u = p[2] / p[1]; v = -p[0] / p[1]; break;
    default: u = -p[1] / p[2]; v = -p[0] / p[2]; break;
    }
    return plain_face_ij_to_cell(face, plain_st_to_ij(plain_uv_to_st(u)),
                                 plain_st_to_ij(plain_uv_to_st(v)));
}

static void run_call(void *ctx)
{
    cells_job *j = ctx;
    hs_latlng_to_cells(j->lat, j->lng, POINTS, j->cells);
}

static void run_naive(void *ctx)
{
    cells_job *j = ctx;
    for (size_t k = 0; k < POINTS; k++)
        j->cells[k] = plain_latlng_to_cell(j->lat[k], j->lng[k]);
}

RACE(latlng_to_cells, "11 Going fast", "hs_latlng_to_cells on 2^18 random points")
{
    rng r;
    grade_rng(&r);
    double *lat = grade_alloc(POINTS, sizeof *lat), *lng = grade_alloc(POINTS, sizeof *lng);
    uint64_t *cells = grade_alloc(POINTS, sizeof *cells);
    uint64_t *expected = grade_alloc(POINTS, sizeof *expected);
    for (size_t k = 0; k < POINTS; k++) {
        lat[k] = asin(rng_range(&r, -1.0, 1.0)) * (180 / PI); /* uniform on the sphere */
        lng[k] = rng_range(&r, -180.0, 180.0);
    }
    race_expect(hs_latlng_to_cells(lat, lng, POINTS, cells) == HS_OK,
                "hs_latlng_to_cells did not return HS_OK");
    race_ref_hs_latlng_to_cells(lat, lng, POINTS, expected);
    size_t k = 0;
    while (k < POINTS && cells[k] == expected[k])
        k++;
    race_expect(k == POINTS, "cells[%zu] is %#llx where the reference gives %#llx", k,
                k < POINTS ? (unsigned long long)cells[k] : 0ull,
                k < POINTS ? (unsigned long long)expected[k] : 0ull);
    cells_job job = {lat, lng, cells};
    race_run(&(race_kernel){run_call, run_naive, &job,
                            .in = {{lat, POINTS * sizeof *lat}, {lng, POINTS * sizeof *lng}},
                            .out = {{cells, POINTS * sizeof *cells}}});
}
