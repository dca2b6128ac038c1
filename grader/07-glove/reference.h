/* reference.h: independent reference computations for lesson 07's tests.
 *
 * The expected values come from here or from the tests' own hand counts,
 * never from the code under test, and by other means than the lesson's: a
 * vocabulary from all tokens sorted by their bytes (not a hash table),
 * co-occurrences in a dense V x V table in long double (not sparse records),
 * the cost and its gradient in long double, the AdaGrad epoch as the literal
 * transcription of the header's pseudo-code, analogies and neighbours by
 * brute force over every row. Memory comes from grade_alloc: the test frees
 * it when it ends. */
#ifndef LESSON07_REFERENCE_H
#define LESSON07_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "glove.h"
#include "rng.h"

/* The chapter's sections, as the hints name them. */
#define SEC_VOCAB "2 Counting words"
#define SEC_COOCCUR "3 Counting co-occurrences"
#define SEC_COST "5 The weighting and the cost"
#define SEC_ADAGRAD "6 AdaGrad"
#define SEC_SIMILARITY "7 Similarity and analogies"
#define SEC_PRIVATE "8 Fixed point and secret sharing"

/* ---- memory, statuses, messages ---- */
double *alloc_doubles(size_t n);
/* An array of n NaN, for outputs: a value never written shows as NaN. */
double *nan_doubles(size_t n);
const char *status_name(gv_status s);
void expect_status(gv_status came, gv_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
/* bytes as a C string literal without its quotes, every byte outside
 * printable ASCII as \xNN, cut with "..." to fit out (size >= 8). */
const char *quoted(const char *bytes, size_t len, char *out, size_t size);

/* ---- text ---- */
/* Where a text breaks the rules (invalid UTF-8 or the token "<unk>"): the
 * 1-based line and byte column of the first offending byte (for an invalid
 * sequence, its first byte), or found = 0. */
typedef struct {
    int found;
    size_t line, column;
} ref_place;
ref_place ref_text_problem(const char *text, size_t len);

/* A token: its bytes (already cut to GV_MAX_WORD on a character boundary)
 * and the document (line) it is in. */
typedef struct {
    const char *p;
    size_t len, document;
} ref_token;
/* Every token of text, in order; returns how many (the array in *tokens). */
size_t ref_tokenize(const char *text, size_t len, ref_token **tokens);

/* A vocabulary as the header stores it. */
typedef struct {
    size_t size, bytes;
    char *words;
    size_t *start;   /* size + 1 */
    uint64_t *count; /* size */
} ref_vocab;
/* The vocabulary of a valid text, by sorting all its tokens. */
ref_vocab ref_vocab_count(const char *text, size_t len, uint64_t min_count);
/* A vocabulary of the given words (NUL-terminated, counts all 1). */
ref_vocab ref_vocab_of(const char *const *words, size_t n);
/* The id of bytes [p, p + len) in the vocabulary, or -1. */
long ref_vocab_find(const char *words, const size_t *start, size_t size, const char *p,
                    size_t len);

/* ---- co-occurrences ---- */
/* X (V x V, long double) for a valid text, by the header's definition. */
long double *ref_cooccur_dense(const char *text, size_t len, const char *words,
                               const size_t *start, size_t vocab_size,
                               const gv_cooccur_options *o);
size_t ref_nonzeros(const long double *x, size_t vocab_size);
/* Fails the test unless records[0..count) are X's nonzeros, sorted by (row,
 * col), each within a relative 1e-12 of X. */
void expect_records(const gv_record *records, size_t count, const long double *x,
                    size_t vocab_size, const char *what);

/* ---- the weighting, the cost, AdaGrad ---- */
long double ref_weight(double x, double x_max, double alpha);
/* J and (grad, may be NULL; 2 V (d + 1) values) dJ/dparams in long double. */
long double ref_cost(const gv_record *records, size_t count, const double *params,
                     size_t vocab_size, size_t dim, double x_max, double alpha,
                     long double *grad);
/* The header's pseudo-code of one epoch, transcribed literally in double;
 * returns the cost it reports. */
double ref_epoch(const gv_record *records, size_t count, size_t vocab_size, size_t dim,
                 const gv_options *o, double *params, double *gradsq);
/* 2 V (d + 1). */
size_t model_values(size_t vocab_size, size_t dim);
/* count random records over V words (ids of distinct (row, col) pairs when
 * count <= V^2), values log-uniform on [0.1, 3 x_max]. */
gv_record *random_records(rng *r, size_t count, size_t vocab_size, double x_max);
/* Parameters uniform on [-scale, scale]. */
double *random_params(rng *r, size_t vocab_size, size_t dim, double scale);

/* ---- similarity ---- */
long double ref_dot(const double *a, const double *b, size_t dim);
long double ref_norm(const double *a, size_t dim);
/* The best row d (not a, b or c) for question (a, b, c) under rule, with
 * its score; *runner_up the second best score (-inf if none). */
uint32_t ref_analogy(const double *unit, size_t rows, size_t dim, const uint32_t *question,
                     gv_rule rule, long double *score, long double *runner_up);
/* The score of row d under rule for question (a, b, c). */
long double ref_analogy_score(const double *unit, size_t dim, const uint32_t *question,
                              gv_rule rule, uint32_t d);
/* Random unit rows (rows x dim). */
double *random_unit_rows(rng *r, size_t rows, size_t dim);

/* ---- fixed point ---- */
uint64_t ref_encode(double x, unsigned bits, gv_fixed_mode mode);
uint64_t ref_ring_dot(const uint64_t *a, const uint64_t *b, size_t n);
/* Pearson's statistic of counts[0..bins) against a uniform distribution. */
double chi_square(const uint64_t *counts, size_t bins);
/* 16 bins (15 degrees of freedom): a uniform sample exceeds it with
 * probability 1e-7. */
#define CHI2_15_1E7 62.33

#endif
