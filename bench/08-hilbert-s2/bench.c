/* bench.c: lesson 08's leaf cells and coverings against Google's S2 library
 * and a plain port of the spec.
 *
 *     make bench LESSON=08
 *     bench-08-hilbert-s2 --check [N]
 *
 * Converts 10 million seeded random latitude/longitude pairs, uniform on the
 * sphere, to leaf cell ids on one thread, four ways in one run:
 * hs_latlng_to_cells (the solution's batch path), hs_latlng_to_cell in a
 * loop, S2CellId(S2LatLng::FromDegrees(lat, lng)) from Debian's libs2
 * (S2 0.10.0) through s2_shim.cpp, and a plain port of the spec written
 * here, which walks the Hilbert curve one level at a time instead of four
 * levels per table lookup. Then 10 million random unit points the same way
 * (hs_points_to_cells and hs_point_to_cell in a loop against
 * S2CellId(S2Point)), then the seed's Porto Alegre rectangle covered by
 * hs_cover_rect and by S2RegionCoverer.
 *
 * Every id is checked against libs2. They must agree except where S2 0.10
 * rounds ST -> IJ to nearest even instead of down (the chapter's section
 * 4): a difference counts as that one when the plain port, run with 0.10's
 * rounding, gives libs2's id and, run with floor, the solution's. Any other
 * difference fails the run.
 *
 * --check [N] (make test): no timing; N random pairs and N random points
 * (default 10^6), plus the hard cases (poles, +-180, cube edges and corners,
 * points on leaf boundaries), and the two coverings. */
#include "s2cell.h"
#include "s2face.h"
#include "s2_shim.h"

#include "machine.h"
#include "rng.h"
#include "timing.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REPS = 5 };
#define BENCH_POINTS ((size_t)10000000)
#define CHECK_POINTS ((size_t)1000000)
#define PI 3.14159265358979323846
#define LIMIT_IJ 1073741824.0 /* 2^30 leaves along a face's side */

/* ---- the plain port of the spec -------------------------------------------- */

/* How ST -> IJ rounds: current S2's floor, or S2 0.10's
 * round-half-to-even of 2^30 s - 0.5. */
typedef enum { ROUND_FLOOR, ROUND_S2_0_10 } ij_rounding;

static uint32_t plain_st_to_ij(double s, ij_rounding rounding)
{
    double ij = rounding == ROUND_FLOOR ? floor(LIMIT_IJ * s) : nearbyint(LIMIT_IJ * s - 0.5);
    if (!(ij > 0))
        return 0;
    return ij > LIMIT_IJ - 1 ? (uint32_t)(LIMIT_IJ - 1) : (uint32_t)ij;
}

static double plain_uv_to_st(double u)
{
    return u >= 0 ? 0.5 * sqrt(1 + 3 * u) : 1 - 0.5 * sqrt(1 - 3 * u);
}

/* The Hilbert curve one level at a time: at each level the quadrant (i bit,
 * j bit) gives the position 0..3 in the current orientation, and the
 * position changes the orientation of the level below. */
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

static uint64_t plain_point_to_cell(const double p[3], ij_rounding rounding)
{
    double ax = fabs(p[0]), ay = fabs(p[1]), az = fabs(p[2]);
    int axis = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
    int face = p[axis] < 0 ? axis + 3 : axis;
    double u, v;
    switch (face) {
    case 0: u = p[1] / p[0]; v = p[2] / p[0]; break;
    case 1: u = -p[0] / p[1]; v = p[2] / p[1]; break;
    case 2: u = -p[0] / p[2]; v = -p[1] / p[2]; break;
    case 3: u = p[2] / p[0]; v = p[1] / p[0]; break;
    case 4: u = p[2] / p[1]; v = -p[0] / p[1]; break;
    default: u = -p[1] / p[2]; v = -p[0] / p[2]; break;
    }
    return plain_face_ij_to_cell(face, plain_st_to_ij(plain_uv_to_st(u), rounding),
                                 plain_st_to_ij(plain_uv_to_st(v), rounding));
}

