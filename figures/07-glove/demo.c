/* demo.c: computes every number and figure of lesson 07 from the solution.
 *
 *     build/solutions/opt/bin/demo-07-glove OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it) and OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside
 * this file). The texts are in data/07-glove/ (data/README.md says where
 * they come from); the corpora and small tools are in examples.c.
 *
 * With DEMO_QUICK=1 in the environment the trainings run 3 epochs instead
 * of 50, LSA's subspace iteration 3 rounds instead of 100, and the
 * fixed-point errors and the shares' test average over fewer runs: every
 * code path still runs, fast enough for Valgrind, and the numbers written
 * are not the chapter's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "../demo.h"
#include "examples.h"

/* Set once by main from DEMO_QUICK: shorten the training and the averages. */
static int quick;

static const gv_options glove_options = {10.0, 0.75, 0.05, 100.0};

/* Epochs of the training on Moby Dick (3 with DEMO_QUICK). */
enum { EPOCHS = 50 };

/* ---- Section 3: counting on a toy corpus -------------------------------- */

static void toy_counts(void)
{
    const char *text = "i enjoy ice cream i enjoy cold drinks ice is cold steam is hot\n";
    gv_cooccur_options options = {2, 1, 1};
    corpus c = corpus_build(NULL, text, 1, &options);
    FILE *f = open_output("toy.txt");
    fprintf(f, "corpus: %s", text);
    fprintf(f, "window 2, a pair d apart adds 1/d, symmetric: %zu words, %zu nonzeros\n\n",
            c.vocab_size, c.nonzeros);
    char word[32];
    fprintf(f, "%-7s", "");
    for (size_t j = 0; j < c.vocab_size; j++)
        fprintf(f, "%7s", corpus_word(&c, j, word, sizeof word));
    fprintf(f, "\n");
    int symmetric = 1;
    for (size_t i = 0; i < c.vocab_size; i++) {
        fprintf(f, "%-7s", corpus_word(&c, i, word, sizeof word));
        for (size_t j = 0; j < c.vocab_size; j++) {
            double x = corpus_x(&c, i, j);
            symmetric &= x == corpus_x(&c, j, i);
            if (x == 0)
                fprintf(f, "%7s", ".");
            else
                fprintf(f, "%7.2f", x);
        }
        fprintf(f, "   (seen %llu)\n", (unsigned long long)c.count[i]);
    }
    fprintf(f, "\nthe table is %ssymmetric\n", symmetric ? "" : "not ");
    close_output(f);
    corpus_free(&c);
}

/* ---- Section 3: real ratios for ice and steam --------------------------- */

/* The 12 context words k of word i with the largest X_ik, and P(k | i). */
static void top_contexts(FILE *f, const corpus *c, size_t i, double row_sum)
{
    enum { TOP = 12 };
    size_t best[TOP], found = 0;
    for (size_t r = 0; r < c->nonzeros; r++) {
        if (c->records[r].row != i)
            continue;
        size_t at = found < TOP ? found++ : TOP;
        while (at > 0 && c->records[best[at - 1]].value < c->records[r].value) {
            if (at < TOP)
                best[at] = best[at - 1];
            at--;
        }
        if (at < TOP)
            best[at] = r;
    }
    char word[32];
    fprintf(f, "\nlargest X_%s,k:", corpus_word(c, i, word, sizeof word));
    for (size_t t = 0; t < found; t++)
        fprintf(f, "%s %s %.2f (%.3f)", t % 4 ? "," : "\n ",
                corpus_word(c, c->records[best[t]].col, word, sizeof word),
                c->records[best[t]].value, c->records[best[t]].value / row_sum);
    fprintf(f, "\n");
}

/* The seed's table for six probe words k: X, P(k | ice), P(k | steam) and
 * their ratio. ice and steam are the two words' ids, x_ice and x_steam
 * their rows' sums. */
