/* Exercise 5: unit vectors, cosines, neighbours and analogies (chapter
 * section 7). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static void expect_unit_rows(const double *vectors, size_t rows, size_t dim, const char *what)
{
    double *unit = nan_doubles(rows * dim);
    expect_status(gv_normalize_rows(vectors, rows, dim, unit), GV_OK, "gv_normalize_rows of %s",
                  what);
    for (size_t i = 0; i < rows; i++) {
        long double norm = ref_norm(vectors + i * dim, dim);
        for (size_t k = 0; k < dim; k++) {
            long double want = norm == 0 ? 0 : vectors[i * dim + k] / norm;
            double came = unit[i * dim + k];
            if (!(fabsl(came - want) <= 1e-15L * (1 + dim / 8)))
                grade_fail("gv_normalize_rows of %s: row %zu entry %zu expected %.17Lg, came "
                           "%.17g%s", what, i, k, want, came, norm == 0 ? " (a zero row stays "
                           "zero)" : isnan(came) || came == 0 ? " (the sum of squares overflows "
                           "or underflows here: scale by the largest entry first)" : "");
        }
    }
}

GRADED_TEST(similarity, normalize, 1, SEC_SIMILARITY)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        size_t rows = 1 + rng_below(&r, 30), dim = 1 + rng_below(&r, 40);
        double *v = alloc_doubles(rows * dim);
        for (size_t i = 0; i < rows; i++) {
            double scale = pow(10, rng_range(&r, -3, 3));
            for (size_t k = 0; k < dim; k++)
                v[i * dim + k] = scale * rng_normal(&r);
        }
        if (round % 4 == 1)
            memset(v + rng_below(&r, rows) * dim, 0, dim * sizeof *v);
        snprintf(what, sizeof what, "%zu random rows of %zu values%s", rows, dim,
                 round % 4 == 1 ? ", one of them zero" : "");
        expect_unit_rows(v, rows, dim, what);
    }
    double big[6] = {3e200, 4e200, 0, 1e300, -1e300, 1e299};
    expect_unit_rows(big, 2, 3, "{3e200, 4e200, 0} and {1e300, -1e300, 1e299} (their squares "
                     "overflow)");
    double tiny[6] = {3e-200, -4e-200, 0, 5e-310, 0, -5e-310};
    expect_unit_rows(tiny, 2, 3, "{3e-200, -4e-200, 0} and {5e-310, 0, -5e-310} (their squares "
                     "underflow to 0, yet the rows are not zero)");
    double unit[6];
    expect_status(gv_normalize_rows(NULL, 2, 3, unit), GV_ERR_ARG, "gv_normalize_rows(NULL, ...)");
    expect_status(gv_normalize_rows(big, 2, 3, NULL), GV_ERR_ARG, "gv_normalize_rows with unit = "
                  "NULL");
    expect_status(gv_normalize_rows(big, 0, 3, unit), GV_ERR_ARG, "gv_normalize_rows with rows = "
                  "0");
    expect_status(gv_normalize_rows(big, 2, 0, unit), GV_ERR_ARG, "gv_normalize_rows with dim = "
                  "0");
    big[4] = NAN;
    expect_status(gv_normalize_rows(big, 2, 3, unit), GV_ERR_NAN, "gv_normalize_rows of a row "
                  "with a NaN");
}

static double cosine_of(const double *a, const double *b, size_t dim, const char *what)
{
    double c = NAN;
    expect_status(gv_cosine(a, b, dim, &c), GV_OK, "gv_cosine of %s", what);
    return c;
}

GRADED_TEST(similarity, cosine, 2, SEC_SIMILARITY)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 60; round++) {
        size_t dim = 1 + rng_below(&r, 50);
        double *a = alloc_doubles(dim), *b = alloc_doubles(dim), *scaled = alloc_doubles(dim);
        for (size_t k = 0; k < dim; k++) {
            a[k] = rng_normal(&r);
            b[k] = rng_normal(&r) + (round % 3 == 0 ? a[k] : 0);
        }
        long double want = ref_dot(a, b, dim) / (ref_norm(a, dim) * ref_norm(b, dim));
        snprintf(what, sizeof what, "two random vectors of %zu values", dim);
        double c = cosine_of(a, b, dim, what);
        if (!(fabsl(c - want) <= 1e-14L))
            grade_fail("gv_cosine of %s: expected a.b / (|a| |b|) = %.17Lg, came %.17g", what,
                       want, c);
        double s = round % 4 == 0 ? 1e200 : round % 4 == 1 ? 1e-200 : pow(10, rng_range(&r, -5, 5));
        for (size_t k = 0; k < dim; k++)
            scaled[k] = s * a[k];
        snprintf(what, sizeof what, "%g a and b, two random vectors of %zu values", s, dim);
        double cs = cosine_of(scaled, b, dim, what);
        if (!(fabsl(cs - want) <= 1e-14L))
            grade_fail("gv_cosine of %s: expected %.17Lg, the cosine of a and b (invariant to "
                       "scaling), came %.17g%s", what, want, cs, s > 1e100 || s < 1e-100 ?
                       " (|a|^2 overflows or underflows: scale first)" : "");
        /* Parallel and opposite vectors: exactly at the bounds, never past them. */
        for (size_t k = 0; k < dim; k++)
            scaled[k] = (round % 2 ? 3 : -0.5) * a[k];
        snprintf(what, sizeof what, "a and %g a, a random vector of %zu values",
                 round % 2 ? 3 : -0.5, dim);
        double bound = round % 2 ? 1 : -1;
        double cp = cosine_of(a, scaled, dim, what);
        expect_true(cp >= -1 && cp <= 1 && fabs(cp - bound) <= 1e-15, "gv_cosine of %s: "
                    "expected %g, came %.17g (a cosine is in [-1, 1]; rounding can push a.b / "
                    "(|a| |b|) just past it)", what, bound, cp);
        cp = cosine_of(a, a, dim, "a vector with itself");
        expect_true(cp >= -1 && cp <= 1 && fabs(cp - 1) <= 1e-15, "gv_cosine of a random "
                    "vector of %zu values with itself: expected 1, came %.17g (a cosine is in "
                    "[-1, 1])", dim, cp);
    }
    const double a[3] = {1, 2, 3}, zero[3] = {0, 0, 0}, nan[3] = {1, NAN, 0};
    double c;
    expect_status(gv_cosine(a, zero, 3, &c), GV_ERR_ARG, "gv_cosine of (1, 2, 3) and the zero "
                  "vector");
    expect_status(gv_cosine(zero, a, 3, &c), GV_ERR_ARG, "gv_cosine of the zero vector and (1, "
                  "2, 3)");
    expect_status(gv_cosine(a, nan, 3, &c), GV_ERR_NAN, "gv_cosine of (1, 2, 3) and (1, NaN, "
                  "0)");
    expect_status(gv_cosine(a, a, 0, &c), GV_ERR_ARG, "gv_cosine with dim = 0");
    expect_status(gv_cosine(NULL, a, 3, &c), GV_ERR_ARG, "gv_cosine(NULL, ...)");
    expect_status(gv_cosine(a, a, 3, NULL), GV_ERR_ARG, "gv_cosine with cosine = NULL");
}

