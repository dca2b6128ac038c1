/* demo.c: computes every number and figure of lesson 01 from the solution.
 *
 *     build/solutions/opt/bin/demo-01-regression OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (the chapter quotes these verbatim; `make test`
 * checks that it does) and OUT_DIR/<name>.dat (the data the gnuplot scripts
 * beside this file plot). Run it through `make figures`. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../demo.h"
#include "regression.h"
#include "rng.h"

static lr_eyetrack load(const char *path)
{
    lr_eyetrack d;
    char err[512];
    if (lr_eyetrack_load(path, &d, err, sizeof err) != LR_OK) {
        fprintf(stderr, "demo: %s\n", err);
        exit(1);
    }
    return d;
}

static double sse_of_line(lr_line line, const lr_eyetrack *d)
{
    return lr_line_mse(line, d->pupil_dilation, d->reading_time, d->n) * (double)d->n;
}

/* Section 3: the three error measures on the source's six points. */
static void errors_example(void)
{
    const double line[] = {1, 2, 3, 4, 5, 6}, dots[] = {2, 3, 4, 5, 6, 1};
    FILE *f = open_output("errors_example.txt");
    fprintf(f, "naive error: %g\n", lr_error_naive(dots, line, 6));
    fprintf(f, "L1 error:    %g\n", lr_error_l1(dots, line, 6));
    fprintf(f, "SSE:         %g\n", lr_error_sse(dots, line, 6));
    fprintf(f, "MSE:         %g\n", lr_error_mse(dots, line, 6));
    close_output(f);
}

/* Section 4: the SSE as a function of the slope, then of the intercept. */
static void error_landscape(const lr_eyetrack *d)
{
    FILE *f = open_output("slope_scan.txt");
    const double slopes[] = {10, 30, 50, 100, 200};
    fprintf(f, "intercept 0\n");
    for (int i = 0; i < 5; i++)
        fprintf(f, "slope %3g: SSE %8.0f\n", slopes[i], sse_of_line((lr_line){slopes[i], 0}, d));
    double best_slope = 0, best_sse = INFINITY;
    double curve[401][2];
    for (int i = 0; i <= 400; i++) {
        double slope = 0.5 * i;
        curve[i][0] = slope;
        curve[i][1] = sse_of_line((lr_line){slope, 0}, d);
        if (curve[i][1] < best_sse) {
            best_sse = curve[i][1];
            best_slope = slope;
        }
    }
    fprintf(f, "best slope on a grid of 0.5 with intercept 0: %g (SSE %.0f)\n", best_slope,
            best_sse);
    close_output(f);

    /* The five candidate lines over the data, each titled with its SSE. */
    f = open_output("candidate_lines.dat");
    fprintf(f, "# x, then y = slope * x for each candidate slope (intercept 0)\nx");
    for (int i = 0; i < 5; i++)
        fprintf(f, " \"slope %g: SSE %.0f\"", slopes[i], sse_of_line((lr_line){slopes[i], 0}, d));
    fprintf(f, "\n");
    for (int k = 0; k < 2; k++) {
        double x = k ? 1.0 : 0.3;
        fprintf(f, "%g", x);
        for (int i = 0; i < 5; i++)
            fprintf(f, " %g", slopes[i] * x);
        fprintf(f, "\n");
    }
    close_output(f);
    write_table("sse_vs_slope.dat", "slope sse (intercept 0)", 401, 2, &curve[0][0]);

    double by_intercept[201][3];
    for (int i = 0; i <= 200; i++) {
        double b = -50 + 0.5 * i;
        by_intercept[i][0] = b;
        by_intercept[i][1] = sse_of_line((lr_line){75, b}, d);
        by_intercept[i][2] = sse_of_line((lr_line){200, b}, d);
    }
    write_table("sse_vs_intercept.dat", "intercept sse(slope 75) sse(slope 200)", 201, 3,
                &by_intercept[0][0]);
    f = open_output("intercept_scan.txt");
    for (int s = 0; s < 2; s++) {
        double slope = s ? 200 : 75, best = INFINITY, at = 0;
        for (int i = 0; i <= 200; i++)
            if (by_intercept[i][1 + s] < best) {
                best = by_intercept[i][1 + s];
                at = by_intercept[i][0];
            }
        fprintf(f, "slope %3g: best intercept %5.1f (SSE %.0f)\n", slope, at, best);
    }
    close_output(f);
}