static void ratio_table(FILE *f, const corpus *c, const char *const probes[6], size_t ice,
                        size_t steam, double x_ice, double x_steam)
{
    fprintf(f, "\n%-22s", "k =");
    for (size_t p = 0; p < 6; p++)
        fprintf(f, "%11s", probes[p]);
    fprintf(f, "\n");
    double x[2][6];
    for (size_t p = 0; p < 6; p++) {
        long k = corpus_find(c, probes[p]);
        x[0][p] = k < 0 ? 0 : corpus_x(c, ice, (size_t)k);
        x[1][p] = k < 0 ? 0 : corpus_x(c, steam, (size_t)k);
    }
    const char *rows[] = {"X_ice,k", "X_steam,k", "P(k | ice)", "P(k | steam)",
                          "P(k|ice) / P(k|steam)"};
    for (size_t r = 0; r < 5; r++) {
        fprintf(f, "%-22s", rows[r]);
        for (size_t p = 0; p < 6; p++) {
            double pi = x[0][p] / x_ice, ps = x[1][p] / x_steam;
            if (r < 2)
                fprintf(f, "%11.2f", x[r][p]);
            else if (r < 4)
                fprintf(f, "%11.2e", r == 2 ? pi : ps);
            else if (ps == 0)
                fprintf(f, "%11s", pi == 0 ? "0/0" : "inf");
            else
                fprintf(f, "%11.3g", pi / ps);
        }
        fprintf(f, "\n");
    }
}

static void ice_steam_ratios(void)
{
    gv_cooccur_options options = {10, 1, 1};
    corpus c = corpus_build("data/07-glove/ice-steam.txt", NULL, 1, &options);
    long ice = corpus_find(&c, "ice"), steam = corpus_find(&c, "steam");
    if (ice < 0 || steam < 0) {
        fprintf(stderr, "demo: ice or steam missing from data/07-glove/ice-steam.txt\n");
        exit(1);
    }
    double x_ice = corpus_row_sum(&c, (size_t)ice), x_steam = corpus_row_sum(&c, (size_t)steam);
    static const char *const seed_probes[6] = {"solid", "gas", "water", "fashion", "cold", "hot"};
    static const char *const corpus_probes[6] = {"covered", "sea", "power", "coal", "the", "and"};
    FILE *f = open_output("ratios.txt");
    fprintf(f, "ice seen %llu times, steam %llu times; window 10, 1/d weighting\n",
            (unsigned long long)c.count[ice], (unsigned long long)c.count[steam]);
    fprintf(f, "X_ice = %.2f, X_steam = %.2f (each row's sum over every context word)\n",
            x_ice, x_steam);
    ratio_table(f, &c, seed_probes, (size_t)ice, (size_t)steam, x_ice, x_steam);
    ratio_table(f, &c, corpus_probes, (size_t)ice, (size_t)steam, x_ice, x_steam);
    for (int t = 0; t < 2; t++)
        top_contexts(f, &c, (size_t)(t == 0 ? ice : steam), t == 0 ? x_ice : x_steam);
    close_output(f);
    corpus_free(&c);
}

/* ---- Section 4: the weighting f(x) ------------------------------------- */

static void weighting(void)
{
    enum { N = 301 };
    double table[N * 5];
    for (size_t i = 0; i < N; i++) {
        double x = 0.5 * (double)i;
        table[5 * i] = x;
        table[5 * i + 1] = gv_weight(x, 10, 0.75);
        table[5 * i + 2] = gv_weight(x, 100, 0.75);
        table[5 * i + 3] = gv_weight(x, 10, 1);
        table[5 * i + 4] = gv_weight(x, 100, 1);
    }
    write_table("weighting.dat", "x f(x_max=10) f(x_max=100) linear(x_max=10) linear(x_max=100)",
                N, 5, table);
    FILE *f = open_output("weighting.txt");
    fprintf(f, "x        f(x), x_max 10   f(x), x_max 100   x / 100 (alpha 1)\n");
    const double xs[] = {1, 2, 5, 10, 20, 50, 100, 1000};
    for (size_t i = 0; i < 8; i++)
        fprintf(f, "%-8g %-16.4f %-17.4f %.4f\n", xs[i], gv_weight(xs[i], 10, 0.75),
                gv_weight(xs[i], 100, 0.75), gv_weight(xs[i], 100, 1));
    close_output(f);
}

/* ---- Section 4: the seed's worked example, coffee and cup --------------- */

