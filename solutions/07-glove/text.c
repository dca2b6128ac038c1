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

// BEGIN SOLUTION
/* The range allowed for the second byte of a character led by `lead`
 * (0x80..0xbf but for the leads that could spell an overlong form, a
 * surrogate or a code point above U+10FFFF), and the character's length,
 * 0 for a byte that cannot lead one. */
static size_t lead_byte(unsigned lead, unsigned *low, unsigned *high)
{
    *low = 0x80;
    *high = 0xbf;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xc2 && lead <= 0xdf)
        return 2;
    if (lead >= 0xe0 && lead <= 0xef) {
        if (lead == 0xe0)
            *low = 0xa0; /* below: an overlong form of U+0000..U+07FF */
        if (lead == 0xed)
            *high = 0x9f; /* above: the surrogates U+D800..U+DFFF */
        return 3;
    }
    if (lead >= 0xf0 && lead <= 0xf4) {
        if (lead == 0xf0)
            *low = 0x90; /* below: an overlong form of U+0000..U+FFFF */
        if (lead == 0xf4)
            *high = 0x8f; /* above: beyond U+10FFFF */
        return 4;
    }
    return 0; /* 0x80..0xc1 (a continuation, an overlong lead), 0xf5..0xff */
}

static int is_continuation(unsigned char byte)
{
    return (byte & 0xc0) == 0x80;
}

// END SOLUTION
size_t tx_utf8_char(const unsigned char *p, size_t n)
{
    // TODO: how many bytes the UTF-8 character at p has (1 to 4), or 0 if
    //   the bytes there are not a valid one: check the lead byte, that
    //   enough continuation bytes (10xxxxxx) follow within the n bytes,
    //   and the ranges that rule out overlong forms (lead 0xe0, 0xf0),
    //   surrogates (0xed) and code points above U+10FFFF (0xf4).
    // STUB: (void)p; (void)n;
    // STUB: return 0;
    // BEGIN SOLUTION
    unsigned low, high;
    size_t length = lead_byte(p[0], &low, &high);
    if (length <= 1)
        return length;
    if (n < length || p[1] < low || p[1] > high)
        return 0;
    for (size_t i = 2; i < length; i++)
        if (!is_continuation(p[i]))
            return 0;
    return length;
    // END SOLUTION
}

void tx_utf8_fail(gv_error *error, size_t line, size_t column, const unsigned char *p,
                  size_t n)
{
    // TODO: say which rule the bytes at p break, naming the bytes in hex:
    //   "invalid UTF-8 byte 0xff" for a byte that cannot start a character,
    //   and a message of your own for a character cut short, an overlong
    //   form, a surrogate and a code point above U+10FFFF.
    // STUB: (void)error; (void)line; (void)column; (void)p; (void)n;
    // BEGIN SOLUTION
    unsigned low, high;
    size_t length = lead_byte(p[0], &low, &high);
    if (length == 0) {
        tx_fail(error, line, column, "invalid UTF-8 byte 0x%02x", p[0]);
        return;
    }
    for (size_t i = 1; i < length; i++)
        if (i >= n || !is_continuation(p[i])) {
            tx_fail(error, line, column, "UTF-8 character 0x%02x cut short: %zu of %zu bytes",
                    p[0], i, length);
            return;
        }
    const char *what = p[0] == 0xed   ? "a surrogate"
                       : p[0] == 0xf4 ? "above U+10FFFF"
                                      : "an overlong form";
    tx_fail(error, line, column, "invalid UTF-8 bytes 0x%02x 0x%02x: %s", p[0], p[1], what);
    // END SOLUTION
}

void tx_start(tx_scanner *s, const char *text, size_t len)
{
    s->text = (const unsigned char *)text;
    s->len = len;
    s->pos = 0;
    s->line = 1;
    s->line_start = 0;
}

