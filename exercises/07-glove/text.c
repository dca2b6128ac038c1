/* text.c: UTF-8 checks, the token scanner and the table of words of text.h
 * (chapter section 2). */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tx_clear(gv_error *error)
{
    if (error) {
        error->line = error->column = 0;
        error->message[0] = '\0';
    }
}

void tx_fail(gv_error *error, size_t line, size_t column, const char *format, ...)
{
    if (!error)
        return;
    error->line = line;
    error->column = column;
    va_list args;
    va_start(args, format);
    vsnprintf(error->message, sizeof error->message, format, args);
    va_end(args);
}

size_t tx_utf8_char(const unsigned char *p, size_t n)
{
    // TODO: how many bytes the UTF-8 character at p has (1 to 4), or 0 if
    //   the bytes there are not a valid one: check the lead byte, that
    //   enough continuation bytes (10xxxxxx) follow within the n bytes,
    //   and the ranges that rule out overlong forms (lead 0xe0, 0xf0),
    //   surrogates (0xed) and code points above U+10FFFF (0xf4).
    (void)p; (void)n;
    return 0;
}

void tx_utf8_fail(gv_error *error, size_t line, size_t column, const unsigned char *p,
                  size_t n)
{
    // TODO: say which rule the bytes at p break, naming the bytes in hex:
    //   "invalid UTF-8 byte 0xff" for a byte that cannot start a character,
    //   and a message of your own for a character cut short, an overlong
    //   form, a surrogate and a code point above U+10FFFF.
    (void)error; (void)line; (void)column; (void)p; (void)n;
}

void tx_start(tx_scanner *s, const char *text, size_t len)
{
    s->text = (const unsigned char *)text;
    s->len = len;
    s->pos = 0;
    s->line = 1;
    s->line_start = 0;
}

tx_kind tx_next(tx_scanner *s, const char **word, size_t *length, gv_error *error)
{
    // TODO: skip blanks (space, tab, '\r'); at the end of the text return
    //   TX_END; a '\n' is TX_NEWLINE (count the line: errors report a
    //   1-based line and byte column). Otherwise the token runs to the next
    //   blank or '\n': check each non-ASCII character with tx_utf8_char
    //   (tx_utf8_fail and TX_ERROR on a bad one), refuse "<unk>" (TX_ERROR,
    //   "reserved word <unk>"), and cut a token longer than GV_MAX_WORD
    //   bytes on a character boundary.
    (void)s; (void)word; (void)length; (void)error;
    return TX_END;
}

int tx_table_init(tx_table *t, size_t expected)
{
    // TODO: allocate the slots (a power of two, at least twice `expected`
    //   so that probes stay short), the entries and the bytes.
    (void)t; (void)expected;
    return -1;
}

void tx_table_free(tx_table *t)
{
    free(t->slots);
    free(t->entries);
    free(t->bytes);
    memset(t, 0, sizeof *t);
}

size_t tx_table_add(tx_table *t, const char *word, size_t length, int *added)
{
    // TODO: look the word up by its hash (open addressing: the next slot
    //   after a taken one); if it is missing, copy its bytes, make an entry
    //   with count 0 and fill the empty slot, growing the slots first when
    //   they would be more than half full.
    (void)t; (void)word; (void)length; (void)added;
    return TX_NONE;
}

size_t tx_table_find(const tx_table *t, const char *word, size_t length)
{
    // TODO: the entry holding the word, or TX_NONE.
    (void)t; (void)word; (void)length;
    return TX_NONE;
}
