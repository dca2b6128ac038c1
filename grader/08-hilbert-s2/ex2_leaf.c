/* Exercise 2: from latitude and longitude to a leaf cell, bit for bit with
 * Google's S2 (chapter section 4). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_cell(uint64_t came, uint64_t want, const char *what)
{
    char a[96], b[96];
    if (came != want)
        grade_fail("%s: expected %s, came %s", what, cell_text(want, a), cell_text(came, b));
}

/* lat, lng and the leaf S2 gives (section 14 of the library's vectors). */
static const struct {
    double lat, lng;
    uint64_t leaf;
    int face;
    const char *where;
} library[] = {
    {-30.0346, -51.2177, 10743752164119994973u, 4, "Porto Alegre"},
    {49.2827, -123.1207, 6090680338538011903u, 2, "Vancouver"},
    {40.7128, -74.0060, 9926595630970964329u, 4, "New York"},
    {-22.9068, -43.1729, 43208472254904315u, 0, "Rio de Janeiro"},
    {90, 0, 5764607523034234881u, 2, "the north pole"},
    {90, -123, 5764607523034234881u, 2, "the north pole"},
    {-90, 0, 12682136550675316737u, 5, "the south pole"},
    {-90, 77, 12682136550675316737u, 5, "the south pole"},
    {0, 0, 1152921504606846977u, 0, "the centre of face 0"},
    {0, 180, 8070450532247928831u, 3, "lng +180"},
    {0, -180, 8070450532247928833u, 3, "lng -180 (not +180: no wrapping)"},
    {10, 180, 7289871299538766515u, 3, "lng +180"},
    {10, -180, 8851029764957091149u, 3, "lng -180 (not +180: no wrapping)"},
    {45, 0, 1345075088707988139u, 0, "lat 45 (x just beats z)"},
    {35.26438968275466, 45, 4611686018427387905u, 2, "a cube corner"},
};

GRADED_TEST(leaf, library_vectors, 3, SEC_LEAF)
{
    char what[160];
    for (size_t k = 0; k < sizeof library / sizeof library[0]; k++) {
        uint64_t cell = 0;
        snprintf(what, sizeof what, "hs_latlng_to_cell(%.17g, %.17g), %s", library[k].lat,
                 library[k].lng, library[k].where);
        expect_status(hs_latlng_to_cell(library[k].lat, library[k].lng, &cell), HS_OK, "%s",
                      what);
        expect_cell(cell, library[k].leaf, what);
    }
    /* The face centres of S2's FaceDefinitions test. */
    const double centres[6][2] = {{0, 0}, {0, 90}, {90, 0}, {0, 180}, {0, -90}, {-90, 0}};
    for (int f = 0; f < 6; f++) {
        double p[3], u, v;
        int face = -1;
        ref_latlng_to_point(centres[f][0], centres[f][1], p);
        expect_status(hs_point_to_face_uv(p, &face, &u, &v), HS_OK,
                      "hs_point_to_face_uv of lat/lng (%g, %g)", centres[f][0], centres[f][1]);
        expect_int(face, f, "hs_point_to_face_uv of lat/lng (%g, %g): the face", centres[f][0],
                   centres[f][1]);
    }
}

GRADED_TEST(leaf, latlng_to_point, 1, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 300; round++) {
        double lat = rng_range(&r, -90, 90), lng = rng_range(&r, -180, 180), p[3], want[3];
        if (round < 4) {
            lat = round % 2 ? 90 : -90;
            lng = round < 2 ? 180 : -180;
        }
        ref_latlng_to_point(lat, lng, want);
        expect_status(hs_latlng_to_point(lat, lng, p), HS_OK, "hs_latlng_to_point(%.17g, %.17g)",
                      lat, lng);
        for (int c = 0; c < 3; c++)
            if (p[c] != want[c])
                grade_fail("hs_latlng_to_point(%.17g, %.17g): point[%d] expected %.17g, came "
                           "%.17g (bit for bit: (pi / 180) * degrees, then cos lng cos lat, "
                           "sin lng cos lat, sin lat)", lat, lng, c, want[c], p[c]);
    }
    double p[3], q[3];
    hs_latlng_to_point(0, 180, p);
    hs_latlng_to_point(0, -180, q);
    expect_true(p[1] != q[1], "hs_latlng_to_point: lng = 180 and -180 must give y = %.3g and "
                "%.3g, came %.3g both times (no wrapping)", 1.2246467991473532e-16,
                -1.2246467991473532e-16, p[1]);
    const double bad[4][2] = {{NAN, 0}, {0, NAN}, {INFINITY, 0}, {0, -INFINITY}};
    for (int k = 0; k < 4; k++)
        expect_status(hs_latlng_to_point(bad[k][0], bad[k][1], p), HS_ERR_NAN,
                      "hs_latlng_to_point(%g, %g)", bad[k][0], bad[k][1]);
    expect_status(hs_latlng_to_point(0, 0, NULL), HS_ERR_ARG,
                  "hs_latlng_to_point with point = NULL");
}

