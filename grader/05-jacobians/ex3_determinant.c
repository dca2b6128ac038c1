/* Exercise 3: determinants and the area of an image (chapter section 5). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* The rounding error elimination may make in a determinant: n eps for the
 * product of the pivots, and the backward error of the factorisation, of
 * order n eps ||A||, moved to det by ||A^-1|| (the condition). */
static long double det_tolerance(size_t n, long double condition)
{
    return 10.0L * (long double)n * EPS * (1 + condition);
}

/* jc_determinant of a against the grader's QR determinant. */
static void check_determinant(const double *a, size_t n, const char *what)
{
    int sign;
    long double log_abs, condition;
    ref_determinant(a, n, &sign, &log_abs, &condition);
    double det = NAN;
    expect_status(jc_determinant(a, n, &det), JC_OK, "jc_determinant of %s", what);
    long double want = sign * expl(log_abs), tol = det_tolerance(n, condition);
    if (!(fabsl(det - want) <= tol * fabsl(want)))
        grade_fail("jc_determinant of %s: expected %.17Lg, came %.17g (relative tolerance %.2Lg, "
                   "from the matrix's condition)", what, want, det, tol);
}

static void random_matrix(rng *r, double *a, size_t n, double scale)
{
    fill_uniform(r, a, n * n, -scale, scale);
}

/* c = a b in long double, rounded. */
static void multiply(const double *a, const double *b, double *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            long double s = 0;
            for (size_t k = 0; k < n; k++)
                s += (long double)a[i * n + k] * b[k * n + j];
            c[i * n + j] = (double)s;
        }
}

GRADED_TEST(determinant, random_matrices, 2, SEC_DETERMINANT)
{
    rng r;
    grade_rng(&r);
    const double hand[] = {1, 2, 3, 4};
    double d = NAN;
    expect_status(jc_determinant(hand, 2, &d), JC_OK, "jc_determinant of [1 2; 3 4]");
    expect_near(d, -2, 1e-15, "det [1 2; 3 4]");
    /* A zero where the first pivot would be without pivoting. */
    const double pivot[] = {0, 2, 1, 1, 1, 1, 2, 1, 0};
    expect_status(jc_determinant(pivot, 3, &d), JC_OK, "jc_determinant of [0 2 1; 1 1 1; 2 1 0]");
    expect_near(d, 3, 1e-15, "det [0 2 1; 1 1 1; 2 1 0] (its top-left entry is 0: a row swap)");
    char what[120];
    for (int round = 0; round < 60; round++) {
        size_t n = 1 + (round < 40 ? rng_below(&r, 8) : rng_below(&r, 40));
        double *a = alloc_doubles(n * n), scale = log_uniform(&r, -2, 2);
        random_matrix(&r, a, n, scale);
        if (round % 4 == 0 && n > 1)
            a[0] = 0; /* a row swap before the first step */
        snprintf(what, sizeof what, "a random %zux%zu matrix (entries up to %.3g)", n, n, scale);
        check_determinant(a, n, what);
        free(a);
    }
    /* det(AB) = det(A) det(B). */
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + rng_below(&r, 8);
        double *a = alloc_doubles(n * n), *b = alloc_doubles(n * n), *ab = alloc_doubles(n * n);
        random_matrix(&r, a, n, 1);
        random_matrix(&r, b, n, 1);
        multiply(a, b, ab, n);
        double da, db, dab;
        expect_status(jc_determinant(a, n, &da), JC_OK, "jc_determinant of A");
        expect_status(jc_determinant(b, n, &db), JC_OK, "jc_determinant of B");
        expect_status(jc_determinant(ab, n, &dab), JC_OK, "jc_determinant of AB");
        int s;
        long double l, ca, cb, cab;
        ref_determinant(a, n, &s, &l, &ca);
        ref_determinant(b, n, &s, &l, &cb);
        ref_determinant(ab, n, &s, &l, &cab);
        long double tol = det_tolerance(n, ca) + det_tolerance(n, cb) + det_tolerance(n, cab);
        long double product = (long double)da * db;
        expect_true(fabsl(dab - product) <= tol * fabsl(product), "det(AB) = det(A) det(B) for "
                    "random %zux%zu A and B: det(A) det(B) = %.17Lg, det(AB) came %.17g "
                    "(relative tolerance %.2Lg)", n, n, product, dab, tol);
        free(a);
        free(b);
        free(ab);
    }
}

