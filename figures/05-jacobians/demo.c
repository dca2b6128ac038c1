/* demo.c: computes every number and figure of lesson 05 from the solution.
 *
 *     build/solutions/opt/bin/demo-05-jacobians OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it) and OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside
 * this file). The maps, networks and densities are in examples.c. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "../demo.h"
#include "examples.h"
#include "jacobians.h"

static const double PI = 3.14159265358979323846;

static void check(jc_status s, const char *what)
{
    if (s != JC_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, jc_status_str(s));
        exit(1);
    }
}

static double *new_doubles(size_t count)
{
    double *p = calloc(count, sizeof *p);
    if (!p)
        check(JC_ERR_NOMEM, "allocating the demo's arrays");
    return p;
}

/* plot_write_grid into OUT_DIR/name, or exits. */
static void write_grid(const char *name, const char *header, size_t nx, const double *xs,
                       size_t ny, const double *ys, const double *z)
{
    char path[1024];
    output_path(path, sizeof path, name);
    if (plot_write_grid(path, header, nx, xs, ny, ys, z) != 0) {
        perror(path);
        exit(1);
    }
}

/* "[a, b; c, d]": a matrix on one line, rows separated by semicolons. */
static void print_inline(FILE *f, const double *m, size_t rows, size_t cols)
{
    fprintf(f, "[");
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) {
            double v = m[i * cols + j];
            fprintf(f, "%s%.6g", j ? ", " : i ? "; " : "", v == 0 ? 0.0 : v); /* no -0 */
        }
    fprintf(f, "]");
}

static void print_matrix(FILE *f, const char *indent, const double *m, size_t rows, size_t cols)
{
    for (size_t i = 0; i < rows; i++) {
        fprintf(f, "%s", indent);
        for (size_t j = 0; j < cols; j++)
            fprintf(f, " %10.6f", m[i * cols + j] == 0 ? 0.0 : m[i * cols + j]);
        fprintf(f, "\n");
    }
}

static double max_abs_diff(const double *a, const double *b, size_t n)
{
    double worst = 0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs(a[i] - b[i]));
    return worst;
}

static double norm2(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

/* c = a b for row-major a (m x k) and b (k x n); small matrices only. */
static void matmul(const double *a, const double *b, size_t m, size_t k, size_t n, double *c)
{
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t p = 0; p < k; p++)
                s += a[i * k + p] * b[p * n + j];
            c[i * n + j] = s;
        }
}

/* ---- Section 2: Jacobians by hand -------------------------------------- */

/* One example: its Jacobian by hand against forward mode. */
static void hand_example(FILE *f, const char *name, jc_dual_fn fn, size_t n, size_t m,
                         const double *x, const char *point, const double *by_hand)
{
    double jac[6];
    jc_dual_map map = {n, m, fn, NULL};
    check(jc_jacobian_forward(&map, x, jac, NULL), name);
    fprintf(f, "%s at %s\n  by hand       ", name, point);
    print_inline(f, by_hand, m, n);
    fprintf(f, "\n  forward mode  ");
    print_inline(f, jac, m, n);
    fprintf(f, "   largest difference %.1e\n", max_abs_diff(jac, by_hand, m * n));
}

static void by_hand(void)
{
    FILE *f = open_output("hand.txt");
    double p[] = {1, 0.5};
    double c = cos(p[0] * p[1]);
    double j1[] = {2 * p[0], 1, p[1] * c, p[0] * c};
    hand_example(f, "[x^2 + y, sin xy]", source_map_dual, 2, 2, p, "(1, 0.5)", j1);
    double q[] = {1, 2, 3};
    double j2[] = {1, q[2], q[1], 2 * q[0], 2 * q[1], 2 * q[2]};
    hand_example(f, "[x + yz, x^2 + y^2 + z^2]", three_inputs_dual, 3, 2, q, "(1, 2, 3)", j2);
    double s[] = {1, 2}, r2 = s[0] * s[0] + s[1] * s[1];
    double j3[] = {s[1], s[0], 2 * s[0] / r2, 2 * s[1] / r2};
    hand_example(f, "[xy, ln(x^2 + y^2)]", product_log_dual, 2, 2, s, "(1, 2)", j3);
    double t[] = {2, PI / 6};
    double j4[] = {cos(t[1]), -t[0] * sin(t[1]), sin(t[1]), t[0] * cos(t[1])};
    hand_example(f, "[r cos t, r sin t]", polar_dual, 2, 2, t, "(r, t) = (2, pi/6)", j4);
    double det;
    check(jc_determinant(j4, 2, &det), "det of the polar Jacobian");
    fprintf(f, "  its determinant %.6g (= r)\n", det);
    close_output(f);
}

/* The remainder F(x + d) - F(x) - A d shrinks faster than |d| for A = J only. */
static void linearization(void)
{
    const double x[] = {1, 0.5}, dir[] = {0.6, 0.8};
    double jac[4], fx[2];
    jc_dual_map map = {2, 2, source_map_dual, NULL};
    check(jc_jacobian_forward(&map, x, jac, fx), "J at (1, 0.5)");
    double other[4];
    memcpy(other, jac, sizeof other);
    other[3] += 0.01;
    FILE *f = open_output("linearization.txt");
    fprintf(f, "%-9s %-14s %-14s %-14s %s\n", "|d|", "|R| with J", "|R| / |d|", "|R| / |d|^2",
            "|R| / |d| with J + 0.01 e2 e2^T");
    for (int k = 1; k <= 5; k++) {
        double t = pow(10, -k), xd[2] = {x[0] + t * dir[0], x[1] + t * dir[1]}, fd[2];
        source_map(xd, fd, NULL);
        double r[2], r_other[2];
        for (int i = 0; i < 2; i++) {
            double change = fd[i] - fx[i];
            r[i] = change - t * (jac[2 * i] * dir[0] + jac[2 * i + 1] * dir[1]);
            r_other[i] = change - t * (other[2 * i] * dir[0] + other[2 * i + 1] * dir[1]);
        }
        double rn = norm2(r, 2);
        fprintf(f, "%-9.0e %-14.3e %-14.3e %-14.4f %.4f\n", t, rn, rn / t, rn / (t * t),
                norm2(r_other, 2) / t);
    }
    close_output(f);
}

/* An elementwise tanh and a tanh layer: diagonal, and diag(f'(z)) W. */
static void hadamard(void)
{
    FILE *f = open_output("hadamard.txt");
    const double z[] = {0.5, -1, 2}, zero[3] = {0};
    const double eye[] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    dense_layer identity = {3, 3, eye, zero};
    jc_map act = {3, 3, dense_tanh, &identity};
    double jac[9];
    check(jc_jacobian_central(&act, z, jac), "tanh elementwise");
    fprintf(f, "Jacobian of tanh applied to z = (0.5, -1, 2), by central differences:\n");
    print_matrix(f, "  ", jac, 3, 3);
    fprintf(f, "1 - tanh^2 z:\n  ");
    for (int i = 0; i < 3; i++)
        fprintf(f, " %10.6f", 1 - tanh(z[i]) * tanh(z[i]));
    const double w[] = {0.5, -1, 0.25, 2, 0.75, -0.5}, b[] = {0.1, -0.2}, x[] = {1, 0.5, -1};
    dense_layer layer = {3, 2, w, b};
    jc_map lm = {3, 2, dense_tanh, &layer};
    double jl[6], h[2], scaled[6];
    check(jc_jacobian_central(&lm, x, jl), "a tanh layer");
    dense_tanh(x, h, &layer);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            scaled[i * 3 + j] = (1 - h[i] * h[i]) * w[i * 3 + j];
    fprintf(f, "\nlayer h = tanh(W x + b), W = [0.5, -1, 0.25; 2, 0.75, -0.5], "
               "at x = (1, 0.5, -1):\n");
    fprintf(f, "  central differences:\n");
    print_matrix(f, "  ", jl, 2, 3);
    fprintf(f, "  diag(1 - h^2) W, row i of W times 1 - h_i^2:\n");
    print_matrix(f, "  ", scaled, 2, 3);
    fprintf(f, "  largest difference %.1e\n", max_abs_diff(jl, scaled, 6));
    close_output(f);
}

