/* baseline.c: GloVe the original C code's way (baseline.h), the yardstick
 * of lesson 07's benchmark. Section numbers refer to
 * shared/reference/glove.md, which specifies what is reproduced here.
 *
 * Built with -DBASELINE_MAIN it is also a program that runs the whole
 * pipeline on a corpus and prints what the original prints:
 *
 *     make baseline-07
 */
#include "baseline.h"
#include "gemm.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- words: a chained hash table and the tokenizer (section 0) ---------- */

enum { HASH_BUCKETS = 1 << 20 };
#define HASH_SEED 1159241u

typedef struct entry {
    struct entry *next;
    uint64_t value; /* a count, or a 1-based id */
    char word[];
} entry;

static size_t word_hash(const char *word)
{
    uint32_t h = HASH_SEED;
    for (const unsigned char *c = (const unsigned char *)word; *c != '\0'; c++)
        h ^= (h << 5) + *c + (h >> 2);
    return h & (HASH_BUCKETS - 1);
}

/* The entry of word, moved to the front of its chain, or NULL. */
static entry *table_find(entry **table, const char *word)
{
    entry **head = &table[word_hash(word)];
    for (entry *prev = NULL, *e = *head; e != NULL; prev = e, e = e->next) {
        if (strcmp(e->word, word) != 0)
            continue;
        if (prev != NULL) {
            prev->next = e->next;
            e->next = *head;
            *head = e;
        }
        return e;
    }
    return NULL;
}

static entry *table_insert(entry **table, const char *word, uint64_t value)
{
    size_t len = strlen(word);
    entry *e = malloc(sizeof *e + len + 1);
    if (e == NULL)
        return NULL;
    memcpy(e->word, word, len + 1);
    e->value = value;
    size_t h = word_hash(word);
    e->next = table[h];
    table[h] = e;
    return e;
}

static void table_free(entry **table)
{
    if (table == NULL)
        return;
    for (size_t h = 0; h < HASH_BUCKETS; h++) {
        for (entry *e = table[h], *next; e != NULL; e = next) {
            next = e->next;
            free(e);
        }
    }
    free(table);
}

/* A table of the vocabulary's words, each with its 1-based id. */
static entry **table_of_vocab(const baseline_vocab *vocab)
{
    entry **table = calloc(HASH_BUCKETS, sizeof *table);
    if (table == NULL)
        return NULL;
    for (size_t i = 0; i < vocab->size; i++) {
        if (table_insert(table, vocab->word[i], i + 1) == NULL) {
            table_free(table);
            return NULL;
        }
    }
    return table;
}

typedef struct {
    const char *text;
    size_t len, pos;
} reader;

