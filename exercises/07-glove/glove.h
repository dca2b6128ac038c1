/* glove.h: Lesson 07, word embeddings with GloVe.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/07-glove/ and the reference in solutions/07-glove/ implement
 * exactly these functions; lessons/07-glove.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return a gv_status. Matrices are row-major (entry (i, j) of an m x n
 * matrix at a[i * n + j]).
 *
 * Text is bytes: a corpus is (text, len), not NUL-terminated, UTF-8. A
 * vocabulary of V words is stored in three caller-owned arrays: word i
 * (0-based: the original GloVe code's id is i + 1) is the bytes
 * words[start[i] .. start[i + 1]) (no terminator), seen count[i] times.
 * Words are in the vocabulary's order: count descending, ties by the bytes
 * compared as unsigned (memcmp, a shorter prefix first).
 *
 * The model (section 5) is one array of 2 V (d + 1) doubles, laid out as
 * the original code lays it out: row i < V is the word vector w_i (d values)
 * followed by its bias b_i; row V + i is the context vector w~_i followed by
 * its bias b~_i. AdaGrad's accumulated squares have the same shape.
 */
#ifndef GLOVE_H
#define GLOVE_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    GV_OK = 0,
    GV_ERR_TODO,   /* not implemented yet (the skeleton's placeholder) */
    GV_ERR_ARG,    /* a NULL pointer, a size of 0 or that overflows, an option out of range */
    GV_ERR_NAN,    /* a NaN or an infinity in the input */
    GV_ERR_NOMEM,  /* out of memory */
    GV_ERR_FORMAT, /* malformed text: not UTF-8, a reserved word, a bad vocabulary line */
    GV_ERR_SPACE,  /* an output array is too small (the sizes needed are reported) */
} gv_status;

/* A short English description of a status. */
const char *gv_status_str(gv_status status);

/* Where GV_ERR_FORMAT was found: 1-based line and byte column of the first
 * offending byte, and a one-line description ("invalid UTF-8 byte 0xff").
 * Functions that take a gv_error * accept NULL; they clear it on success. */
typedef struct {
    size_t line, column;
    char message[96];
} gv_error;

/* Longest word kept, in bytes: longer tokens are cut to the longest prefix
 * of at most GV_MAX_WORD bytes that ends on a whole UTF-8 character. */
#define GV_MAX_WORD 999

/* ---- Exercise 1: tokens and a vocabulary (section 2) -------------------- */

/* Counts the tokens of text and writes the vocabulary of those seen at
 * least min_count times. A token is a maximal run of bytes other than
 * space, tab, '\r' and '\n'; a '\n' also ends a document (it matters only
 * to gv_cooccur). The text must be valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), and the reserved token "<unk>" may
 * not appear: either is GV_ERR_FORMAT with its place in *error.
 *
 * Outputs: *size = V, the words kept; start (capacity + 1 entries) and
 * count (capacity) as in the header; words receives their bytes,
 * *bytes = start[V] of them. If V > capacity or *bytes > words_capacity,
 * returns GV_ERR_SPACE with *size and *bytes set to what is needed (call
 * once with capacities of 0 to learn the sizes). An empty corpus is a
 * vocabulary of 0 words. GV_ERR_ARG for NULL pointers (words, start and
 * count may be NULL when their capacities are 0) or min_count == 0. */
gv_status gv_vocab_count(const char *text, size_t len, uint64_t min_count, char *words,
                         size_t words_capacity, size_t *start, uint64_t *count,
                         size_t capacity, size_t *size, size_t *bytes, gv_error *error);

/* Reads a vocabulary file as the original code writes it: one "word count"
 * line per word ('\n' ends a line, a final line may lack it), one space
 * between, count a decimal integer >= 1 without sign, counts
 * non-increasing, no word twice. Outputs as gv_vocab_count. A line that
 * breaks a rule is GV_ERR_FORMAT with its line number in *error. */
gv_status gv_vocab_parse(const char *text, size_t len, char *words, size_t words_capacity,
                         size_t *start, uint64_t *count, size_t capacity, size_t *size,
                         size_t *bytes, gv_error *error);

