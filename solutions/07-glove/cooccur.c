/* cooccur.c: the co-occurrence counts X_ij of a corpus over a vocabulary,
 * window by window (chapter section 3). */
#include "glove.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

// BEGIN SOLUTION
/* The counts live in two places, as in the original code. Frequent words
 * meet often, so the pairs whose ranks (1-based ids) have a small product,
 * (i + 1)(j + 1) <= max_product, get a dense table: row i holds columns
 * 0 .. min(max_product / (i + 1), V) - 1, and max_product is the largest
 * that keeps the table within DENSE_MAX entries (the original derives it
 * from its -memory option). Every other pair is appended to a list of
 * (key, weight) that is sorted, its equal keys summed, and merged into one
 * sorted list of distinct keys whenever it fills up.
 *
 * Each X_ij is a sum of 1/d terms. The dense table adds them in the order
 * of the text, and so does a sorted batch of the list (its sort is stable);
 * the batches' sums are then added to each other. The original code groups
 * its sums differently (its batches are larger and merged from disk), so a
 * count may differ from its own in the last bits. */
enum {
    DENSE_MAX = 1 << 23,   /* entries of the dense table at most: 64 MB */
    PENDING_MAX = 1 << 21, /* entries of the list before it is merged: 32 MB */
    RADIX_BITS = 11,       /* bits sorted per pass */
};

typedef struct {
    uint64_t key; /* row << col_bits | col */
    double value;
} keyed_count;

typedef struct {
    size_t vocab_size;
    unsigned col_bits;
    size_t *row_start; /* dense row i is dense[row_start[i] .. row_start[i + 1]) */
    double *dense;
    keyed_count *pending, *scratch; /* the list being filled, and room to sort it */
    size_t n_pending, pending_capacity;
    keyed_count *merged; /* every batch so far: sorted, distinct keys */
    size_t n_merged;
} counts;

/* 1 when the dense table for max_product has at most `budget` entries. */
static int dense_fits(size_t vocab_size, uint64_t max_product, size_t budget)
{
    size_t total = 0;
    for (size_t i = 0; i < vocab_size && max_product / (i + 1) > 0; i++) {
        uint64_t row = max_product / (i + 1);
        total += row < vocab_size ? (size_t)row : vocab_size;
        if (total > budget)
            return 0;
    }
    return 1;
}

/* The largest max_product whose dense table has at most `budget` entries
 * (a bisection: the size grows with max_product). */
static uint64_t choose_max_product(size_t vocab_size, size_t budget)
{
    uint64_t low = 0, high = (uint64_t)vocab_size * vocab_size;
    if (dense_fits(vocab_size, high, budget))
        return high;
    while (high - low > 1) {
        uint64_t mid = low + (high - low) / 2;
        if (dense_fits(vocab_size, mid, budget))
            low = mid;
        else
            high = mid;
    }
    return low;
}

static void counts_free(counts *c)
{
    free(c->row_start);
    free(c->dense);
    free(c->pending);
    free(c->scratch);
    free(c->merged);
}

/* Empty counts for V words and about `additions` pairs (an upper bound,
 * used to keep the tables no larger than a small text needs). */
static int counts_init(counts *c, size_t vocab_size, size_t additions)
{
    memset(c, 0, sizeof *c);
    c->vocab_size = vocab_size;
    c->col_bits = 1;
    while (c->col_bits < 32 && ((size_t)1 << c->col_bits) < vocab_size)
        c->col_bits++;
    size_t budget = additions < DENSE_MAX ? additions : DENSE_MAX;
    uint64_t max_product = choose_max_product(vocab_size, budget);
    c->row_start = malloc((vocab_size + 1) * sizeof *c->row_start);
    if (!c->row_start)
        return -1;
    c->row_start[0] = 0;
    for (size_t i = 0; i < vocab_size; i++) {
        uint64_t row = max_product / (i + 1);
        c->row_start[i + 1] = c->row_start[i] + (row < vocab_size ? (size_t)row : vocab_size);
    }
    c->pending_capacity = additions < PENDING_MAX ? additions + 1 : PENDING_MAX;
    c->dense = calloc(c->row_start[vocab_size] + 1, sizeof *c->dense);
    c->pending = malloc(c->pending_capacity * sizeof *c->pending);
    c->scratch = malloc(c->pending_capacity * sizeof *c->scratch);
    return c->dense && c->pending && c->scratch ? 0 : -1;
}

/* Sorts the pending list by key, least significant digits first: each pass
 * is stable, so equal keys keep the order of the text. */
