/* examples.c: the corpora and small tools of lesson 07's demo. */
#include "examples.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gemm.h"
#include "rng.h"

void check(gv_status s, const char *what)
{
    if (s != GV_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, gv_status_str(s));
        exit(1);
    }
}

void *new_array(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size);
    if (!p) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return p;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t room = 1 << 16, used = 0;
    char *text = new_array(room, 1);
    size_t got;
    while ((got = fread(text + used, 1, room - used, f)) > 0) {
        used += got;
        if (used == room) {
            char *bigger = realloc(text, room *= 2);
            if (!bigger) {
                fprintf(stderr, "demo: out of memory reading %s\n", path);
                exit(1);
            }
            text = bigger;
        }
    }
    fclose(f);
    *len = used;
    return text;
}

static void build_vocabulary(corpus *c, uint64_t min_count)
{
    size_t bytes = 0;
    gv_error error;
    gv_status s = gv_vocab_count(c->text, c->len, min_count, NULL, 0, NULL, NULL, 0,
                                 &c->vocab_size, &bytes, &error);
    if (s != GV_ERR_SPACE)
        check(s, "gv_vocab_count (sizes)");
    c->words = new_array(bytes, 1);
    c->start = new_array(c->vocab_size + 1, sizeof *c->start);
    c->count = new_array(c->vocab_size, sizeof *c->count);
    check(gv_vocab_count(c->text, c->len, min_count, c->words, bytes, c->start, c->count,
                         c->vocab_size, &c->vocab_size, &bytes, &error),
          "gv_vocab_count");
}

static void build_counts(corpus *c, const gv_cooccur_options *options)
{
    gv_error error;
    gv_status s = gv_cooccur(c->text, c->len, c->words, c->start, c->vocab_size, options,
                             NULL, 0, &c->nonzeros, &error);
    if (s != GV_ERR_SPACE)
        check(s, "gv_cooccur (size)");
    c->records = new_array(c->nonzeros, sizeof *c->records);
    check(gv_cooccur(c->text, c->len, c->words, c->start, c->vocab_size, options, c->records,
                     c->nonzeros, &c->nonzeros, &error),
          "gv_cooccur");
}

corpus corpus_build(const char *path, const char *text, uint64_t min_count,
                    const gv_cooccur_options *options)
{
    corpus c = {0};
    if (path) {
        c.text = read_file(path, &c.len);
    } else {
        c.len = strlen(text);
        c.text = new_array(c.len, 1);
        memcpy(c.text, text, c.len);
    }
    build_vocabulary(&c, min_count);
    build_counts(&c, options);
    return c;
}

void corpus_free(corpus *c)
{
    free(c->text);
    free(c->words);
    free(c->start);
    free(c->count);
    free(c->records);
}

long corpus_find(const corpus *c, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < c->vocab_size; i++)
        if (c->start[i + 1] - c->start[i] == n && memcmp(c->words + c->start[i], word, n) == 0)
            return (long)i;
    return -1;
}

const char *corpus_word(const corpus *c, size_t i, char *buffer, size_t size)
{
    size_t n = c->start[i + 1] - c->start[i];
    if (n >= size)
        n = size - 1;
    memcpy(buffer, c->words + c->start[i], n);
    buffer[n] = '\0';
    return buffer;
}

double corpus_x(const corpus *c, size_t i, size_t j)
{
    size_t lo = 0, hi = c->nonzeros;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const gv_record *r = &c->records[mid];
        if (r->row < i || (r->row == i && r->col < j))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < c->nonzeros && c->records[lo].row == i && c->records[lo].col == j)
        return c->records[lo].value;
    return 0;
}

double corpus_row_sum(const corpus *c, size_t i)
{
    double sum = 0;
    for (size_t r = 0; r < c->nonzeros; r++)
        if (c->records[r].row == i)
            sum += c->records[r].value;
    return sum;
}

/* v = the dominant eigenvector of the symmetric d x d matrix a, by 1000
 * products from a fixed start; its largest entry made positive. Returns
 * the eigenvalue. */