static void worked_example(void)
{
    /* V = 2 (coffee 0, cup 1), d = 2; rows: w_coffee, w_cup, w~_coffee, w~_cup */
    double params[4 * 3] = {1, 2, 0.5, 0, 0, 0, 0, 0, 0, 3, 1, 0.2};
    double grad[12], gradsq[12], cost;
    gv_record record = {0, 1, 20};
    FILE *f = open_output("worked.txt");
    double lhs = 1 * 3 + 2 * 1 + 0.5 + 0.2, diff = lhs - log(20.0);
    fprintf(f, "w_coffee . w~_cup + b_coffee + b~_cup = %.1f, ln 20 = %.4f\n", lhs, log(20.0));
    fprintf(f, "difference %.4f, squared %.4f\n", diff, diff * diff);
    for (int m = 0; m < 2; m++) {
        gv_options o = glove_options;
        o.x_max = m == 0 ? 10 : 100;
        check(gv_cost(&record, 1, params, 2, 2, &o, &cost, grad), "gv_cost");
        fprintf(f, "x_max %3.0f: f(20) = %.4f, cost 1/2 f (difference)^2 = %.4f, "
                   "gradient for w_coffee (%.4f, %.4f), for b_coffee %.4f\n",
                o.x_max, gv_weight(20, o.x_max, o.alpha), cost, grad[0], grad[1], grad[2]);
    }
    for (size_t i = 0; i < 12; i++)
        gradsq[i] = 1;
    double first[3];
    fprintf(f, "AdaGrad steps (eta 0.05, x_max 10), left side after each:");
    for (int step = 0; step < 5; step++) {
        check(gv_adagrad_epoch(&record, 1, 2, 2, &glove_options, params, gradsq, NULL),
              "gv_adagrad_epoch");
        fprintf(f, " %.4f", params[0] * params[9] + params[1] * params[10] + params[2] +
                                params[11]);
        if (step == 0)
            memcpy(first, params, sizeof first);
    }
    fprintf(f, "\nafter the first: w_coffee (%.4f, %.4f), b_coffee %.4f\n", first[0], first[1],
            first[2]);
    close_output(f);
}

/* ---- Sections 6 and 7: training on Moby Dick, neighbours, a map --------- */

typedef struct {
    corpus c;
    size_t dim;
    double *params; /* the trained model */
    double *unit;   /* V x dim: w + w~, each row of norm 1 */
} model;

/* Trains a model of dimension dim on the shuffled records from the
 * original start: params (2 V (dim + 1)) and the cost of each epoch. */
static void train_dim(const corpus *c, const gv_record *shuffled, size_t dim, size_t epochs,
                      double *params, double *cost)
{
    size_t n = 2 * c->vocab_size * (dim + 1);
    double *gradsq = new_array(n, sizeof *gradsq);
    check(gv_init(c->vocab_size, dim, 1, params, gradsq), "gv_init");
    for (size_t e = 0; e < epochs; e++)
        check(gv_adagrad_epoch(shuffled, c->nonzeros, c->vocab_size, dim, &glove_options,
                               params, gradsq, &cost[e]),
              "gv_adagrad_epoch");
    free(gradsq);
}

