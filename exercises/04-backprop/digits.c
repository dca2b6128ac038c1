/* digits.c: the handwritten digits of lesson 02 (given code, not an exercise).
 *
 * Each lesson's library is built from its own directory only, so lesson 04
 * carries its own copy of lesson 02's loader and split: the same file format,
 * the same errors ("path:line: what is wrong") and the same split. */
#include "backprop.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

void bp_digits_free(bp_digits *digits)
{
    free(digits->pixels);
    free(digits->labels);
    memset(digits, 0, sizeof *digits);
}

enum { FIELDS = BP_PIXELS + 1, MAX_PIXEL = 16 };

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
static int reserve(bp_digits *d, size_t *capacity)
{
    if (d->n < *capacity)
        return 1;
    size_t cap = *capacity ? 2 * *capacity : 256;
    double *p = realloc(d->pixels, cap * BP_PIXELS * sizeof *p);
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
static bp_status parse_row(const csv_reader *r, bp_digits *d, char *err, size_t err_size)
{
    if (r->nfields != FIELDS) {
        report(err, err_size, r, "expected %d fields (64 pixels and a label), found %zu",
               FIELDS, r->nfields);
        return BP_ERR_PARSE;
    }
    double *pixels = d->pixels + d->n * BP_PIXELS;
    for (size_t i = 0; i < BP_PIXELS; i++) {
        long value;
        if (!parse_whole(r->fields[i], MAX_PIXEL, &value)) {
            report(err, err_size, r, "pixel %zu: '%s' is not a whole number from 0 to %d",
                   i + 1, r->fields[i], MAX_PIXEL);
            return BP_ERR_PARSE;
        }
        pixels[i] = (double)value / MAX_PIXEL;
    }
    long label;
    if (!parse_whole(r->fields[BP_PIXELS], BP_CLASSES - 1, &label)) {
        report(err, err_size, r, "label: '%s' is not a digit from 0 to 9", r->fields[BP_PIXELS]);
        return BP_ERR_PARSE;
    }
    d->labels[d->n++] = (unsigned char)label;
    return BP_OK;
}

bp_status bp_digits_load(const char *path, bp_digits *out, char *err, size_t err_size)
{
    if (err && err_size > 0)
        err[0] = '\0';
    if (!out)
        return BP_ERR_ARG;
    memset(out, 0, sizeof *out);
    if (!path)
        return BP_ERR_ARG;
    csv_reader r;
    if (csv_open(&r, path) != 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return BP_ERR_IO;
    }
    bp_digits data = {0};
    size_t capacity = 0;
    bp_status status = BP_OK;
    int got;
    while ((got = csv_read_row(&r)) == 1) {
        if (!reserve(&data, &capacity))
            status = BP_ERR_NOMEM;
        else
            status = parse_row(&r, &data, err, err_size);
        if (status != BP_OK)
            break;
    }
    if (status == BP_OK && got < 0) {
        report(err, err_size, &r, "read error: %s", strerror(errno));
        status = BP_ERR_IO;
    }
    if (status == BP_OK && data.n == 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s:1: the file is empty, expected images", path);
        status = BP_ERR_PARSE;
    }
    if (status == BP_ERR_NOMEM && err && err_size > 0)
        snprintf(err, err_size, "%s:%zu: out of memory", path, r.line);
    csv_close(&r);
    if (status != BP_OK) {
        bp_digits_free(&data);
        return status;
    }
    *out = data;
    return BP_OK;
}

static bp_status alloc_digits(bp_digits *d, size_t n)
{
    d->n = n;
    d->pixels = malloc((n ? n : 1) * BP_PIXELS * sizeof *d->pixels);
    d->labels = malloc(n ? n : 1);
    if (d->pixels && d->labels)
        return BP_OK;
    bp_digits_free(d);
    return BP_ERR_NOMEM;
}

bp_status bp_digits_split(const bp_digits *all, bp_digits *train, bp_digits *test)
{
    if (!all || !train || !test)
        return BP_ERR_ARG;
    memset(train, 0, sizeof *train);
    memset(test, 0, sizeof *test);
    size_t test_count = (all->n + 4) / 5;
    if (alloc_digits(train, all->n - test_count) != BP_OK ||
        alloc_digits(test, test_count) != BP_OK) {
        bp_digits_free(train);
        return BP_ERR_NOMEM;
    }
    size_t kept[2] = {0, 0};
    for (size_t i = 0; i < all->n; i++) {
        bp_digits *to = i % 5 == 0 ? test : train;
        size_t j = kept[i % 5 == 0]++;
        memcpy(to->pixels + j * BP_PIXELS, all->pixels + i * BP_PIXELS,
               BP_PIXELS * sizeof *to->pixels);
        to->labels[j] = all->labels[i];
    }
    return BP_OK;
}