static uint64_t plain_latlng_to_cell(double lat, double lng, ij_rounding rounding)
{
    double phi = (PI / 180) * lat, theta = (PI / 180) * lng;
    double p[3] = {cos(theta) * cos(phi), sin(theta) * cos(phi), sin(phi)};
    return plain_point_to_cell(p, rounding);
}

/* ---- the inputs ------------------------------------------------------------- */

typedef struct {
    size_t n;
    double *lat, *lng; /* n each, degrees */
    double *xyz;       /* 3n: unit points */
} inputs;

static void free_inputs(inputs *in)
{
    free(in->lat);
    free(in->lng);
    free(in->xyz);
}

/* The hard cases first (special, count of them: lat/lng pairs, and points),
 * then random ones up to n: pairs uniform on the sphere, points normalised
 * Gaussian vectors. */
static int make_inputs(inputs *in, size_t n, uint64_t seed, const double (*pairs)[2],
                       size_t pair_count, const double (*points)[3], size_t point_count)
{
    in->n = n;
    in->lat = malloc(n * sizeof *in->lat);
    in->lng = malloc(n * sizeof *in->lng);
    in->xyz = malloc(3 * n * sizeof *in->xyz);
    if (!in->lat || !in->lng || !in->xyz)
        return -1;
    rng r;
    rng_seed(&r, seed);
    for (size_t k = 0; k < n; k++) {
        if (k < pair_count) {
            in->lat[k] = pairs[k][0];
            in->lng[k] = pairs[k][1];
        } else {
            in->lat[k] = asin(rng_range(&r, -1, 1)) * (180 / PI);
            in->lng[k] = rng_range(&r, -180, 180);
        }
        double *p = in->xyz + 3 * k;
        if (k < point_count) {
            memcpy(p, points[k], sizeof points[k]);
            continue;
        }
        double norm;
        do {
            p[0] = rng_normal(&r), p[1] = rng_normal(&r), p[2] = rng_normal(&r);
            norm = sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        } while (norm < 1e-6);
        p[0] /= norm, p[1] /= norm, p[2] /= norm;
    }
    return 0;
}

/* ---- the methods ------------------------------------------------------------ */

typedef struct {
    const inputs *in;
    uint64_t *cells;
    hs_status status;
} convert_job;

static void run_batch(void *ctx)
{
    convert_job *job = ctx;
    job->status = hs_latlng_to_cells(job->in->lat, job->in->lng, job->in->n, job->cells);
}

static void run_single(void *ctx)
{
    convert_job *job = ctx;
    for (size_t k = 0; k < job->in->n && job->status == HS_OK; k++)
        job->status = hs_latlng_to_cell(job->in->lat[k], job->in->lng[k], job->cells + k);
}

static void run_s2_latlng(void *ctx)
{
    convert_job *job = ctx;
    s2_latlng_to_cells(job->in->lat, job->in->lng, job->in->n, job->cells);
}

static void run_plain_latlng(void *ctx)
{
    convert_job *job = ctx;
    for (size_t k = 0; k < job->in->n; k++)
        job->cells[k] = plain_latlng_to_cell(job->in->lat[k], job->in->lng[k], ROUND_FLOOR);
}

static void run_points(void *ctx)
{
    convert_job *job = ctx;
    job->status = hs_points_to_cells(job->in->xyz, job->in->n, job->cells);
}

static void run_point(void *ctx)
{
    convert_job *job = ctx;
    for (size_t k = 0; k < job->in->n && job->status == HS_OK; k++)
        job->status = hs_point_to_cell(job->in->xyz + 3 * k, job->cells + k);
}

static void run_s2_point(void *ctx)
{
    convert_job *job = ctx;
    s2_points_to_cells(job->in->xyz, job->in->n, job->cells);
}

static void run_plain_point(void *ctx)
{
    convert_job *job = ctx;
    for (size_t k = 0; k < job->in->n; k++)
        job->cells[k] = plain_point_to_cell(job->in->xyz + 3 * k, ROUND_FLOOR);
}