static void train(model *m)
{
    size_t v = m->c.vocab_size, d = m->dim, epochs = quick ? 3 : EPOCHS, small = 10;
    double *cost = new_array(2 * epochs, sizeof *cost), *table = new_array(3 * epochs, sizeof *table);
    double *small_params = new_array(2 * v * (small + 1), sizeof *small_params);
    m->params = new_array(2 * v * (d + 1), sizeof *m->params);
    gv_record *shuffled = new_array(m->c.nonzeros, sizeof *shuffled);
    memcpy(shuffled, m->c.records, m->c.nonzeros * sizeof *shuffled);
    check(gv_shuffle(shuffled, m->c.nonzeros, 1), "gv_shuffle");
    train_dim(&m->c, shuffled, d, epochs, m->params, cost);
    train_dim(&m->c, shuffled, small, epochs, small_params, cost + epochs);
    FILE *f = open_output("cost.txt");
    uint64_t tokens = 0;
    for (size_t i = 0; i < v; i++)
        tokens += m->c.count[i];
    fprintf(f, "Moby Dick, chapters 1-40: %zu words seen at least 5 times (%llu tokens), "
               "window 10: %zu nonzeros\n",
            v, (unsigned long long)tokens, m->c.nonzeros);
    fprintf(f, "x_max 10, alpha 0.75, eta 0.05, %zu epochs; cost during each epoch:\n", epochs);
    fprintf(f, "epoch   d = %zu    d = %zu\n", d, small);
    for (size_t e = 0; e < epochs; e++) {
        table[3 * e] = (double)(e + 1);
        table[3 * e + 1] = cost[e];
        table[3 * e + 2] = cost[epochs + e];
        if (e < 3 || e + 1 == epochs || (e + 1) % 10 == 0)
            fprintf(f, "%-7zu %-9.4f %.4f\n", e + 1, cost[e], cost[epochs + e]);
    }
    close_output(f);
    write_table("cost.dat", "epoch cost_d50 cost_d10", epochs, 3, table);
    double *sum = new_array(v * d, sizeof *sum);
    for (size_t i = 0; i < v; i++)
        for (size_t k = 0; k < d; k++)
            sum[i * d + k] = m->params[i * (d + 1) + k] + m->params[(v + i) * (d + 1) + k];
    m->unit = new_array(v * d, sizeof *m->unit);
    check(gv_normalize_rows(sum, v, d, m->unit), "gv_normalize_rows");
    free(sum);
    free(table);
    free(cost);
    free(small_params);
    free(shuffled);
}

static long need_word(const model *m, const char *word)
{
    long id = corpus_find(&m->c, word);
    if (id < 0) {
        fprintf(stderr, "demo: \"%s\" is not in the vocabulary\n", word);
        exit(1);
    }
    return id;
}

/* The five nearest words of each query among the unit rows (V x d). */
static void nearest_table(const model *m, const double *unit, const char *name,
                          const char *title)
{
    const char *queries[] = {"whale", "ship", "sea", "captain", "night", "he", "three", "said"};
    size_t d = m->dim;
    FILE *f = open_output(name);
    fprintf(f, "%-8s %s\n", "word", title);
    for (size_t q = 0; q < 8; q++) {
        uint32_t id = (uint32_t)need_word(m, queries[q]), ids[5];
        double scores[5];
        check(gv_nearest(unit, m->c.vocab_size, d, unit + id * d, 5, &id, 1, ids, scores),
              "gv_nearest");
        fprintf(f, "%-8s", queries[q]);
        char word[32];
        for (size_t k = 0; k < 5; k++)
            fprintf(f, " %s (%.2f)", corpus_word(&m->c, ids[k], word, sizeof word), scores[k]);
        fprintf(f, "\n");
    }
    close_output(f);
}

static void neighbours(const model *m)
{
    nearest_table(m, m->unit, "neighbours.txt", "the five nearest words by cosine of w + w~");
    size_t v = m->c.vocab_size, d = m->dim;
    double *lsa = new_array(v * d, sizeof *lsa), *unit = new_array(v * d, sizeof *unit);
    lsa_embedding(&m->c, d, quick ? 3 : 100, 3, lsa);
    check(gv_normalize_rows(lsa, v, d, unit), "gv_normalize_rows");
    nearest_table(m, unit, "lsa.txt",
                  "the five nearest words by cosine of LSA's vectors (PPMI, rank 50)");
    free(lsa);
    free(unit);
}

/* a : b :: c : ? by both rules, for a few questions on the map's words. */
static void own_analogies(FILE *f, const model *m)
{
    static const char *const q[][4] = {
        {"man", "men", "whale", "whales"},  {"whale", "whales", "ship", "ships"},
        {"ship", "ships", "man", "men"},    {"boat", "boats", "ship", "ships"},
        {"he", "she", "his", "her"},        {"he", "his", "she", "her"},
        {"day", "night", "morning", "evening"}, {"one", "two", "three", "four"},
    };
    enum { N = sizeof q / sizeof q[0] };
    uint32_t ids[N * 3], answers[2][N];
    for (size_t i = 0; i < N; i++)
        for (size_t k = 0; k < 3; k++)
            ids[3 * i + k] = (uint32_t)need_word(m, q[i][k]);
    for (int rule = 0; rule < 2; rule++)
        check(gv_analogies(m->unit, m->c.vocab_size, m->dim, ids, N,
                           rule == 0 ? GV_3COSADD : GV_3COSMUL, answers[rule]),
              "gv_analogies");
    fprintf(f, "%-38s %-12s %s\n", "question (expected answer)", "3CosAdd", "3CosMul");
    for (size_t i = 0; i < N; i++) {
        char text[64], add[32], mul[32];
        snprintf(text, sizeof text, "%s : %s :: %s : ? (%s)", q[i][0], q[i][1], q[i][2], q[i][3]);
        fprintf(f, "%-38s %-12s %s\n", text, corpus_word(&m->c, answers[0][i], add, sizeof add),
                corpus_word(&m->c, answers[1][i], mul, sizeof mul));
    }
}