typedef struct {
    const double *w[3];
} linear_stack;

/* x (4) -> W1 x (3) -> W2 . (3) -> W3 . (2), no biases, no activation. */
static void linear_stack_map(const double *x, double *y, void *ctx)
{
    const linear_stack *s = ctx;
    double a[3], b[3];
    matmul(s->w[0], x, 3, 4, 1, a);
    matmul(s->w[1], a, 3, 3, 1, b);
    matmul(s->w[2], b, 2, 3, 1, y);
}

static void collapse(void)
{
    rng r;
    rng_seed(&r, 3);
    double w1[12], w2[9], w3[6], w32[6], product[8], x[4], ja[8], jb[8];
    double *all[] = {w1, w2, w3};
    const size_t counts[] = {12, 9, 6};
    for (int m = 0; m < 3; m++)
        for (size_t i = 0; i < counts[m]; i++)
            all[m][i] = round(rng_range(&r, -2, 2) * 4) / 4;
    matmul(w3, w2, 2, 3, 3, w32);
    matmul(w32, w1, 2, 3, 4, product);
    linear_stack s = {{w1, w2, w3}};
    jc_map map = {4, 2, linear_stack_map, &s};
    FILE *f = open_output("collapse.txt");
    fprintf(f, "W3 W2 W1 of three random linear layers 4 -> 3 -> 3 -> 2:\n");
    print_matrix(f, "  ", product, 2, 4);
    double *jacs[] = {ja, jb};
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 4; i++)
            x[i] = rng_range(&r, -10, 10);
        check(jc_jacobian_central(&map, x, jacs[k]), "the linear stack");
        fprintf(f, "Jacobian at x = (%.2f, %.2f, %.2f, %.2f): "
                   "largest difference from W3 W2 W1 %.1e\n",
                x[0], x[1], x[2], x[3], max_abs_diff(jacs[k], product, 8));
    }
    close_output(f);
}

/* ---- Section 3: central differences ------------------------------------- */

/* (f(x + h) - f(x - h)) / 2h and (f(x + h) - f(x)) / h for sin, with h the
 * step x + h really takes. */
static void sin_differences(double x, double h, double *central, double *forward)
{
    volatile double up = x + h;
    double step = up - x;
    *central = (sin(x + step) - sin(x - step)) / (2 * step);
    *forward = (sin(x + step) - sin(x)) / step;
}

static void central_error(void)
{
    const double x = 1, exact = cos(x), f_abs = fabs(sin(x)), f3_abs = fabs(cos(x));
    enum { STEPS = 161 };
    static double rows[STEPS][5];
    for (int k = 0; k < STEPS; k++) {
        double h = pow(10, -16 + 0.1 * k), c, fw;
        sin_differences(x, h, &c, &fw);
        rows[k][0] = h;
        rows[k][1] = fabs(c - exact);
        rows[k][2] = fabs(fw - exact);
        rows[k][3] = jc_central_error(h, f_abs, f3_abs);
        rows[k][4] = DBL_EPSILON * f_abs / h + h * fabs(sin(x)) / 2;
    }
    write_table("central.dat",
                "h, |central - f'|, |forward - f'|, central model, forward model (f = sin, x = 1)",
                STEPS, 5, &rows[0][0]);
    double best = jc_central_best_step(f_abs, f3_abs), c, fw;
    sin_differences(x, best, &c, &fw);
    double marker[1][2] = {{best, jc_central_error(best, f_abs, f3_abs)}};
    write_table("central_best.dat", "h* and the model's error there", 1, 2, &marker[0][0]);

    FILE *f = open_output("central.txt");
    fprintf(f, "f = sin at x = 1, f'(1) = cos 1 = %.15f\n", exact);
    fprintf(f, "%-10s %-16s %-16s %s\n", "h", "forward error", "central error", "central model");
    const double hs[] = {1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13};
    for (int k = 0; k < 7; k++) {
        sin_differences(x, hs[k], &c, &fw);
        fprintf(f, "%-10.0e %-16.2e %-16.2e %.2e\n", hs[k], fabs(fw - exact), fabs(c - exact),
                jc_central_error(hs[k], f_abs, f3_abs));
    }
    sin_differences(x, best, &c, &fw);
    fprintf(f, "best step of the model: h* = cbrt(3 eps |f| / |f'''|) = %.3e, model error %.2e, "
               "measured %.2e\n",
            best, jc_central_error(best, f_abs, f3_abs), fabs(c - exact));
    close_output(f);
}

static void central_steps(void)
{
    FILE *f = open_output("steps.txt");
    fprintf(f, "%-8s %-24s %-24s %s\n", "x", "cbrt(eps) max(|x|, 1)", "(x + h) - x",
            "jc_central_step(x)");
    const double xs[] = {0, 0.1, 1, 3.7, 1000, 1e10};
    for (int k = 0; k < 6; k++) {
        double h = cbrt(DBL_EPSILON) * fmax(fabs(xs[k]), 1);
        volatile double up = xs[k] + h;
        fprintf(f, "%-8g %-24.17g %-24.17g %.17g\n", xs[k], h, up - xs[k],
                jc_central_step(xs[k]));
    }
    close_output(f);
}

/* ---- Section 4: dual numbers and the complex step ------------------------- */

static jc_dual dual_example(jc_dual x)
{
    jc_dual one = jc_dual_const(1);
    return jc_dual_div(jc_dual_mul(jc_dual_exp(x), jc_dual_sin(x)),
                       jc_dual_add(one, jc_dual_mul(x, x)));
}

static double complex complex_example(double complex z)
{
    return cexp(z) * csin(z) / (1 + z * z);
}

static double plain_example(double x)
{
    return exp(x) * sin(x) / (1 + x * x);
}

static void dual_numbers(void)
{
    FILE *f = open_output("dual_trace.txt");
    jc_dual x = jc_dual_var(1), y = jc_dual_const(0.5), xy = jc_dual_mul(x, y);
    jc_dual s = jc_dual_sin(xy);
    fprintf(f, "x       = %.6f + %.6f e   (seeded: dx/dx = 1)\n", x.v, x.d);
    fprintf(f, "y       = %.6f + %.6f e\n", y.v, y.d);
    fprintf(f, "xy      = %.6f + %.6f e   (product rule: x.d y.v + x.v y.d)\n", xy.v, xy.d);
    fprintf(f, "sin(xy) = %.6f + %.6f e   (chain rule: cos(xy.v) xy.d)\n", s.v, s.d);
    close_output(f);

    const long double xl = 0.7L;
    long double sl = sinl(xl), cl = cosl(xl), el = expl(xl), q = 1 + xl * xl;
    long double exact = el * ((sl + cl) * q - 2 * xl * sl) / (q * q);
    double x0 = 0.7;
    double dual = dual_example(jc_dual_var(x0)).d;
    double cstep = cimag(complex_example(x0 + 1e-20 * I)) / 1e-20;
    double h = jc_central_step(x0);
    double central = (plain_example(x0 + h) - plain_example(x0 - h)) / (2 * h);
    f = open_output("dual.txt");
    fprintf(f, "f(x) = exp(x) sin(x) / (1 + x^2) at x = 0.7; f'(0.7) = %.15Lf\n", exact);
    fprintf(f, "%-28s %-20s %s\n", "method", "f'(0.7)", "relative error");
    const char *names[] = {"dual numbers", "complex step, h = 1e-20", "central difference"};
    double values[] = {dual, cstep, central};
    for (int k = 0; k < 3; k++)
        fprintf(f, "%-28s %-20.15f %.1e\n", names[k], values[k],
                (double)fabsl((values[k] - exact) / exact));
    close_output(f);
}

