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
    (void)digits;
}

sm_status sm_digits_load(const char *path, sm_digits *out, char *err, size_t err_size)
{
    // TODO: as lr_eyetrack_load in lesson 01, without the header: read each
    //   line with the csv_reader, check that it has 65 fields, parse the 64
    //   pixels (whole numbers 0..16, stored divided by 16) and the label
    //   (0..9), growing the arrays as lines arrive. On any error: a message
    //   "path:line: what is wrong" in err, everything freed, *out zeroed.
    (void)path; (void)out; (void)err; (void)err_size;
    return SM_ERR_TODO;
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
