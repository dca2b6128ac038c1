/* examples.h: the data and the small tools lesson 06's demo shares between
 * its sections: the digits, matrix helpers, digit images, a softmax
 * classifier. None of it is an exercise. */
#ifndef FIGURES_06_EXAMPLES_H
#define FIGURES_06_EXAMPLES_H

#include <stddef.h>
#include <stdio.h>

#include "pca.h"

/* The 1797 handwritten digits of data/digits.csv: 8 x 8 pixels, 0..16. */
typedef struct {
    size_t n, d;
    double *x;   /* n x d */
    int *label;  /* n */
} digits;

/* Exits with a message if s is not PC_OK. */
void check(pc_status s, const char *what);
/* calloc that exits on failure. */
double *new_doubles(size_t count);

digits digits_load(const char *path);
void digits_free(digits *data);

/* c (m x n) = a (m x k) b (k x n), or with b transposed (b is n x k). */
void matmul(const double *a, const double *b, size_t m, size_t k, size_t n, double *c);
void matmul_bt(const double *a, const double *b, size_t m, size_t k, size_t n, double *c);
double frobenius2_diff(const double *a, const double *b, size_t count);
double max_abs_diff(const double *a, const double *b, size_t count);

/* A grid of 8 x 8 images (rows x cols of them, image i at images + 64 i)
 * written as a PNG, each pixel a scale x scale block, a gap of one block
 * between images; values from lo (white) to hi (black). */
void write_digit_grid(const char *path, const double *images, size_t rows, size_t cols,
                      double lo, double hi, size_t scale);

/* Multinomial logistic regression on features (n x k) with labels 0..9,
 * trained by full-batch gradient descent from zero weights; returns the
 * accuracy on the test features. */
double softmax_accuracy(const double *train, const int *train_label, size_t n_train,
                        const double *test, const int *test_label, size_t n_test, size_t k,
                        double eta, size_t epochs);

#endif
