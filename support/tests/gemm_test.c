/* gemm_test.c: checks support/gemm.c against a triple loop in long double.
 *
 * Every transpose combination, sizes around and across the kernel's blocks
 * (1, 7, 13, 61, 97, 300 in each dimension), leading dimensions longer than the
 * rows (61 + 3: rows 512 bytes apart, which the kernel packs), several alpha
 * and beta (beta == 0 with NaN in C, which must not be read), k == 0, and
 * the entries of C outside the product left untouched.
 * Prints the largest error relative to sum |alpha a b| + |beta c| and exits
 * 1 if it exceeds a few units of rounding per term. */
#include "gemm.h"
#include "rng.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { PAD = 3 }; /* extra doubles at the end of every row */

typedef struct {
    int trans_a, trans_b;
    size_t m, n, k;
    double alpha, beta;
} gemm_case;

static double entry(const double *x, size_t ld, int trans, size_t i, size_t j)
{
    return trans ? x[j * ld + i] : x[i * ld + j];
}

static void fill(rng *r, double *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        x[i] = rng_range(r, -1.0, 1.0);
}

/* Runs one case; returns the largest scaled error, or +infinity for an
 * entry outside the product that changed or a NaN that leaked from C. */
static double check(rng *r, const gemm_case *t)
{
    size_t a_rows = t->trans_a ? t->k : t->m, a_cols = t->trans_a ? t->m : t->k;
    size_t b_rows = t->trans_b ? t->n : t->k, b_cols = t->trans_b ? t->k : t->n;
    size_t lda = a_cols + PAD, ldb = b_cols + PAD, ldc = t->n + PAD;
    double *a = malloc((a_rows * lda + 1) * sizeof(double));
    double *b = malloc((b_rows * ldb + 1) * sizeof(double));
    double *c = malloc((t->m * ldc + 1) * sizeof(double));
    double *c0 = malloc((t->m * ldc + 1) * sizeof(double));
    if (!a || !b || !c || !c0) {
        free(a), free(b), free(c), free(c0);
        return INFINITY;
    }
    fill(r, a, a_rows * lda);
    fill(r, b, b_rows * ldb);
    fill(r, c0, t->m * ldc);
    if (t->beta == 0.0)
        for (size_t i = 0; i < t->m; i++)
            for (size_t j = 0; j < t->n; j++)
                c0[i * ldc + j] = NAN;
    for (size_t i = 0; i < t->m * ldc; i++)
        c[i] = c0[i];
    gemm(t->trans_a ? GEMM_TRANS : GEMM_NO_TRANS, t->trans_b ? GEMM_TRANS : GEMM_NO_TRANS, t->m,
         t->n, t->k, t->alpha, a, lda, b, ldb, t->beta, c, ldc);
    double worst = 0.0;
    for (size_t i = 0; i < t->m; i++) {
        for (size_t j = t->n; j < ldc; j++)
            if (c[i * ldc + j] != c0[i * ldc + j])
                worst = INFINITY;
        for (size_t j = 0; j < t->n; j++) {
            long double sum = 0.0L, size = 0.0L;
            for (size_t p = 0; p < t->k; p++) {
                long double term = (long double)entry(a, lda, t->trans_a, i, p) *
                                   entry(b, ldb, t->trans_b, p, j);
                sum += term;
                size += fabsl(term);
            }
            long double expect = t->alpha * sum, scale = fabsl(t->alpha) * size;
            if (t->beta != 0.0) {
                expect += t->beta * (long double)c0[i * ldc + j];
                scale += fabsl(t->beta * (long double)c0[i * ldc + j]);
            }
            double error = (double)(fabsl(c[i * ldc + j] - expect) / (scale > 0 ? scale : 1.0L));
            if (!(error <= worst)) /* NaN counts as the worst */
                worst = isnan(error) ? INFINITY : error;
        }
    }
    free(a), free(b), free(c), free(c0);
    return worst;
}

int main(void)
{
    static const size_t sizes[] = {1, 7, 13, 61, 97, 300};
    static const double scalars[][2] = {{1.0, 0.0}, {-0.5, 1.0}, {2.0, -0.75}, {0.0, 0.5}};
    enum { N_SIZES = sizeof sizes / sizeof sizes[0], N_SCALARS = sizeof scalars / sizeof scalars[0] };
    rng r;
    rng_seed(&r, 20261123);
    double worst = 0.0, tolerance = 8 * DBL_EPSILON;
    size_t cases = 0, failures = 0;
    for (int ta = 0; ta < 2; ta++)
        for (int tb = 0; tb < 2; tb++)
            for (size_t im = 0; im < N_SIZES; im++)
                for (size_t in = 0; in < N_SIZES; in++)
                    for (size_t ik = 0; ik <= N_SIZES; ik++) {
                        /* every size of k, and k == 0; alpha and beta in turn */
                        const double *s = scalars[cases % N_SCALARS];
                        gemm_case t = {ta, tb, sizes[im], sizes[in], ik < N_SIZES ? sizes[ik] : 0,
                                       s[0], s[1]};
                        double error = check(&r, &t);
                        cases++;
                        if (!(error <= tolerance)) {
                            failures++;
                            printf("FAIL gemm(%s, %s) m = %zu, n = %zu, k = %zu, alpha = %g, "
                                   "beta = %g: error %.3g\n",
                                   ta ? "T" : "N", tb ? "T" : "N", t.m, t.n, t.k, t.alpha, t.beta,
                                   error);
                        }
                        if (error > worst)
                            worst = error;
                    }
    printf("gemm: %zu cases, largest error %.2g (relative to sum |alpha a b| + |beta c|), "
           "%zu failed\n",
           cases, worst, failures);
    return failures ? 1 : 0;
}
