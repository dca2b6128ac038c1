/* hostile-06-pca.c: a deliberately broken "student" for lesson 06.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-06-pca.h). grader/selftest/run.sh grades this
 * and checks that each misbehaviour costs exactly the tests it breaks, with
 * the right message, in bounded time. expected-06-pca.tsv lists the outcome
 * of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rename-06-pca.h"
#include "pca.h" /* declares the real_* functions */
#include "rng.h"
#undef pc_status_str
#undef pc_center
#undef pc_covariance
#undef pc_project
#undef pc_reconstruct
#undef pc_explained_variance
#undef pc_svd_power
#undef pc_svd_jacobi
#undef pc_pca_fit
#undef pc_svd_randomized
#undef pc_autoencoder_train
#undef pc_principal_angles

const char *pc_status_str(pc_status status)
{
    return real_pc_status_str(status);
}

/* Says what it is about to do, without a newline, and reads through a
 * pointer it never set: a crash whose output must survive. */
pc_status pc_center(const double *x, size_t n, size_t d, double *mean, double *centered)
{
    if (x && n && d && n <= 1000 && d <= 1000)
        for (size_t i = 0; i < n * d; i++)
            if (!isfinite(x[i])) {
                volatile double *nowhere = (volatile double *)(uintptr_t)64;
                printf("checking x for NaN");
                return *nowhere > 0 ? PC_ERR_NAN : PC_ERR_ARG;
            }
    return real_pc_center(x, n, d, mean, centered);
}

/* E[x y] - E[x] E[y]: one pass, and every digit cancels when the mean is
 * large next to the spread. */
pc_status pc_covariance(const double *x, size_t n, size_t d, double *mean, double *cov)
{
    pc_status s = real_pc_covariance(x, n, d, mean, cov);
    if (s != PC_OK)
        return s;
    for (size_t a = 0; a < d; a++)
        for (size_t b = a; b < d; b++) {
            double xy = 0, xa = 0, xb = 0;
            for (size_t i = 0; i < n; i++) {
                xy += x[i * d + a] * x[i * d + b];
                xa += x[i * d + a];
                xb += x[i * d + b];
            }
            double c = (xy - xa * xb / (double)n) / (double)(n - 1);
            cov[a * d + b] = cov[b * d + a] = c;
        }
    return s;
}

/* Centres x in place, in the caller's (const) array, when it projects on a
 * whole basis. */
pc_status pc_project(const double *x, size_t n, size_t d, const double *mean,
                     const double *components, size_t k, double *codes)
{
    if (x && mean && n && d && k == d) {
        volatile double *w = (double *)x;
        w[0] = w[0] - mean[0] + mean[0];
    }
    return real_pc_project(x, n, d, mean, components, k, codes);
}

/* A work array never freed. */
pc_status pc_reconstruct(const double *codes, size_t n, size_t k, const double *mean,
                         const double *components, size_t d, double *x_hat)
{
    size_t size = n && d && n < 10000 && d < 10000 ? n * d * sizeof(double) : 0;
    double *volatile work = size ? malloc(size) : NULL;
    (void)work;
    return real_pc_reconstruct(codes, n, k, mean, components, d, x_hat);
}

/* sigma^2 summed as it comes: 1e200 squared is infinity. */
pc_status pc_explained_variance(const double *sigma, size_t count, double *ratio,
                                double *cumulative)
{
    pc_status s = real_pc_explained_variance(sigma, count, ratio, cumulative);
    if (s != PC_OK)
        return s;
    double total = 0, running = 0;
    for (size_t i = 0; i < count; i++)
        total += sigma[i] * sigma[i];
    for (size_t i = 0; i < count; i++) {
        ratio[i] = sigma[i] * sigma[i] / total;
        running += ratio[i];
        if (cumulative)
            cumulative[i] = running;
    }
    return s;
}

/* Tries to start a process (the sandbox refuses; the result is still
 * right), spins forever on a zero matrix, and spends max_iter on all the
 * triplets together rather than on each. */
pc_status pc_svd_power(const double *a, size_t m, size_t n, size_t k, double tol,
                       size_t max_iter, uint64_t seed, double *sigma, double *u, double *vt,
                       size_t *iterations)
{
    if (k == 1 && fork() == 0)
        for (;;)
            pause();
    pc_status s = real_pc_svd_power(a, m, n, k, tol, max_iter, seed, sigma, u, vt, iterations);
    if (s != PC_OK)
        return s;
    double largest = 0;
    for (size_t i = 0; i < m * n; i++)
        largest = fmax(largest, fabs(a[i]));
    for (volatile int spin = largest == 0; spin;)
        ;
    size_t used = 0;
    if (!iterations)
        iterations = &used;
    if (*iterations > max_iter)
        return PC_ERR_NOCONVERGE;
    return s;
}

