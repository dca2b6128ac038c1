/* linalg.h: small vector tools that several of the lesson's files share.
 *
 * They are given, not exercises: each does one chore (a norm that cannot
 * overflow, Gram-Schmidt against a set of rows, a QR factorisation) so that
 * the exercises can be about the algorithms that use them. Vectors are
 * contiguous; a set of vectors is stored as the rows of a row-major matrix.
 */
#ifndef PCA_LINALG_H
#define PCA_LINALG_H

#include <stddef.h>

/* rows * cols doubles from malloc, or NULL when that many cannot even be
 * counted in a size_t or malloc fails. */
double *la_alloc(size_t rows, size_t cols);

/* 1 when every one of the count values is finite (no NaN, no infinity). */
int la_all_finite(const double *x, size_t count);

/* The largest |x_i| of count values (0 for count == 0; NaN if one is). */
double la_max_abs(const double *x, size_t count);

double la_dot(const double *x, const double *y, size_t n);

/* The Euclidean norm of x, scaled by its largest |x_i| so that the squares
 * neither overflow nor underflow; NaN if an x_i is. */
double la_norm(const double *x, size_t n);

/* x = s x. */
void la_scale(double *x, size_t n, double s);

/* at (cols x rows) = the transpose of a (rows x cols). */
void la_transpose(const double *a, size_t rows, size_t cols, double *at);

/* Removes from x (n values) its components along `count` orthonormal rows
 * q (count x n), twice (classical Gram-Schmidt repeated: once is not enough
 * when x was nearly in their span). Returns the norm of what is left. */
double la_orthogonalize(double *x, const double *q, size_t count, size_t n);

/* Fills rows have..total-1 of rows (total x n, total <= n) with unit
 * vectors orthogonal to each other and to rows 0..have-1, which must be
 * orthonormal already: each is the part of a coordinate vector e_j that
 * Gram-Schmidt leaves, for the first j that leaves enough of it. */
void la_complete_rows(double *rows, size_t have, size_t total, size_t n);

/* The header's sign convention for k singular triplets: negates each row i
 * of vt (k x n) whose entry of largest magnitude (the first on a tie) is
 * negative, and with it column i of u (m x k, row length ldu), unless u is
 * NULL. */
void la_fix_signs(double *vt, size_t k, size_t n, double *u, size_t m, size_t ldu);

/* Householder QR of the rows: replaces the k rows of x (k x n, k <= n) by
 * orthonormal rows q spanning the same space (x = L q with L lower
 * triangular, q = the first k rows of H_1 ... H_k). diag (k values, may be
 * NULL) receives |L_ii|, which tells how far row i stood out of the span of
 * the rows before it. Returns 0, or -1 when out of memory. */
int la_orthonormalize_rows(double *x, size_t k, size_t n, double *diag);

#endif
