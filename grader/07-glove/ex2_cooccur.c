/* Exercise 2: co-occurrence counts (chapter section 3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

typedef struct {
    gv_status status;
    size_t count;
    gv_record *records;
} cooccur_out;

static cooccur_out run_cooccur(const char *text, size_t len, const ref_vocab *v,
                               gv_cooccur_options o, size_t capacity)
{
    cooccur_out c = {GV_ERR_TODO, 12345, grade_alloc(capacity, sizeof(gv_record))};
    for (size_t i = 0; i < capacity; i++)
        c.records[i] = (gv_record){UINT32_MAX, UINT32_MAX, NAN};
    gv_error error;
    c.status = gv_cooccur(text, len, v->words, v->start, v->size, &o, c.records, capacity,
                          &c.count, &error);
    return c;
}

static const char *describe(gv_cooccur_options o, char *out, size_t size)
{
    snprintf(out, size, "window %zu, %s, %s", o.window, o.symmetric ? "symmetric" :
             "asymmetric", o.distance_weighting ? "1/d weights" : "weights 1");
    return out;
}

/* The records of text over the words given, against a list written by hand. */
static void expect_hand(const char *text, const char *const *words, size_t n_words,
                        gv_cooccur_options o, const gv_record *want, size_t n_want,
                        const char *why)
{
    ref_vocab v = ref_vocab_of(words, n_words);
    char q[200], opts[80], what[600];
    snprintf(what, sizeof what, "\"%s\" (%s; %s)", quoted(text, strlen(text), q, sizeof q),
             describe(o, opts, sizeof opts), why);
    cooccur_out c = run_cooccur(text, strlen(text), &v, o, n_want + 10);
    expect_status(c.status, GV_OK, "gv_cooccur of %s", what);
    long double *x = grade_alloc(n_words * n_words, sizeof *x);
    for (size_t i = 0; i < n_want; i++)
        x[want[i].row * n_words + want[i].col] = want[i].value;
    long double *ref = ref_cooccur_dense(text, strlen(text), v.words, v.start, v.size, &o);
    for (size_t i = 0; i < n_words * n_words; i++)
        if (fabsl(ref[i] - x[i]) > 1e-15L)
            grade_fail("grader bug: hand counts of %s", what);
    expect_records(c.records, c.count, x, n_words, what);
}

static const char *const abcd[] = {"a", "b", "c", "d"};

GRADED_TEST(cooccur, window_one, 1, SEC_COOCCUR)
{
    const gv_record sym[] = {{0, 1, 1}, {1, 0, 1}, {1, 2, 1}, {2, 1, 1}, {2, 3, 1}, {3, 2, 1}};
    expect_hand("a b c d", abcd, 4, (gv_cooccur_options){1, 1, 1}, sym, 6, "only neighbours "
                "count, each pair both ways");
    const gv_record asym[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
    expect_hand("a b c d", abcd, 4, (gv_cooccur_options){1, 0, 0}, asym, 3, "only neighbours, "
                "as (left, right)");
    const gv_record rev[] = {{0, 2, 1}, {1, 0, 2}, {2, 1, 1}, {3, 1, 1}};
    expect_hand("d b a c b a", abcd, 4, (gv_cooccur_options){1, 0, 1}, rev, 4, "(b, a) twice");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 10; round++) { /* window 1: X_ij = adjacent (i, j) pairs */
        size_t n = 2 + rng_below(&r, 60);
        char *text = grade_alloc(2 * n + 1, 1);
        size_t *id = grade_alloc(n, sizeof *id);
        for (size_t i = 0; i < n; i++) {
            id[i] = rng_below(&r, 4);
            text[2 * i] = (char)('a' + id[i]);
            text[2 * i + 1] = ' ';
        }
        gv_record want[16];
        size_t m = 0;
        for (size_t a = 0; a < 4; a++)
            for (size_t b = 0; b < 4; b++) {
                double pairs = 0;
                for (size_t i = 0; i + 1 < n; i++)
                    pairs += id[i] == a && id[i + 1] == b;
                if (pairs > 0)
                    want[m++] = (gv_record){(uint32_t)a, (uint32_t)b, pairs};
            }
        expect_hand(text, abcd, 4, (gv_cooccur_options){1, 0, 1}, want, m, "random letters: "
                    "X_ij = how often j directly follows i");
    }
}

