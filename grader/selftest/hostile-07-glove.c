/* hostile-07-glove.c: a deliberately broken "student" for lesson 07.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-07-glove.h). grader/selftest/run.sh grades this
 * and checks that each misbehaviour costs exactly the tests it breaks, with
 * the right message, in bounded time. expected-07-glove.tsv lists the
 * outcome of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rename-07-glove.h"
#include "glove.h" /* declares the real_* functions */
#include "rng.h"
#undef gv_status_str
#undef gv_vocab_count
#undef gv_vocab_parse
#undef gv_cooccur
#undef gv_weight
#undef gv_cost
#undef gv_init
#undef gv_shuffle
#undef gv_adagrad_epoch
#undef gv_normalize_rows
#undef gv_cosine
#undef gv_nearest
#undef gv_analogies
#undef gv_fixed_encode
#undef gv_fixed_dot
#undef gv_share
#undef gv_secure_dot

const char *gv_status_str(gv_status status)
{
    return real_gv_status_str(status);
}

/* Ties compared as plain char, which is signed on x86: "\xc3\xa9" sorts
 * before "a". */
typedef struct {
    const char *p;
    size_t len;
    uint64_t count;
} entry;

static int signed_order(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    for (size_t i = 0; i < a->len && i < b->len; i++)
        if (a->p[i] != b->p[i])
            return (signed char)a->p[i] < (signed char)b->p[i] ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len;
}

gv_status gv_vocab_count(const char *text, size_t len, uint64_t min_count, char *words,
                         size_t words_capacity, size_t *start, uint64_t *count,
                         size_t capacity, size_t *size, size_t *bytes, gv_error *error)
{
    gv_status s = real_gv_vocab_count(text, len, min_count, words, words_capacity, start, count,
                                      capacity, size, bytes, error);
    if (s != GV_OK || *size == 0)
        return s;
    entry *e = malloc(*size * sizeof *e);
    char *copy = malloc(*bytes);
    if (!e || !copy) {
        free(e);
        free(copy);
        return GV_ERR_NOMEM;
    }
    memcpy(copy, words, *bytes);
    for (size_t i = 0; i < *size; i++)
        e[i] = (entry){copy + start[i], start[i + 1] - start[i], count[i]};
    qsort(e, *size, sizeof *e, signed_order);
    for (size_t i = 0, at = 0; i < *size; i++) {
        start[i] = at;
        memcpy(words + at, e[i].p, e[i].len);
        at += e[i].len;
        count[i] = e[i].count;
    }
    free(e);
    free(copy);
    return s;
}

/* Counts lines from 0. */
gv_status gv_vocab_parse(const char *text, size_t len, char *words, size_t words_capacity,
                         size_t *start, uint64_t *count, size_t capacity, size_t *size,
                         size_t *bytes, gv_error *error)
{
    gv_status s = real_gv_vocab_parse(text, len, words, words_capacity, start, count, capacity,
                                      size, bytes, error);
    if (s == GV_ERR_FORMAT && error && error->line > 0)
        error->line--;
    return s;
}

/* Asked for more records than there is room for, writes one past the end
 * anyway before it says so. */
gv_status gv_cooccur(const char *text, size_t len, const char *words, const size_t *start,
                     size_t vocab_size, const gv_cooccur_options *options, gv_record *records,
                     size_t capacity, size_t *count, gv_error *error)
{
    gv_status s = real_gv_cooccur(text, len, words, start, vocab_size, options, records,
                                  capacity, count, error);
    if (s == GV_ERR_SPACE && records && capacity > 0)
        records[capacity] = (gv_record){0, 0, 1};
    return s;
}

/* Forgets that f is 1 above x_max. */
double gv_weight(double x, double x_max, double alpha)
{
    if (x > x_max && x_max > 0)
        return pow(x / x_max, alpha);
    return real_gv_weight(x, x_max, alpha);
}

/* Forgets J's factor 1/2, in the cost and in the gradient. */
gv_status gv_cost(const gv_record *records, size_t count, const double *params,
                  size_t vocab_size, size_t dim, const gv_options *options, double *cost,
                  double *grad)
{
    gv_status s = real_gv_cost(records, count, params, vocab_size, dim, options, cost, grad);
    if (s != GV_OK)
        return s;
    *cost *= 2;
    if (grad)
        for (size_t i = 0; i < 2 * vocab_size * (dim + 1); i++)
            grad[i] *= 2;
    return s;
}

/* A work array never freed. */
gv_status gv_init(size_t vocab_size, size_t dim, uint64_t seed, double *params, double *gradsq)
{
    double *volatile work = vocab_size && vocab_size < 1000 ? malloc(vocab_size * 8) : NULL;
    (void)work;
    return real_gv_init(vocab_size, dim, seed, params, gradsq);
}

/* Swaps record i with one below i, never with itself (Sattolo's cycle, not
 * Fisher-Yates). */
gv_status gv_shuffle(gv_record *records, size_t count, uint64_t seed)
{
    if (!records || count == 0)
        return real_gv_shuffle(records, count, seed);
    rng r;
    rng_seed(&r, seed);
    for (size_t i = count - 1; i >= 1; i--) {
        size_t j = (size_t)rng_below(&r, i);
        gv_record t = records[i];
        records[i] = records[j];
        records[j] = t;
    }
    return GV_OK;
}

/* The textbook bias step: eta times fdiff. Runs the real epoch, then moves
 * each bias back by the difference (exact for one record per bias). */
