/* adagrad.c: the original code's start, its shuffle and its AdaGrad epoch
 * (chapter section 6). */
#include "glove.h"

#include <math.h>
#include <stdlib.h>

#include "model.h"
#include "rng.h"
#include "simd.h"

gv_status gv_init(size_t vocab_size, size_t dim, uint64_t seed, double *params, double *gradsq)
{
    // TODO: seed an rng (support/rng.h); every parameter, in memory order,
    //   is (rng_uniform - 0.5) / dim; every gradsq entry is 1.
    (void)vocab_size; (void)dim; (void)seed; (void)params; (void)gradsq;
    return GV_ERR_TODO;
}

gv_status gv_shuffle(gv_record *records, size_t count, uint64_t seed)
{
    // TODO: Fisher-Yates, exactly as the header says (the grader compares
    //   the order you get with its own).
    (void)records; (void)count; (void)seed;
    return GV_ERR_TODO;
}

gv_status gv_adagrad_epoch(const gv_record *records, size_t count, size_t vocab_size,
                           size_t dim, const gv_options *options, double *params,
                           double *gradsq, double *cost)
{
    // TODO: check the arguments (md_check; gradsq not NULL). Then go
    //   through the records in order, each as the header spells it out:
    //   compute every component's step from the old gradsq before adding
    //   the new squares, apply the steps of w_i and w~_j only if both sum
    //   to finite numbers, and the bias steps after them. Add up the cost
    //   before each record's update.
    (void)records; (void)count; (void)vocab_size; (void)dim; (void)options;
    (void)params; (void)gradsq; (void)cost;
    return GV_ERR_TODO;
}