/* ---- agreement with libs2 --------------------------------------------------- */

typedef struct {
    size_t equal, rounding, other;
} agreement;

/* Counts how the ids of one method compare with libs2's (lib), every
 * difference classified by the plain port with either rounding. */
static agreement compare_with_s2(const inputs *in, int points, const uint64_t *ours,
                                 const uint64_t *lib, const char *what)
{
    agreement a = {0, 0, 0};
    for (size_t k = 0; k < in->n; k++) {
        if (ours[k] == lib[k]) {
            a.equal++;
            continue;
        }
        const double *p = in->xyz + 3 * k;
        uint64_t floor_id = points ? plain_point_to_cell(p, ROUND_FLOOR)
                                   : plain_latlng_to_cell(in->lat[k], in->lng[k], ROUND_FLOOR);
        uint64_t old_id = points ? plain_point_to_cell(p, ROUND_S2_0_10)
                                 : plain_latlng_to_cell(in->lat[k], in->lng[k], ROUND_S2_0_10);
        if (ours[k] == floor_id && lib[k] == old_id) {
            a.rounding++;
            continue;
        }
        if (a.other++ < 5) {
            if (points)
                fprintf(stderr, "  %s: point (%.17g, %.17g, %.17g)", what, p[0], p[1], p[2]);
            else
                fprintf(stderr, "  %s: lat %.17g lng %.17g", what, in->lat[k], in->lng[k]);
            fprintf(stderr, ": %016llx, libs2 %016llx\n", (unsigned long long)ours[k],
                    (unsigned long long)lib[k]);
        }
    }
    return a;
}

static int report_agreement(const char *what, agreement a)
{
    printf("  %-30s %9zu equal to libs2's, %zu differ by S2 0.10's rounding, %zu otherwise%s\n",
           what, a.equal, a.rounding, a.other, a.other ? "  FAILED" : "");
    return a.other != 0;
}

static int report_failure(const char *what, hs_status status)
{
    if (status == HS_OK)
        return 0;
    fprintf(stderr, "bench-08-hilbert-s2: %s: %s\n", what, hs_status_str(status));
    return 1;
}

/* ---- the timed comparisons -------------------------------------------------- */

static void print_rate(const timed_task *task, const timed_task *first, size_t n)
{
    printf("  %-32s %8.1f ms  %6.2f M points/s  ratio=%5.2f\n", task->name, 1e3 * task->best,
           (double)n / task->best / 1e6, task->best / first->best);
}

/* "target" when the solution is at least target times faster than libs2. */
static void print_verdict(const char *what, const timed_task *ours, const timed_task *lib,
                          const timed_task *plain, double target)
{
    double speedup = lib->best / ours->best;
    printf("bench-08-hilbert-s2: %s: %.2f times libs2's speed (target %.1f: %s), %.2f times "
           "the plain port's\n",
           what, speedup, target, speedup >= target ? "met" : "NOT MET", plain->best / ours->best);
}

static uint64_t *new_cells(size_t n)
{
    return malloc(n * sizeof(uint64_t));
}

