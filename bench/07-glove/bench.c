/* bench.c: lesson 07's GloVe against a transcription of the original C code
 * (baseline.c), on one thread, then the solution on two.
 *
 *     make corpus && make bench LESSON=07
 *
 * On the benchmark corpus ($(BUILD)/data/07-glove/corpus.txt, built by
 * `make corpus`; a path given as the first argument replaces it):
 *   - the counts: gv_vocab_count + gv_cooccur, each called twice as a caller
 *     must (once for the sizes, once to fill the arrays), against
 *     baseline_vocab_count + baseline_cooccur; min-count 5, window 10,
 *     symmetric, 1/d weighting;
 *   - training: the baseline's records shuffled once by its glibc-rand
 *     shuffle (seed 1234), two models started from the same baseline_init
 *     (seed 1234), 50 dimensions, x_max 10, alpha 0.75, eta 0.05, 15 epochs;
 *     the epochs alternate (solution epoch e, baseline epoch e, ...) so that a
 *     slow spell of a shared machine slows both. The baseline's costs are the
 *     original's: 0.076819 ... 0.030813;
 *   - analogies: baseline_evaluate (evaluate.py's scoring) on each model;
 *   - the solution again, against one thread: on two threads Hogwild, each
 *     its half of the same records on one shared model (the original's
 *     -threads 2); then by tiles, the records grouped by the parts of the
 *     vocabulary their word and context fall in, on one thread and on two
 *     that never write the same row at once (the checked pair).
 * ratio = baseline time / solution time. Exits 0 without the corpus: a
 * machine that has not built it skips the benchmark. */
#define _POSIX_C_SOURCE 200809L

#include "baseline.h"
#include "glove.h"
#include "machine.h"
#include "timing.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MIN_COUNT = 5, WINDOW = 10, DIM = 50, EPOCHS = 15, SEED = 1234 };
#define SHUFFLE_MEMORY_GB 4.0 /* the original's default -memory: one chunk */
#define TARGET_SPEEDUP 2.0
#define TARGET_SCALING 1.7 /* two threads against one */
/* Two threads interleave the records differently in every run: the accuracy
 * moves by a few of the 13,929 questions either way. */
#define THREADED_ACCURACY_SLACK 0.25 /* percentage points */
#define COST_TOLERANCE 1e-6 /* relative: the two follow the same update */
#define QUESTIONS "data/analogies"
#define CORPUS_IN_BUILD "/data/07-glove/corpus.txt"

static const gv_options TRAINING = {10.0, 0.75, 0.05, 100.0};
static const gv_cooccur_options WINDOWING = {WINDOW, 1, 1};

/* ---- the corpus ------------------------------------------------------------------ */

/* The corpus in this program's build directory: the program is
 * BUILD/solutions/opt/bin/bench-07-glove. 0 when the path is unknown. */
static int corpus_in_build(char *path, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", path, size - 1);
    if (n <= 0)
        return 0;
    path[n] = '\0';
    for (int up = 0; up < 4; up++) {
        char *slash = strrchr(path, '/');
        if (slash == NULL)
            return 0;
        *slash = '\0';
    }
    if (strlen(path) + sizeof CORPUS_IN_BUILD > size)
        return 0;
    strcat(path, CORPUS_IN_BUILD);
    return 1;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (in == NULL)
        return NULL;
    char *text = NULL;
    long size = fseek(in, 0, SEEK_END) == 0 ? ftell(in) : -1;
    if (size >= 0 && fseek(in, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1)) != NULL &&
        fread(text, 1, (size_t)size, in) != (size_t)size) {
        free(text);
        text = NULL;
    }
    *len = size >= 0 ? (size_t)size : 0;
    fclose(in);
    return text;
}

/* ---- the counts ------------------------------------------------------------------ */

typedef struct {
    size_t vocab_size, bytes, nonzeros;
    char *words;
    size_t *start;
    uint64_t *count;
    gv_record *records;
} solution_counts;

static void solution_counts_free(solution_counts *c)
{
    free(c->words);
    free(c->start);
    free(c->count);
    free(c->records);
}

/* gv_vocab_count and gv_cooccur as a caller uses them: sizes, then arrays;
 * *fill = the seconds of the calls that fill the arrays. */
