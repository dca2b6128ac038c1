/* similarity.c: unit vectors, cosines, nearest neighbours and analogies
 * (chapter section 7). */
#include "glove.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gemm.h"

// BEGIN SOLUTION
static int all_finite(const double *x, size_t n)
{
    int finite = 1;
    for (size_t i = 0; i < n; i++)
        finite &= isfinite(x[i]) != 0;
    return finite;
}

static double max_abs(const double *x, size_t n)
{
    double largest = 0.0;
    for (size_t i = 0; i < n; i++)
        largest = fabs(x[i]) > largest ? fabs(x[i]) : largest;
    return largest;
}

/* |x| / largest for largest = max |x_i| > 0: the squares of x_i / largest
 * are at most 1, so the sum neither overflows nor loses tiny vectors. */
static double scaled_norm(const double *x, size_t n, double largest)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double t = x[i] / largest;
        sum += t * t;
    }
    return sqrt(sum);
}

// END SOLUTION
gv_status gv_normalize_rows(const double *vectors, size_t rows, size_t dim, double *unit)
{
    // TODO: check the arguments and that every entry is finite; each row
    //   divided by its norm, computed after dividing the row by its largest
    //   |entry| so that squaring cannot overflow (1e200) or underflow
    //   (1e-200). A zero row stays zero.
    // STUB: (void)vectors; (void)rows; (void)dim; (void)unit;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!vectors || !unit || rows == 0 || dim == 0 || rows > SIZE_MAX / sizeof(double) / dim)
        return GV_ERR_ARG;
    if (!all_finite(vectors, rows * dim))
        return GV_ERR_NAN;
    for (size_t r = 0; r < rows; r++) {
        const double *x = vectors + r * dim;
        double *u = unit + r * dim; /* may be x itself: each x_i is read before u_i is written */
        double largest = max_abs(x, dim);
        double norm = largest > 0.0 ? scaled_norm(x, dim, largest) : 1.0;
        largest = largest > 0.0 ? largest : 1.0;
        for (size_t i = 0; i < dim; i++)
            u[i] = x[i] / largest / norm;
    }
    return GV_OK;
    // END SOLUTION
}

