/* demo.c: computes every number and figure of lesson 06 from the solution.
 *
 *     build/solutions/opt/bin/demo-06-pca OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it), OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside this
 * file) and the digit images OUT_DIR/<name>.png. The data, matrix helpers
 * and the softmax classifier are in examples.c.
 *
 * With DEMO_QUICK=1 in the environment the two long trainings (the
 * autoencoder's 3000 epochs, the classifier's 500 per k) run only a few
 * dozen epochs: every code path still runs, fast enough for Valgrind, and
 * the numbers written are not the chapter's. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemm.h"
#include "rng.h"
#include "../demo.h"
#include "examples.h"
#include "pca.h"

#define D 64 /* pixels per digit */

/* Set once by main from DEMO_QUICK: shorten the long trainings. */
static int quick;

/* The centred digits and their full SVD, shared by the sections. */
typedef struct {
    digits data;
    double mean[D], *xc;         /* xc: n x D, the centred digits */
    double sigma[D], *u, vt[D * D];
} digits_svd;

static void write_png(const char *name, const double *images, size_t rows, size_t cols,
                      double lo, double hi)
{
    char path[1024];
    output_path(path, sizeof path, name);
    write_digit_grid(path, images, rows, cols, lo, hi, 6);
}

/* The first example of each label 0..9. */
static void first_of_each(const digits *data, size_t *index)
{
    for (int c = 0; c < 10; c++)
        for (size_t i = 0; i < data->n; i++)
            if (data->label[i] == c) {
                index[c] = i;
                break;
            }
}

/* ---- Section 2: constant pixels, covariance ----------------------------- */

static void constant_pixels(const digits *data)
{
    FILE *f = open_output("constant.txt");
    double lo[D], hi[D];
    fprintf(f, "pixels (row, column) that are the same in every image of a class:\n");
    for (int c = -1; c < 10; c++) {
        for (size_t j = 0; j < D; j++)
            lo[j] = INFINITY, hi[j] = -INFINITY;
        size_t count = 0;
        for (size_t i = 0; i < data->n; i++)
            if (c < 0 || data->label[i] == c) {
                count++;
                for (size_t j = 0; j < D; j++)
                    lo[j] = fmin(lo[j], data->x[i * D + j]), hi[j] = fmax(hi[j], data->x[i * D + j]);
            }
        size_t constant = 0;
        for (size_t j = 0; j < D; j++)
            constant += lo[j] == hi[j];
        char name[16];
        snprintf(name, sizeof name, c < 0 ? "all digits" : "digit %d", c);
        fprintf(f, "%-10s %4zu images, %2zu constant:", name, count, constant);
        for (size_t j = 0, shown = 0; j < D; j++)
            if (lo[j] == hi[j] && shown++ < 9)
                fprintf(f, " (%zu,%zu)", j / 8, j % 8);
        fprintf(f, constant > 9 ? " ...\n" : "\n");
    }
    close_output(f);
}

static void covariance(const digits_svd *s)
{
    size_t n = s->data.n;
    double *cov = new_doubles(D * D), mean[D], trace = 0, total = 0;
    check(pc_covariance(s->data.x, n, D, mean, cov), "pc_covariance");
    for (size_t j = 0; j < D; j++)
        trace += cov[j * D + j];
    for (size_t i = 0; i < D; i++)
        total += s->sigma[i] * s->sigma[i];
    FILE *f = open_output("covariance.txt");
    fprintf(f, "mean of pixel (3,3) %.4f, variance %.4f, covariance with (3,4) %.4f\n",
            mean[27], cov[27 * D + 27], cov[27 * D + 28]);
    fprintf(f, "total variance: trace of the covariance %.6f, sum sigma_i^2 / (n - 1) %.6f\n",
            trace, total / (double)(n - 1));
    close_output(f);
    free(cov);
}

/* ---- Section 3: projection and explained variance ----------------------- */

static void explained(const digits_svd *s)
{
    double ratio[D], cumulative[D];
    check(pc_explained_variance(s->sigma, D, ratio, cumulative), "pc_explained_variance");
    FILE *f = open_output("explained.txt");
    fprintf(f, "i    sigma_i    variance   ratio    cumulative\n");
    for (size_t i = 0; i < 10; i++)
        fprintf(f, "%-4zu %-10.2f %-10.3f %-8.4f %.4f\n", i + 1, s->sigma[i],
                s->sigma[i] * s->sigma[i] / (double)(s->data.n - 1), ratio[i], cumulative[i]);
    const double goals[] = {0.5, 0.8, 0.9, 0.95, 0.99};
    for (size_t g = 0; g < 5; g++) {
        size_t k = 0;
        while (cumulative[k] < goals[g])
            k++;
        fprintf(f, "%2.0f %% of the variance: %zu components\n", 100 * goals[g], k + 1);
    }
    close_output(f);
    double table[D * 4];
    for (size_t i = 0; i < D; i++) {
        table[4 * i] = (double)(i + 1);
        table[4 * i + 1] = s->sigma[i] * s->sigma[i] / (double)(s->data.n - 1);
        table[4 * i + 2] = ratio[i];
        table[4 * i + 3] = cumulative[i];
    }
    write_table("spectrum.dat", "i variance ratio cumulative", D, 4, table);
}

