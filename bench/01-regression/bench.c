/* bench.c: lesson 01's reference solution against naive C and GSL.
 *
 *     make bench LESSON=01
 *
 * Prints one line per comparison, ending in ratio=R where R is the baseline's
 * time divided by the solution's (R > 1: the solution is faster), and the
 * slope's relative error of every closed-form method, on well-spread data and
 * on data with x near 1e9. Single thread throughout. */
#include "regression.h"
#include "rng.h"
#include "machine.h"
#include "timing.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_version.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { REPS = 7 };
#define LINE_POINTS ((size_t)10000000)
#define MULTI_POINTS ((size_t)100000)
#define MULTI_VARIABLES ((size_t)8)

/* ---- timing ------------------------------------------------------------- */

/* One comparison line; bytes > 0 adds the bandwidth of each side. */
static void print_comparison(const char *what, const timed_task *solution,
                             const timed_task *baseline, double bytes)
{
    printf("%s: solution %.2f ms", what, 1e3 * solution->best);
    if (bytes > 0)
        printf(" (%.1f GB/s)", bytes / solution->best / 1e9);
    printf(", %s %.2f ms", baseline->name, 1e3 * baseline->best);
    if (bytes > 0)
        printf(" (%.1f GB/s)", bytes / baseline->best / 1e9);
    printf("  ratio=%.2f\n", baseline->best / solution->best);
}

/* ---- the line fits we compare with ---------------------------------------- */

/* What a student writes first: means, then centred sums, plain scalar loops.
 * Without -ffast-math the compiler may not reorder the additions, so each sum
 * is one long chain of dependent adds. */
static lr_status naive_two_pass(const double *x, const double *y, size_t n, lr_line *fit)
{
    double sum_x = 0.0, sum_y = 0.0;
    for (size_t i = 0; i < n; i++) {
        sum_x += x[i];
        sum_y += y[i];
    }
    double mean_x = sum_x / (double)n, mean_y = sum_y / (double)n;
    double sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < n; i++) {
        double dx = x[i] - mean_x;
        sxx += dx * dx;
        sxy += dx * (y[i] - mean_y);
    }
    if (sxx == 0.0)
        return LR_ERR_SINGULAR;
    fit->slope = sxy / sxx;
    fit->intercept = mean_y - fit->slope * mean_x;
    return LR_OK;
}

/* The textbook one-pass formula: one read of the data, but n*Sxx - Sx^2
 * subtracts two huge, nearly equal numbers. */
