/* Exercise 7: the score of a mixture, and Langevin sampling (chapter
 * section 9). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

typedef struct {
    double w[CB_MAX_COMPONENTS], mu[2 * CB_MAX_COMPONENTS], sigma[CB_MAX_COMPONENTS];
    jc_mixture mix;
} mixture;

/* k components, means in [-spread, spread]^2, sigmas in [lo, hi]. */
static void random_mixture(rng *r, mixture *m, size_t k, double spread, double lo, double hi)
{
    for (size_t c = 0; c < k; c++) {
        m->w[c] = rng_range(r, 0.1, 1);
        m->mu[2 * c] = rng_range(r, -spread, spread);
        m->mu[2 * c + 1] = rng_range(r, -spread, spread);
        m->sigma[c] = rng_range(r, lo, hi);
    }
    m->mix = (jc_mixture){k, m->w, m->mu, m->sigma};
}

/* The same mixture as a score the sandbox can run (weights normalised). */
static cb_desc mixture_desc(const mixture *m)
{
    cb_desc d = {.kind = CB_MIXTURE, .n = 2, .m = 2, .k = m->mix.k};
    double total = 0;
    for (size_t c = 0; c < d.k; c++)
        total += m->w[c];
    for (size_t c = 0; c < d.k; c++) {
        d.w[c] = m->w[c] / total;
        d.mu[2 * c] = m->mu[2 * c];
        d.mu[2 * c + 1] = m->mu[2 * c + 1];
        d.sigma[c] = m->sigma[c];
    }
    return d;
}

static void check_score(const mixture *m, const double x[2], const char *what)
{
    double s[2] = {NAN, NAN}, log_p = NAN;
    expect_status(jc_mixture_score(&m->mix, x, s, &log_p), JC_OK, "jc_mixture_score of %s", what);
    long double want[2];
    ref_mixture_score(&m->mix, x, want);
    for (int i = 0; i < 2; i++)
        expect_near(s[i], (double)want[i], 1e-12, "the score of %s at (%.6g, %.6g), component %d: "
                    "sum of r_c (mu_c - x) / sigma_c^2", what, x[0], x[1], i);
    expect_near(log_p, (double)ref_mixture_log_p(&m->mix, x[0], x[1]), 1e-12, "log p of %s at "
                "(%.6g, %.6g)", what, x[0], x[1]);
}

GRADED_TEST(langevin, mixture_score, 2, SEC_SCORE)
{
    rng r;
    grade_rng(&r);
    char what[100];
    for (int round = 0; round < 50; round++) {
        mixture m;
        size_t k = 1 + rng_below(&r, 5);
        random_mixture(&r, &m, k, 3, 0.3, 2);
        double x[2] = {rng_range(&r, -4, 4), rng_range(&r, -4, 4)}, s[2];
        snprintf(what, sizeof what, "a mixture of %zu Gaussians", k);
        check_score(&m, x, what);
        /* Against central differences of the grader's log-density. */
        double smallest = m.sigma[0];
        for (size_t c = 1; c < k; c++)
            smallest = fmin(smallest, m.sigma[c]);
        long double h = 1e-5L * smallest;
        expect_status(jc_mixture_score(&m.mix, x, s, NULL), JC_OK, "jc_mixture_score with log_p = "
                      "NULL");
        long double d0 = (ref_mixture_log_p(&m.mix, x[0] + h, x[1]) -
                          ref_mixture_log_p(&m.mix, x[0] - h, x[1])) / (2 * h);
        long double d1 = (ref_mixture_log_p(&m.mix, x[0], x[1] + h) -
                          ref_mixture_log_p(&m.mix, x[0], x[1] - h)) / (2 * h);
        expect_near(s[0], (double)d0, 1e-8, "the score of %s at (%.6g, %.6g) against central "
                    "differences of log p along x", what, x[0], x[1]);
        expect_near(s[1], (double)d1, 1e-8, "the score of %s at (%.6g, %.6g) against central "
                    "differences of log p along y", what, x[0], x[1]);
        if (k == 1)
            for (int i = 0; i < 2; i++)
                expect_near(s[i], (m.mu[i] - x[i]) / (m.sigma[0] * m.sigma[0]), 1e-14, "the score "
                            "of one Gaussian: (mu - x) / sigma^2, coordinate %d", i);
    }
    mixture m;
    random_mixture(&r, &m, 2, 1, 0.5, 1);
    double x[2] = {0.5, 0.5}, s[2], l;
    expect_status(jc_mixture_score(NULL, x, s, &l), JC_ERR_ARG, "jc_mixture_score(NULL, ...)");
    expect_status(jc_mixture_score(&m.mix, NULL, s, &l), JC_ERR_ARG, "jc_mixture_score with x = "
                  "NULL");
    expect_status(jc_mixture_score(&m.mix, x, NULL, &l), JC_ERR_ARG, "jc_mixture_score with "
                  "score = NULL");
    const struct {
        double w, sigma;
        size_t k;
        const char *what;
    } bad[] = {
        {0.5, 1, 0, "k = 0"},        {0, 1, 2, "a weight of 0"},   {-1, 1, 2, "a weight of -1"},
        {0.5, 0, 2, "a sigma of 0"}, {0.5, -2, 2, "a sigma of -2"}, {NAN, 1, 2, "a weight NaN"},
        {0.5, NAN, 2, "a sigma NaN"},
    };
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++) {
        mixture b = m;
        b.w[1] = bad[c].w;
        b.sigma[1] = bad[c].sigma;
        b.mix = (jc_mixture){bad[c].k, b.w, b.mu, b.sigma};
        expect_status(jc_mixture_score(&b.mix, x, s, &l), JC_ERR_ARG, "jc_mixture_score with %s",
                      bad[c].what);
    }
}