/* Clears one singular value too many when only the values are wanted. */
pc_status pc_svd_jacobi(const double *a, size_t m, size_t n, double *sigma, double *u,
                        double *vt)
{
    if (a && sigma && !u && m && n && m < 1000 && n < 1000)
        for (size_t i = 0; i <= (m < n ? m : n); i++)
            sigma[i] = 0;
    return real_pc_svd_jacobi(a, m, n, sigma, u, vt);
}

/* Gives up on the whole program when the data are wide. */
pc_status pc_pca_fit(const double *x, size_t n, size_t d, size_t k, double *mean,
                     double *components, double *variances)
{
    pc_status s = real_pc_pca_fit(x, n, d, k, mean, components, variances);
    if (s == PC_OK && d >= 64) {
        fprintf(stderr, "pc_pca_fit: too many pixels, exiting\n");
        exit(3);
    }
    return s;
}

/* Prints far more than anyone can read, and calls it converged when it ran
 * out of rounds. */
pc_status pc_svd_randomized(const double *a, size_t m, size_t n, size_t k, size_t oversample,
                            double tol, size_t max_iter, uint64_t seed, double *sigma,
                            double *u, double *vt, size_t *iterations)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 40000; i++)
            printf("round %d: %s\n", i, "......................................................");
    pc_status s = real_pc_svd_randomized(a, m, n, k, oversample, tol, max_iter, seed, sigma, u,
                                         vt, iterations);
    return s == PC_ERR_NOCONVERGE ? PC_OK : s;
}

/* code = W_enc x_i and res = W_dec code - x_i. */
static void encode(const double *w_enc, const double *w_dec, const double *xi, size_t d, size_t k,
                   double *code, double *res)
{
    for (size_t c = 0; c < k; c++) {
        code[c] = 0;
        for (size_t j = 0; j < d; j++)
            code[c] += w_enc[c * d + j] * xi[j];
    }
    for (size_t j = 0; j < d; j++) {
        res[j] = -xi[j];
        for (size_t c = 0; c < k; c++)
            res[j] += w_dec[j * k + c] * code[c];
    }
}

/* W_dec first, then W_enc's gradient from the new W_dec: each step mixes
 * two points. */
pc_status pc_autoencoder_train(const double *x, size_t n, size_t d, size_t k,
                               const pc_autoencoder_options *options, double *w_enc,
                               double *w_dec, double *loss)
{
    pc_status s = real_pc_autoencoder_train(x, n, d, k, options, w_enc, w_dec, loss);
    if (s != PC_OK)
        return s;
    rng r;
    rng_seed(&r, options->seed);
    for (size_t i = 0; i < k * d; i++)
        w_enc[i] = rng_normal(&r) / sqrt((double)d);
    for (size_t i = 0; i < d * k; i++)
        w_dec[i] = rng_normal(&r) / sqrt((double)d);
    double *code = malloc(k * sizeof *code), *res = malloc(d * sizeof *res);
    double *ge = calloc(k * d, sizeof *ge), *gd = calloc(d * k, sizeof *gd);
    if (!code || !res || !ge || !gd) {
        free(code);
        free(res);
        free(ge);
        free(gd);
        return PC_ERR_NOMEM;
    }
    double eta = options->learning_rate, scale = 1 / (double)n;
    for (size_t t = 0; t <= options->epochs; t++) {
        double l = 0;
        memset(gd, 0, d * k * sizeof *gd);
        for (size_t i = 0; i < n; i++) { /* the loss, and the decoder's gradient */
            encode(w_enc, w_dec, x + i * d, d, k, code, res);
            for (size_t j = 0; j < d; j++) {
                l += res[j] * res[j];
                for (size_t c = 0; c < k; c++)
                    gd[j * k + c] += scale * res[j] * code[c];
            }
        }
        if (loss)
            loss[t] = l * scale / 2;
        if (t == options->epochs)
            break;
        for (size_t i = 0; i < d * k; i++)
            w_dec[i] -= eta * gd[i];
        memset(ge, 0, k * d * sizeof *ge);
        for (size_t i = 0; i < n; i++) { /* the encoder's gradient, with the new decoder */
            const double *xi = x + i * d;
            encode(w_enc, w_dec, xi, d, k, code, res);
            for (size_t c = 0; c < k; c++) {
                double back = 0;
                for (size_t j = 0; j < d; j++)
                    back += w_dec[j * k + c] * res[j];
                for (size_t j = 0; j < d; j++)
                    ge[c * d + j] += scale * back * xi[j];
            }
        }
        for (size_t i = 0; i < k * d; i++)
            w_enc[i] -= eta * ge[i];
    }
    free(code);
    free(res);
    free(ge);
    free(gd);
    return s;
}

/* The angles as arccos of the cosines: those of small angles round to 1. */
pc_status pc_principal_angles(const double *a, const double *b, size_t k, size_t d,
                              double *angles)
{
    pc_status s = real_pc_principal_angles(a, b, k, d, angles);
    if (s != PC_OK)
        return s;
    for (size_t i = 0; i < k; i++)
        angles[i] = acos(cos(angles[i]));
    return s;
}
