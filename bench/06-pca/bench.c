/* bench.c: lesson 06's randomized SVD against LAPACK, one thread.
 *
 *     make bench LESSON=06
 *
 * The top 20 singular values and vectors of two 20000 x 784 double matrices
 * (MNIST's shape: 20000 images of 28 x 28 pixels), by:
 *   - pc_svd_randomized, the solution: a block of 20 + OVERSAMPLE vectors,
 *     tolerance TOL; rounds on A, or, when its first round predicts that the
 *     rounds still to come would cost more than A^T A, that matrix once and
 *     Chebyshev-filtered iteration on it, then a last round on A (the line
 *     after its timings says which, from the same first round);
 *   - LAPACKE_dgesdd with jobz 'S', what LAPACK offers a user who wants the
 *     leading vectors: the thin SVD, all 784 values and vectors ('N' gives no
 *     vectors, 'A' would form a 20000 x 20000 U), on a copy of A (dgesdd
 *     overwrites its input; the copy is timed, a caller has to make it too);
 *   - the Gram route: cblas_dsyrk for A^T A, LAPACKE_dsyevd for all its
 *     eigenpairs, then U = A V / sigma for the top 20 (cblas_dgemm);
 *   - pc_svd_power, one triplet after the other, where it finishes in time.
 * The matrices, from fixed seeds:
 *   1. A = U diag(sigma) V^T with sigma_i = 1000 * 0.9^i (i = 0..783) and
 *      random orthonormal U, V (see make_known): the error is measured
 *      against these known values;
 *   2. entries uniform on [0, 1): one large singular value (about
 *      sqrt(20000 * 784) / 2), then a flat bulk near 49 whose top values
 *      are a fraction of a percent apart, the hard case for subspace
 *      iteration; the error is measured against dgesdd.
 * Finally the smallest singular values of the centred digits (1797 x 64),
 * where A^T A loses what is below sqrt(eps) sigma_0.
 * OpenBLAS runs one thread; a build for less than AVX-512 holds it to the
 * same vector width (OPENBLAS_CORETYPE). Lines end in ratio=R: the other
 * method's time / the solution's time. */
#define _POSIX_C_SOURCE 200809L

#include "pca.h"
#include "csv.h"
#include "gemm.h"
#include "machine.h"
#include "rng.h"
#include "simd.h"
#include "timing.h"

#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A block of K + OVERSAMPLE = 48: three rounds on matrix 1 where 40 needs
 * four, and whole panels of the products' column blocks (16 doubles with
 * AVX-512, 8 with AVX2). */
enum { M = 20000, N = 784, K = 20, OVERSAMPLE = 28, MAX_ROUNDS = 1000 };
enum { REPS_FAST = 8, REPS_DGESDD = 3, POWER_PRODUCTS = 10000 };
#define TOL 1e-7
#define DECAY 0.9       /* matrix 1: sigma_i = TOP * DECAY^i */
#define TOP 1000.0
#define MAX_ERROR 1e-8  /* the solution's top 20 sigma must be this accurate */
#define TARGET_SPEEDUP 5.0
#define POWER_TIME_LIMIT 10.0 /* seconds: pc_svd_power is left out beyond it */
#define DIGITS "data/digits.csv"

/* ---- OpenBLAS: one thread, this build's vector width ---------------------------- */

/* OpenBLAS's kernels for the vector width of this build; NULL for AVX-512,
 * the widest, where it may choose. */
static const char *openblas_core_of_build(void)
{
#if SIMD_BYTES == 64
    return NULL;
#elif defined(__AVX2__)
    return "Haswell";
#elif SIMD_BYTES == 32
    return "Sandybridge";
#else
    return "Nehalem";
#endif
}

/* OpenBLAS reads OPENBLAS_CORETYPE and OPENBLAS_NUM_THREADS when it is
 * loaded, before main: a benchmark that has to set them starts itself again
 * with them set (once: the second start finds them). When that fails it
 * goes on; openblas_set_num_threads(1) still holds it to one thread. */
static void restart_with_openblas_settings(char **argv)
{
    const char *core = openblas_core_of_build();
    int set_core = core && !getenv("OPENBLAS_CORETYPE");
    int set_threads = !getenv("OPENBLAS_NUM_THREADS");
    if (!set_core && !set_threads)
        return;
    if ((set_core && setenv("OPENBLAS_CORETYPE", core, 1) != 0) ||
        (set_threads && setenv("OPENBLAS_NUM_THREADS", "1", 1) != 0))
        return;
    fflush(stdout);
    execv("/proc/self/exe", argv);
}

