/* dataset.c: loading the eye-tracking CSV file (chapter section 2). */
#include "regression.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

void lr_eyetrack_free(lr_eyetrack *data)
{
    // TODO: free the four arrays and set every field to zero (memset), so that
    //   freeing twice, or freeing a zeroed struct, is harmless.
    // STUB: (void)data;
    // BEGIN SOLUTION
    free(data->gender);
    free(data->pupil_dilation);
    free(data->reading_time);
    free(data->fixations);
    memset(data, 0, sizeof *data);
    // END SOLUTION
}

// BEGIN SOLUTION
static const char *const HEADER[] = {
    "gender", "mean_pupil_dilation", "total_reading_time", "num_fixations",
};
enum { NCOLUMNS = 4 };

/* Writes "path:line: message" into err (if there is room for one). */
static void report(char *err, size_t err_size, const csv_reader *r, const char *format, ...)
{
    if (!err || err_size == 0)
        return;
    int used = snprintf(err, err_size, "%s:%zu: ", r->path, r->line);
    if (used < 0 || (size_t)used >= err_size)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(err + used, err_size - (size_t)used, format, args);
    va_end(args);
}

/* Parses a whole field as a finite number: "12x", "" and "nan" are errors. */
static int parse_number(const char *field, double *value)
{
    char *end;
    errno = 0;
    *value = strtod(field, &end);
    return end != field && *end == '\0' && errno == 0 && isfinite(*value);
}

/* Makes room for one more row, doubling the capacity when it runs out. */
static int reserve(lr_eyetrack *d, size_t *capacity)
{
    if (d->n < *capacity)
        return 1;
    size_t cap = *capacity ? 2 * *capacity : 16;
    char *g = realloc(d->gender, cap);
    if (g)
        d->gender = g;
    double *p = realloc(d->pupil_dilation, cap * sizeof *p);
    if (p)
        d->pupil_dilation = p;
    double *t = realloc(d->reading_time, cap * sizeof *t);
    if (t)
        d->reading_time = t;
    double *f = realloc(d->fixations, cap * sizeof *f);
    if (f)
        d->fixations = f;
    if (!g || !p || !t || !f)
        return 0;
    *capacity = cap;
    return 1;
}

static lr_status check_header(const csv_reader *r, char *err, size_t err_size)
{
    if (r->nfields != NCOLUMNS) {
        report(err, err_size, r, "expected a header of %d columns, found %zu fields",
               NCOLUMNS, r->nfields);
        return LR_ERR_PARSE;
    }
    for (size_t i = 0; i < NCOLUMNS; i++)
        if (strcmp(r->fields[i], HEADER[i]) != 0) {
            report(err, err_size, r, "column %zu is named '%s', expected '%s'", i + 1,
                   r->fields[i], HEADER[i]);
            return LR_ERR_PARSE;
        }
    return LR_OK;
}

/* Parses the current row into entry d->n (room for it must exist). */
static lr_status parse_row(const csv_reader *r, lr_eyetrack *d, char *err, size_t err_size)
{
    if (r->nfields != NCOLUMNS) {
        report(err, err_size, r, "expected %d fields, found %zu", NCOLUMNS, r->nfields);
        return LR_ERR_PARSE;
    }
    const char *gender = r->fields[0];
    if ((strcmp(gender, "M") != 0 && strcmp(gender, "F") != 0)) {
        report(err, err_size, r, "gender must be M or F, found '%s'", gender);
        return LR_ERR_PARSE;
    }
    double values[NCOLUMNS - 1];
    for (size_t i = 1; i < NCOLUMNS; i++) {
        if (!parse_number(r->fields[i], &values[i - 1])) {
            report(err, err_size, r, "%s: '%s' is not a number", HEADER[i], r->fields[i]);
            return LR_ERR_PARSE;
        }
        if (values[i - 1] < 0) {
            report(err, err_size, r, "%s: %s is negative", HEADER[i], r->fields[i]);
            return LR_ERR_PARSE;
        }
    }
    if (values[2] != floor(values[2])) {
        report(err, err_size, r, "num_fixations: %s is not a whole number", r->fields[3]);
        return LR_ERR_PARSE;
    }
    d->gender[d->n] = gender[0];
    d->pupil_dilation[d->n] = values[0];
    d->reading_time[d->n] = values[1];
    d->fixations[d->n] = values[2];
    d->n++;
    return LR_OK;
}
// END SOLUTION

lr_status lr_eyetrack_load(const char *path, lr_eyetrack *out, char *err, size_t err_size)
{
    // TODO: read the file with the csv_reader from support/csv.h: check the
    //   header line, then parse each row (strtod, checking that the whole field
    //   was a finite number), growing the arrays as rows arrive. On any error,
    //   write "path:line: what is wrong" into err, free what you allocated and
    //   return the right status. Section 2 of the chapter walks through it.
    // STUB: (void)path; (void)out; (void)err; (void)err_size;
    // STUB: return LR_ERR_TODO;
    // BEGIN SOLUTION
    memset(out, 0, sizeof *out);
    if (err && err_size > 0)
        err[0] = '\0';
    csv_reader r;
    if (csv_open(&r, path) != 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return LR_ERR_IO;
    }
    lr_eyetrack data = {0};
    size_t capacity = 0;
    lr_status status = LR_OK;
    int got;
    while ((got = csv_read_row(&r)) == 1) {
        if (r.line == 1)
            status = check_header(&r, err, err_size);
        else if (!reserve(&data, &capacity))
            status = LR_ERR_NOMEM;
        else
            status = parse_row(&r, &data, err, err_size);
        if (status != LR_OK)
            break;
    }
    if (status == LR_OK && got < 0) {
        report(err, err_size, &r, "read error: %s", strerror(errno));
        status = LR_ERR_IO;
    }
    if (status == LR_OK && r.line == 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s:1: the file is empty, expected a header", path);
        status = LR_ERR_PARSE;
    }
    if (status == LR_ERR_NOMEM && err && err_size > 0)
        snprintf(err, err_size, "%s:%zu: out of memory", path, r.line);
    csv_close(&r);
    if (status != LR_OK) {
        lr_eyetrack_free(&data);
        return status;
    }
    *out = data;
    return LR_OK;
    // END SOLUTION
}