/* The standard questions (data/analogies/) whose four words are all in
 * the vocabulary, and how many each rule answers right. */
static void standard_analogies(FILE *f, const model *m)
{
    static const char *const files[] = {
        "capital-common-countries", "capital-world", "currency", "city-in-state", "family",
        "gram1-adjective-to-adverb", "gram2-opposite", "gram3-comparative", "gram4-superlative",
        "gram5-present-participle", "gram6-nationality-adjective", "gram7-past-tense",
        "gram8-plural", "gram9-plural-verbs"};
    size_t total = 0, asked = 0, right[2] = {0, 0};
    fprintf(f, "\nthe standard questions (categories with none of their questions known "
               "not shown)\n%-28s %5s %5s %5s %5s\n",
            "category", "total", "known", "add", "mul");
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[128], w[4][64];
        snprintf(path, sizeof path, "data/analogies/%s.txt", files[i]);
        FILE *in = fopen(path, "r");
        if (!in) {
            perror(path);
            exit(1);
        }
        size_t lines = 0, known = 0, good[2] = {0, 0};
        while (fscanf(in, "%63s %63s %63s %63s", w[0], w[1], w[2], w[3]) == 4) {
            long id[4];
            lines++;
            for (size_t k = 0; k < 4; k++)
                id[k] = corpus_find(&m->c, w[k]);
            if (id[0] < 0 || id[1] < 0 || id[2] < 0 || id[3] < 0)
                continue;
            known++;
            uint32_t question[3] = {(uint32_t)id[0], (uint32_t)id[1], (uint32_t)id[2]}, answer;
            for (int rule = 0; rule < 2; rule++) {
                check(gv_analogies(m->unit, m->c.vocab_size, m->dim, question, 1,
                                   rule == 0 ? GV_3COSADD : GV_3COSMUL, &answer),
                      "gv_analogies");
                good[rule] += answer == (uint32_t)id[3];
            }
        }
        fclose(in);
        if (known > 0)
            fprintf(f, "%-28s %5zu %5zu %5zu %5zu\n", files[i], lines, known, good[0], good[1]);
        total += lines, asked += known, right[0] += good[0], right[1] += good[1];
    }
    fprintf(f, "%-28s %5zu %5zu %5zu %5zu\n", "all 14 categories", total, asked, right[0],
            right[1]);
}

static void analogies(const model *m)
{
    FILE *f = open_output("analogies.txt");
    own_analogies(f, m);
    standard_analogies(f, m);
    close_output(f);
}

/* The words of the map: families of related words, then pairs a -> b
 * drawn as arrows (family 4: singular -> plural, 5: he -> she). */
static const struct {
    const char *word;
    int family;
} map_words[] = {
    {"two", 0},     {"three", 0},    {"four", 0},     {"ten", 0},      {"hundred", 0},
    {"ahab", 1},    {"queequeg", 1}, {"peleg", 1},    {"bildad", 1},   {"starbuck", 1},
    {"stubb", 1},   {"morning", 2},  {"evening", 2},  {"day", 2},      {"night", 2},
    {"sea", 3},     {"ocean", 3},    {"water", 3},    {"land", 3},     {"shore", 3},
    {"man", 4},     {"men", 4},      {"whale", 4},    {"whales", 4},   {"ship", 4},
    {"ships", 4},   {"he", 5},       {"she", 5},      {"his", 5},      {"her", 5},
};
enum { MAP_WORDS = sizeof map_words / sizeof map_words[0], FIRST_PAIR = 20 };