/* x_hat with the top k components of the full SVD. */
static void reconstruct_rank(const digits_svd *s, size_t k, double *codes, double *x_hat)
{
    size_t n = s->data.n;
    check(pc_project(s->data.x, n, D, s->mean, s->vt, k, codes), "pc_project");
    check(pc_reconstruct(codes, n, k, s->mean, s->vt, D, x_hat), "pc_reconstruct");
}

static void projection(const digits_svd *s)
{
    size_t n = s->data.n;
    double *codes = new_doubles(n * D), *x_hat = new_doubles(n * D);
    FILE *f = open_output("projection.txt");
    reconstruct_rank(s, 2, codes, x_hat);
    fprintf(f, "digit 0 (a %d): codes (%.3f, %.3f); |x - x_hat|^2 = %.2f of |x - mean|^2 = %.2f\n",
            s->data.label[0], codes[0], codes[1], frobenius2_diff(s->data.x, x_hat, D),
            frobenius2_diff(s->data.x, s->mean, D));
    reconstruct_rank(s, D, codes, x_hat);
    fprintf(f, "with all 64 components the largest |x - x_hat| is %.1e\n",
            max_abs_diff(s->data.x, x_hat, n * D));
    close_output(f);
    free(codes);
    free(x_hat);
}

/* ---- Section 4: the SVD, Eckart-Young, eigendecompositions -------------- */

static void unit_circle(void)
{
    const double a[4] = {2.0, 1.0, 0.5, 1.5};
    double sigma[2], u[4], vt[4];
    check(pc_svd_jacobi(a, 2, 2, sigma, u, vt), "the SVD of a 2 x 2 matrix");
    double circle[201 * 4];
    for (size_t i = 0; i <= 200; i++) {
        double t = 2 * 3.14159265358979323846 * (double)i / 200, x = cos(t), y = sin(t);
        circle[4 * i] = x;
        circle[4 * i + 1] = y;
        circle[4 * i + 2] = a[0] * x + a[1] * y;
        circle[4 * i + 3] = a[2] * x + a[3] * y;
    }
    write_table("circle.dat", "x y (A x)_1 (A x)_2", 201, 4, circle);
    /* v_i on the circle and sigma_i u_i on the ellipse, as arrows from 0 */
    double axes[8] = {vt[0], vt[1], sigma[0] * u[0], sigma[0] * u[2],
                      vt[2], vt[3], sigma[1] * u[1], sigma[1] * u[3]};
    write_table("axes.dat", "v_x v_y sigma_u_x sigma_u_y", 2, 4, axes);
    FILE *f = open_output("circle.txt");
    fprintf(f, "A = [2, 1; 0.5, 1.5]: sigma = (%.4f, %.4f)\n", sigma[0], sigma[1]);
    fprintf(f, "v1 = (%.4f, %.4f), v2 = (%.4f, %.4f)\n", vt[0], vt[1], vt[2], vt[3]);
    fprintf(f, "u1 = (%.4f, %.4f), u2 = (%.4f, %.4f)\n", u[0], u[2], u[1], u[3]);
    fprintf(f, "sigma1 sigma2 = %.4f = |det A|\n", sigma[0] * sigma[1]);
    close_output(f);
}

static void eckart_young(const digits_svd *s)
{
    size_t n = s->data.n;
    double *codes = new_doubles(n * D), *x_hat = new_doubles(n * D);
    FILE *f = open_output("eckart.txt");
    fprintf(f, "k    |X - X_k|_F^2     sum of sigma_i^2, i > k   relative difference\n");
    const size_t ks[] = {1, 2, 5, 10, 20, 40, 60};
    for (size_t t = 0; t < 7; t++) {
        size_t k = ks[t];
        reconstruct_rank(s, k, codes, x_hat);
        double err = frobenius2_diff(s->data.x, x_hat, n * D), tail = 0;
        for (size_t i = D; i-- > k;)
            tail += s->sigma[i] * s->sigma[i];
        fprintf(f, "%-4zu %-17.6f %-25.6f %.1e\n", k, err, tail, fabs(err - tail) / tail);
    }
    /* any other rank-10 subspace does worse: ten pixels, or a random one */
    size_t k = 10;
    double *basis = new_doubles(k * D);
    for (size_t i = 0; i < k; i++)
        basis[i * D + 27 + i % 4 + 8 * (i / 4)] = 1.0; /* pixels around the centre */
    check(pc_project(s->data.x, n, D, s->mean, basis, k, codes), "pc_project");
    check(pc_reconstruct(codes, n, k, s->mean, basis, D, x_hat), "pc_reconstruct");
    fprintf(f, "rank 10 from ten central pixels:  |X - X_10|_F^2 = %.0f\n",
            frobenius2_diff(s->data.x, x_hat, n * D));
    rng r;
    rng_seed(&r, 6);
    for (size_t i = 0; i < k * D; i++)
        basis[i] = rng_normal(&r);
    double *q = new_doubles(k * D);
    /* orthonormal rows spanning the random ones, by Gram-Schmidt twice */
    for (size_t i = 0; i < k; i++) {
        memcpy(q + i * D, basis + i * D, D * sizeof *q);
        for (int pass = 0; pass < 2; pass++)
            for (size_t j = 0; j < i; j++) {
                double dot = 0;
                for (size_t l = 0; l < D; l++)
                    dot += q[i * D + l] * q[j * D + l];
                for (size_t l = 0; l < D; l++)
                    q[i * D + l] -= dot * q[j * D + l];
            }
        double norm = 0;
        for (size_t l = 0; l < D; l++)
            norm += q[i * D + l] * q[i * D + l];
        for (size_t l = 0; l < D; l++)
            q[i * D + l] /= sqrt(norm);
    }
    check(pc_project(s->data.x, n, D, s->mean, q, k, codes), "pc_project");
    check(pc_reconstruct(codes, n, k, s->mean, q, D, x_hat), "pc_reconstruct");
    fprintf(f, "rank 10 from a random subspace:   |X - X_10|_F^2 = %.0f\n",
            frobenius2_diff(s->data.x, x_hat, n * D));
    close_output(f);
    free(q);
    free(basis);
    free(codes);
    free(x_hat);
}