static void sort_pending(counts *c)
{
    unsigned key_bits = 2 * c->col_bits;
    unsigned passes = (key_bits + RADIX_BITS - 1) / RADIX_BITS;
    unsigned digit_bits = (key_bits + passes - 1) / passes;
    size_t n = c->n_pending, histogram[1u << RADIX_BITS];
    uint64_t mask = ((uint64_t)1 << digit_bits) - 1;
    for (unsigned pass = 0; pass < passes; pass++) {
        unsigned shift = pass * digit_bits;
        memset(histogram, 0, sizeof histogram);
        for (size_t i = 0; i < n; i++)
            histogram[(c->pending[i].key >> shift) & mask]++;
        size_t at = 0;
        for (size_t d = 0; d <= mask; d++) {
            size_t here = histogram[d];
            histogram[d] = at;
            at += here;
        }
        for (size_t i = 0; i < n; i++)
            c->scratch[histogram[(c->pending[i].key >> shift) & mask]++] = c->pending[i];
        keyed_count *swap = c->pending;
        c->pending = c->scratch;
        c->scratch = swap;
    }
}

/* Sums the runs of equal keys of a sorted list in place, in order; returns
 * the number of distinct keys. */
static size_t sum_equal_keys(keyed_count *list, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n; out++) {
        keyed_count sum = list[i++];
        while (i < n && list[i].key == sum.key)
            sum.value += list[i++].value;
        list[out] = sum;
    }
    return out;
}

/* Merges the m sorted distinct entries of batch into c->merged, from the
 * back so that no second array is needed; equal keys are added. */
static int merge_batch(counts *c, const keyed_count *batch, size_t m)
{
    size_t n = c->n_merged;
    keyed_count *merged = realloc(c->merged, (n + m) * sizeof *merged);
    if (!merged)
        return -1;
    c->merged = merged;
    size_t i = n, j = m, out = n + m;
    while (j > 0) {
        if (i > 0 && merged[i - 1].key > batch[j - 1].key)
            merged[--out] = merged[--i];
        else if (i > 0 && merged[i - 1].key == batch[j - 1].key) {
            i--;
            j--;
            merged[--out] = (keyed_count){batch[j].key, merged[i].value + batch[j].value};
        } else
            merged[--out] = batch[--j];
    }
    /* merged[0 .. i) is in place; what went to merged[out ..) moves down
     * over the gap that equal keys left */
    memmove(merged + i, merged + out, (n + m - out) * sizeof *merged);
    c->n_merged = i + (n + m - out);
    return 0;
}

static int flush_pending(counts *c)
{
    sort_pending(c);
    size_t m = sum_equal_keys(c->pending, c->n_pending);
    c->n_pending = 0;
    return merge_batch(c, c->pending, m);
}

/* X[row][col] += weight. */
static inline int add_count(counts *c, uint32_t row, uint32_t col, double weight)
{
    size_t at = c->row_start[row] + col;
    if (at < c->row_start[row + 1]) {
        c->dense[at] += weight;
        return 0;
    }
    if (c->n_pending == c->pending_capacity && flush_pending(c) != 0)
        return -1;
    c->pending[c->n_pending++] = (keyed_count){(uint64_t)row << c->col_bits | col, weight};
    return 0;
}

/* What one pass over the text needs besides the counts. */
typedef struct {
    const tx_table *vocabulary;
    const gv_cooccur_options *options;
    uint32_t *history; /* 2 ring ids: the last kept ids, each stored twice */
    size_t ring;
    double *weight;    /* weight[d], d = 1 .. ring */
} window_pass;

/* Adds the pairs the token `id` makes with the `reach` kept tokens before
 * it; before[-d] is the one d positions back. */
static int add_window(counts *c, const window_pass *w, uint32_t id, const uint32_t *before,
                      size_t reach)
{
    int symmetric = w->options->symmetric;
    for (size_t d = 1; d <= reach; d++) {
        uint32_t left = before[-(ptrdiff_t)d];
        if (add_count(c, left, id, w->weight[d]) != 0 ||
            (symmetric && add_count(c, id, left, w->weight[d]) != 0))
            return -1;
    }
    return 0;
}

/* One pass over the text: every kept token with the ones before it in its
 * document. */
static gv_status count_windows(counts *c, const window_pass *w, const char *text, size_t len,
                               gv_error *error)
{
    tx_scanner scanner;
    tx_start(&scanner, text, len);
    size_t kept = 0, at = 0; /* kept tokens in this document; the ring's next slot */
    for (;;) {
        const char *word;
        size_t length;
        tx_kind kind = tx_next(&scanner, &word, &length, error);
        if (kind == TX_END)
            return GV_OK;
        if (kind == TX_ERROR)
            return GV_ERR_FORMAT;
        if (kind == TX_NEWLINE) {
            kept = 0;
            continue;
        }
        size_t id = tx_table_find(w->vocabulary, word, length);
        if (id == TX_NONE)
            continue; /* out of the vocabulary: deleted before windowing */
        size_t reach = kept < w->options->window ? kept : w->options->window;
        if (add_window(c, w, (uint32_t)id, w->history + at + w->ring, reach) != 0)
            return GV_ERR_NOMEM;
        w->history[at] = w->history[at + w->ring] = (uint32_t)id;
        at = at + 1 == w->ring ? 0 : at + 1;
        kept++;
    }
}

