/* digits.c: loading the handwritten digits (chapter section 6). */
#include "softmax.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

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

sm_status sm_digits_load(const char *path, sm_digits *out, char *err, size_t err_size)
{
    // TODO: as lr_eyetrack_load in lesson 01, without the header: read each
    //   line with the csv_reader, check that it has 65 fields, parse the 64
    //   pixels (whole numbers 0..16, stored divided by 16) and the label
    //   (0..9), growing the arrays as lines arrive. On any error: a message
    //   "path:line: what is wrong" in err, everything freed, *out zeroed.
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

static sm_status alloc_digits(sm_digits *d, size_t n)
{
    d->n = n;
    d->pixels = malloc((n ? n : 1) * SM_PIXELS * sizeof *d->pixels);
    d->labels = malloc(n ? n : 1);
    if (d->pixels && d->labels)
        return SM_OK;
    sm_digits_free(d);
    return SM_ERR_NOMEM;
}

sm_status sm_digits_split(const sm_digits *all, sm_digits *train, sm_digits *test)
{
    if (!all || !train || !test)
        return SM_ERR_ARG;
    memset(train, 0, sizeof *train);
    memset(test, 0, sizeof *test);
    size_t test_count = (all->n + 4) / 5;
    if (alloc_digits(train, all->n - test_count) != SM_OK ||
        alloc_digits(test, test_count) != SM_OK) {
        sm_digits_free(train);
        return SM_ERR_NOMEM;
    }
    size_t kept[2] = {0, 0};
    for (size_t i = 0; i < all->n; i++) {
        sm_digits *to = i % 5 == 0 ? test : train;
        size_t j = kept[i % 5 == 0]++;
        memcpy(to->pixels + j * SM_PIXELS, all->pixels + i * SM_PIXELS,
               SM_PIXELS * sizeof *to->pixels);
        to->labels[j] = all->labels[i];
    }
    return SM_OK;
}
