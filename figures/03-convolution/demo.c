/* demo.c: computes every number and figure of lesson 03 from the solution.
 *
 *     build/solutions/opt/bin/demo-03-convolution OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it), OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside this
 * file) and OUT_DIR/gallery.png, the photograph through the chapter's
 * kernels (drawn here, through stb_image_write). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../demo.h"
#include "convolution.h"
#include "image.h"

#define PHOTO "data/chelsea.png"

static void check(cv_status status, const char *what)
{
    if (status != CV_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, cv_status_str(status));
        exit(1);
    }
}

static void *allocate(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return p;
}

static void print_signal(FILE *f, const char *label, const double *v, size_t n)
{
    fprintf(f, "%-34s [", label);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%g", i ? ", " : "", v[i]);
    fprintf(f, "]\n");
}

/* Section 2: the source's shifting example, both ways, and the blur. */
static void shifting(void)
{
    const double f[] = {0, 0, 0, 3, 4, 5, 4, 3, 0, 0};
    const double first[] = {1, 0, 0}, last[] = {0, 0, 1}, blur[] = {0.8, 0.1, 0.1};
    double out[4][10];
    FILE *txt = open_output("shift.txt");
    print_signal(txt, "f", f, 10);
    check(cv_correlate1d(f, 10, first, 3, CV_SAME, out[0]), "correlating");
    print_signal(txt, "correlate(f, [1, 0, 0])", out[0], 10);
    check(cv_correlate1d(f, 10, last, 3, CV_SAME, out[1]), "correlating");
    print_signal(txt, "correlate(f, [0, 0, 1])", out[1], 10);
    check(cv_convolve1d(f, 10, first, 3, CV_SAME, out[2]), "convolving");
    print_signal(txt, "convolve(f, [1, 0, 0])", out[2], 10);
    check(cv_convolve1d(f, 10, last, 3, CV_SAME, out[2]), "convolving");
    print_signal(txt, "convolve(f, [0, 0, 1])", out[2], 10);
    check(cv_correlate1d(f, 10, blur, 3, CV_SAME, out[3]), "correlating");
    print_signal(txt, "correlate(f, [0.8, 0.1, 0.1])", out[3], 10);
    close_output(txt);

    double rows[10][5];
    for (int i = 0; i < 10; i++) {
        rows[i][0] = i;
        rows[i][1] = f[i];
        rows[i][2] = out[0][i];
        rows[i][3] = out[1][i];
        rows[i][4] = out[3][i];
    }
    write_table("shift.dat", "i f right_shift left_shift blur", 10, 5, &rows[0][0]);
}

/* Section 2: the kernel sliding over the signal, stopped at output 4, both
 * ways; and where one sample's mass goes under the blurred shift. */
