/* Exercise 1: tokens and a vocabulary (chapter section 2). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

/* What one call of gv_vocab_count or gv_vocab_parse returned. */
typedef struct {
    gv_status status;
    size_t size, bytes;
    char *words;
    size_t *start;
    uint64_t *count;
    gv_error error;
} vocab_out;

static vocab_out vocab_out_alloc(size_t capacity, size_t words_capacity)
{
    vocab_out o = {GV_ERR_TODO, 12345, 12345, grade_alloc(words_capacity, 1),
                   grade_alloc(capacity + 1, sizeof(size_t)),
                   grade_alloc(capacity, sizeof(uint64_t)), {77, 77, "stale"}};
    memset(o.words, '#', words_capacity);
    for (size_t i = 0; i <= capacity; i++)
        o.start[i] = SIZE_MAX;
    for (size_t i = 0; i < capacity; i++)
        o.count[i] = UINT64_MAX;
    return o;
}

/* gv_vocab_count (parse = 0) or gv_vocab_parse (1) with room for capacity
 * words of words_capacity bytes in all. */
static vocab_out run_vocab(int parse, const char *text, size_t len, uint64_t min_count,
                           size_t capacity, size_t words_capacity)
{
    vocab_out o = vocab_out_alloc(capacity, words_capacity);
    if (parse)
        o.status = gv_vocab_parse(text, len, o.words, words_capacity, o.start, o.count,
                                  capacity, &o.size, &o.bytes, &o.error);
    else
        o.status = gv_vocab_count(text, len, min_count, o.words, words_capacity, o.start,
                                  o.count, capacity, &o.size, &o.bytes, &o.error);
    return o;
}

static const char *fn_name(int parse)
{
    return parse ? "gv_vocab_parse" : "gv_vocab_count";
}

/* Fails unless the call succeeded with exactly the reference vocabulary. */
static void expect_vocab(int parse, const vocab_out *got, const ref_vocab *want,
                         const char *what)
{
    const char *fn = fn_name(parse);
    char a[120], b[120];
    expect_status(got->status, GV_OK, "%s of %s", fn, what);
    expect_true(got->error.line == 0 && got->error.column == 0 && got->error.message[0] == 0,
                "%s of %s succeeded but left *error as it was (line %zu, column %zu); on "
                "success it is cleared", fn, what, got->error.line, got->error.column);
    if (got->size != want->size)
        grade_fail("%s of %s: expected %zu words, came %zu", fn, what, want->size, got->size);
    if (got->bytes != want->bytes)
        grade_fail("%s of %s: expected %zu bytes of words, came %zu", fn, what, want->bytes,
                   got->bytes);
    for (size_t i = 0; i <= want->size; i++)
        if (got->start[i] != want->start[i]) {
            if (i > 0 && i < want->size && got->start[i] <= want->bytes &&
                got->start[i] >= got->start[i - 1])
                grade_fail("%s of %s: word %zu expected \"%s\", came \"%s\" (start[%zu] "
                           "expected %zu, came %zu)", fn, what, i - 1,
                           quoted(want->words + want->start[i - 1],
                                  want->start[i] - want->start[i - 1], a, sizeof a),
                           quoted(got->words + got->start[i - 1],
                                  got->start[i] - got->start[i - 1], b, sizeof b),
                           i, want->start[i], got->start[i]);
            grade_fail("%s of %s: start[%zu] expected %zu, came %zu", fn, what, i,
                       want->start[i], got->start[i]);
        }
    for (size_t i = 0; i < want->size; i++) {
        size_t s = want->start[i], n = want->start[i + 1] - s;
        if (memcmp(got->words + s, want->words + s, n) != 0)
            grade_fail("%s of %s: word %zu (count %llu) expected \"%s\", came \"%s\"", fn, what,
                       i, (unsigned long long)want->count[i], quoted(want->words + s, n, a,
                       sizeof a), quoted(got->words + s, n, b, sizeof b));
        if (got->count[i] != want->count[i])
            grade_fail("%s of %s: the count of word %zu \"%s\" expected %llu, came %llu", fn,
                       what, i, quoted(want->words + s, n, a, sizeof a),
                       (unsigned long long)want->count[i], (unsigned long long)got->count[i]);
    }
}