GRADED_TEST(cooccur, distance_weights, 2, SEC_COOCCUR)
{
    const gv_record three[] = {{0, 1, 1}, {0, 2, 0.5}, {1, 2, 1}};
    expect_hand("a b c", abcd, 4, (gv_cooccur_options){2, 0, 1}, three, 3, "a and c are 2 "
                "apart: 1/2");
    const gv_record four[] = {{0, 0, 1.0 / 3}, {0, 1, 1}, {0, 2, 0.5},
                              {1, 0, 0.5},     {1, 2, 1}, {2, 0, 1}};
    expect_hand("a b c a", abcd, 4, (gv_cooccur_options){3, 0, 1}, four, 6, "the two a are 3 "
                "apart: X[a][a] = 1/3");
    const gv_record flat[] = {{0, 0, 1}, {0, 1, 1}, {0, 2, 1}, {1, 0, 1}, {1, 2, 1}, {2, 0, 1}};
    expect_hand("a b c a", abcd, 4, (gv_cooccur_options){3, 0, 0}, flat, 6, "without distance "
                "weighting every pair adds 1");
    const gv_record sym[] = {{0, 0, 2.0 / 3}, {0, 1, 1.5}, {0, 2, 1.5}, {1, 0, 1.5},
                             {1, 2, 1},       {2, 0, 1.5}, {2, 1, 1}};
    expect_hand("a b c a", abcd, 4, (gv_cooccur_options){3, 1, 1}, sym, 7, "symmetric: X[a][b] "
                "= 1 + 1/2, and the pair (a, a) adds 1/3 twice to X[a][a]");
    const gv_record cut[] = {{0, 1, 1}, {0, 2, 0.5}, {1, 2, 1}, {1, 3, 0.5}, {2, 3, 1}};
    expect_hand("a b c d", abcd, 4, (gv_cooccur_options){2, 0, 1}, cut, 5, "a and d are 3 "
                "apart, outside a window of 2");
    const gv_record wide[] = {{0, 1, 1}, {0, 2, 0.5}, {0, 3, 1.0 / 3}, {1, 2, 1}, {1, 3, 0.5},
                              {2, 3, 1}};
    expect_hand("a b c d", abcd, 4, (gv_cooccur_options){15, 0, 1}, wide, 6, "a window longer "
                "than the text");
    /* A longer run: word i at position i, so X[i][j] = 1 / (j - i) within the window. */
    const char *const letters[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
    for (size_t window = 1; window <= 8; window++) {
        gv_record want[64];
        size_t m = 0;
        for (uint32_t i = 0; i < 8; i++)
            for (uint32_t j = i + 1; j < 8 && j - i <= window; j++)
                want[m++] = (gv_record){i, j, 1.0 / (j - i)};
        expect_hand("a b c d e f g h", letters, 8, (gv_cooccur_options){window, 0, 1}, want, m,
                    "X[i][j] = 1 / (j - i)");
    }
}

/* The symmetric, asymmetric and transposed matrices of random corpora. */
static char *letters_corpus(rng *r, size_t tokens, size_t letters, size_t *len)
{
    char *text = grade_alloc(3 * tokens + 1, 1);
    size_t at = 0;
    for (size_t t = 0; t < tokens; t++) {
        size_t id = (size_t)((double)letters * pow(rng_uniform(r), 1.5));
        text[at++] = (char)('a' + id);
        if (rng_below(r, 3) == 0)
            text[at++] = (char)('a' + id); /* "aa": another word */
        text[at++] = rng_below(r, 25) ? ' ' : '\n';
    }
    *len = at;
    return text;
}

static long double *matrix_of(const cooccur_out *c, size_t v)
{
    long double *x = grade_alloc(v * v, sizeof *x);
    for (size_t i = 0; i < c->count; i++)
        if (c->records[i].row < v && c->records[i].col < v)
            x[c->records[i].row * v + c->records[i].col] = c->records[i].value;
    return x;
}

static const char *const letter_words[] = {"a",  "b",  "c",  "d",  "e",  "f",  "g",  "h",
                                           "aa", "bb", "cc", "dd", "ee", "ff", "gg", "hh"};

/* gv_cooccur of a random corpus of letters over the 16 words, with random
 * options of the given symmetry, checked against the reference. */
typedef struct {
    char *text;
    size_t len;
    gv_cooccur_options o;
    cooccur_out c;
    char what[200];
} letters_case;

static void run_letters(rng *r, const ref_vocab *v, int symmetric, letters_case *k)
{
    char opts[80];
    k->text = letters_corpus(r, 20 + rng_below(r, 400), 8, &k->len);
    k->o = (gv_cooccur_options){1 + rng_below(r, 8), symmetric, (int)rng_below(r, 2)};
    snprintf(k->what, sizeof k->what, "a random corpus of %zu bytes (%s)", k->len,
             describe(k->o, opts, sizeof opts));
    k->c = run_cooccur(k->text, k->len, v, k->o, 256);
    expect_status(k->c.status, GV_OK, "gv_cooccur of %s", k->what);
    long double *want = ref_cooccur_dense(k->text, k->len, v->words, v->start, 16, &k->o);
    expect_records(k->c.records, k->c.count, want, 16, k->what);
}

GRADED_TEST(cooccur, symmetric, 1, SEC_COOCCUR)
{
    const gv_record twice[] = {{0, 0, 2}};
    expect_hand("a a", abcd, 4, (gv_cooccur_options){1, 1, 1}, twice, 1, "the pair (a, a) "
                "counts for (i, j) and for (j, i): X[a][a] = 2");
    rng r;
    grade_rng(&r);
    ref_vocab v = ref_vocab_of(letter_words, 16);
    for (int round = 0; round < 12; round++) {
        letters_case k;
        run_letters(&r, &v, 1, &k);
        long double *x = matrix_of(&k.c, 16);
        for (size_t i = 0; i < k.c.count; i++) {
            gv_record e = k.c.records[i];
            long double t = x[(size_t)e.col * 16 + e.row];
            if (!(fabsl(t - e.value) <= 1e-13L * e.value))
                grade_fail("gv_cooccur of %s: X[%u][%u] = %.17g but X[%u][%u] = %.17Lg; a "
                           "symmetric count equals its transpose", k.what, e.row, e.col,
                           e.value, e.col, e.row, t);
        }
    }
}

GRADED_TEST(cooccur, asymmetric, 1, SEC_COOCCUR)
{
    const gv_record left_right[] = {{1, 0, 1}};
    expect_hand("b a", abcd, 4, (gv_cooccur_options){1, 0, 1}, left_right, 1, "only (left, "
                "right): X[b][a]");
    rng r;
    grade_rng(&r);
    ref_vocab v = ref_vocab_of(letter_words, 16);
    for (int round = 0; round < 12; round++) {
        letters_case k;
        run_letters(&r, &v, 0, &k);
        /* The symmetric counts are the asymmetric ones plus their transpose. */
        gv_cooccur_options so = k.o;
        so.symmetric = 1;
        cooccur_out s = run_cooccur(k.text, k.len, &v, so, 256);
        expect_status(s.status, GV_OK, "gv_cooccur of %s, symmetric", k.what);
        long double *a = matrix_of(&k.c, 16), *sum = grade_alloc(256, sizeof *sum);
        for (size_t i = 0; i < 16; i++)
            for (size_t j = 0; j < 16; j++)
                sum[i * 16 + j] = a[i * 16 + j] + a[j * 16 + i];
        char what[300];
        snprintf(what, sizeof what, "%s, symmetric (expected: the asymmetric counts plus their "
                 "transpose)", k.what);
        expect_records(s.records, s.count, sum, 16, what);
    }
}

GRADED_TEST(cooccur, out_of_vocabulary, 1, SEC_COOCCUR)
{
    const gv_record gap[] = {{0, 1, 1}};
    expect_hand("a ? b", abcd, 2, (gv_cooccur_options){1, 0, 1}, gap, 1, "\"?\" is not a word "
                "of the vocabulary {a, b}: deleted first, so a and b are 1 apart");
    const gv_record gaps[] = {{0, 1, 1}, {0, 2, 0.5}, {1, 2, 1}};
    expect_hand("a x y b zz c", abcd, 3, (gv_cooccur_options){2, 0, 1}, gaps, 3, "x, y and zz "
                "are not in {a, b, c}: distances count kept words");
    expect_hand("? a ab b ba ?", abcd, 2, (gv_cooccur_options){1, 0, 1}, gap, 1, "\"ab\" and "
                "\"ba\" are not \"a\" or \"b\"");
    /* A token cut to GV_MAX_WORD bytes is the word of its first 999. */
    char *long_word = grade_alloc(GV_MAX_WORD + 1, 1), *text = grade_alloc(GV_MAX_WORD + 8, 1);
    memset(long_word, 'q', GV_MAX_WORD);
    memset(text, 'q', GV_MAX_WORD + 1);
    memcpy(text + GV_MAX_WORD + 1, " b", 2);
    const char *long_words[] = {long_word, "b"};
    expect_hand(text, long_words, 2, (gv_cooccur_options){1, 0, 1}, gap, 1, "1000 'q' and "
                "\"b\" over the vocabulary {999 'q', b}: the token is cut to 999 bytes, as "
                "gv_vocab_count cuts it");
    const gv_record none[] = {{0, 0, 0}};
    expect_hand("c d c d", abcd, 2, (gv_cooccur_options){3, 1, 1}, none, 0, "no word of the "
                "vocabulary {a, b}: no records");
    rng r;
    grade_rng(&r);
    char what[200], opts[80];
    for (int round = 0; round < 10; round++) {
        size_t len;
        char *text = letters_corpus(&r, 20 + rng_below(&r, 300), 8, &len);
        size_t keep = 1 + rng_below(&r, 15);
        ref_vocab v = ref_vocab_of(letter_words + rng_below(&r, 16 - keep + 1), keep);
        gv_cooccur_options o = {1 + rng_below(&r, 5), (int)rng_below(&r, 2),
                                (int)rng_below(&r, 2)};
        snprintf(what, sizeof what, "a random corpus of %zu bytes over a vocabulary of %zu of "
                 "its 16 words (%s)", len, keep, describe(o, opts, sizeof opts));
        cooccur_out c = run_cooccur(text, len, &v, o, keep * keep);
        expect_status(c.status, GV_OK, "gv_cooccur of %s", what);
        expect_records(c.records, c.count,
                       ref_cooccur_dense(text, len, v.words, v.start, v.size, &o), v.size, what);
    }
}

GRADED_TEST(cooccur, documents, 1, SEC_COOCCUR)
{
    const gv_record two[] = {{0, 1, 1}, {2, 3, 1}};
    expect_hand("a b\nc d", abcd, 4, (gv_cooccur_options){5, 0, 1}, two, 2, "a newline ends a "
                "document: no window crosses it");
    const gv_record none[] = {{0, 0, 0}};
    expect_hand("a\n\nb\nc\n", abcd, 4, (gv_cooccur_options){5, 1, 1}, none, 0, "one word per "
                "line: no pairs");
    expect_hand("", abcd, 4, (gv_cooccur_options){5, 1, 1}, none, 0, "the empty corpus");
    const gv_record joined[] = {{0, 1, 1}, {0, 2, 0.5}, {1, 2, 1}};
    expect_hand("a\rb\tc", abcd, 4, (gv_cooccur_options){5, 0, 1}, joined, 3, "\\r and tab "
                "separate words but do not end the document");
    const gv_record again[] = {{0, 1, 2}};
    expect_hand("a b\na b\n", abcd, 4, (gv_cooccur_options){2, 0, 0}, again, 1, "the same pair "
                "in two documents");
}

GRADED_TEST(cooccur, random_corpora, 2, SEC_COOCCUR)
{
    rng r;
    grade_rng(&r);
    char what[300], opts[80];
    for (int round = 0; round < 16; round++) {
        /* Words of all kinds, the vocabulary those seen twice, in a random order. */
        size_t len, tokens = 1 + rng_below(&r, 2500);
        char *text = grade_alloc(tokens * 12 + 1, 1);
        size_t at = 0, distinct = 3 + rng_below(&r, 120);
        for (size_t t = 0; t < tokens; t++) {
            size_t w = (size_t)((double)distinct * pow(rng_uniform(&r), 2));
            at += (size_t)sprintf(text + at, "%s%zu", w % 3 ? "w" : "\xc3\xa9", w);
            text[at++] = rng_below(&r, 40) ? (rng_below(&r, 8) ? ' ' : '\t') : '\n';
        }
        len = at;
        ref_vocab counted = ref_vocab_count(text, len, 2);
        if (counted.size == 0)
            continue;
        size_t v = counted.size, *order = grade_alloc(v, sizeof *order);
        rng_permutation(&r, order, v);
        const char **names = grade_alloc(v, sizeof *names);
        char *storage = grade_alloc(counted.bytes + v, 1);
        for (size_t i = 0, s = 0; i < v; i++) {
            size_t k = order[i], n = counted.start[k + 1] - counted.start[k];
            memcpy(storage + s, counted.words + counted.start[k], n);
            names[i] = storage + s;
            s += n + 1;
        }
        ref_vocab vocab = ref_vocab_of(names, v);
        gv_cooccur_options o = {1 + rng_below(&r, 10), (int)rng_below(&r, 2),
                                (int)rng_below(&r, 2)};
        snprintf(what, sizeof what, "a random corpus of %zu tokens over a vocabulary of its %zu "
                 "words seen twice, in random order (%s)", tokens, v,
                 describe(o, opts, sizeof opts));
        long double *want = ref_cooccur_dense(text, len, vocab.words, vocab.start, v, &o);
        cooccur_out c = run_cooccur(text, len, &vocab, o, ref_nonzeros(want, v));
        expect_status(c.status, GV_OK, "gv_cooccur of %s", what);
        expect_records(c.records, c.count, want, v, what);
    }
}

GRADED_TEST(cooccur, space_and_errors, 1, SEC_COOCCUR)
{
    ref_vocab v = ref_vocab_of(abcd, 4);
    const char *text = "a b c d a b";
    size_t len = strlen(text);
    gv_cooccur_options o = {2, 1, 1};
    long double *want = ref_cooccur_dense(text, len, v.words, v.start, 4, &o);
    size_t needed = ref_nonzeros(want, 4);
    cooccur_out c = run_cooccur(text, len, &v, o, needed - 1);
    expect_status(c.status, GV_ERR_SPACE, "gv_cooccur of \"%s\" (%zu nonzeros) with room for %zu "
                  "records", text, needed, needed - 1);
    expect_int((long long)c.count, (long long)needed, "gv_cooccur of \"%s\" with room for %zu "
               "records: *count, the records needed", text, needed - 1);
    c = run_cooccur(text, len, &v, o, 0);
    expect_status(c.status, GV_ERR_SPACE, "gv_cooccur of \"%s\" with capacity 0", text);
    expect_int((long long)c.count, (long long)needed, "gv_cooccur of \"%s\" with capacity 0: "
               "*count", text);
    c = run_cooccur(text, len, &v, o, needed);
    expect_status(c.status, GV_OK, "gv_cooccur of \"%s\" with room for exactly its %zu records",
                  text, needed);
    expect_records(c.records, c.count, want, 4, "\"a b c d a b\" (window 2, symmetric)");

    gv_record records[32];
    size_t count;
    gv_cooccur_options zero = {0, 1, 1};
    expect_status(gv_cooccur(text, len, v.words, v.start, 4, &zero, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with a window of 0");
    expect_status(gv_cooccur(text, len, v.words, v.start, 4, NULL, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with options = NULL");
    expect_status(gv_cooccur(text, len, v.words, v.start, 0, &o, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with vocab_size = 0");
    expect_status(gv_cooccur(NULL, len, v.words, v.start, 4, &o, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur(NULL, %zu, ...)", len);
    expect_status(gv_cooccur(text, len, NULL, v.start, 4, &o, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with words = NULL");
    expect_status(gv_cooccur(text, len, v.words, NULL, 4, &o, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with start = NULL");
    expect_status(gv_cooccur(text, len, v.words, v.start, 4, &o, records, 32, NULL, NULL),
                  GV_ERR_ARG, "gv_cooccur with count = NULL");
    size_t huge[2] = {0, 1};
    expect_status(gv_cooccur(text, len, "a", huge, (size_t)UINT32_MAX + 1, &o, records, 32,
                             &count, NULL),
                  GV_ERR_ARG, "gv_cooccur with vocab_size = 2^32 (ids are uint32_t)");
    const char *twice[] = {"a", "b", "a"};
    ref_vocab dup = ref_vocab_of(twice, 3);
    expect_status(gv_cooccur(text, len, dup.words, dup.start, 3, &o, records, 32, &count, NULL),
                  GV_ERR_ARG, "gv_cooccur over the vocabulary {a, b, a} (a word twice)");
}