static void eigen_check(const digits_svd *s)
{
    size_t n = s->data.n;
    double *gram = new_doubles(D * D), *outer = new_doubles(n * n), *w = new_doubles(n);
    gemm(GEMM_TRANS, GEMM_NO_TRANS, D, D, n, 1.0, s->xc, D, s->xc, D, 0.0, gram, D);
    matmul_bt(s->xc, s->xc, n, D, n, outer);
    double worst_v = 0, worst_u = 0;
    for (size_t i = 0; i < 61; i++) {
        double lambda = s->sigma[i] * s->sigma[i];
        for (size_t r = 0; r < D; r++) {
            double dot = 0;
            for (size_t c = 0; c < D; c++)
                dot += gram[r * D + c] * s->vt[i * D + c];
            worst_v = fmax(worst_v, fabs(dot - lambda * s->vt[i * D + r]) / lambda);
        }
        for (size_t r = 0; r < n; r++) {
            double dot = 0;
            for (size_t c = 0; c < n; c++)
                dot += outer[r * n + c] * s->u[c * D + i];
            w[r] = dot - lambda * s->u[r * D + i];
            worst_u = fmax(worst_u, fabs(w[r]) / lambda);
        }
    }
    FILE *f = open_output("eigen.txt");
    fprintf(f, "the 61 non-zero singular values of the centred digits (1797 x 64):\n");
    fprintf(f, "largest |X^T X v_i - sigma_i^2 v_i| / sigma_i^2 = %.1e\n", worst_v);
    fprintf(f, "largest |X X^T u_i - sigma_i^2 u_i| / sigma_i^2 = %.1e\n", worst_u);
    fprintf(f, "X X^T is 1797 x 1797 and has rank 61: 1736 of its eigenvalues are 0\n");
    close_output(f);
    free(gram);
    free(outer);
    free(w);
}

/* ---- Section 5: power iteration, Jacobi, the Gram route ----------------- */

static void power(const digits_svd *s)
{
    size_t n = s->data.n, k = 6, iterations;
    double sigma[6], *u = new_doubles(n * k), vt[6 * D];
    check(pc_svd_power(s->xc, n, D, k, 1e-10, 10000, 5, sigma, u, vt, &iterations),
          "pc_svd_power");
    FILE *f = open_output("power.txt");
    fprintf(f, "top 6 singular values of the centred digits, tolerance 1e-10\n");
    fprintf(f, "i   power iteration     Jacobi              |v_i(power) - v_i(Jacobi)|\n");
    for (size_t i = 0; i < k; i++) {
        double diff = 0;
        for (size_t j = 0; j < D; j++)
            diff += (vt[i * D + j] - s->vt[i * D + j]) * (vt[i * D + j] - s->vt[i * D + j]);
        fprintf(f, "%-3zu %-19.12f %-19.12f %.1e\n", i + 1, sigma[i], s->sigma[i], sqrt(diff));
    }
    fprintf(f, "%zu products A^T A v in all\n", iterations);
    close_output(f);
    free(u);
}

/* a (m x n) = U diag(s) V^T for U, V the first columns of two Householder
 * reflections I - 2 w w^T / |w|^2 of random w. */
static void graded_matrix(size_t m, size_t n, const double *s, uint64_t seed, double *a)
{
    rng r;
    rng_seed(&r, seed);
    double *wu = new_doubles(m), *wv = new_doubles(n), nu = 0, nv = 0;
    for (size_t i = 0; i < m; i++)
        wu[i] = rng_normal(&r), nu += wu[i] * wu[i];
    for (size_t i = 0; i < n; i++)
        wv[i] = rng_normal(&r), nv += wv[i] * wv[i];
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double sum = 0;
            for (size_t l = 0; l < n; l++) {
                double ul = (i == l) - 2 * wu[i] * wu[l] / nu;
                double vl = (j == l) - 2 * wv[j] * wv[l] / nv;
                sum += ul * s[l] * vl;
            }
            a[i * n + j] = sum;
        }
    free(wu);
    free(wv);
}