static lr_status textbook_one_pass(const double *x, const double *y, size_t n, lr_line *fit)
{
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0;
    for (size_t i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    double nn = (double)n;
    double denominator = nn * sxx - sx * sx;
    if (denominator == 0.0)
        return LR_ERR_SINGULAR;
    fit->slope = (nn * sxy - sx * sy) / denominator;
    fit->intercept = (sy - fit->slope * sx) / nn;
    return LR_OK;
}

static lr_status gsl_line(const double *x, const double *y, size_t n, lr_line *fit)
{
    double cov00, cov01, cov11, sumsq;
    int status = gsl_fit_linear(x, 1, y, 1, n, &fit->intercept, &fit->slope, &cov00, &cov01,
                                &cov11, &sumsq);
    return status == GSL_SUCCESS ? LR_OK : LR_ERR_SINGULAR;
}

typedef lr_status (*line_fitter)(const double *x, const double *y, size_t n, lr_line *fit);

typedef struct {
    const char *name;
    line_fitter fit;
} line_method;

/* The solution comes first: every other one is compared with it. */
static const line_method LINE_METHODS[] = {
    {"solution lr_fit_line", lr_fit_line},
    {"naive two-pass", naive_two_pass},
    {"textbook one-pass", textbook_one_pass},
    {"gsl_fit_linear", gsl_line},
};
enum { LINE_METHOD_COUNT = sizeof LINE_METHODS / sizeof LINE_METHODS[0] };

typedef struct {
    line_fitter fit;
    const double *x, *y;
    size_t n;
    lr_line result;
    lr_status status;
} fit_job;

static void run_fit_job(void *ctx)
{
    fit_job *job = ctx;
    job->status = job->fit(job->x, job->y, job->n, &job->result);
}

/* The memory bound: one vectorised read of both arrays and nothing else. */
typedef struct {
    const double *a, *b;
    size_t n;
    double sum;
} read_job;

static void run_read_pass(void *ctx)
{
    read_job *job = ctx;
    /* Local copies: with job->a[i] in the loop, gcc 12 turns the loads into
     * gathers, which halves the bandwidth. */
    const double *a = job->a, *b = job->b;
    size_t n = job->n;
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (size_t i = 0; i < n; i++)
        sum += a[i] + b[i];
    job->sum = sum;
}

/* ---- accuracy ----------------------------------------------------------- */

/* Kahan-compensated sum in long double: accurate to a few long double
 * roundings whatever n is, far below what the double methods can reach. */
typedef struct {
    long double sum, carry;
} kahan_sum;

static void kahan_add(kahan_sum *k, long double value)
{
    long double corrected = value - k->carry;
    long double total = k->sum + corrected;
    k->carry = (total - k->sum) - corrected;
    k->sum = total;
}

/* The least-squares slope of the stored data, centred two-pass in long double. */
static long double reference_slope(const double *x, const double *y, size_t n)
{
    kahan_sum sum_x = {0.0L, 0.0L}, sum_y = {0.0L, 0.0L};
    for (size_t i = 0; i < n; i++) {
        kahan_add(&sum_x, x[i]);
        kahan_add(&sum_y, y[i]);
    }
    long double mean_x = sum_x.sum / (long double)n, mean_y = sum_y.sum / (long double)n;
    kahan_sum sxx = {0.0L, 0.0L}, sxy = {0.0L, 0.0L};
    for (size_t i = 0; i < n; i++) {
        long double dx = x[i] - mean_x, dy = y[i] - mean_y;
        kahan_add(&sxx, dx * dx);
        kahan_add(&sxy, dx * dy);
    }
    return sxy.sum / sxx.sum;
}

typedef struct {
    lr_status status;
    double relative_error; /* of the slope; meaningful only if status is LR_OK */
} slope_accuracy;

static void measure_accuracy(const double *x, const double *y, size_t n,
                             slope_accuracy out[LINE_METHOD_COUNT])
{
    long double reference = reference_slope(x, y, n);
    for (size_t k = 0; k < LINE_METHOD_COUNT; k++) {
        lr_line fit = {NAN, NAN};
        out[k].status = LINE_METHODS[k].fit(x, y, n, &fit);
        out[k].relative_error = (double)(fabsl(fit.slope - reference) / fabsl(reference));
    }
}

static void print_accuracy_cell(slope_accuracy a)
{
    if (a.status == LR_OK)
        printf("  %14.1e", a.relative_error);
    else
        printf("  %14s", "fails");
}

static void print_accuracy_table(size_t n, const slope_accuracy spread[],
                                 const slope_accuracy far[])
{
    printf("slope relative error, n=%zu    x in [0,10)      x near 1e9\n", n);
    for (size_t k = 0; k < LINE_METHOD_COUNT; k++) {
        printf("  %-28s", LINE_METHODS[k].name);
        print_accuracy_cell(spread[k]);
        print_accuracy_cell(far[k]);
        printf("\n");
    }
}

/* ---- data ----------------------------------------------------------------- */

/* y = 3x + 2 + noise with x uniform on [0, 10). */
static void make_spread_data(double *x, double *y, size_t n, rng *r)
{
    for (size_t i = 0; i < n; i++) {
        x[i] = rng_range(r, 0.0, 10.0);
        y[i] = 3.0 * x[i] + 2.0 + rng_normal(r);
    }
}

/* x = 1e9 + u with u in [0, 1) a multiple of 1/1024, so x is exact in double;
 * y = 3u + 2 + noise (the grader's "losing digits" test, scaled up). */
static void make_far_data(double *x, double *y, size_t n, rng *r)
{
    for (size_t i = 0; i < n; i++) {
        double u = (double)rng_below(r, 1024) / 1024.0;
        x[i] = 1e9 + u;
        y[i] = 3.0 * u + 2.0 + 0.1 * rng_normal(r);
    }
}

/* ---- closed-form line ------------------------------------------------------ */

/* Times every line method and the read pass; returns the solution's fit. */
static int bench_line_speed(const double *x, const double *y, size_t n, lr_line *solution_fit)
{
    fit_job jobs[LINE_METHOD_COUNT];
    timed_task tasks[LINE_METHOD_COUNT + 1];
    for (size_t k = 0; k < LINE_METHOD_COUNT; k++) {
        jobs[k] = (fit_job){LINE_METHODS[k].fit, x, y, n, {NAN, NAN}, LR_OK};
        tasks[k] = (timed_task){LINE_METHODS[k].name, run_fit_job, &jobs[k], 0.0};
    }
    read_job read = {x, y, n, 0.0};
    tasks[LINE_METHOD_COUNT] =
        (timed_task){"one read pass (memory bound)", run_read_pass, &read, 0.0};
    time_interleaved(tasks, LINE_METHOD_COUNT + 1, REPS);

    for (size_t k = 0; k < LINE_METHOD_COUNT; k++)
        if (jobs[k].status != LR_OK) {
            fprintf(stderr, "bench-01-regression: %s failed: %s\n", LINE_METHODS[k].name,
                    lr_status_str(jobs[k].status));
            return 1;
        }
    char what[64];
    snprintf(what, sizeof what, "fit_line n=%zu", n);
    double bytes = 2.0 * (double)n * sizeof(double);
    for (size_t k = 1; k <= LINE_METHOD_COUNT; k++)
        print_comparison(what, &tasks[0], &tasks[k], bytes);
    volatile double sink = read.sum;
    (void)sink;
    *solution_fit = jobs[0].result;
    return 0;
}

/* ---- sum of squared errors ---------------------------------------------- */

static double naive_sse(const double *y, const double *y_hat, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double e = y[i] - y_hat[i];
        sum += e * e;
    }
    return sum;
}

