/* examples.c: the digits, matrix helpers, digit images and a softmax
 * classifier for lesson 06's demo. */
#include "examples.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "gemm.h"
#include "image.h"

void check(pc_status s, const char *what)
{
    if (s != PC_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, pc_status_str(s));
        exit(1);
    }
}

double *new_doubles(size_t count)
{
    double *p = calloc(count ? count : 1, sizeof *p);
    if (!p)
        check(PC_ERR_NOMEM, "allocating the demo's arrays");
    return p;
}

digits digits_load(const char *path)
{
    digits data = {0, 64, NULL, NULL};
    size_t cap = 2048;
    data.x = new_doubles(cap * 64);
    data.label = calloc(cap, sizeof *data.label);
    csv_reader r = {0};
    if (!data.label || csv_open(&r, path) != 0) {
        perror(path);
        exit(1);
    }
    while (csv_read_row(&r) == 1) {
        if (r.nfields != 65 || data.n == cap) {
            fprintf(stderr, "%s:%zu: expected 64 pixels and a label\n", path, r.line);
            exit(1);
        }
        for (size_t j = 0; j < 64; j++)
            data.x[data.n * 64 + j] = strtod(r.fields[j], NULL);
        data.label[data.n++] = atoi(r.fields[64]);
    }
    csv_close(&r);
    return data;
}

void digits_free(digits *data)
{
    free(data->x);
    free(data->label);
}

void matmul(const double *a, const double *b, size_t m, size_t k, size_t n, double *c)
{
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
}

void matmul_bt(const double *a, const double *b, size_t m, size_t k, size_t n, double *c)
{
    gemm(GEMM_NO_TRANS, GEMM_TRANS, m, n, k, 1.0, a, k, b, k, 0.0, c, n);
}

double frobenius2_diff(const double *a, const double *b, size_t count)
{
    double s = 0;
    for (size_t i = 0; i < count; i++)
        s += (a[i] - b[i]) * (a[i] - b[i]);
    return s;
}

double max_abs_diff(const double *a, const double *b, size_t count)
{
    double worst = 0;
    for (size_t i = 0; i < count; i++)
        worst = fmax(worst, fabs(a[i] - b[i]));
    return worst;
}

void write_digit_grid(const char *path, const double *images, size_t rows, size_t cols,
                      double lo, double hi, size_t scale)
{
    size_t cell = 9 * scale, width = cols * cell + scale, height = rows * cell + scale;
    float *pixels = malloc(width * height * sizeof *pixels);
    if (!pixels)
        check(PC_ERR_NOMEM, "a digit grid");
    for (size_t i = 0; i < width * height; i++)
        pixels[i] = 0.0f;
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++) {
            const double *img = images + 64 * (r * cols + c);
            for (size_t y = 0; y < 8 * scale; y++)
                for (size_t x = 0; x < 8 * scale; x++) {
                    double v = (img[(y / scale) * 8 + x / scale] - lo) / (hi - lo);
                    pixels[(r * cell + scale + y) * width + c * cell + scale + x] =
                        (float)(1.0 - fmin(fmax(v, 0.0), 1.0));
                }
        }
    /* the gaps between images are white */
    for (size_t y = 0; y < height; y++)
        for (size_t x = 0; x < width; x++)
            if (y % cell < scale || x % cell < scale)
                pixels[y * width + x] = 1.0f;
    if (image_write_gray(path, width, height, pixels, 0.0f, 1.0f) != 0) {
        perror(path);
        exit(1);
    }
    free(pixels);
}

/* p (n x 10) = softmax(features w^T + b), row by row, max subtracted. */
static void class_probabilities(const double *features, size_t n, size_t k, const double *w,
                                const double *b, double *p)
{
    matmul_bt(features, w, n, k, 10, p);
    for (size_t i = 0; i < n; i++) {
        double *row = p + 10 * i, top = -INFINITY, sum = 0;
        for (size_t c = 0; c < 10; c++) {
            row[c] += b[c];
            top = fmax(top, row[c]);
        }
        for (size_t c = 0; c < 10; c++)
            sum += row[c] = exp(row[c] - top);
        for (size_t c = 0; c < 10; c++)
            row[c] /= sum;
    }
}

double softmax_accuracy(const double *train, const int *train_label, size_t n_train,
                        const double *test, const int *test_label, size_t n_test, size_t k,
                        double eta, size_t epochs)
{
    double *w = new_doubles(10 * k), *b = new_doubles(10), *gw = new_doubles(10 * k);
    double *p = new_doubles((n_train > n_test ? n_train : n_test) * 10);
    for (size_t e = 0; e < epochs; e++) {
        class_probabilities(train, n_train, k, w, b, p);
        for (size_t i = 0; i < n_train; i++)
            p[10 * i + train_label[i]] -= 1.0; /* dL/dlogits */
        gemm(GEMM_TRANS, GEMM_NO_TRANS, 10, k, n_train, 1.0 / n_train, p, 10, train, k, 0.0, gw,
             k);
        for (size_t c = 0; c < 10; c++) {
            double gb = 0;
            for (size_t i = 0; i < n_train; i++)
                gb += p[10 * i + c];
            b[c] -= eta * gb / n_train;
        }
        for (size_t j = 0; j < 10 * k; j++)
            w[j] -= eta * gw[j];
    }
    class_probabilities(test, n_test, k, w, b, p);
    size_t right = 0;
    for (size_t i = 0; i < n_test; i++) {
        size_t best = 0;
        for (size_t c = 1; c < 10; c++)
            if (p[10 * i + c] > p[10 * i + best])
                best = c;
        right += (int)best == test_label[i];
    }
    free(w);
    free(b);
    free(gw);
    free(p);
    return (double)right / n_test;
}
