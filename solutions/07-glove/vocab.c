/* vocab.c: the vocabulary of a corpus, counted or read back from the
 * original code's vocabulary file (chapter section 2). */
#include "glove.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

// BEGIN SOLUTION
/* A word of the vocabulary being built: its bytes are in a table or in the
 * text being read. */
typedef struct {
    const char *word;
    size_t length;
    uint64_t count;
} counted_word;

/* The vocabulary's order: count descending, then the bytes as unsigned
 * (memcmp), a prefix before the longer words it starts. */
static int vocabulary_order(const void *pa, const void *pb)
{
    const counted_word *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    int c = memcmp(a->word, b->word, a->length < b->length ? a->length : b->length);
    if (c != 0)
        return c;
    return (a->length > b->length) - (a->length < b->length);
}

/* 1 when the output arguments are usable: the sizes are there, and an
 * array may be NULL only when its capacity is 0. */
static int outputs_ok(const char *words, size_t words_capacity, const size_t *start,
                      const uint64_t *count, size_t capacity, const size_t *size,
                      const size_t *bytes)
{
    return size && bytes && (words || words_capacity == 0) &&
           ((start && count) || capacity == 0);
}

/* Writes the V words of list, in order, to the caller's arrays, or reports
 * the sizes they need (GV_ERR_SPACE). */
static gv_status write_vocabulary(const counted_word *list, size_t vocab_size, char *words,
                                  size_t words_capacity, size_t *start, uint64_t *count,
                                  size_t capacity, size_t *size, size_t *bytes)
{
    size_t total = 0;
    for (size_t i = 0; i < vocab_size; i++)
        total += list[i].length; /* at most the length of the text */
    *size = vocab_size;
    *bytes = total;
    if (vocab_size > capacity || total > words_capacity)
        return GV_ERR_SPACE;
    size_t at = 0;
    for (size_t i = 0; i < vocab_size; i++) {
        start[i] = at;
        count[i] = list[i].count;
        memcpy(words + at, list[i].word, list[i].length);
        at += list[i].length;
    }
    if (start)
        start[vocab_size] = at;
    return GV_OK;
}

/* Counts every token of the text in the table. */
static gv_status count_tokens(tx_table *table, const char *text, size_t len, gv_error *error)
{
    tx_scanner scanner;
    tx_start(&scanner, text, len);
    for (;;) {
        const char *word;
        size_t length;
        int added;
        switch (tx_next(&scanner, &word, &length, error)) {
        case TX_END: return GV_OK;
        case TX_ERROR: return GV_ERR_FORMAT;
        case TX_NEWLINE: break;
        case TX_WORD: {
            size_t e = tx_table_add(table, word, length, &added);
            if (e == TX_NONE)
                return GV_ERR_NOMEM;
            table->entries[e].count++;
        }
        }
    }
}

// END SOLUTION
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
    // STUB: (void)text; (void)len; (void)min_count; (void)words; (void)words_capacity;
    // STUB: (void)start; (void)count; (void)capacity; (void)size; (void)bytes; (void)error;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    tx_clear(error);
    if (!text || min_count == 0 ||
        !outputs_ok(words, words_capacity, start, count, capacity, size, bytes))
        return GV_ERR_ARG;
    tx_table table;
    if (tx_table_init(&table, 1024) != 0)
        return GV_ERR_NOMEM;
    gv_status status = count_tokens(&table, text, len, error);
    counted_word *kept = NULL;
    if (status == GV_OK && !(kept = malloc((table.size + 1) * sizeof *kept)))
        status = GV_ERR_NOMEM;
    if (status == GV_OK) {
        size_t vocab_size = 0;
        for (size_t e = 0; e < table.size; e++)
            if (table.entries[e].count >= min_count)
                kept[vocab_size++] = (counted_word){tx_word(&table, e), table.entries[e].length,
                                                    table.entries[e].count};
        qsort(kept, vocab_size, sizeof *kept, vocabulary_order);
        status = write_vocabulary(kept, vocab_size, words, words_capacity, start, count,
                                  capacity, size, bytes);
    }
    free(kept);
    tx_table_free(&table);
    return status;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Checks the word of a vocabulary line (length bytes at p) as a token of
 * gv_vocab_count: UTF-8, no blank, not too long, not "<unk>". */