static void word_map(const model *m)
{
    size_t d = m->dim, n = MAP_WORDS;
    double *rows = new_array(n * d, sizeof *rows), *mean = new_array(d, sizeof *mean),
           *axes = new_array(2 * d, sizeof *axes), points[MAP_WORDS * 2];
    for (size_t i = 0; i < n; i++)
        memcpy(rows + i * d, m->unit + need_word(m, map_words[i].word) * (long)d,
               d * sizeof *rows);
    principal_directions(rows, n, d, 2, mean, axes);
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < 2; a++) {
            double z = 0;
            for (size_t k = 0; k < d; k++)
                z += (rows[i * d + k] - mean[k]) * axes[a * d + k];
            points[2 * i + a] = z;
        }
    FILE *f = open_output("words.dat");
    fprintf(f, "# x y word family (0 numbers, 1 names, 2 times, 3 water and land, "
               "4 singular -> plural, 5 he -> she)\n");
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%.6f %.6f %s %d\n", points[2 * i], points[2 * i + 1], map_words[i].word,
                map_words[i].family);
    fprintf(f, "\n\n# x y dx dy family of each arrow a -> b\n");
    for (size_t i = FIRST_PAIR; i < n; i += 2)
        fprintf(f, "%.6f %.6f %.6f %.6f %d\n", points[2 * i], points[2 * i + 1],
                points[2 * i + 2] - points[2 * i], points[2 * i + 3] - points[2 * i + 1],
                map_words[i].family);
    close_output(f);
    free(rows);
    free(mean);
    free(axes);
}

/* ---- Section 8: fixed point and a secret-shared dot product ------------- */

static void random_unit(rng *r, double *x, size_t d)
{
    double norm = 0;
    for (size_t k = 0; k < d; k++)
        x[k] = rng_normal(r), norm += x[k] * x[k];
    for (size_t k = 0; k < d; k++)
        x[k] /= sqrt(norm);
}

/* The mean |fixed-point cosine - cosine| over n pairs (a, b) of unit rows. */
static double fixed_error(const double *a, const double *b, size_t n, size_t d, unsigned bits,
                          gv_fixed_mode mode)
{
    uint64_t *ca = new_array(d, sizeof *ca), *cb = new_array(d, sizeof *cb);
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        double exact = 0, fixed;
        for (size_t k = 0; k < d; k++)
            exact += a[i * d + k] * b[i * d + k];
        check(gv_fixed_encode(a + i * d, d, bits, mode, ca), "gv_fixed_encode");
        check(gv_fixed_encode(b + i * d, d, bits, mode, cb), "gv_fixed_encode");
        check(gv_fixed_dot(ca, cb, d, bits, mode, &fixed), "gv_fixed_dot");
        total += fabs(fixed - exact);
    }
    free(ca);
    free(cb);
    return total / (double)n;
}

static void fixed_point(const model *m)
{
    size_t d = m->dim, n = quick ? 50 : 2000, v = m->c.vocab_size;
    double *ra = new_array(n * d, sizeof *ra), *rb = new_array(n * d, sizeof *rb);
    double *wa = new_array(n * d, sizeof *wa), *wb = new_array(n * d, sizeof *wb);
    rng r;
    rng_seed(&r, 7);
    for (size_t i = 0; i < n; i++) {
        random_unit(&r, ra + i * d, d);
        random_unit(&r, rb + i * d, d);
        /* two different words among the 500 most frequent */
        size_t i1 = rng_below(&r, v < 500 ? v : 500), i2 = rng_below(&r, v < 500 ? v - 1 : 499);
        i2 += i2 >= i1;
        memcpy(wa + i * d, m->unit + i1 * d, d * sizeof *wa);
        memcpy(wb + i * d, m->unit + i2 * d, d * sizeof *wb);
    }
    double table[17 * 5];
    for (unsigned bits = 4; bits <= 20; bits++) {
        double *row = table + 5 * (bits - 4);
        row[0] = bits;
        row[1] = fixed_error(ra, rb, n, d, bits, GV_FIXED_CLIPPED);
        row[2] = fixed_error(ra, rb, n, d, bits, GV_FIXED_SIGNED);
        row[3] = fixed_error(wa, wb, n, d, bits, GV_FIXED_CLIPPED);
        row[4] = fixed_error(wa, wb, n, d, bits, GV_FIXED_SIGNED);
    }
    write_table("fixedpoint.dat", "bits clipped_random signed_random clipped_words signed_words",
                17, 5, table);
    FILE *f = open_output("fixedpoint.txt");
    fprintf(f, "mean |fixed-point cosine - cosine| over %zu pairs of unit vectors, d = %zu\n", n,
            d);
    fprintf(f, "bits   random: clipped   signed      word pairs: clipped   signed\n");
    for (unsigned bits = 4; bits <= 20; bits += 2) {
        const double *row = table + 5 * (bits - 4);
        fprintf(f, "%-6u %-17.3e %-11.3e %-21.3e %.3e\n", bits, row[1], row[2], row[3],
                row[4]);
    }
    close_output(f);
    free(ra);
    free(rb);
    free(wa);
    free(wb);
}

