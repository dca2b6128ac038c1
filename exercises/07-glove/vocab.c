/* vocab.c: the vocabulary of a corpus, counted or read back from the
 * original code's vocabulary file (chapter section 2). */
#include "glove.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

gv_status gv_vocab_count(const char *text, size_t len, uint64_t min_count, char *words,
                         size_t words_capacity, size_t *start, uint64_t *count,
                         size_t capacity, size_t *size, size_t *bytes, gv_error *error)
{
    // TODO: count every token of the text in one pass (tx_next gives them,
    //   a tx_table counts them); keep the words seen at least min_count
    //   times, sort them by count, most frequent first, ties by memcmp of
    //   the bytes (a shorter prefix first), and write them out. If the
    //   arrays are too small, return GV_ERR_SPACE without writing them, but
    //   with *size and *bytes set. Clear *error on success.
    (void)text; (void)len; (void)min_count; (void)words; (void)words_capacity;
    (void)start; (void)count; (void)capacity; (void)size; (void)bytes; (void)error;
    return GV_ERR_TODO;
}

gv_status gv_vocab_parse(const char *text, size_t len, char *words, size_t words_capacity,
                         size_t *start, uint64_t *count, size_t capacity, size_t *size,
                         size_t *bytes, gv_error *error)
{
    // TODO: read the file line by line ('\n' ends a line; a last line may
    //   lack it): each line is a word, one space, and a count (decimal
    //   digits, >= 1); counts never increase from a line to the next and no
    //   word comes twice (a tx_table finds repeats). A word must be a token
    //   gv_vocab_count could write (UTF-8, no blank, at most GV_MAX_WORD
    //   bytes, not "<unk>"). The first line that breaks a rule is
    //   GV_ERR_FORMAT, with its line, the column of the problem and what it
    //   is in *error. Outputs as gv_vocab_count.
    (void)text; (void)len; (void)words; (void)words_capacity; (void)start;
    (void)count; (void)capacity; (void)size; (void)bytes; (void)error;
    return GV_ERR_TODO;
}