/* ---- Section 5: determinants, areas, change of variables ------------------ */

/* The determinant by elimination without row swaps: the product of pivots. */
static double determinant_no_pivoting(const double *a, size_t n)
{
    double m[16], det = 1;
    memcpy(m, a, n * n * sizeof *a);
    for (size_t k = 0; k < n; k++) {
        det *= m[k * n + k];
        for (size_t i = k + 1; i < n; i++) {
            double factor = m[i * n + k] / m[k * n + k];
            for (size_t j = k; j < n; j++)
                m[i * n + j] -= factor * m[k * n + j];
        }
    }
    return det;
}

static void determinants(void)
{
    FILE *f = open_output("det.txt");
    const double a[] = {1e-20, 1, 1, 1, 1, 0, 1, 0, 1};
    double det;
    check(jc_determinant(a, 3, &det), "det");
    fprintf(f, "A = [1e-20, 1, 1; 1, 1, 0; 1, 0, 1], det A = -2 + 1e-20\n");
    double naive = determinant_no_pivoting(a, 3);
    fprintf(f, "  elimination without row swaps: %g\n", naive == 0 ? 0.0 : naive);
    fprintf(f, "  with partial pivoting:          %g\n", det);
    const double b[] = {0, 2, 1, 1, 1, 1, 2, 1, 0};
    check(jc_determinant(b, 3, &det), "det");
    fprintf(f, "B = [0, 2, 1; 1, 1, 1; 2, 1, 0], det B = %g (without row swaps: %s)\n", det,
            isnan(determinant_no_pivoting(b, 3)) ? "0 / 0 at the first pivot" : "a number");
    close_output(f);
}

static void image_areas(void)
{
    FILE *f = open_output("area.txt");
    jc_map map = {2, 2, source_map, NULL};
    jc_dual_map dual = {2, 2, source_map_dual, NULL};
    const double centers[][2] = {{1, 0.5}, {0.5, 2}, {1, 2}};
    fprintf(f, "%-11s %-10s %-8s %s\n", "center", "det J", "side", "area / side^2");
    for (int c = 0; c < 3; c++) {
        double jac[4], det;
        check(jc_jacobian_forward(&dual, centers[c], jac, NULL), "J");
        check(jc_determinant(jac, 2, &det), "det J");
        const double sides[] = {0.5, 0.1, 0.01};
        for (int s = 0; s < 3; s++) {
            double area;
            check(jc_image_area(&map, centers[c], sides[s], 64, &area), "image area");
            char name[32];
            snprintf(name, sizeof name, "(%g, %g)", centers[c][0], centers[c][1]);
            fprintf(f, "%-11s %-10.6f %-8g %.6f\n", s == 0 ? name : "", fabs(det) < 1e-12 ? 0 : det,
                    sides[s], area / (sides[s] * sides[s]));
        }
    }
    close_output(f);
}

static double source_det(double x, double y)
{
    return (2 * x * x - y) * cos(x * y);
}

/* A grid of [x, y] and its image under the source's map, both coloured by
 * the local determinant (pm3d layout: a blank line after each row). */
static void warp(void)
{
    enum { NX = 13, NY = 13 };
    const double X0 = 0.1, X1 = 1.2, Y0 = 0.0, Y1 = 1.3;
    FILE *f = open_output("warp.dat");
    fprintf(f, "# x y F1 F2 det J(x, y), for F(x, y) = [x^2 + y, sin xy]\n");
    for (int j = 0; j < NY; j++) {
        for (int i = 0; i < NX; i++) {
            double p[2] = {X0 + (X1 - X0) * i / (NX - 1), Y0 + (Y1 - Y0) * j / (NY - 1)}, q[2];
            source_map(p, q, NULL);
            fprintf(f, "%.6g %.6g %.6g %.6g %.6g\n", p[0], p[1], q[0], q[1],
                    source_det(p[0], p[1]));
        }
        fprintf(f, "\n");
    }
    close_output(f);
    f = open_output("warp_fold.dat");
    fprintf(f, "# x y F1 F2 along y = 2x^2, where det J = 0, inside the grid\n");
    for (int i = 0; i <= 100; i++) {
        double x = X0 + (sqrt(Y1 / 2) - X0) * i / 100, p[2] = {x, 2 * x * x}, q[2];
        source_map(p, q, NULL);
        fprintf(f, "%.6g %.6g %.6g %.6g 0\n", p[0], p[1], q[0], q[1]);
    }
    close_output(f);
}

/* Where det J = (2x^2 - y) cos xy = 0 in [-2, 2] x [-1, 4]: the parabola
 * y = 2x^2 and the hyperbolas xy = pi/2 + k pi, each branch a block. */
static void singular_curves(void)
{
    enum { SAMPLES = 200 };
    FILE *f = open_output("singular_curves.dat");
    fprintf(f, "# x y on det J = 0 for F(x, y) = [x^2 + y, sin xy]; one curve per block\n");
    for (int i = 0; i < SAMPLES; i++) {
        double x = -sqrt(2.0) + 2 * sqrt(2.0) * i / (SAMPLES - 1);
        fprintf(f, "%.6g %.6g\n", x, 2 * x * x);
    }
    for (int k = -3; k <= 2; k++) {
        double c = PI / 2 + k * PI; /* xy = c; y ranges where |x| = |c / y| <= 2 */
        for (int side = -1; side <= 1; side += 2) {
            double lo = side > 0 ? fabs(c) / 2 : -1, hi = side > 0 ? 4 : -fabs(c) / 2;
            if (lo >= hi)
                continue;
            fprintf(f, "\n\n");
            for (int i = 0; i < SAMPLES; i++) {
                double y = lo + (hi - lo) * i / (SAMPLES - 1);
                fprintf(f, "%.6g %.6g\n", c / y, y);
            }
        }
    }
    close_output(f);
    enum { N = 101 };
    double xs[N], ys[N];
    static double dets[N * N];
    for (int i = 0; i < N; i++) {
        xs[i] = -2 + 4.0 * i / (N - 1);
        ys[i] = -1 + 5.0 * i / (N - 1);
    }
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++)
            dets[j * N + i] = source_det(xs[i], ys[j]);
    write_grid("singular.dat", "x y det J", N, xs, N, ys, dets);
}