/* The sign of a permutation: (-1)^(n - number of cycles). */
static int permutation_sign(const size_t *p, size_t n)
{
    unsigned char *seen = calloc(n, 1);
    if (!seen)
        grade_fail("the grader ran out of memory");
    size_t cycles = 0;
    for (size_t i = 0; i < n; i++) {
        if (seen[i])
            continue;
        cycles++;
        for (size_t j = i; !seen[j]; j = p[j])
            seen[j] = 1;
    }
    free(seen);
    return (n - cycles) % 2 ? -1 : 1;
}

GRADED_TEST(determinant, permutations_and_singular, 2, SEC_DETERMINANT)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        size_t n = 1 + rng_below(&r, 12), p[12];
        rng_permutation(&r, p, n);
        double *a = alloc_doubles(n * n), d = NAN;
        for (size_t i = 0; i < n; i++)
            a[i * n + p[i]] = 1;
        int sign = permutation_sign(p, n);
        expect_status(jc_determinant(a, n, &d), JC_OK, "jc_determinant of a permutation matrix");
        expect_near(d, sign, 0, "det of the %zux%zu permutation matrix of a permutation with sign "
                    "%+d (each row swap flips the sign; exactly)", n, n, sign);
        long double product = sign;
        for (size_t i = 0; i < n; i++) {
            a[i * n + p[i]] = rng_range(&r, 0.5, 2) * (rng_below(&r, 2) ? 1 : -1);
            product *= a[i * n + p[i]];
        }
        expect_status(jc_determinant(a, n, &d), JC_OK, "jc_determinant of a scaled permutation");
        expect_true(fabsl(d - product) <= 4 * n * EPS * fabsl(product), "det of a %zux%zu "
                    "permutation matrix with its ones scaled: expected %.17Lg, came %.17g", n, n,
                    product, d);
        free(a);
    }
    for (int round = 0; round < 30; round++) {
        size_t n = 2 + rng_below(&r, 9);
        double *a = alloc_doubles(n * n), d = NAN;
        random_matrix(&r, a, n, 1);
        size_t zero = rng_below(&r, n);
        for (size_t i = 0; i < n; i++)
            a[i * n + zero] = 0;
        expect_status(jc_determinant(a, n, &d), JC_OK, "jc_determinant with a zero column");
        expect_true(d == 0, "det of a %zux%zu matrix whose column %zu is zero: expected exactly "
                    "0, came %.17g", n, n, zero, d);
        /* Rank n - 1: the last row a combination of the others. */
        random_matrix(&r, a, n, 1);
        for (size_t j = 0; j < n; j++) {
            long double s = 0;
            for (size_t i = 0; i + 1 < n; i++)
                s += (long double)a[i * n + j] * (0.25 + 0.5 * (double)i / (double)n);
            a[(n - 1) * n + j] = (double)s;
        }
        expect_status(jc_determinant(a, n, &d), JC_OK, "jc_determinant of a singular matrix");
        long double bound = 10.0L * n * n * EPS * ref_hadamard_bound(a, n);
        expect_true(fabsl(d) <= bound, "det of a singular %zux%zu matrix (its last row a sum of "
                    "the others): expected 0 to rounding (|det| <= %.2Lg), came %.17g", n, n,
                    bound, d);
        free(a);
    }
    double one = 1, d;
    expect_status(jc_determinant(NULL, 2, &d), JC_ERR_ARG, "jc_determinant(NULL, ...)");
    expect_status(jc_determinant(&one, 1, NULL), JC_ERR_ARG, "jc_determinant with det = NULL");
    expect_status(jc_determinant(&one, 0, &d), JC_ERR_ARG, "jc_determinant with n = 0");
    /* The grader cannot pass arrays this large: a is an address that crashes if read. */
    expect_status(jc_determinant(&one, (size_t)1 << 32, &d), JC_ERR_ARG,
                  "jc_determinant with n = 2^32 (n * n overflows a size_t)");
    expect_status(jc_determinant(&one, SIZE_MAX, &d), JC_ERR_ARG,
                  "jc_determinant with n = SIZE_MAX");
    jc_status s = jc_determinant(&one, (size_t)1 << 31, &d);
    expect_true(s == JC_ERR_ARG || s == JC_ERR_NOMEM, "jc_determinant with n = 2^31 (n * n "
                "doubles take 2^65 bytes): expected JC_ERR_ARG or JC_ERR_NOMEM, came %s",
                status_name(s));
}

