#include "plotdata.h"

#include <stdio.h>

static int finish(FILE *f)
{
    int failed = ferror(f);
    return (fclose(f) != 0 || failed) ? -1 : 0;
}

int plot_write_table(const char *path, const char *header, size_t rows, size_t cols,
                     const double *values)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "# %s\n", header);
    for (size_t r = 0; r < rows; r++)
        for (size_t c = 0; c < cols; c++)
            fprintf(f, "%.10g%c", values[r * cols + c], c + 1 < cols ? ' ' : '\n');
    return finish(f);
}

int plot_write_grid(const char *path, const char *header, size_t nx, const double *x,
                    size_t ny, const double *y, const double *z)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "# %s\n", header);
    for (size_t j = 0; j < ny; j++) {
        for (size_t i = 0; i < nx; i++)
            fprintf(f, "%.10g %.10g %.10g\n", x[i], y[j], z[j * nx + i]);
        fputc('\n', f);
    }
    return finish(f);
}