static void singular_point(void)
{
    FILE *f = open_output("singular.txt");
    const double p[] = {1, 2};
    double jac[4], det;
    jc_dual_map dual = {2, 2, source_map_dual, NULL};
    check(jc_jacobian_forward(&dual, p, jac, NULL), "J(1, 2)");
    check(jc_determinant(jac, 2, &det), "det J(1, 2)");
    fprintf(f, "J(1, 2) = ");
    print_inline(f, jac, 2, 2);
    fprintf(f, "\nrow 2 / row 1 = %.6f, %.6f (cos 2 = %.6f)\n", jac[2] / jac[0], jac[3] / jac[1],
            cos(2.0));
    fprintf(f, "det J(1, 2) = %.1e\n", fabs(det) < 1e-12 ? 0.0 : det);
    close_output(f);
}

/* Section 5: the integral of exp(-(x^2 + y^2)) over the unit disk, and the
 * disk's area, by Monte Carlo in polar coordinates with and without the
 * factor r, and in Cartesian coordinates. */
static void polar_monte_carlo(void)
{
    enum { N = 1000000 };
    rng r;
    rng_seed(&r, 5);
    double with_r = 0, without_r = 0, area_r = 0, square = 0, inside = 0;
    for (int i = 0; i < N; i++) {
        double radius = rng_uniform(&r), theta = 2 * PI * rng_uniform(&r);
        (void)theta; /* the integrand does not depend on it */
        double g = exp(-radius * radius);
        with_r += g * radius;
        without_r += g;
        area_r += radius;
    }
    for (int i = 0; i < N; i++) {
        double x = rng_range(&r, -1, 1), y = rng_range(&r, -1, 1), d = x * x + y * y;
        if (d <= 1) {
            square += exp(-d);
            inside += 1;
        }
    }
    const double box = 2 * PI; /* the (r, theta) rectangle [0, 1] x [0, 2 pi] */
    FILE *f = open_output("polar.txt");
    fprintf(f, "%d random points per estimate\n", N);
    fprintf(f, "%-44s %-10s %s\n", "", "integral", "area of the disk");
    fprintf(f, "%-44s %-10.4f %.4f\n", "exact: pi (1 - 1/e) and pi", PI * (1 - exp(-1.0)), PI);
    fprintf(f, "%-44s %-10.4f %.4f\n", "polar, uniform (r, theta), with the factor r",
            box * with_r / N, box * area_r / N);
    fprintf(f, "%-44s %-10.4f %.4f\n", "polar, without the factor r", box * without_r / N, box);
    fprintf(f, "%-44s %-10.4f %.4f\n", "Cartesian, uniform in the square [-1, 1]^2",
            4 * square / N, 4 * inside / N);
    close_output(f);
}

/* ---- Section 6: layers, chains, the spectral norm ------------------------ */

/* A matrix as a jc_linear_op. */
typedef struct {
    const double *a;
    size_t m, n;
} matrix_ctx;

static void matrix_jvp(const double *v, double *out, void *ctx)
{
    const matrix_ctx *c = ctx;
    matmul(c->a, v, c->m, c->n, 1, out);
}

static void matrix_vjp(const double *u, double *out, void *ctx)
{
    const matrix_ctx *c = ctx;
    for (size_t j = 0; j < c->n; j++) {
        double s = 0;
        for (size_t i = 0; i < c->m; i++)
            s += c->a[i * c->n + j] * u[i];
        out[j] = s;
    }
}

static jc_linear_op matrix_op(matrix_ctx *c)
{
    return (jc_linear_op){c->n, c->m, matrix_jvp, matrix_vjp, c};
}

/* The largest singular value of a matrix; the demo's matrices converge. */
static double spectral_norm_of(const double *a, size_t m, size_t n, size_t *iterations)
{
    matrix_ctx c = {a, m, n};
    jc_linear_op op = matrix_op(&c);
    double sigma;
    check(jc_spectral_norm(&op, 1, 1e-12, 100000, &sigma, iterations), "spectral norm");
    return sigma;
}

/* H = I - 2 u u^T / |u|^2, an orthogonal matrix (a Householder reflection). */
static void reflection(const double *u, size_t n, double *h)
{
    double uu = 0;
    for (size_t i = 0; i < n; i++)
        uu += u[i] * u[i];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            h[i * n + j] = (i == j) - 2 * u[i] * u[j] / uu;
}

/* Power iteration on U diag(s) V^T, whose singular values are known. */
static void power_iteration(void)
{
    enum { N = 6 };
    const double s[N] = {3, 2.5, 2, 1, 0.5, 0.1};
    rng r;
    rng_seed(&r, 11);
    double u[N], v[N], hu[N * N], hv[N * N], d[N * N] = {0}, t[N * N], a[N * N];
    for (int i = 0; i < N; i++) {
        u[i] = rng_normal(&r);
        v[i] = rng_normal(&r);
        d[i * N + i] = s[i];
    }
    reflection(u, N, hu);
    reflection(v, N, hv); /* symmetric: V^T = V */
    matmul(hu, d, N, N, N, t);
    matmul(t, hv, N, N, N, a);
    matrix_ctx c = {a, N, N};
    jc_linear_op op = matrix_op(&c);
    FILE *f = open_output("power.txt");
    fprintf(f, "A = U diag(3, 2.5, 2, 1, 0.5, 0.1) V^T, ||A||_2 = 3\n");
    fprintf(f, "%-9s %-18s %-10s %s\n", "products", "estimate", "error", "error ratio");
    double previous = 0;
    const size_t counts[] = {1, 2, 3, 4, 5, 6, 10, 20, 40};
    for (int k = 0; k < 9; k++) {
        double sigma;
        jc_status st = jc_spectral_norm(&op, 7, 1e-300, counts[k], &sigma, NULL);
        if (st != JC_ERR_NOCONVERGE)
            check(st, "power iteration, a fixed number of steps");
        double err = fabs(sigma - 3);
        fprintf(f, "%-9zu %-18.15f %-10.2e", counts[k], sigma, err);
        if (k > 0 && counts[k] == counts[k - 1] + 1)
            fprintf(f, " %.3f", err / previous);
        fprintf(f, "\n");
        previous = err;
    }
    double sigma;
    size_t its;
    check(jc_spectral_norm(&op, 7, 1e-12, 1000, &sigma, &its), "power iteration");
    fprintf(f, "tol 1e-12: %.15f after %zu products; (2.5 / 3)^4 = %.3f\n", sigma, its,
            pow(2.5 / 3, 4));
    close_output(f);
}

/* One layer's Jacobian D W, formed, for layer l of a traced network. */
static void layer_jacobian(const net_trace *t, size_t l, double *jac)
{
    size_t in = t->sizes[l], out = t->sizes[l + 1], offset = 0, h = 0;
    for (size_t k = 0; k < l; k++) {
        offset += t->sizes[k + 1] * (t->sizes[k] + 1);
        h += t->sizes[k];
    }
    h += t->sizes[l];
    for (size_t i = 0; i < out; i++) {
        double d = 1 - t->h[h + i] * t->h[h + i];
        for (size_t j = 0; j < in; j++)
            jac[i * in + j] = d * t->params[offset + i * in + j];
    }
}

static void net_map(const double *x, double *y, void *ctx)
{
    check(jc_net_forward(ctx, x, y), "the network's forward pass");
}

/* A 4-5-5-3 tanh network: its Jacobian as a product of layer Jacobians, by
 * forward and reverse mode, and by central differences. */
