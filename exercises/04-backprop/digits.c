/* digits.c: the handwritten digits of lesson 02 (given code, not an exercise).
 *
 * The loader and the split are the support library's (support/digits.h):
 * the same file format, the same errors ("path:line: what is wrong") and the
 * same split as lesson 02. These functions only convert its types. */
#include "backprop.h"

#include <string.h>

#include "digits.h"

static bp_status from_support(digits_status status)
{
    switch (status) {
    case DIGITS_OK: return BP_OK;
    case DIGITS_ERR_ARG: return BP_ERR_ARG;
    case DIGITS_ERR_IO: return BP_ERR_IO;
    case DIGITS_ERR_PARSE: return BP_ERR_PARSE;
    case DIGITS_ERR_NOMEM: return BP_ERR_NOMEM;
    }
    return BP_ERR_ARG;
}

static bp_digits as_lesson(digits_set set)
{
    return (bp_digits){.n = set.n, .pixels = set.pixels, .labels = set.labels};
}

static digits_set as_support(const bp_digits *digits)
{
    return (digits_set){.n = digits->n, .pixels = digits->pixels, .labels = digits->labels};
}

void bp_digits_free(bp_digits *digits)
{
    digits_set set = as_support(digits);
    digits_free(&set);
    memset(digits, 0, sizeof *digits);
}

bp_status bp_digits_load(const char *path, bp_digits *out, char *err, size_t err_size)
{
    digits_set set;
    digits_status status = digits_load(path, out ? &set : NULL, err, err_size);
    if (out)
        *out = as_lesson(set);
    return from_support(status);
}

bp_status bp_digits_split(const bp_digits *all, bp_digits *train, bp_digits *test)
{
    if (!all || !train || !test)
        return BP_ERR_ARG;
    digits_set whole = as_support(all), train_set, test_set;
    digits_status status = digits_split(&whole, &train_set, &test_set);
    *train = as_lesson(train_set);
    *test = as_lesson(test_set);
    return from_support(status);
}
