/* baseline.h: GloVe the original C code's way, the yardstick of lesson 07's
 * benchmark.
 *
 * A straightforward implementation of the Stanford pipeline as
 * shared/reference/glove.md specifies it: vocab_count, cooccur (a dense
 * table for frequent pairs, sorted overflow runs for the others, merged),
 * shuffle (glibc's rand(), as the original), and training record by record
 * with the original AdaGrad step and its quirks, on one thread. On the
 * benchmark corpus it reproduces the original's counts and, with glibc,
 * its shuffle and initial values, and so its cost per epoch.
 *
 * Records are the lesson's gv_record (0-based ids: the original's id is
 * id + 1), so the lesson's trainer and this one can share one shuffled
 * list. The options are the lesson's too. */
#ifndef BASELINE_H
#define BASELINE_H

#include "glove.h"

#include <stddef.h>
#include <stdint.h>

/* The vocabulary: words seen at least min_count times, count descending,
 * ties by the bytes compared as signed char (the original's order; for
 * ASCII text it is the lesson's). */
typedef struct {
    size_t size;     /* V */
    size_t distinct; /* distinct tokens of the text, kept or not */
    uint64_t tokens; /* tokens of the text */
    char **word;     /* word[i], NUL-terminated, id i */
    uint64_t *count; /* count[i] */
} baseline_vocab;

/* Counts the tokens of text (split on space, tab and newline, '\r'
 * dropped, cut to GV_MAX_WORD bytes on a character boundary) and keeps
 * those seen at least min_count times. GV_ERR_FORMAT if the reserved token
 * "<unk>" appears. Free with baseline_vocab_free. */
gv_status baseline_vocab_count(const char *text, size_t len, uint64_t min_count,
                               baseline_vocab *vocab);
void baseline_vocab_free(baseline_vocab *vocab);

/* What the original's cooccur did besides counting. */
typedef struct {
    size_t max_product;     /* pairs with w1 < max_product / w2 (1-based) go to the dense table */
    size_t dense_entries;   /* entries of the dense table */
    size_t overflow_length; /* records of the overflow buffer */
    size_t overflow_runs;   /* times it was sorted and flushed */
} baseline_cooccur_stats;

/* The co-occurrence counts of text over vocab, as the original's cooccur
 * with -memory memory_gb computes them (the memory only decides where
 * each pair is summed, and so the order of the additions): *records
 * (allocated here, free() it) gets the *count nonzeros sorted by (row,
 * col). stats may be NULL. */
gv_status baseline_cooccur(const char *text, size_t len, const baseline_vocab *vocab,
                           const gv_cooccur_options *options, double memory_gb,
                           gv_record **records, size_t *count, baseline_cooccur_stats *stats);

/* The original's shuffle with -memory memory_gb -seed seed: srand(seed),
 * Fisher-Yates on each chunk of the array that fits in memory, then a
 * second Fisher-Yates on each round of the merge of the chunks (one chunk:
 * two full shuffles). Uses glibc's rand(), a global generator: not
 * thread-safe. */
gv_status baseline_shuffle(gv_record *records, size_t count, double memory_gb, unsigned seed);

/* The original's start: srand(seed), then every one of the 2 V (d + 1)
 * parameters in memory order, biases included, = (rand() / RAND_MAX -
 * 0.5) / d; every gradsq entry = 1. */
gv_status baseline_init(size_t vocab_size, size_t dim, unsigned seed, double *params,
                        double *gradsq);

/* One epoch of the original's training on one thread, record by record
 * (the contract of gv_adagrad_epoch in glove.h): *cost = the mean of
 * f(x) diff^2 / 2 over the records, each taken before its update. */
gv_status baseline_train_epoch(const gv_record *records, size_t count, size_t vocab_size,
                               size_t dim, const gv_options *options, double *params,
                               double *gradsq, double *cost);

/* The analogy question files, in the order evaluate.py reads them: the
 * first BASELINE_SEMANTIC_FILES are the semantic ones. */
enum { BASELINE_QUESTION_FILES = 14, BASELINE_SEMANTIC_FILES = 5 };
extern const char *const baseline_question_files[BASELINE_QUESTION_FILES];

typedef struct {
    size_t questions[BASELINE_QUESTION_FILES]; /* lines of each file */
    size_t seen[BASELINE_QUESTION_FILES];      /* those whose four words are all in the vocabulary */
    size_t correct[BASELINE_QUESTION_FILES];   /* those answered right */
} baseline_analogy_score;

/* Word analogies exactly as evaluate.py scores them: the vectors
 * w_i + w~_i as vectors.txt stores them (6 decimals), each normalised to
 * unit length; a : b :: c : ? is answered by the word with the largest
 * dot product with b - a + c, a, b and c excluded; only questions whose
 * four words are in the vocabulary count. question_dir holds
 * baseline_question_files. GV_ERR_FORMAT for a file that cannot be read
 * or a line that is not four words. */
gv_status baseline_evaluate(const baseline_vocab *vocab, const double *params, size_t dim,
                            const char *question_dir, baseline_analogy_score *score);

#endif