/* ---- the matrices ---------------------------------------------------------------- */

static double *alloc_doubles(size_t count)
{
    return malloc(count * sizeof(double));
}

static void fill_normal(rng *r, double *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        x[i] = rng_normal(r);
}

/* q (n x n) = a random orthogonal matrix: the Q of a Gaussian matrix's
 * Householder QR. */
static int random_orthogonal(rng *r, double *q, size_t n)
{
    double *tau = alloc_doubles(n);
    int failed = !tau;
    if (!failed) {
        fill_normal(r, q, n * n);
        failed = LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, (int)n, (int)n, q, (int)n, tau) != 0 ||
                 LAPACKE_dorgqr(LAPACK_ROW_MAJOR, (int)n, (int)n, (int)n, q, (int)n, tau) != 0;
    }
    free(tau);
    return failed;
}

/* a (M x N) = U diag(sigma) V^T with sigma_i = TOP DECAY^i, built as
 * a = G (R^-1 diag(sigma) V^T) without forming U: G is M x N Gaussian and
 * R^T R = G^T G its Cholesky factor, so U = G R^-1 has orthonormal columns
 * (to eps cond(G)^2, and cond(G) is about (sqrt(M) + sqrt(N)) / (sqrt(M) -
 * sqrt(N)) = 1.5); V is the Q of a 784 x 784 Gaussian's QR. Two products
 * with the shared gemm, a Cholesky and a triangular solve of N x N: about a
 * second, where a Householder QR of G would take several. The rounding of
 * the construction moves the top 20 sigma by about 1e-14 of themselves. */
static int make_known(double *a, double *sigma)
{
    double *g = alloc_doubles((size_t)M * N), *r = alloc_doubles((size_t)N * N);
    double *v = alloc_doubles((size_t)N * N), *s = alloc_doubles((size_t)N * N);
    int failed = !g || !r || !v || !s;
    rng gen;
    rng_seed(&gen, 61);
    if (!failed) {
        fill_normal(&gen, g, (size_t)M * N);
        gemm(GEMM_TRANS, GEMM_NO_TRANS, N, N, M, 1.0, g, N, g, N, 0.0, r, N);
        failed = LAPACKE_dpotrf(LAPACK_ROW_MAJOR, 'U', N, r, N) != 0 ||
                 random_orthogonal(&gen, v, N);
    }
    if (!failed) {
        for (size_t i = 0; i < N; i++) {
            sigma[i] = TOP * pow(DECAY, (double)i);
            for (size_t j = 0; j < N; j++) /* s = diag(sigma) V^T */
                s[i * N + j] = sigma[i] * v[j * N + i];
        }
        cblas_dtrsm(CblasRowMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, N, N, 1.0,
                    r, N, s, N);
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, M, N, N, 1.0, g, N, s, N, 0.0, a, N);
    }
    free(g);
    free(r);
    free(v);
    free(s);
    return failed;
}

static void make_uniform(double *a)
{
    rng gen;
    rng_seed(&gen, 62);
    for (size_t i = 0; i < (size_t)M * N; i++)
        a[i] = rng_uniform(&gen);
}

/* ---- the methods ----------------------------------------------------------------- */

/* One method's run on one matrix: the top K triplets. */
typedef struct {
    const double *a;
    size_t m, n;
    double sigma[K], *u, *vt; /* u: m x K, vt: K x n */
    size_t rounds;
    double *work;  /* method-specific scratch */
    double *extra; /* more of it */
    int status;    /* 0, or why it failed: a pc_status or a LAPACK info */
} svd_job;

/* The solution's first round as the solution sees it: the same seed and
 * block (k = K + OVERSAMPLE, oversample 0, max_iter 1 gives the same
 * Gaussian block and the same B), so its b Ritz values and, for i < K, its
 * residuals; then the rule the solution applies to them: the worst
 * residual over TOL sigma_0 shrinks by (sigma_b-1 / sigma_K-1)^2 per round
 * of two passes with b vectors, while A^T A costs N / 4b such rounds. */