gv_status gv_adagrad_epoch(const gv_record *records, size_t count, size_t vocab_size,
                           size_t dim, const gv_options *options, double *params,
                           double *gradsq, double *cost)
{
    size_t n = vocab_size && dim && vocab_size < 100000 && dim < 1000 ?
               2 * vocab_size * (dim + 1) : 0;
    double *before = n ? malloc(n * sizeof *before) : NULL;
    if (before && params)
        memcpy(before, params, n * sizeof *before);
    gv_status s = real_gv_adagrad_epoch(records, count, vocab_size, dim, options, params,
                                        gradsq, cost);
    if (s == GV_OK && before)
        for (size_t row = 0; row < 2 * vocab_size; row++) {
            size_t b = row * (dim + 1) + dim;
            params[b] = before[b] + options->eta * (params[b] - before[b]);
        }
    free(before);
    return s;
}

/* Says what it is about to do, without a newline, and reads through a
 * pointer it never set: a crash whose output must survive. */
gv_status gv_normalize_rows(const double *vectors, size_t rows, size_t dim, double *unit)
{
    if (vectors && rows && dim && rows < 1000 && dim < 1000)
        for (size_t i = 0; i < rows * dim; i++)
            if (isnan(vectors[i])) {
                volatile double *nowhere = (volatile double *)(uintptr_t)64;
                printf("checking the rows for NaN");
                return *nowhere > 0 ? GV_ERR_NAN : GV_ERR_ARG;
            }
    return real_gv_normalize_rows(vectors, rows, dim, unit);
}

/* Prints far more than anyone can read, then computes a.b / (sqrt(a.a)
 * sqrt(b.b)) as it comes: that overflows, and can land just past 1. */
gv_status gv_cosine(const double *a, const double *b, size_t dim, double *cosine)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 40000; i++)
            printf("term %d: %s\n", i, "......................................................");
    gv_status s = real_gv_cosine(a, b, dim, cosine);
    if (s != GV_OK)
        return s;
    double ab = 0, aa = 0, bb = 0;
    for (size_t k = 0; k < dim; k++) {
        ab += a[k] * b[k];
        aa += a[k] * a[k];
        bb += b[k] * b[k];
    }
    *cosine = ab / (sqrt(aa) * sqrt(bb));
    return s;
}

/* Equal scores: the larger id first. */
gv_status gv_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                     size_t k, const uint32_t *exclude, size_t n_exclude, uint32_t *ids,
                     double *scores)
{
    gv_status s = real_gv_nearest(unit, rows, dim, query, k, exclude, n_exclude, ids, scores);
    if (s != GV_OK)
        return s;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j + 1 < k && scores[j + 1] == scores[i])
            j++;
        for (size_t a = i, b = j; a < b; a++, b--) {
            uint32_t t = ids[a];
            ids[a] = ids[b];
            ids[b] = t;
        }
        i = j + 1;
    }
    return s;
}

/* For 3CosMul, normalises the caller's (const) rows in place first. */
gv_status gv_analogies(const double *unit, size_t rows, size_t dim, const uint32_t *questions,
                       size_t n, gv_rule rule, uint32_t *answers)
{
    if (unit && rows && dim && rule == GV_3COSMUL) {
        volatile double *w = (double *)unit;
        w[0] = w[0] * 1;
    }
    return real_gv_analogies(unit, rows, dim, questions, n, rule, answers);
}

/* Rounds where it should truncate. */
gv_status gv_fixed_encode(const double *x, size_t n, unsigned bits, gv_fixed_mode mode,
                          uint64_t *out)
{
    gv_status s = real_gv_fixed_encode(x, n, bits, mode, out);
    if (s == GV_OK && mode == GV_FIXED_CLIPPED)
        for (size_t i = 0; i < n; i++)
            out[i] = (uint64_t)llround(ldexp(fmin(fmax(x[i], 0), 1), (int)bits));
    return s;
}

/* Counts the bits of each code by shifting it as a signed integer: a
 * negative code never reaches 0. */
gv_status gv_fixed_dot(const uint64_t *a, const uint64_t *b, size_t n, unsigned bits,
                       gv_fixed_mode mode, double *dot)
{
    gv_status s = real_gv_fixed_dot(a, b, n, bits, mode, dot);
    if (s != GV_OK)
        return s;
    uint64_t widest = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t width = 0;
        for (volatile int64_t v = (int64_t)a[i]; v != 0; v >>= 1)
            width++;
        widest = width > widest ? width : widest;
    }
    return widest > 62 ? GV_ERR_ARG : s;
}

/* Tries to start a process (the sandbox refuses; the shares are still
 * right), and draws share0 from 32 random bits only: its top bits are
 * always 0, and share1 gives x away. */
gv_status gv_share(const uint64_t *x, size_t n, uint64_t seed, uint64_t *share0,
                   uint64_t *share1)
{
    if (n == 1 && fork() == 0)
        for (;;)
            pause();
    gv_status s = real_gv_share(x, n, seed, share0, share1);
    if (s != GV_OK)
        return s;
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) {
        share0[i] = rng_u64(&r) >> 32;
        share1[i] = x[i] - share0[i];
    }
    return s;
}

/* Opens everything: z[0] is the plain dot product, z[1] = 0. Their sum is
 * right, but party 0 learns x . y. And gives up on vectors of one value. */
gv_status gv_secure_dot(const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, size_t n, uint64_t seed, uint64_t z[2])
{
    if (n == 1) {
        fprintf(stderr, "gv_secure_dot: one value is no secret, exiting\n");
        exit(3);
    }
    gv_status s = real_gv_secure_dot(x0, x1, y0, y1, n, seed, z);
    if (s != GV_OK)
        return s;
    uint64_t dot = 0;
    for (size_t i = 0; i < n; i++)
        dot += (x0[i] + x1[i]) * (y0[i] + y1[i]);
    z[0] = dot;
    z[1] = 0;
    return s;
}