/* Every density underflows there: responsibilities need log-sum-exp. */
GRADED_TEST(langevin, far_from_every_component, 1, SEC_SCORE)
{
    rng r;
    grade_rng(&r);
    const double points[][2] = {{1e3, -1e3}, {1e3, 1e3}, {-5e3, 200}, {40, 0}};
    for (int round = 0; round < 10; round++) {
        mixture m;
        size_t k = 1 + rng_below(&r, 4);
        random_mixture(&r, &m, k, 2, 0.2, 1);
        for (size_t p = 0; p < sizeof points / sizeof points[0]; p++) {
            double s[2] = {NAN, NAN}, log_p = NAN;
            jc_mixture_score(&m.mix, points[p], s, &log_p);
            expect_true(isfinite(s[0]) && isfinite(s[1]) && isfinite(log_p), "the score of a "
                        "mixture of %zu Gaussians at (%g, %g), far from all of them: expected "
                        "finite numbers, came (%g, %g) and log p = %g", k, points[p][0],
                        points[p][1], s[0], s[1], log_p);
            char what[100];
            snprintf(what, sizeof what, "a mixture of %zu Gaussians far from them all", k);
            check_score(&m, points[p], what);
        }
    }
}

/* The sampler of the header, in the grader's own words. */
static void ref_langevin(const cb_desc *d, const double *x0, double step, size_t burn_in,
                         size_t thin, size_t n, uint64_t seed, double *samples)
{
    size_t dim = d->n;
    double x[CB_MAX_DIM], s[CB_MAX_DIM], noise = sqrt(step);
    rng g;
    rng_seed(&g, seed);
    memcpy(x, x0, dim * sizeof *x);
    for (size_t t = 1; t <= burn_in + n * thin; t++) {
        sb_score_eval(d, x, s);
        for (size_t i = 0; i < dim; i++)
            x[i] += step / 2 * s[i] + noise * rng_normal(&g);
        if (t > burn_in && (t - burn_in) % thin == 0)
            memcpy(samples + ((t - burn_in) / thin - 1) * dim, x, dim * sizeof *x);
    }
}

/* jc_langevin with the grader's score; counts the score's calls. */
static jc_status langevin(cb_desc *d, const double *x0, double step, size_t burn_in, size_t thin,
                          size_t n, uint64_t seed, double *samples)
{
    jc_score_fn p = {d->n, cb_score, d};
    return jc_langevin(&p, x0, step, burn_in, thin, n, seed, samples);
}