// BEGIN SOLUTION
static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Where a token starting at `begin` ends: the first blank or '\n' after
 * it, or the end of the text; every character in between is checked.
 * Returns 0, or -1 with *bad at the first byte that is not UTF-8. */
static int token_end(const unsigned char *text, size_t len, size_t begin, size_t *end,
                     size_t *bad)
{
    size_t i = begin;
    while (i < len) {
        unsigned char c = text[i];
        if (c < 0x80) { /* ASCII: most of the text, one test each */
            if (c <= ' ' && (is_blank(c) || c == '\n'))
                break;
            i++;
            continue;
        }
        size_t length = tx_utf8_char(text + i, len - i);
        if (length == 0) {
            *bad = i;
            return -1;
        }
        i += length;
    }
    *end = i;
    return 0;
}

/* The longest prefix of the n bytes at p (whole UTF-8 characters) that
 * fits in GV_MAX_WORD bytes. */
static size_t cut_word(const unsigned char *p, size_t n)
{
    if (n <= GV_MAX_WORD)
        return n;
    size_t cut = GV_MAX_WORD;
    while (cut > 0 && is_continuation(p[cut]))
        cut--; /* p[cut] would be the first byte left out: not inside a character */
    return cut;
}

// END SOLUTION
tx_kind tx_next(tx_scanner *s, const char **word, size_t *length, gv_error *error)
{
    // TODO: skip blanks (space, tab, '\r'); at the end of the text return
    //   TX_END; a '\n' is TX_NEWLINE (count the line: errors report a
    //   1-based line and byte column). Otherwise the token runs to the next
    //   blank or '\n': check each non-ASCII character with tx_utf8_char
    //   (tx_utf8_fail and TX_ERROR on a bad one), refuse "<unk>" (TX_ERROR,
    //   "reserved word <unk>"), and cut a token longer than GV_MAX_WORD
    //   bytes on a character boundary.
    // STUB: (void)s; (void)word; (void)length; (void)error;
    // STUB: return TX_END;
    // BEGIN SOLUTION
    const unsigned char *text = s->text;
    size_t i = s->pos;
    while (i < s->len && is_blank(text[i]))
        i++;
    if (i == s->len) {
        s->pos = i;
        return TX_END;
    }
    if (text[i] == '\n') {
        s->pos = s->line_start = i + 1;
        s->line++;
        return TX_NEWLINE;
    }
    size_t end, bad;
    if (token_end(text, s->len, i, &end, &bad) != 0) {
        tx_utf8_fail(error, s->line, bad - s->line_start + 1, text + bad, s->len - bad);
        return TX_ERROR;
    }
    s->pos = end;
    if (end - i == 5 && memcmp(text + i, "<unk>", 5) == 0) {
        tx_fail(error, s->line, i - s->line_start + 1, "reserved word <unk>");
        return TX_ERROR;
    }
    *word = (const char *)text + i;
    *length = cut_word(text + i, end - i);
    return TX_WORD;
    // END SOLUTION
}

// BEGIN SOLUTION
enum { MIN_SLOTS = 64 };

/* FNV-1a over the bytes, then a multiply-xorshift finaliser so that the
 * low bits, which pick the slot, depend on every byte. */
static uint64_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3u;
    }
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9u;
    return h ^ (h >> 29);
}

/* A slot holds entry + 1 in its low 32 bits and the hash's high 32 bits as
 * a tag, so that most mismatches are rejected without a memcmp. */
static uint64_t slot_value(uint64_t hash, size_t entry)
{
    return (hash & 0xffffffff00000000u) | (uint64_t)(entry + 1);
}

/* The slot where the word is, or the empty slot where it would go. */
static size_t probe(const tx_table *t, const char *word, size_t length, uint64_t hash)
{
    size_t i = (size_t)hash & t->mask;
    for (;; i = (i + 1) & t->mask) {
        uint64_t slot = t->slots[i];
        if (slot == 0)
            return i;
        if ((slot >> 32) == (hash >> 32)) {
            const tx_entry *e = &t->entries[(slot & 0xffffffffu) - 1];
            if (e->length == length && memcmp(t->bytes + e->offset, word, length) == 0)
                return i;
        }
    }
}