/* The vocabulary of text, given by hand as "word count" pairs. */
static void expect_counts(const char *text, size_t len, uint64_t min_count,
                          const char *const *words, const uint64_t *counts, size_t n,
                          const char *what)
{
    ref_vocab want = ref_vocab_of(words, n);
    for (size_t i = 0; i < n; i++)
        want.count[i] = counts[i];
    vocab_out got = run_vocab(0, text, len, min_count, n + 3, want.bytes + 10);
    expect_vocab(0, &got, &want, what);
}

GRADED_TEST(vocab, toy_corpus, 2, SEC_VOCAB)
{
    const char *text = "the cat sat on the mat\nthe dog sat\n";
    const char *words[] = {"the", "sat", "cat", "dog", "mat", "on"};
    const uint64_t counts[] = {3, 2, 1, 1, 1, 1};
    expect_counts(text, strlen(text), 1, words, counts, 6, "\"the cat sat on the mat\\nthe "
                  "dog sat\\n\" (the 3, sat 2, then the words seen once in byte order)");

    const char *blanks = "  a\t\tb  a\r\nb a  \n\n";
    const char *ab[] = {"a", "b"};
    const uint64_t ab_counts[] = {3, 2};
    expect_counts(blanks, strlen(blanks), 1, ab, ab_counts, 2, "\"  a\\t\\tb  a\\r\\nb a  "
                  "\\n\\n\" (space, tab, \\r and \\n all separate tokens)");

    const char *utf8 = "caf\xc3\xa9 na\xc3\xafve caf\xc3\xa9 cafe";
    const char *accents[] = {"caf\xc3\xa9", "cafe", "na\xc3\xafve"};
    const uint64_t accent_counts[] = {2, 1, 1};
    expect_counts(utf8, strlen(utf8), 1, accents, accent_counts, 3, "\"caf\\xc3\\xa9 "
                  "na\\xc3\\xafve caf\\xc3\\xa9 cafe\" (UTF-8 words are bytes like any other)");

    const char *one[] = {"word"};
    const uint64_t one_count[] = {1};
    expect_counts("word", 4, 1, one, one_count, 1, "\"word\" (no blank at the end)");
    /* The text is (text, len): a NUL inside is a byte of a word, and what
     * follows len is not read (the redzone after it would report it). */
    ref_vocab want = ref_vocab_count("x\0y x\0y", 7, 1);
    vocab_out got = run_vocab(0, "x\0y x\0y", 7, 1, 4, 10);
    expect_vocab(0, &got, &want, "\"x\\0y x\\0y\" (len 7: a NUL byte is part of a word)");

    for (int c = 0; c < 3; c++) {
        const char *empty = c == 0 ? "" : c == 1 ? " \n\t\r\n " : "\n";
        ref_vocab none = ref_vocab_count(empty, strlen(empty), 1);
        got = run_vocab(0, empty, strlen(empty), 1, 4, 10);
        expect_vocab(0, &got, &none, c == 0 ? "the empty corpus (len 0): a vocabulary of 0 "
                     "words" : "a corpus of blanks only: 0 words");
    }
}