static gv_status solution_build_counts(const char *text, size_t len, solution_counts *c,
                                       double *fill)
{
    gv_status s = gv_vocab_count(text, len, MIN_COUNT, NULL, 0, NULL, NULL, 0, &c->vocab_size,
                                 &c->bytes, NULL);
    if (s != GV_ERR_SPACE)
        return s == GV_OK ? GV_ERR_ARG : s; /* an empty vocabulary trains nothing */
    c->words = malloc(c->bytes + 1);
    c->start = malloc((c->vocab_size + 1) * sizeof *c->start);
    c->count = malloc(c->vocab_size * sizeof *c->count);
    if (!c->words || !c->start || !c->count)
        return GV_ERR_NOMEM;
    double start = now_seconds();
    s = gv_vocab_count(text, len, MIN_COUNT, c->words, c->bytes, c->start, c->count,
                       c->vocab_size, &c->vocab_size, &c->bytes, NULL);
    *fill = now_seconds() - start;
    if (s == GV_OK)
        s = gv_cooccur(text, len, c->words, c->start, c->vocab_size, &WINDOWING, NULL, 0,
                       &c->nonzeros, NULL);
    if (s != GV_ERR_SPACE)
        return s == GV_OK ? GV_ERR_ARG : s;
    if ((c->records = malloc(c->nonzeros * sizeof *c->records)) == NULL)
        return GV_ERR_NOMEM;
    start = now_seconds();
    s = gv_cooccur(text, len, c->words, c->start, c->vocab_size, &WINDOWING, c->records,
                   c->nonzeros, &c->nonzeros, NULL);
    *fill += now_seconds() - start;
    return s;
}

static gv_status baseline_build_counts(const char *text, size_t len, baseline_vocab *vocab,
                                       gv_record **records, size_t *count)
{
    gv_status s = baseline_vocab_count(text, len, MIN_COUNT, vocab);
    if (s == GV_OK)
        s = baseline_cooccur(text, len, vocab, &WINDOWING, SHUFFLE_MEMORY_GB, records, count,
                             NULL);
    return s;
}

/* The largest |difference| / value of two sorted record lists with the same
 * (row, col) sequence; -1 when the sequences differ. */
static double counts_difference(const gv_record *a, const gv_record *b, size_t n)
{
    double worst = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (a[i].row != b[i].row || a[i].col != b[i].col)
            return -1.0;
        worst = fmax(worst, fabs(a[i].value - b[i].value) / b[i].value);
    }
    return worst;
}

/* Times both ways of counting (solution first) and keeps the baseline's
 * vocabulary and records for training. */
static gv_status bench_counts(const char *text, size_t len, baseline_vocab *vocab,
                              gv_record **records, size_t *count)
{
    solution_counts c = {0};
    double start = now_seconds(), fill = 0.0;
    gv_status s = solution_build_counts(text, len, &c, &fill);
    double solution_time = now_seconds() - start;
    if (s != GV_OK) {
        solution_counts_free(&c);
        fprintf(stderr, "bench-07-glove: the solution's counts: %s\n", gv_status_str(s));
        return s;
    }
    start = now_seconds();
    s = baseline_build_counts(text, len, vocab, records, count);
    double baseline_time = now_seconds() - start;
    if (s == GV_OK) {
        printf("\nCounts: min-count %d, window %d, symmetric, 1/d weighting\n", MIN_COUNT,
               WINDOW);
        printf("  %-34s %8.2f s  ratio=%6.2f  vocabulary %zu, %zu nonzeros\n",
               "gv_vocab_count + gv_cooccur", solution_time, 1.0, c.vocab_size, c.nonzeros);
        printf("  %-34s %8.2f s  ratio=%6.2f\n", "  of which filling the arrays", fill,
               baseline_time / fill);
        printf("  %-34s %8.2f s  ratio=%6.2f  vocabulary %zu, %zu nonzeros\n",
               "baseline_vocab_count + _cooccur", baseline_time, baseline_time / solution_time,
               vocab->size, *count);
        double diff = c.nonzeros == *count ? counts_difference(c.records, *records, *count) : -1;
        if (diff < 0)
            printf("  (the two lists of nonzeros differ in their (row, col))\n");
        else
            printf("  same (row, col) pairs; the largest relative difference of a count %.1e "
                   "(the sums are grouped differently)\n", diff);
        printf("  (the solution calls each twice, first for the sizes; \"filling\": the "
               "second calls alone)\n");
    } else {
        fprintf(stderr, "bench-07-glove: the baseline's counts: %s\n", gv_status_str(s));
    }
    solution_counts_free(&c);
    return s;
}