/* The singular values through the eigenvalues of A^T A (computed by Jacobi
 * on the Gram matrix, whose singular values are its eigenvalues). */
static void gram_route(const double *a, size_t m, size_t n, double *sigma)
{
    double *g = new_doubles(n * n);
    gemm(GEMM_TRANS, GEMM_NO_TRANS, n, n, m, 1.0, a, n, a, n, 0.0, g, n);
    check(pc_svd_jacobi(g, n, n, sigma, NULL, NULL), "the Gram matrix's eigenvalues");
    for (size_t i = 0; i < n; i++)
        sigma[i] = sqrt(sigma[i]);
    free(g);
}

static void conditioning(const digits_svd *s)
{
    FILE *f = open_output("gram.txt");
    double sigma[D];
    gram_route(s->xc, s->data.n, D, sigma);
    fprintf(f, "centred digits: the smallest singular values\n");
    fprintf(f, "i    Jacobi on X              sqrt(eigenvalue of X^T X)\n");
    for (size_t i = 57; i < D; i++)
        fprintf(f, "%-4zu %-24.17g %.17g\n", i + 1, s->sigma[i], sigma[i]);
    const double graded[4] = {1.0, 1e-4, 1e-8, 1e-12};
    double a[8 * 4], jac[4], gram[4];
    graded_matrix(8, 4, graded, 11, a);
    check(pc_svd_jacobi(a, 8, 4, jac, NULL, NULL), "pc_svd_jacobi");
    gram_route(a, 8, 4, gram);
    fprintf(f, "8 x 4 matrix with sigma = 1, 1e-4, 1e-8, 1e-12\n");
    fprintf(f, "exact    Jacobi on A              relative error   sqrt(eig of A^T A)       "
               "relative error\n");
    for (size_t i = 0; i < 4; i++)
        fprintf(f, "%-8.0e %-24.17g %-16.1e %-24.17g %.1e\n", graded[i], jac[i],
                fabs(jac[i] - graded[i]) / graded[i], gram[i], fabs(gram[i] - graded[i]) / graded[i]);
    close_output(f);
}

/* ---- Section 6: PCA on the digits --------------------------------------- */

static void components_and_map(const digits_svd *s)
{
    double top = 0;
    for (size_t i = 0; i < 16 * D; i++)
        top = fmax(top, fabs(s->vt[i]));
    write_png("components.png", s->vt, 2, 8, -top, top);
    size_t n = s->data.n;
    double *codes = new_doubles(n * 2), *map = new_doubles(n * 3);
    check(pc_project(s->data.x, n, D, s->mean, s->vt, 2, codes), "pc_project");
    for (size_t i = 0; i < n; i++) {
        map[3 * i] = codes[2 * i];
        map[3 * i + 1] = codes[2 * i + 1];
        map[3 * i + 2] = s->data.label[i];
    }
    write_table("map.dat", "z1 z2 label", n, 3, map);
    free(codes);
    free(map);
}

static void reconstructions(const digits_svd *s)
{
    size_t n = s->data.n, index[10];
    const size_t ranks[] = {1, 2, 5, 10, 20, 40, 64};
    first_of_each(&s->data, index);
    double *codes = new_doubles(n * D), *x_hat = new_doubles(n * D);
    double grid[8 * 8 * D];
    FILE *f = open_output("compression.txt");
    fprintf(f, "k    relative error |X - X_k|_F^2 / |X - mean|_F^2   numbers stored   ratio\n");
    double total = 0;
    for (size_t i = 0; i < D; i++)
        total += s->sigma[i] * s->sigma[i];
    for (size_t t = 0; t < 7; t++) {
        reconstruct_rank(s, ranks[t], codes, x_hat);
        for (size_t r = 0; r < 8; r++)
            memcpy(grid + (r * 8 + t) * D, x_hat + index[r] * D, D * sizeof *grid);
        size_t stored = n * ranks[t] + ranks[t] * D + D;
        fprintf(f, "%-4zu %-47.4f %-16zu %.2f\n", ranks[t],
                frobenius2_diff(s->data.x, x_hat, n * D) / total, stored,
                (double)(n * D) / (double)stored);
    }
    close_output(f);
    for (size_t r = 0; r < 8; r++)
        memcpy(grid + (r * 8 + 7) * D, s->data.x + index[r] * D, D * sizeof *grid);
    write_png("reconstruction.png", grid, 8, 8, 0, 16);
    free(codes);
    free(x_hat);
}