/* jc_log_determinant against the grader's log |det| plus n log(scale). */
static void check_log_determinant(const double *a, size_t n, double scale_log,
                                  const double *unscaled, const char *what)
{
    int sign;
    long double log_abs, condition;
    ref_determinant(unscaled, n, &sign, &log_abs, &condition);
    log_abs += n * (long double)scale_log;
    double s = NAN, l = NAN;
    expect_status(jc_log_determinant(a, n, &s, &l), JC_OK, "jc_log_determinant of %s", what);
    expect_near(s, sign, 0, "the sign of the determinant of %s", what);
    long double tol = det_tolerance(n, condition) + 4 * EPS * fabsl(log_abs);
    expect_true(fabsl(l - log_abs) <= tol, "log |det| of %s: expected %.17Lg, came %.17g "
                "(tolerance %.2Lg)", what, log_abs, l, tol);
}

GRADED_TEST(determinant, log_determinant, 2, SEC_DETERMINANT)
{
    rng r;
    grade_rng(&r);
    for (size_t n = 400; n <= 401; n++) {
        double *a = alloc_doubles(n * n), s = NAN, l = NAN;
        double value = n % 2 ? -1000 : 1000;
        for (size_t i = 0; i < n; i++)
            a[i * n + i] = value;
        expect_status(jc_log_determinant(a, n, &s, &l), JC_OK, "jc_log_determinant of %g I",
                      value);
        expect_near(s, n % 2 ? -1 : 1, 0, "the sign of det(%g I) of size %zu", value, n);
        expect_near(l, (double)(n * logl(1000)), 1e-14, "log |det(%g I)| of size %zu = %zu log "
                    "1000 (the determinant itself, 10^%zu, overflows)", value, n, n, 3 * n);
        free(a);
    }
    char what[160];
    for (int round = 0; round < 40; round++) {
        size_t n = 1 + rng_below(&r, 12);
        double *unscaled = alloc_doubles(n * n), *a = alloc_doubles(n * n);
        random_matrix(&r, unscaled, n, 1);
        int exponent = round % 3 == 0 ? 0 : (round % 3 == 1 ? 200 : -200);
        double scale = pow(10.0, exponent);
        for (size_t i = 0; i < n * n; i++)
            a[i] = unscaled[i] * scale;
        snprintf(what, sizeof what, "a random %zux%zu matrix times 1e%d", n, n, exponent);
        check_log_determinant(a, n, exponent * log(10.0), unscaled, what);
        free(a);
        free(unscaled);
    }
    double a[9] = {1, 0, 2, 3, 0, 4, 5, 0, 6}, s = NAN, l = NAN;
    expect_status(jc_log_determinant(a, 3, &s, &l), JC_OK, "jc_log_determinant with a zero "
                  "column");
    expect_true(s == 0 && isinf(l) && l < 0, "a 3x3 matrix with a zero column: expected sign 0 "
                "and log |det| = -infinity, came %g and %g", s, l);
    expect_status(jc_log_determinant(NULL, 3, &s, &l), JC_ERR_ARG, "jc_log_determinant(NULL, ...)");
    expect_status(jc_log_determinant(a, 3, NULL, &l), JC_ERR_ARG, "jc_log_determinant with sign = "
                  "NULL");
    expect_status(jc_log_determinant(a, 3, &s, NULL), JC_ERR_ARG, "jc_log_determinant with "
                  "log_abs = NULL");
    expect_status(jc_log_determinant(a, 0, &s, &l), JC_ERR_ARG, "jc_log_determinant with n = 0");
    expect_status(jc_log_determinant(a, (size_t)1 << 32, &s, &l), JC_ERR_ARG,
                  "jc_log_determinant with n = 2^32 (n * n overflows)");
}

