/* text.h: the tokens of a corpus and a table of words, shared by the
 * vocabulary (vocab.c) and the co-occurrence counts (cooccur.c).
 *
 * Exercise 1 writes them in text.c: a scanner that cuts UTF-8 text into
 * tokens and checks it on the way, and a hash table from a word's bytes to
 * a number, by open addressing.
 */
#ifndef GLOVE_TEXT_H
#define GLOVE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "glove.h"

/* ---- errors ----------------------------------------------------------------- */

/* Clears *error (if not NULL): line and column 0, an empty message. */
void tx_clear(gv_error *error);

/* Fills *error (if not NULL) with a place and a printf-style message, cut
 * to fit. */
void tx_fail(gv_error *error, size_t line, size_t column, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- UTF-8 -------------------------------------------------------------------- */

/* The length in bytes (1 to 4) of the whole UTF-8 character that starts at
 * p, of the n >= 1 bytes left, or 0 if the bytes there are not one: a byte
 * that cannot start a character, a missing continuation byte, an overlong
 * form, a surrogate or a code point above U+10FFFF. */
size_t tx_utf8_char(const unsigned char *p, size_t n);

/* For a p where tx_utf8_char returns 0: fills *error with the place given
 * and what is wrong ("invalid UTF-8 byte 0xff"). */
void tx_utf8_fail(gv_error *error, size_t line, size_t column, const unsigned char *p,
                  size_t n);

/* ---- the scanner -------------------------------------------------------------- */

typedef struct {
    const unsigned char *text;
    size_t len, pos;  /* the next byte to read */
    size_t line;      /* 1-based line of pos */
    size_t line_start; /* where that line starts */
} tx_scanner;

typedef enum {
    TX_WORD,    /* a token: *word, *length */
    TX_NEWLINE, /* a '\n': the end of a document */
    TX_END,     /* the end of the text */
    TX_ERROR,   /* not UTF-8, or the reserved token "<unk>": *error says where */
} tx_kind;

void tx_start(tx_scanner *s, const char *text, size_t len);

/* The next token of the text (glove.h, gv_vocab_count, says what one is):
 * a TX_WORD gives its bytes, cut to GV_MAX_WORD bytes on a character
 * boundary, in *word and *length. */
tx_kind tx_next(tx_scanner *s, const char **word, size_t *length, gv_error *error);

/* ---- the table of words --------------------------------------------------------- */

typedef struct {
    size_t offset, length; /* the bytes, in the table's own copy */
    uint64_t hash;
    uint64_t count; /* the caller's to use */
} tx_entry;

typedef struct {
    uint64_t *slots;    /* mask + 1 slots: 0 = empty, else entry + 1 and a tag */
    size_t mask;
    tx_entry *entries;  /* in the order they were added */
    size_t size, capacity;
    char *bytes;        /* the words' bytes, one after the other */
    size_t used, room;
} tx_table;

/* What tx_table_add and tx_table_find return for "out of memory" and "not
 * there". */
#define TX_NONE SIZE_MAX

/* An empty table with room for about `expected` words; 0, or -1 when out
 * of memory. */
int tx_table_init(tx_table *t, size_t expected);

void tx_table_free(tx_table *t);

/* The word's entry (an index into t->entries), added with count 0 if it
 * was not there (*added tells which); TX_NONE when out of memory. */
size_t tx_table_add(tx_table *t, const char *word, size_t length, int *added);

/* The word's entry, or TX_NONE. */
size_t tx_table_find(const tx_table *t, const char *word, size_t length);

/* The bytes of entry i. */
static inline const char *tx_word(const tx_table *t, size_t i)
{
    return t->bytes + t->entries[i].offset;
}

#endif
