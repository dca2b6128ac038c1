#include "digits.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

enum { FIELDS = DIGITS_PIXELS + 1, FIRST_CAPACITY = 256 };

void digits_free(digits_set *digits)
{
    free(digits->pixels);
    free(digits->labels);
    memset(digits, 0, sizeof *digits);
}

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

/* Parses a whole field as an integer in [0, max]: "3.0", "", "+", "nan" and
 * "17" (for max 16) are errors. */
static int parse_whole(const char *field, long max, long *value)
{
    char *end;
    errno = 0;
    *value = strtol(field, &end, 10);
    return end != field && *end == '\0' && errno == 0 && *value >= 0 && *value <= max;
}

/* Makes room for one more image, doubling the capacity when it runs out.
 * Returns 0 when memory, or the size_t that counts its bytes, runs out. */
static int reserve(digits_set *d, size_t *capacity)
{
    if (d->n < *capacity)
        return 1;
    if (*capacity > SIZE_MAX / 2 / (DIGITS_PIXELS * sizeof *d->pixels))
        return 0;
    size_t cap = *capacity ? 2 * *capacity : FIRST_CAPACITY;
    double *p = realloc(d->pixels, cap * DIGITS_PIXELS * sizeof *p);
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
static digits_status parse_row(const csv_reader *r, digits_set *d, char *err, size_t err_size)
{
    if (r->nfields != FIELDS) {
        report(err, err_size, r, "expected %d fields (64 pixels and a label), found %zu",
               FIELDS, r->nfields);
        return DIGITS_ERR_PARSE;
    }
    double *pixels = d->pixels + d->n * DIGITS_PIXELS;
    for (size_t i = 0; i < DIGITS_PIXELS; i++) {
        long value;
        if (!parse_whole(r->fields[i], DIGITS_MAX_INK, &value)) {
            report(err, err_size, r, "pixel %zu: '%s' is not a whole number from 0 to %d",
                   i + 1, r->fields[i], DIGITS_MAX_INK);
            return DIGITS_ERR_PARSE;
        }
        pixels[i] = (double)value / DIGITS_MAX_INK;
    }
    long label;
    if (!parse_whole(r->fields[DIGITS_PIXELS], DIGITS_CLASSES - 1, &label)) {
        report(err, err_size, r, "label: '%s' is not a digit from 0 to 9",
               r->fields[DIGITS_PIXELS]);
        return DIGITS_ERR_PARSE;
    }
    d->labels[d->n++] = (unsigned char)label;
    return DIGITS_OK;
}

/* Reads every line of an open reader into *data; err says why it stopped. */
static digits_status read_rows(csv_reader *r, digits_set *data, char *err, size_t err_size)
{
    size_t capacity = 0;
    int got;
    while ((got = csv_read_row(r)) == 1) {
        if (!reserve(data, &capacity)) {
            report(err, err_size, r, "out of memory");
            return DIGITS_ERR_NOMEM;
        }
        digits_status status = parse_row(r, data, err, err_size);
        if (status != DIGITS_OK)
            return status;
    }
    if (got < 0) {
        report(err, err_size, r, "read error: %s", strerror(errno));
        return DIGITS_ERR_IO;
    }
    if (data->n == 0) {
        r->line = 1;
        report(err, err_size, r, "the file is empty, expected images");
        return DIGITS_ERR_PARSE;
    }
    return DIGITS_OK;
}

digits_status digits_load(const char *path, digits_set *out, char *err, size_t err_size)
{
    if (err && err_size > 0)
        err[0] = '\0';
    if (!out)
        return DIGITS_ERR_ARG;
    memset(out, 0, sizeof *out);
    if (!path)
        return DIGITS_ERR_ARG;
    csv_reader r;
    if (csv_open(&r, path) != 0) {
        if (err && err_size > 0)
            snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return DIGITS_ERR_IO;
    }
    digits_set data = {0};
    digits_status status = read_rows(&r, &data, err, err_size);
    csv_close(&r);
    if (status != DIGITS_OK) {
        digits_free(&data);
        return status;
    }
    *out = data;
    return DIGITS_OK;
}

static digits_status alloc_digits(digits_set *d, size_t n)
{
    d->n = n;
    d->pixels = malloc((n ? n : 1) * DIGITS_PIXELS * sizeof *d->pixels);
    d->labels = malloc(n ? n : 1);
    if (d->pixels && d->labels)
        return DIGITS_OK;
    digits_free(d);
    return DIGITS_ERR_NOMEM;
}

digits_status digits_split(const digits_set *all, digits_set *train, digits_set *test)
{
    if (!all || !train || !test)
        return DIGITS_ERR_ARG;
    memset(train, 0, sizeof *train);
    memset(test, 0, sizeof *test);
    size_t test_count = (all->n + 4) / 5;
    if (alloc_digits(train, all->n - test_count) != DIGITS_OK ||
        alloc_digits(test, test_count) != DIGITS_OK) {
        digits_free(train);
        return DIGITS_ERR_NOMEM;
    }
    size_t kept[2] = {0, 0};
    for (size_t i = 0; i < all->n; i++) {
        digits_set *to = i % 5 == 0 ? test : train;
        size_t j = kept[i % 5 == 0]++;
        memcpy(to->pixels + j * DIGITS_PIXELS, all->pixels + i * DIGITS_PIXELS,
               DIGITS_PIXELS * sizeof *to->pixels);
        to->labels[j] = all->labels[i];
    }
    return DIGITS_OK;
}