static void chain(void)
{
    static const size_t sizes[] = {4, 5, 5, 3};
    double params[80], x[4] = {0.5, -1, 0.25, 2}, fwd[12], rev[12], cen[12];
    net_fill(3, sizes, params, 1.5, 21);
    jc_tanh_net net = {3, {4, 5, 5, 3}, params};
    check(jc_net_jacobian(&net, x, JC_MODE_FORWARD, fwd, NULL), "forward Jacobian");
    check(jc_net_jacobian(&net, x, JC_MODE_REVERSE, rev, NULL), "reverse Jacobian");
    net_trace t;
    if (net_trace_init(&t, 3, sizes, params) != 0)
        check(JC_ERR_NOMEM, "trace");
    net_trace_run(&t, x);
    double j1[20], j2[25], j3[15], j21[20], product[12];
    layer_jacobian(&t, 0, j1);
    layer_jacobian(&t, 1, j2);
    layer_jacobian(&t, 2, j3);
    matmul(j2, j1, 5, 5, 4, j21);
    matmul(j3, j21, 3, 5, 4, product);
    net_trace_free(&t);
    FILE *f = open_output("chain.txt");
    fprintf(f, "4-5-5-3 tanh network at x = (0.5, -1, 0.25, 2): J = D3 W3 D2 W2 D1 W1\n");
    print_matrix(f, "  ", product, 3, 4);
    jc_map map = {4, 3, net_map, &net};
    check(jc_jacobian_central(&map, x, cen), "central Jacobian");
    fprintf(f, "largest difference from the product: forward mode %.1e, reverse mode %.1e, "
               "central differences %.1e\n",
            max_abs_diff(fwd, product, 12), max_abs_diff(rev, product, 12),
            max_abs_diff(cen, product, 12));
    close_output(f);
}

static void spectral_network(void)
{
    static const size_t sizes[] = {64, 64, 64, 64};
    enum { PARAMS = 3 * 64 * 65 };
    double *params = new_doubles(PARAMS), x[64], jac[64 * 64];
    net_fill(3, sizes, params, 1.5, 31);
    rng r;
    rng_seed(&r, 32);
    for (int i = 0; i < 64; i++)
        x[i] = rng_normal(&r);
    net_trace t;
    if (net_trace_init(&t, 3, sizes, params) != 0)
        check(JC_ERR_NOMEM, "trace");
    net_trace_run(&t, x);
    jc_linear_op op = {64, 64, net_jvp, net_vjp, &t};
    double sigma, bound = 1;
    size_t its, its_formed;
    check(jc_spectral_norm(&op, 1, 1e-12, 10000, &sigma, &its), "spectral norm, matrix-free");
    jc_tanh_net net = {3, {64, 64, 64, 64}, params};
    check(jc_net_jacobian(&net, x, JC_MODE_AUTO, jac, NULL), "the 64-64-64-64 Jacobian");
    matrix_ctx formed_ctx = {jac, 64, 64};
    jc_linear_op formed_op = matrix_op(&formed_ctx);
    double formed;
    check(jc_spectral_norm(&formed_op, 2, 1e-12, 10000, &formed, &its_formed), "formed J");
    FILE *f = open_output("spectral.txt");
    fprintf(f, "64-64-64-64 tanh network, W ~ N(0, 1.5^2 / 64), at a random x:\n");
    fprintf(f, "||J||_2 matrix-free (J v and J^T u only): %.10f, %zu products\n", sigma, its);
    fprintf(f, "||J||_2 of the formed 64 x 64 Jacobian, another start: %.10f, %zu products\n",
            formed,
            its_formed);
    fprintf(f, "per layer ||D_l W_l||_2:");
    for (size_t l = 0; l < 3; l++) {
        double lj[64 * 64];
        layer_jacobian(&t, l, lj);
        double s = spectral_norm_of(lj, 64, 64, NULL);
        bound *= s;
        fprintf(f, " %.4f", s);
    }
    fprintf(f, "; their product %.4f >= ||J||_2\n", bound);
    net_trace_free(&t);
    free(params);
    close_output(f);
}

/* |J^T u| for a unit u at the top of the first L layers of a deep tanh stack
 * (width 128, W ~ N(0, g^2 / 128), b = 0), L = 1..50, averaged over 4 u. */
static void depth(void)
{
    enum { WIDTH = 128, DEPTH = 50, GAINS = 4, TRIALS = 4 };
    const double gains[GAINS] = {0.5, 1.0, 1.5, 3.0};
    static size_t sizes[DEPTH + 1];
    for (int l = 0; l <= DEPTH; l++)
        sizes[l] = WIDTH;
    size_t count = net_size(DEPTH, sizes);
    double *params = new_doubles(count), x[WIDTH], u[WIDTH], g[WIDTH];
    static double rows[DEPTH][GAINS + 1], sigma[GAINS];
    for (int k = 0; k < GAINS; k++) {
        net_fill(DEPTH, sizes, params, gains[k], 41);
        rng r;
        rng_seed(&r, 42);
        for (int i = 0; i < WIDTH; i++)
            x[i] = rng_normal(&r);
        net_trace t;
        if (net_trace_init(&t, DEPTH, sizes, params) != 0)
            check(JC_ERR_NOMEM, "trace");
        net_trace_run(&t, x);
        for (int l = 1; l <= DEPTH; l++) {
            double sum = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                for (int i = 0; i < WIDTH; i++)
                    u[i] = rng_normal(&r);
                double n = norm2(u, WIDTH);
                for (int i = 0; i < WIDTH; i++)
                    u[i] /= n;
                net_vjp_depth(&t, (size_t)l, u, g);
                double gn = norm2(g, WIDTH);
                sum += gn * gn;
            }
            rows[l - 1][0] = l;
            rows[l - 1][k + 1] = sqrt(sum / TRIALS);
        }
        jc_linear_op op = {WIDTH, WIDTH, net_jvp, net_vjp, &t};
        jc_status st = jc_spectral_norm(&op, 1, 1e-6, 2000, &sigma[k], NULL);
        if (st != JC_OK && st != JC_ERR_NOCONVERGE)
            check(st, "spectral norm of the deep stack");
        net_trace_free(&t);
    }
    free(params);
    write_table("depth.dat", "depth, rms |J^T u| for gains 0.5 1 1.5 3", DEPTH, GAINS + 1,
                &rows[0][0]);
    FILE *f = open_output("depth.txt");
    fprintf(f, "%-6s %-12s %-12s %-12s %s\n", "gain", "depth 1", "depth 10", "depth 50",
            "||J||_2 at depth 50");
    for (int k = 0; k < GAINS; k++)
        fprintf(f, "%-6g %-12.3e %-12.3e %-12.3e %.3e\n", gains[k], rows[0][k + 1],
                rows[9][k + 1], rows[DEPTH - 1][k + 1], sigma[k]);
    close_output(f);
}

/* ---- Section 7: the whole Jacobian, forward or reverse -------------------- */

/* Multiply-adds of the matrix products each order does (header: forward
 * J = D1 W1, then J = Dl (Wl J); reverse J = DL WL, then J = (J Dl) Wl). */
static double forward_cost(const jc_tanh_net *net)
{
    double c = 0;
    for (size_t l = 1; l < net->layers; l++)
        c += (double)net->sizes[l + 1] * net->sizes[l] * net->sizes[0];
    return c;
}

static double reverse_cost(const jc_tanh_net *net)
{
    double c = 0, m = (double)net->sizes[net->layers];
    for (size_t l = 0; l + 1 < net->layers; l++)
        c += m * net->sizes[l + 1] * net->sizes[l];
    return c;
}