static gv_status check_word(const char *p, size_t length, size_t line, gv_error *error)
{
    const unsigned char *u = (const unsigned char *)p;
    for (size_t i = 0; i < length;) {
        if (u[i] == '\t' || u[i] == '\r') {
            tx_fail(error, line, i + 1, "expected 'word count': a blank inside the word");
            return GV_ERR_FORMAT;
        }
        size_t k = tx_utf8_char(u + i, length - i);
        if (k == 0) {
            tx_utf8_fail(error, line, i + 1, u + i, length - i);
            return GV_ERR_FORMAT;
        }
        i += k;
    }
    if (length > GV_MAX_WORD) {
        tx_fail(error, line, GV_MAX_WORD + 1, "word longer than %d bytes", GV_MAX_WORD);
        return GV_ERR_FORMAT;
    }
    if (length == 5 && memcmp(p, "<unk>", 5) == 0) {
        tx_fail(error, line, 1, "reserved word <unk>");
        return GV_ERR_FORMAT;
    }
    return GV_OK;
}

/* Reads the count (length bytes at p, column `column`): decimal digits
 * only, a value from 1 to UINT64_MAX. */
static gv_status read_count(const char *p, size_t length, size_t line, size_t column,
                            uint64_t *value, gv_error *error)
{
    if (length == 0) {
        tx_fail(error, line, column, "expected 'word count': no count");
        return GV_ERR_FORMAT;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < length; i++) {
        if (p[i] < '0' || p[i] > '9') {
            tx_fail(error, line, column + i, "count is not a decimal integer");
            return GV_ERR_FORMAT;
        }
        unsigned digit = (unsigned)(p[i] - '0');
        if (v > (UINT64_MAX - digit) / 10) {
            tx_fail(error, line, column, "count too large");
            return GV_ERR_FORMAT;
        }
        v = 10 * v + digit;
    }
    if (v == 0) {
        tx_fail(error, line, column, "count is 0: every word was seen at least once");
        return GV_ERR_FORMAT;
    }
    *value = v;
    return GV_OK;
}

/* One line "word count" (n bytes at p, without its '\n'). */
static gv_status parse_line(const char *p, size_t n, size_t line, counted_word *out,
                            gv_error *error)
{
    const char *space = memchr(p, ' ', n);
    if (!space || space == p) {
        tx_fail(error, line, space ? 1 : n + 1, "expected 'word count'");
        return GV_ERR_FORMAT;
    }
    size_t length = (size_t)(space - p);
    gv_status status = check_word(p, length, line, error);
    if (status == GV_OK)
        status = read_count(space + 1, n - length - 1, line, length + 2, &out->count, error);
    out->word = p;
    out->length = length;
    return status;
}

/* list[size] = word, after checking it against the words before it. */
static gv_status add_line(tx_table *seen, counted_word *list, size_t size, counted_word word,
                          size_t line, gv_error *error)
{
    if (size > 0 && word.count > list[size - 1].count) {
        tx_fail(error, line, word.length + 2,
                "count not decreasing: %" PRIu64 " after %" PRIu64, word.count,
                list[size - 1].count);
        return GV_ERR_FORMAT;
    }
    int added;
    size_t e = tx_table_add(seen, word.word, word.length, &added);
    if (e == TX_NONE)
        return GV_ERR_NOMEM;
    if (!added) { /* entry e is line e + 1 */
        tx_fail(error, line, 1, "word repeated (first on line %zu)", e + 1);
        return GV_ERR_FORMAT;
    }
    list[size] = word;
    return GV_OK;
}

/* The words of a vocabulary file, in list (room for one per line). */
static gv_status parse_lines(const char *text, size_t len, tx_table *seen, counted_word *list,
                             size_t *size, gv_error *error)
{
    size_t line = 1, n = 0;
    for (size_t pos = 0; pos < len; pos++, line++) {
        const char *newline = memchr(text + pos, '\n', len - pos);
        size_t end = newline ? (size_t)(newline - text) : len;
        counted_word word;
        gv_status status = parse_line(text + pos, end - pos, line, &word, error);
        if (status == GV_OK)
            status = add_line(seen, list, n, word, line, error);
        if (status != GV_OK)
            return status;
        n++;
        pos = end;
    }
    *size = n;
    return GV_OK;
}

// END SOLUTION
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
    // STUB: (void)text; (void)len; (void)words; (void)words_capacity; (void)start;
    // STUB: (void)count; (void)capacity; (void)size; (void)bytes; (void)error;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    tx_clear(error);
    if (!text || !outputs_ok(words, words_capacity, start, count, capacity, size, bytes))
        return GV_ERR_ARG;
    size_t lines = 1;
    for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
        lines++;
    tx_table seen;
    if (tx_table_init(&seen, lines) != 0)
        return GV_ERR_NOMEM;
    counted_word *list = malloc(lines * sizeof *list);
    size_t vocab_size = 0;
    gv_status status = list ? parse_lines(text, len, &seen, list, &vocab_size, error)
                            : GV_ERR_NOMEM;
    if (status == GV_OK)
        status = write_vocabulary(list, vocab_size, words, words_capacity, start, count,
                                  capacity, size, bytes);
    free(list);
    tx_table_free(&seen);
    return status;
    // END SOLUTION
}