typedef struct {
    double (*sse)(const double *y, const double *y_hat, size_t n);
    const double *y, *y_hat;
    size_t n;
    double result;
} sse_job;

static void run_sse_job(void *ctx)
{
    sse_job *job = ctx;
    job->result = job->sse(job->y, job->y_hat, job->n);
}

static void bench_sse(const double *y, const double *y_hat, size_t n)
{
    sse_job solution = {lr_error_sse, y, y_hat, n, 0.0};
    sse_job naive = {naive_sse, y, y_hat, n, 0.0};
    read_job read = {y, y_hat, n, 0.0};
    timed_task tasks[] = {
        {"solution lr_error_sse", run_sse_job, &solution, 0.0},
        {"naive scalar loop", run_sse_job, &naive, 0.0},
        {"one read pass (memory bound)", run_read_pass, &read, 0.0},
    };
    time_interleaved(tasks, sizeof tasks / sizeof tasks[0], REPS);

    char what[64];
    snprintf(what, sizeof what, "sse n=%zu", n);
    double bytes = 2.0 * (double)n * sizeof(double);
    print_comparison(what, &tasks[0], &tasks[1], bytes);
    print_comparison(what, &tasks[0], &tasks[2], bytes);
    printf("sse n=%zu: solution and naive loop differ by %.1e (relative)\n", n,
           fabs(solution.result - naive.result) / naive.result);
    volatile double sink = read.sum;
    (void)sink;
}

/* Everything on the 10^7-point data sets; the three arrays are reused. */
static int bench_line(double *x, double *y, double *y_hat, size_t n)
{
    rng r;
    rng_seed(&r, 1);
    make_spread_data(x, y, n, &r);
    lr_line fit;
    if (bench_line_speed(x, y, n, &fit) != 0)
        return 1;
    slope_accuracy spread[LINE_METHOD_COUNT], far[LINE_METHOD_COUNT];
    measure_accuracy(x, y, n, spread);

    lr_predict(fit, x, n, y_hat);
    bench_sse(y, y_hat, n);

    make_far_data(x, y, n, &r);
    measure_accuracy(x, y, n, far);
    print_accuracy_table(n, spread, far);
    /* The solution is exact to a few roundings on both data sets. */
    if (spread[0].status != LR_OK || far[0].status != LR_OK ||
        !(spread[0].relative_error < 1e-13) || !(far[0].relative_error < 1e-13)) {
        fprintf(stderr, "bench-01-regression: lr_fit_line lost digits (or failed)\n");
        return 1;
    }
    return 0;
}

/* ---- several variables ------------------------------------------------------ */

typedef struct {
    const double *X, *y;
    size_t n, m;
    double *weights;
    double intercept;
    lr_status status;
} multi_job;

static void run_multi_job(void *ctx)
{
    multi_job *job = ctx;
    job->status = lr_fit_multi(job->X, job->y, job->n, job->m, job->weights, &job->intercept);
}

/* GSL needs the intercept as a column of ones (column 0 of X1). The workspace
 * is allocated in every run because lr_fit_multi allocates in every call too. */
typedef struct {
    const gsl_matrix *X1;
    const gsl_vector *y;
    gsl_vector *coefficients;
    gsl_matrix *covariance;
    double chi_squared;
    int status;
} gsl_multi_job;

static void run_gsl_multi_job(void *ctx)
{
    gsl_multi_job *job = ctx;
    gsl_multifit_linear_workspace *work =
        gsl_multifit_linear_alloc(job->X1->size1, job->X1->size2);
    if (!work) {
        job->status = GSL_ENOMEM;
        return;
    }
    job->status = gsl_multifit_linear(job->X1, job->y, job->coefficients, job->covariance,
                                      &job->chi_squared, work);
    gsl_multifit_linear_free(work);
}

/* X (n x m, row-major) standard normal, y = sum_j (j+1) X_j - 5 + noise; X1
 * gets the same X behind a column of ones. */
