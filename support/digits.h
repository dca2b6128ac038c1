/* digits.h: the handwritten digits of data/digits.csv, loaded and split.
 *
 * The file has no header; each line is an image of 8 x 8 pixels and its
 * label: "p0,p1,...,p63,label", 64 whole numbers 0..16 (how much ink fell in
 * a 4 x 4 block of the scan), then the digit 0..9. Pixels are stored scaled
 * to [0, 1]. CRLF line endings and a last line without a newline are fine.
 *
 *     digits_set all, train, test;
 *     char err[256];
 *     if (digits_load("data/digits.csv", &all, err, sizeof err) != DIGITS_OK)
 *         { fprintf(stderr, "%s\n", err); ... }
 *     if (digits_split(&all, &train, &test) != DIGITS_OK) { ... }
 *     ...
 *     digits_free(&test); digits_free(&train); digits_free(&all);
 *
 * The caller owns the structs; nothing is global. A failing call leaves its
 * outputs all zero and, where err is not NULL, a message in err (cut to
 * err_size): "path:line: what is wrong" for a bad line, "path: why" when the
 * file cannot be opened.
 */
#ifndef SUPPORT_DIGITS_H
#define SUPPORT_DIGITS_H

#include <stddef.h>

enum { DIGITS_PIXELS = 64, DIGITS_CLASSES = 10, DIGITS_MAX_INK = 16 };

typedef enum {
    DIGITS_OK = 0,
    DIGITS_ERR_ARG,   /* a NULL pointer */
    DIGITS_ERR_IO,    /* the file could not be opened or read */
    DIGITS_ERR_PARSE, /* a malformed line, or no lines at all */
    DIGITS_ERR_NOMEM, /* out of memory, or more images than a size_t can count */
} digits_status;

typedef struct {
    size_t n;
    double *pixels;        /* n x 64, row-major, scaled from 0..16 to 0..1 */
    unsigned char *labels; /* n digits, 0..9 */
} digits_set;

/* Loads the file at path into *out (whose old contents are not freed). */
digits_status digits_load(const char *path, digits_set *out, char *err, size_t err_size);

/* Frees a data set and zeroes it. Safe on a zeroed one, and twice. */
void digits_free(digits_set *digits);

/* The course's fixed split: image i goes to *test when i % 5 == 0 and to
 * *train otherwise, in order (1797 images: 1437 train, 360 test, every writer
 * in both). Allocates both; free them with digits_free. */
digits_status digits_split(const digits_set *all, digits_set *train, digits_set *test);

#endif
