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

void sm_digits_free(sm_digits *digits)
{
    // TODO: free both arrays and zero the struct (memset), so that freeing
    //   twice, or freeing a zeroed struct, is harmless.
    (void)digits;
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
    (void)path; (void)out; (void)err; (void)err_size;
    return SM_ERR_TODO;
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