static const char *auto_choice(const jc_tanh_net *net, const double *x)
{
    size_t n = net->sizes[0], m = net->sizes[net->layers];
    double *a = new_doubles(n * m), *fw = new_doubles(n * m),
           *rv = new_doubles(n * m);
    check(jc_net_jacobian(net, x, JC_MODE_AUTO, a, NULL), "auto");
    check(jc_net_jacobian(net, x, JC_MODE_FORWARD, fw, NULL), "forward");
    check(jc_net_jacobian(net, x, JC_MODE_REVERSE, rv, NULL), "reverse");
    int is_fw = memcmp(a, fw, n * m * sizeof *a) == 0;
    int is_rv = memcmp(a, rv, n * m * sizeof *a) == 0;
    free(a);
    free(fw);
    free(rv);
    return is_fw && !is_rv ? "forward" : is_rv && !is_fw ? "reverse" : "either (same bits)";
}

static void whole_jacobian(void)
{
    FILE *f = open_output("cost.txt");
    fprintf(f, "%-28s %-16s %-16s %s\n", "network", "forward (MACs)", "reverse (MACs)",
            "JC_MODE_AUTO computes");
    static const size_t shapes[][10] = {{3, 784, 256, 256, 10},
                                        {3, 2, 256, 256, 784},
                                        {8, 256, 256, 256, 256, 256, 256, 256, 256, 256}};
    const char *names[] = {"784-256-256-10", "2-256-256-784", "8 layers of 256 (square)"};
    for (int s = 0; s < 3; s++) {
        jc_tanh_net net = {shapes[s][0], {0}, NULL};
        for (size_t l = 0; l <= net.layers; l++)
            net.sizes[l] = shapes[s][l + 1];
        size_t count = jc_net_param_count(&net);
        double *params = new_doubles(count);
        net_fill(net.layers, net.sizes, params, 1.0, 51);
        net.params = params;
        double *x = new_doubles(net.sizes[0]);
        rng r;
        rng_seed(&r, 52);
        for (size_t i = 0; i < net.sizes[0]; i++)
            x[i] = rng_normal(&r);
        fprintf(f, "%-28s %-16.3g %-16.3g %s\n", names[s], forward_cost(&net), reverse_cost(&net),
                auto_choice(&net, x));
        free(x);
        free(params);
    }
    close_output(f);
}

/* ---- Section 8: Newton's method and the robot arm ------------------------ */

static void newton(void)
{
    FILE *f = open_output("newton.txt");
    fprintf(f, "Newton's method on f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1)\n");
    fprintf(f, "%-3s %-22s %-22s %-12s %s\n", "k", "x", "y", "f", "distance to (1, 1)");
    double p[2] = {-1.2, 1};
    jc_dual_map grad = {2, 2, rosenbrock_gradient_dual, NULL};
    for (int k = 0; k <= 8; k++) {
        double d = hypot(p[0] - 1, p[1] - 1);
        fprintf(f, "%-3d %-22.16f %-22.16f %-12.4e %.3e\n", k, p[0], p[1], rosenbrock(p), d);
        if (d == 0)
            break;
        double h[4], g[2];
        check(jc_jacobian_forward(&grad, p, h, g), "the Hessian");
        double det = h[0] * h[3] - h[1] * h[2];
        p[0] -= (h[3] * g[0] - h[1] * g[1]) / det;
        p[1] -= (h[0] * g[1] - h[2] * g[0]) / det;
    }
    close_output(f);
}

static const jc_arm ARM = {1.0, 0.6};

/* The arm's iterates from theta0 toward target: the error after each step. */
static void ik_errors(const double target[2], const double theta0[2], double damping, int steps,
                      double *errors, double paths[][2])
{
    for (int k = 0; k <= steps; k++) {
        double theta[2] = {theta0[0], theta0[1]}, p[2];
        if (k > 0) {
            jc_status st = jc_arm_solve(&ARM, target, damping, 1e-300, (size_t)k, theta, NULL);
            if (st != JC_ERR_NOCONVERGE)
                check(st, "the arm, a fixed number of steps");
        }
        jc_arm_position(&ARM, theta, p);
        errors[k] = hypot(target[0] - p[0], target[1] - p[1]);
        if (paths) {
            paths[k][0] = p[0];
            paths[k][1] = p[1];
        }
    }
}

static void write_pose(FILE *f, const double theta[2])
{
    double elbow[2] = {ARM.l1 * cos(theta[0]), ARM.l1 * sin(theta[0])}, hand[2];
    jc_arm_position(&ARM, theta, hand);
    fprintf(f, "0 0\n%.6f %.6f\n%.6f %.6f\n\n\n", elbow[0], elbow[1], hand[0], hand[1]);
}

static void arm(void)
{
    FILE *f = open_output("arm.txt");
    fprintf(f, "arm l1 = %g, l2 = %g: det J = l1 l2 sin theta2\n", ARM.l1, ARM.l2);
    const double t1s[] = {0, PI / 6, PI / 2, 5 * PI / 6, PI};
    const char *names[] = {"0 (stretched)", "pi/6", "pi/2", "5 pi/6", "pi (folded)"};
    for (int k = 0; k < 5; k++) {
        double theta[2] = {0.3, t1s[k]}, jac[4], det;
        jc_arm_jacobian(&ARM, theta, jac);
        check(jc_determinant(jac, 2, &det), "det of the arm's Jacobian");
        double formula = jc_arm_determinant(&ARM, theta);
        fprintf(f, "  theta2 = %-14s det J = %-9.6f jc_arm_determinant = %.6f\n", names[k],
                fabs(det) < 1e-12 ? 0 : det, fabs(formula) < 1e-12 ? 0 : formula);
    }
    close_output(f);

    const double target[2] = {0.9, 0.9}, start[2] = {0.2, 0.4};
    enum { STEPS = 6 };
    double newton_err[STEPS + 1], damped_err[STEPS + 1], path[STEPS + 1][2];
    ik_errors(target, start, 0, STEPS, newton_err, path);
    ik_errors(target, start, 0.1, STEPS, damped_err, NULL);
    f = open_output("ik.txt");
    fprintf(f, "target (%g, %g) from theta = (%g, %g): |target - p(theta)| after each step\n",
            target[0], target[1], start[0], start[1]);
    fprintf(f, "%-5s %-24s %s\n", "step", "Newton (damping 0)", "damping 0.1");
    for (int k = 0; k <= STEPS; k++)
        fprintf(f, "%-5d %-24.3e %.3e\n", k, newton_err[k], damped_err[k]);
    double theta[2] = {start[0], start[1]};
    size_t its;
    check(jc_arm_solve(&ARM, target, 0, 1e-12, 50, theta, &its), "arm, Newton");
    fprintf(f, "Newton to 1e-12: %zu steps, theta = (%.6f, %.6f)\n", its, theta[0], theta[1]);
    close_output(f);

    f = open_output("arm_poses.dat");
    fprintf(f, "# shoulder, elbow, hand of the start pose and the solution (one block each)\n");
    write_pose(f, start);
    write_pose(f, theta);
    close_output(f);
    write_table("arm_path.dat", "the hand after each Newton step", STEPS + 1, 2, &path[0][0]);
    double tp[1][2] = {{target[0], target[1]}};
    write_table("arm_target.dat", "the target", 1, 2, &tp[0][0]);
}

/* ---- Section 9: the two scores and Langevin sampling --------------------- */

