/* cooccur.c: the co-occurrence counts X_ij of a corpus over a vocabulary,
 * window by window (chapter section 3). */
#include "glove.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

gv_status gv_cooccur(const char *text, size_t len, const char *words, const size_t *start,
                     size_t vocab_size, const gv_cooccur_options *options, gv_record *records,
                     size_t capacity, size_t *count, gv_error *error)
{
    // TODO: check the arguments; put the vocabulary in a tx_table (word i
    //   as entry i: a word met twice is GV_ERR_ARG). Then read the tokens
    //   with tx_next, drop the ones not in the vocabulary, and keep the ids
    //   of the last `window` kept tokens of the current document in a ring
    //   buffer: each new token adds 1/d (or 1) to X[earlier][new], and to
    //   X[new][earlier] if symmetric, for the tokens d = 1 .. window back.
    //   Accumulate the nonzeros in a structure that does not need V^2
    //   memory (a hash map keyed by (row, col), or sorted batches merged),
    //   then write them sorted by (row, col). GV_ERR_SPACE, with *count,
    //   when they do not fit; records may be NULL when capacity is 0.
    (void)text; (void)len; (void)words; (void)start; (void)vocab_size;
    (void)options; (void)records; (void)capacity; (void)count; (void)error;
    return GV_ERR_TODO;
}
