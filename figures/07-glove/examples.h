/* examples.h: what lesson 07's demo shares between its sections: a corpus
 * with its vocabulary and co-occurrence counts, built by the lesson's own
 * functions, and a few small tools. None of it is an exercise. */
#ifndef FIGURES_07_EXAMPLES_H
#define FIGURES_07_EXAMPLES_H

#include <stddef.h>
#include <stdint.h>

#include "glove.h"

/* Exits with a message if s is not GV_OK. */
void check(gv_status s, const char *what);
/* calloc that exits on failure. */
void *new_array(size_t count, size_t size);

/* A text, its vocabulary (as glove.h stores one) and its co-occurrence
 * records sorted by (row, col). */
typedef struct {
    char *text;
    size_t len;
    char *words;
    size_t *start;
    uint64_t *count;
    size_t vocab_size;
    gv_record *records;
    size_t nonzeros;
} corpus;

/* The corpus of the file at path (or of text, copied, if path is NULL):
 * the vocabulary at min_count, the counts with the options given. */
corpus corpus_build(const char *path, const char *text, uint64_t min_count,
                    const gv_cooccur_options *options);
void corpus_free(corpus *c);

/* The id of word, or -1 if it is not in the vocabulary. */
long corpus_find(const corpus *c, const char *word);
/* Word i as a NUL-terminated string in buffer (cut to size). */
const char *corpus_word(const corpus *c, size_t i, char *buffer, size_t size);
/* X_ij, or 0 if the pair never co-occurs (binary search of the records). */
double corpus_x(const corpus *c, size_t i, size_t j);
/* X_i = sum over j of X_ij. */
double corpus_row_sum(const corpus *c, size_t i);

/* The top `k` principal directions of the rows (n x d) by power iteration
 * with deflation: mean (d), directions (k x d). */
void principal_directions(const double *rows, size_t n, size_t d, size_t k, double *mean,
                          double *directions);

/* LSA's word vectors (V x k): the rows of the PPMI matrix of the counts
 * (max(0, ln(X_ij X / (X_i X_j)))) projected on its top k-dimensional
 * invariant subspace, found by `iterations` rounds of subspace iteration
 * from a random start. Equal to U_k Sigma_k of its SVD up to a rotation,
 * which leaves every cosine unchanged. */
void lsa_embedding(const corpus *c, size_t k, size_t iterations, uint64_t seed,
                   double *embedding);

#endif
