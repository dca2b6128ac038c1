/* Exercise 6: covering a latitude/longitude rectangle with cells under a
 * minimum level, a maximum level and a budget (chapter section 8). The
 * covering is checked by its properties, never against one algorithm's
 * output: thousands of points of the rectangle (its corners and edges
 * too) each get their leaf from the grader's reference, which must lie in
 * some cell of the covering. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define DEG (3.14159265358979323846 / 180)
#define CAPACITY 40000

typedef struct {
    hs_rect rect;
    hs_cover_options options;
    char what[200];
} problem;

static problem make_problem(double lat_lo, double lat_hi, double lng_lo, double lng_hi,
                            int min_level, int max_level, size_t max_cells, const char *name)
{
    problem p = {{lat_lo, lat_hi, lng_lo, lng_hi}, {min_level, max_level, max_cells}, ""};
    snprintf(p.what, sizeof p.what, "%s lat [%.17g, %.17g] x lng [%.17g, %.17g], min_level %d, "
             "max_level %d, max_cells %zu", name, lat_lo, lat_hi, lng_lo, lng_hi, min_level,
             max_level, max_cells);
    return p;
}

/* The area of the rectangle, and the mean area of a cell of a level, in
 * steradians. */
static double rect_area(const hs_rect *r)
{
    return (sin(r->lat_hi * DEG) - sin(r->lat_lo * DEG)) * (r->lng_hi - r->lng_lo) * DEG;
}

static double cell_area(int level)
{
    return 4 * 3.14159265358979323846 / 6 / ldexp(1, 2 * level);
}

/* The covering of p (cells: CAPACITY of them, freed by the caller). */
static uint64_t *cover(const problem *p, size_t *count)
{
    uint64_t *cells = grade_alloc(CAPACITY, sizeof *cells);
    *count = 0;
    expect_status(hs_cover_rect(&p->rect, &p->options, cells, CAPACITY, count), HS_OK,
                  "hs_cover_rect of %s", p->what);
    expect_true(*count >= 1 && *count <= CAPACITY, "hs_cover_rect of %s: *count = %zu cells, "
                "expected 1 to %d", p->what, *count, CAPACITY);
    return cells;
}

static void check_structure(const problem *p, const uint64_t *cells, size_t count)
{
    char a[96], b[96];
    int all_min = 1;
    for (size_t k = 0; k < count; k++) {
        if (!ref_is_valid(cells[k]))
            grade_fail("hs_cover_rect of %s: cells[%zu] = 0x%016llx is not a valid cell",
                       p->what, k, (unsigned long long)cells[k]);
        int level = ref_level(cells[k]);
        if (level < p->options.min_level || level > p->options.max_level)
            grade_fail("hs_cover_rect of %s: cells[%zu] = %s has level %d, expected %d to %d",
                       p->what, k, cell_text(cells[k], a), level, p->options.min_level,
                       p->options.max_level);
        all_min &= level == p->options.min_level;
        if (k > 0 && cells[k - 1] >= cells[k])
            grade_fail("hs_cover_rect of %s: cells[%zu] = %s and cells[%zu] = %s: expected "
                       "sorted by id, without repeats", p->what, k - 1, cell_text(cells[k - 1], a),
                       k, cell_text(cells[k], b));
        if (k > 0 && ref_range_max(cells[k - 1]) >= ref_range_min(cells[k]))
            grade_fail("hs_cover_rect of %s: cells[%zu] = %s contains cells[%zu] = %s; no cell "
                       "of a covering contains another", p->what, ref_contains(cells[k - 1],
                       cells[k]) ? k - 1 : k, cell_text(cells[k - 1], a),
                       ref_contains(cells[k - 1], cells[k]) ? k : k - 1, cell_text(cells[k], b));
        if (k >= 3 && level > p->options.min_level &&
            ref_parent(cells[k - 3], level - 1) == ref_parent(cells[k], level - 1) &&
            ref_level(cells[k - 3]) == level && ref_level(cells[k - 2]) == level &&
            ref_level(cells[k - 1]) == level)
            grade_fail("hs_cover_rect of %s: cells[%zu..%zu] are the four children of %s, "
                       "expected their parent instead", p->what, k - 3, k,
                       cell_text(ref_parent(cells[k], level - 1), a));
    }
    if (count > p->options.max_cells && !all_min)
        grade_fail("hs_cover_rect of %s: %zu cells, expected at most max_cells = %zu (more "
                   "only when min_level forces them, all at level %d)", p->what, count,
                   p->options.max_cells, p->options.min_level);
}

