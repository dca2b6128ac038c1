/* calls.c: how lesson 02's functions cross into the sandbox (calls.def), and
 * the parts that need more than a list: the digits' arrays, and the length of
 * sm_train's epoch_loss. Compiled into the judge and, with GRADE_SERVER, into
 * the sandbox. */
#include "softmax.h"
#include "calls.h"
#ifndef GRADE_SERVER
#include "grade.h"
#endif

static void walk_sm_digits(void *object, sb_walk *w)
{
    sm_digits *d = object;
    w->field(w, "pixels", (void **)&d->pixels, sb_bytes(d->n, SM_PIXELS), sizeof *d->pixels);
    w->field(w, "labels", (void **)&d->labels, d->n, sizeof *d->labels);
}

#ifndef GRADE_SERVER
/* epoch_loss has room for options->epochs values. */
static size_t epoch_count(const sm_train_options *options)
{
    return options ? options->epochs : 0;
}
#endif

#include "generate.h"