/* The Fisher score of N(mu, sigma^2) and its information, by Monte Carlo. */
static void fisher(void)
{
    enum { N = 1000000 };
    const double mu = 1, sigma = 2;
    rng r;
    rng_seed(&r, 9);
    double outer[3] = {0}, hess[3] = {0}, mean[2] = {0};
    for (int i = 0; i < N; i++) {
        double x = mu + sigma * rng_normal(&r), e = (x - mu) / sigma;
        double s_mu = e / sigma, s_sigma = (e * e - 1) / sigma;
        mean[0] += s_mu;
        mean[1] += s_sigma;
        outer[0] += s_mu * s_mu;
        outer[1] += s_mu * s_sigma;
        outer[2] += s_sigma * s_sigma;
        hess[0] += 1 / (sigma * sigma);               /* -d2/dmu2 */
        hess[1] += 2 * e / (sigma * sigma);           /* -d2/dmu dsigma */
        hess[2] += (3 * e * e - 1) / (sigma * sigma); /* -d2/dsigma2 */
    }
    FILE *f = open_output("fisher.txt");
    fprintf(f, "N(mu = %g, sigma = %g), %d samples\n", mu, sigma, N);
    fprintf(f, "mean Fisher score             (%.4f, %.4f)   exact (0, 0)\n", mean[0] / N,
            mean[1] / N);
    fprintf(f, "mean of s s^T                 [%.4f, %.4f; %.4f, %.4f]\n", outer[0] / N,
            outer[1] / N, outer[1] / N, outer[2] / N);
    fprintf(f, "mean of -Hessian of log p     [%.4f, %.4f; %.4f, %.4f]\n", hess[0] / N,
            hess[1] / N, hess[1] / N, hess[2] / N);
    fprintf(f, "exact diag(1/sigma^2, 2/sigma^2) = [%.4f, 0; 0, %.4f]\n", 1 / (sigma * sigma),
            2 / (sigma * sigma));
    close_output(f);
}

static const double MIX_WEIGHTS[] = {0.5, 0.3, 0.2};
static const double MIX_MEANS[] = {-1.2, -0.4, 1.2, 0.2, 0.0, 1.5};
static const double MIX_SIGMAS[] = {0.6, 0.5, 0.4};
static const jc_mixture MIX = {3, MIX_WEIGHTS, MIX_MEANS, MIX_SIGMAS};

static void log_density_map(const double *x, double *y, void *ctx)
{
    double s[2];
    check(jc_mixture_score(ctx, x, s, y), "the mixture's log-density");
}

/* The score the textbook way: sum w N (mu - x) / s^2 over sum w N. */
static void naive_score(const jc_mixture *mix, const double x[2], double s[2])
{
    double num[2] = {0}, den = 0;
    for (size_t c = 0; c < mix->k; c++) {
        double dx = x[0] - mix->means[2 * c], dy = x[1] - mix->means[2 * c + 1];
        double s2 = mix->sigmas[c] * mix->sigmas[c];
        double p = mix->weights[c] * exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * PI * s2);
        num[0] += p * -dx / s2;
        num[1] += p * -dy / s2;
        den += p;
    }
    s[0] = num[0] / den;
    s[1] = num[1] / den;
}

static void stein(void)
{
    FILE *f = open_output("stein.txt");
    fprintf(f, "%-14s %-26s %-26s %s\n", "x", "jc_mixture_score", "central diff. of log p",
            "textbook quotient");
    const double points[][2] = {{0, 0}, {1, 1}, {-3, 2}, {40, 0}, {1000, 1000}};
    jc_map logp = {2, 1, log_density_map, (void *)&MIX};
    for (int k = 0; k < 5; k++) {
        double s[2], g[2], n[2];
        check(jc_mixture_score(&MIX, points[k], s, NULL), "score");
        check(jc_jacobian_central(&logp, points[k], g), "gradient of log p");
        naive_score(&MIX, points[k], n);
        char at[32], a[40], b[40], c[40];
        snprintf(at, sizeof at, "(%g, %g)", points[k][0], points[k][1]);
        snprintf(a, sizeof a, "(%.6g, %.6g)", s[0], s[1]);
        snprintf(b, sizeof b, "(%.6g, %.6g)", g[0], g[1]);
        if (isnan(n[0]) || isnan(n[1]))
            snprintf(c, sizeof c, "0 / 0");
        else
            snprintf(c, sizeof c, "(%.6g, %.6g)", n[0], n[1]);
        fprintf(f, "%-14s %-26s %-26s %s\n", at, a, b, c);
    }
    close_output(f);
}

static void langevin_mixture(void)
{
    enum { SAMPLES = 4000, THIN = 25, BURN = 1000 };
    const double step = 0.01, x0[2] = {0, 0};
    jc_score_fn p = {2, mixture_score_fn, (void *)&MIX};
    double *samples = new_doubles(SAMPLES * 2);
    check(jc_langevin(&p, x0, step, BURN, THIN, SAMPLES, 77, samples), "Langevin");
    write_table("langevin.dat", "x y: Langevin samples of the mixture (step 0.01)", SAMPLES, 2,
                samples);
    size_t nearest[3] = {0};
    double mean[2] = {0};
    for (int i = 0; i < SAMPLES; i++) {
        const double *x = samples + 2 * i;
        double best = -INFINITY;
        size_t which = 0;
        for (size_t c = 0; c < 3; c++) { /* the most responsible component */
            double dx = x[0] - MIX_MEANS[2 * c], dy = x[1] - MIX_MEANS[2 * c + 1];
            double s2 = MIX_SIGMAS[c] * MIX_SIGMAS[c];
            double l = log(MIX_WEIGHTS[c] / s2) - (dx * dx + dy * dy) / (2 * s2);
            if (l > best) {
                best = l;
                which = c;
            }
        }
        nearest[which]++;
        mean[0] += x[0] / SAMPLES;
        mean[1] += x[1] / SAMPLES;
    }
    free(samples);
    double true_mean[2] = {0};
    for (int c = 0; c < 3; c++) {
        true_mean[0] += MIX_WEIGHTS[c] * MIX_MEANS[2 * c];
        true_mean[1] += MIX_WEIGHTS[c] * MIX_MEANS[2 * c + 1];
    }
    FILE *f = open_output("langevin.txt");
    fprintf(f, "%d samples, step %g, every %dth of %d steps after %d of burn-in\n", SAMPLES,
            step, THIN, SAMPLES * THIN, BURN);
    fprintf(f, "share of samples by most responsible component: %.3f %.3f %.3f "
               "(weights 0.5 0.3 0.2)\n",
            (double)nearest[0] / SAMPLES, (double)nearest[1] / SAMPLES,
            (double)nearest[2] / SAMPLES);
    fprintf(f, "sample mean (%.3f, %.3f), mixture mean (%.3f, %.3f)\n", mean[0], mean[1],
            true_mean[0], true_mean[1]);
    close_output(f);

    enum { N = 81 };
    double xs[N], ys[N];
    static double dens[N * N];
    for (int i = 0; i < N; i++) {
        xs[i] = -3.5 + 6.0 * i / (N - 1);
        ys[i] = -2.5 + 5.5 * i / (N - 1);
    }
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            double x[2] = {xs[i], ys[j]}, s[2], lp;
            check(jc_mixture_score(&MIX, x, s, &lp), "density");
            dens[j * N + i] = exp(lp);
        }
    write_grid("mixture.dat", "x y p(x, y)", N, xs, N, ys, dens);
}

/* The unadjusted chain's variance for N(0, 1): measured against
 * s^2 / (1 - step / (4 s^2)). */