static void print_first_round(const double *a)
{
    enum { B = K + OVERSAMPLE };
    double sigma[B], *u = alloc_doubles((size_t)M * B), *vt = alloc_doubles((size_t)B * N);
    double *av = alloc_doubles(M);
    int status = !u || !vt || !av ? PC_ERR_NOMEM :
                 pc_svd_randomized(a, M, N, B, 0, TOL, 1, 6, sigma, u, vt, NULL);
    if (status == PC_OK || status == PC_ERR_NOCONVERGE) {
        double worst = 0.0;
        for (size_t i = 0; i < K; i++) {
            gemm(GEMM_NO_TRANS, GEMM_TRANS, M, 1, N, 1.0, a, N, vt + i * N, N, 0.0, av, 1);
            double sum = 0.0;
            for (size_t r = 0; r < M; r++) {
                double d = av[r] - sigma[i] * u[r * B + i];
                sum += d * d;
            }
            worst = fmax(worst, sqrt(sum) / (TOL * sigma[0]));
        }
        double rate = pow(sigma[B - 1] / sigma[K - 1], 2.0);
        double rounds = log(worst) / -log(rate), gram = (double)N / (4.0 * B);
        printf("  (its first round: residual %.1e tol sigma_0, sigma_%d / sigma_%d = %.4f: "
               "about %.0f rounds more on A, against %.1f for A^T A: %s)\n", worst, B - 1,
               K - 1, sigma[B - 1] / sigma[K - 1], ceil(rounds), gram,
               rounds > gram ? "it goes on with A^T A" : "it stays on A");
    }
    free(u);
    free(vt);
    free(av);
}

static void run_randomized(void *ctx)
{
    svd_job *j = ctx;
    j->status = pc_svd_randomized(j->a, j->m, j->n, K, OVERSAMPLE, TOL, MAX_ROUNDS, 6, j->sigma,
                                  j->u, j->vt, &j->rounds);
}

static void run_power(void *ctx)
{
    svd_job *j = ctx;
    j->status = pc_svd_power(j->a, j->m, j->n, K, TOL, POWER_PRODUCTS, 6, j->sigma, j->u, j->vt,
                             &j->rounds);
}

/* dgesdd 'S' on a copy (work: m x n) into sigma, U and V^T (extra: n, m x n
 * and n x n), of which the caller keeps the top K. */
static void run_dgesdd(void *ctx)
{
    svd_job *j = ctx;
    size_t mn = j->m * j->n;
    double *copy = j->work, *s = j->extra, *u = s + j->n, *vt = u + mn;
    memcpy(copy, j->a, mn * sizeof *copy);
    j->status = LAPACKE_dgesdd(LAPACK_ROW_MAJOR, 'S', (int)j->m, (int)j->n, copy, (int)j->n, s,
                               u, (int)j->n, vt, (int)j->n);
    memcpy(j->sigma, s, K * sizeof *s);
    for (size_t i = 0; i < j->m; i++) /* what the caller keeps: the top K */
        memcpy(j->u + i * K, u + i * j->n, K * sizeof *u);
    memcpy(j->vt, vt, K * j->n * sizeof *vt);
}

/* G = A^T A (work: n x n, the upper triangle), its eigenpairs ascending,
 * then the top K: v_i = G's column n - 1 - i, sigma_i = sqrt(lambda),
 * U = A V diag(1 / sigma). */
static void run_gram(void *ctx)
{
    svd_job *j = ctx;
    size_t n = j->n;
    double *g = j->work, *lambda = j->extra;
    cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, (int)n, (int)j->m, 1.0, j->a, (int)n, 0.0,
                g, (int)n);
    j->status = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'U', (int)n, g, (int)n, lambda);
    for (size_t i = 0; i < K; i++) {
        j->sigma[i] = sqrt(fmax(lambda[n - 1 - i], 0.0));
        for (size_t c = 0; c < n; c++)
            j->vt[i * n + c] = g[c * n + n - 1 - i];
    }
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)j->m, K, (int)n, 1.0, j->a, (int)n,
                j->vt, (int)n, 0.0, j->u, K);
    for (size_t r = 0; r < j->m; r++)
        for (size_t i = 0; i < K; i++)
            j->u[r * K + i] /= j->sigma[i];
}

/* ---- errors ---------------------------------------------------------------------- */