static void expect_face_uv(const double p[3], const char *what)
{
    double u = NAN, v = NAN, wu, wv;
    int face = -1, want = ref_point_to_face_uv(p, &wu, &wv);
    expect_status(hs_point_to_face_uv(p, &face, &u, &v), HS_OK,
                  "hs_point_to_face_uv(%.17g, %.17g, %.17g), %s", p[0], p[1], p[2], what);
    if (face != want || u != wu || v != wv)
        grade_fail("hs_point_to_face_uv(%.17g, %.17g, %.17g), %s: expected face %d, u = %.17g, "
                   "v = %.17g, came face %d, u = %.17g, v = %.17g (bit for bit: one division "
                   "each, as u = y / x on face 0)", p[0], p[1], p[2], what, want, wu, wv, face,
                   u, v);
}

GRADED_TEST(leaf, face_and_uv, 2, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 600; round++) {
        double scale = pow(10, rng_range(&r, -3, 3)), p[3];
        for (int c = 0; c < 3; c++)
            p[c] = scale * rng_normal(&r);
        expect_face_uv(p, "a random point (not unit length)");
    }
    /* Ties go to the higher axis. */
    const double ties[][3] = {{1, 1, 0}, {1, -1, 0}, {0, 2, 2}, {0, 2, -2}, {3, 0, 3}, {-3, 0, 3},
                              {1, 1, 1}, {-1, -1, -1}, {1, -1, 1}, {-1, 1, -1}, {0.5, 0.5, 0.5}};
    for (size_t k = 0; k < sizeof ties / sizeof ties[0]; k++)
        expect_face_uv(ties[k], "a tie between the largest components (to the higher axis)");
    double p[3] = {1, NAN, 0}, u, v;
    int face;
    expect_status(hs_point_to_face_uv(p, &face, &u, &v), HS_ERR_NAN,
                  "hs_point_to_face_uv(1, NaN, 0)");
    p[1] = 0;
    p[2] = -INFINITY;
    expect_status(hs_point_to_face_uv(p, &face, &u, &v), HS_ERR_NAN,
                  "hs_point_to_face_uv(1, 0, -infinity)");
    const double zero[3] = {0, 0, 0}, one[3] = {1, 0, 0};
    expect_status(hs_point_to_face_uv(zero, &face, &u, &v), HS_ERR_ARG,
                  "hs_point_to_face_uv(0, 0, 0), the zero vector");
    expect_status(hs_point_to_face_uv(NULL, &face, &u, &v), HS_ERR_ARG,
                  "hs_point_to_face_uv(NULL, ...)");
    expect_status(hs_point_to_face_uv(one, NULL, &u, &v), HS_ERR_ARG,
                  "hs_point_to_face_uv with face = NULL");
    expect_status(hs_point_to_face_uv(one, &face, NULL, &v), HS_ERR_ARG,
                  "hs_point_to_face_uv with u = NULL");
}