static void make_multi_data(double *X, double *y, gsl_matrix *X1, size_t n, size_t m, rng *r)
{
    for (size_t i = 0; i < n; i++) {
        double sum = -5.0 + 0.1 * rng_normal(r);
        gsl_matrix_set(X1, i, 0, 1.0);
        for (size_t j = 0; j < m; j++) {
            X[i * m + j] = rng_normal(r);
            gsl_matrix_set(X1, i, j + 1, X[i * m + j]);
            sum += (double)(j + 1) * X[i * m + j];
        }
        y[i] = sum;
    }
}

/* Largest difference between the two fits' coefficients, relative to the largest. */
static double multi_disagreement(const multi_job *solution, const gsl_vector *coefficients)
{
    double largest = fabs(gsl_vector_get(coefficients, 0));
    double diff = fabs(solution->intercept - gsl_vector_get(coefficients, 0));
    for (size_t j = 0; j < solution->m; j++) {
        double theirs = gsl_vector_get(coefficients, j + 1);
        largest = fmax(largest, fabs(theirs));
        diff = fmax(diff, fabs(solution->weights[j] - theirs));
    }
    return diff / largest;
}

static int time_multi(const double *X, const double *y, const gsl_matrix *X1, size_t n,
                      size_t m, double *weights, gsl_vector *coefficients,
                      gsl_matrix *covariance)
{
    multi_job solution = {X, y, n, m, weights, NAN, LR_OK};
    gsl_vector_const_view y_view = gsl_vector_const_view_array(y, n);
    gsl_multi_job gsl = {X1, &y_view.vector, coefficients, covariance, NAN, GSL_SUCCESS};
    timed_task tasks[] = {
        {"solution lr_fit_multi", run_multi_job, &solution, 0.0},
        {"gsl_multifit_linear (SVD)", run_gsl_multi_job, &gsl, 0.0},
    };
    time_interleaved(tasks, 2, REPS);
    if (solution.status != LR_OK || gsl.status != GSL_SUCCESS) {
        fprintf(stderr, "bench-01-regression: multi fit failed: %s / %s\n",
                lr_status_str(solution.status), gsl_strerror(gsl.status));
        return 1;
    }
    char what[64];
    snprintf(what, sizeof what, "fit_multi n=%zu m=%zu", n, m);
    print_comparison(what, &tasks[0], &tasks[1], 0.0);
    printf("%s: solution and GSL coefficients differ by %.1e (relative)\n", what,
           multi_disagreement(&solution, coefficients));
    return 0;
}

static int bench_multi(size_t n, size_t m)
{
    double *X = malloc(n * m * sizeof *X), *y = malloc(n * sizeof *y);
    double *weights = malloc(m * sizeof *weights);
    gsl_matrix *X1 = gsl_matrix_alloc(n, m + 1), *covariance = gsl_matrix_alloc(m + 1, m + 1);
    gsl_vector *coefficients = gsl_vector_alloc(m + 1);
    int failed = !X || !y || !weights || !X1 || !covariance || !coefficients;
    if (failed) {
        fprintf(stderr, "bench-01-regression: out of memory\n");
    } else {
        rng r;
        rng_seed(&r, 2);
        make_multi_data(X, y, X1, n, m, &r);
        failed = time_multi(X, y, X1, n, m, weights, coefficients, covariance);
    }
    free(X);
    free(y);
    free(weights);
    if (X1)
        gsl_matrix_free(X1);
    if (covariance)
        gsl_matrix_free(covariance);
    if (coefficients)
        gsl_vector_free(coefficients);
    return failed;
}

/* ---- main ------------------------------------------------------------------ */

static void print_header(void)
{
    printf("Lesson 01 benchmark: the reference solution against naive C and GSL, one thread.\n"
           "Each time is the fastest of %d runs; the methods of a comparison take turns.\n"
           "Times drift with the machine's load: compare the ratios, not the times.\n"
           "ratio = baseline time / solution time (> 1: the solution is faster).\n\n",
           REPS);
}

int main(void)
{
    gsl_set_error_handler_off(); /* report GSL failures as return codes, not abort() */
    machine_describe(stdout);
    /* GSL has no vector code and no run-time dispatch; the read pass, the
     * memory bound, is compiled into this program, for its vector width. */
    printf("library: GSL %s (scalar C, no run-time dispatch); the read pass is built as above\n",
           gsl_version);
    print_header();
    size_t n = LINE_POINTS;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    double *y_hat = malloc(n * sizeof *y_hat);
    int failed = !x || !y || !y_hat;
    if (failed)
        fprintf(stderr, "bench-01-regression: out of memory\n");
    else
        failed = bench_line(x, y, y_hat, n);
    free(x);
    free(y);
    free(y_hat);
    if (!failed)
        failed = bench_multi(MULTI_POINTS, MULTI_VARIABLES);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