static double dominant_eigenvector(const double *a, size_t d, double *v)
{
    double *next = new_array(d, sizeof *next), lambda = 0;
    for (size_t j = 0; j < d; j++)
        v[j] = 1.0 + 0.01 * (double)j;
    for (int it = 0; it < 1000; it++) {
        double norm = 0;
        for (size_t i = 0; i < d; i++) {
            next[i] = 0;
            for (size_t j = 0; j < d; j++)
                next[i] += a[i * d + j] * v[j];
            norm += next[i] * next[i];
        }
        lambda = sqrt(norm);
        for (size_t j = 0; j < d; j++)
            v[j] = next[j] / lambda;
    }
    size_t big = 0;
    for (size_t j = 1; j < d; j++)
        if (fabs(v[j]) > fabs(v[big]))
            big = j;
    if (v[big] < 0)
        for (size_t j = 0; j < d; j++)
            v[j] = -v[j];
    free(next);
    return lambda;
}

void principal_directions(const double *rows, size_t n, size_t d, size_t k, double *mean,
                          double *directions)
{
    double *cov = new_array(d * d, sizeof *cov);
    for (size_t j = 0; j < d; j++) {
        mean[j] = 0;
        for (size_t i = 0; i < n; i++)
            mean[j] += rows[i * d + j];
        mean[j] /= (double)n;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < d; a++)
            for (size_t b = 0; b < d; b++)
                cov[a * d + b] += (rows[i * d + a] - mean[a]) * (rows[i * d + b] - mean[b]);
    for (size_t p = 0; p < k; p++) {
        double *v = directions + p * d, lambda = dominant_eigenvector(cov, d, v);
        for (size_t a = 0; a < d; a++)
            for (size_t b = 0; b < d; b++)
                cov[a * d + b] -= lambda * v[a] * v[b];
    }
    free(cov);
}

/* Each row of q (k x n) made orthogonal to the rows before it and of
 * norm 1 (modified Gram-Schmidt). */
static void orthonormalize_rows(double *q, size_t k, size_t n)
{
    for (size_t a = 0; a < k; a++) {
        double *row = q + a * n;
        for (size_t b = 0; b < a; b++) {
            const double *prev = q + b * n;
            double dot = 0;
            for (size_t j = 0; j < n; j++)
                dot += row[j] * prev[j];
            for (size_t j = 0; j < n; j++)
                row[j] -= dot * prev[j];
        }
        double norm = 0;
        for (size_t j = 0; j < n; j++)
            norm += row[j] * row[j];
        norm = sqrt(norm);
        for (size_t j = 0; j < n; j++)
            row[j] /= norm;
    }
}

/* The dense V x V PPMI matrix of the counts: max(0, ln(X_ij X / (X_i X_j))),
 * X the sum of every count. */
static double *ppmi_matrix(const corpus *c)
{
    size_t v = c->vocab_size;
    double *m = new_array(v * v, sizeof *m), *row = new_array(v, sizeof *row), total = 0;
    for (size_t r = 0; r < c->nonzeros; r++) {
        row[c->records[r].row] += c->records[r].value;
        total += c->records[r].value;
    }
    for (size_t r = 0; r < c->nonzeros; r++) {
        const gv_record *e = &c->records[r];
        double pmi = log(e->value * total / (row[e->row] * row[e->col]));
        m[(size_t)e->row * v + e->col] = pmi > 0 ? pmi : 0;
    }
    free(row);
    return m;
}

void lsa_embedding(const corpus *c, size_t k, size_t iterations, uint64_t seed,
                   double *embedding)
{
    size_t v = c->vocab_size;
    double *m = ppmi_matrix(c), *q = new_array(k * v, sizeof *q), *z = new_array(k * v, sizeof *z);
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < k * v; i++)
        q[i] = rng_normal(&r);
    orthonormalize_rows(q, k, v);
    for (size_t it = 0; it < iterations; it++) {
        /* the rows of q span an invariant subspace of the symmetric m at the end */
        gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, k, v, v, 1.0, q, v, m, v, 0.0, z, v);
        orthonormalize_rows(z, k, v);
        double *swap = q;
        q = z, z = swap;
    }
    gemm(GEMM_NO_TRANS, GEMM_NO_TRANS, k, v, v, 1.0, q, v, m, v, 0.0, z, v);
    for (size_t i = 0; i < v; i++)
        for (size_t a = 0; a < k; a++)
            embedding[i * k + a] = z[a * v + i];
    free(m);
    free(q);
    free(z);
}