GRADED_TEST(leaf, quadratic_transform, 2, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    /* Exact endpoints and centre. */
    const double uv[3] = {-1, 0, 1}, st[3] = {0, 0.5, 1};
    for (int k = 0; k < 3; k++) {
        expect_true(hs_uv_to_st(uv[k]) == st[k], "hs_uv_to_st(%g): expected %g exactly, came "
                    "%.17g", uv[k], st[k], hs_uv_to_st(uv[k]));
        expect_true(hs_st_to_uv(st[k]) == uv[k], "hs_st_to_uv(%g): expected %g exactly, came "
                    "%.17g", st[k], uv[k], hs_st_to_uv(st[k]));
    }
    for (int round = 0; round < 400; round++) {
        double u = rng_range(&r, -1, 1), s = rng_uniform(&r);
        double got_s = hs_uv_to_st(u), got_u = hs_st_to_uv(s);
        if (got_s != ref_uv_to_st(u))
            grade_fail("hs_uv_to_st(%.17g): expected %.17g, came %.17g (bit for bit, evaluated "
                       "in S2's order)", u, ref_uv_to_st(u), got_s);
        if (got_u != ref_st_to_uv(s))
            grade_fail("hs_st_to_uv(%.17g): expected %.17g, came %.17g (bit for bit, evaluated "
                       "in S2's order)", s, ref_st_to_uv(s), got_u);
        double back = hs_st_to_uv(got_s);
        expect_near(back, u, 2e-15, "hs_st_to_uv(hs_uv_to_st(%.17g)), the round trip", u);
    }
}

GRADED_TEST(leaf, st_to_ij, 1, SEC_LEAF)
{
    const double k = LEAF_SIZE;
    const struct {
        double s;
        uint32_t ij;
        const char *what;
    } cases[] = {
        {1.0 / k, 1, "1 / 2^30"},
        {0.5 / k, 0, "0.5 / 2^30 (floor, not round)"},
        {1.5 / k, 1, "1.5 / 2^30 (floor, not round half to even)"},
        {2.5 / k, 2, "2.5 / 2^30"},
        {(k - 1) / k, LEAF_SIZE - 1, "(2^30 - 1) / 2^30"},
        {1.0, LEAF_SIZE - 1, "1.0 (clamped to 2^30 - 1)"},
        {1.5, LEAF_SIZE - 1, "1.5 (clamped to 2^30 - 1)"},
        {0.0, 0, "0"},
        {-0.0, 0, "-0"},
        {-0.25, 0, "-0.25 (negative: 0)"},
        {NAN, 0, "NaN (0)"},
        {0.5, LEAF_SIZE / 2, "0.5"},
        {0.3, 322122547, "0.3"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint32_t came = hs_st_to_ij(cases[c].s);
        expect_true(came == cases[c].ij, "hs_st_to_ij(%s): expected %u, came %u", cases[c].what,
                    cases[c].ij, came);
    }
}

GRADED_TEST(leaf, face_ij_and_back, 2, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 500; round++) {
        int face = (int)rng_below(&r, 6);
        uint32_t i = (uint32_t)rng_below(&r, LEAF_SIZE), j = (uint32_t)rng_below(&r, LEAF_SIZE);
        if (round < 24) { /* the corners of every face */
            face = round / 4;
            i = round & 1 ? LEAF_SIZE - 1 : 0;
            j = round & 2 ? LEAF_SIZE - 1 : 0;
        }
        uint64_t cell = 0;
        snprintf(what, sizeof what, "hs_face_ij_to_cell(face %d, i = %u, j = %u)", face, i, j);
        expect_status(hs_face_ij_to_cell(face, i, j, &cell), HS_OK, "%s", what);
        expect_cell(cell, ref_face_ij_to_cell(face, i, j), what);
    }
    for (int round = 0; round < 500; round++) {
        uint64_t cell = ref_random_cell(&r, -1);
        int face = -1, orientation = -1, wf, wo;
        uint32_t i = 0, j = 0, wi, wj;
        char text[96];
        ref_cell_to_face_ij(cell, &wf, &wi, &wj, &wo);
        snprintf(what, sizeof what, "hs_cell_to_face_ij(%s)", cell_text(cell, text));
        expect_status(hs_cell_to_face_ij(cell, &face, &i, &j, &orientation), HS_OK, "%s", what);
        if (face != wf || i != wi || j != wj || orientation != wo)
            grade_fail("%s: expected face %d, i = %u, j = %u, orientation %d; came face %d, "
                       "i = %u, j = %u, orientation %d", what, wf, wi, wj, wo, face, i, j,
                       orientation);
    }
    uint64_t cell;
    int face, o;
    uint32_t i, j;
    expect_status(hs_face_ij_to_cell(6, 0, 0, &cell), HS_ERR_ARG, "hs_face_ij_to_cell(face 6)");
    expect_status(hs_face_ij_to_cell(-1, 0, 0, &cell), HS_ERR_ARG,
                  "hs_face_ij_to_cell(face -1)");
    expect_status(hs_face_ij_to_cell(0, LEAF_SIZE, 0, &cell), HS_ERR_ARG,
                  "hs_face_ij_to_cell(0, i = 2^30, 0)");
    expect_status(hs_face_ij_to_cell(0, 0, LEAF_SIZE, &cell), HS_ERR_ARG,
                  "hs_face_ij_to_cell(0, 0, j = 2^30)");
    expect_status(hs_face_ij_to_cell(0, 0, 0, NULL), HS_ERR_ARG,
                  "hs_face_ij_to_cell with cell = NULL");
    expect_status(hs_cell_to_face_ij(0, &face, &i, &j, &o), HS_ERR_ARG,
                  "hs_cell_to_face_ij(0), not a cell");
    expect_status(hs_cell_to_face_ij((uint64_t)6 << 61 | 1, &face, &i, &j, &o), HS_ERR_ARG,
                  "hs_cell_to_face_ij of a leaf on face 6");
    expect_status(hs_cell_to_face_ij((uint64_t)1 << 59 | 2, &face, &i, &j, &o), HS_ERR_ARG,
                  "hs_cell_to_face_ij of an id whose lowest 1 bit is at an odd position");
}