static int bench_latlng(const inputs *in)
{
    uint64_t *cells[4];
    int failed = 0;
    for (size_t m = 0; m < 4; m++)
        failed |= !(cells[m] = new_cells(in->n));
    if (!failed) {
        convert_job jobs[4];
        for (size_t m = 0; m < 4; m++)
            jobs[m] = (convert_job){in, cells[m], HS_OK};
        timed_task tasks[] = {
            {"hs_latlng_to_cells", run_batch, &jobs[0], 0.0},
            {"hs_latlng_to_cell, a loop", run_single, &jobs[1], 0.0},
            {"libs2 S2CellId(S2LatLng)", run_s2_latlng, &jobs[2], 0.0},
            {"plain port, bit by bit", run_plain_latlng, &jobs[3], 0.0},
        };
        time_interleaved(tasks, 4, REPS);
        failed = report_failure("hs_latlng_to_cells", jobs[0].status) ||
                 report_failure("hs_latlng_to_cell", jobs[1].status);
        printf("\nlat/lng -> leaf cell, %zu points (ratio = time / hs_latlng_to_cells' time)\n",
               in->n);
        for (size_t m = 0; m < 4; m++)
            print_rate(&tasks[m], &tasks[0], in->n);
        if (!failed) {
            failed |= report_agreement("hs_latlng_to_cells:",
                                       compare_with_s2(in, 0, cells[0], cells[2], "batch"));
            failed |= report_agreement("hs_latlng_to_cell:",
                                       compare_with_s2(in, 0, cells[1], cells[2], "single"));
            failed |= report_agreement("plain port:",
                                       compare_with_s2(in, 0, cells[3], cells[2], "plain"));
            print_verdict("lat/lng -> leaf", &tasks[0], &tasks[2], &tasks[3], 1.5);
        }
    }
    for (size_t m = 0; m < 4; m++)
        free(cells[m]);
    return failed;
}

static int bench_points(const inputs *in)
{
    uint64_t *cells[4];
    int failed = 0;
    for (size_t m = 0; m < 4; m++)
        failed |= !(cells[m] = new_cells(in->n));
    if (!failed) {
        convert_job jobs[4];
        for (size_t m = 0; m < 4; m++)
            jobs[m] = (convert_job){in, cells[m], HS_OK};
        timed_task tasks[] = {
            {"hs_points_to_cells", run_points, &jobs[0], 0.0},
            {"hs_point_to_cell, a loop", run_point, &jobs[1], 0.0},
            {"libs2 S2CellId(S2Point)", run_s2_point, &jobs[2], 0.0},
            {"plain port, bit by bit", run_plain_point, &jobs[3], 0.0},
        };
        time_interleaved(tasks, 4, REPS);
        failed = report_failure("hs_points_to_cells", jobs[0].status) ||
                 report_failure("hs_point_to_cell", jobs[1].status);
        printf("\nunit point -> leaf cell, %zu points (ratio = time / hs_points_to_cells' time)\n",
               in->n);
        for (size_t m = 0; m < 4; m++)
            print_rate(&tasks[m], &tasks[0], in->n);
        if (!failed) {
            failed |= report_agreement("hs_points_to_cells:",
                                       compare_with_s2(in, 1, cells[0], cells[2], "batch"));
            failed |= report_agreement("hs_point_to_cell:",
                                       compare_with_s2(in, 1, cells[1], cells[2], "point"));
            failed |= report_agreement("plain port:",
                                       compare_with_s2(in, 1, cells[3], cells[2], "plain"));
            /* The target holds for the faster of the solution's two ways. */
            const timed_task *best = tasks[1].best < tasks[0].best ? &tasks[1] : &tasks[0];
            print_verdict("unit point -> leaf", best, &tasks[2], &tasks[3], 2.0);
        }
    }
    for (size_t m = 0; m < 4; m++)
        free(cells[m]);
    return failed;
}

/* ---- the coverings ------------------------------------------------------------ */

/* The seed's rectangle around Porto Alegre. */
static const hs_rect PORTO_ALEGRE = {-30.241701, -30.000003, -51.264871, -51.04618};
enum { COVER_CAPACITY = 1 << 16 };

typedef struct {
    hs_cover_options options;
    uint64_t *cells;
    size_t count;
    int failed;
} cover_job;

static void run_cover(void *ctx)
{
    cover_job *job = ctx;
    job->failed = hs_cover_rect(&PORTO_ALEGRE, &job->options, job->cells, COVER_CAPACITY,
                                &job->count) != HS_OK;
}

static void run_s2_cover(void *ctx)
{
    cover_job *job = ctx;
    const hs_rect *r = &PORTO_ALEGRE;
    job->failed = s2_cover_rect(r->lat_lo, r->lat_hi, r->lng_lo, r->lng_hi,
                                job->options.min_level, job->options.max_level,
                                (int)job->options.max_cells, job->cells, COVER_CAPACITY,
                                &job->count) != 0;
}

