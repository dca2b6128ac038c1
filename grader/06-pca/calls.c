/* calls.c: how lesson 06's functions cross into the sandbox (calls.def).
 * Every argument is a plain array or value; the counts below are the only
 * help the list needs. Compiled into the judge and, with GRADE_SERVER, into
 * the sandbox. */
#include <stdint.h>

#include "calls.h"
#include "pca.h"

#ifndef GRADE_SERVER
/* r = min(m, n): the singular values a thin SVD has. */
static size_t smaller(size_t m, size_t n)
{
    return m < n ? m : n;
}

/* The autoencoder writes a loss before each step and after the last; 0 (no
 * copy) when the options are missing or their count overflows. */
static size_t loss_count(const pc_autoencoder_options *options)
{
    return options && options->epochs < SIZE_MAX ? options->epochs + 1 : 0;
}
#endif

#include "generate.h"