static void denoise(const digits_svd *s)
{
    size_t n = s->data.n, index[10];
    first_of_each(&s->data, index);
    double *noisy = new_doubles(n * D), *codes = new_doubles(n * D), *x_hat = new_doubles(n * D);
    rng r;
    rng_seed(&r, 4);
    for (size_t i = 0; i < n * D; i++)
        noisy[i] = s->data.x[i] + 4.0 * rng_normal(&r);
    FILE *f = open_output("denoise.txt");
    fprintf(f, "noise N(0, 4^2) on every pixel; mean squared error per pixel against the clean "
               "digits\n");
    fprintf(f, "noisy: %.2f\n", frobenius2_diff(noisy, s->data.x, n * D) / (double)(n * D));
    const size_t ks[] = {5, 10, 15, 20, 30, 40, 64};
    for (size_t t = 0; t < 7; t++) {
        check(pc_project(noisy, n, D, s->mean, s->vt, ks[t], codes), "pc_project");
        check(pc_reconstruct(codes, n, ks[t], s->mean, s->vt, D, x_hat), "pc_reconstruct");
        fprintf(f, "projected on %2zu components: %.2f\n", ks[t],
                frobenius2_diff(x_hat, s->data.x, n * D) / (double)(n * D));
    }
    close_output(f);
    check(pc_project(noisy, n, D, s->mean, s->vt, 15, codes), "pc_project");
    check(pc_reconstruct(codes, n, 15, s->mean, s->vt, D, x_hat), "pc_reconstruct");
    double grid[3 * 10 * D];
    for (size_t c = 0; c < 10; c++) {
        memcpy(grid + c * D, s->data.x + index[c] * D, D * sizeof *grid);
        memcpy(grid + (10 + c) * D, noisy + index[c] * D, D * sizeof *grid);
        memcpy(grid + (20 + c) * D, x_hat + index[c] * D, D * sizeof *grid);
    }
    write_png("denoise.png", grid, 3, 10, 0, 16);
    free(noisy);
    free(codes);
    free(x_hat);
}

/* Lower-triangular l with l l^T = c (k x k, positive definite). */
static void cholesky(const double *c, size_t k, double *l)
{
    memset(l, 0, k * k * sizeof *l);
    for (size_t j = 0; j < k; j++) {
        double diag = c[j * k + j];
        for (size_t p = 0; p < j; p++)
            diag -= l[j * k + p] * l[j * k + p];
        l[j * k + j] = sqrt(diag);
        for (size_t i = j + 1; i < k; i++) {
            double v = c[i * k + j];
            for (size_t p = 0; p < j; p++)
                v -= l[i * k + p] * l[j * k + p];
            l[i * k + j] = v / l[j * k + j];
        }
    }
}

static void generate(const digits_svd *s)
{
    enum { K = 20 };
    size_t n = s->data.n;
    double *codes = new_doubles(n * K), *class_codes = new_doubles(n * K);
    check(pc_project(s->data.x, n, D, s->mean, s->vt, K, codes), "pc_project");
    double grid[2 * 10 * D], z[K], cov[K * K], l[K * K], mu[K];
    rng r;
    rng_seed(&r, 2024);
    /* row 1: z_i ~ N(0, sigma_i^2 / (n - 1)), the codes' own distribution */
    for (size_t c = 0; c < 10; c++) {
        for (size_t i = 0; i < K; i++)
            z[i] = rng_normal(&r) * s->sigma[i] / sqrt((double)(n - 1));
        check(pc_reconstruct(z, 1, K, s->mean, s->vt, D, grid + c * D), "pc_reconstruct");
    }
    /* row 2: one Gaussian per digit, fitted to that digit's codes */
    for (int c = 0; c < 10; c++) {
        size_t count = 0;
        for (size_t i = 0; i < n; i++)
            if (s->data.label[i] == c)
                memcpy(class_codes + K * count++, codes + K * i, K * sizeof *codes);
        check(pc_covariance(class_codes, count, K, mu, cov), "the codes' covariance");
        cholesky(cov, K, l);
        double e[K], sample[K];
        for (size_t i = 0; i < K; i++)
            e[i] = rng_normal(&r);
        for (size_t i = 0; i < K; i++) {
            sample[i] = mu[i];
            for (size_t j = 0; j <= i; j++)
                sample[i] += l[i * K + j] * e[j];
        }
        check(pc_reconstruct(sample, 1, K, s->mean, s->vt, D, grid + (10 + c) * D),
              "pc_reconstruct");
    }
    write_png("generate.png", grid, 2, 10, 0, 16);
    free(codes);
    free(class_codes);
}