/* Does the covering hold the point? Fails the test if not. */
static void check_point(const problem *p, const uint64_t *cells, size_t count, double lat,
                        double lng, const char *where)
{
    uint64_t leaf = ref_latlng_to_cell(lat, lng);
    if (ref_find_container(cells, count, leaf) < 0) {
        char text[96];
        grade_fail("hs_cover_rect of %s: the point (%.17g, %.17g) %s, leaf %s, is in none of "
                   "the %zu cells: expected a covering that contains the whole rectangle",
                   p->what, lat, lng, where, cell_text(leaf, text), count);
    }
}

static void check_contains_rect(rng *r, const problem *p, const uint64_t *cells, size_t count,
                                int samples)
{
    const hs_rect *x = &p->rect;
    const double lats[2] = {x->lat_lo, x->lat_hi}, lngs[2] = {x->lng_lo, x->lng_hi};
    for (int c = 0; c < 4; c++)
        check_point(p, cells, count, lats[c & 1], lngs[c >> 1], "at a corner of the rectangle");
    for (int k = 0; k < samples; k++) {
        double lat, lng;
        ref_random_in_rect(r, x, &lat, &lng);
        switch (k % 4) {
        case 0:
            check_point(p, cells, count, lats[k / 4 % 2], lng, "on a parallel edge");
            break;
        case 1:
            check_point(p, cells, count, lat, lngs[k / 4 % 2], "on a meridian edge");
            break;
        default:
            check_point(p, cells, count, lat, lng, "inside the rectangle");
            break;
        }
    }
}

/* Great-circle distance between two lat/lng points, radians. */
static double distance(double lat1, double lng1, double lat2, double lng2)
{
    double a = sin((lat2 - lat1) * DEG / 2), b = sin((lng2 - lng1) * DEG / 2);
    double h = a * a + cos(lat1 * DEG) * cos(lat2 * DEG) * b * b;
    return 2 * asin(fmin(1, sqrt(h)));
}

/* Each cell comes near the rectangle: its centre within a few cell
 * diagonals of it (a loose bound, blind to how exactly a coverer tests
 * intersection, that still catches cells far from the region). */
static void check_near(const problem *p, const uint64_t *cells, size_t count)
{
    for (size_t k = 0; k < count; k++) {
        double lat, lng;
        ref_cell_center(cells[k], &lat, &lng);
        double clat = fmin(fmax(lat, p->rect.lat_lo), p->rect.lat_hi), d = INFINITY;
        for (int turn = -1; turn <= 1; turn++) { /* the short way may cross lng 180 */
            double clng = fmin(fmax(lng + 360 * turn, p->rect.lng_lo), p->rect.lng_hi);
            d = fmin(d, distance(lat, lng + 360 * turn, clat, clng));
        }
        int level = ref_level(cells[k]);
        double reach = 3 * 2.438654594434021 / ldexp(1, level) + 1e-9;
        if (d > reach) {
            char text[96];
            grade_fail("hs_cover_rect of %s: cells[%zu] = %s, centred at (%.6f, %.6f), is %.3g "
                       "radians from the rectangle, too far to meet it", p->what, k,
                       cell_text(cells[k], text), lat, lng, d);
        }
    }
}

static void check_all(rng *r, const problem *p, int samples)
{
    size_t count;
    uint64_t *cells = cover(p, &count);
    check_structure(p, cells, count);
    check_contains_rect(r, p, cells, count, samples);
    check_near(p, cells, count);
}

/* The finest level whose cells the rectangle spans at most `most` of (by
 * mean area): min_level below it keeps the forced covering small. */
static int finest_level_for(const hs_rect *x, double most)
{
    int level = 0;
    while (level < 30 && rect_area(x) / cell_area(level + 1) <= most)
        level++;
    return level;
}

static problem random_problem(rng *r, int round)
{
    double size_lat, size_lng;
    switch (round % 4) {
    case 0: size_lat = pow(10, rng_range(r, -6, -2)); size_lng = pow(10, rng_range(r, -6, -2)); break;
    case 1: size_lat = pow(10, rng_range(r, -2, 0.5)); size_lng = pow(10, rng_range(r, -2, 0.5)); break;
    case 2: size_lat = rng_range(r, 2, 40); size_lng = rng_range(r, 2, 60); break;
    default: size_lat = rng_range(r, 30, 180); size_lng = rng_range(r, 30, 360); break;
    }
    size_lat = fmin(size_lat, 180);
    size_lng = fmin(size_lng, 360);
    double lat_lo = rng_range(r, -90, 90 - size_lat), lng_lo = rng_range(r, -180, 180 - size_lng);
    problem p = make_problem(lat_lo, lat_lo + size_lat, lng_lo, lng_lo + size_lng, 0, 30, 8,
                             "the rectangle");
    int finest = finest_level_for(&p.rect, 300);
    int min_level = (int)rng_below(r, (uint64_t)finest + 1);
    int max_level = min_level + (int)rng_below(r, (uint64_t)(31 - min_level));
    size_t max_cells = 1 + rng_below(r, round % 3 ? 100 : 8);
    return make_problem(p.rect.lat_lo, p.rect.lat_hi, p.rect.lng_lo, p.rect.lng_hi, min_level,
                        max_level, max_cells, "the rectangle");
}