GRADED_TEST(langevin, the_random_stream, 2, SEC_LANGEVIN)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 12; round++) {
        cb_desc d;
        mixture m;
        if (round % 2) {
            random_mixture(&r, &m, 2 + rng_below(&r, 2), 2, 0.5, 1.5);
            d = mixture_desc(&m);
        } else {
            d = (cb_desc){.kind = CB_GAUSSIAN, .n = 1 + rng_below(&r, 3)};
            d.m = d.n;
            fill_uniform(&r, d.offset, d.n, -3, 3);
            fill_uniform(&r, d.scale, d.n, 0.5, 2);
        }
        size_t burn_in = round % 4 < 2 ? 0 : 3, thin = 1 + (size_t)(round % 3 == 2), n = 6;
        double x0[CB_MAX_DIM], step = rng_range(&r, 0.01, 0.3);
        fill_uniform(&r, x0, d.n, -2, 2);
        uint64_t seed = rng_u64(&r);
        double *want = alloc_doubles(n * d.n), *came = alloc_doubles(n * d.n);
        double *again = alloc_doubles(n * d.n);
        ref_langevin(&d, x0, step, burn_in, thin, n, seed, want);
        char what[200];
        snprintf(what, sizeof what, "jc_langevin of %s in %zu dimension(s), step %.4g, burn_in "
                 "%zu, thin %zu, seed %llu", d.kind == CB_MIXTURE ? "a mixture" : "a Gaussian",
                 d.n, step, burn_in, thin, (unsigned long long)seed);
        expect_status(langevin(&d, x0, step, burn_in, thin, n, seed, came), JC_OK, "%s", what);
        for (size_t i = 0; i < n * d.n; i++)
            expect_near(came[i], want[i], 1e-12, "%s: sample %zu, coordinate %zu: x + (step / 2) "
                        "score(x) + sqrt(step) z, with one rng_normal per coordinate from an rng "
                        "seeded with the seed, and sample k the state after burn_in + (k + 1) "
                        "thin steps", what, i / d.n, i % d.n);
        expect_status(langevin(&d, x0, step, burn_in, thin, n, seed, again), JC_OK, "%s", what);
        expect_true(memcmp(came, again, n * d.n * sizeof *came) == 0, "%s, twice: the same "
                    "arguments should give the same samples", what);
        expect_status(langevin(&d, x0, step, burn_in, thin, n, seed + 1, again), JC_OK, "%s", what);
        expect_true(memcmp(came, again, n * d.n * sizeof *came) != 0, "%s and the next seed: "
                    "different seeds gave the same samples", what);
        free(want);
        free(came);
        free(again);
    }
    cb_desc d = {.kind = CB_GAUSSIAN, .n = 1, .m = 1, .scale = {1}};
    jc_score_fn p = {1, cb_score, &d}, none = {1, NULL, &d}, flat = {0, cb_score, &d};
    double x0 = 0, out[4];
    expect_status(jc_langevin(NULL, &x0, 0.1, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin(NULL, "
                  "...)");
    expect_status(jc_langevin(&none, &x0, 0.1, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with "
                  "p->score = NULL");
    expect_status(jc_langevin(&flat, &x0, 0.1, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with "
                  "dim = 0");
    expect_status(jc_langevin(&p, NULL, 0.1, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with x0 = "
                  "NULL");
    expect_status(jc_langevin(&p, &x0, 0.1, 0, 1, 4, 1, NULL), JC_ERR_ARG, "jc_langevin with "
                  "samples = NULL");
    expect_status(jc_langevin(&p, &x0, 0.1, 0, 0, 4, 1, out), JC_ERR_ARG, "jc_langevin with thin "
                  "= 0");
    expect_status(jc_langevin(&p, &x0, 0.1, 0, 1, 0, 1, out), JC_ERR_ARG, "jc_langevin with "
                  "n_samples = 0");
    expect_status(jc_langevin(&p, &x0, 0, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with step 0");
    expect_status(jc_langevin(&p, &x0, -0.1, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with step "
                  "-0.1");
    expect_status(jc_langevin(&p, &x0, NAN, 0, 1, 4, 1, out), JC_ERR_ARG, "jc_langevin with step "
                  "NaN");
    expect_int(d.calls, 0, "calls of the score when jc_langevin's arguments are wrong");
}

/* ---- statistics ------------------------------------------------------------------ */

static double mean_of(const double *x, size_t n, size_t stride)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i * stride];
    return (double)(s / n);
}

/* The average of (x_i - mx)(y_(i + lag) - my) over the pairs there are. */
static double covariance_of(const double *x, const double *y, size_t n, size_t stride,
                            size_t lag, double mx, double my)
{
    long double s = 0;
    for (size_t i = 0; i + lag < n; i++)
        s += (x[i * stride] - mx) * (y[(i + lag) * stride] - my);
    return (double)(s / (n - lag));
}

/* For a Gaussian N(mu, s^2), x' = x + (h / 2)(mu - x) / s^2 + sqrt(h) z is
 * the AR(1) process x' - mu = a (x - mu) + sqrt(h) z, a = 1 - h / (2 s^2):
 * stationary variance h / (1 - a^2) = s^2 / (1 - h / (4 s^2)), and every
 * thin-th state has lag-1 correlation rho = a^thin. For N such samples the
 * standard errors are known in closed form: the mean's sqrt(v (1 + rho) /
 * (N (1 - rho))), the variance's v sqrt(2 (1 + rho^2) / (N (1 - rho^2))),
 * the lag-1 correlation's sqrt((1 - rho^2) / N). */
GRADED_TEST(langevin, gaussian_moments, 3, SEC_LANGEVIN)
{
    rng r;
    grade_rng(&r);
    const size_t n = 40000, thin = 4, burn_in = 1000;
    double *samples = alloc_doubles(2 * n);
    for (int round = 0; round < 4; round++) {
        cb_desc d = {.kind = CB_GAUSSIAN, .n = 1 + (size_t)(round % 2)};
        d.m = d.n;
        d.offset[0] = rng_range(&r, -5, 5);
        d.scale[0] = log_uniform(&r, -1, 1);
        d.offset[1] = rng_range(&r, -5, 5);
        d.scale[1] = d.scale[0] * rng_range(&r, 0.5, 2);
        double smallest = d.n == 2 ? fmin(d.scale[0], d.scale[1]) : d.scale[0];
        double h = (round < 2 ? 0.5 : 1.0) * smallest * smallest, x0[2];
        for (size_t i = 0; i < d.n; i++)
            x0[i] = d.offset[i] + 10 * d.scale[i];
        expect_status(langevin(&d, x0, h, burn_in, thin, n, rng_u64(&r), samples), JC_OK,
                      "jc_langevin of a Gaussian, step %g", h);
        double rho[2];
        for (size_t i = 0; i < d.n; i++) {
            double mu = d.offset[i], s2 = d.scale[i] * d.scale[i];
            double a = 1 - h / (2 * s2), v = s2 / (1 - h / (4 * s2));
            rho[i] = pow(a, (double)thin);
            double m = mean_of(samples + i, n, d.n);
            double var = covariance_of(samples + i, samples + i, n, d.n, 0, m, m);
            double lag1 = covariance_of(samples + i, samples + i, n, d.n, 1, m, m) / var;
            double se_mean = sqrt(v * (1 + rho[i]) / (n * (1 - rho[i])));
            double se_var = v * sqrt(2 * (1 + rho[i] * rho[i]) / (n * (1 - rho[i] * rho[i])));
            double se_lag = sqrt((1 - rho[i] * rho[i]) / n) + 5.0 / n;
            char what[200];
            snprintf(what, sizeof what, "coordinate %zu of %zu, target N(%.4g, %.4g^2), step %.4g, "
                     "%zu samples %zu steps apart", i, d.n, mu, d.scale[i], h, n, thin);
            expect_true(fabs(m - mu) <= 5 * se_mean, "the samples' mean, %s: expected %.6g within "
                        "5 standard errors (%.3g), came %.6g", what, mu, 5 * se_mean, m);
            expect_true(fabs(var - v) <= 5 * se_var, "the samples' variance, %s: the unadjusted "
                        "chain's stationary variance is s^2 / (1 - step / (4 s^2)) = %.6g, "
                        "expected within 5 standard errors (%.3g), came %.6g", what, v,
                        5 * se_var, var);
            expect_true(fabs(lag1 - rho[i]) <= 5 * se_lag, "the correlation of successive samples, "
                        "%s: expected (1 - step / (2 s^2))^thin = %.4f within 5 standard errors "
                        "(%.3g), came %.4f", what, rho[i], 5 * se_lag, lag1);
        }
        if (d.n == 2) {
            double m0 = mean_of(samples, n, 2), m1 = mean_of(samples + 1, n, 2);
            double c = covariance_of(samples, samples + 1, n, 2, 0, m0, m1) /
                       sqrt(covariance_of(samples, samples, n, 2, 0, m0, m0) *
                            covariance_of(samples + 1, samples + 1, n, 2, 0, m1, m1));
            double p = rho[0] * rho[1], se = sqrt((1 + p) / (n * (1 - p)));
            expect_true(fabs(c) <= 5 * se, "the correlation of the two coordinates of samples of "
                        "N(mu, diag(s^2)): the noise is independent per coordinate, so expected 0 "
                        "within 5 standard errors (%.3g), came %.4f", 5 * se, c);
        }
    }
    free(samples);
}

/* Means and covariance of n 2-D samples, and their standard errors by batch
 * means (40 batches). */
static void moments(const double *x, size_t n, double m[5], double se[5])
{
    enum { BATCHES = 40 };
    m[0] = mean_of(x, n, 2);
    m[1] = mean_of(x + 1, n, 2);
    m[2] = covariance_of(x, x, n, 2, 0, m[0], m[0]);
    m[3] = covariance_of(x + 1, x + 1, n, 2, 0, m[1], m[1]);
    m[4] = covariance_of(x, x + 1, n, 2, 0, m[0], m[1]);
    double sum[5] = {0}, sum2[5] = {0};
    size_t per = n / BATCHES;
    for (size_t b = 0; b < BATCHES; b++) {
        const double *y = x + 2 * b * per;
        double s[5] = {mean_of(y, per, 2), mean_of(y + 1, per, 2),
                       covariance_of(y, y, per, 2, 0, m[0], m[0]),
                       covariance_of(y + 1, y + 1, per, 2, 0, m[1], m[1]),
                       covariance_of(y, y + 1, per, 2, 0, m[0], m[1])};
        for (int i = 0; i < 5; i++) {
            sum[i] += s[i];
            sum2[i] += s[i] * s[i];
        }
    }
    for (int i = 0; i < 5; i++) {
        double mean = sum[i] / BATCHES, var = (sum2[i] - BATCHES * mean * mean) / (BATCHES - 1);
        se[i] = sqrt(fmax(var, 0) / BATCHES);
    }
}

/* Overlapping components, so that the chain crosses between them; the bounds
 * allow the O(step) bias of the unadjusted chain, and take the standard
 * errors from the grader's own chain (the student's could hide a stuck one). */
GRADED_TEST(langevin, mixture_moments, 2, SEC_LANGEVIN)
{
    rng r;
    grade_rng(&r);
    const size_t n = 40000, thin = 5, burn_in = 2000;
    const double step = 0.02;
    double *samples = alloc_doubles(2 * n), *own = alloc_doubles(2 * n);
    static const char *const names[5] = {"the mean of x", "the mean of y", "the variance of x",
                                         "the variance of y", "the covariance of x and y"};
    for (int round = 0; round < 2; round++) {
        mixture m;
        random_mixture(&r, &m, 2 + (size_t)round, 1.2, 0.7, 1.2);
        cb_desc d = mixture_desc(&m);
        double exact[5] = {0}, second[3] = {0}, biggest = 0, x0[2] = {3, -3};
        for (size_t c = 0; c < d.k; c++) {
            double mx = d.mu[2 * c], my = d.mu[2 * c + 1], v = d.sigma[c] * d.sigma[c];
            exact[0] += d.w[c] * mx;
            exact[1] += d.w[c] * my;
            second[0] += d.w[c] * (v + mx * mx);
            second[1] += d.w[c] * (v + my * my);
            second[2] += d.w[c] * mx * my;
            biggest = fmax(biggest, v);
        }
        exact[2] = second[0] - exact[0] * exact[0];
        exact[3] = second[1] - exact[1] * exact[1];
        exact[4] = second[2] - exact[0] * exact[1];
        expect_status(langevin(&d, x0, step, burn_in, thin, n, rng_u64(&r), samples), JC_OK,
                      "jc_langevin of a mixture of %zu Gaussians", d.k);
        ref_langevin(&d, x0, step, burn_in, thin, n, rng_u64(&r), own);
        double came[5], se[5], mine[5];
        moments(samples, n, came, se);
        moments(own, n, mine, se);
        for (int i = 0; i < 5; i++) {
            double bias = 2 * step * (i < 2 ? sqrt(biggest) : biggest);
            double bound = 5 * se[i] + bias;
            expect_true(fabs(came[i] - exact[i]) <= bound, "%s for a mixture of %zu overlapping "
                        "Gaussians, step %g, %zu samples %zu steps apart: expected %.5f within "
                        "%.3g (5 standard errors and %.3g for the step's bias), came %.5f",
                        names[i], d.k, step, n, thin, exact[i], bound, bias, came[i]);
        }
    }
    free(samples);
    free(own);
}