/* x with 4 decimals, as coordinates usually come. */
static double round_to(double x)
{
    return round(x * 1e4) / 1e4;
}

/* Random points everywhere, and near the cube's edges and corners, where a
 * face or a leaf boundary is one rounding away. */
static void random_latlng(rng *r, int round, double *lat, double *lng)
{
    switch (round % 4) {
    case 0: /* uniform on the sphere */
        *lat = asin(rng_range(r, -1, 1)) * (180 / 3.14159265358979323846);
        *lng = rng_range(r, -180, 180);
        break;
    case 1: /* near a cube edge: lng a multiple of 45 degrees */
        *lat = rng_range(r, -60, 60);
        *lng = -180 + 45 * (double)rng_below(r, 9) + rng_range(r, -1e-9, 1e-9);
        break;
    case 2: /* near a cube corner */
        *lat = (rng_below(r, 2) ? 1 : -1) * (35.26438968275466 + rng_range(r, -1e-7, 1e-7));
        *lng = -135 + 90 * (double)rng_below(r, 4) + rng_range(r, -1e-7, 1e-7);
        break;
    default: /* short decimals, as real data come */
        *lat = round_to(rng_range(r, -90, 90));
        *lng = round_to(rng_range(r, -180, 180));
        break;
    }
}

GRADED_TEST(leaf, random_points, 3, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    enum { N = 4000 };
    double *lat = calloc(N, sizeof *lat), *lng = calloc(N, sizeof *lng);
    uint64_t *cells = calloc(N, sizeof *cells);
    if (!lat || !lng || !cells)
        grade_fail("the grader ran out of memory");
    for (int k = 0; k < N; k++)
        random_latlng(&r, k, &lat[k], &lng[k]);
    expect_status(hs_latlng_to_cells(lat, lng, N, cells), HS_OK,
                  "hs_latlng_to_cells of %d random points", N);
    char what[200];
    for (int k = 0; k < N; k++) {
        snprintf(what, sizeof what, "hs_latlng_to_cells: point %d, lat/lng (%.17g, %.17g)", k,
                 lat[k], lng[k]);
        expect_cell(cells[k], ref_latlng_to_cell(lat[k], lng[k]), what);
    }
    for (int k = 0; k < 400; k++) {
        double p[3], scale = pow(10, rng_range(&r, -2, 2));
        ref_latlng_to_point(lat[k], lng[k], p);
        for (int c = 0; c < 3; c++)
            p[c] *= scale;
        uint64_t cell = 0;
        snprintf(what, sizeof what, "hs_point_to_cell(%.17g, %.17g, %.17g)", p[0], p[1], p[2]);
        expect_status(hs_point_to_cell(p, &cell), HS_OK, "%s", what);
        expect_cell(cell, ref_point_to_cell(p), what);
    }
    free(lat);
    free(lng);
    free(cells);
}