/* Sections 4 and 5: the SSE surface and the path gradient descent takes. */
static void surface_and_descent(const lr_eyetrack *d, lr_line best)
{
    enum { NX = 161, NY = 151 };
    static double xs[NX], ys[NY], z[NX * NY];
    for (int i = 0; i < NX; i++)
        xs[i] = 0 + 200.0 * i / (NX - 1);
    for (int j = 0; j < NY; j++)
        ys[j] = -50 + 150.0 * j / (NY - 1);
    for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++)
            z[j * NX + i] = log10(sse_of_line((lr_line){xs[i], ys[j]}, d));
    char path[1024];
    output_path(path, sizeof path, "sse_surface.dat");
    if (plot_write_grid(path, "slope intercept log10(SSE)", NX, xs, NY, ys, z) != 0) {
        perror(path);
        exit(1);
    }

    /* Replay descent one step at a time to record the path it takes. */
    const double rate = 0.5;
    enum { STEPS = 4000 };
    static double trail[STEPS + 1][4];
    lr_line line = {0, 0};
    const double *x = d->pupil_dilation, *y = d->reading_time;
    for (int k = 0; k <= STEPS; k++) {
        lr_line grad;
        lr_mse_gradient(x, y, d->n, line, &grad);
        trail[k][0] = k;
        trail[k][1] = line.slope;
        trail[k][2] = line.intercept;
        trail[k][3] = lr_line_mse(line, x, y, d->n);
        line.slope -= rate * grad.slope;
        line.intercept -= rate * grad.intercept;
    }
    write_table("descent_path.dat", "step slope intercept mse (learning rate 0.5)", STEPS + 1, 4,
                &trail[0][0]);

    FILE *f = open_output("descent.txt");
    lr_gd_options options = {.learning_rate = rate, .max_iterations = 100000, .tolerance = 1e-8};
    lr_line fit;
    size_t steps;
    lr_status s = lr_gradient_descent(x, y, d->n, (lr_line){0, 0}, &options, &fit, NULL, &steps);
    fprintf(f, "learning rate 0.5, start (0, 0), stop when |gradient| < 1e-8\n");
    fprintf(f, "status: %s after %zu steps\n", lr_status_str(s), steps);
    fprintf(f, "slope %.8f, intercept %.8f\n", fit.slope, fit.intercept);
    fprintf(f, "closed form: slope %.8f, intercept %.8f\n", best.slope, best.intercept);
    const int checkpoints[] = {0, 1, 2, 3, 10, 100, 1000};
    for (int i = 0; i < 7; i++)
        fprintf(f, "after %4d %s slope %9.4f, intercept %8.4f, MSE %9.3f\n", checkpoints[i],
                checkpoints[i] == 1 ? "step: " : "steps:", trail[checkpoints[i]][1],
                trail[checkpoints[i]][2], trail[checkpoints[i]][3]);
    close_output(f);

    /* The MSE's curvature: its Hessian is 2 [[mean x^2, mean x], [mean x, 1]]. */
    double mx = 0, mxx = 0;
    for (size_t i = 0; i < d->n; i++) {
        mx += x[i] / (double)d->n;
        mxx += x[i] * x[i] / (double)d->n;
    }
    double half_trace = (mxx + 1) / 2, gap = sqrt((mxx - 1) * (mxx - 1) / 4 + mx * mx);
    double largest = 2 * (half_trace + gap), smallest = 2 * (half_trace - gap);
    f = open_output("learning_rates.txt");
    fprintf(f, "curvatures of the MSE: largest %.4f, smallest %.5f (ratio %.0f)\n", largest,
            smallest, largest / smallest);
    fprintf(f, "descent diverges for learning rates above 2 / %.4f = %.4f\n", largest,
            2 / largest);
    fprintf(f, "at rate %g, each step multiplies the distance to the minimum by\n", rate);
    fprintf(f, "  1 - %g * %.4f = %.4f along the steepest direction,\n", rate, largest,
            1 - rate * largest);
    fprintf(f, "  1 - %g * %.5f = %.4f along the flattest\n", rate, smallest,
            1 - rate * smallest);
    const double rates[] = {0.05, 0.5, 0.7, 0.75, 1.0};
    for (int i = 0; i < 5; i++) {
        options.learning_rate = rates[i];
        s = lr_gradient_descent(x, y, d->n, (lr_line){0, 0}, &options, &fit, NULL, &steps);
        fprintf(f, "rate %-4g: %-33s after %6zu steps\n", rates[i], lr_status_str(s), steps);
    }
    close_output(f);

    /* The loss curves of three learning rates, for the figure. */
    enum { CURVE = 3000 };
    static double loss[3][CURVE + 1], curves[CURVE + 1][4];
    const double shown[] = {0.05, 0.5, 0.712};
    for (int c = 0; c < 3; c++) {
        lr_gd_options o = {.learning_rate = shown[c], .max_iterations = CURVE, .tolerance = 0};
        for (int k = 0; k <= CURVE; k++)
            loss[c][k] = NAN;
        lr_gradient_descent(x, y, d->n, (lr_line){0, 0}, &o, &fit, loss[c], &steps);
    }
    for (int k = 0; k <= CURVE; k++) {
        curves[k][0] = k;
        for (int c = 0; c < 3; c++)
            curves[k][1 + c] = loss[c][k];
    }
    write_table("descent_loss.dat", "step mse(rate 0.05) mse(rate 0.5) mse(rate 0.712)",
                CURVE + 1, 4, &curves[0][0]);
    f = open_output("diverging.txt");
    fprintf(f, "learning rate 0.712\n");
    const int shown_steps[] = {0, 1, 500, 1000, 3000};
    for (int i = 0; i < 5; i++)
        fprintf(f, "after %4d %s MSE %12.1f\n", shown_steps[i],
                shown_steps[i] == 1 ? "step: " : "steps:", loss[2][shown_steps[i]]);
    close_output(f);
}

