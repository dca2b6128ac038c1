/* model.h: what the cost (cost.c) and the trainer (adagrad.c) both check
 * before they read a model. */
#ifndef GLOVE_MODEL_H
#define GLOVE_MODEL_H

#include <stddef.h>

#include "glove.h"

/* 2 V (d + 1), the number of parameters, or 0 if a size_t cannot hold it
 * (or V or d is 0). */
size_t md_param_count(size_t vocab_size, size_t dim);

/* The checks gv_cost and gv_adagrad_epoch share (glove.h, gv_cost):
 * GV_ERR_ARG for a NULL pointer, a size of 0 or too large, options out of
 * range, a record whose row or col is not below V or whose value is not
 * > 0; then GV_ERR_NAN for a value or a parameter that is not finite. */
gv_status md_check(const gv_record *records, size_t count, const double *params,
                   size_t vocab_size, size_t dim, const gv_options *options);

#endif