static void classify(const digits_svd *s)
{
    size_t n = s->data.n, n_train = 1347, n_test = n - n_train, order[2000];
    rng r;
    rng_seed(&r, 7);
    rng_permutation(&r, order, n);
    double *train = new_doubles(n_train * D), *test = new_doubles(n_test * D);
    int *train_label = calloc(n_train, sizeof *train_label);
    int *test_label = calloc(n_test, sizeof *test_label);
    if (!train_label || !test_label)
        check(PC_ERR_NOMEM, "labels");
    for (size_t i = 0; i < n; i++) {
        double *to = i < n_train ? train + i * D : test + (i - n_train) * D;
        memcpy(to, s->data.x + order[i] * D, D * sizeof *to);
        if (i < n_train)
            train_label[i] = s->data.label[order[i]];
        else
            test_label[i - n_train] = s->data.label[order[i]];
    }
    double mean[D], components[D * D], variances[D];
    check(pc_pca_fit(train, n_train, D, D, mean, components, variances), "pc_pca_fit");
    double *ftrain = new_doubles(n_train * D), *ftest = new_doubles(n_test * D);
    FILE *f = open_output("classify.txt");
    fprintf(f, "softmax regression on k standardised PCA codes; PCA fitted on the %zu training "
               "digits,\naccuracy on the other %zu\n", n_train, n_test);
    fprintf(f, "k    test accuracy\n");
    const size_t ks[] = {1, 2, 3, 5, 10, 20, 30, 40, 61};
    double table[9 * 2];
    for (size_t t = 0; t < 9; t++) {
        size_t k = ks[t];
        check(pc_project(train, n_train, D, mean, components, k, ftrain), "pc_project");
        check(pc_project(test, n_test, D, mean, components, k, ftest), "pc_project");
        for (size_t i = 0; i < n_train * k; i++)
            ftrain[i] /= sqrt(variances[i % k]);
        for (size_t i = 0; i < n_test * k; i++)
            ftest[i] /= sqrt(variances[i % k]);
        double acc = softmax_accuracy(ftrain, train_label, n_train, ftest, test_label, n_test, k,
                                      0.5, quick ? 20 : 500);
        fprintf(f, "%-4zu %.4f\n", k, acc);
        table[2 * t] = (double)k;
        table[2 * t + 1] = acc;
    }
    close_output(f);
    write_table("classify.dat", "k accuracy", 9, 2, table);
    free(train);
    free(test);
    free(train_label);
    free(test_label);
    free(ftrain);
    free(ftest);
}

/* ---- Section 7: randomized subspace iteration -------------------------- */

/* What the first round predicts, as pc_svd_randomized sees it: the same
 * seed and block (k = b, oversample 0, one round) give its b Ritz values
 * and, for i < k, its residuals; the worst residual over tol sigma_1
 * shrinks by (sigma_b / sigma_k)^2 per round. Returns the rounds still to
 * come on A (0 when the first is enough). */
static double rounds_predicted(const double *a, size_t m, size_t n, size_t k, size_t oversample,
                               double tol)
{
    size_t b = k + oversample;
    double sigma[40], *u = new_doubles(m * b), *vt = new_doubles(b * n), worst = 0.0;
    pc_svd_randomized(a, m, n, b, 0, tol, 1, 3, sigma, u, vt, NULL);
    for (size_t i = 0; i < k; i++) {
        double sum = 0.0;
        for (size_t r = 0; r < m; r++) {
            double d = -sigma[i] * u[r * b + i];
            for (size_t j = 0; j < n; j++)
                d += a[r * n + j] * vt[i * n + j];
            sum += d * d;
        }
        worst = fmax(worst, sqrt(sum) / (tol * sigma[0]));
    }
    free(u);
    free(vt);
    double rate = pow(sigma[b - 1] / sigma[k - 1], 2.0);
    return worst <= 1.0 ? 0.0 : ceil(log(worst) / -log(rate));
}

static void randomized_one(FILE *f, const char *name, const double *a, size_t m, size_t n,
                           const double *exact, size_t k, size_t oversample)
{
    double sigma[20], *u = new_doubles(m * k), *vt = new_doubles(k * n), worst = 0;
    size_t rounds;
    pc_status st = pc_svd_randomized(a, m, n, k, oversample, 1e-8, 200, 3, sigma, u, vt, &rounds);
    for (size_t i = 0; i < k; i++)
        worst = fmax(worst, fabs(sigma[i] - exact[i]) / exact[0]);
    fprintf(f, "%-34s %-3zu %-6zu %-7.0f %-7.1f %-7zu %-14s %.1e\n", name, k, k + oversample,
            rounds_predicted(a, m, n, k, oversample, 1e-8), (double)n / (4.0 * (double)(k + oversample)),
            rounds, st == PC_OK ? "converged" : st == PC_ERR_NOCONVERGE ? "not converged" : "error",
            worst);
    free(u);
    free(vt);
}

static void randomized(const digits_svd *s)
{
    FILE *f = open_output("randomized.txt");
    fprintf(f, "tolerance 1e-8, at most 200 rounds; error = largest |sigma_i - exact| / sigma_1\n"
               "after the first round: the rounds it predicts on A, and A^T A's cost in rounds\n");
    fprintf(f, "%-34s %-3s %-6s %-7s %-7s %-7s %-14s %s\n", "matrix", "k", "block", "on A", "A^T A",
            "rounds", "status", "error");
    randomized_one(f, "centred digits (1797 x 64)", s->xc, s->data.n, D, s->sigma, 10, 5);
    randomized_one(f, "centred digits (1797 x 64)", s->xc, s->data.n, D, s->sigma, 10, 10);
    size_t m = 400, n = 100;
    double *a = new_doubles(m * n), spectrum[100];
    for (size_t i = 0; i < n; i++)
        spectrum[i] = pow(0.7, (double)i);
    graded_matrix(m, n, spectrum, 12, a);
    randomized_one(f, "400 x 100, sigma_i = 0.7^i", a, m, n, spectrum, 10, 5);
    for (size_t i = 0; i < n; i++)
        spectrum[i] = 1.0 - 0.001 * (double)i;
    graded_matrix(m, n, spectrum, 12, a);
    randomized_one(f, "400 x 100, sigma_i = 1 - 0.001 i", a, m, n, spectrum, 10, 5);
    randomized_one(f, "400 x 100, sigma_i = 1 - 0.001 i", a, m, n, spectrum, 10, 20);
    close_output(f);
    free(a);
}

