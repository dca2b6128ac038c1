/* Exercise 5: a linear autoencoder trained by gradient descent (chapter
 * section 8), and the principal angles that compare what it learns with
 * PCA (section 8.2). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* Centred data n x d with variances about spread[j]^2 along random
 * orthogonal directions; the top k of them (the eigenvectors of X^T X,
 * k x d, long double) are where an optimal linear autoencoder's codes live. */
typedef struct {
    size_t n, d, k;
    double *x;
    long double *top;    /* k x d: the top k eigenvectors of X^T X, as rows */
    long double optimum; /* the least loss: the left-out eigenvalues of X^T X / (2n) */
} problem;

static problem make_problem(rng *r, size_t n, size_t d, size_t k, const double *spread)
{
    problem p = {n, d, k, alloc_doubles(n * d), alloc_long_doubles(k * d), 0};
    long double *q = alloc_long_doubles(d * d), *x = alloc_long_doubles(n * d);
    long double *mean = alloc_long_doubles(d);
    ref_random_orthogonal(r, d, q);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++) {
            long double z = spread[j] * rng_normal(r);
            for (size_t c = 0; c < d; c++)
                x[i * d + c] += z * q[c * d + j];
        }
    for (size_t i = 0; i < n * d; i++)
        mean[i % d] += x[i] / n;
    for (size_t i = 0; i < n * d; i++)
        p.x[i] = (double)(x[i] - mean[i % d]);
    long double *g = alloc_long_doubles(d * d), *values = alloc_long_doubles(d);
    long double *vectors = alloc_long_doubles(d * d);
    for (size_t a = 0; a < d; a++)
        for (size_t b = 0; b < d; b++) {
            long double s = 0;
            for (size_t i = 0; i < n; i++)
                s += (long double)p.x[i * d + a] * p.x[i * d + b];
            g[a * d + b] = s;
        }
    ref_symmetric_eigen(g, d, values, vectors);
    memcpy(p.top, vectors, k * d * sizeof *p.top);
    for (size_t j = k; j < d; j++)
        p.optimum += values[j];
    p.optimum /= 2 * (long double)n;
    free(q);
    free(x);
    free(mean);
    free(g);
    free(values);
    free(vectors);
    return p;
}

static void problem_free(problem *p)
{
    free(p->x);
    free(p->top);
}

typedef struct {
    double *enc, *dec, *loss;
} weights;

static weights weights_alloc(const problem *p, size_t epochs)
{
    weights w = {nan_doubles(p->k * p->d), nan_doubles(p->d * p->k), nan_doubles(epochs + 1)};
    return w;
}

static void weights_free(weights *w)
{
    free(w->enc);
    free(w->dec);
    free(w->loss);
}

static pc_status train(const problem *p, double eta, size_t epochs, uint64_t seed, weights *w)
{
    pc_autoencoder_options o = {eta, epochs, seed};
    return pc_autoencoder_train(p->x, p->n, p->d, p->k, &o, w->enc, w->dec, w->loss);
}

static void expect_close(const double *came, const long double *want, size_t count,
                         long double tol, const char *what)
{
    for (size_t i = 0; i < count; i++)
        if (!(fabsl(came[i] - want[i]) <= tol))
            grade_fail("%s: entry %zu expected %.17Lg, came %.17g", what, i, want[i], came[i]);
}

static void expect_loss(double came, const problem *p, const double *enc, const double *dec,
                        const char *what)
{
    long double want = ref_autoencoder_loss(p->x, p->n, p->d, p->k, enc, dec);
    if (!(fabsl(came - want) <= 1e-12L * want))
        grade_fail("%s: expected L = 1/(2n) sum |x_i - W_dec W_enc x_i|^2 = %.17Lg at the "
                   "weights it returned, came %.17g", what, want, came);
}

static const double spread6[6] = {3, 2.5, 1, 0.8, 0.6, 0.5};

/* One step and two steps from the same seed: the second step, taken from
 * the weights the first returned, is the grader's own gradient step. */