enum { WORD, NEWLINE, END };

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }
static int is_continuation(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* The next token of the text into word: WORD, NEWLINE (a '\n' before any
 * byte of a word: the end of a document) or END. A word longer than
 * GV_MAX_WORD bytes is cut before the character that does not fit. */
static int next_word(reader *r, char word[GV_MAX_WORD + 1])
{
    while (r->pos < r->len && r->text[r->pos] != '\n' &&
           (is_blank(r->text[r->pos]) || r->text[r->pos] == '\r'))
        r->pos++;
    if (r->pos == r->len)
        return END;
    if (r->text[r->pos] == '\n') {
        r->pos++;
        return NEWLINE;
    }
    size_t n = 0;
    int overflowed = 0, split = 0;
    for (; r->pos < r->len && !is_blank(r->text[r->pos]); r->pos++) {
        char c = r->text[r->pos];
        if (c == '\r')
            continue;
        if (n < GV_MAX_WORD) {
            word[n++] = c;
        } else if (!overflowed) {
            overflowed = 1;
            split = is_continuation(c);
        }
    }
    if (split) { /* the first byte left out continues the last character: drop it whole */
        while (n > 0 && is_continuation(word[n - 1]))
            n--;
        if (n > 0)
            n--;
    }
    word[n] = '\0';
    return WORD;
}

/* ---- vocabulary (section 1) --------------------------------------------- */

/* The original's scmp: bytes compared as (signed) char. */
static int signed_bytes_compare(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return (signed char)*a - (signed char)*b;
}

static int by_count_then_bytes(const void *pa, const void *pb)
{
    const entry *a = *(const entry *const *)pa, *b = *(const entry *const *)pb;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return signed_bytes_compare(a->word, b->word);
}

/* Counts every token into table; *tokens, *distinct. */
static gv_status count_tokens(const char *text, size_t len, entry **table, uint64_t *tokens,
                              size_t *distinct)
{
    char word[GV_MAX_WORD + 1];
    reader r = {text, len, 0};
    int kind;
    while ((kind = next_word(&r, word)) != END) {
        if (kind == NEWLINE)
            continue;
        if (strcmp(word, "<unk>") == 0)
            return GV_ERR_FORMAT;
        entry *e = table_find(table, word);
        if (e == NULL) {
            if ((e = table_insert(table, word, 0)) == NULL)
                return GV_ERR_NOMEM;
            ++*distinct;
        }
        e->value++;
        ++*tokens;
    }
    return GV_OK;
}

/* The vocabulary from the sorted entries: those counted >= min_count. */
static gv_status keep_frequent(entry **sorted, size_t n, uint64_t min_count, baseline_vocab *vocab)
{
    size_t kept = 0;
    while (kept < n && sorted[kept]->value >= min_count)
        kept++;
    vocab->word = calloc(kept ? kept : 1, sizeof *vocab->word);
    vocab->count = malloc((kept ? kept : 1) * sizeof *vocab->count);
    if (vocab->word == NULL || vocab->count == NULL)
        return GV_ERR_NOMEM;
    for (size_t i = 0; i < kept; i++) {
        size_t bytes = strlen(sorted[i]->word) + 1;
        if ((vocab->word[i] = malloc(bytes)) == NULL)
            return GV_ERR_NOMEM;
        memcpy(vocab->word[i], sorted[i]->word, bytes);
        vocab->count[i] = sorted[i]->value;
        vocab->size = i + 1;
    }
    return GV_OK;
}

gv_status baseline_vocab_count(const char *text, size_t len, uint64_t min_count,
                               baseline_vocab *vocab)
{
    if ((text == NULL && len > 0) || vocab == NULL || min_count == 0)
        return GV_ERR_ARG;
    *vocab = (baseline_vocab){0};
    entry **table = calloc(HASH_BUCKETS, sizeof *table);
    if (table == NULL)
        return GV_ERR_NOMEM;
    gv_status status = count_tokens(text, len, table, &vocab->tokens, &vocab->distinct);
    entry **sorted = status == GV_OK ? malloc((vocab->distinct + 1) * sizeof *sorted) : NULL;
    if (status == GV_OK && sorted == NULL)
        status = GV_ERR_NOMEM;
    if (status == GV_OK) {
        size_t n = 0;
        for (size_t h = 0; h < HASH_BUCKETS; h++)
            for (entry *e = table[h]; e != NULL; e = e->next)
                sorted[n++] = e;
        qsort(sorted, n, sizeof *sorted, by_count_then_bytes);
        status = keep_frequent(sorted, n, min_count, vocab);
    }
    free(sorted);
    table_free(table);
    if (status != GV_OK)
        baseline_vocab_free(vocab);
    return status;
}

void baseline_vocab_free(baseline_vocab *vocab)
{
    if (vocab == NULL)
        return;
    for (size_t i = 0; i < vocab->size; i++)
        free(vocab->word[i]);
    free(vocab->word);
    free(vocab->count);
    *vocab = (baseline_vocab){0};
}

/* ---- co-occurrence counts (section 2) ----------------------------------- */

/* The original's record: 1-based ids. */
typedef struct {
    int32_t word1, word2;
    double val;
} crec;

/* A sorted list of records, each key once. */
typedef struct {
    crec *rec;
    size_t size;
} run;

typedef struct {
    const gv_cooccur_options *options;
    long long vocab_size, max_product, overflow_length;
    long long *lookup; /* row w1 of the dense table starts at lookup[w1 - 1] - 1 */
    double *dense;
    crec *overflow;
    long long used; /* records in overflow */
    run *runs;
    size_t n_runs;
} counter;

static int by_words(const void *pa, const void *pb)
{
    const crec *a = pa, *b = pb;
    if (a->word1 != b->word1)
        return a->word1 < b->word1 ? -1 : 1;
    return (a->word2 > b->word2) - (a->word2 < b->word2);
}

/* The n with n (ln n + 0.1544313298) = rlimit: the rank product below which
 * the dense table holds a pair. */
static long long solve_max_product(double rlimit)
{
    double n = 1e5;
    for (int i = 0; i < 100; i++)
        n -= (n * (log(n) + 0.1544313298) - rlimit) / (log(n) + 1.1544313298);
    return (long long)n;
}

/* Sorts the overflow buffer, sums equal keys and keeps it as a run. */
static gv_status flush_overflow(counter *c)
{
    if (c->used == 0)
        return GV_OK;
    qsort(c->overflow, (size_t)c->used, sizeof *c->overflow, by_words);
    size_t n = 0;
    for (long long i = 1; i < c->used; i++) {
        if (by_words(&c->overflow[n], &c->overflow[i]) == 0)
            c->overflow[n].val += c->overflow[i].val;
        else
            c->overflow[++n] = c->overflow[i];
    }
    n++;
    run *runs = realloc(c->runs, (c->n_runs + 1) * sizeof *runs);
    crec *rec = malloc(n * sizeof *rec);
    if (runs != NULL)
        c->runs = runs;
    if (runs == NULL || rec == NULL) {
        free(rec);
        return GV_ERR_NOMEM;
    }
    memcpy(rec, c->overflow, n * sizeof *rec);
    c->runs[c->n_runs++] = (run){rec, n};
    c->used = 0;
    return GV_OK;
}

static void add_pair(counter *c, int32_t w1, int32_t w2, double weight)
{
    if (w1 < c->max_product / w2) {
        c->dense[c->lookup[w1 - 1] + w2 - 2] += weight;
        if (c->options->symmetric)
            c->dense[c->lookup[w2 - 1] + w1 - 2] += weight;
    } else {
        c->overflow[c->used++] = (crec){w1, w2, weight};
        if (c->options->symmetric)
            c->overflow[c->used++] = (crec){w2, w1, weight};
    }
}

/* The pass over the text: every pair of kept tokens within the window. */
static gv_status count_pairs(counter *c, const char *text, size_t len, entry **ids)
{
    long long window = (long long)c->options->window;
    int32_t *history = malloc((size_t)window * sizeof *history);
    if (history == NULL)
        return GV_ERR_NOMEM;
    char word[GV_MAX_WORD + 1];
    reader r = {text, len, 0};
    long long j = 0;
    int kind;
    gv_status status = GV_OK;
    while (status == GV_OK && (kind = next_word(&r, word)) != END) {
        if (kind == NEWLINE) {
            j = 0;
            continue;
        }
        if (c->used >= c->overflow_length - 2 * window)
            status = flush_overflow(c);
        entry *e = table_find(ids, word);
        if (e == NULL)
            continue;
        int32_t w2 = (int32_t)e->value;
        for (long long k = j - 1; k >= (j > window ? j - window : 0); k--) {
            double weight = c->options->distance_weighting ? 1.0 / (double)(j - k) : 1.0;
            add_pair(c, history[k % window], w2, weight);
        }
        history[j % window] = w2;
        j++;
    }
    free(history);
    return status;
}

/* The dense table's nonzeros in row-major order, as a run. */
static gv_status dense_run(const counter *c, run *out)
{
    long long entries = c->lookup[c->vocab_size] - 1;
    size_t n = 0;
    for (long long a = 0; a < entries; a++)
        n += c->dense[a] != 0;
    out->rec = malloc((n ? n : 1) * sizeof *out->rec);
    if (out->rec == NULL)
        return GV_ERR_NOMEM;
    out->size = 0;
    for (long long w1 = 1; w1 <= c->vocab_size; w1++) {
        long long columns = c->lookup[w1] - c->lookup[w1 - 1];
        for (long long w2 = 1; w2 <= columns; w2++) {
            double x = c->dense[c->lookup[w1 - 1] + w2 - 2];
            if (x != 0)
                out->rec[out->size++] = (crec){(int32_t)w1, (int32_t)w2, x};
        }
    }
    return GV_OK;
}

/* The k-way merge of the runs (a binary heap of their heads, ties by run),
 * equal keys summed in the order they come out. */
typedef struct {
    const run *runs;
    size_t *next; /* next record of each run */
    size_t *heap; /* run numbers */
    size_t size;
} merger;

static int heap_less(const merger *m, size_t a, size_t b)
{
    int order = by_words(&m->runs[a].rec[m->next[a]], &m->runs[b].rec[m->next[b]]);
    return order < 0 || (order == 0 && a < b);
}

static void sift_down(merger *m, size_t i)
{
    for (;;) {
        size_t least = i, l = 2 * i + 1, r = 2 * i + 2;
        if (l < m->size && heap_less(m, m->heap[l], m->heap[least]))
            least = l;
        if (r < m->size && heap_less(m, m->heap[r], m->heap[least]))
            least = r;
        if (least == i)
            return;
        size_t t = m->heap[i];
        m->heap[i] = m->heap[least];
        m->heap[least] = t;
        i = least;
    }
}

/* Pops the smallest head; returns its record. */
static crec merger_pop(merger *m)
{
    size_t top = m->heap[0];
    crec rec = m->runs[top].rec[m->next[top]++];
    if (m->next[top] == m->runs[top].size)
        m->heap[0] = m->heap[--m->size];
    sift_down(m, 0);
    return rec;
}

static gv_status merge_runs(const run *runs, size_t n_runs, gv_record **records, size_t *count)
{
    size_t total = 0;
    for (size_t i = 0; i < n_runs; i++)
        total += runs[i].size;
    merger m = {runs, calloc(n_runs, sizeof(size_t)), malloc(n_runs * sizeof(size_t)), 0};
    gv_record *out = malloc((total ? total : 1) * sizeof *out);
    if (m.next == NULL || m.heap == NULL || out == NULL) {
        free(m.next);
        free(m.heap);
        free(out);
        return GV_ERR_NOMEM;
    }
    for (size_t i = 0; i < n_runs; i++)
        if (runs[i].size > 0)
            m.heap[m.size++] = i;
    for (size_t i = m.size; i-- > 0;)
        sift_down(&m, i);
    size_t n = 0;
    while (m.size > 0) {
        crec rec = merger_pop(&m);
        if (n > 0 && out[n - 1].row == (uint32_t)rec.word1 - 1 &&
            out[n - 1].col == (uint32_t)rec.word2 - 1)
            out[n - 1].value += rec.val;
        else
            out[n++] = (gv_record){(uint32_t)rec.word1 - 1, (uint32_t)rec.word2 - 1, rec.val};
    }
    free(m.next);
    free(m.heap);
    gv_record *shrunk = realloc(out, (n ? n : 1) * sizeof *out);
    *records = shrunk != NULL ? shrunk : out;
    *count = n;
    return GV_OK;
}

/* The dense table's row lengths as prefix sums, from lookup[0] = 1. */
static gv_status counter_init(counter *c, const gv_cooccur_options *options, size_t vocab_size,
                              double memory_gb)
{
    double rlimit = 0.85 * memory_gb * 1073741824.0 / 16.0;
    *c = (counter){.options = options, .vocab_size = (long long)vocab_size};
    c->max_product = solve_max_product(rlimit);
    c->overflow_length = (long long)(rlimit / 6);
    c->lookup = malloc((vocab_size + 1) * sizeof *c->lookup);
    if (c->lookup == NULL)
        return GV_ERR_NOMEM;
    c->lookup[0] = 1;
    for (long long a = 1; a <= c->vocab_size; a++) {
        long long columns = c->max_product / a;
        c->lookup[a] = c->lookup[a - 1] + (columns < c->vocab_size ? columns : c->vocab_size);
    }
    c->dense = calloc((size_t)(c->lookup[vocab_size] - 1), sizeof *c->dense);
    c->overflow = malloc((size_t)c->overflow_length * sizeof *c->overflow);
    return c->dense != NULL && c->overflow != NULL ? GV_OK : GV_ERR_NOMEM;
}

static void counter_free(counter *c)
{
    for (size_t i = 0; i < c->n_runs; i++)
        free(c->runs[i].rec);
    free(c->runs);
    free(c->lookup);
    free(c->dense);
    free(c->overflow);
}

/* Puts the dense table's run first, as the original's overflow_0000. */
static gv_status prepend_dense_run(counter *c)
{
    run dense;
    gv_status status = dense_run(c, &dense);
    run *runs = status == GV_OK ? realloc(c->runs, (c->n_runs + 1) * sizeof *runs) : NULL;
    if (runs == NULL) {
        if (status == GV_OK)
            free(dense.rec);
        return GV_ERR_NOMEM;
    }
    memmove(runs + 1, runs, c->n_runs * sizeof *runs);
    runs[0] = dense;
    c->runs = runs;
    c->n_runs++;
    free(c->dense);
    c->dense = NULL;
    return GV_OK;
}

gv_status baseline_cooccur(const char *text, size_t len, const baseline_vocab *vocab,
                           const gv_cooccur_options *options, double memory_gb,
                           gv_record **records, size_t *count, baseline_cooccur_stats *stats)
{
    if ((text == NULL && len > 0) || vocab == NULL || vocab->size == 0 ||
        vocab->size > INT32_MAX || options == NULL || options->window == 0 ||
        options->window > INT32_MAX || !(memory_gb > 0.01 && memory_gb < 1e4) ||
        records == NULL || count == NULL)
        return GV_ERR_ARG;
    entry **ids = table_of_vocab(vocab);
    counter c;
    gv_status status = ids == NULL ? GV_ERR_NOMEM : counter_init(&c, options, vocab->size, memory_gb);
    if (status == GV_OK && c.overflow_length <= 2 * (long long)options->window)
        status = GV_ERR_ARG;
    if (status == GV_OK)
        status = count_pairs(&c, text, len, ids);
    if (status == GV_OK)
        status = flush_overflow(&c);
    if (stats != NULL && status == GV_OK)
        *stats = (baseline_cooccur_stats){(size_t)c.max_product, (size_t)(c.lookup[vocab->size] - 1),
                                          (size_t)c.overflow_length, c.n_runs};
    if (status == GV_OK)
        status = prepend_dense_run(&c);
    if (status == GV_OK)
        status = merge_runs(c.runs, c.n_runs, records, count);
    if (ids != NULL)
        counter_free(&c);
    table_free(ids);
    return status;
}

/* ---- shuffle (section 3) ------------------------------------------------ */

/* A uniform integer in [0, n) from two calls of glibc's rand(), the first
 * the high part, rejecting the top of the range that n does not divide. */
static long long rand_long(long long n)
{
    const long long limit = (RAND_MAX + 2LL) * RAND_MAX;
    long long rnd;
    do {
        long long high = rand();
        long long low = rand();
        rnd = (RAND_MAX + 1LL) * high + low;
    } while (rnd >= limit - limit % n);
    return rnd % n;
}

static void fisher_yates(gv_record *a, size_t n)
{
    for (size_t i = n; i-- > 1;) {
        size_t j = (size_t)rand_long((long long)i + 1);
        gv_record t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

gv_status baseline_shuffle(gv_record *records, size_t count, double memory_gb, unsigned seed)
{
    if ((records == NULL && count > 0) || !(memory_gb > 0.01 && memory_gb < 1e4))
        return GV_ERR_ARG;
    size_t array_size = (size_t)(0.95 * memory_gb * 1073741824.0 / 16.0);
    size_t chunks = count / array_size + (count % array_size != 0);
    srand(seed);
    for (size_t k = 0; k < chunks; k++) {
        size_t begin = k * array_size, end = begin + array_size < count ? begin + array_size : count;
        fisher_yates(records + begin, end - begin);
    }
    if (chunks == 0)
        return GV_OK;
    /* The merge: each round takes up to array_size / chunks records from
     * every chunk in turn and shuffles them together. */
    gv_record *merged = malloc(count * sizeof *merged);
    size_t *taken = calloc(chunks, sizeof *taken);
    if (merged == NULL || taken == NULL) {
        free(merged);
        free(taken);
        return GV_ERR_NOMEM;
    }
    size_t per_chunk = array_size / chunks, done = 0;
    while (done < count) {
        size_t round = 0;
        for (size_t k = 0; k < chunks; k++) {
            size_t begin = k * array_size, size = (k + 1 < chunks ? array_size : count - begin);
            size_t n = size - taken[k] < per_chunk ? size - taken[k] : per_chunk;
            memcpy(merged + done + round, records + begin + taken[k], n * sizeof *merged);
            taken[k] += n;
            round += n;
        }
        fisher_yates(merged + done, round);
        done += round;
    }
    memcpy(records, merged, count * sizeof *merged);
    free(merged);
    free(taken);
    return GV_OK;
}

/* ---- the model and its training (sections 4 and 5) ---------------------- */

static int params_fit(size_t vocab_size, size_t dim)
{
    return vocab_size > 0 && dim > 0 && vocab_size <= SIZE_MAX / 2 / (dim + 1) &&
           2 * vocab_size * (dim + 1) <= SIZE_MAX / sizeof(double);
}

gv_status baseline_init(size_t vocab_size, size_t dim, unsigned seed, double *params,
                        double *gradsq)
{
    if (params == NULL || gradsq == NULL || !params_fit(vocab_size, dim))
        return GV_ERR_ARG;
    srand(seed);
    for (size_t a = 0; a < 2 * vocab_size * (dim + 1); a++) {
        params[a] = (rand() / (double)RAND_MAX - 0.5) / (double)dim;
        gradsq[a] = 1.0;
    }
    return GV_OK;
}

static double clip(double x, double limit) { return fmin(fmax(x, -limit), limit); }
static int is_finite(double x) { return !isnan(x) && !isinf(x); }

/* One record's step (section 5). u1, u2: scratch of dim values. Returns
 * its cost, 0 for a record skipped for a non-finite diff. */
static double train_record(const gv_record *rec, size_t vocab_size, size_t dim,
                           const gv_options *o, double *params, double *gradsq, double *u1,
                           double *u2)
{
    double *w = params + rec->row * (dim + 1), *c = params + (vocab_size + rec->col) * (dim + 1);
    double *gw = gradsq + rec->row * (dim + 1), *gc = gradsq + (vocab_size + rec->col) * (dim + 1);
    double diff = 0;
    for (size_t b = 0; b < dim; b++)
        diff += w[b] * c[b];
    diff += w[dim] + c[dim] - log(rec->value);
    double fdiff = rec->value > o->x_max ? diff : pow(rec->value / o->x_max, o->alpha) * diff;
    if (!is_finite(diff) || !is_finite(fdiff))
        return 0;
    double cost = 0.5 * fdiff * diff;
    double sum1 = 0, sum2 = 0;
    for (size_t b = 0; b < dim; b++) {
        double g1 = clip(fdiff * c[b], o->grad_clip) * o->eta;
        double g2 = clip(fdiff * w[b], o->grad_clip) * o->eta;
        u1[b] = g1 / sqrt(gw[b]);
        u2[b] = g2 / sqrt(gc[b]);
        sum1 += u1[b];
        sum2 += u2[b];
        gw[b] += g1 * g1;
        gc[b] += g2 * g2;
    }
    if (is_finite(sum1) && is_finite(sum2)) {
        for (size_t b = 0; b < dim; b++) {
            w[b] -= u1[b];
            c[b] -= u2[b];
        }
    }
    double step_w = fdiff / sqrt(gw[dim]), step_c = fdiff / sqrt(gc[dim]);
    w[dim] -= is_finite(step_w) ? step_w : 0;
    c[dim] -= is_finite(step_c) ? step_c : 0;
    gw[dim] += fdiff * fdiff;
    gc[dim] += fdiff * fdiff;
    return cost;
}

gv_status baseline_train_epoch(const gv_record *records, size_t count, size_t vocab_size,
                               size_t dim, const gv_options *options, double *params,
                               double *gradsq, double *cost)
{
    if (records == NULL || count == 0 || options == NULL || params == NULL || gradsq == NULL ||
        !params_fit(vocab_size, dim) || !(options->x_max > 0) || !(options->alpha >= 0) ||
        !(options->eta > 0) || !(options->grad_clip > 0))
        return GV_ERR_ARG;
    for (size_t r = 0; r < count; r++)
        if (records[r].row >= vocab_size || records[r].col >= vocab_size)
            return GV_ERR_ARG;
    double *scratch = malloc(2 * dim * sizeof *scratch);
    if (scratch == NULL)
        return GV_ERR_NOMEM;
    double total = 0;
    for (size_t r = 0; r < count; r++)
        total += train_record(&records[r], vocab_size, dim, options, params, gradsq, scratch,
                              scratch + dim);
    free(scratch);
    if (cost != NULL)
        *cost = total / (double)count;
    return GV_OK;
}

/* ---- word analogies (evaluate.py) --------------------------------------- */

const char *const baseline_question_files[BASELINE_QUESTION_FILES] = {
    "capital-common-countries.txt", "capital-world.txt", "currency.txt", "city-in-state.txt",
    "family.txt", "gram1-adjective-to-adverb.txt", "gram2-opposite.txt",
    "gram3-comparative.txt", "gram4-superlative.txt", "gram5-present-participle.txt",
    "gram6-nationality-adjective.txt", "gram7-past-tense.txt", "gram8-plural.txt",
    "gram9-plural-verbs.txt",
};

enum { ANALOGY_BATCH = 256 };

/* The unit vectors evaluate.py works on: w_i + w~_i, rounded to the 6
 * decimals of vectors.txt, each divided by its length. */
static double *unit_vectors(const double *params, size_t vocab_size, size_t dim)
{
    double *unit = malloc(vocab_size * dim * sizeof *unit);
    if (unit == NULL)
        return NULL;
    for (size_t i = 0; i < vocab_size; i++) {
        const double *w = params + i * (dim + 1), *c = params + (vocab_size + i) * (dim + 1);
        double *u = unit + i * dim, norm2 = 0;
        for (size_t b = 0; b < dim; b++) {
            char printed[64];
            snprintf(printed, sizeof printed, "%lf", w[b] + c[b]);
            u[b] = strtod(printed, NULL);
            norm2 += u[b] * u[b];
        }
        double norm = sqrt(norm2);
        for (size_t b = 0; b < dim && norm > 0; b++)
            u[b] /= norm;
    }
    return unit;
}

/* Cuts line into at most max + 1 space-separated words (the line's end
 * dropped); returns how many it found, max + 1 if more than max. */
static size_t split_words(char *line, char **word, size_t max)
{
    line[strcspn(line, "\r\n")] = '\0';
    size_t k = 0;
    for (char *p = line; *p != '\0';) {
        while (*p == ' ')
            *p++ = '\0';
        if (*p == '\0')
            break;
        if (k == max)
            return max + 1;
        word[k++] = p;
        p += strcspn(p, " ");
    }
    return k;
}

/* Reads one question file: score->questions[f] lines; the ids (0-based) of
 * the seen ones appended to questions (4 each), *n of them in all. */
static gv_status read_questions(const char *path, entry **ids, size_t f, uint32_t **questions,
                                size_t *n, size_t *capacity, baseline_analogy_score *score)
{
    FILE *in = fopen(path, "r");
    if (in == NULL)
        return GV_ERR_FORMAT;
    char line[4 * (GV_MAX_WORD + 1) + 2];
    gv_status status = GV_OK;
    while (status == GV_OK && fgets(line, sizeof line, in) != NULL) {
        char *word[4];
        if (split_words(line, word, 4) != 4) {
            status = GV_ERR_FORMAT;
            break;
        }
        score->questions[f]++;
        entry *e[4];
        size_t k;
        for (k = 0; k < 4 && (e[k] = table_find(ids, word[k])) != NULL; k++) {
        }
        if (k < 4)
            continue;
        if (*n == *capacity) {
            size_t more = *capacity ? 2 * *capacity : 1024;
            uint32_t *grown = realloc(*questions, more * 4 * sizeof *grown);
            if (grown == NULL) {
                status = GV_ERR_NOMEM;
                break;
            }
            *questions = grown;
            *capacity = more;
        }
        for (k = 0; k < 4; k++)
            (*questions)[4 * *n + k] = (uint32_t)(e[k]->value - 1);
        ++*n;
        score->seen[f]++;
    }
    fclose(in);
    return status;
}

/* The number of questions[0..n) (4 ids each) whose answer is right: the
 * best dot product with b - a + c, a, b and c excluded, the first best. */
static gv_status count_correct(const double *unit, size_t vocab_size, size_t dim,
                               const uint32_t *questions, size_t n, size_t *correct)
{
    double *pred = malloc(ANALOGY_BATCH * dim * sizeof *pred);
    double *scores = malloc(ANALOGY_BATCH * vocab_size * sizeof *scores);
    if (pred == NULL || scores == NULL) {
        free(pred);
        free(scores);
        return GV_ERR_NOMEM;
    }
    *correct = 0;
    for (size_t q0 = 0; q0 < n; q0 += ANALOGY_BATCH) {
        size_t m = n - q0 < ANALOGY_BATCH ? n - q0 : ANALOGY_BATCH;
        for (size_t q = 0; q < m; q++) {
            const uint32_t *abcd = questions + 4 * (q0 + q);
            for (size_t b = 0; b < dim; b++)
                pred[q * dim + b] = unit[abcd[1] * dim + b] - unit[abcd[0] * dim + b] +
                                    unit[abcd[2] * dim + b];
        }
        gemm(GEMM_NO_TRANS, GEMM_TRANS, m, vocab_size, dim, 1.0, pred, dim, unit, dim, 0.0,
             scores, vocab_size);
        for (size_t q = 0; q < m; q++) {
            const uint32_t *abcd = questions + 4 * (q0 + q);
            double *s = scores + q * vocab_size;
            s[abcd[0]] = s[abcd[1]] = s[abcd[2]] = -INFINITY;
            size_t best = 0;
            for (size_t i = 1; i < vocab_size; i++)
                if (s[i] > s[best])
                    best = i;
            *correct += best == abcd[3];
        }
    }
    free(pred);
    free(scores);
    return GV_OK;
}

gv_status baseline_evaluate(const baseline_vocab *vocab, const double *params, size_t dim,
                            const char *question_dir, baseline_analogy_score *score)
{
    if (vocab == NULL || params == NULL || question_dir == NULL || score == NULL ||
        !params_fit(vocab->size, dim))
        return GV_ERR_ARG;
    memset(score, 0, sizeof *score);
    entry **ids = table_of_vocab(vocab);
    double *unit = unit_vectors(params, vocab->size, dim);
    uint32_t *questions = NULL;
    gv_status status = ids != NULL && unit != NULL ? GV_OK : GV_ERR_NOMEM;
    for (size_t f = 0; f < BASELINE_QUESTION_FILES && status == GV_OK; f++) {
        char path[4096];
        size_t n = 0, capacity = 0;
        if (snprintf(path, sizeof path, "%s/%s", question_dir, baseline_question_files[f]) >=
            (int)sizeof path)
            status = GV_ERR_ARG;
        if (status == GV_OK)
            status = read_questions(path, ids, f, &questions, &n, &capacity, score);
        if (status == GV_OK)
            status = count_correct(unit, vocab->size, dim, questions, n, &score->correct[f]);
        free(questions);
        questions = NULL;
    }
    free(unit);
    table_free(ids);
    return status;
}

/* ---- the program: the whole pipeline on a corpus ------------------------ */
#ifdef BASELINE_MAIN
#include "machine.h"
#include "timing.h"

#include <time.h>

typedef struct {
    const char *corpus, *questions;
    uint64_t min_count;
    gv_cooccur_options cooccur;
    double memory_gb;
    unsigned seed;
    size_t dim, iterations;
    gv_options train;
} settings;

/* -name value pairs after the two paths, as the original programs take them. */
static int parse_settings(int argc, char **argv, settings *s)
{
    *s = (settings){NULL, NULL, 5, {10, 1, 1}, 4.0, 1234, 50, 15, {10, 0.75, 0.05, 100}};
    if (argc < 3 || argc % 2 == 0)
        return 0;
    s->corpus = argv[1];
    s->questions = argv[2];
    for (int i = 3; i + 1 < argc; i += 2) {
        const char *name = argv[i];
        double v = strtod(argv[i + 1], NULL);
        if (strcmp(name, "-min-count") == 0 && v >= 1)
            s->min_count = (uint64_t)v;
        else if (strcmp(name, "-window-size") == 0 && v >= 1)
            s->cooccur.window = (size_t)v;
        else if (strcmp(name, "-memory") == 0 && v > 0)
            s->memory_gb = v;
        else if (strcmp(name, "-seed") == 0 && v >= 0 && v <= UINT_MAX)
            s->seed = (unsigned)v;
        else if (strcmp(name, "-vector-size") == 0 && v >= 1)
            s->dim = (size_t)v;
        else if (strcmp(name, "-iter") == 0 && v >= 0)
            s->iterations = (size_t)v;
        else if (strcmp(name, "-x-max") == 0 && v > 0)
            s->train.x_max = v;
        else
            return 0;
    }
    return 1;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return NULL;
    size_t capacity = 1 << 20;
    char *text = malloc(capacity);
    *len = 0;
    for (size_t got; text != NULL && (got = fread(text + *len, 1, capacity - *len, in)) > 0;) {
        *len += got;
        if (*len == capacity) {
            char *grown = realloc(text, capacity *= 2);
            if (grown == NULL)
                free(text);
            text = grown;
        }
    }
    fclose(in);
    return text;
}

static void print_analogies(const baseline_analogy_score *score)
{
    size_t seen[2] = {0}, correct[2] = {0}, questions = 0;
    for (size_t f = 0; f < BASELINE_QUESTION_FILES; f++) {
        int syntactic = f >= BASELINE_SEMANTIC_FILES;
        seen[syntactic] += score->seen[f];
        correct[syntactic] += score->correct[f];
        questions += score->questions[f];
        printf("  %-32s %5zu of %5zu seen, %5.2f %% right\n", baseline_question_files[f],
               score->seen[f], score->questions[f],
               score->seen[f] ? 100.0 * (double)score->correct[f] / (double)score->seen[f] : 0.0);
    }
    size_t all = seen[0] + seen[1];
    printf("analogies: %zu of %zu questions seen; semantic %.2f %%, syntactic %.2f %%, "
           "total %.2f %%\n",
           all, questions, seen[0] ? 100.0 * (double)correct[0] / (double)seen[0] : 0.0,
           seen[1] ? 100.0 * (double)correct[1] / (double)seen[1] : 0.0,
           all ? 100.0 * (double)(correct[0] + correct[1]) / (double)all : 0.0);
}

/* Trains for s->iterations epochs, printing each cost; then the analogies. */
static gv_status train_and_evaluate(const settings *s, const baseline_vocab *vocab,
                                    const gv_record *records, size_t count)
{
    size_t n = 2 * vocab->size * (s->dim + 1);
    double *params = malloc(n * sizeof *params), *gradsq = malloc(n * sizeof *gradsq);
    gv_status status = params && gradsq ? baseline_init(vocab->size, s->dim, s->seed, params, gradsq)
                                        : GV_ERR_NOMEM;
    for (size_t epoch = 1; status == GV_OK && epoch <= s->iterations; epoch++) {
        double cost, t = now_seconds();
        clock_t cpu = clock();
        status = baseline_train_epoch(records, count, vocab->size, s->dim, &s->train, params,
                                      gradsq, &cost);
        t = now_seconds() - t;
        double cpu_seconds = (double)(clock() - cpu) / CLOCKS_PER_SEC;
        printf("iter: %03zu, cost: %lf   %.2f s, %.3f M records/s (%.2f s CPU: %.3f M/s)\n",
               epoch, cost, t, (double)count / t * 1e-6, cpu_seconds,
               (double)count / cpu_seconds * 1e-6);
        fflush(stdout);
    }
    baseline_analogy_score score;
    if (status == GV_OK)
        status = baseline_evaluate(vocab, params, s->dim, s->questions, &score);
    if (status == GV_OK)
        print_analogies(&score);
    free(params);
    free(gradsq);
    return status;
}

static gv_status run_pipeline(const settings *s, const char *text, size_t len)
{
    baseline_vocab vocab;
    double t = now_seconds();
    gv_status status = baseline_vocab_count(text, len, s->min_count, &vocab);
    if (status != GV_OK)
        return status;
    printf("vocab_count: %llu tokens, %zu distinct words, vocabulary %zu (min-count %llu)   "
           "%.2f s\n",
           (unsigned long long)vocab.tokens, vocab.distinct, vocab.size,
           (unsigned long long)s->min_count, now_seconds() - t);
    gv_record *records = NULL;
    size_t count = 0;
    baseline_cooccur_stats stats;
    t = now_seconds();
    status = baseline_cooccur(text, len, &vocab, &s->cooccur, s->memory_gb, &records, &count,
                              &stats);
    if (status == GV_OK) {
        printf("cooccur: window %zu, %zu nonzeros (%zu bytes)   %.2f s\n"
               "  max product %zu, dense table %zu entries, overflow length %zu, %zu runs\n",
               s->cooccur.window, count, count * 16, now_seconds() - t, stats.max_product,
               stats.dense_entries, stats.overflow_length, stats.overflow_runs);
        t = now_seconds();
        status = baseline_shuffle(records, count, s->memory_gb, s->seed);
    }
    if (status == GV_OK) {
        printf("shuffle: seed %u   %.2f s\n", s->seed, now_seconds() - t);
        fflush(stdout);
        status = train_and_evaluate(s, &vocab, records, count);
    }
    free(records);
    baseline_vocab_free(&vocab);
    return status;
}

int main(int argc, char **argv)
{
    settings s;
    if (!parse_settings(argc, argv, &s)) {
        fprintf(stderr, "usage: %s CORPUS QUESTION_DIR [-min-count 5] [-window-size 10] "
                        "[-memory 4.0] [-seed 1234] [-vector-size 50] [-iter 15] [-x-max 10]\n",
                argv[0]);
        return 2;
    }
    size_t len;
    char *text = read_file(s.corpus, &len);
    if (text == NULL) {
        fprintf(stderr, "%s: cannot read %s\n", argv[0], s.corpus);
        return 1;
    }
    machine_describe(stdout);
    gv_status status = run_pipeline(&s, text, len);
    free(text);
    if (status != GV_OK) {
        fprintf(stderr, "%s: failed (status %d)\n", argv[0], (int)status);
        return 1;
    }
    return 0;
}
#endif