/* ---- training -------------------------------------------------------------------- */

enum { SOLUTION, BASELINE, METHODS };

typedef struct {
    double *params, *gradsq;
    double cost[EPOCHS], seconds[EPOCHS], total;
    baseline_analogy_score score;
} run;

static gv_status epoch_of(int method, const gv_record *records, size_t count, size_t vocab_size,
                          run *r, size_t e)
{
    double start = now_seconds();
    gv_status s = method == SOLUTION
                      ? gv_adagrad_epoch(records, count, vocab_size, DIM, &TRAINING, r->params,
                                         r->gradsq, &r->cost[e])
                      : baseline_train_epoch(records, count, vocab_size, DIM, &TRAINING,
                                             r->params, r->gradsq, &r->cost[e]);
    r->seconds[e] = now_seconds() - start;
    r->total += r->seconds[e];
    return s;
}

static void print_epoch(const run *runs, size_t e, size_t count)
{
    const run *sol = &runs[SOLUTION], *base = &runs[BASELINE];
    printf("  %2zu   %.6f  %.6f  %10.3g   %6.2f s %6.3f M/s   %6.2f s %6.3f M/s  ratio=%5.2f\n",
           e + 1, sol->cost[e], base->cost[e], (sol->cost[e] - base->cost[e]) / base->cost[e],
           sol->seconds[e], (double)count / sol->seconds[e] * 1e-6, base->seconds[e],
           (double)count / base->seconds[e] * 1e-6, base->seconds[e] / sol->seconds[e]);
    fflush(stdout);
}

/* EPOCHS epochs of each, alternating. */
static gv_status train_both(const gv_record *records, size_t count, size_t vocab_size, run *runs)
{
    printf("\nTraining: %zu records, %d dimensions, x_max %.0f, alpha %.2f, eta %.2f, "
           "%d epochs, one thread\n", count, DIM, TRAINING.x_max, TRAINING.alpha, TRAINING.eta,
           EPOCHS);
    printf("  epoch  cost: solution  baseline  (relative)   solution epoch        "
           "baseline epoch\n");
    gv_status s = GV_OK;
    for (size_t e = 0; e < EPOCHS && s == GV_OK; e++) {
        for (int m = 0; m < METHODS && s == GV_OK; m++)
            s = epoch_of(m, records, count, vocab_size, &runs[m], e);
        if (s == GV_OK)
            print_epoch(runs, e, count);
    }
    if (s != GV_OK)
        fprintf(stderr, "bench-07-glove: training: %s\n", gv_status_str(s));
    return s;
}

/* ---- analogies ------------------------------------------------------------------- */

typedef struct {
    size_t seen[2], correct[2]; /* semantic, syntactic */
} analogy_totals;

static analogy_totals totals_of(const baseline_analogy_score *score)
{
    analogy_totals t = {{0}, {0}};
    for (size_t f = 0; f < BASELINE_QUESTION_FILES; f++) {
        int syntactic = f >= BASELINE_SEMANTIC_FILES;
        t.seen[syntactic] += score->seen[f];
        t.correct[syntactic] += score->correct[f];
    }
    return t;
}

static double percent(size_t correct, size_t seen)
{
    return seen ? 100.0 * (double)correct / (double)seen : 0.0;
}

static double total_accuracy(const baseline_analogy_score *score)
{
    analogy_totals t = totals_of(score);
    return percent(t.correct[0] + t.correct[1], t.seen[0] + t.seen[1]);
}

static void print_accuracy(const char *name, const baseline_analogy_score *score)
{
    analogy_totals t = totals_of(score);
    printf("  %-10s %5zu questions seen; semantic %5.2f %%, syntactic %5.2f %%, total %5.2f %%\n",
           name, t.seen[0] + t.seen[1], percent(t.correct[0], t.seen[0]),
           percent(t.correct[1], t.seen[1]), total_accuracy(score));
}