gv_status gv_cosine(const double *a, const double *b, size_t dim, double *cosine)
{
    // TODO: a.b / (|a| |b|), with each vector divided by its largest
    //   |entry| first (as in gv_normalize_rows), clamped to [-1, 1].
    // STUB: (void)a; (void)b; (void)dim; (void)cosine;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !b || !cosine || dim == 0)
        return GV_ERR_ARG;
    if (!all_finite(a, dim) || !all_finite(b, dim))
        return GV_ERR_NAN;
    double ma = max_abs(a, dim), mb = max_abs(b, dim);
    if (ma == 0.0 || mb == 0.0)
        return GV_ERR_ARG;
    double dot = 0.0;
    for (size_t i = 0; i < dim; i++)
        dot += (a[i] / ma) * (b[i] / mb);
    double c = dot / (scaled_norm(a, dim, ma) * scaled_norm(b, dim, mb));
    *cosine = c > 1.0 ? 1.0 : c < -1.0 ? -1.0 : c;
    return GV_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* A candidate of gv_nearest. */
typedef struct {
    double score;
    uint32_t id;
} scored;

/* a ranks below b: a lower score, or the same score and a larger id. */
static int worse(scored a, scored b)
{
    return a.score < b.score || (a.score == b.score && a.id > b.id);
}

/* Restores the heap (the worst candidate at the root) below position i. */
static void sift_down(scored *heap, size_t n, size_t i)
{
    for (;;) {
        size_t child = 2 * i + 1, worst = i;
        if (child < n && worse(heap[child], heap[worst]))
            worst = child;
        if (child + 1 < n && worse(heap[child + 1], heap[worst]))
            worst = child + 1;
        if (worst == i)
            return;
        scored t = heap[i];
        heap[i] = heap[worst];
        heap[worst] = t;
        i = worst;
    }
}

static void sift_up(scored *heap, size_t i)
{
    while (i > 0 && worse(heap[i], heap[(i - 1) / 2])) {
        scored t = heap[i];
        heap[i] = heap[(i - 1) / 2];
        heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

/* Offers a candidate to the best k seen so far (a heap of n <= k). */
static void offer(scored *heap, size_t *n, size_t k, scored candidate)
{
    if (*n < k) {
        heap[*n] = candidate;
        sift_up(heap, (*n)++);
    } else if (worse(heap[0], candidate)) {
        heap[0] = candidate;
        sift_down(heap, k, 0);
    }
}

/* excluded[id] = 1 for the ids to skip; the number of rows left, or
 * SIZE_MAX when an id is out of range. */
static size_t mark_excluded(unsigned char *excluded, size_t rows, const uint32_t *exclude,
                            size_t n_exclude)
{
    size_t left = rows;
    for (size_t e = 0; e < n_exclude; e++) {
        if (exclude[e] >= rows)
            return SIZE_MAX;
        left -= !excluded[exclude[e]];
        excluded[exclude[e]] = 1;
    }
    return left;
}

/* The k best rows, best first, by one pass and a heap of the k best so far
 * (rows log k), then the heap sorted. */
static gv_status select_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                                size_t k, const unsigned char *excluded, uint32_t *ids,
                                double *scores)
{
    scored *heap = malloc(k * sizeof *heap);
    if (!heap)
        return GV_ERR_NOMEM;
    size_t n = 0;
    for (size_t r = 0; r < rows; r++) {
        if (excluded[r])
            continue;
        const double *row = unit + r * dim;
        double score = 0.0;
#pragma omp simd reduction(+ : score)
        for (size_t i = 0; i < dim; i++)
            score += row[i] * query[i];
        offer(heap, &n, k, (scored){isnan(score) ? -INFINITY : score, (uint32_t)r});
    }
    for (size_t last = k; last-- > 0;) { /* the worst goes last */
        ids[last] = heap[0].id;
        scores[last] = heap[0].score;
        heap[0] = heap[last];
        sift_down(heap, last, 0);
    }
    free(heap);
    return GV_OK;
}

// END SOLUTION
gv_status gv_nearest(const double *unit, size_t rows, size_t dim, const double *query,
                     size_t k, const uint32_t *exclude, size_t n_exclude, uint32_t *ids,
                     double *scores)
{
    // TODO: check the arguments (an excluded id must be a row; exclude may
    //   be NULL when n_exclude is 0; GV_ERR_ARG when fewer than k rows are
    //   left). Score every row that is not excluded by its dot product with
    //   the query and keep the k best as you go (a heap of k candidates,
    //   not a sort of all the rows), then sort those k.
    // STUB: (void)unit; (void)rows; (void)dim; (void)query; (void)k; (void)exclude;
    // STUB: (void)n_exclude; (void)ids; (void)scores;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!unit || !query || !ids || !scores || (!exclude && n_exclude > 0) || rows == 0 ||
        dim == 0 || k == 0 || rows > UINT32_MAX || rows > SIZE_MAX / sizeof(double) / dim)
        return GV_ERR_ARG;
    unsigned char *excluded = calloc(rows, 1);
    if (!excluded)
        return GV_ERR_NOMEM;
    size_t left = mark_excluded(excluded, rows, exclude, n_exclude);
    gv_status status = GV_OK;
    if (left == SIZE_MAX || left < k)
        status = GV_ERR_ARG;
    else if (!all_finite(unit, rows * dim) || !all_finite(query, dim))
        status = GV_ERR_NAN;
    else
        status = select_nearest(unit, rows, dim, query, k, excluded, ids, scores);
    free(excluded);
    return status;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Questions answered together, and rows scored together: one gemm makes
 * the scores of a block of questions against a block of rows, small
 * enough (3 x 64 x 2048 doubles, 3 MB) to stay in the cache while they are
 * read. */
enum { QUESTION_BLOCK = 64, ROW_BLOCK = 2048 };

/* What answering a block of questions needs. */
typedef struct {
    const double *unit;
    size_t rows, dim;
    const uint32_t *questions; /* the block's, 3 ids each */
    size_t n;
    gv_rule rule;
    double *query;  /* 3CosAdd: n rows b - a + c; 3CosMul: 3 n rows a, b, c */
    double *scores; /* (rows of query) x ROW_BLOCK */
    double *best;   /* n best scores so far */
    uint32_t *answers;
} analogy_block;

/* The query rows of the block: the targets b - a + c (3CosAdd), or the
 * rows of a, b and c (3CosMul), whose three cosines with each candidate
 * the rule combines. */
static void make_queries(const analogy_block *q)
{
    size_t dim = q->dim;
    for (size_t i = 0; i < q->n; i++) {
        const double *a = q->unit + q->questions[3 * i] * dim;
        const double *b = q->unit + q->questions[3 * i + 1] * dim;
        const double *c = q->unit + q->questions[3 * i + 2] * dim;
        if (q->rule == GV_3COSADD) {
            for (size_t k = 0; k < dim; k++)
                q->query[i * dim + k] = b[k] - a[k] + c[k];
        } else {
            memcpy(q->query + 3 * i * dim, a, dim * sizeof(double));
            memcpy(q->query + (3 * i + 1) * dim, b, dim * sizeof(double));
            memcpy(q->query + (3 * i + 2) * dim, c, dim * sizeof(double));
        }
    }
}

/* 3CosMul's score from the three cosines, each moved to [0, 1]. */
static double cos_mul(double cos_a, double cos_b, double cos_c)
{
    return (1.0 + cos_b) / 2.0 * ((1.0 + cos_c) / 2.0) / ((1.0 + cos_a) / 2.0 + 0.001);
}

/* Updates each question's answer with the candidates first .. first +
 * count - 1, whose scores are in q->scores. Rows come in increasing id,
 * so only a strictly better score replaces an answer: ties keep the
 * smaller id. */
static void pick_answers(const analogy_block *q, size_t first, size_t count)
{
    int mul = q->rule == GV_3COSMUL;
    for (size_t i = 0; i < q->n; i++) {
        const uint32_t *abc = q->questions + 3 * i;
        const double *s = q->scores + (mul ? 3 * i : i) * count;
        for (size_t j = 0; j < count; j++) {
            uint32_t id = (uint32_t)(first + j);
            if (id == abc[0] || id == abc[1] || id == abc[2])
                continue;
            double score = mul ? cos_mul(s[j], s[count + j], s[2 * count + j]) : s[j];
            score = isnan(score) ? -INFINITY : score;
            if (q->answers[i] == UINT32_MAX || score > q->best[i]) {
                q->best[i] = score;
                q->answers[i] = id;
            }
        }
    }
}

static void answer_block(const analogy_block *q)
{
    size_t query_rows = q->rule == GV_3COSMUL ? 3 * q->n : q->n;
    make_queries(q);
    for (size_t i = 0; i < q->n; i++)
        q->answers[i] = UINT32_MAX;
    for (size_t first = 0; first < q->rows; first += ROW_BLOCK) {
        size_t count = q->rows - first < ROW_BLOCK ? q->rows - first : ROW_BLOCK;
        gemm(GEMM_NO_TRANS, GEMM_TRANS, query_rows, count, q->dim, 1.0, q->query, q->dim,
             q->unit + first * q->dim, q->dim, 0.0, q->scores, count);
        pick_answers(q, first, count);
    }
}

/* GV_ERR_ARG unless every id is a row and each question leaves a row that
 * is none of its three words. */
static gv_status check_questions(const uint32_t *questions, size_t n, size_t rows)
{
    for (size_t i = 0; i < n; i++) {
        const uint32_t *abc = questions + 3 * i;
        if (abc[0] >= rows || abc[1] >= rows || abc[2] >= rows)
            return GV_ERR_ARG;
        size_t distinct = 1 + (abc[1] != abc[0]) + (abc[2] != abc[0] && abc[2] != abc[1]);
        if (rows <= distinct)
            return GV_ERR_ARG;
    }
    return GV_OK;
}

// END SOLUTION
gv_status gv_analogies(const double *unit, size_t rows, size_t dim, const uint32_t *questions,
                       size_t n, gv_rule rule, uint32_t *answers)
{
    // TODO: check the arguments (every id a row; a question must leave a
    //   row other than a, b and c). For 3CosAdd score every row d by d .
    //   (b - a + c) (the rows are unit vectors: the same argmax as the
    //   cosine); for 3CosMul compute the three cosines d . a, d . b, d . c
    //   and combine them as the header says. Skip a, b and c; on a tie the
    //   smaller id wins. Score a block of questions against all rows with
    //   one matrix product (gemm, support/gemm.h), not one dot product at
    //   a time.
    // STUB: (void)unit; (void)rows; (void)dim; (void)questions; (void)n; (void)rule;
    // STUB: (void)answers;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!unit || !questions || !answers || rows == 0 || dim == 0 || n == 0 ||
        rows > UINT32_MAX || rows > SIZE_MAX / sizeof(double) / dim || n > SIZE_MAX / 3 ||
        dim > SIZE_MAX / sizeof(double) / (3 * QUESTION_BLOCK) ||
        (rule != GV_3COSADD && rule != GV_3COSMUL))
        return GV_ERR_ARG;
    gv_status status = check_questions(questions, n, rows);
    if (status != GV_OK)
        return status;
    if (!all_finite(unit, rows * dim))
        return GV_ERR_NAN;
    double *query = malloc(3 * QUESTION_BLOCK * dim * sizeof *query);
    double *scores = malloc(3 * QUESTION_BLOCK * ROW_BLOCK * sizeof *scores);
    double *best = malloc(QUESTION_BLOCK * sizeof *best);
    if (query && scores && best) {
        for (size_t first = 0; first < n; first += QUESTION_BLOCK) {
            size_t count = n - first < QUESTION_BLOCK ? n - first : QUESTION_BLOCK;
            analogy_block q = {unit,  rows,  dim,  questions + 3 * first, count,
                               rule,  query, scores, best, answers + first};
            answer_block(&q);
        }
    } else
        status = GV_ERR_NOMEM;
    free(query);
    free(scores);
    free(best);
    return status;
    // END SOLUTION
}
