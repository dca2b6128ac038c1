/* Exercise 5: dense layers and the matrix multiply (chapter section 6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "6 Layers"

/* op(X)[i][j] of a row-major matrix with row length ld. */
static double at(const double *x, size_t ld, int trans, size_t i, size_t j)
{
    return trans ? x[j * ld + i] : x[i * ld + j];
}

/* One random bp_gemm call against a long double triple loop; the padding
 * columns of C (beyond n) must be left alone. */
static void check_gemm(rng *r, size_t m, size_t n, size_t k, int ta, int tb, double beta)
{
    size_t lda = (ta ? m : k) + rng_below(r, 3), ldb = (tb ? k : n) + rng_below(r, 3);
    size_t ldc = n + rng_below(r, 3);
    size_t a_rows = ta ? k : m, b_rows = tb ? n : k;
    double *a = alloc_doubles(a_rows * lda + 1), *b = alloc_doubles(b_rows * ldb + 1);
    double *c = alloc_doubles(m * ldc), *c0;
    fill_uniform(r, a, a_rows * lda, -1, 1);
    fill_uniform(r, b, b_rows * ldb, -1, 1);
    if (beta == 0)
        for (size_t i = 0; i < m * ldc; i++)
            c[i] = (i % ldc) < n ? NAN : 7.0; /* C is not to be read */
    else
        fill_uniform(r, c, m * ldc, -1, 1);
    c0 = grade_copy(c, m * ldc);
    double alpha = rng_range(r, 0.5, 2);
    bp_gemm(ta ? BP_TRANS : BP_NO_TRANS, tb ? BP_TRANS : BP_NO_TRANS, m, n, k, alpha, a, lda, b,
            ldb, beta, c, ldc);
    for (size_t i = 0; i < m; i++) {
        for (size_t j = 0; j < ldc; j++) {
            if (j >= n) {
                expect_true(c[i * ldc + j] == c0[i * ldc + j], "bp_gemm %zux%zux%zu wrote "
                            "C[%zu][%zu], beyond its %zu columns (ldc = %zu)", m, n, k, i, j, n,
                            ldc);
                continue;
            }
            long double s = 0;
            for (size_t p = 0; p < k; p++)
                s += (long double)at(a, lda, ta, i, p) * at(b, ldb, tb, p, j);
            long double e = alpha * s + (beta == 0 ? 0 : beta * (long double)c0[i * ldc + j]);
            expect_near(c[i * ldc + j], (double)e, 1e-12 * (1 + sqrt((double)k)),
                        "bp_gemm(%s, %s) m = %zu, n = %zu, k = %zu, alpha = %g, beta = %g: "
                        "C[%zu][%zu]", ta ? "TRANS" : "NO_TRANS", tb ? "TRANS" : "NO_TRANS", m,
                        n, k, alpha, beta, i, j);
        }
    }
    free(a);
    free(b);
    free(c);
    free(c0);
}

