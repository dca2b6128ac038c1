/* regression.h: Lesson 01, linear regression.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/01-regression/ and the reference in solutions/01-regression/
 * implement exactly these functions; lessons/01-regression.md explains them.
 *
 * Conventions (the same in every lesson):
 *  - Arrays are passed as pointer + length. The caller owns all memory: a
 *    function writes only into the output buffers it is given, of the sizes
 *    documented here, and never modifies its inputs (they are const).
 *  - Functions that can fail return an lr_status; on failure their outputs
 *    are left unspecified, except where a comment says otherwise.
 *  - A residual is data minus prediction: e[i] = y[i] - y_hat[i].
 */
#ifndef REGRESSION_H
#define REGRESSION_H

#include <stddef.h>

typedef enum {
    LR_OK = 0,
    LR_ERR_TODO,          /* not implemented yet (the skeleton's placeholder) */
    LR_ERR_ARG,           /* a NULL pointer, or sizes that cannot work */
    LR_ERR_IO,            /* a file could not be opened or read */
    LR_ERR_PARSE,         /* a malformed line in a data file */
    LR_ERR_NOMEM,         /* out of memory */
    LR_ERR_SINGULAR,      /* the data do not determine the fit (e.g. all x equal) */
    LR_ERR_DIVERGED,      /* gradient descent blew up: the learning rate is too large */
    LR_ERR_NOT_CONVERGED, /* gradient descent ran out of iterations */
} lr_status;

/* A short English description of a status, e.g. "a malformed line in a data file". */
const char *lr_status_str(lr_status status);

/* ---- Exercise 1: loading the data (chapter section 2) ------------------ */

/* The eye-tracking data set: n participants, one array entry each. */
typedef struct {
    size_t n;
    char *gender;             /* 'M' or 'F' */
    double *pupil_dilation;   /* mean pupil dilation */
    double *reading_time;     /* total reading time */
    double *fixations;        /* number of fixations, a whole number >= 0 */
} lr_eyetrack;

/* Loads a CSV file whose first line is exactly
 *     gender,mean_pupil_dilation,total_reading_time,num_fixations
 * and whose every other line has those four fields: M or F, then three finite
 * numbers (the last a whole number >= 0, the other two >= 0). Blanks around a
 * field are ignored; nothing else is.
 *
 * On success fills *out (free it with lr_eyetrack_free) and returns LR_OK.
 * On failure returns LR_ERR_IO, LR_ERR_PARSE or LR_ERR_NOMEM, leaves *out
 * empty (all zero, nothing to free), and writes a message of the form
 *     path:line: what is wrong
 * (or "path: why" when the file cannot be read) into err, truncated to
 * err_size bytes including the terminating zero. err may be NULL. */
lr_status lr_eyetrack_load(const char *path, lr_eyetrack *out, char *err, size_t err_size);

/* Frees the arrays of a loaded data set and zeroes it. Safe on a zeroed one. */
void lr_eyetrack_free(lr_eyetrack *data);

/* ---- Exercise 2: measuring error (chapter section 3) ------------------ */

/* Sum of residuals: sum of (y[i] - y_hat[i]). Positive and negative errors
 * cancel, which is why it is a poor measure. 0 when n is 0. */
double lr_error_naive(const double *y, const double *y_hat, size_t n);

/* L1 error: sum of |y[i] - y_hat[i]|. 0 when n is 0. */
double lr_error_l1(const double *y, const double *y_hat, size_t n);

/* Sum of squared errors (SSE), the squared L2 norm of the residuals:
 * sum of (y[i] - y_hat[i])^2. 0 when n is 0. */
double lr_error_sse(const double *y, const double *y_hat, size_t n);

/* Mean squared error: SSE / n. NaN when n is 0 (the mean of nothing). */
double lr_error_mse(const double *y, const double *y_hat, size_t n);

/* ---- Exercise 3: lines, predictions, test error (sections 4 and 8) ------ */

/* A line y = slope * x + intercept. */
typedef struct {
    double slope;
    double intercept;
} lr_line;