/* Section 5.3: the same descent after standardising x, z = (x - mean) / sd. */
static void standardised(const lr_eyetrack *d, lr_line best)
{
    const size_t n = d->n;
    double z[64], mean = 0, var = 0;
    for (size_t i = 0; i < n; i++)
        mean += d->pupil_dilation[i] / (double)n;
    for (size_t i = 0; i < n; i++) {
        double dev = d->pupil_dilation[i] - mean;
        var += dev * dev / (double)n;
    }
    double sd = sqrt(var);
    for (size_t i = 0; i < n; i++)
        z[i] = (d->pupil_dilation[i] - mean) / sd;
    FILE *f = open_output("standardised.txt");
    fprintf(f, "pupil dilation: mean %.4f, standard deviation %.4f\n", mean, sd);
    /* The Hessian of the MSE in (slope, intercept) is 2 [[mean x^2, mean x],
     * [mean x, 1]]; for centred x it is diagonal, for standardised x it is 2 I. */
    const char *names[] = {"x as measured", "x centred", "x standardised"};
    for (int k = 0; k < 3; k++) {
        double mx = 0, mxx = 0;
        for (size_t i = 0; i < n; i++) {
            double v = k == 0 ? d->pupil_dilation[i] : k == 1 ? d->pupil_dilation[i] - mean : z[i];
            mx += v / (double)n;
            mxx += v * v / (double)n;
        }
        double half_trace = (mxx + 1) / 2, gap = sqrt((mxx - 1) * (mxx - 1) / 4 + mx * mx);
        double largest = 2 * (half_trace + gap), smallest = 2 * (half_trace - gap);
        fprintf(f, "%-15s curvatures %.4f and %.5f, ratio %.0f\n", names[k], largest, smallest,
                largest / smallest);
    }
    const double rates[] = {0.5, 0.9};
    for (int k = 0; k < 2; k++) {
        lr_gd_options o = {.learning_rate = rates[k], .max_iterations = 100000, .tolerance = 1e-8};
        lr_line fit;
        size_t steps;
        lr_status s = lr_gradient_descent(z, d->reading_time, n, (lr_line){0, 0}, &o, &fit, NULL,
                                          &steps);
        fprintf(f, "descent on standardised x, rate %g: %s after %zu %s\n", rates[k],
                lr_status_str(s), steps, steps == 1 ? "step" : "steps");
        if (k == 0)
            fprintf(f, "  back in x: slope %.8f, intercept %.8f (closed form %.8f, %.8f)\n",
                    fit.slope / sd, fit.intercept - fit.slope * mean / sd, best.slope,
                    best.intercept);
    }
    close_output(f);
}