GRADED_TEST(dense, gemm_by_hand, 2, SECTION)
{
    /* [1 2 3; 4 5 6] [1 0; 0 1; 1 1] = [4 5; 10 11]. */
    const double a[] = {1, 2, 3, 4, 5, 6}, b[] = {1, 0, 0, 1, 1, 1};
    double c[4] = {NAN, NAN, NAN, NAN};
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 2, 2, 3, 1.0, a, 3, b, 2, 0.0, c, 2);
    const double want[] = {4, 5, 10, 11};
    for (int i = 0; i < 4; i++)
        expect_near(c[i], want[i], 0, "[1 2 3; 4 5 6] [1 0; 0 1; 1 1], entry %d", i);
    /* A^T A for A = [1 2 3; 4 5 6] is [17 22 27; 22 29 36; 27 36 45]. */
    double d[9];
    bp_gemm(BP_TRANS, BP_NO_TRANS, 3, 3, 2, 1.0, a, 3, a, 3, 0.0, d, 3);
    const double ata[] = {17, 22, 27, 22, 29, 36, 27, 36, 45};
    for (int i = 0; i < 9; i++)
        expect_near(d[i], ata[i], 0, "A^T A for A = [1 2 3; 4 5 6], entry %d", i);
    /* A A^T = [14 32; 32 77], then 2 A A^T - C with C = that. */
    double e[4];
    bp_gemm(BP_NO_TRANS, BP_TRANS, 2, 2, 3, 1.0, a, 3, a, 3, 0.0, e, 2);
    const double aat[] = {14, 32, 32, 77};
    for (int i = 0; i < 4; i++)
        expect_near(e[i], aat[i], 0, "A A^T for A = [1 2 3; 4 5 6], entry %d", i);
    bp_gemm(BP_NO_TRANS, BP_TRANS, 2, 2, 3, 2.0, a, 3, a, 3, -1.0, e, 2);
    for (int i = 0; i < 4; i++)
        expect_near(e[i], aat[i], 0, "2 A A^T - C with C = A A^T, entry %d", i);
    /* k = 0 scales C by beta. */
    double f[2] = {3, -4};
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 1, 2, 0, 1.0, a, 1, b, 2, 0.5, f, 2);
    expect_near(f[0], 1.5, 0, "k = 0, beta = 0.5: C[0] = 0.5 * 3");
    expect_near(f[1], -2, 0, "k = 0, beta = 0.5: C[1] = 0.5 * -4");
    rng r;
    grade_rng(&r);
    for (int t = 0; t < 4; t++)
        check_gemm(&r, 3, 4, 5, t & 1, t >> 1, 0.0);
}

GRADED_TEST_T(dense, gemm_random_shapes, 3, SECTION, 6)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 60; round++) {
        size_t m = 1 + rng_below(&r, 40), n = 1 + rng_below(&r, 40), k = 1 + rng_below(&r, 40);
        /* Drawn one by one: the order of a call's arguments is unspecified. */
        int trans_a = (int)rng_below(&r, 2), trans_b = (int)rng_below(&r, 2);
        double beta = round % 3 == 0 ? 0.0 : rng_range(&r, -1, 1);
        check_gemm(&r, m, n, k, trans_a, trans_b, beta);
    }
    /* Every height from 1 to 24 with every width from 1 to 40, shallow: a
     * fast version works in blocks of some rows by some columns (which may
     * differ between vector widths), and each remainder of the rows and of
     * the columns, alone or after whole blocks, takes its own path. */
    for (size_t m = 1; m <= 24; m++)
        for (size_t n = 1; n <= 40; n++)
            check_gemm(&r, m, n, 1 + rng_below(&r, 6), (int)((m + n) & 1), (int)((m / 2 + n) & 1),
                       n % 3 == 0 ? 0.0 : 0.5);
    /* The same remainders deeper than any block of the depth. */
    for (size_t s = 1; s <= 40; s++)
        check_gemm(&r, s <= 24 ? s : 17, s <= 24 ? 33 : s, 300 + s, (int)(s & 1), (int)((s / 2) & 1),
                   s % 3 == 0 ? 0.0 : -0.5);
    /* Larger ones, across any block sizes a fast version may use. */
    check_gemm(&r, 97, 131, 300, 0, 0, 0.0);
    check_gemm(&r, 130, 50, 521, 1, 0, 1.0);
    check_gemm(&r, 33, 257, 70, 0, 1, 0.5);
    check_gemm(&r, 70, 61, 263, 1, 1, 0.0);
    check_gemm(&r, 3, 4099, 300, 1, 0, 0.5); /* wider than any block of columns */
}

/* The chapter's layer: W1 and b1 of section 5 on x = [1, 0.5, -1.5]. */
GRADED_TEST(dense, the_chapter_layer, 2, SECTION)
{
    double w[] = {0.2, -0.4, 0.1, 0.7, 0.3, -0.5}, b[] = {0.1, -0.2};
    bp_dense layer = {3, 2, w, b};
    const double x[] = {1.0, 0.5, -1.5};
    double y[2] = {NAN, NAN};
    bp_dense_forward(&layer, x, 1, y);
    expect_near(y[0], -0.05, 1e-15, "z1[0] = 0.2 - 0.2 - 0.15 + 0.1 (the source forgot the bias)");
    expect_near(y[1], 1.4, 1e-15, "z1[1] = 0.7 + 0.15 + 0.75 - 0.2");
    const double dy[] = {0.5, -2};
    double dw[6], db[2], dx[3];
    bp_dense_backward(&layer, x, 1, dy, dw, db, dx);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            expect_near(dw[i * 3 + j], dy[i] * x[j], 1e-15,
                        "dW[%d][%d] = dy[%d] x[%d] (an outer product for a batch of one)", i, j,
                        i, j);
    expect_near(db[0], 0.5, 0, "db[0] = dy[0]");
    expect_near(db[1], -2, 0, "db[1] = dy[1]");
    for (int j = 0; j < 3; j++)
        expect_near(dx[j], dy[0] * w[j] + dy[1] * w[3 + j], 1e-15, "dx[%d] = (W^T dy)[%d]", j, j);
}