/* ---- Section 8: the linear autoencoder --------------------------------- */

static void autoencoder(const digits_svd *s)
{
    enum { K = 4 };
    size_t n = s->data.n, epochs = quick ? 30 : 3000;
    double *x = new_doubles(n * D), *loss = new_doubles(epochs + 1);
    for (size_t i = 0; i < n * D; i++)
        x[i] = s->xc[i] / 16.0; /* pixels in [0, 1] */
    double w_enc[K * D], w_dec[D * K], wdt[K * D], angles[K], optimum = 0;
    for (size_t i = K; i < D; i++)
        optimum += s->sigma[i] * s->sigma[i] / 256.0;
    optimum /= 2.0 * (double)n;
    pc_autoencoder_options opt = {0.5, epochs, 1};
    int constant[D];
    for (size_t j = 0; j < D; j++) {
        constant[j] = 1;
        for (size_t i = 0; i < n; i++)
            constant[j] &= s->xc[i * D + j] == 0.0;
    }
    FILE *f = open_output("autoencoder.txt");
    fprintf(f, "k = %d, learning rate %.1f, pixels scaled to [0, 1]; loss of the PCA optimum %.6f\n",
            K, opt.learning_rate, optimum);
    fprintf(f, "largest principal angle (radians) to the top %d principal components\n", K);
    fprintf(f, "epochs  loss - optimum  rows of W_enc   W_enc, constant pixels removed   "
               "columns of W_dec\n");
    const size_t checkpoints[] = {1, 3, 10, 30, 100, 300, 1000, 3000};
    double table[8 * 4] = {0};
    for (size_t t = 0; t < 8 && checkpoints[t] <= epochs; t++) {
        opt.epochs = checkpoints[t];
        /* each checkpoint trains afresh from the same seed; the last run's
         * losses are the whole curve */
        check(pc_autoencoder_train(x, n, D, K, &opt, w_enc, w_dec, loss), "pc_autoencoder_train");
        check(pc_principal_angles(w_enc, s->vt, K, D, angles), "angles");
        double raw = angles[K - 1];
        for (size_t i = 0; i < K * D; i++)
            wdt[i] = constant[i % D] ? 0.0 : w_enc[i];
        check(pc_principal_angles(wdt, s->vt, K, D, angles), "angles");
        double enc = angles[K - 1];
        for (size_t i = 0; i < K; i++)
            for (size_t j = 0; j < D; j++)
                wdt[i * D + j] = w_dec[j * K + i];
        check(pc_principal_angles(wdt, s->vt, K, D, angles), "angles");
        double dec = angles[K - 1];
        fprintf(f, "%-7zu %-15.3e %-15.3e %-32.3e %.3e\n", checkpoints[t],
                loss[checkpoints[t]] - optimum, raw, enc, dec);
        table[4 * t] = (double)checkpoints[t];
        table[4 * t + 1] = raw;
        table[4 * t + 2] = enc;
        table[4 * t + 3] = dec;
    }
    close_output(f);
    double *curve = new_doubles((epochs + 1) * 2);
    for (size_t e = 0; e <= epochs; e++)
        curve[2 * e] = (double)e, curve[2 * e + 1] = loss[e] - optimum;
    write_table("ae_loss.dat", "epoch loss-optimum", epochs + 1, 2, curve);
    write_table("ae_angles.dat", "epoch encoder encoder-without-constant-pixels decoder", 8, 4, table);
    free(x);
    free(loss);
    free(curve);
}

static void angles_example(void)
{
    /* two planes in R^3: z = 0, and the plane tilted about the x axis */
    const double t = 1e-10, a[6] = {1, 0, 0, 0, 1, 0};
    double b[6] = {2, 0, 0, 0, cos(t), sin(t)}, angles[2];
    FILE *f = open_output("angles.txt");
    check(pc_principal_angles(a, b, 2, 3, angles), "angles");
    fprintf(f, "planes z = 0 and the same tilted by 1e-10 about the x axis: angles %.3g, %.6g\n",
            angles[0], angles[1]);
    fprintf(f, "arccos of the cosine: arccos(cos(1e-10)) = %.3g\n", acos(cos(t)));
    close_output(f);
}

/* ---- Section 9: what goes wrong ---------------------------------------- */

static void offset(const digits_svd *s)
{
    size_t n = s->data.n, j = 27;
    double *x = new_doubles(n * D), cov[D * D], mean[D];
    for (size_t i = 0; i < n * D; i++)
        x[i] = s->data.x[i] + 1e9;
    double sum = 0, sum2 = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i * D + j], sum2 += x[i * D + j] * x[i * D + j];
    double one_pass = (sum2 - sum * sum / (double)n) / (double)(n - 1);
    check(pc_covariance(x, n, D, mean, cov), "pc_covariance");
    double exact[D * D], m0[D];
    check(pc_covariance(s->data.x, n, D, m0, exact), "pc_covariance");
    FILE *f = open_output("offset.txt");
    fprintf(f, "variance of pixel (3,3), every pixel shifted by 1e9:\n");
    fprintf(f, "%-46s %.6f\n", "without the shift", exact[j * D + j]);
    fprintf(f, "%-46s %.6f\n", "one pass, (sum x^2 - (sum x)^2 / n) / (n - 1)", one_pass);
    fprintf(f, "%-46s %.6f\n", "two passes (pc_covariance)", cov[j * D + j]);
    close_output(f);
    free(x);
}