/* How many of a's cells (sorted) are also in b (sorted). */
static size_t common_cells(const cover_job *a, const cover_job *b)
{
    size_t common = 0;
    for (size_t i = 0, j = 0; i < a->count && j < b->count;) {
        if (a->cells[i] == b->cells[j])
            common++, i++, j++;
        else if (a->cells[i] < b->cells[j])
            i++;
        else
            j++;
    }
    return common;
}

/* The coarsest and finest level of a covering. */
static void level_span(const cover_job *job, int *lo, int *hi)
{
    *lo = HS_MAX_LEVEL, *hi = 0;
    for (size_t k = 0; k < job->count; k++) {
        int level;
        if (hs_cell_level(job->cells[k], &level) != HS_OK)
            continue;
        *lo = level < *lo ? level : *lo;
        *hi = level > *hi ? level : *hi;
    }
}

/* 1 when every cell of fine lies inside a cell of cover (both sorted, the
 * cells of cover disjoint). */
static int covers_all(const cover_job *cover, const cover_job *fine)
{
    size_t i = 0;
    for (size_t j = 0; j < fine->count; j++) {
        uint64_t lo, hi;
        while (i < cover->count && hs_cell_range(cover->cells[i], &lo, &hi) == HS_OK &&
               hi < fine->cells[j])
            i++;
        int inside = 0;
        if (i == cover->count || hs_cell_contains(cover->cells[i], fine->cells[j], &inside) != HS_OK ||
            !inside)
            return 0;
    }
    return 1;
}

static void print_covering(const char *name, const cover_job *job, const timed_task *task)
{
    int lo, hi;
    level_span(job, &lo, &hi);
    printf("    %-16s %5zu cells, levels %2d..%2d", name, job->count, lo, hi);
    if (task)
        printf(", %8.3f ms", 1e3 * task->best);
}

/* One covering both ways (timed unless reps is 0), and how the two compare:
 * the number of cells they share, whether they are identical. */
static int compare_covering(hs_cover_options options, int reps, cover_job *ours, cover_job *lib)
{
    ours->options = lib->options = options;
    timed_task tasks[] = {
        {"hs_cover_rect", run_cover, ours, 0.0},
        {"S2RegionCoverer", run_s2_cover, lib, 0.0},
    };
    if (reps > 0)
        time_interleaved(tasks, 2, reps);
    else
        run_cover(ours), run_s2_cover(lib);
    if (ours->failed || lib->failed) {
        fprintf(stderr, "bench-08-hilbert-s2: a covering failed\n");
        return 0;
    }
    size_t common = common_cells(ours, lib);
    int identical = ours->count == lib->count && common == ours->count;
    printf("  min %d max %d max_cells %zu: %s (%zu cells in common)\n", options.min_level,
           options.max_level, options.max_cells, identical ? "identical" : "different", common);
    print_covering("hs_cover_rect", ours, reps > 0 ? &tasks[0] : NULL);
    printf("\n");
    print_covering("S2RegionCoverer", lib, reps > 0 ? &tasks[1] : NULL);
    if (reps > 0)
        printf("  ratio=%.2f", tasks[1].best / tasks[0].best);
    printf("\n");
    return identical;
}

/* The two coverings of the seed. Fails unless the level-15 ones are
 * identical (there is only one: every level-15 cell that meets the
 * rectangle) and the solution's 8..15 covering, which may choose other
 * cells than S2's heuristic, contains every one of those level-15 cells,
 * within its budget. */