/* The vocabulary in a table, word i as entry i; GV_ERR_ARG if a word comes
 * twice or the offsets go backwards. */
static gv_status load_vocabulary(tx_table *table, const char *words, const size_t *start,
                                 size_t vocab_size)
{
    if (tx_table_init(table, vocab_size) != 0)
        return GV_ERR_NOMEM;
    for (size_t i = 0; i < vocab_size; i++) {
        if (start[i + 1] < start[i])
            return GV_ERR_ARG;
        int added;
        size_t e = tx_table_add(table, words + start[i], start[i + 1] - start[i], &added);
        if (e == TX_NONE)
            return GV_ERR_NOMEM;
        if (!added)
            return GV_ERR_ARG;
    }
    return GV_OK;
}

/* The nonzeros, sorted by (row, col): row by row, the dense part (columns
 * below the row's dense length) and then the merged list's. */
static void write_records(const counts *c, gv_record *records)
{
    size_t out = 0, next = 0;
    for (size_t row = 0; row < c->vocab_size; row++) {
        const double *dense = c->dense + c->row_start[row];
        size_t columns = c->row_start[row + 1] - c->row_start[row];
        for (size_t col = 0; col < columns; col++)
            if (dense[col] != 0.0)
                records[out++] = (gv_record){(uint32_t)row, (uint32_t)col, dense[col]};
        for (; next < c->n_merged && c->merged[next].key >> c->col_bits == row; next++) {
            uint64_t key = c->merged[next].key;
            uint32_t col = (uint32_t)(key & (((uint64_t)1 << c->col_bits) - 1));
            records[out++] = (gv_record){(uint32_t)row, col, c->merged[next].value};
        }
    }
}

static size_t count_nonzeros(const counts *c)
{
    size_t n = c->n_merged;
    for (size_t i = 0; i < c->row_start[c->vocab_size]; i++)
        n += c->dense[i] != 0.0;
    return n;
}

/* Counts the windows of the text into c and writes the records. */
static gv_status cooccur_counts(counts *c, window_pass *w, const char *text, size_t len,
                                gv_record *records, size_t capacity, size_t *count,
                                gv_error *error)
{
    gv_status status = count_windows(c, w, text, len, error);
    if (status != GV_OK)
        return status;
    if (c->n_pending > 0 && flush_pending(c) != 0)
        return GV_ERR_NOMEM;
    *count = count_nonzeros(c);
    if (*count > capacity)
        return GV_ERR_SPACE;
    write_records(c, records);
    return GV_OK;
}

// END SOLUTION
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
    // STUB: (void)text; (void)len; (void)words; (void)start; (void)vocab_size;
    // STUB: (void)options; (void)records; (void)capacity; (void)count; (void)error;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    tx_clear(error);
    if (!text || !words || !start || !options || !count || (!records && capacity > 0) ||
        vocab_size == 0 || vocab_size > UINT32_MAX || options->window == 0 ||
        (options->symmetric != 0 && options->symmetric != 1) ||
        (options->distance_weighting != 0 && options->distance_weighting != 1))
        return GV_ERR_ARG;
    /* a document of len bytes holds at most len / 2 + 1 tokens */
    size_t most_tokens = len / 2 + 1;
    size_t ring = options->window < most_tokens ? options->window : most_tokens;
    size_t additions = most_tokens > SIZE_MAX / ring / 2 ? SIZE_MAX : 2 * most_tokens * ring;
    tx_table vocabulary;
    counts c = {0};
    window_pass w = {&vocabulary, options, malloc(2 * ring * sizeof(uint32_t)), ring,
                     malloc((ring + 1) * sizeof(double))};
    gv_status status = load_vocabulary(&vocabulary, words, start, vocab_size);
    if (status == GV_OK && (counts_init(&c, vocab_size, additions) != 0 || !w.history || !w.weight))
        status = GV_ERR_NOMEM;
    if (status == GV_OK) {
        for (size_t d = 1; d <= ring; d++)
            w.weight[d] = options->distance_weighting ? 1.0 / (double)d : 1.0;
        status = cooccur_counts(&c, &w, text, len, records, capacity, count, error);
    }
    counts_free(&c);
    free(w.history);
    free(w.weight);
    tx_table_free(&vocabulary);
    return status;
    // END SOLUTION
}