/* The seed's two coverings of Porto Alegre. */
GRADED_TEST_T(cover, porto_alegre, 2, SEC_COVER, 5)
{
    rng r;
    grade_rng(&r);
    problem p = make_problem(-30.241701, -30.000003, -51.264871, -51.04618, 8, 15, 500,
                             "Porto Alegre,");
    check_all(&r, &p, 4000);
    p = make_problem(-30.241701, -30.000003, -51.264871, -51.04618, 15, 15, 500, "Porto Alegre,");
    size_t count;
    uint64_t *cells = cover(&p, &count);
    check_structure(&p, cells, count);
    check_contains_rect(&r, &p, cells, count, 20000);
    check_near(&p, cells, count);
    expect_true(count <= 8523 * 105 / 100, "hs_cover_rect of %s: %zu cells; S2's coverer "
                "needs 8523, expected at most 5 %% more", p.what, count);
}

GRADED_TEST_T(cover, random_rectangles, 4, SEC_COVER, 5)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++) {
        problem p = random_problem(&r, round);
        check_all(&r, &p, 1500);
    }
}

/* Whole sphere, caps, strips, points, lines, face edges and cube corners. */
GRADED_TEST_T(cover, special_rectangles, 2, SEC_COVER, 5)
{
    rng r;
    grade_rng(&r);
    const problem cases[] = {
        make_problem(-90, 90, -180, 180, 0, 30, 8, "the whole sphere,"),
        make_problem(-90, 90, -180, 180, 2, 30, 8, "the whole sphere,"),
        make_problem(80, 90, -180, 180, 0, 30, 20, "a polar cap,"),
        make_problem(-90, -75, -180, 180, 1, 12, 50, "a polar cap,"),
        make_problem(-10, 10, -180, 180, 0, 20, 30, "the equator's band,"),
        make_problem(-1, 1, 179, 180, 0, 30, 10, "at the antimeridian,"),
        make_problem(-1, 1, -180, -179, 0, 30, 10, "at the antimeridian,"),
        make_problem(47.3769, 47.3769, 8.5417, 8.5417, 0, 30, 8, "a single point,"),
        make_problem(47.3769, 47.3769, 8.5417, 8.5417, 10, 30, 1, "a single point,"),
        make_problem(47.3, 47.4, 8.5417, 8.5417, 0, 25, 16, "a meridian segment,"),
        make_problem(12.5, 12.5, -20, 20, 0, 18, 16, "a parallel segment,"),
        make_problem(0, 45, 45, 135, 0, 30, 30, "along face edges,"),
        make_problem(35.2, 35.3, 44.9, 45.1, 0, 30, 12, "around a cube corner,"),
        make_problem(-35.3, -35.2, -135.1, -134.9, 0, 30, 12, "around a cube corner,"),
        make_problem(-45, 45, -45, 45, 0, 30, 1, "face 0's square,"),
        make_problem(0, 90, 0, 180, 0, 0, 8, "a quarter of the sphere,"),
        make_problem(-30.0000001, -30.0, -51.0000001, -51.0, 30, 30, 4,
                     "a tiny rectangle at leaf level,"),
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        check_all(&r, &cases[k], 2000);
}

/* min_level above what max_cells allows: every cell at min_level, as many
 * as it takes. */
GRADED_TEST_T(cover, min_level_forces_more, 1, SEC_COVER, 5)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 6; round++) {
        double lat = rng_range(&r, -70, 60), lng = rng_range(&r, -180, 160);
        problem p = make_problem(lat, lat + 10, lng, lng + 20, 5, 5 + round, 3, "the rectangle");
        size_t count;
        uint64_t *cells = cover(&p, &count);
        check_structure(&p, cells, count);
        check_contains_rect(&r, &p, cells, count, 2000);
        check_near(&p, cells, count);
        expect_true(count > 3, "hs_cover_rect of %s: %zu cells; a 10 x 20 degree rectangle "
                    "takes more than 3 cells of level 5", p.what, count);
    }
}

/* With a budget of 20 to 60 cells, the covering of a rectangle no more
 * than 3 times as wide as high is not much larger than it (not the six
 * faces, not a few big cells). */
