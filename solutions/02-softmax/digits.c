/* digits.c: loading the handwritten digits (chapter section 6). */
#include "softmax.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "digits.h"

/* The support library's split (support/digits.h) serves every lesson that
 * reads the digits; sm_digits_split wraps it. The loader is this lesson's
 * exercise. */
static sm_status from_support(digits_status status)
{
    switch (status) {
    case DIGITS_OK: return SM_OK;
    case DIGITS_ERR_ARG: return SM_ERR_ARG;
    case DIGITS_ERR_IO: return SM_ERR_IO;
    case DIGITS_ERR_PARSE: return SM_ERR_PARSE;
    case DIGITS_ERR_NOMEM: return SM_ERR_NOMEM;
    }
    return SM_ERR_ARG;
}

static sm_digits as_lesson(digits_set set)
{
    return (sm_digits){.n = set.n, .pixels = set.pixels, .labels = set.labels};
}

// BEGIN SOLUTION
enum { FIELDS = SM_PIXELS + 1, MAX_PIXEL = 16 };

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

/* Parses a whole field as an integer in [0, max]: "3.0", "", "+" and "17"
 * (for max 16) are errors. */
static int parse_whole(const char *field, long max, long *value)
{
    char *end;
    errno = 0;
    *value = strtol(field, &end, 10);
    return end != field && *end == '\0' && errno == 0 && *value >= 0 && *value <= max;
}

/* Makes room for one more image, doubling the capacity when it runs out. */
static int reserve(sm_digits *d, size_t *capacity)
{
    if (d->n < *capacity)
        return 1;
    size_t cap = *capacity ? 2 * *capacity : 256;
    double *p = realloc(d->pixels, cap * SM_PIXELS * sizeof *p);
    if (p)
        d->pixels = p;
    unsigned char *l = realloc(d->labels, cap);
    if (l)
        d->labels = l;
    if (!p || !l)
        return 0;
    *capacity = cap;
    return 1;
}

/* Parses the current line into image d->n (room for it must exist). */
static sm_status parse_row(const csv_reader *r, sm_digits *d, char *err, size_t err_size)
{
    if (r->nfields != FIELDS) {
        report(err, err_size, r, "expected %d fields (64 pixels and a label), found %zu",
               FIELDS, r->nfields);
        return SM_ERR_PARSE;
    }
    double *pixels = d->pixels + d->n * SM_PIXELS;
    for (size_t i = 0; i < SM_PIXELS; i++) {
        long value;
        if (!parse_whole(r->fields[i], MAX_PIXEL, &value)) {
            report(err, err_size, r, "pixel %zu: '%s' is not a whole number from 0 to %d",
                   i + 1, r->fields[i], MAX_PIXEL);
            return SM_ERR_PARSE;
        }
        pixels[i] = (double)value / MAX_PIXEL;
    }
    long label;
    if (!parse_whole(r->fields[SM_PIXELS], SM_CLASSES - 1, &label)) {
        report(err, err_size, r, "label: '%s' is not a digit from 0 to 9", r->fields[SM_PIXELS]);
        return SM_ERR_PARSE;
    }
    d->labels[d->n++] = (unsigned char)label;
    return SM_OK;
}
// END SOLUTION

void sm_digits_free(sm_digits *digits)
{
    // TODO: free both arrays and zero the struct (memset), so that freeing
    //   twice, or freeing a zeroed struct, is harmless.
    // STUB: (void)digits;
    // BEGIN SOLUTION
    free(digits->pixels);
    free(digits->labels);
    memset(digits, 0, sizeof *digits);
    // END SOLUTION
}

sm_status sm_digits_load(const char *path, sm_digits *out, char *err, size_t err_size)
{
    // TODO: as lr_eyetrack_load in lesson 01, without the header: read each
    //   line with the csv_reader, check that it has 65 fields, parse the 64
    //   pixels (whole numbers 0..16, stored divided by 16) and the label
    //   (0..9), growing the arrays as lines arrive. On any error: a message
    //   "path:line: what is wrong" in err, everything freed, *out zeroed.
    //   (Later lessons call support/digits.h's digits_load; here you write
    //   the loader yourself.)
    // STUB: (void)path; (void)out; (void)err; (void)err_size;
    // STUB: return SM_ERR_TODO;
    // BEGIN SOLUTION
    if (err && err_size > 0)
        err[0] = '\0';
    if (!out)
        return SM_ERR_ARG;
    memset(out, 0, sizeof *out);
    if (!path)
        return SM_ERR_ARG;
    csv_reader r;
    if (csv_open(&r, path) != 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return SM_ERR_IO;
    }
    sm_digits data = {0};
    size_t capacity = 0;
    sm_status status = SM_OK;
    int got;
    while ((got = csv_read_row(&r)) == 1) {
        if (!reserve(&data, &capacity))
            status = SM_ERR_NOMEM;
        else
            status = parse_row(&r, &data, err, err_size);
        if (status != SM_OK)
            break;
    }
    if (status == SM_OK && got < 0) {
        report(err, err_size, &r, "read error: %s", strerror(errno));
        status = SM_ERR_IO;
    }
    if (status == SM_OK && data.n == 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s:1: the file is empty, expected images", path);
        status = SM_ERR_PARSE;
    }
    if (status == SM_ERR_NOMEM && err && err_size > 0)
        snprintf(err, err_size, "%s:%zu: out of memory", path, r.line);
    csv_close(&r);
    if (status != SM_OK) {
        sm_digits_free(&data);
        return status;
    }
    *out = data;
    return SM_OK;
    // END SOLUTION
}

sm_status sm_digits_split(const sm_digits *all, sm_digits *train, sm_digits *test)
{
    if (!all || !train || !test)
        return SM_ERR_ARG;
    digits_set whole = {.n = all->n, .pixels = all->pixels, .labels = all->labels};
    digits_set train_set, test_set;
    digits_status status = digits_split(&whole, &train_set, &test_set);
    *train = as_lesson(train_set);
    *test = as_lesson(test_set);
    return from_support(status);
}