GRADED_TEST(dense, random_layers, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 25; round++) {
        size_t in = 1 + rng_below(&r, 20), out = 1 + rng_below(&r, 20);
        size_t batch = 1 + rng_below(&r, 12);
        double *w = alloc_doubles(in * out), *b = alloc_doubles(out);
        double *x = alloc_doubles(batch * in), *y = alloc_doubles(batch * out);
        double *dy = alloc_doubles(batch * out), *dw = alloc_doubles(in * out);
        double *db = alloc_doubles(out), *dx = alloc_doubles(batch * in);
        fill_uniform(&r, w, in * out, -1, 1);
        fill_uniform(&r, b, out, -1, 1);
        fill_uniform(&r, x, batch * in, -1, 1);
        fill_uniform(&r, dy, batch * out, -1, 1);
        fill_uniform(&r, dw, in * out, 5, 6); /* garbage: dw is overwritten, not added to */
        fill_uniform(&r, db, out, 5, 6);
        double *x0 = grade_copy(x, batch * in), *w0 = grade_copy(w, in * out);
        bp_dense layer = {in, out, w, b};
        bp_dense_forward(&layer, x, batch, y);
        for (size_t s = 0; s < batch; s++)
            for (size_t i = 0; i < out; i++) {
                long double e = b[i];
                for (size_t j = 0; j < in; j++)
                    e += (long double)w[i * in + j] * x[s * in + j];
                expect_near(y[s * out + i], (double)e, 1e-14, "forward, %zu -> %zu, batch %zu: "
                            "Y[%zu][%zu] = b[%zu] + W[%zu] . x[%zu]", in, out, batch, s, i, i,
                            i, s);
            }
        bp_dense_backward(&layer, x, batch, dy, dw, db, round % 4 == 3 ? NULL : dx);
        expect_unchanged(x, x0, batch * in, "x (const)");
        expect_unchanged(w, w0, in * out, "W (const)");
        for (size_t i = 0; i < out; i++) {
            long double e = 0;
            for (size_t s = 0; s < batch; s++)
                e += dy[s * out + i];
            expect_near(db[i], (double)e, 1e-14, "db[%zu] (%zu -> %zu, batch %zu): the sum of "
                        "column %zu of dY over the batch", i, in, out, batch, i);
            for (size_t j = 0; j < in; j++) {
                long double g = 0;
                for (size_t s = 0; s < batch; s++)
                    g += (long double)dy[s * out + i] * x[s * in + j];
                expect_near(dw[i * in + j], (double)g, 1e-14, "dW[%zu][%zu] (%zu -> %zu, batch "
                            "%zu) = sum over the batch of dy[s][%zu] x[s][%zu]", i, j, in, out,
                            batch, i, j);
            }
        }
        if (round % 4 != 3)
            for (size_t s = 0; s < batch; s++)
                for (size_t j = 0; j < in; j++) {
                    long double g = 0;
                    for (size_t i = 0; i < out; i++)
                        g += (long double)dy[s * out + i] * w[i * in + j];
                    expect_near(dx[s * in + j], (double)g, 1e-14, "dX[%zu][%zu] (%zu -> %zu, "
                                "batch %zu) = (dY W)[%zu][%zu]", s, j, in, out, batch, s, j);
                }
        free(w);
        free(b);
        free(x);
        free(y);
        free(dy);
        free(dw);
        free(db);
        free(dx);
        free(x0);
        free(w0);
    }
}