static void close_values(void)
{
    FILE *f = open_output("close.txt");
    fprintf(f, "power iteration for the top triplet of a 200 x 50 matrix, tolerance 1e-10:\n");
    double a[200 * 50], spectrum[50], sigma[1], u[200], vt[50];
    const double seconds[] = {0.5, 0.9, 0.99, 0.999};
    for (size_t t = 0; t < 4; t++) {
        for (size_t i = 0; i < 50; i++)
            spectrum[i] = i == 0 ? 1.0 : seconds[t] * pow(0.9, (double)(i - 1));
        graded_matrix(200, 50, spectrum, 21, a);
        size_t iterations = 0;
        pc_status st = pc_svd_power(a, 200, 50, 1, 1e-10, 20000, 5, sigma, u, vt, &iterations);
        fprintf(f, "sigma_2 / sigma_1 = %-6g %-7zu products   %s\n", seconds[t], iterations,
                pc_status_str(st));
    }
    close_output(f);
}

static void learning_rate(const digits_svd *s)
{
    size_t n = s->data.n;
    double *x = new_doubles(n * D), w_enc[4 * D], w_dec[D * 4], loss[11];
    for (size_t i = 0; i < n * D; i++)
        x[i] = s->xc[i] / 16.0;
    FILE *f = open_output("rate.txt");
    const double rates[] = {0.5, 2.0, 4.0};
    for (size_t t = 0; t < 3; t++) {
        pc_autoencoder_options opt = {rates[t], 10, 1};
        for (size_t e = 0; e < 11; e++)
            loss[e] = NAN;
        pc_status st = pc_autoencoder_train(x, n, D, 4, &opt, w_enc, w_dec, loss);
        fprintf(f, "learning rate %.1f: loss", rates[t]);
        for (size_t e = 0; e < 11; e += 2)
            fprintf(f, " %.3g", loss[e]);
        fprintf(f, "  (%s)\n", pc_status_str(st));
    }
    close_output(f);
    free(x);
}

static void signs(const digits_svd *s)
{
    size_t n = s->data.n, it;
    double sigma[2], *u = new_doubles(n * 2), vt[2 * D], *neg = new_doubles(n * D);
    FILE *f = open_output("signs.txt");
    fprintf(f, "first four entries of v_1 (pixels (0,0) to (0,3)) and its largest entry\n");
    for (int run = 0; run < 4; run++) {
        const char *name = run == 0 ? "Jacobi on X" : run == 1 ? "Jacobi on -X" :
                           run == 2 ? "power, seed 5" : "power, seed 99";
        if (run < 2) {
            for (size_t i = 0; i < n * D; i++)
                neg[i] = run == 0 ? s->xc[i] : -s->xc[i];
            double all[D], *vv = new_doubles(D * D);
            check(pc_svd_jacobi(neg, n, D, all, NULL, vv), "pc_svd_jacobi");
            memcpy(vt, vv, D * sizeof *vt);
            free(vv);
        } else {
            check(pc_svd_power(s->xc, n, D, 1, 1e-10, 10000, run == 2 ? 5 : 99, sigma, u, vt, &it),
                  "pc_svd_power");
        }
        size_t big = 0;
        for (size_t j = 1; j < D; j++)
            if (fabs(vt[j]) > fabs(vt[big]))
                big = j;
        fprintf(f, "%-15s (%.6f, %.6f, %.6f, %.6f ...), v[%zu] = %.6f\n", name, vt[0] + 0.0,
                vt[1] + 0.0, vt[2], vt[3], big, vt[big]);
    }
    close_output(f);
    free(u);
    free(neg);
}

int main(int argc, char **argv)
{
    quick = demo_start(argc, argv);
    digits_svd s = {.data = digits_load("data/digits.csv")};
    size_t n = s.data.n;
    s.xc = new_doubles(n * D);
    s.u = new_doubles(n * D);
    check(pc_center(s.data.x, n, D, s.mean, s.xc), "pc_center");
    check(pc_svd_jacobi(s.xc, n, D, s.sigma, s.u, s.vt), "pc_svd_jacobi");

    constant_pixels(&s.data);
    covariance(&s);
    explained(&s);
    projection(&s);
    unit_circle();
    eckart_young(&s);
    eigen_check(&s);
    power(&s);
    conditioning(&s);
    components_and_map(&s);
    reconstructions(&s);
    denoise(&s);
    generate(&s);
    classify(&s);
    randomized(&s);
    autoencoder(&s);
    angles_example();
    offset(&s);
    close_values();
    learning_rate(&s);
    signs(&s);

    free(s.xc);
    free(s.u);
    digits_free(&s.data);
    return 0;
}