static gv_status evaluate_both(const baseline_vocab *vocab, run *runs)
{
    gv_status s = GV_OK;
    for (int m = 0; m < METHODS && s == GV_OK; m++)
        s = baseline_evaluate(vocab, runs[m].params, DIM, QUESTIONS, &runs[m].score);
    if (s != GV_OK) {
        fprintf(stderr, "bench-07-glove: analogies (%s, run from the repository's root): %s\n",
                QUESTIONS, gv_status_str(s));
        return s;
    }
    printf("\nAnalogies (evaluate.py's scoring of w + w~ on %s)\n", QUESTIONS);
    print_accuracy("solution", &runs[SOLUTION].score);
    print_accuracy("baseline", &runs[BASELINE].score);
    return GV_OK;
}

/* ---- the verdict ----------------------------------------------------------------- */

static int check_targets(const run *runs, size_t count)
{
    const run *sol = &runs[SOLUTION], *base = &runs[BASELINE];
    double speedup = base->total / sol->total;
    double cost = sol->cost[EPOCHS - 1], base_cost = base->cost[EPOCHS - 1];
    double accuracy = total_accuracy(&sol->score), base_accuracy = total_accuracy(&base->score);
    printf("\nThroughput over the %d epochs: solution %.3f M records/s (%.1f s), baseline "
           "%.3f M records/s (%.1f s)  ratio=%.2f\n", EPOCHS,
           (double)count * EPOCHS / sol->total * 1e-6, sol->total,
           (double)count * EPOCHS / base->total * 1e-6, base->total, speedup);
    printf("Final cost: solution %.9f, baseline %.9f\n", cost, base_cost);
    int fast = speedup >= TARGET_SPEEDUP;
    int cost_ok = cost <= base_cost * (1.0 + COST_TOLERANCE);
    int accurate = accuracy >= base_accuracy;
    printf("check: %.2f times the baseline's throughput (at least %.0f), final cost %s the "
           "baseline's (within %.0e), analogies %.2f %% against %.2f %%: %s\n", speedup,
           TARGET_SPEEDUP, cost_ok ? "at most" : "ABOVE", COST_TOLERANCE, accuracy,
           base_accuracy, fast && cost_ok && accurate ? "met" : "MISSED");
    fflush(stdout);
    return !(fast && cost_ok && accurate);
}

/* ---- two threads ----------------------------------------------------------------- */

/* One thread's share of an epoch. */
typedef struct {
    const gv_record *records;
    size_t count, vocab_size;
    double *params, *gradsq, cost;
    gv_status status;
} share;

static void *train_share(void *arg)
{
    share *h = arg;
    h->status = gv_adagrad_epoch(h->records, h->count, h->vocab_size, DIM, &TRAINING, h->params,
                                 h->gradsq, &h->cost);
    return NULL;
}

/* One epoch on THREADS threads, as the original's -threads: each thread takes
 * its slice of the shuffled records and all update the one model without
 * locks (Hogwild). Two threads rarely touch the same row at the same moment,
 * and when they do, an update is lost or mixed: the cost after an epoch is a
 * little different from one thread's, and from run to run. */
enum { THREADS = 2 };
static gv_status threaded_epoch(const gv_record *records, size_t count, size_t vocab_size,
                                double *params, double *gradsq, double *cost)
{
    share shares[THREADS];
    pthread_t threads[THREADS];
    int started[THREADS] = {0};
    for (int t = 0; t < THREADS; t++) {
        size_t begin = count * (size_t)t / THREADS, end = count * (size_t)(t + 1) / THREADS;
        shares[t] = (share){records + begin, end - begin, vocab_size, params, gradsq, 0.0,
                            GV_ERR_NOMEM};
        started[t] = pthread_create(&threads[t], NULL, train_share, &shares[t]) == 0;
    }
    gv_status s = GV_OK;
    double total = 0.0;
    for (int t = 0; t < THREADS; t++) {
        if (started[t])
            pthread_join(threads[t], NULL);
        if (shares[t].status != GV_OK && s == GV_OK)
            s = shares[t].status;
        total += shares[t].cost * (double)shares[t].count;
    }
    *cost = total / (double)count;
    return s;
}