/* The dot product of a and b with each entry first clipped to [0, 1]. */
static double clipped_dot(const double *a, const double *b, size_t d)
{
    double dot = 0;
    for (size_t k = 0; k < d; k++)
        dot += fmin(fmax(a[k], 0), 1) * fmin(fmax(b[k], 0), 1);
    return dot;
}

/* Cosines of a few word pairs at 14 bits: how much clipping costs, how
 * much the scaling and truncation add, and the signed codes. */
static void fixed_pairs(const model *m)
{
    static const char *const words[][2] = {
        {"whale", "whales"}, {"whale", "boat"}, {"ship", "sea"}, {"captain", "ahab"},
        {"he", "she"},       {"three", "four"}, {"night", "day"}, {"whale", "said"},
    };
    size_t d = m->dim;
    uint64_t *ca = new_array(d, sizeof *ca), *cb = new_array(d, sizeof *cb);
    FILE *f = open_output("fixed14.txt");
    fprintf(f, "cosines of unit vectors (d = %zu) and their 14-bit fixed-point versions\n", d);
    fprintf(f, "%-18s %-10s %-17s %-17s %s\n", "pair", "doubles", "clipped, doubles",
            "clipped, 14 bits", "signed, 14 bits");
    for (size_t p = 0; p < sizeof words / sizeof words[0]; p++) {
        const double *a = m->unit + need_word(m, words[p][0]) * (long)d,
                     *b = m->unit + need_word(m, words[p][1]) * (long)d;
        double cosine, clipped, fixed[2];
        check(gv_cosine(a, b, d, &cosine), "gv_cosine");
        clipped = clipped_dot(a, b, d);
        for (int mode = 0; mode < 2; mode++) {
            gv_fixed_mode fm = mode == 0 ? GV_FIXED_CLIPPED : GV_FIXED_SIGNED;
            check(gv_fixed_encode(a, d, 14, fm, ca), "gv_fixed_encode");
            check(gv_fixed_encode(b, d, 14, fm, cb), "gv_fixed_encode");
            check(gv_fixed_dot(ca, cb, d, 14, fm, &fixed[mode]), "gv_fixed_dot");
        }
        char pair[40];
        snprintf(pair, sizeof pair, "%s / %s", words[p][0], words[p][1]);
        fprintf(f, "%-18s %-10.7f %-17.7f %-17.7f %.7f\n", pair, cosine, clipped, fixed[0],
                fixed[1]);
    }
    close_output(f);
    free(ca);
    free(cb);
}

static void print_codes(FILE *f, const char *name, const uint64_t *x)
{
    fprintf(f, "%-4s %016llx %016llx %016llx ...\n", name, (unsigned long long)x[0],
            (unsigned long long)x[1], (unsigned long long)x[2]);
}

/* Party 0's result z0 over many dealings of the shares and triples: its
 * top 4 bits counted in 16 bins, and the chi-square statistic against the
 * uniform distribution (15 degrees of freedom: about 15 +- 5.5 if uniform). */
