/* calls.c: how lesson 07's functions cross into the sandbox (calls.def).
 * Every argument is a plain array or value; the counts below are the only
 * help the list needs, and gv_secure_dot is written out only because its
 * header declares an array parameter (uint64_t z[2]). Compiled into the
 * judge and, with GRADE_SERVER, into the sandbox. */
#include <stdint.h>

#include "calls.h"
#include "glove.h"

#ifndef GRADE_SERVER
/* start has capacity + 1 entries (SIZE_MAX, no copy, if that overflows). */
static size_t plus_one(size_t capacity)
{
    return capacity < SIZE_MAX ? capacity + 1 : SIZE_MAX;
}

/* The bytes of a vocabulary's words: start[V]. Not read for a V that no
 * vocabulary can have (a test of that check passes a short start). */
static size_t vocab_bytes(const size_t *start, size_t vocab_size)
{
    return start && vocab_size <= UINT32_MAX ? start[vocab_size] : 0;
}

/* 2 V (d + 1) parameters, or SIZE_MAX (no copy) if that overflows. */
static size_t model_size(size_t vocab_size, size_t dim)
{
    if (dim == SIZE_MAX || vocab_size > SIZE_MAX / 2)
        return SIZE_MAX;
    return sb_bytes(2 * vocab_size, dim + 1);
}
#endif

#include "generate.h"

#ifdef GRADE_SERVER

void server_gv_secure_dot(const sb_request *req)
{
    GC_STUDENT_FN(gv_secure_dot)
    sb_student_begin();
    gv_status s = f_((const uint64_t *)sb_slot(req, 0), (const uint64_t *)sb_slot(req, 1),
                     (const uint64_t *)sb_slot(req, 2), (const uint64_t *)sb_slot(req, 3),
                     *(size_t *)sb_slot(req, 4), *(uint64_t *)sb_slot(req, 5),
                     (uint64_t *)sb_slot(req, 6));
    sb_student_end();
    sb_return(&s, sizeof s);
}

#else

gv_status gv_secure_dot(const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, size_t n, uint64_t seed, uint64_t z[2])
{
    sb_call call_;
    sb_call_begin(&call_, GC_ID_gv_secure_dot, "gv_secure_dot");
    sb_in(&call_, "x0", x0, n, sizeof *x0);
    sb_in(&call_, "x1", x1, n, sizeof *x1);
    sb_in(&call_, "y0", y0, n, sizeof *y0);
    sb_in(&call_, "y1", y1, n, sizeof *y1);
    sb_val(&call_, &n, sizeof n);
    sb_val(&call_, &seed, sizeof seed);
    sb_out(&call_, "z", z, 2, sizeof *z);
    gv_status r;
    sb_run(&call_, &r, sizeof r);
    return r;
}

#endif