/* ---- Exercise 2: co-occurrence counts (section 3) ----------------------- */

/* One nonzero X_ij of the co-occurrence matrix, 0-based ids. */
typedef struct {
    uint32_t row, col;
    double value;
} gv_record;

typedef struct {
    size_t window;          /* context words on each side, >= 1 */
    int symmetric;          /* 1: each pair counts for (i, j) and (j, i); 0: (left, right) only */
    int distance_weighting; /* 1: a pair d apart adds 1/d; 0: adds 1 */
} gv_cooccur_options;

/* The co-occurrence counts of text over a vocabulary (V words, as the
 * header stores them): tokens as in gv_vocab_count; tokens not in the
 * vocabulary are deleted before windowing (in "a ? b", a and b are 1
 * apart); a window never crosses a '\n'. For each kept token at position
 * p, and each kept token q = p - 1 ... p - window of the same document,
 * X[word(q)][word(p)] += weight, and with symmetric also X[word(p)]
 * [word(q)] += weight. The nonzeros are written sorted by (row, col), one
 * record each, *count of them; GV_ERR_SPACE with *count set if more than
 * capacity. Errors: as gv_vocab_count for the text; GV_ERR_ARG for NULL
 * pointers, vocab_size == 0 or more than UINT32_MAX, a window of 0, a
 * word repeated in the vocabulary. */
gv_status gv_cooccur(const char *text, size_t len, const char *words, const size_t *start,
                     size_t vocab_size, const gv_cooccur_options *options, gv_record *records,
                     size_t capacity, size_t *count, gv_error *error);

/* ---- Exercise 3: the weighting and the cost (section 5) ---------------- */

typedef struct {
    double x_max;     /* f(x) = (x / x_max)^alpha below x_max, 1 above; > 0 */
    double alpha;     /* >= 0 */
    double eta;       /* AdaGrad's learning rate, > 0 */
    double grad_clip; /* each gradient component clipped to [-grad_clip, grad_clip], > 0 */
} gv_options;

/* f(x) = (x / x_max)^alpha for 0 <= x <= x_max, 1 for x > x_max; NaN for a
 * negative or NaN x, or for x_max not > 0. */
double gv_weight(double x, double x_max, double alpha);

/* The cost of the model on count records, per record, as the original code
 * prints it:
 *     J = 1/count * sum_r 1/2 f(x_r) (w_i . w~_j + b_i + b~_j - ln x_r)^2
 * (i = row, j = col of record r). grad (may be NULL; 2 V (d + 1) values,
 * the model's layout) receives dJ/dparams. GV_ERR_ARG for NULL pointers,
 * sizes of 0, an id >= V, a value not > 0, options out of range;
 * GV_ERR_NAN for a non-finite parameter or value. */
gv_status gv_cost(const gv_record *records, size_t count, const double *params,
                  size_t vocab_size, size_t dim, const gv_options *options, double *cost,
                  double *grad);

/* ---- Exercise 4: training by AdaGrad (section 6) ----------------------- */

/* The original code's start: an rng (support/rng.h) seeded with seed; every
 * one of the 2 V (d + 1) parameters, in memory order and biases included,
 * = (rng_uniform - 0.5) / d; every gradsq entry = 1. */
gv_status gv_init(size_t vocab_size, size_t dim, uint64_t seed, double *params, double *gradsq);

/* Fisher-Yates in place: for i = count - 1 down to 1, swap records i and
 * rng_below(i + 1), from an rng seeded with seed. */
gv_status gv_shuffle(gv_record *records, size_t count, uint64_t seed);

/* One pass over the records in their order, each updating the model at
 * once, exactly as section 6 spells out the original code's step:
 *     diff = w_i . w~_j + b_i + b~_j - ln x,  fdiff = f(x) diff
 *     (a record whose diff or fdiff is not finite is skipped)
 *     cost += fdiff diff / 2
 *     for each k: g1 = eta clip(fdiff w~_j[k]), g2 = eta clip(fdiff w_i[k]),
 *                 u1[k] = g1 / sqrt(gradsq_i[k]), u2[k] = g2 / sqrt(gradsq~_j[k]),
 *                 gradsq_i[k] += g1^2, gradsq~_j[k] += g2^2
 *     if sum(u1) and sum(u2) are finite: w_i -= u1, w~_j -= u2
 *     b_i -= fdiff / sqrt(gradsq of b_i), b~_j likewise (no eta, no clip;
 *     a non-finite step counts as 0), then both bias gradsq += fdiff^2.
 * *cost (may be NULL) = the sum of the records' fdiff diff / 2, taken
 * before each record's update, divided by count. Deterministic: the same
 * inputs give the same bits. Errors as gv_cost. */