static void party_view(FILE *f, const uint64_t *x, const uint64_t *y, size_t d, uint64_t plain)
{
    size_t runs = quick ? 800 : 16000, bins[16] = {0}, wrong = 0;
    uint64_t *shares = new_array(4 * d, sizeof *shares), z[2];
    for (size_t t = 0; t < runs; t++) {
        check(gv_share(x, d, 1000 + 2 * t, shares, shares + d), "gv_share");
        check(gv_share(y, d, 1001 + 2 * t, shares + 2 * d, shares + 3 * d), "gv_share");
        check(gv_secure_dot(shares, shares + d, shares + 2 * d, shares + 3 * d, d, 500000 + t, z),
              "gv_secure_dot");
        bins[z[0] >> 60]++;
        wrong += z[0] + z[1] != plain;
    }
    double expected = (double)runs / 16, chi2 = 0;
    fprintf(f, "over %zu dealings, z0's top 4 bits:", runs);
    for (size_t b = 0; b < 16; b++) {
        fprintf(f, " %zu", bins[b]);
        chi2 += ((double)bins[b] - expected) * ((double)bins[b] - expected) / expected;
    }
    fprintf(f, "\nchi-square against uniform %.1f (15 degrees of freedom); "
               "z0 + z1 differed from x . y %zu times\n",
            chi2, wrong);
    free(shares);
}

static void secure_dot(const model *m)
{
    size_t d = m->dim;
    const unsigned bits = 14;
    const double *a = m->unit + need_word(m, "whale") * (long)d,
                 *b = m->unit + need_word(m, "boat") * (long)d;
    uint64_t *x = new_array(4 * d, sizeof *x), *x0 = new_array(4 * d, sizeof *x0);
    uint64_t *y = x + d, *x1 = x + 2 * d, *y0 = x0 + d, *y1 = x0 + 2 * d, z[2];
    double cosine, decoded;
    check(gv_cosine(a, b, d, &cosine), "gv_cosine");
    check(gv_fixed_encode(a, d, bits, GV_FIXED_SIGNED, x), "gv_fixed_encode");
    check(gv_fixed_encode(b, d, bits, GV_FIXED_SIGNED, y), "gv_fixed_encode");
    check(gv_share(x, d, 11, x0, x1), "gv_share");
    check(gv_share(y, d, 12, y0, y1), "gv_share");
    check(gv_secure_dot(x0, x1, y0, y1, d, 13, z), "gv_secure_dot");
    check(gv_fixed_dot(x, y, d, bits, GV_FIXED_SIGNED, &decoded), "gv_fixed_dot");
    uint64_t plain = 0;
    for (size_t k = 0; k < d; k++)
        plain += x[k] * y[k];
    FILE *f = open_output("secure.txt");
    fprintf(f, "whale and boat, unit vectors of w + w~, d = %zu, %u fractional bits, signed\n", d,
            bits);
    fprintf(f, "first entries: whale %.6f %.6f %.6f, boat %.6f %.6f %.6f\n", a[0], a[1], a[2],
            b[0], b[1], b[2]);
    print_codes(f, "x", x);
    print_codes(f, "x0", x0);
    print_codes(f, "x1", x1);
    print_codes(f, "y", y);
    print_codes(f, "y0", y0);
    print_codes(f, "y1", y1);
    fprintf(f, "z0 = %016llx, z1 = %016llx\n", (unsigned long long)z[0],
            (unsigned long long)z[1]);
    fprintf(f, "z0 + z1 = %016llx, plain x . y mod 2^64 = %016llx: %s\n",
            (unsigned long long)(z[0] + z[1]), (unsigned long long)plain,
            z[0] + z[1] == plain ? "equal" : "DIFFERENT");
    fprintf(f, "as signed: %lld / 2^28 = %.7f; the cosine in doubles %.7f\n",
            (long long)(int64_t)plain, decoded, cosine);
    party_view(f, x, y, d, plain);
    close_output(f);
    free(x);
    free(x0);
}

int main(int argc, char **argv)
{
    quick = demo_start(argc, argv);
    toy_counts();
    ice_steam_ratios();
    weighting();
    worked_example();

    gv_cooccur_options options = {10, 1, 1};
    model m = {.c = corpus_build("data/07-glove/moby-dick-1-40.txt", NULL, 5, &options),
               .dim = 50};
    train(&m);
    neighbours(&m);
    word_map(&m);
    analogies(&m);
    fixed_point(&m);
    fixed_pairs(&m);
    secure_dot(&m);

    free(m.params);
    free(m.unit);
    corpus_free(&m.c);
    return 0;
}