GRADED_TEST(autoencoder, gradient_step, 2, SEC_AUTOENCODER)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 6; round++) {
        size_t k = 1 + rng_below(&r, 4);
        problem p = make_problem(&r, 30 + rng_below(&r, 50), 6, k, spread6);
        double eta = rng_range(&r, 0.005, 0.05);
        uint64_t seed = rng_u64(&r);
        weights one = weights_alloc(&p, 1), two = weights_alloc(&p, 2);
        snprintf(what, sizeof what, "%zu centred points in 6 dimensions, k = %zu, learning rate "
                 "%.4g, seed %llu", p.n, k, eta, (unsigned long long)seed);
        expect_status(train(&p, eta, 1, seed, &one), PC_OK, "pc_autoencoder_train of %s, 1 "
                      "epoch", what);
        expect_status(train(&p, eta, 2, seed, &two), PC_OK, "pc_autoencoder_train of %s, 2 "
                      "epochs", what);
        expect_near(two.loss[0], one.loss[0], 1e-15, "pc_autoencoder_train of %s: loss[0] with 1 "
                    "and with 2 epochs (the same seed, the same initial weights)", what);
        char label[600];
        snprintf(label, sizeof label, "pc_autoencoder_train of %s, 1 epoch: loss[1]", what);
        expect_loss(one.loss[1], &p, one.enc, one.dec, label);
        long double *enc = alloc_long_doubles(k * 6), *dec = alloc_long_doubles(6 * k);
        ref_autoencoder_step(p.x, p.n, 6, k, one.enc, one.dec, eta, enc, dec);
        long double scale = 0;
        for (size_t i = 0; i < 6 * k; i++)
            scale = fmaxl(scale, fmaxl(fabsl(enc[i]), fabsl(dec[i])));
        snprintf(label, sizeof label, "pc_autoencoder_train of %s: W_enc after 2 epochs, against "
                 "one gradient step of L from the weights after 1 (dL/dW_enc = 1/n sum_i W_dec^T "
                 "r_i x_i^T with r_i = W_dec W_enc x_i - x_i)", what);
        expect_close(two.enc, enc, k * 6, 1e-12L * scale, label);
        snprintf(label, sizeof label, "pc_autoencoder_train of %s: W_dec after 2 epochs, against "
                 "one gradient step from the weights after 1 (dL/dW_dec = 1/n sum_i r_i (W_enc "
                 "x_i)^T, taken at the same weights as W_enc's)", what);
        expect_close(two.dec, dec, 6 * k, 1e-12L * scale, label);
        expect_loss(two.loss[2], &p, two.enc, two.dec, "pc_autoencoder_train, 2 epochs: loss[2]");
        free(enc);
        free(dec);
        weights_free(&one);
        weights_free(&two);
        problem_free(&p);
    }
}

/* With a step too small to move them, the weights returned are the initial
 * ones: normals with standard deviation 1/sqrt(d), drawn from the seed. */