gv_status gv_adagrad_epoch(const gv_record *records, size_t count, size_t vocab_size,
                           size_t dim, const gv_options *options, double *params,
                           double *gradsq, double *cost);

/* ---- Exercise 5: similarity, neighbours, analogies (section 7) --------- */

/* unit (rows x dim) = each row of vectors divided by its Euclidean norm
 * (computed without overflow); a zero row stays zero. */
gv_status gv_normalize_rows(const double *vectors, size_t rows, size_t dim, double *unit);

/* The cosine of the angle between a and b: a.b / (|a| |b|), in [-1, 1];
 * GV_ERR_ARG if either is the zero vector. Invariant to scaling either. */
gv_status gv_cosine(const double *a, const double *b, size_t dim, double *cosine);

/* The k rows of unit (rows x dim) with the largest dot product with query,
 * best first (ties: the smaller id first), skipping the n_exclude ids in
 * exclude: ids (k) and scores (k). GV_ERR_ARG if fewer than k rows remain. */
gv_status gv_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                     size_t k, const uint32_t *exclude, size_t n_exclude, uint32_t *ids,
                     double *scores);

typedef enum {
    GV_3COSADD, /* argmax_d cos(d, b - a + c) */
    GV_3COSMUL, /* argmax_d cos'(d, b) cos'(d, c) / (cos'(d, a) + 0.001), cos' = (1 + cos) / 2 */
} gv_rule;

/* Answers n analogy questions a : b :: c : ? (questions: n x 3 ids) over
 * the unit rows: answers[q] = the best id other than a, b and c under the
 * rule (ties: the smaller id). */
gv_status gv_analogies(const double *unit, size_t rows, size_t dim, const uint32_t *questions,
                       size_t n, gv_rule rule, uint32_t *answers);

/* ---- Exercise 6: fixed point and a secret-shared dot product (section 8) */

typedef enum {
    GV_FIXED_CLIPPED, /* clip to [0, 1], times 2^bits, truncated (the source's scheme) */
    GV_FIXED_SIGNED,  /* times 2^bits, rounded to nearest, as a two's complement integer mod 2^64 */
} gv_fixed_mode;

/* out[i] = the fixed-point code of x[i] with `bits` fractional bits
 * (1..30). GV_FIXED_SIGNED requires |x[i]| <= 1. */
gv_status gv_fixed_encode(const double *x, size_t n, unsigned bits, gv_fixed_mode mode,
                          uint64_t *out);

/* The dot product of two code vectors, computed exactly in integers mod
 * 2^64 and decoded: divided by 2^(2 bits), read as signed in
 * GV_FIXED_SIGNED mode. */
gv_status gv_fixed_dot(const uint64_t *a, const uint64_t *b, size_t n, unsigned bits,
                       gv_fixed_mode mode, double *dot);

/* Additive sharing mod 2^64: share0 uniform random (an rng seeded with
 * seed), share1 = x - share0. Either share alone is uniform, whatever x. */
gv_status gv_share(const uint64_t *x, size_t n, uint64_t seed, uint64_t *share0,
                   uint64_t *share1);

/* The two-party dot product of x and y, each held as shares (x0 + x1 = x,
 * y0 + y1 = y mod 2^64), with one Beaver triple per element dealt from
 * seed (a, b uniform, c = a b, each shared): the parties open e = x - a and
 * f = y - b, party p computes z_p = sum of c_p + e b_p + f a_p (+ e f for
 * p = 0). z[0] + z[1] = x . y mod 2^64 exactly; z[0] alone is uniform. */
gv_status gv_secure_dot(const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, size_t n, uint64_t seed, uint64_t z[2]);

#endif