/* Section 5.4: sin(x/2) + 0.3x + 0.01x^2 and where descent ends on it. */
static double bumpy(double x)
{
    return sin(0.5 * x) + 0.3 * x + 0.01 * x * x;
}

static double bumpy_slope(double x, void *ctx)
{
    (void)ctx;
    return 0.5 * cos(0.5 * x) + 0.3 + 0.02 * x;
}

static void local_minima(void)
{
    static double curve[401][2];
    for (int i = 0; i <= 400; i++) {
        double x = -30 + 0.1 * i;
        curve[i][0] = x;
        curve[i][1] = bumpy(x);
    }
    write_table("bumpy.dat", "x f(x) = sin(x/2) + 0.3x + 0.01x^2", 401, 2, &curve[0][0]);

    enum { STEPS = 60 };
    const double starts[] = {3, -10};
    static double path[STEPS + 1], paths[STEPS + 1][5];
    FILE *f = open_output("local_minima.txt");
    for (int s = 0; s < 2; s++) {
        double end = lr_descend_1d(bumpy_slope, NULL, starts[s], 0.5, STEPS, path);
        for (int k = 0; k <= STEPS; k++) {
            paths[k][0] = k;
            paths[k][1 + 2 * s] = path[k];
            paths[k][2 + 2 * s] = bumpy(path[k]);
        }
        double settled = lr_descend_1d(bumpy_slope, NULL, starts[s], 0.5, 5000, NULL);
        fprintf(f, "start %5.1f: after %d steps x = %.3f, converges to x = %.4f, f = %.4f\n",
                starts[s], STEPS, end, settled, bumpy(settled));
    }
    close_output(f);
    write_table("bumpy_paths.dat", "step x(from 3) f x(from -10) f", STEPS + 1, 5, &paths[0][0]);
}

/* The centred formulas in long double (64-bit mantissa): a more precise
 * reference for the double-precision results. The residual sums rx and ry
 * remove the rounding error of the means (the corrected two-pass algorithm),
 * which matters for data far from 0. */
static lr_line long_double_fit(const double *x, const double *y, size_t n)
{
    long double mx = 0, my = 0, rx = 0, ry = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    for (size_t i = 0; i < n; i++) {
        rx += x[i] - mx;
        ry += y[i] - my;
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    sxx -= rx * rx / n;
    sxy -= rx * ry / n;
    long double slope = sxy / sxx;
    return (lr_line){(double)slope, (double)(my + ry / n - slope * (mx + rx / n))};
}

/* The centred formulas in double, the plain way: the means, then the sums of
 * deviations from them. */
static double centred_slope(const double *x, const double *y, size_t n)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxy / sxx;
}