GRADED_TEST(vocab, tie_order, 1, SEC_VOCAB)
{
    rng r;
    grade_rng(&r);
    /* Each twice, so all tie: sorted by their bytes as unsigned, a prefix first. */
    const char *sorted[] = {"B", "a", "aa", "ab", "abc", "b", "z", "\xc3\xa4", "\xc3\xa9",
                            "\xc3\xa9t\xc3\xa9"};
    size_t n = sizeof sorted / sizeof sorted[0];
    for (int round = 0; round < 5; round++) {
        size_t order[20];
        rng_permutation(&r, order, 2 * n);
        char text[200] = "";
        for (size_t i = 0; i < 2 * n; i++) {
            strcat(text, sorted[order[i] % n]);
            strcat(text, rng_below(&r, 4) ? " " : "\n");
        }
        const uint64_t counts[10] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        char what[400], q[300];
        snprintf(what, sizeof what, "\"%s\" (ten words seen twice each: ties go by their "
                 "bytes compared as unsigned, as memcmp does, a shorter prefix first, so "
                 "\"B\" < \"a\" < \"aa\" < \"z\" < \"\\xc3\\xa4\")",
                 quoted(text, strlen(text), q, sizeof q));
        expect_counts(text, strlen(text), 1, sorted, counts, n, what);
    }
    const char *mixed = "b a c b a b d d c d";
    const char *by_count[] = {"b", "d", "a", "c"};
    const uint64_t mixed_counts[] = {3, 3, 2, 2};
    expect_counts(mixed, strlen(mixed), 1, by_count, mixed_counts, 4, "\"b a c b a b d d c d\" "
                  "(count descending first, then bytes)");
}

GRADED_TEST(vocab, min_count, 1, SEC_VOCAB)
{
    const char *text = "e d c b a e d c b e d c e d e x y";
    const char *all[] = {"e", "d", "c", "b", "a", "x", "y"};
    const uint64_t counts[] = {5, 4, 3, 2, 1, 1, 1};
    for (uint64_t min = 1; min <= 6; min++) {
        size_t n = 0;
        while (n < 7 && counts[n] >= min)
            n++;
        char what[160];
        snprintf(what, sizeof what, "\"%s\" with min_count %llu (the words seen at least "
                 "min_count times)", text, (unsigned long long)min);
        expect_counts(text, strlen(text), min, all, counts, n, what);
    }
    vocab_out got = run_vocab(0, text, strlen(text), 0, 10, 100);
    expect_status(got.status, GV_ERR_ARG, "gv_vocab_count with min_count = 0");
    got = run_vocab(0, text, strlen(text), UINT64_MAX, 10, 100);
    expect_status(got.status, GV_OK, "gv_vocab_count with min_count = UINT64_MAX");
    expect_int((long long)got.size, 0, "gv_vocab_count with min_count = UINT64_MAX: words");
}