/* Twice the slots, every entry placed again by its hash. */
static int grow_slots(tx_table *t)
{
    size_t count = 2 * (t->mask + 1);
    uint64_t *slots = calloc(count, sizeof *slots);
    if (!slots)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->mask = count - 1;
    for (size_t e = 0; e < t->size; e++) {
        size_t i = (size_t)t->entries[e].hash & t->mask;
        while (slots[i] != 0)
            i = (i + 1) & t->mask;
        slots[i] = slot_value(t->entries[e].hash, e);
    }
    return 0;
}

/* Room for one more entry of `length` bytes. */
static int reserve(tx_table *t, size_t length)
{
    if (t->size >= UINT32_MAX - 1)
        return -1; /* a slot counts entries in 32 bits */
    if (2 * (t->size + 1) > t->mask + 1 && grow_slots(t) != 0)
        return -1;
    if (t->size == t->capacity) {
        tx_entry *entries = realloc(t->entries, 2 * t->capacity * sizeof *entries);
        if (!entries)
            return -1;
        t->entries = entries;
        t->capacity *= 2;
    }
    if (length > t->room - t->used) {
        size_t room = t->room;
        while (length > room - t->used) {
            if (room > SIZE_MAX / 2)
                return -1;
            room *= 2;
        }
        char *bytes = realloc(t->bytes, room);
        if (!bytes)
            return -1;
        t->bytes = bytes;
        t->room = room;
    }
    return 0;
}

// END SOLUTION
int tx_table_init(tx_table *t, size_t expected)
{
    // TODO: allocate the slots (a power of two, at least twice `expected`
    //   so that probes stay short), the entries and the bytes.
    // STUB: (void)t; (void)expected;
    // STUB: return -1;
    // BEGIN SOLUTION
    memset(t, 0, sizeof *t);
    size_t slots = MIN_SLOTS;
    while (slots / 2 < expected && slots < SIZE_MAX / 4)
        slots *= 2;
    t->mask = slots - 1;
    t->capacity = slots / 2;
    t->room = 8 * t->capacity;
    t->slots = calloc(slots, sizeof *t->slots);
    t->entries = malloc(t->capacity * sizeof *t->entries);
    t->bytes = malloc(t->room);
    if (!t->slots || !t->entries || !t->bytes) {
        tx_table_free(t);
        return -1;
    }
    return 0;
    // END SOLUTION
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
    // STUB: (void)t; (void)word; (void)length; (void)added;
    // STUB: return TX_NONE;
    // BEGIN SOLUTION
    uint64_t hash = hash_bytes(word, length);
    size_t i = probe(t, word, length, hash);
    *added = t->slots[i] == 0;
    if (!*added)
        return (t->slots[i] & 0xffffffffu) - 1;
    const uint64_t *slots = t->slots;
    if (reserve(t, length) != 0)
        return TX_NONE;
    if (t->slots != slots)
        i = probe(t, word, length, hash); /* the slots grew: another place */
    size_t e = t->size++;
    t->entries[e] = (tx_entry){.offset = t->used, .length = length, .hash = hash, .count = 0};
    if (length)
        memcpy(t->bytes + t->used, word, length);
    t->used += length;
    t->slots[i] = slot_value(hash, e);
    return e;
    // END SOLUTION
}

size_t tx_table_find(const tx_table *t, const char *word, size_t length)
{
    // TODO: the entry holding the word, or TX_NONE.
    // STUB: (void)t; (void)word; (void)length;
    // STUB: return TX_NONE;
    // BEGIN SOLUTION
    size_t i = probe(t, word, length, hash_bytes(word, length));
    return t->slots[i] == 0 ? TX_NONE : (size_t)(t->slots[i] & 0xffffffffu) - 1;
    // END SOLUTION
}