GRADED_TEST_T(cover, tight, 1, SEC_COVER, 5)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        double h = rng_range(&r, 1, 20), w = fmin(h * rng_range(&r, 0.5, 3), 60);
        double lat = rng_range(&r, -70, 70 - h), lng = rng_range(&r, -180, 180 - w);
        size_t max_cells = 20 + rng_below(&r, 41);
        problem p = make_problem(lat, lat + h, lng, lng + w, 0, 30, max_cells, "the rectangle");
        size_t count;
        uint64_t *cells = cover(&p, &count);
        double area = 0;
        for (size_t k = 0; k < count; k++)
            area += cell_area(ref_level(cells[k]));
        double ratio = area / rect_area(&p.rect);
        expect_true(ratio <= 10, "hs_cover_rect of %s: %zu cells of about %.4g steradians in "
                    "all, %.1f times the rectangle's %.4g; expected at most 10 times when the "
                    "budget allows finer cells", p.what, count, area, ratio, rect_area(&p.rect));
    }
}

/* HS_ERR_SPACE with the size needed; then that size is enough. */
GRADED_TEST(cover, space, 1, SEC_COVER)
{
    problem p = make_problem(40.5, 41, -74.3, -73.7, 0, 20, 25, "New York,");
    size_t full_count, count = 0;
    uint64_t *full = cover(&p, &full_count), one[1] = {0};
    expect_status(hs_cover_rect(&p.rect, &p.options, one, 0, &count), HS_ERR_SPACE,
                  "hs_cover_rect of %s with capacity 0", p.what);
    expect_true(count == full_count, "hs_cover_rect of %s with capacity 0: *count expected %zu "
                "(the size needed), came %zu", p.what, full_count, count);
    if (full_count > 1) {
        uint64_t *cells = grade_alloc(full_count, sizeof *cells);
        count = 0;
        expect_status(hs_cover_rect(&p.rect, &p.options, cells, full_count - 1, &count),
                      HS_ERR_SPACE, "hs_cover_rect of %s with capacity %zu, one too few",
                      p.what, full_count - 1);
        expect_true(count == full_count, "hs_cover_rect of %s with capacity %zu: *count "
                    "expected %zu, came %zu", p.what, full_count - 1, full_count, count);
        expect_status(hs_cover_rect(&p.rect, &p.options, cells, full_count, &count), HS_OK,
                      "hs_cover_rect of %s with capacity %zu, just enough", p.what, full_count);
        expect_true(count == full_count && memcmp(cells, full, full_count * sizeof *cells) == 0,
                    "hs_cover_rect of %s with capacity %zu: expected the same %zu cells as with "
                    "room to spare, came %zu", p.what, full_count, full_count, count);
    }
}

GRADED_TEST(cover, errors, 1, SEC_COVER)
{
    const hs_rect good = {10, 20, 30, 40};
    const hs_cover_options opt = {0, 20, 8};
    uint64_t cells[64];
    size_t count;
    const hs_rect bad[] = {{20, 10, 30, 40}, {10, 20, 40, 30}, {-91, 0, 0, 1}, {0, 91, 0, 1},
                           {0, 1, -181, 0}, {0, 1, 0, 181}};
    const char *why[] = {"lat_lo > lat_hi", "lng_lo > lng_hi", "lat_lo = -91", "lat_hi = 91",
                         "lng_lo = -181", "lng_hi = 181"};
    for (int k = 0; k < 6; k++)
        expect_status(hs_cover_rect(&bad[k], &opt, cells, 64, &count), HS_ERR_ARG,
                      "hs_cover_rect with %s", why[k]);
    const hs_cover_options bad_opt[] = {{-1, 20, 8}, {5, 4, 8}, {0, 31, 8}, {0, 20, 0}};
    const char *why_opt[] = {"min_level = -1", "min_level 5 > max_level 4", "max_level = 31",
                             "max_cells = 0"};
    for (int k = 0; k < 4; k++)
        expect_status(hs_cover_rect(&good, &bad_opt[k], cells, 64, &count), HS_ERR_ARG,
                      "hs_cover_rect with %s", why_opt[k]);
    const hs_rect nan_rects[] = {{NAN, 20, 30, 40}, {10, 20, 30, NAN}};
    for (int k = 0; k < 2; k++)
        expect_status(hs_cover_rect(&nan_rects[k], &opt, cells, 64, &count), HS_ERR_NAN,
                      "hs_cover_rect with %s = NaN", k ? "lng_hi" : "lat_lo");
    expect_status(hs_cover_rect(NULL, &opt, cells, 64, &count), HS_ERR_ARG,
                  "hs_cover_rect(NULL, ...)");
    expect_status(hs_cover_rect(&good, NULL, cells, 64, &count), HS_ERR_ARG,
                  "hs_cover_rect with options = NULL");
    expect_status(hs_cover_rect(&good, &opt, cells, 64, NULL), HS_ERR_ARG,
                  "hs_cover_rect with count = NULL");
    expect_status(hs_cover_rect(&good, &opt, NULL, 64, &count), HS_ERR_ARG,
                  "hs_cover_rect with cells = NULL and capacity 64");
}