static int compare_coverings(int reps)
{
    printf("\nthe seed's Porto Alegre rectangle, lat %.6f..%.6f, lng %.6f..%.6f%s\n",
           PORTO_ALEGRE.lat_lo, PORTO_ALEGRE.lat_hi, PORTO_ALEGRE.lng_lo, PORTO_ALEGRE.lng_hi,
           reps > 0 ? " (ratio = S2RegionCoverer's time / hs_cover_rect's)" : "");
    cover_job mixed = {{0, 0, 0}, malloc(COVER_CAPACITY * sizeof(uint64_t)), 0, 0};
    cover_job ours = {{0, 0, 0}, malloc(COVER_CAPACITY * sizeof(uint64_t)), 0, 0};
    cover_job lib = {{0, 0, 0}, malloc(COVER_CAPACITY * sizeof(uint64_t)), 0, 0};
    int failed = !mixed.cells || !ours.cells || !lib.cells;
    if (!failed) {
        compare_covering((hs_cover_options){8, 15, 500}, reps, &mixed, &lib);
        int budget = mixed.count <= 500 && !mixed.failed && !lib.failed;
        int identical = compare_covering((hs_cover_options){15, 15, 500}, reps, &ours, &lib);
        int contains = identical && covers_all(&mixed, &lib);
        printf("  the 8..15 covering %s every cell of S2's level-15 covering, %s its budget\n",
               contains ? "contains" : "does NOT contain", budget ? "within" : "OVER");
        failed = !identical || !contains || !budget;
    }
    free(mixed.cells);
    free(ours.cells);
    free(lib.cells);
    return failed;
}

/* ---- check mode --------------------------------------------------------------- */

/* Where conversions go wrong: poles, the antimeridian, the cube's edges
 * and corners (|x| = |y| and the like, where the face changes), face
 * centres. */
static const double HARD_PAIRS[][2] = {
    {90, 0}, {-90, 0}, {90, 180}, {-90, -180}, {89.999999999, 45}, {0, 180}, {0, -180},
    {0, 179.99999999999997}, {0, -179.99999999999997}, {45, 180}, {-45, -180},
    {0, 0}, {0, 45}, {0, -45}, {0, 135}, {0, -135}, {0, 90}, {0, -90},
    {35.264389682754654, 45}, {-35.264389682754654, -135}, {35.264389682754654, 135},
    {45, 0}, {-45, 0}, {45, 90}, {-45, -90}, {45, 45}, {1e-300, 1e-300}, {-1e-300, 180},
    {-30.241701, -51.264871}, {-30.000003, -51.04618},
};

static const double HARD_POINTS[][3] = {
    {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1},
    {1, 1, 0}, {-1, 1, 0}, {1, -1, 0}, {-1, -1, 0}, {0, 1, 1}, {0, -1, 1}, {1, 0, 1},
    {1, 0, -1}, {1, 1, 1}, {-1, -1, -1}, {1, -1, 1}, {-1, 1, -1},
    {1, 1e-300, -1e-300}, {1e-300, 1e-300, 1e-300}, {1e300, 1e300, 0}, {3, 4, 5},
    {0.5, 0.5, 0.70710678118654752}, {1, 0x1p-30, 0x1p-31}, {1, 1 - 0x1p-53, 0},
};

/* Points on the boundaries between leaves, where the two roundings differ:
 * for random faces and odd k, s = k / 2^30 taken back to u and to a point
 * on the face (a point whose face comes out otherwise is left out). */
static void add_boundary_points(inputs *in, size_t from, size_t count, uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    for (size_t k = from; k < from + count && k < in->n; k++) {
        int face = (int)rng_below(&r, 6), back;
        double s = (double)(2 * rng_below(&r, 1u << 29) + 1) / LIMIT_IJ;
        double p[3], u, v;
        hs_face_uv_to_xyz(face, hs_st_to_uv(s), hs_st_to_uv(rng_uniform(&r)), p);
        if (hs_point_to_face_uv(p, &back, &u, &v) == HS_OK && back == face)
            memcpy(in->xyz + 3 * k, p, sizeof p);
    }
}