static void sliding(void)
{
    enum { N = 10, K = 3, AT = 4 };
    const double f[N] = {0, 0, 0, 3, 4, 5, 4, 3, 0, 0}, g[K] = {0.8, 0.1, 0.1};
    const double flipped[K] = {g[2], g[1], g[0]};
    double corr[N], conv[N], impulse[N] = {0}, spread[N];
    check(cv_correlate1d(f, N, g, K, CV_SAME, corr), "correlating");
    check(cv_convolve1d(f, N, g, K, CV_SAME, conv), "convolving");
    impulse[AT] = 1;
    check(cv_correlate1d(impulse, N, g, K, CV_SAME, spread), "correlating an impulse");
    double sum_f = 0, sum_corr = 0;
    for (int i = 0; i < N; i++) {
        sum_f += f[i];
        sum_corr += corr[i];
    }

    FILE *txt = open_output("slide.txt");
    fprintf(txt, "f = [0, 0, 0, 3, 4, 5, 4, 3, 0, 0], g = [0.8, 0.1, 0.1], 'same', output i = %d\n",
            AT);
    fprintf(txt, "correlate: g[0] f[3] + g[1] f[4] + g[2] f[5] = %g*%g + %g*%g + %g*%g = %g\n", g[0],
            f[3], g[1], f[4], g[2], f[5], corr[AT]);
    fprintf(txt, "convolve:  g[2] f[3] + g[1] f[4] + g[0] f[5] = %g*%g + %g*%g + %g*%g = %g\n", g[2],
            f[3], g[1], f[4], g[0], f[5], conv[AT]);
    print_signal(txt, "impulse at 4", impulse, N);
    print_signal(txt, "correlate(impulse, g)", spread, N);
    fprintf(txt, "sum of f %g, sum of correlate(f, g) %g\n", sum_f, sum_corr);
    close_output(txt);

    /* Cells to draw: x, row (0 signal, 1 kernel, 2 output), value, panel (0
     * correlation, 1 convolution), mark (1 for the cells output AT uses). */
    double rows[2 * (N + K + N)][5];
    size_t r = 0;
    for (int panel = 0; panel < 2; panel++) {
        const double *kernel = panel ? flipped : g, *out = panel ? conv : corr;
        for (int i = 0; i < N; i++) {
            double cell[5] = {i, 0, f[i], panel, i >= AT - 1 && i <= AT + 1};
            memcpy(rows[r++], cell, sizeof cell);
        }
        for (int j = 0; j < K; j++) {
            double cell[5] = {AT - 1 + j, 1, kernel[j], panel, 1};
            memcpy(rows[r++], cell, sizeof cell);
        }
        for (int i = 0; i < N; i++) {
            double cell[5] = {i, 2, out[i], panel, i == AT};
            memcpy(rows[r++], cell, sizeof cell);
        }
    }
    write_table("slide1d.dat", "x row value panel mark", r, 5, &rows[0][0]);
}

/* Section 5: a 3 x 3 kernel (Sobel's horizontal gradient) sliding over a
 * 5 x 5 patch with a vertical edge, 'valid' mode, stopped at output (1, 1). */
static void sliding2d(void)
{
    enum { H = 5, W = 5, KS = 3, OH = H - KS + 1, OW = W - KS + 1, AY = 1, AX = 1 };
    const float img[H * W] = {1, 1, 1, 5, 5, 1, 1, 1, 5, 5, 1, 1, 2, 5, 5,
                              1, 1, 2, 6, 5, 1, 1, 2, 6, 6};
    const float k[KS * KS] = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
    float corr[OH * OW], conv[OH * OW];
    check(cv_correlate2d(img, H, W, k, KS, KS, CV_VALID, corr), "correlating the patch");
    check(cv_convolve2d(img, H, W, k, KS, KS, CV_VALID, conv), "convolving the patch");

    FILE *txt = open_output("slide2d.txt");
    fprintf(txt, "patch 5x5, Sobel kernel [-1 0 1; -2 0 2; -1 0 1], 'valid': 3x3 outputs\n");
    fprintf(txt, "window under output (1, 1) and its products with the kernel:\n");
    for (int i = 0; i < KS; i++) {
        fprintf(txt, "  [");
        for (int j = 0; j < KS; j++)
            fprintf(txt, "%s%g", j ? " " : "", img[(AY + i) * W + AX + j]);
        fprintf(txt, "]  ->  [");
        for (int j = 0; j < KS; j++)
            fprintf(txt, "%s%3g", j ? " " : "", img[(AY + i) * W + AX + j] * k[i * KS + j]);
        fprintf(txt, "]\n");
    }
    fprintf(txt, "sum of the products: out[1][1] = %g\n", corr[AY * OW + AX]);
    fprintf(txt, "correlate2d:         [");
    for (int i = 0; i < OH * OW; i++)
        fprintf(txt, "%s%g", i % OW ? " " : i ? "; " : "", corr[i]);
    fprintf(txt, "]\nconvolve2d:          [");
    for (int i = 0; i < OH * OW; i++)
        fprintf(txt, "%s%g", i % OW ? " " : i ? "; " : "", conv[i]);
    fprintf(txt, "]\n");
    close_output(txt);

    /* Cells: x, y, value, panel (0 patch, 1 kernel, 2 output), mark. */
    double rows[H * W + KS * KS + OH * OW][5];
    size_t r = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            double cell[5] = {x, y, img[y * W + x], 0,
                              y >= AY && y < AY + KS && x >= AX && x < AX + KS};
            memcpy(rows[r++], cell, sizeof cell);
        }
    for (int y = 0; y < KS; y++)
        for (int x = 0; x < KS; x++) {
            double cell[5] = {x, y, k[y * KS + x], 1, 1};
            memcpy(rows[r++], cell, sizeof cell);
        }
    for (int y = 0; y < OH; y++)
        for (int x = 0; x < OW; x++) {
            double cell[5] = {x, y, corr[y * OW + x], 2, y == AY && x == AX};
            memcpy(rows[r++], cell, sizeof cell);
        }
    write_table("slide2d.dat", "x y value panel mark", r, 5, &rows[0][0]);
}