GRADED_TEST(leaf, batch_and_errors, 2, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    enum { N = 50 };
    double lat[N], lng[N];
    uint64_t cells[N], one;
    for (int k = 0; k < N; k++)
        random_latlng(&r, k, &lat[k], &lng[k]);
    expect_status(hs_latlng_to_cells(lat, lng, N, cells), HS_OK, "hs_latlng_to_cells");
    for (int k = 0; k < N; k++) {
        expect_status(hs_latlng_to_cell(lat[k], lng[k], &one), HS_OK,
                      "hs_latlng_to_cell(%.17g, %.17g)", lat[k], lng[k]);
        if (one != cells[k])
            grade_fail("hs_latlng_to_cells: point %d, lat/lng (%.17g, %.17g): expected "
                       "0x%016llx as hs_latlng_to_cell gives, came 0x%016llx", k, lat[k], lng[k],
                       (unsigned long long)one, (unsigned long long)cells[k]);
    }
    /* Stops at the first NaN, with the cells before it written. */
    int bad = 17;
    lng[bad] = NAN;
    lat[bad + 5] = NAN;
    for (int k = 0; k < N; k++)
        cells[k] = 0;
    expect_status(hs_latlng_to_cells(lat, lng, N, cells), HS_ERR_NAN,
                  "hs_latlng_to_cells with lng[%d] = NaN", bad);
    for (int k = 0; k < bad; k++)
        if (cells[k] != ref_latlng_to_cell(lat[k], lng[k]))
            grade_fail("hs_latlng_to_cells with lng[%d] = NaN: cells[%d] expected 0x%016llx "
                       "(the cells before the NaN are written), came 0x%016llx", bad, k,
                       (unsigned long long)ref_latlng_to_cell(lat[k], lng[k]),
                       (unsigned long long)cells[k]);
    lat[3] = -INFINITY;
    expect_status(hs_latlng_to_cells(lat, lng, N, cells), HS_ERR_NAN,
                  "hs_latlng_to_cells with lat[3] = -infinity");
    expect_status(hs_latlng_to_cells(lat, lng, 0, cells), HS_ERR_ARG,
                  "hs_latlng_to_cells with n = 0");
    expect_status(hs_latlng_to_cells(NULL, lng, 3, cells), HS_ERR_ARG,
                  "hs_latlng_to_cells(NULL, ...)");
    expect_status(hs_latlng_to_cells(lat, lng, 3, NULL), HS_ERR_ARG,
                  "hs_latlng_to_cells with cells = NULL");
    expect_status(hs_latlng_to_cell(NAN, 0, &one), HS_ERR_NAN, "hs_latlng_to_cell(NaN, 0)");
    expect_status(hs_latlng_to_cell(0, INFINITY, &one), HS_ERR_NAN,
                  "hs_latlng_to_cell(0, infinity)");
    expect_status(hs_latlng_to_cell(0, 0, NULL), HS_ERR_ARG,
                  "hs_latlng_to_cell with cell = NULL");
    const double zero[3] = {0, 0, 0}, nan[3] = {0, NAN, 1};
    expect_status(hs_point_to_cell(zero, &one), HS_ERR_ARG, "hs_point_to_cell(0, 0, 0)");
    expect_status(hs_point_to_cell(nan, &one), HS_ERR_NAN, "hs_point_to_cell(0, NaN, 1)");
    expect_status(hs_point_to_cell(NULL, &one), HS_ERR_ARG, "hs_point_to_cell(NULL, ...)");
}

/* A point of round k for hs_points_to_cells: one of random_latlng's, at a
 * random scale; on a face's edge (u or v = +-1, where the face changes);
 * on a cube edge or corner, or near one; an axis (the poles among them). */