/* Section 6: the closed form, against scikit-learn and the textbook formula. */
static lr_line closed_form(const lr_eyetrack *d)
{
    lr_line fit;
    if (lr_fit_line(d->pupil_dilation, d->reading_time, d->n, &fit) != LR_OK) {
        fprintf(stderr, "demo: the closed-form fit failed\n");
        exit(1);
    }
    lr_line precise = long_double_fit(d->pupil_dilation, d->reading_time, d->n);
    FILE *f = open_output("closed_form.txt");
    fprintf(f, "ours:         slope %.11f, intercept %.15f\n", fit.slope, fit.intercept);
    fprintf(f, "scikit-learn: slope %.11f, intercept %.15f\n", 106.68664055, 15.649335484366574);
    fprintf(f, "long double:  slope %.11f, intercept %.15f\n", precise.slope, precise.intercept);
    fprintf(f, "training SSE %.4f, MSE %.4f\n", sse_of_line(fit, d), sse_of_line(fit, d) / (double)d->n);
    close_output(f);

    const double minimum[2] = {fit.slope, fit.intercept};
    write_table("minimum.dat", "slope intercept of the least-squares line", 1, 2, minimum);
    static double line[2][2];
    line[0][0] = 0.3;
    line[1][0] = 1.0;
    for (int i = 0; i < 2; i++)
        line[i][1] = fit.slope * line[i][0] + fit.intercept;
    write_table("fit_line.dat", "x y of the least-squares line", 2, 2, &line[0][0]);
    return fit;
}

/* The textbook one-pass formula, kept here to show what goes wrong. */
static lr_line textbook_fit(const double *x, const double *y, size_t n)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    double slope = ((double)n * sxy - sx * sy) / ((double)n * sxx - sx * sx);
    return (lr_line){slope, (sy - slope * sx) / (double)n};
}

/* Section 6.3: the eye data with 1e9 added to every x. */
static void losing_digits(const lr_eyetrack *d, lr_line best)
{
    (void)best;
    double shifted[64], stored[64];
    FILE *f = open_output("losing_digits.txt");
    const double offsets[] = {0, 1e3, 1e6, 1e9};
    fprintf(f, "%-7s %-22s %-18s %s\n", "offset", "textbook", "centred", "exact for stored x");
    for (int k = 0; k < 4; k++) {
        for (size_t i = 0; i < d->n; i++) {
            shifted[i] = d->pupil_dilation[i] + offsets[k]; /* rounded to double */
            stored[i] = shifted[i] - offsets[k];            /* exact: undoes only the shift */
        }
        lr_line naive = textbook_fit(shifted, d->reading_time, d->n), ours;
        lr_line exact = long_double_fit(stored, d->reading_time, d->n);
        lr_status s = lr_fit_line(shifted, d->reading_time, d->n, &ours);
        fprintf(f, "%-7g %-22.15g %-18.15g %.15g\n", offsets[k], naive.slope,
                s == LR_OK ? ours.slope : NAN, exact.slope);
    }
    close_output(f);
}