/* The records in TILES x TILES tiles, each in the shuffled order: tile
 * (a, b) holds the records whose word is in part a of the vocabulary and
 * whose context is in part b. A part is every TILES-th run of ROW_RUN ids
 * (ids are ranks by count, so every part gets as many frequent words as
 * rare ones, and about as many records); runs rather than single ids so
 * that a cache line shared by two neighbouring rows seldom belongs to two
 * parts. A tile's rows, 2 x 23,524 / TILES of them with their squares,
 * about 5 MB, stay in the caches while its records are trained.
 *
 * Phase p of an epoch trains the tiles (a, (a + p) % TILES), which share
 * no word part and no context part: thread t of two takes those with a in
 * its half. The records are stored in that order, phase by phase, each
 * phase's first half then its second, so that a thread's share of a phase
 * is one call of gv_adagrad_epoch (each call checks the whole model, 38
 * MB: once a tile would read more memory than the tile's training). */
enum { TILES = 8, ROW_RUN = 8 };
typedef struct {
    gv_record *records;           /* all of them, in the order above */
    size_t start[TILES][THREADS]; /* where phase p's half t starts */
    size_t count[TILES][THREADS];
} tiles;

static int part_of(uint32_t id)
{
    return (int)(id / ROW_RUN % TILES);
}

static gv_status tiles_make(const gv_record *records, size_t count, tiles *t)
{
    memset(t, 0, sizeof *t);
    size_t tile[TILES][TILES] = {{0}};
    for (size_t r = 0; r < count; r++)
        tile[part_of(records[r].row)][part_of(records[r].col)]++;
    /* where each tile starts: phase by phase, half by half, a ascending */
    size_t begin[TILES][TILES], at = 0;
    for (int p = 0; p < TILES; p++)
        for (int h = 0; h < THREADS; h++) {
            t->start[p][h] = at;
            for (int a = h * (TILES / THREADS); a < (h + 1) * (TILES / THREADS); a++) {
                begin[a][(a + p) % TILES] = at;
                at += tile[a][(a + p) % TILES];
            }
            t->count[p][h] = at - t->start[p][h];
        }
    if (!(t->records = malloc((count ? count : 1) * sizeof *t->records)))
        return GV_ERR_NOMEM;
    for (size_t r = 0; r < count; r++) {
        int a = part_of(records[r].row), b = part_of(records[r].col);
        t->records[begin[a][b]++] = records[r];
    }
    return GV_OK;
}

static void tiles_free(tiles *t)
{
    free(t->records);
}

/* One epoch by tiles on `threads` threads (1 or THREADS): phase after
 * phase, the halves side by side, or one after the other as one call. The
 * threads never write the same row, and the result does not depend on
 * their number. Between phases (a join) the context parts change hands. */
static gv_status tiled_epoch(const tiles *t, int threads, size_t vocab_size, double *params,
                             double *gradsq, size_t count, double *cost)
{
    double total = 0.0;
    gv_status s = GV_OK;
    for (int p = 0; p < TILES && s == GV_OK; p++) {
        share shares[THREADS];
        int parts = threads > 1 ? THREADS : 1;
        for (int h = 0; h < parts; h++) {
            size_t n = threads > 1 ? t->count[p][h] : t->count[p][0] + t->count[p][1];
            shares[h] = (share){t->records + t->start[p][h], n, vocab_size, params, gradsq, 0.0,
                                n ? GV_ERR_NOMEM : GV_OK};
        }
        pthread_t helper;
        int started = parts > 1 && shares[1].count > 0 &&
                      pthread_create(&helper, NULL, train_share, &shares[1]) == 0;
        if (shares[0].count > 0)
            train_share(&shares[0]);
        if (started)
            pthread_join(helper, NULL);
        for (int h = 0; h < parts; h++) {
            if (shares[h].status != GV_OK && s == GV_OK)
                s = shares[h].status;
            total += shares[h].cost * (double)shares[h].count;
        }
    }
    *cost = total / (double)count;
    return s;
}

/* EPOCHS epochs on two threads, Hogwild, from the same start as the
 * one-thread runs; the analogies after. */
static gv_status train_hogwild(const baseline_vocab *vocab, const gv_record *records,
                               size_t count, run *r)
{
    gv_status s = baseline_init(vocab->size, DIM, SEED, r->params, r->gradsq);
    double start = now_seconds();
    for (size_t e = 0; e < EPOCHS && s == GV_OK; e++)
        s = threaded_epoch(records, count, vocab->size, r->params, r->gradsq, &r->cost[e]);
    r->total = now_seconds() - start;
    return s == GV_OK ? baseline_evaluate(vocab, r->params, DIM, QUESTIONS, &r->score) : s;
}

