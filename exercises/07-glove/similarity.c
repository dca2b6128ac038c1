/* similarity.c: unit vectors, cosines, nearest neighbours and analogies
 * (chapter section 7). */
#include "glove.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gemm.h"

gv_status gv_normalize_rows(const double *vectors, size_t rows, size_t dim, double *unit)
{
    // TODO: check the arguments and that every entry is finite; each row
    //   divided by its norm, computed after dividing the row by its largest
    //   |entry| so that squaring cannot overflow (1e200) or underflow
    //   (1e-200). A zero row stays zero.
    (void)vectors; (void)rows; (void)dim; (void)unit;
    return GV_ERR_TODO;
}

gv_status gv_cosine(const double *a, const double *b, size_t dim, double *cosine)
{
    // TODO: a.b / (|a| |b|), with each vector divided by its largest
    //   |entry| first (as in gv_normalize_rows), clamped to [-1, 1].
    (void)a; (void)b; (void)dim; (void)cosine;
    return GV_ERR_TODO;
}

gv_status gv_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                     size_t k, const uint32_t *exclude, size_t n_exclude, uint32_t *ids,
                     double *scores)
{
    // TODO: check the arguments (an excluded id must be a row; exclude may
    //   be NULL when n_exclude is 0; GV_ERR_ARG when fewer than k rows are
    //   left). Score every row that is not excluded by its dot product with
    //   the query and keep the k best as you go (a heap of k candidates,
    //   not a sort of all the rows), then sort those k.
    (void)unit; (void)rows; (void)dim; (void)query; (void)k; (void)exclude;
    (void)n_exclude; (void)ids; (void)scores;
    return GV_ERR_TODO;
}

gv_status gv_analogies(const double *unit, size_t rows, size_t dim, const uint32_t *questions,
                       size_t n, gv_rule rule, uint32_t *answers)
{
    // TODO: check the arguments (every id a row; a question must leave a
    //   row other than a, b and c). For 3CosAdd score every row d by d .
    //   (b - a + c) (the rows are unit vectors: the same argmax as the
    //   cosine); for 3CosMul compute the three cosines d . a, d . b, d . c
    //   and combine them as the header says. Skip a, b and c; on a tie the
    //   smaller id wins. Score a block of questions against all rows with
    //   one matrix product (gemm, support/gemm.h), not one dot product at
    //   a time.
    (void)unit; (void)rows; (void)dim; (void)questions; (void)n; (void)rule;
    (void)answers;
    return GV_ERR_TODO;
}
