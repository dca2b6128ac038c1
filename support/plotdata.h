/* plotdata.h: write numbers as whitespace-separated columns for gnuplot.
 *
 * Numbers are printed with %.10g so that the files are short, readable and
 * identical from run to run (figures are committed, so their inputs must not
 * churn). Every function returns 0, or -1 with errno set.
 */
#ifndef SUPPORT_PLOTDATA_H
#define SUPPORT_PLOTDATA_H

#include <stddef.h>

/* Writes rows x cols values (row-major) under a "# header" comment line. */
int plot_write_table(const char *path, const char *header, size_t rows, size_t cols,
                     const double *values);

/* Writes a grid z[j*nx + i] = f(x[i], y[j]) as "x y z" lines, one blank line
 * after each row of constant y: the layout gnuplot's pm3d and image expect. */
int plot_write_grid(const char *path, const char *header, size_t nx, const double *x,
                    size_t ny, const double *y, const double *z);

#endif