/* Section 3: a box signal of n = 12 and a kernel of k = 5 in the three
 * modes. Each output is placed at the position of the signal sample that
 * the kernel's centre covers, so that the three line up. */
static void borders(void)
{
    enum { N = 12, K = 5 };
    double f[N] = {0}, g[K];
    for (int i = 3; i < 9; i++)
        f[i] = 1;
    for (int j = 0; j < K; j++)
        g[j] = 1.0 / K;
    double valid[N], same[N], full[N + K - 1];
    check(cv_correlate1d(f, N, g, K, CV_VALID, valid), "valid");
    check(cv_correlate1d(f, N, g, K, CV_SAME, same), "same");
    check(cv_correlate1d(f, N, g, K, CV_FULL, full), "full");
    size_t n_valid = cv_output_size(N, K, CV_VALID), n_full = cv_output_size(N, K, CV_FULL);

    FILE *txt = open_output("modes.txt");
    fprintf(txt, "signal n = %d, kernel k = %d\n", N, K);
    for (cv_mode m = CV_VALID; m <= CV_FULL; m++)
        fprintf(txt, "%-5s %2zu outputs\n", cv_mode_str(m), cv_output_size(N, K, m));
    print_signal(txt, "valid", valid, n_valid);
    print_signal(txt, "same", same, N);
    print_signal(txt, "full", full, n_full);
    close_output(txt);

    /* columns: position, signal (NaN outside), valid, same, full */
    enum { ROWS = N + K - 1 };
    double rows[ROWS][5];
    for (int r = 0; r < ROWS; r++) {
        int t = r - (K - 1) + (K - 1) / 2; /* the sample under the kernel's centre */
        rows[r][0] = t;
        rows[r][1] = t >= 0 && t < N ? f[t] : NAN;
        int v = t - (K - 1) / 2;
        rows[r][2] = v >= 0 && v < (int)n_valid ? valid[v] : NAN;
        rows[r][3] = t >= 0 && t < N ? same[t] : NAN;
        rows[r][4] = full[r];
    }
    write_table("modes.dat", "position signal valid same full", ROWS, 5, &rows[0][0]);
}

/* Writes pixels, mapped from [lo, hi], into the w-wide tile (ty, tx) of a
 * canvas of tiles. */
static void place(float *canvas, size_t canvas_w, size_t ty, size_t tx, const float *pixels,
                  size_t h, size_t w, float lo, float hi)
{
    for (size_t y = 0; y < h; y++)
        for (size_t x = 0; x < w; x++) {
            float v = (pixels[y * w + x] - lo) / (hi - lo);
            canvas[(ty * h + y) * canvas_w + tx * w + x] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
}

typedef struct {
    float min, max, mean_abs;
} image_stats;

static image_stats stats(const float *p, size_t n)
{
    image_stats s = {p[0], p[0], 0};
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
        s.min = p[i] < s.min ? p[i] : s.min;
        s.max = p[i] > s.max ? p[i] : s.max;
        sum += fabs(p[i]);
    }
    s.mean_abs = (float)(sum / (double)n);
    return s;
}