static int check_points(const inputs *in)
{
    uint64_t *ours = new_cells(in->n), *lib = new_cells(in->n), *single = new_cells(in->n);
    int failed = !ours || !lib || !single;
    if (!failed) {
        convert_job batch = {in, ours, HS_OK}, each = {in, single, HS_OK}, s2 = {in, lib, HS_OK};
        run_batch(&batch);
        run_single(&each);
        run_s2_latlng(&s2);
        failed = report_failure("hs_latlng_to_cells", batch.status) ||
                 report_failure("hs_latlng_to_cell", each.status);
        if (!failed) {
            failed |= report_agreement("hs_latlng_to_cells:",
                                       compare_with_s2(in, 0, ours, lib, "batch"));
            failed |= report_agreement("hs_latlng_to_cell:",
                                       compare_with_s2(in, 0, single, lib, "single"));
        }
        convert_job points = {in, ours, HS_OK}, point = {in, single, HS_OK};
        convert_job s2_point = {in, lib, HS_OK};
        run_points(&points);
        run_point(&point);
        run_s2_point(&s2_point);
        failed |= report_failure("hs_points_to_cells", points.status);
        failed |= report_failure("hs_point_to_cell", point.status);
        if (points.status == HS_OK)
            failed |= report_agreement("hs_points_to_cells:",
                                       compare_with_s2(in, 1, ours, lib, "batch"));
        if (point.status == HS_OK)
            failed |= report_agreement("hs_point_to_cell:",
                                       compare_with_s2(in, 1, single, lib, "point"));
    }
    free(ours);
    free(lib);
    free(single);
    return failed;
}

static int run_check(size_t n)
{
    size_t hard_pairs = sizeof HARD_PAIRS / sizeof HARD_PAIRS[0];
    size_t hard_points = sizeof HARD_POINTS / sizeof HARD_POINTS[0];
    inputs in = {0, NULL, NULL, NULL};
    if (n < 2 * (hard_pairs + hard_points) ||
        make_inputs(&in, n, 8, HARD_PAIRS, hard_pairs, HARD_POINTS, hard_points) != 0) {
        free_inputs(&in);
        fprintf(stderr, "bench-08-hilbert-s2: out of memory or too few points\n");
        return 1;
    }
    add_boundary_points(&in, hard_points, n / 10, 9);
    printf("Lesson 08 against libs2 (S2 0.10.0): %zu lat/lng pairs and %zu points "
           "(%zu of them on leaf boundaries), seeds 8 and 9\n",
           n, n, n / 10);
    int failed = check_points(&in);
    free_inputs(&in);
    failed |= compare_coverings(0);
    printf("bench-08-hilbert-s2 --check: %s\n", failed ? "FAILED" : "ok");
    return failed;
}

/* ---- the benchmark -------------------------------------------------------------- */

static int run_bench(void)
{
    machine_describe(stdout);
    printf("library: Google's S2 0.10.0 (Debian libs2-dev), called through a C++ shim\n");
    printf("Lesson 08 benchmark: %zu seeded random points to leaf cell ids, one thread.\n"
           "Each time is the fastest of %d runs; the methods take turns.\n"
           "Every id is checked against libs2's; S2 0.10 rounds ST -> IJ half to even where\n"
           "current S2 (and the solution) floors: those differences are counted apart.\n",
           BENCH_POINTS, REPS);
    inputs in = {0, NULL, NULL, NULL};
    if (make_inputs(&in, BENCH_POINTS, 8, NULL, 0, NULL, 0) != 0) {
        free_inputs(&in);
        fprintf(stderr, "bench-08-hilbert-s2: out of memory\n");
        return 1;
    }
    int failed = bench_latlng(&in);
    failed |= bench_points(&in);
    free_inputs(&in);
    failed |= compare_coverings(REPS * 20);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--check") == 0) {
        size_t n = argc >= 3 ? (size_t)strtoull(argv[2], NULL, 10) : CHECK_POINTS;
        return run_check(n) ? EXIT_FAILURE : EXIT_SUCCESS;
    }
    if (argc >= 2) {
        fprintf(stderr, "usage: %s [--check [N]]\n", argv[0]);
        return EXIT_FAILURE;
    }
    return run_bench() ? EXIT_FAILURE : EXIT_SUCCESS;
}