/* Candidates by score descending, ties by id; excluded rows marked. */
typedef struct {
    long double score;
    uint32_t id;
} scored;

static int compare_scored(const void *x, const void *y)
{
    const scored *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* The student's top k against the reference ranking: ids within tolerance
 * of the scores ranked at their place (exact when tolerance is 0). */
static void expect_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                           size_t k, const uint32_t *exclude, size_t n_exclude, long double tol,
                           const char *what)
{
    scored *ranked = grade_alloc(rows, sizeof *ranked);
    unsigned char *out = grade_alloc(rows, 1);
    for (size_t e = 0; e < n_exclude; e++)
        out[exclude[e]] = 1;
    size_t m = 0;
    for (uint32_t i = 0; i < rows; i++)
        if (!out[i])
            ranked[m++] = (scored){ref_dot(unit + (size_t)i * dim, query, dim), i};
    qsort(ranked, m, sizeof *ranked, compare_scored);
    uint32_t *ids = grade_alloc(k, sizeof *ids);
    double *scores = nan_doubles(k);
    for (size_t p = 0; p < k; p++)
        ids[p] = UINT32_MAX;
    expect_status(gv_nearest(unit, rows, dim, query, k, exclude, n_exclude, ids, scores), GV_OK,
                  "gv_nearest of %s", what);
    for (size_t p = 0; p < k; p++) {
        uint32_t id = ids[p];
        if (id >= rows)
            grade_fail("gv_nearest of %s: ids[%zu] = %u is not a row (%zu rows)", what, p, id,
                       rows);
        if (out[id])
            grade_fail("gv_nearest of %s: ids[%zu] = %u, an excluded id", what, p, id);
        for (size_t q = 0; q < p; q++)
            if (ids[q] == id)
                grade_fail("gv_nearest of %s: id %u appears twice (ids[%zu] and ids[%zu])", what,
                           id, q, p);
        long double s = ref_dot(unit + (size_t)id * dim, query, dim);
        int ok = tol == 0 ? id == ranked[p].id : s >= ranked[p].score - tol;
        if (!ok)
            grade_fail("gv_nearest of %s: ids[%zu] expected %u (score %.17Lg), came %u (score "
                       "%.17Lg)%s", what, p, ranked[p].id, ranked[p].score, id, s,
                       s == ranked[p].score ? "; equal scores go to the smaller id first" : "");
        if (!(fabsl(scores[p] - s) <= 1e-14L))
            grade_fail("gv_nearest of %s: scores[%zu] expected the dot product of row %u with "
                       "the query, %.17Lg, came %.17g", what, p, id, s, scores[p]);
    }
}