/* Section 5: the photograph through the kernel gallery, as one PNG. */
static void gallery(void)
{
    cv_image photo;
    char err[256];
    if (cv_image_load(PHOTO, &photo, err, sizeof err) != CV_OK) {
        fprintf(stderr, "demo: %s\n", err);
        exit(1);
    }
    size_t h = photo.h, w = photo.w, n = h * w;
    const float edge[] = {-1, -1, -1, -1, 8, -1, -1, -1, -1};
    const float sharpen[] = {0, -1, 0, -1, 5, -1, 0, -1, 0};
    const float sobel_x[] = {-1, 0, 1, -2, 0, 2, -1, 0, 1};
    const float sobel_y[] = {-1, -2, -1, 0, 0, 0, 1, 2, 1};
    float box[25], gauss[9];
    for (int i = 0; i < 25; i++)
        box[i] = 1.0f / 25;
    check(cv_gaussian_kernel(2.0, 4, gauss), "the Gaussian");

    float *edges = allocate(n, sizeof *edges), *boxed = allocate(n, sizeof *boxed);
    float *blurred = allocate(n, sizeof *blurred), *sharp = allocate(n, sizeof *sharp);
    float *gx = allocate(n, sizeof *gx), *gy = allocate(n, sizeof *gy);
    check(cv_correlate2d(photo.pixels, h, w, edge, 3, 3, CV_SAME, edges), "edges");
    check(cv_correlate2d(photo.pixels, h, w, box, 5, 5, CV_SAME, boxed), "box blur");
    check(cv_correlate_separable(photo.pixels, h, w, gauss, 9, gauss, 9, CV_SAME, blurred),
          "Gaussian blur");
    check(cv_correlate2d(photo.pixels, h, w, sharpen, 3, 3, CV_SAME, sharp), "sharpen");
    check(cv_correlate2d(photo.pixels, h, w, sobel_x, 3, 3, CV_SAME, gx), "Sobel x");
    check(cv_correlate2d(photo.pixels, h, w, sobel_y, 3, 3, CV_SAME, gy), "Sobel y");
    for (size_t i = 0; i < n; i++)
        gx[i] = hypotf(gx[i], gy[i]); /* the gradient's magnitude */

    FILE *txt = open_output("gallery.txt");
    fprintf(txt, "%s: %zu x %zu pixels (h x w), gray values in [0, 1]\n", PHOTO, h, w);
    struct {
        const char *name;
        const float *pixels;
    } shown[] = {{"photograph", photo.pixels}, {"edge kernel", edges},
                 {"box blur 5x5", boxed},      {"Gaussian sigma 2", blurred},
                 {"sharpen", sharp},           {"Sobel magnitude", gx}};
    for (size_t i = 0; i < 6; i++) {
        image_stats s = stats(shown[i].pixels, n);
        fprintf(txt, "%-17s min %7.3f  max %6.3f  mean |value| %.3f\n", shown[i].name, s.min,
                s.max, s.mean_abs);
    }
    close_output(txt);

    /* Two rows of three: photograph, box blur, Gaussian / edges, sharpen,
     * Sobel. Edge responses are signed and small: shown as |value| * 2. */
    size_t canvas_w = 3 * w;
    float *canvas = allocate(6 * n, sizeof *canvas);
    for (size_t i = 0; i < n; i++)
        edges[i] = fabsf(edges[i]);
    place(canvas, canvas_w, 0, 0, photo.pixels, h, w, 0, 1);
    place(canvas, canvas_w, 0, 1, boxed, h, w, 0, 1);
    place(canvas, canvas_w, 0, 2, blurred, h, w, 0, 1);
    place(canvas, canvas_w, 1, 0, edges, h, w, 0, 0.5f);
    place(canvas, canvas_w, 1, 1, sharp, h, w, 0, 1);
    place(canvas, canvas_w, 1, 2, gx, h, w, 0, 1);
    char path[1024];
    output_path(path, sizeof path, "gallery.png");
    check(cv_image_save_png(path, canvas, 2 * h, canvas_w, err, sizeof err), err);

    free(canvas);
    free(edges);
    free(boxed);
    free(blurred);
    free(sharp);
    free(gx);
    free(gy);
    cv_image_free(&photo);
}