/* Section 6.3: timestamps a millisecond apart, x = 1.7e9 + U(0, 1e-3). */
static void far_from_zero(void)
{
    enum { N = 10000 };
    static double x[N], y[N], dx[N], dy[N];
    rng r;
    rng_seed(&r, 2026);
    for (size_t i = 0; i < N; i++) {
        x[i] = 1.7e9 + rng_range(&r, 0, 1e-3);
        y[i] = 2 * x[i] + 1 + 1e-4 * rng_normal(&r);
    }
    for (size_t i = 0; i < N; i++) {
        dx[i] = x[i] - x[0]; /* exact: x[i] and x[0] are within a factor of 2 */
        dy[i] = y[i] - y[0];
    }
    double exact = long_double_fit(x, y, N).slope;
    lr_line ours;
    if (lr_fit_line(x, y, N, &ours) != LR_OK) {
        fprintf(stderr, "demo: the fit of the timestamps failed\n");
        exit(1);
    }
    FILE *f = open_output("far_from_zero.txt");
    fprintf(f, "%d points x = 1.7e9 + U(0, 1e-3), y = 2 x + 1 + noise\n", N);
    fprintf(f, "%-34s %-20s %s\n", "method", "slope", "relative error");
    const char *names[] = {"centred", "x[0] and y[0] subtracted first", "lr_fit_line"};
    const double slopes[] = {centred_slope(x, y, N), centred_slope(dx, dy, N), ours.slope};
    for (int k = 0; k < 3; k++)
        fprintf(f, "%-34s %-20.15g %.1e\n", names[k], slopes[k], fabs(slopes[k] - exact) / exact);
    fprintf(f, "%-34s %.15g\n", "long double, corrected", exact);
    close_output(f);
}

/* Section 6.4: the eye data with x and y scaled by powers of two, whose
 * line is the same up to the exact scaling. */
static void extreme_scales(const lr_eyetrack *d)
{
    double x[64], y[64];
    FILE *f = open_output("extreme_scales.txt");
    fprintf(f, "the eye data with x times 2^a and y times 2^b; slopes shown times 2^(a - b)\n");
    fprintf(f, "%-6s %-6s %-22s %s\n", "a", "b", "centred", "lr_fit_line");
    const int powers[][2] = {{0, 0}, {1000, 1000}, {-1000, -1000}, {-1000, 0}};
    for (int k = 0; k < 4; k++) {
        for (size_t i = 0; i < d->n; i++) {
            x[i] = ldexp(d->pupil_dilation[i], powers[k][0]);
            y[i] = ldexp(d->reading_time[i], powers[k][1]);
        }
        lr_line ours;
        lr_status s = lr_fit_line(x, y, d->n, &ours);
        char plain[32];
        double centred = ldexp(centred_slope(x, y, d->n), powers[k][0] - powers[k][1]);
        if (isnan(centred))
            snprintf(plain, sizeof plain, "NaN");
        else
            snprintf(plain, sizeof plain, "%.15g", centred);
        fprintf(f, "%-6d %-6d %-22s %.15g\n", powers[k][0], powers[k][1], plain,
                s == LR_OK ? ldexp(ours.slope, powers[k][0] - powers[k][1]) : NAN);
    }
    close_output(f);
}