/* The largest |sigma_i - ref_i| / ref_i of the top K. */
static double sigma_error(const double *sigma, const double *ref)
{
    double worst = 0.0;
    for (size_t i = 0; i < K; i++)
        worst = fmax(worst, fabs(sigma[i] - ref[i]) / ref[i]);
    return worst;
}

/* The largest |A v_i - sigma_i u_i| / sigma_0 of the top K: what TOL bounds
 * for the solution, and a check of the vectors whatever their signs.
 * av: m x K scratch. */
static double residual(const svd_job *j, double *av)
{
    gemm(GEMM_NO_TRANS, GEMM_TRANS, j->m, K, j->n, 1.0, j->a, j->n, j->vt, j->n, 0.0, av, K);
    double worst = 0.0;
    for (size_t i = 0; i < K; i++) {
        double sum = 0.0;
        for (size_t r = 0; r < j->m; r++) {
            double d = av[r * K + i] - j->sigma[i] * j->u[r * K + i];
            sum += d * d;
        }
        worst = fmax(worst, sqrt(sum));
    }
    return worst / j->sigma[0];
}

/* ---- one matrix ------------------------------------------------------------------ */

enum { SOLUTION, GRAM, DGESDD, POWER, METHODS };

typedef struct {
    svd_job job[METHODS];
    timed_task task[METHODS];
    double *memory;
} comparison;

static int comparison_make(comparison *c, const double *a)
{
    size_t mn = (size_t)M * N;
    /* U of K columns for each method, then the scratch of dgesdd: a copy of
     * A, its sigma, U and V^T; the Gram route's uses the copy's place. */
    size_t count = METHODS * ((size_t)M * K + K * N) + mn + N + mn + (size_t)N * N;
    c->memory = alloc_doubles(count);
    if (!c->memory)
        return 1;
    double *p = c->memory, *work = p + METHODS * ((size_t)M * K + K * N), *extra = work + mn;
    static void (*const run[METHODS])(void *) = {run_randomized, run_gram, run_dgesdd,
                                                run_power};
    static const char *const name[METHODS] = {
        "randomized", "Gram route (dsyrk, dsyevd)", "LAPACKE_dgesdd 'S'", "power iteration"};
    for (int t = 0; t < METHODS; t++) {
        svd_job *j = &c->job[t];
        *j = (svd_job){a, M, N, {0}, p, p + (size_t)M * K, 0, work, extra, 0};
        p += (size_t)M * K + K * N;
        c->task[t] = (timed_task){name[t], run[t], j, 0};
    }
    return 0;
}

/* Turns of the three (dgesdd takes seconds): REPS_DGESDD, then REPS_FAST
 * in all of the solution and the Gram route. */
static void time_methods(comparison *c)
{
    timed_task *t = c->task;
    double best[3];
    time_interleaved(t, 3, REPS_DGESDD);
    for (int i = 0; i < 3; i++)
        best[i] = t[i].best;
    time_interleaved(t, 2, REPS_FAST - REPS_DGESDD);
    for (int i = 0; i < 3; i++)
        t[i].best = fmin(t[i].best, best[i]);
}

/* pc_svd_power: the first triplet alone, then all K when that took less
 * than 1 / K of POWER_TIME_LIMIT (on matrix 1 every triplet has the same
 * ratio sigma_i+1 / sigma_i to overcome). 1 when it ran. */
static int time_power(comparison *c)
{
    svd_job *j = &c->job[POWER];
    double start = now_seconds();
    j->status = pc_svd_power(j->a, j->m, j->n, 1, TOL, POWER_PRODUCTS, 6, j->sigma, j->u, j->vt,
                             &j->rounds);
    double first = now_seconds() - start;
    if (j->status == PC_OK && K * first <= POWER_TIME_LIMIT) {
        time_interleaved(&c->task[POWER], 1, 1);
        if (j->status == PC_OK)
            return 1;
    }
    if (j->status == PC_OK)
        printf("  power iteration: left out, its first triplet took %zu products, %.2f s: "
               "about %.0f s for %d\n", j->rounds, first, K * first, K);
    else
        printf("  power iteration: left out, %s\n", pc_status_str(j->status));
    return 0;
}