GRADED_TEST(autoencoder, initial_weights, 1, SEC_AUTOENCODER)
{
    rng r;
    grade_rng(&r);
    const double spread[40] = {3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                               1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    problem p = make_problem(&r, 20, 40, 16, spread);
    uint64_t seed = rng_u64(&r);
    weights a = weights_alloc(&p, 1), b = weights_alloc(&p, 1), c = weights_alloc(&p, 1);
    expect_status(train(&p, 1e-300, 1, seed, &a), PC_OK, "pc_autoencoder_train with learning "
                  "rate 1e-300 (the weights do not move)");
    expect_loss(a.loss[0], &p, a.enc, a.dec, "pc_autoencoder_train with learning rate 1e-300: "
                "loss[0], the loss at the initial weights");
    const double *w[2] = {a.enc, a.dec};
    const char *name[2] = {"W_enc", "W_dec"};
    for (int which = 0; which < 2; which++) {
        long double s = 0, s2 = 0;
        for (size_t i = 0; i < 640; i++) {
            s += w[which][i];
            s2 += (long double)w[which][i] * w[which][i];
        }
        long double mean = s / 640, variance = s2 / 640;
        expect_true(variance * 40 > 0.75L && variance * 40 < 1.3L && fabsl(mean) < 0.03L,
                    "the initial %s for d = 40 (640 entries): mean %.4Lf and mean square %.5Lf; "
                    "expected normals with mean 0 and variance 1/d = 0.025", name[which], mean,
                    variance);
    }
    expect_status(train(&p, 1e-300, 1, seed, &b), PC_OK, "pc_autoencoder_train again");
    expect_true(memcmp(a.enc, b.enc, 640 * sizeof(double)) == 0 &&
                memcmp(a.dec, b.dec, 640 * sizeof(double)) == 0, "pc_autoencoder_train twice "
                "with the seed %llu: different initial weights", (unsigned long long)seed);
    expect_status(train(&p, 1e-300, 1, seed + 1, &c), PC_OK, "pc_autoencoder_train with another "
                  "seed");
    expect_true(memcmp(a.enc, c.enc, 640 * sizeof(double)) != 0, "pc_autoencoder_train with "
                "seeds %llu and %llu: the same initial weights; the seed should choose them",
                (unsigned long long)seed, (unsigned long long)seed + 1);
    weights_free(&a);
    weights_free(&b);
    weights_free(&c);
    problem_free(&p);
}

/* The principal angles' sines between the top k eigenvectors and the row
 * space of w (k x d, row-major, or its transpose when columns). */
static long double distance_to_top(const problem *p, const double *w, int columns)
{
    size_t k = p->k, d = p->d;
    long double *rows = alloc_long_doubles(k * d), *q = alloc_long_doubles(k * d);
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < d; j++)
            rows[i * d + j] = columns ? w[j * k + i] : w[i * d + j];
    long double dist = INFINITY;
    if (ref_orthonormal_rows(rows, k, d, q))
        dist = ref_subspace_distance(p->top, q, k, d);
    free(rows);
    free(q);
    return dist;
}

GRADED_TEST_T(autoencoder, learns_the_subspace, 2, SEC_AUTOENCODER, 5)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 3; round++) {
        size_t k = 1 + rng_below(&r, 3), epochs = 3000;
        problem p = make_problem(&r, 100, 6, k, spread6);
        double eta = 0.04;
        weights w = weights_alloc(&p, epochs);
        snprintf(what, sizeof what, "%zu centred points in 6 dimensions (standard deviations 3, "
                 "2.5, 1, 0.8, 0.6, 0.5 along random directions), k = %zu, learning rate %g, %zu "
                 "epochs", p.n, k, eta, epochs);
        expect_status(train(&p, eta, epochs, rng_u64(&r), &w), PC_OK, "pc_autoencoder_train of "
                      "%s", what);
        for (size_t t = 0; t < epochs; t++)
            if (!(w.loss[t + 1] <= w.loss[t] * (1 + 1e-12)))
                grade_fail("pc_autoencoder_train of %s: the loss went up from %.17g (loss[%zu]) "
                           "to %.17g (loss[%zu]); with so small a learning rate every step "
                           "should lower it", what, w.loss[t], t, w.loss[t + 1], t + 1);
        expect_loss(w.loss[epochs], &p, w.enc, w.dec, "pc_autoencoder_train: the last loss");
        expect_true(w.loss[epochs] <= p.optimum * (1 + 1e-6L), "pc_autoencoder_train of %s: the "
                    "final loss %.17g should be within 1e-6 of the best any rank-%zu map can do, "
                    "%.17Lg (half the mean squared length the top %zu directions leave out)",
                    what, w.loss[epochs], k, p.optimum, k);
        long double enc = distance_to_top(&p, w.enc, 0), dec = distance_to_top(&p, w.dec, 1);
        expect_true(enc <= 1e-3L, "pc_autoencoder_train of %s: the rows of W_enc should span the "
                    "top %zu principal directions; the sines of the principal angles between "
                    "them add up (in squares) to %.3Lg", what, k, enc);
        expect_true(dec <= 1e-3L, "pc_autoencoder_train of %s: the columns of W_dec should span "
                    "the top %zu principal directions; the sines of the principal angles "
                    "between them add up (in squares) to %.3Lg", what, k, dec);
        weights_free(&w);
        problem_free(&p);
    }
}