/* Section 7: reading time from pupil dilation and fixations together. */
static void several_variables(const lr_eyetrack *train, const lr_eyetrack *test, lr_line best)
{
    double X[64], w[2], b, Xt[16];
    for (size_t i = 0; i < train->n; i++) {
        X[2 * i] = train->pupil_dilation[i];
        X[2 * i + 1] = train->fixations[i];
    }
    for (size_t i = 0; i < test->n; i++) {
        Xt[2 * i] = test->pupil_dilation[i];
        Xt[2 * i + 1] = test->fixations[i];
    }
    if (lr_fit_multi(X, train->reading_time, train->n, 2, w, &b) != LR_OK) {
        fprintf(stderr, "demo: the two-variable fit failed\n");
        exit(1);
    }
    double pred[64], pred_test[16];
    lr_predict_multi(X, train->n, 2, w, b, pred);
    lr_predict_multi(Xt, test->n, 2, w, b, pred_test);
    FILE *f = open_output("several_variables.txt");
    fprintf(f, "reading time = %.4f * pupil dilation + %.4f * fixations + %.4f\n", w[0], w[1], b);
    fprintf(f, "%-28s %9s %9s\n", "model", "train MSE", "test MSE");
    fprintf(f, "%-28s %9.3f %9.3f\n", "pupil dilation only",
            lr_line_mse(best, train->pupil_dilation, train->reading_time, train->n),
            lr_line_mse(best, test->pupil_dilation, test->reading_time, test->n));
    fprintf(f, "%-28s %9.3f %9.3f\n", "pupil dilation + fixations",
            lr_error_mse(train->reading_time, pred, train->n),
            lr_error_mse(test->reading_time, pred_test, test->n));
    close_output(f);

    /* Section 7.2: nearly collinear columns, QR against the normal equations. */
    enum { N = 200 };
    static double C[2 * N], y[N];
    for (int i = 0; i < N; i++) {
        double t = (double)i / N;
        C[2 * i] = t;
        C[2 * i + 1] = t + 1e-6 * sin(37.0 * i); /* a deterministic wiggle */
        y[i] = 3.0 * C[2 * i] - 2.0 * C[2 * i + 1] + 1.0;
    }
    double wq[2], bq;
    lr_fit_multi(C, y, N, 2, wq, &bq);
    /* Normal equations, centred, solved by Cramer's rule in double. */
    double m1 = 0, m2 = 0, my = 0;
    for (int i = 0; i < N; i++) {
        m1 += C[2 * i] / N;
        m2 += C[2 * i + 1] / N;
        my += y[i] / N;
    }
    double s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0;
    for (int i = 0; i < N; i++) {
        double a = C[2 * i] - m1, c = C[2 * i + 1] - m2, e = y[i] - my;
        s11 += a * a;
        s12 += a * c;
        s22 += c * c;
        s1y += a * e;
        s2y += c * e;
    }
    double det = s11 * s22 - s12 * s12;
    double w1 = (s1y * s22 - s12 * s2y) / det, w2 = (s11 * s2y - s12 * s1y) / det;
    f = open_output("collinear.txt");
    fprintf(f, "true weights:      3, -2\n");
    fprintf(f, "QR:                %.12f, %.12f\n", wq[0], wq[1]);
    fprintf(f, "normal equations:  %.12f, %.12f\n", w1, w2);
    close_output(f);
}

/* Section 8: the fitted line on the four held-out participants. */
static void test_set(const lr_eyetrack *test, lr_line best)
{
    double pred[16];
    lr_predict(best, test->pupil_dilation, test->n, pred);
    FILE *f = open_output("test_set.txt");
    fprintf(f, "%-6s %-9s %-9s %s\n", "pupil", "actual", "predicted", "error");
    for (size_t i = 0; i < test->n; i++)
        fprintf(f, "%-6.2f %-9.0f %-9.2f %+.2f\n", test->pupil_dilation[i], test->reading_time[i],
                pred[i], test->reading_time[i] - pred[i]);
    fprintf(f, "test MSE %.3f\n", lr_line_mse(best, test->pupil_dilation, test->reading_time,
                                              test->n));
    close_output(f);
}

static void write_points(const char *name, const lr_eyetrack *d)
{
    double rows[64][3];
    for (size_t i = 0; i < d->n; i++) {
        rows[i][0] = d->pupil_dilation[i];
        rows[i][1] = d->reading_time[i];
        rows[i][2] = d->fixations[i];
    }
    write_table(name, "pupil_dilation reading_time fixations", d->n, 3, &rows[0][0]);
}

int main(int argc, char *argv[])
{
    demo_start(argc, argv);
    lr_eyetrack train = load("data/eyetrack_train.csv"), test = load("data/eyetrack_test.csv");
    if (train.n > 64 || test.n > 16) {
        fprintf(stderr, "demo: the data set grew; enlarge the demo's arrays\n");
        return 1;
    }
    write_points("train.dat", &train);
    write_points("test.dat", &test);
    errors_example();
    error_landscape(&train);
    lr_line best = closed_form(&train);
    surface_and_descent(&train, best);
    standardised(&train, best);
    local_minima();
    losing_digits(&train, best);
    far_from_zero();
    extreme_scales(&train);
    several_variables(&train, &test, best);
    test_set(&test, best);
    lr_eyetrack_free(&train);
    lr_eyetrack_free(&test);
    return 0;
}