GRADED_TEST(vocab, space_protocol, 1, SEC_VOCAB)
{
    const char *text = "one two three two three three four\n";
    size_t len = strlen(text);
    ref_vocab want = ref_vocab_count(text, len, 1);
    size_t size = 99, bytes = 99;
    expect_status(gv_vocab_count(text, len, 1, NULL, 0, NULL, NULL, 0, &size, &bytes, NULL),
                  GV_ERR_SPACE, "gv_vocab_count with capacities of 0 and NULL arrays (the call "
                  "that asks for the sizes)");
    expect_int((long long)size, (long long)want.size, "gv_vocab_count with capacities of 0: "
               "*size, the words needed");
    expect_int((long long)bytes, (long long)want.bytes, "gv_vocab_count with capacities of 0: "
               "*bytes, the bytes needed");
    vocab_out got = run_vocab(0, text, len, 1, want.size, want.bytes);
    expect_vocab(0, &got, &want, "\"one two three two three three four\\n\" with exactly the "
                 "capacities the first call reported");
    got = run_vocab(0, text, len, 1, want.size - 1, want.bytes);
    expect_status(got.status, GV_ERR_SPACE, "gv_vocab_count with room for %zu of its %zu words",
                  want.size - 1, want.size);
    expect_true(got.size == want.size && got.bytes == want.bytes, "gv_vocab_count with room "
                "for %zu of its %zu words: *size and *bytes expected %zu and %zu, came %zu "
                "and %zu", want.size - 1, want.size, want.size, want.bytes, got.size, got.bytes);
    got = run_vocab(0, text, len, 1, want.size, want.bytes - 1);
    expect_status(got.status, GV_ERR_SPACE, "gv_vocab_count with room for %zu of its %zu "
                  "bytes", want.bytes - 1, want.bytes);
    expect_true(got.size == want.size && got.bytes == want.bytes, "gv_vocab_count with room "
                "for %zu of its %zu bytes: *size and *bytes expected %zu and %zu, came %zu and "
                "%zu", want.bytes - 1, want.bytes, want.size, want.bytes, got.size, got.bytes);
    got = run_vocab(0, text, len, 1, want.size + 5, want.bytes + 17);
    expect_vocab(0, &got, &want, "\"one two three two three three four\\n\" with spare room");

    char words[64];
    size_t start[8];
    uint64_t count[8];
    expect_status(gv_vocab_count(NULL, 5, 1, words, 64, start, count, 7, &size, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_count(NULL, 5, ...)");
    expect_status(gv_vocab_count(text, len, 1, words, 64, start, count, 7, NULL, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_count with size = NULL");
    expect_status(gv_vocab_count(text, len, 1, words, 64, start, count, 7, &size, NULL, NULL),
                  GV_ERR_ARG, "gv_vocab_count with bytes = NULL");
    expect_status(gv_vocab_count(text, len, 1, NULL, 64, start, count, 7, &size, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_count with words = NULL but words_capacity = 64");
    expect_status(gv_vocab_count(text, len, 1, words, 64, start, NULL, 7, &size, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_count with count = NULL but capacity = 7");
    expect_status(gv_vocab_count(text, len, 1, words, 64, NULL, count, 7, &size, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_count with start = NULL but capacity = 7");
}

/* Fails unless text is GV_ERR_FORMAT at (line, column), for both functions
 * that read a corpus. */
static void expect_bad_text(const char *text, size_t len, size_t line, size_t column,
                            const char *what)
{
    char q[200];
    ref_place p = ref_text_problem(text, len);
    if (!p.found || p.line != line || p.column != column)
        grade_fail("grader bug: %s at %zu:%zu", what, p.line, p.column);
    vocab_out got = run_vocab(0, text, len, 1, 10, 200);
    expect_status(got.status, GV_ERR_FORMAT, "gv_vocab_count of \"%s\" (%s)",
                  quoted(text, len, q, sizeof q), what);
    if (got.error.line != line || got.error.column != column)
        grade_fail("gv_vocab_count of \"%s\" (%s): the place in *error expected line %zu, "
                   "column %zu (1-based, the column in bytes of the first offending byte), "
                   "came line %zu, column %zu", q, what, line, column, got.error.line,
                   got.error.column);
    expect_true(memchr(got.error.message, 0, sizeof got.error.message) &&
                got.error.message[0] != 0, "gv_vocab_count of \"%s\" (%s): expected a "
                "description in error->message, came none", q, what);
    const char *words[] = {"a", "b", "x"};
    ref_vocab v = ref_vocab_of(words, 3);
    gv_cooccur_options o = {2, 1, 1};
    gv_record records[40];
    size_t count = 99;
    gv_error error = {0, 0, ""};
    expect_status(gv_cooccur(text, len, v.words, v.start, v.size, &o, records, 40, &count,
                             &error), GV_ERR_FORMAT, "gv_cooccur of \"%s\" (%s)", q, what);
    if (error.line != line || error.column != column)
        grade_fail("gv_cooccur of \"%s\" (%s): the place in *error expected line %zu, column "
                   "%zu, came line %zu, column %zu", q, what, line, column, error.line,
                   error.column);
}

GRADED_TEST(vocab, invalid_text, 2, SEC_VOCAB)
{
    static const struct {
        const char *text;
        size_t line, column;
        const char *what;
    } bad[] = {
        {"ab\xff", 1, 3, "0xff is never UTF-8"},
        {"ok\nfine \xc0\x80 x", 2, 6, "0xc0 0x80 is an overlong NUL"},
        {"\xe0\x80\xaf", 1, 1, "an overlong 3-byte '/'"},
        {"a b \xf0\x82\x82\xac", 1, 5, "an overlong 4-byte euro sign"},
        {"a \xed\xa0\x80 b", 1, 3, "a surrogate, U+D800"},
        {"\n\nx \xed\xbf\xbf", 3, 3, "a surrogate, U+DFFF"},
        {"word \xe2\x82", 1, 6, "a 3-byte sequence cut short by the end of the text"},
        {"\xe2\x82 x", 1, 1, "a 3-byte sequence cut short by a space"},
        {"x\ncaf\xc3\nz", 2, 4, "a 2-byte sequence cut short by a newline"},
        {"\xf4\x90\x80\x80", 1, 1, "U+110000, above U+10FFFF"},
        {"a\x80", 1, 2, "a continuation byte with no lead byte"},
        {"\xf5\x80\x80\x80 a", 1, 1, "0xf5 is never UTF-8"},
        {"a b\nc <unk> d", 2, 3, "the reserved token <unk>"},
        {"<unk>", 1, 1, "the reserved token <unk>"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_bad_text(bad[i].text, strlen(bad[i].text), bad[i].line, bad[i].column,
                        bad[i].what);
    /* The edges of what is valid, and words that only contain <unk>. */
    const char *edges = "\xc2\x80 \xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80 \xef\xbf\xbf "
                        "\xf0\x90\x80\x80 \xf4\x8f\xbf\xbf <unk>s x<unk> <UNK> \x7f";
    ref_vocab want = ref_vocab_count(edges, strlen(edges), 1);
    vocab_out got = run_vocab(0, edges, strlen(edges), 1, 20, 200);
    expect_vocab(0, &got, &want, "U+0080, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF, "
                 "\"<unk>s\", \"x<unk>\", \"<UNK>\" and DEL (all valid: the smallest and "
                 "largest code points of each length, around the surrogates)");
}

/* A token of `a_count` 'a' followed by tail, once, and the length it must
 * be cut to. */
static void expect_cut(size_t a_count, const char *tail, size_t kept, const char *what)
{
    size_t tail_len = strlen(tail), len = a_count + tail_len;
    char *text = grade_alloc(len + 3, 1);
    memset(text, 'a', a_count);
    memcpy(text + a_count, tail, tail_len);
    memcpy(text + len, " b", 2);
    vocab_out got = run_vocab(0, text, len + 2, 1, 4, 2100);
    expect_status(got.status, GV_OK, "gv_vocab_count of a %zu-byte token (%s)", len, what);
    expect_int((long long)got.size, 2, "gv_vocab_count of a %zu-byte token and \"b\": words",
               len);
    expect_true(got.start[0] == 0 && got.start[0] <= got.start[1] &&
                got.start[1] <= got.start[2] && got.start[2] == got.bytes && got.bytes <= 2100,
                "gv_vocab_count of a %zu-byte token and \"b\": start[0..2] = %zu, %zu, %zu do "
                "not delimit two words in the %zu bytes reported", len, got.start[0],
                got.start[1], got.start[2], got.bytes);
    size_t first = got.start[1], b_first = first == 1 && got.words[0] == 'b';
    size_t came = b_first ? got.start[2] - got.start[1] : first;
    if (came != kept)
        grade_fail("gv_vocab_count of a %zu-byte token (%s): expected it cut to %zu bytes "
                   "(the longest prefix of at most GV_MAX_WORD = %d bytes that ends on a whole "
                   "character), came %zu", len, what, kept, GV_MAX_WORD, came);
    const char *word = got.words + (b_first ? got.start[1] : 0);
    expect_true(memcmp(word, text, kept) == 0, "gv_vocab_count of a %zu-byte token (%s): the "
                "word is not the token's first %zu bytes", len, what, kept);
}

GRADED_TEST(vocab, long_words, 1, SEC_VOCAB)
{
    expect_cut(999, "", 999, "999 bytes: kept whole");
    expect_cut(1000, "", 999, "1000 ASCII bytes");
    expect_cut(2000, "", 999, "2000 ASCII bytes");
    expect_cut(997, "\xc3\xa9", 999, "997 'a' and a 2-byte e-acute: 999 bytes, kept whole");
    expect_cut(998, "\xc3\xa9", 998, "998 'a' and a 2-byte e-acute, which would end at byte "
               "1000");
    expect_cut(997, "\xe2\x82\xac", 997, "997 'a' and a 3-byte euro sign");
    expect_cut(996, "\xf0\x9f\x98\x80", 996, "996 'a' and a 4-byte emoji");
    expect_cut(995, "\xf0\x9f\x98\x80x", 999, "995 'a', a 4-byte emoji and 'x'");
    /* Two tokens with the same first 999 bytes are one word. */
    char *text = grade_alloc(2100, 1);
    memset(text, 'q', 999);
    memcpy(text + 999, "x ", 2);
    memset(text + 1001, 'q', 999);
    memcpy(text + 2000, "y\nq", 3);
    ref_vocab want = ref_vocab_count(text, 2003, 1);
    expect_true(want.size == 2 && want.count[0] == 2, "grader bug: long tokens");
    vocab_out got = run_vocab(0, text, 2003, 1, 4, 2100);
    expect_vocab(0, &got, &want, "999 'q' + \"x\", 999 'q' + \"y\" and \"q\" (the two long "
                 "tokens become the same word)");
}

/* A random word of 1..max_len characters, some of them 2-, 3- or 4-byte. */
static size_t random_word(rng *r, char *out, size_t max_len)
{
    static const char *const pieces[] = {"a", "b", "e", "n", "s", "t", "z", "A", "0", "-",
                                         "\xc3\xa9", "\xc3\xbc", "\xe2\x82\xac",
                                         "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "'", "."};
    size_t chars = 1 + rng_below(r, max_len), len = 0;
    for (size_t c = 0; c < chars; c++) {
        const char *p = pieces[rng_below(r, rng_below(r, 3) ? 10 : 17)];
        memcpy(out + len, p, strlen(p));
        len += strlen(p);
    }
    return len;
}

/* A corpus of about `tokens` tokens over `distinct` random words with
 * Zipf-like frequencies, blanks of every kind between them. */
static char *random_corpus(rng *r, size_t distinct, size_t tokens, size_t *len)
{
    char(*words)[32] = grade_alloc(distinct, sizeof *words);
    size_t *lens = grade_alloc(distinct, sizeof *lens);
    for (size_t i = 0; i < distinct; i++)
        lens[i] = random_word(r, words[i], 5);
    char *text = grade_alloc(tokens * 40 + 8, 1);
    size_t at = 0;
    static const char blanks[] = " \t\r\n";
    for (size_t t = 0; t < tokens; t++) {
        size_t w = (size_t)((double)distinct * pow(rng_uniform(r), 2.5));
        memcpy(text + at, words[w], lens[w]);
        at += lens[w];
        size_t gaps = 1 + (rng_below(r, 5) == 0);
        for (size_t g = 0; g < gaps; g++)
            text[at++] = rng_below(r, 4) ? ' ' : blanks[rng_below(r, 4)];
    }
    if (rng_below(r, 2))
        at--; /* sometimes no blank at the end */
    *len = at;
    return text;
}

GRADED_TEST(vocab, random_corpora, 1, SEC_VOCAB)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        size_t len, distinct = 2 + rng_below(&r, 80), tokens = 1 + rng_below(&r, 1500);
        char *text = random_corpus(&r, distinct, tokens, &len);
        uint64_t min_count = 1 + rng_below(&r, 3);
        ref_vocab want = ref_vocab_count(text, len, min_count);
        snprintf(what, sizeof what, "a random corpus of %zu bytes, %zu tokens over %zu "
                 "random words, min_count %llu", len, tokens, distinct,
                 (unsigned long long)min_count);
        vocab_out got = run_vocab(0, text, len, min_count, want.size + rng_below(&r, 3),
                                  want.bytes + rng_below(&r, 3));
        expect_vocab(0, &got, &want, what);
    }
}

/* The vocabulary file of a reference vocabulary: "word count\n" lines. */
static char *vocab_file(const ref_vocab *v, size_t *len)
{
    char *text = grade_alloc(v->bytes + 24 * v->size + 1, 1);
    size_t at = 0;
    for (size_t i = 0; i < v->size; i++) {
        memcpy(text + at, v->words + v->start[i], v->start[i + 1] - v->start[i]);
        at += v->start[i + 1] - v->start[i];
        at += (size_t)sprintf(text + at, " %llu\n", (unsigned long long)v->count[i]);
    }
    *len = at;
    return text;
}

GRADED_TEST(vocab, parse, 1, SEC_VOCAB)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 6; round++) {
        size_t len, file_len, distinct = 2 + rng_below(&r, 40);
        char *text = random_corpus(&r, distinct, 1 + rng_below(&r, 600), &len);
        ref_vocab want = ref_vocab_count(text, len, 1);
        char *file = vocab_file(&want, &file_len);
        if (round % 2 && file_len > 0)
            file_len--; /* no newline after the last line */
        vocab_out got = run_vocab(1, file, file_len, 1, want.size, want.bytes);
        expect_vocab(1, &got, &want, round % 2 ? "the vocabulary file of a random corpus, its "
                     "last line without '\\n'" : "the vocabulary file of a random corpus");
    }
    const char *big = "a 18446744073709551615\nb 7\nc 7\n";
    const char *names[] = {"a", "b", "c"};
    ref_vocab want = ref_vocab_of(names, 3);
    want.count[0] = UINT64_MAX;
    want.count[1] = want.count[2] = 7;
    vocab_out got = run_vocab(1, big, strlen(big), 1, 3, 3);
    expect_vocab(1, &got, &want, "\"a 18446744073709551615\\nb 7\\nc 7\\n\" (the largest "
                 "uint64_t count)");
    got = run_vocab(1, big, strlen(big), 1, 0, 0);
    expect_status(got.status, GV_ERR_SPACE, "gv_vocab_parse with capacities of 0");
    expect_true(got.size == 3 && got.bytes == 3, "gv_vocab_parse with capacities of 0: *size "
                "and *bytes expected 3 and 3, came %zu and %zu", got.size, got.bytes);

    static const struct {
        const char *text;
        size_t line;
        const char *what;
    } bad[] = {
        {"a 3\nb\n", 2, "a word without a count"},
        {"a 3\nb  2\n", 2, "two spaces"},
        {"a 3\nb\t2\n", 2, "a tab instead of the space"},
        {"a 3\nb 0\n", 2, "a count of 0"},
        {"a 3\nb -1\n", 2, "a negative count"},
        {"a 3\nb +1\n", 2, "a sign"},
        {"a 3\nb 2x\n", 2, "a count that is not a number"},
        {"a 3\nb 2 \n", 2, "a space after the count"},
        {"a 3\nb 2\r\n", 2, "a \\r after the count"},
        {"a 3\n 2\n", 2, "no word"},
        {"a 3\nb c 2\n", 2, "a word with a space"},
        {"a 3\n\nb 2\n", 2, "an empty line"},
        {"a 3\nb 4\n", 2, "counts that increase"},
        {"a 3\nb 2\nc 2\na 1\n", 4, "a word seen twice"},
        {"a 18446744073709551616\n", 1, "a count too large for a uint64_t"},
        {"a 1\nb 1\nc", 3, "a last line without a count"},
    };
    char q[120];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t len = strlen(bad[i].text);
        got = run_vocab(1, bad[i].text, len, 1, 10, 100);
        expect_status(got.status, GV_ERR_FORMAT, "gv_vocab_parse of \"%s\" (%s)",
                      quoted(bad[i].text, len, q, sizeof q), bad[i].what);
        if (got.error.line != bad[i].line)
            grade_fail("gv_vocab_parse of \"%s\" (%s): the line in *error expected %zu, came "
                       "%zu", q, bad[i].what, bad[i].line, got.error.line);
    }
    size_t size, bytes;
    expect_status(gv_vocab_parse(NULL, 4, NULL, 0, NULL, NULL, 0, &size, &bytes, NULL),
                  GV_ERR_ARG, "gv_vocab_parse(NULL, 4, ...)");
}