/* ---- the area of an image ----------------------------------------------------- */

/* The grader's own polygon: the square's boundary, counter-clockwise from the
 * lower left corner, `segments` steps per edge, mapped in long double; its
 * shoelace area, and the sum of |terms| the rounding of a shoelace in double
 * is relative to. */
static long double polygon_area(const cb_desc *d, const double center[2], double side,
                                size_t segments, long double *terms)
{
    static const int corner[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    size_t count = 4 * segments;
    long double *px = alloc_long_doubles(count), *py = alloc_long_doubles(count);
    for (size_t e = 0; e < 4; e++)
        for (size_t k = 0; k < segments; k++) {
            long double t = (long double)k / segments;
            const int *a = corner[e], *b = corner[(e + 1) % 4];
            long double u = a[0] + t * (b[0] - a[0]), v = a[1] + t * (b[1] - a[1]);
            double x[2] = {(double)(center[0] + u * side / 2), (double)(center[1] + v * side / 2)};
            long double y[2];
            ref_map_value(d, x, y);
            px[e * segments + k] = y[0];
            py[e * segments + k] = y[1];
        }
    long double sum = 0, abs_sum = 0;
    for (size_t i = 0; i < count; i++) {
        size_t j = (i + 1) % count;
        sum += px[i] * py[j] - px[j] * py[i];
        abs_sum += fabsl(px[i] * py[j]) + fabsl(px[j] * py[i]);
    }
    free(px);
    free(py);
    *terms = abs_sum;
    return sum / 2;
}

/* jc_image_area against the grader's polygon; returns the area. */
static double check_area(cb_desc *d, const double center[2], double side, size_t segments,
                         const char *what)
{
    jc_map f = {2, 2, cb_map, d};
    double area = NAN;
    expect_status(jc_image_area(&f, center, side, segments, &area), JC_OK, "jc_image_area of %s",
                  what);
    long double terms, want = polygon_area(d, center, side, segments, &terms);
    long double tol = 8.0L * (4 * segments + 4) * EPS * terms + 1e-14L * fabsl(want);
    if (!(fabsl(area - want) <= tol))
        grade_fail("jc_image_area of %s, side %g, %zu segments per edge: expected %.17Lg (the "
                   "shoelace area of the mapped boundary), came %.17g (tolerance %.2Lg)", what,
                   side, segments, want, area, tol);
    return area;
}

GRADED_TEST(determinant, image_area, 2, SEC_AREA)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        cb_desc lin = {.kind = CB_LINEAR, .n = 2, .m = 2};
        fill_uniform(&r, lin.a, 4, -2, 2);
        if (round == 0) {
            const double flip[4] = {1, 0, 0, -1};
            memcpy(lin.a, flip, sizeof flip);
        }
        fill_uniform(&r, lin.offset, 2, -3, 3);
        double center[2], side = rng_range(&r, 0.1, 2);
        fill_uniform(&r, center, 2, -2, 2);
        size_t segments = 1 + rng_below(&r, 16);
        long double det = (long double)lin.a[0] * lin.a[3] - (long double)lin.a[1] * lin.a[2];
        snprintf(what, sizeof what, "the linear map [%.4g %.4g; %.4g %.4g] x + b (det %.4Lg: the "
                 "area is det side^2%s)", lin.a[0], lin.a[1], lin.a[2], lin.a[3], det,
                 det < 0 ? ", negative: the map flips the orientation" : "");
        double area = check_area(&lin, center, side, segments, what);
        expect_true(fabsl(area - det * side * side) <= 1e-12L * (1 + fabsl(det)) * side * side,
                    "%s: expected %.17Lg, came %.17g", what, det * side * side, area);
    }
    cb_desc polar = {.kind = CB_POLAR, .n = 2, .m = 2};
    for (int round = 0; round < 20; round++) {
        double center[2] = {rng_range(&r, 0.5, 3), rng_range(&r, -3.1, 3.1)};
        double side = log_uniform(&r, -3, -0.6);
        size_t segments = 1 + rng_below(&r, 32);
        snprintf(what, sizeof what, "the polar map (r, t) -> (r cos t, r sin t) around (r, t) = "
                 "(%.4g, %.4g)", center[0], center[1]);
        double area = check_area(&polar, center, side, segments, what);
        /* Chords cut off the outer arc and bulge past the inner one: the polygon
         * falls short of the sector's r side^2 by about phi^2 / 6 of it. */
        double phi = side / (double)segments, exact = center[0] * side * side;
        expect_true(fabs(area / exact - 1) <= 0.2 * phi * phi + 1e-9, "%s, side %g: expected "
                    "about det J = r times side^2 = %.10g, came %.10g", what, side, exact, area);
    }
    cb_desc source = {.kind = CB_SOURCE_2TO2, .n = 2, .m = 2};
    const double singular[2] = {1, 2};
    double area = check_area(&source, singular, 1e-3, 8, "F(x, y) = [x^2 + y, sin xy] around "
                             "(1, 2), where det J = (2x^2 - y) cos xy = 0");
    expect_true(fabs(area) <= 1e-3 * 1e-6, "F(x, y) = [x^2 + y, sin xy] around (1, 2), side "
                "1e-3: det J(1, 2) = 0, so the area should be tiny next to side^2 = 1e-6; came "
                "%g", area);

    jc_map f = {2, 2, cb_map, &polar}, none = {2, 2, NULL, &polar}, wide = {3, 2, cb_map, &polar};
    jc_map tall = {2, 3, cb_map, &polar};
    const double c[2] = {1, 0};
    expect_status(jc_image_area(NULL, c, 1, 4, &area), JC_ERR_ARG, "jc_image_area(NULL, ...)");
    expect_status(jc_image_area(&none, c, 1, 4, &area), JC_ERR_ARG, "jc_image_area with f->f = "
                  "NULL");
    expect_status(jc_image_area(&wide, c, 1, 4, &area), JC_ERR_ARG, "jc_image_area of a map from "
                  "3 inputs");
    expect_status(jc_image_area(&tall, c, 1, 4, &area), JC_ERR_ARG, "jc_image_area of a map to 3 "
                  "outputs");
    expect_status(jc_image_area(&f, NULL, 1, 4, &area), JC_ERR_ARG, "jc_image_area with center = "
                  "NULL");
    expect_status(jc_image_area(&f, c, 1, 4, NULL), JC_ERR_ARG, "jc_image_area with area = "
                  "NULL");
    expect_status(jc_image_area(&f, c, 0, 4, &area), JC_ERR_ARG, "jc_image_area with side 0");
    expect_status(jc_image_area(&f, c, -1, 4, &area), JC_ERR_ARG, "jc_image_area with side -1");
    expect_status(jc_image_area(&f, c, NAN, 4, &area), JC_ERR_ARG, "jc_image_area with side NaN");
    expect_status(jc_image_area(&f, c, 1, 0, &area), JC_ERR_ARG, "jc_image_area with 0 segments");
}