/* EPOCHS epochs by tiles, on one thread (runs[0]) and on two (runs[1]),
 * from the same start as the one-thread runs, their epochs alternating as
 * the solution's and the baseline's do; the tiling, done once, is counted
 * in both times. */
static gv_status train_tiled(const baseline_vocab *vocab, const gv_record *records,
                             size_t count, run runs[2], double *tiling)
{
    gv_status s = GV_OK;
    for (int k = 0; k < 2 && s == GV_OK; k++)
        s = baseline_init(vocab->size, DIM, SEED, runs[k].params, runs[k].gradsq);
    tiles t;
    double start = now_seconds();
    if (s == GV_OK)
        s = tiles_make(records, count, &t);
    if (s != GV_OK)
        return s;
    *tiling = now_seconds() - start;
    runs[0].total = runs[1].total = *tiling;
    for (size_t e = 0; e < EPOCHS && s == GV_OK; e++)
        for (int k = 0; k < 2 && s == GV_OK; k++) {
            start = now_seconds();
            s = tiled_epoch(&t, k + 1, vocab->size, runs[k].params, runs[k].gradsq, count,
                            &runs[k].cost[e]);
            runs[k].total += now_seconds() - start;
        }
    tiles_free(&t);
    for (int k = 0; k < 2 && s == GV_OK; k++)
        s = baseline_evaluate(vocab, runs[k].params, DIM, QUESTIONS, &runs[k].score);
    return s;
}

static void print_variant(const char *title, const run *r, size_t count, int threads,
                          const run *single)
{
    printf("%s\n  %d epochs %.1f s, %.3f M records/s, %.3f M records/s per thread; %.2f times "
           "one thread in the shuffled order\n", title, EPOCHS, r->total,
           (double)count * EPOCHS / r->total * 1e-6,
           (double)count * EPOCHS / r->total * 1e-6 / threads, single->total / r->total);
    printf("  final cost %.9f (one thread in the shuffled order %.9f)\n", r->cost[EPOCHS - 1],
           single->cost[EPOCHS - 1]);
    print_accuracy("threads", &r->score);
}

/* Hogwild, then tiles on one thread and on two; the check: two threads at
 * least TARGET_SCALING times one on the same tiles, at no higher a cost
 * and no lower an accuracy than the one-thread run in the shuffled order.
 * runs: three models' memory. */
static gv_status train_threads(const baseline_vocab *vocab, const gv_record *records,
                               size_t count, const run *single, run runs[3], int *missed)
{
    gv_status s = train_hogwild(vocab, records, count, &runs[0]);
    if (s != GV_OK) {
        fprintf(stderr, "bench-07-glove: Hogwild: %s\n", gv_status_str(s));
        return s;
    }
    print_variant("\nThe solution on 2 threads, Hogwild (each its half of the same shuffled "
                  "records, one model, no locks)", &runs[0], count, THREADS, single);
    double tiling = 0.0;
    if ((s = train_tiled(vocab, records, count, runs + 1, &tiling)) != GV_OK) {
        fprintf(stderr, "bench-07-glove: tiles: %s\n", gv_status_str(s));
        return s;
    }
    size_t n = 2 * vocab->size * (DIM + 1);
    int same = memcmp(runs[1].params, runs[2].params, n * sizeof(double)) == 0;
    printf("\nBy tiles (%d x %d: records grouped by the parts of the vocabulary their word and "
           "context are in; tiling once: %.2f s, counted in both times; the epochs of the two "
           "alternate)\n", TILES, TILES, tiling);
    print_variant("The solution on 1 thread, tile after tile", &runs[1], count, 1, single);
    print_variant("The solution on 2 threads, in each phase tiles that share no row", &runs[2],
                  count, THREADS, single);
    printf("  the two models after %d epochs: %s\n", EPOCHS,
           same ? "identical, bit for bit" : "DIFFERENT");
    double scaling = runs[1].total / runs[2].total;
    double cost = runs[2].cost[EPOCHS - 1], single_cost = single->cost[EPOCHS - 1];
    int linear = scaling >= TARGET_SCALING, cost_ok = cost <= single_cost * (1.0 + 1e-3);
    int accurate = total_accuracy(&runs[2].score) >=
                   total_accuracy(&single->score) - THREADED_ACCURACY_SLACK;
    printf("check: 2 threads %.2f times 1 thread on the same tiles (near-linear: at least %.1f), "
           "%.2f times one thread in the shuffled order; cost within 0.1 %% of one thread's, "
           "analogies at most %.2f points below: %s\n", scaling, TARGET_SCALING,
           single->total / runs[2].total, THREADED_ACCURACY_SLACK,
           linear && cost_ok && accurate && same ? "met" : "MISSED");
    *missed |= !(linear && cost_ok && accurate && same);
    return GV_OK;
}