GRADED_TEST(similarity, nearest, 2, SEC_SIMILARITY)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 30; round++) {
        size_t rows = 5 + rng_below(&r, 200), dim = 2 + rng_below(&r, 20);
        double *unit = random_unit_rows(&r, rows, dim), *query = random_unit_rows(&r, 1, dim);
        size_t n_exclude = rng_below(&r, 4), k = 1 + rng_below(&r, rows - n_exclude < 6 ?
                                                               rows - n_exclude : 6);
        uint32_t exclude[4];
        size_t *order = grade_alloc(rows, sizeof *order);
        rng_permutation(&r, order, rows);
        for (size_t e = 0; e < n_exclude; e++)
            exclude[e] = (uint32_t)order[e];
        snprintf(what, sizeof what, "a random query among %zu random unit rows of %zu values "
                 "(k = %zu, %zu ids excluded)", rows, dim, k, n_exclude);
        expect_nearest(unit, rows, dim, query, k, exclude, n_exclude, 1e-13L, what);
    }
    /* Rows on a grid of 1/4: every score is exact, and many tie. */
    for (int round = 0; round < 10; round++) {
        size_t rows = 8 + rng_below(&r, 40), dim = 4, k = 1 + rng_below(&r, 6);
        double *unit = alloc_doubles(rows * dim), query[4];
        for (size_t i = 0; i < rows * dim; i++)
            unit[i] = (double)((int)rng_below(&r, 5) - 2) / 4;
        for (size_t i = 0; i < dim; i++)
            query[i] = (double)((int)rng_below(&r, 5) - 2) / 4;
        uint32_t exclude[2] = {(uint32_t)rng_below(&r, rows), (uint32_t)rng_below(&r, rows)};
        size_t n_exclude = exclude[0] == exclude[1] ? 1 : 2;
        snprintf(what, sizeof what, "%zu rows with entries in {0, +-1/4, +-1/2}, many of whose "
                 "scores tie (k = %zu)", rows, k);
        expect_nearest(unit, rows, dim, query, k, exclude, n_exclude, 0, what);
    }
    const double grid[12] = {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0}, q[3] = {1, 0, 0};
    uint32_t ids[8], ex[2] = {0, 3};
    double scores[8];
    expect_status(gv_nearest(grid, 4, 3, q, 3, ex, 2, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with k = 3 of 4 rows, 2 of them excluded");
    expect_status(gv_nearest(grid, 0, 3, q, 1, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with rows = 0");
    expect_status(gv_nearest(grid, 4, 0, q, 1, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with dim = 0");
    expect_status(gv_nearest(grid, 4, 3, q, 5, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with k = 5 of 4 rows");
    expect_status(gv_nearest(grid, 4, 3, q, 0, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with k = 0");
    expect_status(gv_nearest(NULL, 4, 3, q, 1, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with unit = NULL");
    expect_status(gv_nearest(grid, 4, 3, NULL, 1, NULL, 0, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with query = NULL");
    expect_status(gv_nearest(grid, 4, 3, q, 1, NULL, 2, ids, scores), GV_ERR_ARG, "gv_nearest "
                  "with exclude = NULL but n_exclude = 2");
    expect_status(gv_nearest(grid, 4, 3, q, 1, NULL, 0, NULL, scores), GV_ERR_ARG, "gv_nearest "
                  "with ids = NULL");
}

/* Each answer of the student's against brute force, near-ties (within tol)
 * accepted either way. */
static void expect_answers(const double *unit, size_t rows, size_t dim,
                           const uint32_t *questions, size_t n, gv_rule rule, long double tol,
                           const char *what)
{
    const char *name = rule == GV_3COSADD ? "3CosAdd" : "3CosMul";
    uint32_t *answers = grade_alloc(n, sizeof *answers);
    for (size_t q = 0; q < n; q++)
        answers[q] = UINT32_MAX;
    expect_status(gv_analogies(unit, rows, dim, questions, n, rule, answers), GV_OK,
                  "gv_analogies (%s) of %s", name, what);
    for (size_t q = 0; q < n; q++) {
        const uint32_t *t = questions + 3 * q;
        long double best, second;
        uint32_t want = ref_analogy(unit, rows, dim, t, rule, &best, &second);
        uint32_t came = answers[q];
        if (came >= rows)
            grade_fail("gv_analogies (%s) of %s: question %zu (%u : %u :: %u : ?): answer %u is "
                       "not a row", name, what, q, t[0], t[1], t[2], came);
        if (came == t[0] || came == t[1] || came == t[2])
            grade_fail("gv_analogies (%s) of %s: question %zu (%u : %u :: %u : ?) expected %u, "
                       "came %u, one of the question's words (they are excluded)", name, what,
                       q, t[0], t[1], t[2], want, came);
        long double s = ref_analogy_score(unit, dim, t, rule, came);
        int ok = tol == 0 ? came == want : s >= best - tol;
        if (!ok)
            grade_fail("gv_analogies (%s) of %s: question %zu (%u : %u :: %u : ?) expected %u "
                       "(score %.17Lg), came %u (score %.17Lg)%s", name, what, q, t[0], t[1],
                       t[2], want, best, came, s, s == best ? "; equal scores go to the "
                       "smaller id" : "");
    }
}

/* n random questions of three distinct ids below rows. */
static uint32_t *random_questions(rng *r, size_t rows, size_t n)
{
    uint32_t *q = grade_alloc(3 * n, sizeof *q);
    for (size_t i = 0; i < n; i++) {
        do {
            q[3 * i] = (uint32_t)rng_below(r, rows);
            q[3 * i + 1] = (uint32_t)rng_below(r, rows);
            q[3 * i + 2] = (uint32_t)rng_below(r, rows);
        } while (q[3 * i] == q[3 * i + 1] || q[3 * i] == q[3 * i + 2] ||
                 q[3 * i + 1] == q[3 * i + 2]);
    }
    return q;
}

/* |b - a + c| for question (a, b, c). */
static long double target_norm(const double *unit, size_t dim, const uint32_t *q)
{
    long double tt = 0;
    for (size_t k = 0; k < dim; k++) {
        long double t = (long double)unit[q[1] * dim + k] - unit[q[0] * dim + k] +
                        unit[q[2] * dim + k];
        tt += t * t;
    }
    return sqrtl(tt);
}

/* A planted family: rows 0..3 are man, king, woman, queen with king - man
 * = queen - woman (plus noise), then random distractors. */
static double *planted_rows(rng *r, size_t rows, size_t dim)
{
    double *u = random_unit_rows(r, rows, dim);
    double *gender = random_unit_rows(r, 1, dim), *royal = random_unit_rows(r, 1, dim);
    for (size_t k = 0; k < dim; k++) {
        u[dim + k] = u[k] + royal[k];                  /* king = man + royal */
        u[3 * dim + k] = u[2 * dim + k] + royal[k] + 0.05 * rng_normal(r); /* queen */
        u[2 * dim + k] += 0.3 * gender[k];
    }
    for (size_t i = 0; i < 4; i++) {
        long double n = ref_norm(u + i * dim, dim);
        for (size_t k = 0; k < dim; k++)
            u[i * dim + k] = (double)(u[i * dim + k] / n);
    }
    return u;
}

static void analogies_of(gv_rule rule)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 8; round++) {
        size_t rows = 20 + rng_below(&r, 60), dim = 8 + rng_below(&r, 8);
        double *u = planted_rows(&r, rows, dim);
        const uint32_t question[3] = {0, 1, 2};
        long double best, second;
        if (ref_analogy(u, rows, dim, question, rule, &best, &second) != 3 ||
            best - second < 1e-9L)
            continue; /* a distractor came close by chance */
        snprintf(what, sizeof what, "man : king :: woman : ? among %zu rows of %zu values, "
                 "queen = woman + (king - man) + noise", rows, dim);
        expect_answers(u, rows, dim, question, 1, rule, 0, what);
    }
    for (int round = 0; round < 20; round++) {
        size_t rows = 6 + rng_below(&r, 80), dim = 2 + rng_below(&r, 10), n = 1 + rng_below(&r, 20);
        double *u = random_unit_rows(&r, rows, dim);
        uint32_t *q = random_questions(&r, rows, n);
        snprintf(what, sizeof what, "%zu random questions on %zu random unit rows of %zu values",
                 n, rows, dim);
        expect_answers(u, rows, dim, q, n, rule, 1e-12L, what);
    }
    /* Exact ties: rows drawn from the 24 unit vectors of 4 values in {0, +-1/2,
     * +-1}, whose every score is exact in any order of summation. */
    for (int round = 0; round < 8; round++) {
        size_t rows = 12 + rng_below(&r, 30), dim = 4, n = 10;
        double *u = alloc_doubles(rows * dim);
        for (size_t i = 0; i < rows; i++) {
            uint64_t pick = rng_below(&r, 24);
            for (size_t k = 0; k < dim; k++)
                u[i * dim + k] = pick < 16 ? (pick >> k & 1 ? 0.5 : -0.5) :
                                 k == (pick - 16) / 2 ? (pick % 2 ? 1 : -1) : 0;
        }
        uint32_t *q = grade_alloc(3 * n, sizeof *q);
        for (size_t i = 0; i < n; i++) /* b - a + c = 0 has no direction: not asked */
            do
                memcpy(q + 3 * i, random_questions(&r, rows, 1), 3 * sizeof *q);
            while (target_norm(u, dim, q + 3 * i) == 0);
        snprintf(what, sizeof what, "%zu questions on %zu rows drawn from the 24 unit vectors "
                 "with entries in {0, +-1/2, +-1}, so that many scores tie exactly", n, rows);
        expect_answers(u, rows, dim, q, n, rule, 0, what);
    }
}

GRADED_TEST(similarity, analogies_add, 2, SEC_SIMILARITY)
{
    analogies_of(GV_3COSADD);
    const double u[8] = {1, 0, 0, 1, -1, 0, 0, -1};
    const uint32_t q[6] = {0, 1, 2, 0, 1, 7};
    uint32_t answers[2];
    expect_status(gv_analogies(u, 4, 2, q, 2, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies of a question with the id 7 among 4 rows");
    expect_status(gv_analogies(u, 4, 2, q, 1, (gv_rule)7, answers), GV_ERR_ARG,
                  "gv_analogies with rule 7 (neither GV_3COSADD nor GV_3COSMUL)");
    expect_status(gv_analogies(NULL, 4, 2, q, 1, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies with unit = NULL");
    expect_status(gv_analogies(u, 4, 2, NULL, 1, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies with questions = NULL");
    expect_status(gv_analogies(u, 4, 2, q, 1, GV_3COSADD, NULL), GV_ERR_ARG,
                  "gv_analogies with answers = NULL");
    expect_status(gv_analogies(u, 0, 2, q, 1, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies with rows = 0");
    expect_status(gv_analogies(u, 4, 0, q, 1, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies with dim = 0");
    expect_status(gv_analogies(u, 4, 2, q, 0, GV_3COSADD, answers), GV_ERR_ARG,
                  "gv_analogies with n = 0");
}

GRADED_TEST(similarity, analogies_mul, 2, SEC_SIMILARITY)
{
    analogies_of(GV_3COSMUL);
    /* Questions whose 3CosAdd and 3CosMul answers differ clearly. */
    rng r;
    grade_rng(&r);
    int found = 0;
    for (int attempt = 0; attempt < 400 && found < 5; attempt++) {
        size_t rows = 12, dim = 3;
        double *u = random_unit_rows(&r, rows, dim);
        const uint32_t q[3] = {0, 1, 2};
        long double add_best, add_second, mul_best, mul_second;
        uint32_t add = ref_analogy(u, rows, dim, q, GV_3COSADD, &add_best, &add_second);
        uint32_t mul = ref_analogy(u, rows, dim, q, GV_3COSMUL, &mul_best, &mul_second);
        if (add == mul || add_best - add_second < 1e-3L || mul_best - mul_second < 1e-3L)
            continue;
        found++;
        char what[200];
        snprintf(what, sizeof what, "0 : 1 :: 2 : ? among 12 random unit rows of 3 values, where "
                 "3CosAdd answers %u and 3CosMul %u", add, mul);
        expect_answers(u, rows, dim, q, 1, GV_3COSMUL, 0, what);
        expect_answers(u, rows, dim, q, 1, GV_3COSADD, 0, what);
    }
}

GRADED_TEST(similarity, excludes_question_words, 1, SEC_SIMILARITY)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 10; round++) {
        /* a and c nearly equal: b - a + c is about b, so b itself, then c
         * and a, score best; the answer is the best of the others. */
        size_t rows = 8 + rng_below(&r, 30), dim = 6;
        double *u = random_unit_rows(&r, rows, dim);
        uint32_t q[3] = {(uint32_t)rng_below(&r, rows), 0, 0};
        do
            q[1] = (uint32_t)rng_below(&r, rows);
        while (q[1] == q[0]);
        do
            q[2] = (uint32_t)rng_below(&r, rows);
        while (q[2] == q[0] || q[2] == q[1]);
        for (size_t k = 0; k < dim; k++)
            u[q[2] * dim + k] = u[q[0] * dim + k] + 0.01 * rng_normal(&r);
        long double n = ref_norm(u + q[2] * dim, dim);
        for (size_t k = 0; k < dim; k++)
            u[q[2] * dim + k] = (double)(u[q[2] * dim + k] / n);
        gv_rule rule = round % 2 ? GV_3COSMUL : GV_3COSADD;
        snprintf(what, sizeof what, "%u : %u :: %u : ? among %zu random unit rows, with rows %u "
                 "and %u nearly equal (b itself scores best)", q[0], q[1], q[2], rows, q[0],
                 q[2]);
        expect_answers(u, rows, dim, q, 1, rule, 1e-12L, what);
    }
}
