/* Exercise 5: softmax of every row of a matrix (chapter section 7). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "7 Softmax of every row"

/* Exact-size buffers, so that AddressSanitizer catches a write past the end. */
static float *alloc_floats(size_t n)
{
    float *p = malloc(n * sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

/* Every element within 1e-6 of the long double softmax of its row, relative
 * to its value, or within 1e-12 absolute for the tiny ones (which may
 * underflow in float); every row sums to 1 within 1e-5. x is the input, out
 * what came. */
static void check_rows(const float *x, size_t rows, size_t cols, const float *out,
                       const char *what)
{
    long double *ref = alloc_long_doubles(cols);
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        ref_softmax_f(row, cols, ref);
        double sum = 0;
        for (size_t c = 0; c < cols; c++) {
            long double e = ref[c];
            float o = out[r * cols + c];
            if (!(fabsl(o - e) <= 1e-6L * e + 1e-12L))
                grade_fail("%s, a %zu x %zu matrix: row %zu, column %zu (logit %.9g): expected "
                           "%.9Lg, came %.9g (relative tolerance 1e-6)", what, rows, cols, r, c,
                           row[c], e, o);
            sum += o;
        }
        if (!(fabs(sum - 1) <= 1e-5))
            grade_fail("%s, a %zu x %zu matrix: row %zu should sum to 1 (within 1e-5), came "
                       "%.9g", what, rows, cols, r, sum);
    }
    free(ref);
}

/* Random logits in [-100, 100); some rows masked in places, some all equal. */
static void fill_matrix(rng *r, float *x, size_t rows, size_t cols)
{
    for (size_t i = 0; i < rows; i++) {
        float *row = x + i * cols;
        unsigned kind = (unsigned)rng_below(r, 6);
        float same = (float)rng_range(r, -100, 100);
        for (size_t c = 0; c < cols; c++) {
            row[c] = kind == 0 ? same : (float)rng_range(r, -100, 100);
            if (kind == 1 && rng_below(r, 3) == 0)
                row[c] = -INFINITY;
        }
        if (kind == 1)
            row[rng_below(r, cols)] = (float)rng_range(r, -100, 100);
        if (kind == 2) /* narrow rows: every element matters */
            for (size_t c = 0; c < cols; c++)
                row[c] = (float)rng_range(r, -3, 3);
    }
}

static void fill_nan(float *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = NAN;
}

GRADED_TEST(rows, random_matrices, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    size_t shapes[][2] = {{1, 1},  {1, 1001}, {9, 1},   {2, 2},   {3, 3},
                          {5, 7},  {13, 17},  {31, 64}, {7, 1001}, {64, 129},
                          {0, 0},  {0, 0},    {0, 0},   {0, 0},   {0, 0}};
    size_t count = sizeof shapes / sizeof shapes[0];
    for (size_t s = 10; s < count; s++) {
        shapes[s][0] = 1 + rng_below(&r, 40);
        shapes[s][1] = 1 + rng_below(&r, 2000);
    }
    for (size_t s = 0; s < count; s++) {
        size_t rows = shapes[s][0], cols = shapes[s][1], n = rows * cols;
        float *x = alloc_floats(n), *out = alloc_floats(n), *before = alloc_floats(n);
        fill_matrix(&r, x, rows, cols);
        memcpy(before, x, n * sizeof *x);
        fill_nan(out, n);
        sm_softmax_rows(x, rows, cols, out);
        expect_true(memcmp(x, before, n * sizeof *x) == 0,
                    "sm_softmax_rows changed its input x (a %zu x %zu matrix)", rows, cols);
        check_rows(x, rows, cols, out, "softmax of random rows");
        free(x);
        free(out);
        free(before);
    }
}

GRADED_TEST(rows, extreme_rows, 2, SECTION)
{
    const float x[] = {
        1000,      1001,       1002,      /* e^0, e^1, e^2 over their sum */
        -1000,     -1001,      -1002,     /* nothing underflows after the shift */
        1e38f,     -1e38f,     0,         /* one-hot */
        3e38f,     3e38f,      -3e38f,    /* a difference that overflows a float */
        5,         5,          5,         /* uniform */
        -INFINITY, 0,          -INFINITY, /* a mask */
        -INFINITY, -80,        -80.5f,
        -100,      100,        -100,
    };
    const size_t rows = sizeof x / sizeof x[0] / 3;
    float *in = alloc_floats(rows * 3), *out = alloc_floats(rows * 3);
    memcpy(in, x, sizeof x);
    fill_nan(out, rows * 3);
    sm_softmax_rows(in, rows, 3, out);
    check_rows(x, rows, 3, out, "softmax of rows with large, small and masked logits");
    for (size_t i = 0; i < rows * 3; i++)
        if (x[i] == -INFINITY)
            expect_true(out[i] == 0, "row %zu, column %zu is -inf, so its probability should "
                        "be exactly 0, came %g", i / 3, i % 3, out[i]);
    const long double e = expl(1);
    expect_near(out[0], (double)(1 / (1 + e + e * e)), 1e-6, "softmax of [1000, 1001, 1002], "
                "p[0] (1 / (1 + e + e^2))");
    expect_near(out[3], (double)(1 / (1 + 1 / e + 1 / (e * e))), 1e-6,
                "softmax of [-1000, -1001, -1002], p[0] (1 / (1 + 1/e + 1/e^2))");
    free(in);
    free(out);

    /* One column: every probability is 1. One large logit in a wide row. */
    rng r;
    grade_rng(&r);
    size_t n = 1 + rng_below(&r, 500);
    float *col = alloc_floats(n), *p = alloc_floats(n);
    for (size_t i = 0; i < n; i++)
        col[i] = (float)rng_range(&r, -1e4, 1e4);
    fill_nan(p, n);
    sm_softmax_rows(col, n, 1, p);
    for (size_t i = 0; i < n; i++)
        expect_near(p[i], 1, 1e-6, "softmax of a %zu x 1 matrix, row %zu (logit %g)", n, i,
                    col[i]);
    free(col);
    free(p);

    size_t cols = 1001;
    float *wide = alloc_floats(cols), *q = alloc_floats(cols);
    for (size_t c = 0; c < cols; c++)
        wide[c] = -1000;
    size_t hot = rng_below(&r, cols);
    wide[hot] = 1000;
    fill_nan(q, cols);
    sm_softmax_rows(wide, 1, cols, q);
    check_rows(wide, 1, cols, q, "softmax of a row of -1000 with one 1000");
    expect_near(q[hot], 1, 1e-6, "softmax of a row of -1000 with one 1000 at column %zu", hot);
    free(wide);
    free(q);
}

GRADED_TEST(rows, in_place, 1, SECTION)
{
    rng r;
    grade_rng(&r);
    const size_t shapes[][2] = {{17, 1001}, {100, 10}, {1, 1}, {3, 333}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t rows = shapes[s][0], cols = shapes[s][1], n = rows * cols;
        float *x = alloc_floats(n), *buf = alloc_floats(n);
        fill_matrix(&r, x, rows, cols);
        memcpy(buf, x, n * sizeof *x);
        sm_softmax_rows(buf, rows, cols, buf);
        check_rows(x, rows, cols, buf, "softmax of random rows in place (out == x)");
        free(x);
        free(buf);
    }
}

/* A NaN anywhere in a row poisons the whole row, whatever its sign: on x86,
 * inf - inf and 0 / 0 give a NaN with its sign bit set, which a maximum
 * taken with > (or on the floats' bits) passes over. The NaN sits in the
 * first, middle or last row (a row's maximum may be found while the row
 * before it is processed), at the first, a middle and the last column and
 * on both sides of 4-, 8- and 16-wide vector boundaries. The other rows must
 * come out right. */
GRADED_TEST(rows, nan_of_either_sign_poisons_its_row, 2, SECTION)
{
    const float nans[] = {copysignf(NAN, 1.0f), copysignf(NAN, -1.0f)};
    const size_t widths[] = {1, 3, 4, 8, 15, 16, 17, 33, 1001, 5000};
    rng r;
    grade_rng(&r);
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        size_t cols = widths[w], rows = 3, n = rows * cols;
        const size_t where[] = {0, cols / 2, cols - 1, 3, 4, 7, 8, 15, 16, 17, 31, 32};
        float *x = grade_alloc(n, sizeof *x), *out = grade_alloc(n, sizeof *out);
        for (size_t k = 0; k < sizeof where / sizeof where[0]; k++) {
            if (where[k] >= cols)
                continue;
            for (size_t s = 0; s < 2; s++) {
                size_t bad = (k + s) % rows;
                for (size_t i = 0; i < n; i++)
                    x[i] = (float)rng_range(&r, -50, 50);
                x[bad * cols + where[k]] = nans[s];
                for (size_t i = 0; i < n; i++)
                    out[i] = 42;
                sm_softmax_rows(x, rows, cols, out);
                for (size_t c = 0; c < cols; c++)
                    if (!isnan(out[bad * cols + c]))
                        grade_fail("a %zu x %zu matrix with %sNaN at row %zu, column %zu: every "
                                   "entry of that row should be NaN, column %zu came %g",
                                   rows, cols, s ? "-" : "+", bad, where[k], c,
                                   out[bad * cols + c]);
                for (size_t row = 0; row < rows; row++)
                    if (row != bad)
                        check_rows(x + row * cols, 1, cols, out + row * cols,
                                   "a row next to one holding a NaN");
            }
        }
    }
}