static void print_method(const comparison *c, int t, const double *ref, double *av)
{
    const svd_job *s = &c->job[SOLUTION], *j = &c->job[t];
    printf("  %-28s %9.1f ms  ratio=%6.2f  ", c->task[t].name, 1e3 * c->task[t].best,
           c->task[t].best / c->task[SOLUTION].best);
    if (j->sigma == ref)
        printf("(the reference)       ");
    else
        printf("sigma error %.1e  ", sigma_error(j->sigma, ref));
    printf("residual %.1e", residual(j, av));
    if (t == SOLUTION)
        printf("  (%zu rounds, block %d)", s->rounds, K + OVERSAMPLE);
    if (t == POWER)
        printf("  (%zu products)", j->rounds);
    printf("\n");
}

/* Times the methods on a (M x N) and compares their top K sigma with
 * known (NULL: with dgesdd's); pc_svd_power too when try_power. Returns 1
 * when the solution misses a target. */
static int bench_matrix(const char *title, const double *a, const double *known, int try_power)
{
    comparison c;
    double *av = alloc_doubles((size_t)M * K);
    if (!av || comparison_make(&c, a) != 0) {
        free(av);
        fprintf(stderr, "bench-06-pca: out of memory\n");
        return 1;
    }
    printf("\n%s\n", title);
    time_methods(&c);
    int failed = 0;
    for (int t = 0; t < 3; t++)
        if (c.job[t].status != 0) {
            fprintf(stderr, "bench-06-pca: %s: %s %d\n", c.task[t].name,
                    t == SOLUTION ? pc_status_str(c.job[t].status) : "LAPACK info",
                    c.job[t].status);
            failed = 1;
        }
    int power_done = try_power && !failed && time_power(&c);
    const double *ref = known ? known : c.job[DGESDD].sigma;
    for (int t = 0; t < METHODS && !failed; t++)
        if (t != POWER || power_done)
            print_method(&c, t, ref, av);
    if (!failed)
        print_first_round(a);
    if (!try_power && !failed)
        printf("  power iteration: left out, the bulk's sigma_i+1 / sigma_i near 1 would take "
               "it thousands of products per triplet\n");
    if (!failed) {
        double error = sigma_error(c.job[SOLUTION].sigma, ref);
        double speedup = c.task[DGESDD].best / c.task[SOLUTION].best;
        /* and on matrix 1, where it needs a few rounds, faster than the Gram route */
        int slower = known && c.task[GRAM].best < c.task[SOLUTION].best;
        failed = !(error <= MAX_ERROR) || speedup < TARGET_SPEEDUP || slower;
        fflush(stdout); /* the complaint after the table it is about */
        if (failed)
            fprintf(stderr, "bench-06-pca: %s: sigma error %.3g (at most %.0e), %.2f times "
                    "dgesdd's speed (at least %.0f)%s\n", title, error, MAX_ERROR, speedup,
                    TARGET_SPEEDUP, slower ? ", slower than the Gram route" : "");
    }
    free(c.memory);
    free(av);
    return failed;
}

/* ---- the digits' smallest singular values ---------------------------------------- */

enum { DIGITS_MAX = 2000, PIXELS = 64 };

/* x (at most DIGITS_MAX x PIXELS): the digits' pixels; returns their count,
 * 0 on an error. */
static size_t load_digits(double *x)
{
    csv_reader r = {0};
    if (csv_open(&r, DIGITS) != 0) {
        fprintf(stderr, "bench-06-pca: cannot open %s (the benchmark runs from the "
                "repository's root)\n", DIGITS);
        return 0;
    }
    size_t n = 0;
    int ok = 1, row;
    while (ok && (row = csv_read_row(&r)) == 1) {
        ok = n < DIGITS_MAX && r.nfields == PIXELS + 1;
        for (size_t j = 0; ok && j < PIXELS; j++)
            x[n * PIXELS + j] = strtod(r.fields[j], NULL);
        n++;
    }
    csv_close(&r);
    if (!ok || row != 0) {
        fprintf(stderr, "bench-06-pca: %s: unexpected line %zu\n", DIGITS, n);
        return 0;
    }
    return n;
}

/* The singular values of the centred digits x (n x PIXELS) three ways:
 * Jacobi, dgesdd 'N' (on a copy) and the square roots of A^T A's
 * eigenvalues, which are only known to about eps sigma_0^2. */