/* y_hat[i] = line.slope * x[i] + line.intercept for i < n. */
void lr_predict(lr_line line, const double *x, size_t n, double *y_hat);

/* Mean squared error of the line on the points (x[i], y[i]), without
 * allocating: the test-set error of a fitted line. NaN when n is 0. */
double lr_line_mse(lr_line line, const double *x, const double *y, size_t n);

/* ---- Exercise 4: gradient descent (chapter section 5) ------------------ */

/* The gradient of the MSE of `at` on the points: d MSE / d slope in
 * grad->slope and d MSE / d intercept in grad->intercept. n must be >= 1. */
void lr_mse_gradient(const double *x, const double *y, size_t n, lr_line at, lr_line *grad);

typedef struct {
    double learning_rate;   /* the step size eta, > 0 */
    size_t max_iterations;  /* give up after this many steps */
    double tolerance;       /* converged once the gradient's length is below this */
} lr_gd_options;

/* Minimises the MSE of a line by gradient descent from `start`:
 *     line <- line - learning_rate * gradient
 * until the gradient's Euclidean length is below tolerance.
 * Writes the final line to *fit and the number of steps taken to *iterations.
 * If loss_history is not NULL it has room for max_iterations + 1 values and
 * receives the MSE before each step and after the last one (iterations + 1
 * values in all).
 * Returns LR_OK on convergence, LR_ERR_NOT_CONVERGED after max_iterations
 * steps, LR_ERR_DIVERGED as soon as the loss is no longer finite (the line
 * reached so far is still written), LR_ERR_ARG for NULL pointers, n == 0 or a
 * learning rate that is not > 0. */
lr_status lr_gradient_descent(const double *x, const double *y, size_t n, lr_line start,
                              const lr_gd_options *options, lr_line *fit,
                              double *loss_history, size_t *iterations);

/* Gradient descent on a function of one variable, given its derivative:
 *     x <- x - rate * derivative(x, ctx)
 * for `steps` steps from x0. Returns the final x. If path is not NULL it has
 * room for steps + 1 values and receives x0 and every x after it. */
double lr_descend_1d(double (*derivative)(double x, void *ctx), void *ctx, double x0,
                     double rate, size_t steps, double *path);

/* ---- Exercise 5: the closed-form fit (chapter section 6) -------------- */

/* Least-squares line through (x[i], y[i]), i < n: the slope and intercept that
 * minimise the SSE. Must stay accurate when the x are large and close together
 * (say x near 1.7e9 with a spread of 1e-3), where the textbook formula
 * (n*Sxy - Sx*Sy) / (n*Sxx - Sx^2) loses every digit, and for any finite
 * data, from subnormal numbers to 1e300, where squares underflow or overflow.
 * Returns LR_ERR_ARG for a NULL pointer, n < 2 or a value that is not finite,
 * and when the slope or intercept is too large for a double (x near 1e-300
 * and y near 1e300, say); LR_ERR_SINGULAR when all x are equal (no unique
 * line); LR_OK otherwise. */
lr_status lr_fit_line(const double *x, const double *y, size_t n, lr_line *fit);

/* ---- Exercise 6: several input variables (chapter section 7) ---------- */

/* Least squares with m input variables: finds weights w[0..m-1] and an
 * intercept b minimising the SSE of y[i] ~ sum_j X[i*m + j] * w[j] + b.
 * X is n x m, row-major. Must not form or invert X^T X (section 7 says why).
 * Any finite data: a column near 1e200 next to one near 1e-200, or every
 * value near 1e300, must not overflow or underflow the norms.
 * Returns LR_ERR_ARG for NULL pointers, m == 0, n < m + 1, a value that is
 * not finite, or a weight or intercept too large for a double;
 * LR_ERR_SINGULAR when the columns (with the intercept) are linearly
 * dependent; LR_ERR_NOMEM. */
lr_status lr_fit_multi(const double *X, const double *y, size_t n, size_t m,
                       double *weights, double *intercept);

/* y_hat[i] = sum_j X[i*m + j] * weights[j] + intercept for i < n. */
void lr_predict_multi(const double *X, size_t n, size_t m, const double *weights,
                      double intercept, double *y_hat);

#endif