GRADED_TEST(autoencoder, errors, 1, SEC_AUTOENCODER)
{
    rng r;
    grade_rng(&r);
    problem p = make_problem(&r, 40, 6, 2, spread6);
    p.k = 7; /* room for the call with k = 7 */
    weights w = weights_alloc(&p, 200);
    pc_autoencoder_options o = {0.01, 10, 1};
    double *x = p.x;
    expect_status(pc_autoencoder_train(NULL, 40, 6, 2, &o, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train(NULL, ...)");
    expect_status(pc_autoencoder_train(x, 40, 6, 2, NULL, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with options = NULL");
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &o, NULL, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with w_enc = NULL");
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &o, w.enc, NULL, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with w_dec = NULL");
    expect_status(pc_autoencoder_train(x, 0, 6, 2, &o, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with n = 0");
    expect_status(pc_autoencoder_train(x, 40, 0, 2, &o, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with d = 0");
    expect_status(pc_autoencoder_train(x, 40, 6, 0, &o, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with k = 0");
    expect_status(pc_autoencoder_train(x, 40, 6, 7, &o, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with k = 7 > d = 6");
    const double bad_rates[3] = {0, -0.01, NAN};
    for (int i = 0; i < 3; i++) {
        pc_autoencoder_options b = {bad_rates[i], 10, 1};
        expect_status(pc_autoencoder_train(x, 40, 6, 2, &b, w.enc, w.dec, w.loss), PC_ERR_ARG,
                      "pc_autoencoder_train with learning rate %g", bad_rates[i]);
    }
    pc_autoencoder_options none = {0.01, 0, 1};
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &none, w.enc, w.dec, w.loss), PC_ERR_ARG,
                  "pc_autoencoder_train with 0 epochs");
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &o, w.enc, w.dec, NULL), PC_OK,
                  "pc_autoencoder_train with loss = NULL");
    pc_autoencoder_options huge = {1e3, 200, 1};
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &huge, w.enc, w.dec, w.loss), PC_ERR_NAN,
                  "pc_autoencoder_train with learning rate 1000 (the weights blow up to "
                  "infinity within a few steps: the loss is no longer finite)");
    double saved = x[17];
    x[17] = NAN;
    expect_status(pc_autoencoder_train(x, 40, 6, 2, &o, w.enc, w.dec, w.loss), PC_ERR_NAN,
                  "pc_autoencoder_train with a NaN in x");
    x[17] = saved;
    weights_free(&w);
    problem_free(&p);
}

/* ---- principal angles ------------------------------------------------------------------ */

/* Rows m (k x k) times rows q (k x d), rounded into out. */
static void mix_rows(const long double *m, const long double *q, size_t k, size_t d, double *out)
{
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < d; j++) {
            long double s = 0;
            for (size_t c = 0; c < k; c++)
                s += m[i * k + c] * q[c * d + j];
            out[i * d + j] = (double)s;
        }
}

static int ascending(const void *x, const void *y)
{
    long double a = *(const long double *)x, b = *(const long double *)y;
    return (a > b) - (a < b);
}

/* An angle the grader chooses: the hard ones often. */
static long double chosen_angle(rng *r)
{
    switch (rng_below(r, 8)) {
    case 0:
        return 1e-10L;
    case 1:
        return PI_L / 2;
    case 2:
        return 0;
    case 3:
        return 1e-6L * rng_range(r, 1, 10);
    case 4:
        return PI_L / 2 - 1e-7L;
    default:
        return (long double)rng_range(r, 0, 1) * PI_L / 2;
    }
}

GRADED_TEST(angles, known_angles, 2, SEC_ANGLES)
{
    rng r;
    grade_rng(&r);
    char what[300];
    for (int round = 0; round < 40; round++) {
        size_t k = 1 + rng_below(&r, 5), d = 2 * k + rng_below(&r, 6);
        long double *q = alloc_long_doubles(d * d), *theta = alloc_long_doubles(k);
        long double *qa = alloc_long_doubles(k * d), *qb = alloc_long_doubles(k * d);
        long double *ma = alloc_long_doubles(k * k), *mb = alloc_long_doubles(k * k);
        ref_random_orthogonal(&r, d, q);
        for (size_t i = 0; i < k; i++) {
            theta[i] = round == 0 ? (i == 0 ? 1e-10L : PI_L / 2) : chosen_angle(&r);
            for (size_t j = 0; j < d; j++) {
                qa[i * d + j] = q[i * d + j];
                qb[i * d + j] = cosl(theta[i]) * q[i * d + j] + sinl(theta[i]) * q[(k + i) * d + j];
            }
        }
        ref_random_invertible(&r, k, ma);
        ref_random_invertible(&r, k, mb);
        double *a = alloc_doubles(k * d), *b = alloc_doubles(k * d), *angles = nan_doubles(k);
        mix_rows(ma, qa, k, d, a);
        mix_rows(mb, qb, k, d, b);
        qsort(theta, k, sizeof *theta, ascending);
        int len = snprintf(what, sizeof what, "two %zu-dimensional subspaces of R^%zu (each given "
                           "by rows mixed by a random invertible matrix) at the angles", k, d);
        for (size_t i = 0; i < k && len < 250; i++)
            len += snprintf(what + len, sizeof what - (size_t)len, " %.3Lg", theta[i]);
        expect_status(pc_principal_angles(a, b, k, d, angles), PC_OK, "pc_principal_angles of %s",
                      what);
        for (size_t i = 0; i < k; i++) {
            if (i > 0 && !(angles[i] >= angles[i - 1]))
                grade_fail("pc_principal_angles of %s: angles[%zu] = %.17g < angles[%zu] = "
                           "%.17g; the header asks for them ascending", what, i, angles[i], i - 1,
                           angles[i - 1]);
            long double tol = 5e-13L + 1e-12L * theta[i];
            if (!(fabsl(angles[i] - theta[i]) <= tol))
                grade_fail("pc_principal_angles of %s: angles[%zu] expected %.17Lg, came %.17g "
                           "(tolerance %.2Lg%s)", what, i, theta[i], angles[i], tol,
                           theta[i] < 1e-5L ? "; the cosine of a small angle rounds to 1, "
                           "and its arccos keeps no digit of it: take small angles from their "
                           "sines" : "");
        }
        free(q);
        free(theta);
        free(qa);
        free(qb);
        free(ma);
        free(mb);
        free(a);
        free(b);
        free(angles);
    }
}

GRADED_TEST(angles, basis_invariance, 1, SEC_ANGLES)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 30; round++) {
        size_t k = 1 + rng_below(&r, 5), d = 2 * k + rng_below(&r, 6);
        double *a = alloc_doubles(k * d), *b = alloc_doubles(k * d), *a2 = alloc_doubles(k * d);
        double *b2 = alloc_doubles(k * d);
        fill_normal(&r, a, k * d, 1);
        fill_normal(&r, b, k * d, log_uniform(&r, -3, 3));
        long double *la = alloc_long_doubles(k * d), *lb = alloc_long_doubles(k * d);
        long double *m = alloc_long_doubles(k * k), *want = alloc_long_doubles(k);
        for (size_t i = 0; i < k * d; i++) {
            la[i] = a[i];
            lb[i] = b[i];
        }
        ref_random_invertible(&r, k, m);
        mix_rows(m, la, k, d, a2);
        ref_random_invertible(&r, k, m);
        mix_rows(m, lb, k, d, b2);
        ref_principal_angles(a, b, k, d, want);
        double *ab = nan_doubles(k), *mixed = nan_doubles(k), *ba = nan_doubles(k);
        double *self = nan_doubles(k);
        snprintf(what, sizeof what, "two random %zu-dimensional subspaces of R^%zu", k, d);
        expect_status(pc_principal_angles(a, b, k, d, ab), PC_OK, "pc_principal_angles of %s",
                      what);
        for (size_t i = 0; i < k; i++)
            expect_true(fabsl(ab[i] - want[i]) <= 1e-12L, "pc_principal_angles of %s: "
                        "angles[%zu] expected %.17Lg, came %.17g", what, i, want[i], ab[i]);
        expect_status(pc_principal_angles(a2, b2, k, d, mixed), PC_OK, "pc_principal_angles of "
                      "the same subspaces given by other bases");
        expect_status(pc_principal_angles(b, a, k, d, ba), PC_OK, "pc_principal_angles of %s, "
                      "b and a swapped", what);
        expect_status(pc_principal_angles(a, a2, k, d, self), PC_OK, "pc_principal_angles of a "
                      "subspace and itself in another basis");
        for (size_t i = 0; i < k; i++) {
            expect_true(fabs(mixed[i] - ab[i]) <= 1e-12, "pc_principal_angles of %s: angles[%zu] "
                        "= %.17g, but with both subspaces given by other bases (the rows "
                        "multiplied by invertible matrices) %.17g; the angles belong to the "
                        "subspaces, not to their bases", what, i, ab[i], mixed[i]);
            expect_true(fabs(ba[i] - ab[i]) <= 1e-12, "pc_principal_angles of %s: angles[%zu] = "
                        "%.17g for (a, b) but %.17g for (b, a)", what, i, ab[i], ba[i]);
            expect_true(fabs(self[i]) <= 1e-13, "pc_principal_angles of a random %zu-dimensional "
                        "subspace of R^%zu and itself in another basis: angles[%zu] expected 0, "
                        "came %.17g", k, d, i, self[i]);
        }
        free(a);
        free(b);
        free(a2);
        free(b2);
        free(la);
        free(lb);
        free(m);
        free(want);
        free(ab);
        free(mixed);
        free(ba);
        free(self);
    }
}

GRADED_TEST(angles, errors, 1, SEC_ANGLES)
{
    /* Small integers: every sum below is exact. */
    double a[12] = {1, 2, 0, -1, 0, 1, 3, 1, 2, -1, 1, 0}, b[12] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                                                                    1, 0};
    double angles[3];
    expect_status(pc_principal_angles(a, b, 3, 4, angles), PC_OK, "pc_principal_angles of two "
                  "3-dimensional subspaces of R^4");
    expect_status(pc_principal_angles(NULL, b, 3, 4, angles), PC_ERR_ARG,
                  "pc_principal_angles(NULL, ...)");
    expect_status(pc_principal_angles(a, NULL, 3, 4, angles), PC_ERR_ARG,
                  "pc_principal_angles with b = NULL");
    expect_status(pc_principal_angles(a, b, 3, 4, NULL), PC_ERR_ARG,
                  "pc_principal_angles with angles = NULL");
    expect_status(pc_principal_angles(a, b, 0, 4, angles), PC_ERR_ARG,
                  "pc_principal_angles with k = 0");
    expect_status(pc_principal_angles(a, b, 3, 2, angles), PC_ERR_ARG,
                  "pc_principal_angles with k = 3 > d = 2");
    double dep[12];
    const char *cases[4] = {"a repeated row", "a zero row", "a row twice another",
                            "a row the sum of the other two"};
    for (int c = 0; c < 4; c++) {
        memcpy(dep, a, sizeof dep);
        for (int j = 0; j < 4; j++) {
            double v = c == 0 ? a[j] : c == 1 ? 0 : c == 2 ? 2 * a[j] : a[j] + a[4 + j];
            dep[8 + j] = v;
        }
        expect_status(pc_principal_angles(dep, b, 3, 4, angles), PC_ERR_ARG,
                      "pc_principal_angles with %s in a (its rows are linearly dependent)",
                      cases[c]);
        expect_status(pc_principal_angles(b, dep, 3, 4, angles), PC_ERR_ARG,
                      "pc_principal_angles with %s in b", cases[c]);
    }
    memcpy(dep, a, sizeof dep);
    dep[5] = NAN;
    expect_status(pc_principal_angles(dep, b, 3, 4, angles), PC_ERR_NAN,
                  "pc_principal_angles with a NaN in a");
    dep[5] = INFINITY;
    expect_status(pc_principal_angles(b, dep, 3, 4, angles), PC_ERR_NAN,
                  "pc_principal_angles with infinity in b");
}