/* Section 6: the cost of a separable kernel, in multiplications per pixel. */
static void separable_cost(void)
{
    FILE *txt = open_output("separable.txt");
    fprintf(txt, "kernel  2-D taps  two 1-D passes  saving\n");
    for (size_t k = 3; k <= 15; k += 4)
        fprintf(txt, "%2zux%-2zu   %8zu  %14zu  %5.1fx\n", k, k, k * k, 2 * k,
                (double)(k * k) / (double)(2 * k));
    close_output(txt);
}

/* Section 6: Gaussian kernels of radius 2 from a vanishing to a huge sigma. */
static void gaussian_limits(void)
{
    FILE *txt = open_output("gaussian_limits.txt");
    const double sigmas[] = {1e-170, 0.3, 1, 3, 1e300};
    for (int s = 0; s < 5; s++) {
        float k[5];
        check(cv_gaussian_kernel(sigmas[s], 2, k), "a Gaussian kernel");
        fprintf(txt, "sigma %-6g [%.6f %.6f %.6f %.6f %.6f]\n", sigmas[s], k[0], k[1], k[2],
                k[3], k[4]);
    }
    close_output(txt);
}

/* Section 8: the lecture's pooling examples. */
static void pooling(void)
{
    const float max_img[] = {29, 15, 28, 184, 0, 100, 70, 38, 12, 12, 7, 2, 12, 12, 45, 6};
    const float avg_img[] = {31, 15, 28, 184, 0, 100, 70, 38, 12, 12, 7, 2, 12, 12, 45, 6};
    float max_out[4], avg_out[4], overlap[9];
    check(cv_pool(max_img, 4, 4, 2, 2, CV_POOL_MAX, max_out), "max pooling");
    check(cv_pool(avg_img, 4, 4, 2, 2, CV_POOL_AVERAGE, avg_out), "average pooling");
    check(cv_pool(max_img, 4, 4, 2, 1, CV_POOL_MAX, overlap), "overlapping max pooling");
    FILE *txt = open_output("pooling.txt");
    fprintf(txt, "max 2x2, stride 2:     [%g %g; %g %g]\n", max_out[0], max_out[1], max_out[2],
            max_out[3]);
    fprintf(txt, "average 2x2, stride 2: [%g %g; %g %g]\n", avg_out[0], avg_out[1], avg_out[2],
            avg_out[3]);
    fprintf(txt, "max 2x2, stride 1:     [%g %g %g; %g %g %g; %g %g %g]\n", overlap[0],
            overlap[1], overlap[2], overlap[3], overlap[4], overlap[5], overlap[6], overlap[7],
            overlap[8]);
    fprintf(txt, "max 3x3, stride 2:     %s\n",
            cv_status_str(cv_pool(max_img, 4, 4, 3, 2, CV_POOL_MAX, overlap)));
    close_output(txt);

    /* One table for the heat maps: x y value panel (0 input for max, 1 max,
     * 2 input for average, 3 average), with y counted from the top; window,
     * the 2 x 2 window (0 to 3, row by row) a pixel falls in or an output
     * comes from; mark, 1 for the pixel a max window keeps. */
    double rows[16 * 2 + 4 * 2][6];
    size_t r = 0;
    for (int panel = 0; panel < 4; panel++) {
        int side = panel % 2 ? 2 : 4;
        const float *v = panel == 0 ? max_img : panel == 1 ? max_out : panel == 2 ? avg_img : avg_out;
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                int window = side == 4 ? (y / 2) * 2 + x / 2 : y * 2 + x;
                rows[r][0] = x;
                rows[r][1] = y;
                rows[r][2] = v[y * side + x];
                rows[r][3] = panel;
                rows[r][4] = window;
                rows[r][5] = panel == 0 && v[y * side + x] == max_out[window];
                r++;
            }
    }
    write_table("pooling.dat", "x y value panel window mark", r, 6, &rows[0][0]);
}

int main(int argc, char **argv)
{
    demo_start(argc, argv);
    shifting();
    sliding();
    sliding2d();
    borders();
    gallery();
    separable_cost();
    gaussian_limits();
    pooling();
    return 0;
}