static double langevin_variance(double step, size_t n, uint64_t seed)
{
    const double s = 1, x0 = 0;
    jc_score_fn p = {1, gaussian_score_fn, (void *)&s};
    double *samples = new_doubles(n);
    check(jc_langevin(&p, &x0, step, 1000, 2, n, seed, samples), "Langevin, Gaussian");
    double mean = 0, var = 0;
    for (size_t i = 0; i < n; i++)
        mean += samples[i] / (double)n;
    for (size_t i = 0; i < n; i++)
        var += (samples[i] - mean) * (samples[i] - mean) / (double)n;
    free(samples);
    return var;
}

static void langevin_bias(void)
{
    FILE *f = open_output("bias.txt");
    enum { N = 500000 };
    fprintf(f, "target N(0, 1); %d samples (every 2nd step) per step size\n", N);
    fprintf(f, "%-6s %-10s %s\n", "step", "variance", "predicted 1 / (1 - step / 4)");
    const double steps[] = {0.1, 0.5, 1, 2, 3};
    for (int k = 0; k < 5; k++)
        fprintf(f, "%-6g %-10.4f %.4f\n", steps[k], langevin_variance(steps[k], N, 90 + k),
                1 / (1 - steps[k] / 4));
    close_output(f);
}

/* ---- Section 10: what goes wrong ---------------------------------------- */

/* (sqrt(x + h) - sqrt(x - h)) / 2h, dividing by the step x + h really took. */
static double sqrt_central(double x, double h)
{
    volatile double up = x + h;
    double step = up - x;
    return (sqrt(x + step) - sqrt(x - step)) / (2 * step);
}

static void bad_steps(void)
{
    FILE *f = open_output("bad_step.txt");
    fprintf(f, "f(x) = sqrt x, f'(x) = 1 / (2 sqrt x); relative errors of central differences\n");
    fprintf(f, "%-7s %-24s %-16s %-22s %s\n", "x", "(x + 1e-6) - x", "with h = 1e-6",
            "jc_central_step(x)", "with it");
    const double xs[] = {1, 1e4, 1e8, 1e12};
    for (int k = 0; k < 4; k++) {
        double x = xs[k], exact = 0.5 / sqrt(x), h = jc_central_step(x);
        volatile double up = x + 1e-6;
        double fixed = sqrt_central(x, 1e-6);
        char err[32];
        if (isnan(fixed))
            snprintf(err, sizeof err, "0 / 0");
        else
            snprintf(err, sizeof err, "%.1e", fabs(fixed - exact) / exact);
        fprintf(f, "%-7g %-24.17g %-16s %-22.6g %.1e\n", x, up - x, err, h,
                fabs(sqrt_central(x, h) - exact) / exact);
    }
    close_output(f);
}

static void tanh_derivative(void)
{
    FILE *f = open_output("tanh.txt");
    fprintf(f, "%-5s %-14s %-14s %s\n", "z", "1 - tanh^2 z", "jc_dual_tanh", "exact");
    const double zs[] = {5, 10, 20, 40, 400};
    for (int k = 0; k < 5; k++) {
        double t = tanh(zs[k]);
        long double e = expl(-2 * (long double)zs[k]);
        fprintf(f, "%-5g %-14.6g %-14.6g %.6Lg\n", zs[k], 1 - t * t,
                jc_dual_tanh(jc_dual_var(zs[k])).d, 4 * e / ((1 + e) * (1 + e)));
    }
    close_output(f);
}

static void log_determinants(void)
{
    enum { N = 400 };
    double *a = new_doubles(N * N);
    FILE *f = open_output("logdet.txt");
    fprintf(f, "%-30s %-12s %-6s %-14s %s\n", "400 x 400 matrix", "det", "sign", "log |det|",
            "log10 |det|");
    const double scales[] = {1000, 0.001};
    const char *names[] = {"1000 I", "0.001 I"};
    for (int k = 0; k < 3; k++) {
        if (k < 2) {
            memset(a, 0, N * N * sizeof *a);
            for (int i = 0; i < N; i++)
                a[i * N + i] = scales[k];
        } else {
            rng r;
            rng_seed(&r, 61);
            for (int i = 0; i < N * N; i++)
                a[i] = rng_normal(&r);
        }
        double det, sign, log_abs;
        check(jc_determinant(a, N, &det), "det");
        check(jc_log_determinant(a, N, &sign, &log_abs), "log det");
        fprintf(f, "%-30s %-12g %-6g %-14.6f %.4f\n", k < 2 ? names[k] : "entries N(0, 1), seed 61",
                det, sign, log_abs, log_abs / log(10.0));
    }
    free(a);
    close_output(f);
}

static void report_solve(FILE *f, const char *what, const double target[2], double damping,
                         const double start[2])
{
    double theta[2] = {start[0], start[1]}, p[2];
    size_t its = 0;
    jc_status st = jc_arm_solve(&ARM, target, damping, 1e-10, 100, theta, &its);
    jc_arm_position(&ARM, theta, p);
    char t[48];
    snprintf(t, sizeof t, "(%.4g, %.4g)", theta[0], theta[1]);
    fprintf(f, "%-44s %-6g %-6zu %-20s %s\n", what, damping, its, t, jc_status_str(st));
}

static void singular_newton(void)
{
    FILE *f = open_output("ik_singular.txt");
    fprintf(f, "arm l1 = 1, l2 = 0.6; tolerance 1e-10, at most 100 steps\n");
    fprintf(f, "%-44s %-6s %-6s %-20s %s\n", "", "damp.", "steps", "final theta", "status");
    const double inside[2] = {0.9, 0.9}, stretched[2] = {0.5, 0}, bent[2] = {0.2, 0.4};
    report_solve(f, "target (0.9, 0.9), from (0.5, 0)", inside, 0, stretched);
    report_solve(f, "target (0.9, 0.9), from (0.5, 0)", inside, 0.1, stretched);
    const double edge[2] = {1.6 * cos(0.3), 1.6 * sin(0.3)};
    report_solve(f, "target on the outer circle, from (0.2, 0.4)", edge, 0, bent);
    report_solve(f, "target on the outer circle, from (0.2, 0.4)", edge, 0.1, bent);
    report_solve(f, "target (0.9, 0.9), from (0.2, 0.4)", inside, 0, bent);
    close_output(f);
}

static void langevin_too_large(void)
{
    const double s = 1, x0 = 0.5;
    jc_score_fn p = {1, gaussian_score_fn, (void *)&s};
    double samples[8];
    check(jc_langevin(&p, &x0, 4.5, 0, 25, 8, 3, samples), "Langevin, too large a step");
    FILE *f = open_output("langevin_big.txt");
    fprintf(f, "target N(0, 1), step 4.5: x_(t+1) = -1.25 x_t + sqrt(4.5) z_t\n");
    for (int i = 0; i < 8; i++)
        fprintf(f, "step %3d: x = %.4g\n", 25 * (i + 1), samples[i]);
    close_output(f);
}

int main(int argc, char *argv[])
{
    demo_start(argc, argv);
    by_hand();
    linearization();
    hadamard();
    collapse();
    central_error();
    central_steps();
    dual_numbers();
    determinants();
    image_areas();
    warp();
    singular_curves();
    singular_point();
    polar_monte_carlo();
    power_iteration();
    chain();
    spectral_network();
    depth();
    whole_jacobian();
    newton();
    arm();
    fisher();
    stein();
    langevin_mixture();
    langevin_bias();
    bad_steps();
    tanh_derivative();
    log_determinants();
    singular_newton();
    langevin_too_large();
    return 0;
}