static int digits_sigma(const double *x, size_t n, double *jacobi, double *lapack,
                        double *gram, double *lambda)
{
    double *copy = alloc_doubles(n * PIXELS), *g = alloc_doubles(PIXELS * PIXELS);
    int failed = !copy || !g || pc_svd_jacobi(x, n, PIXELS, jacobi, NULL, NULL) != PC_OK;
    if (!failed) {
        memcpy(copy, x, n * PIXELS * sizeof *copy);
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, PIXELS, (int)n, 1.0, x, PIXELS, 0.0,
                    g, PIXELS);
        failed = LAPACKE_dgesdd(LAPACK_ROW_MAJOR, 'N', (int)n, PIXELS, copy, PIXELS, lapack, NULL,
                                PIXELS, NULL, PIXELS) != 0 ||
                 LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'N', 'U', PIXELS, g, PIXELS, lambda) != 0;
    }
    for (size_t i = 0; !failed && i < PIXELS; i++) /* eigenvalues ascend */
        gram[i] = sqrt(fabs(lambda[PIXELS - 1 - i]));
    free(copy);
    free(g);
    return failed;
}

static int bench_digits(void)
{
    double *x = alloc_doubles(DIGITS_MAX * PIXELS), *centred = alloc_doubles(DIGITS_MAX * PIXELS);
    double mean[PIXELS], jacobi[PIXELS], lapack[PIXELS], gram[PIXELS], lambda[PIXELS];
    size_t n = x && centred ? load_digits(x) : 0;
    int failed = n == 0 || pc_center(x, n, PIXELS, mean, centred) != PC_OK ||
                 digits_sigma(centred, n, jacobi, lapack, gram, lambda);
    if (!failed) {
        printf("\nThe centred digits (%zu x %d): the smallest singular values\n", n, PIXELS);
        printf("  %-28s sigma_0 %.6g, the last four:", "pc_svd_jacobi", jacobi[0]);
        for (int i = PIXELS - 4; i < PIXELS; i++)
            printf(" %.2e", jacobi[i]);
        printf("\n  %-28s sigma_0 %.6g, the last four:", "LAPACKE_dgesdd 'N'", lapack[0]);
        for (int i = PIXELS - 4; i < PIXELS; i++)
            printf(" %.2e", lapack[i]);
        printf("\n  %-28s sigma_0 %.6g, the last four:", "sqrt|eig(A^T A)| (dsyevd)", gram[0]);
        for (int i = PIXELS - 4; i < PIXELS; i++)
            printf(" %.2e", gram[i]);
        printf("\n  (the Gram route's eigenvalues there: %.1e", lambda[3]);
        for (int i = 2; i >= 0; i--)
            printf(", %.1e", lambda[i]);
        printf(")\n");
    }
    free(x);
    free(centred);
    return failed;
}

/* ---- main ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    (void)argc;
    restart_with_openblas_settings(argv);
    openblas_set_num_threads(1);
    machine_describe(stdout);
    printf("library: %s; kernels for %s, %d thread\n", openblas_get_config(),
           openblas_get_corename(), openblas_get_num_threads());
    printf("Lesson 06 benchmark: the top %d singular triplets of %d x %d matrices, one thread.\n"
           "Each time is the fastest of %d runs (dgesdd: %d); the methods take turns.\n"
           "ratio = other time / solution time; sigma error = the largest relative error of "
           "the top %d sigma;\nresidual = the largest |A v_i - sigma_i u_i| / sigma_0.\n"
           "The solution: pc_svd_randomized, oversample %d, tol %.0e.\n", K, M, N, REPS_FAST,
           REPS_DGESDD, K, OVERSAMPLE, TOL);
    double *a = alloc_doubles((size_t)M * N), *known = alloc_doubles(N);
    int failed = !a || !known;
    if (!failed) {
        double start = now_seconds();
        failed = make_known(a, known);
        if (!failed)
            printf("\n(matrix 1 built in %.2f s)", now_seconds() - start);
    }
    if (!failed)
        failed = bench_matrix("Matrix 1: sigma_i = 1000 * 0.9^i, random U and V; errors "
                              "against the known sigma", a, known, 1);
    if (a) {
        make_uniform(a);
        failed |= bench_matrix("Matrix 2: entries uniform on [0, 1); errors against dgesdd",
                               a, NULL, 0);
    }
    free(a);
    free(known);
    failed |= bench_digits();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
