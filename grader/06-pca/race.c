/* race.c: lesson 06's race (`make race LESSON=06`; see grader/runner/race.h):
 * pc_svd_randomized, the top singular triplets of section 10, against power
 * iteration one triplet after the other, each deflated by those before it,
 * in plain loops. */
#include <math.h>

#include "pca.h"
#include "race.h"

enum { M = 2000, N = 256, RANK = 30, K = 10, ITERATIONS = 15 };

RACE_REFERENCE(pc_svd_randomized);

typedef struct {
    double *a;
    double *sigma, *u, *vt, *scratch; /* scratch: M values */
    size_t iterations;
} svd_job;

/* u = A v less the triplets found so far (|u| is the new sigma). */
static double naive_image(const svd_job *j, const double *v, size_t found, double *u)
{
    double along[K] = {0}, norm = 0.0; /* sigma_t (v_t . v) */
    for (size_t t = 0; t < found; t++) {
        for (size_t c = 0; c < N; c++)
            along[t] += j->vt[t * N + c] * v[c];
        along[t] *= j->sigma[t];
    }
    for (size_t i = 0; i < M; i++) {
        double s = 0.0;
        for (size_t c = 0; c < N; c++)
            s += j->a[i * N + c] * v[c];
        for (size_t t = 0; t < found; t++)
            s -= j->u[i * K + t] * along[t];
        u[i] = s;
        norm += s * s;
    }
    return sqrt(norm);
}

/* v = A^T u less the triplets found so far, normalised. */
static void naive_preimage(const svd_job *j, const double *u, size_t found, double *v)
{
    double along[K] = {0}, norm = 0.0; /* sigma_t (u_t . u) */
    for (size_t t = 0; t < found; t++) {
        for (size_t i = 0; i < M; i++)
            along[t] += j->u[i * K + t] * u[i];
        along[t] *= j->sigma[t];
    }
    for (size_t c = 0; c < N; c++) {
        double s = 0.0;
        for (size_t i = 0; i < M; i++)
            s += j->a[i * N + c] * u[i];
        for (size_t t = 0; t < found; t++)
            s -= j->vt[t * N + c] * along[t];
        v[c] = s;
        norm += s * s;
    }
    for (size_t c = 0; c < N; c++)
        v[c] /= sqrt(norm);
}

static void naive_svd(svd_job *j)
{
    for (size_t t = 0; t < K; t++) {
        double *v = j->vt + t * N, sigma = 0.0;
        for (size_t c = 0; c < N; c++)
            v[c] = 1.0 / sqrt((double)N);
        for (size_t it = 0; it < ITERATIONS; it++) {
            sigma = naive_image(j, v, t, j->scratch);
            for (size_t i = 0; i < M; i++)
                j->scratch[i] /= sigma;
            naive_preimage(j, j->scratch, t, v);
        }
        sigma = naive_image(j, v, t, j->scratch);
        j->sigma[t] = sigma;
        for (size_t i = 0; i < M; i++)
            j->u[i * K + t] = j->scratch[i] / sigma;
    }
}

static void run_call(void *ctx)
{
    svd_job *j = ctx;
    pc_svd_randomized(j->a, M, N, K, 10, 1e-8, 100, 1, j->sigma, j->u, j->vt, &j->iterations);
}

static void run_naive(void *ctx)
{
    naive_svd(ctx);
}

/* A = G diag(0.5^i) H + noise, G (M x RANK) and H (RANK x N) Gaussian: a
 * spectrum that falls fast, where power iteration converges in ITERATIONS. */
static double *make_matrix(rng *r)
{
    double *g = grade_alloc(M * RANK, sizeof *g), *h = grade_alloc(RANK * N, sizeof *h);
    double *a = grade_alloc(M * N, sizeof *a);
    for (size_t i = 0; i < M * RANK; i++)
        g[i] = rng_normal(r) * pow(0.5, (double)(i % RANK));
    for (size_t i = 0; i < RANK * N; i++)
        h[i] = rng_normal(r);
    for (size_t i = 0; i < M; i++)
        for (size_t c = 0; c < N; c++) {
            double s = 1e-6 * rng_normal(r);
            for (size_t p = 0; p < RANK; p++)
                s += g[i * RANK + p] * h[p * N + c];
            a[i * N + c] = s;
        }
    return a;
}

RACE(svd_randomized, "10 Going fast", "pc_svd_randomized: the top 10 triplets of a 2000 x 256 matrix")
{
    rng r;
    grade_rng(&r);
    svd_job job = {make_matrix(&r), grade_alloc(K, sizeof(double)),
                   grade_alloc(M * K, sizeof(double)), grade_alloc(K * N, sizeof(double)),
                   grade_alloc(M, sizeof(double)), 0};
    double *sigma = grade_alloc(K, sizeof *sigma), *u = grade_alloc(M * K, sizeof *u);
    double *vt = grade_alloc(K * N, sizeof *vt);
    size_t iterations = 0;
    race_expect(pc_svd_randomized(job.a, M, N, K, 10, 1e-8, 100, 1, job.sigma, job.u, job.vt,
                                  &job.iterations) == PC_OK,
                "pc_svd_randomized did not return PC_OK");
    race_ref_pc_svd_randomized(job.a, M, N, K, 10, 1e-8, 100, 1, sigma, u, vt, &iterations);
    race_expect_doubles(job.sigma, sigma, K, 1e-6, "sigma");
    race_run(&(race_kernel){run_call, run_naive, &job, .in = {{job.a, M * N * sizeof(double)}},
                            .out = {{job.sigma, K * sizeof(double)},
                                    {job.u, M * K * sizeof(double)},
                                    {job.vt, K * N * sizeof(double)}}});
}