/* path without the working directory in front, when it is inside it: the
 * output then reads the same from any checkout. */
static const char *relative_to_cwd(const char *path)
{
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return path;
    size_t n = strlen(cwd);
    return strncmp(path, cwd, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

/* ---- main ------------------------------------------------------------------------ */

static gv_status train_and_compare(const baseline_vocab *vocab, gv_record *records, size_t count,
                                   int *missed)
{
    size_t n = 2 * vocab->size * (DIM + 1);
    run runs[METHODS] = {{0}};
    gv_status s = GV_OK;
    for (int m = 0; m < METHODS; m++) {
        runs[m].params = malloc(n * sizeof(double));
        runs[m].gradsq = malloc(n * sizeof(double));
        if (!runs[m].params || !runs[m].gradsq)
            s = GV_ERR_NOMEM;
        else if (s == GV_OK)
            s = baseline_init(vocab->size, DIM, SEED, runs[m].params, runs[m].gradsq);
    }
    double start = now_seconds();
    if (s == GV_OK && (s = baseline_shuffle(records, count, SHUFFLE_MEMORY_GB, SEED)) == GV_OK)
        printf("\nShuffle: the baseline's (glibc rand, seed %d), once: %.2f s\n", SEED,
               now_seconds() - start);
    if (s == GV_OK && (s = train_both(records, count, vocab->size, runs)) == GV_OK &&
        (s = evaluate_both(vocab, runs)) == GV_OK)
        *missed = check_targets(runs, count);
    run more[3] = {{0}}; /* the two-thread runs: the one-thread runs' memory and one more */
    for (int m = 0; m < METHODS; m++) {
        more[m].params = runs[m].params;
        more[m].gradsq = runs[m].gradsq;
    }
    more[2].params = malloc(n * sizeof(double));
    more[2].gradsq = malloc(n * sizeof(double));
    if (s == GV_OK && (!more[2].params || !more[2].gradsq))
        s = GV_ERR_NOMEM;
    if (s == GV_OK)
        s = train_threads(vocab, records, count, &runs[SOLUTION], more, missed);
    free(more[2].params);
    free(more[2].gradsq);
    for (int m = 0; m < METHODS; m++) {
        free(runs[m].params);
        free(runs[m].gradsq);
    }
    return s;
}

int main(int argc, char **argv)
{
    char path[4096];
    machine_describe(stdout);
    printf("Lesson 07 benchmark: GloVe's counts and training against a transcription of the "
           "original C code, one thread (then two).\nratio = baseline time / solution time.\n");
    const char *corpus = argc > 1 ? argv[1] : corpus_in_build(path, sizeof path) ? path : NULL;
    size_t len = 0;
    char *text = corpus ? read_file(corpus, &len) : NULL;
    if (text == NULL) {
        printf("No benchmark corpus (%s): build it with `make corpus` (the same BUILD= as this "
               "benchmark's), then run `make bench LESSON=07` again. Skipped.\n",
               corpus ? corpus : "its path is unknown");
        return EXIT_SUCCESS;
    }
    printf("Corpus: %s, %zu bytes\n", relative_to_cwd(corpus), len);
    baseline_vocab vocab = {0};
    gv_record *records = NULL;
    size_t count = 0;
    int missed = 1;
    gv_status s = bench_counts(text, len, &vocab, &records, &count);
    free(text);
    if (s == GV_OK)
        s = train_and_compare(&vocab, records, count, &missed);
    free(records);
    baseline_vocab_free(&vocab);
    return s == GV_OK && !missed ? EXIT_SUCCESS : EXIT_FAILURE;
}