static void random_xyz(rng *r, int round, double p[3])
{
    static const double special[][3] = {
        {0, 0, 1}, {0, 0, -1}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0},
        {1, 1, 0}, {-1, 1, 0}, {1, -1, 0}, {0, 1, 1}, {0, -1, -1}, {1, 0, -1},
        {1, 1, 1}, {-1, -1, -1}, {1, -1, 1}, {-1, 1, -1}, {1e-300, 1e-300, 1e-300},
        {1e300, -1e300, 1e300}, {1, 1e-300, -1e-300}, {-0.0, 0.0, -2},
    };
    double lat, lng, scale;
    switch (round % 4) {
    case 0:
        random_latlng(r, (int)rng_below(r, 4), &lat, &lng);
        ref_latlng_to_point(lat, lng, p);
        scale = pow(10, rng_range(r, -3, 3));
        for (int c = 0; c < 3; c++)
            p[c] *= scale;
        break;
    case 1: {
        int face = (int)rng_below(r, 6);
        double edge = rng_below(r, 2) ? 1 : -1, other = rng_range(r, -1, 1);
        if (rng_below(r, 2))
            ref_face_uv_to_point(face, edge, other, p);
        else
            ref_face_uv_to_point(face, other, edge, p);
        break;
    }
    case 2: {
        const double *q = special[6 + rng_below(r, 14)]; /* off an axis */
        for (int c = 0; c < 3; c++)
            p[c] = q[c] * (1 + rng_range(r, -1e-15, 1e-15));
        break;
    }
    default:
        memcpy(p, special[rng_below(r, sizeof special / sizeof special[0])], 3 * sizeof(double));
        break;
    }
}

GRADED_TEST(leaf, points_batch, 2, SEC_LEAF)
{
    rng r;
    grade_rng(&r);
    enum { N = 1037 }; /* not a multiple of any block or vector size */
    double *points = calloc(3 * N, sizeof *points);
    uint64_t *cells = calloc(N, sizeof *cells);
    if (!points || !cells)
        grade_fail("the grader ran out of memory");
    for (int k = 0; k < N; k++)
        random_xyz(&r, k, points + 3 * k);
    expect_status(hs_points_to_cells(points, N, cells), HS_OK,
                  "hs_points_to_cells of %d points", N);
    char what[200];
    for (int k = 0; k < N; k++) {
        const double *p = points + 3 * k;
        snprintf(what, sizeof what, "hs_points_to_cells: point %d, (%.17g, %.17g, %.17g)", k,
                 p[0], p[1], p[2]);
        expect_cell(cells[k], ref_point_to_cell(p), what);
    }
    /* Stops at the first point without a face, with the cells before it
     * written: a NaN (HS_ERR_NAN), the zero vector (HS_ERR_ARG), past the
     * first few hundred points and within the first few. */
    const struct {
        int at, component;
        double value;
        hs_status status;
    } bad[] = {
        {700, 1, NAN, HS_ERR_NAN}, {130, 2, INFINITY, HS_ERR_NAN}, {5, 0, -INFINITY, HS_ERR_NAN},
        {321, -1, 0, HS_ERR_ARG}, {0, -1, 0, HS_ERR_ARG},
    };
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        int at = bad[b].at;
        double saved[3];
        memcpy(saved, points + 3 * at, sizeof saved);
        for (int c = 0; c < 3; c++)
            if (bad[b].component < 0 || bad[b].component == c)
                points[3 * at + c] = bad[b].value;
        points[3 * (at + 9) + 1] = NAN; /* a second bad point after it */
        for (int k = 0; k < N; k++)
            cells[k] = 0;
        snprintf(what, sizeof what, "hs_points_to_cells with point %d = (%g, %g, %g)", at,
                 points[3 * at], points[3 * at + 1], points[3 * at + 2]);
        expect_status(hs_points_to_cells(points, N, cells), bad[b].status, "%s", what);
        for (int k = 0; k < at; k++)
            if (cells[k] != ref_point_to_cell(points + 3 * k))
                grade_fail("%s: cells[%d] expected 0x%016llx (the cells before the bad point "
                           "are written), came 0x%016llx", what, k,
                           (unsigned long long)ref_point_to_cell(points + 3 * k),
                           (unsigned long long)cells[k]);
        memcpy(points + 3 * at, saved, sizeof saved);
        random_xyz(&r, 0, points + 3 * (at + 9));
    }
    expect_status(hs_points_to_cells(points, 0, cells), HS_ERR_ARG,
                  "hs_points_to_cells with n = 0");
    expect_status(hs_points_to_cells(NULL, 3, cells), HS_ERR_ARG, "hs_points_to_cells(NULL, ...)");
    expect_status(hs_points_to_cells(points, 3, NULL), HS_ERR_ARG,
                  "hs_points_to_cells with cells = NULL");
    free(points);
    free(cells);
}
