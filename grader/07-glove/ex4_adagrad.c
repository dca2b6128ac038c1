/* Exercise 4: the start, the shuffle and AdaGrad (chapter section 6). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

GRADED_TEST(adagrad, init, 1, SEC_ADAGRAD)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 12; round++) {
        size_t v = 1 + rng_below(&r, 40), d = 1 + rng_below(&r, 30), n = model_values(v, d);
        uint64_t seed = rng_u64(&r);
        double *params = nan_doubles(n), *gradsq = nan_doubles(n);
        expect_status(gv_init(v, d, seed, params, gradsq), GV_OK, "gv_init(V = %zu, d = %zu, "
                      "seed %llu)", v, d, (unsigned long long)seed);
        rng mine;
        rng_seed(&mine, seed);
        for (size_t k = 0; k < n; k++) {
            double want = (rng_uniform(&mine) - 0.5) / (double)d;
            if (!(fabs(params[k] - want) <= 1e-15))
                grade_fail("gv_init(V = %zu, d = %zu, seed %llu): params[%zu] (%s %zu, entry "
                           "%zu) expected (rng_uniform - 0.5) / d = %.17g, the %zu-th number of "
                           "an rng seeded with seed, came %.17g", v, d, (unsigned long long)seed,
                           k, k / (d + 1) < v ? "word" : "context", k / (d + 1) % v, k % (d + 1),
                           want, k + 1, params[k]);
            if (gradsq[k] != 1)
                grade_fail("gv_init(V = %zu, d = %zu): gradsq[%zu] expected 1 (so that the "
                           "first step is eta g), came %.17g", v, d, k, gradsq[k]);
        }
    }
    double p[8], g[8];
    expect_status(gv_init(0, 3, 1, p, g), GV_ERR_ARG, "gv_init with vocab_size = 0");
    expect_status(gv_init(1, 0, 1, p, g), GV_ERR_ARG, "gv_init with dim = 0");
    expect_status(gv_init(1, 3, 1, NULL, g), GV_ERR_ARG, "gv_init with params = NULL");
    expect_status(gv_init(1, 3, 1, p, NULL), GV_ERR_ARG, "gv_init with gradsq = NULL");
    expect_status(gv_init((size_t)1 << 62, 3, 1, p, g), GV_ERR_ARG, "gv_init with vocab_size = "
                  "2^62 (2 V (d + 1) overflows a size_t)");
}

static int compare_records(const void *x, const void *y)
{
    const gv_record *a = x, *b = y;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return (a->value > b->value) - (a->value < b->value);
}

GRADED_TEST(adagrad, shuffle, 1, SEC_ADAGRAD)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t count = 1 + rng_below(&r, round < 5 ? 4 : 300);
        uint64_t seed = rng_u64(&r);
        gv_record *records = random_records(&r, count, 40, 100), *want, *got;
        want = grade_alloc(count, sizeof *want);
        got = grade_alloc(count, sizeof *got);
        memcpy(want, records, count * sizeof *want);
        memcpy(got, records, count * sizeof *got);
        rng mine;
        rng_seed(&mine, seed);
        for (size_t i = count - 1; i >= 1; i--) {
            size_t j = (size_t)rng_below(&mine, i + 1);
            gv_record t = want[i];
            want[i] = want[j];
            want[j] = t;
        }
        expect_status(gv_shuffle(got, count, seed), GV_OK, "gv_shuffle of %zu records", count);
        gv_record *sorted_in = grade_alloc(count, sizeof *sorted_in);
        gv_record *sorted_out = grade_alloc(count, sizeof *sorted_out);
        memcpy(sorted_in, records, count * sizeof *sorted_in);
        memcpy(sorted_out, got, count * sizeof *sorted_out);
        qsort(sorted_in, count, sizeof *sorted_in, compare_records);
        qsort(sorted_out, count, sizeof *sorted_out, compare_records);
        for (size_t k = 0; k < count; k++)
            if (compare_records(&sorted_in[k], &sorted_out[k]) != 0)
                grade_fail("gv_shuffle of %zu records: the output is not a permutation of the "
                           "input (record (%u, %u, %g) %s)", count, sorted_in[k].row,
                           sorted_in[k].col, sorted_in[k].value,
                           compare_records(&sorted_in[k], &sorted_out[k]) < 0 ? "went missing"
                                                                              : "is extra");
        for (size_t k = 0; k < count; k++)
            if (compare_records(&want[k], &got[k]) != 0)
                grade_fail("gv_shuffle of %zu records, seed %llu: record %zu expected (%u, %u, "
                           "%g), came (%u, %u, %g): for i = count - 1 down to 1, swap records "
                           "i and rng_below(i + 1) of an rng seeded with seed", count,
                           (unsigned long long)seed, k, want[k].row, want[k].col, want[k].value,
                           got[k].row, got[k].col, got[k].value);
    }
    gv_record one = {0, 0, 1};
    expect_status(gv_shuffle(NULL, 5, 1), GV_ERR_ARG, "gv_shuffle(NULL, 5, ...)");
    expect_status(gv_shuffle(&one, 0, 1), GV_ERR_ARG, "gv_shuffle with count = 0");
}

/* A model, its gradsq and options, and records: one AdaGrad problem. */
typedef struct {
    size_t v, d, n, count;
    gv_record *records;
    double *params, *gradsq;
    gv_options o;
} problem;

static problem random_problem(rng *r, size_t max_v, size_t max_d, size_t max_count)
{
    problem p;
    p.v = 1 + rng_below(r, max_v);
    p.d = 1 + rng_below(r, max_d);
    p.n = model_values(p.v, p.d);
    p.count = 1 + rng_below(r, max_count);
    double x_max = pow(10, rng_range(r, 0, 2));
    p.records = random_records(r, p.count, p.v, x_max);
    p.params = random_params(r, p.v, p.d, rng_range(r, 0.1, 1));
    p.gradsq = alloc_doubles(p.n);
    for (size_t k = 0; k < p.n; k++)
        p.gradsq[k] = rng_below(r, 2) ? 1 : rng_range(r, 1, 4);
    p.o = (gv_options){x_max, rng_range(r, 0.5, 1), rng_range(r, 0.01, 0.3),
                       pow(10, rng_range(r, -1.5, 2))};
    return p;
}

static double *copy_of(const double *x, size_t n)
{
    double *c = alloc_doubles(n);
    memcpy(c, x, n * sizeof *c);
    return c;
}

static const char *entry_name(const problem *p, size_t k, char *out, size_t size)
{
    size_t row = k / (p->d + 1), e = k % (p->d + 1);
    if (e == p->d)
        snprintf(out, size, "%s %zu's bias", row < p->v ? "b of word" : "b~ of word",
                 row % p->v);
    else
        snprintf(out, size, "%s %zu, entry %zu", row < p->v ? "w of word" : "w~ of word",
                 row % p->v, e);
    return out;
}

/* a and b equal, or within a relative tol (infinities only equal). */
static int close_to(double a, double b, double tol)
{
    return a == b || fabs(a - b) <= tol * fmax(1, fabs(b));
}

/* The student's epoch on p against the transcription; leaves the
 * transcription's state in p (params, gradsq). */
static void expect_epoch(problem *p, const char *what)
{
    double *want_params = copy_of(p->params, p->n), *want_gradsq = copy_of(p->gradsq, p->n);
    double want_cost = ref_epoch(p->records, p->count, p->v, p->d, &p->o, want_params,
                                 want_gradsq);
    double cost = NAN;
    expect_status(gv_adagrad_epoch(p->records, p->count, p->v, p->d, &p->o, p->params,
                                   p->gradsq, &cost), GV_OK, "gv_adagrad_epoch on %s", what);
    char name[80];
    for (size_t k = 0; k < p->n; k++) {
        if (!close_to(p->params[k], want_params[k], 1e-11))
            grade_fail("gv_adagrad_epoch on %s: params[%zu] (%s) expected %.17g, came %.17g",
                       what, k, entry_name(p, k, name, sizeof name), want_params[k],
                       p->params[k]);
        if (!close_to(p->gradsq[k], want_gradsq[k], 1e-11))
            grade_fail("gv_adagrad_epoch on %s: gradsq[%zu] (%s) expected %.17g, came %.17g",
                       what, k, entry_name(p, k, name, sizeof name), want_gradsq[k],
                       p->gradsq[k]);
    }
    if (!(cost == want_cost || fabs(cost - want_cost) <= 1e-11 * fabs(want_cost)))
        grade_fail("gv_adagrad_epoch on %s: *cost expected %.17g (the records' f diff^2 / 2, "
                   "each before its update, divided by count), came %.17g", what, want_cost,
                   cost);
    memcpy(p->params, want_params, p->n * sizeof *p->params);
    memcpy(p->gradsq, want_gradsq, p->n * sizeof *p->gradsq);
}

GRADED_TEST(adagrad, one_epoch, 2, SEC_ADAGRAD)
{
    rng r;
    grade_rng(&r);
    char what[300];
    for (int round = 0; round < 20; round++) {
        problem p = random_problem(&r, 20, 16, 200);
        snprintf(what, sizeof what, "a random %zu-word, %zu-dimensional model and %zu records "
                 "(x_max %.3g, alpha %.3g, eta %.3g, grad_clip %.3g)", p.v, p.d, p.count,
                 p.o.x_max, p.o.alpha, p.o.eta, p.o.grad_clip);
        for (int epoch = 1; epoch <= 2; epoch++) {
            double *params = copy_of(p.params, p.n), *gradsq = copy_of(p.gradsq, p.n);
            if (epoch == 2)
                strcat(what, ", a second epoch");
            expect_epoch(&p, what);
            if (round % 5 == 0) { /* the same inputs give the same bits */
                double *again = copy_of(params, p.n), *again_sq = copy_of(gradsq, p.n), c1, c2;
                double *third = copy_of(params, p.n), *third_sq = copy_of(gradsq, p.n);
                gv_adagrad_epoch(p.records, p.count, p.v, p.d, &p.o, again, again_sq, &c1);
                gv_adagrad_epoch(p.records, p.count, p.v, p.d, &p.o, third, third_sq, &c2);
                expect_true(memcmp(again, third, p.n * sizeof *again) == 0 &&
                            memcmp(again_sq, third_sq, p.n * sizeof *again) == 0 &&
                            memcmp(&c1, &c2, sizeof c1) == 0, "gv_adagrad_epoch on %s, twice "
                            "from the same state: the results differ; the same inputs must "
                            "give the same bits", what);
            }
        }
    }
}

/* One record (0, 1, x) on a 2-word, 3-dimensional model with the given
 * gradsq: the setting of the tests of single quirks. */
static problem one_record(double x, double gradsq, gv_options o)
{
    static const double start[16] = {0.4,  -0.3, 0.5, 0.25, 0.1, 0.2, -0.1, 0.05,
                                     -0.2, 0.6,  0.3, 0.35, 0.3, 0.1, 0.2,  -0.15};
    problem p = {2, 3, 16, 1, grade_alloc(1, sizeof(gv_record)), copy_of(start, 16),
                 alloc_doubles(16), o};
    p.records[0] = (gv_record){0, 1, x};
    for (size_t k = 0; k < 16; k++)
        p.gradsq[k] = gradsq;
    return p;
}

/* fdiff of record 0 of p before any update. */
static double fdiff_of(const problem *p)
{
    const gv_record *e = &p->records[0];
    const double *w = p->params + e->row * (p->d + 1);
    const double *c = p->params + (p->v + e->col) * (p->d + 1);
    double diff = w[p->d] + c[p->d] - log(e->value);
    for (size_t k = 0; k < p->d; k++)
        diff += w[k] * c[k];
    return (double)ref_weight(e->value, p->o.x_max, p->o.alpha) * diff;
}

static int near(double a, double b)
{
    return fabs(a - b) <= 1e-12 * fmax(1, fabs(b));
}

/* The student's epoch on one_record(x, gradsq, o): the state after it in
 * p, the parameters before it in w (w_0 at 0, b_0 at 3, w~_1 at 12, b~_1 at
 * 15), and the record's fdiff. */
typedef struct {
    problem p;
    double *w, fdiff;
} quirk;

static quirk run_quirk(double x, double gradsq, gv_options o, const char *what)
{
    quirk q = {one_record(x, gradsq, o), NULL, 0};
    q.w = copy_of(q.p.params, 16);
    q.fdiff = fdiff_of(&q.p);
    double cost;
    expect_status(gv_adagrad_epoch(q.p.records, 1, 2, 3, &o, q.p.params, q.p.gradsq, &cost),
                  GV_OK, "gv_adagrad_epoch on %s", what);
    return q;
}

GRADED_TEST(adagrad, bias_step, 1, SEC_ADAGRAD)
{
    const char *what = "one record (0, 1, x = 5) with every gradsq 4, eta 0.05, grad_clip 0.5 "
                       "(|fdiff| is about 0.78)";
    quirk q = run_quirk(5, 4, (gv_options){10, 0.75, 0.05, 0.5}, what);
    double fdiff = q.fdiff, b = q.w[3], want = b - fdiff / 2, came = q.p.params[3];
    if (!near(came, want)) {
        const char *why = near(came, b - 0.05 * fdiff / 2) ? ": your step has eta, but the "
                          "original code's bias step has none (its learning rate is 1)" :
                          near(came, b - 0.5 / 2 * (fdiff > 0 ? 1 : -1)) ? ": your step clips "
                          "fdiff, but the bias step is not clipped" :
                          near(came, b - fdiff / sqrt(4 + fdiff * fdiff)) ? ": your "
                          "denominator has this step's fdiff^2 in it already; the original "
                          "code divides by the gradsq from before" : "";
        grade_fail("gv_adagrad_epoch on %s: b_0 after it expected b - fdiff / sqrt(gradsq) = "
                   "%.17g - %.17g / 2 = %.17g, came %.17g%s", what, b, fdiff, want, came, why);
    }
    expect_true(near(q.p.params[15], q.w[15] - fdiff / 2), "gv_adagrad_epoch on %s: b~_1 after "
                "it expected b~ - fdiff / sqrt(gradsq) = %.17g, came %.17g", what,
                q.w[15] - fdiff / 2, q.p.params[15]);
    double sq = 4 + fdiff * fdiff;
    if (!near(q.p.gradsq[3], sq))
        grade_fail("gv_adagrad_epoch on %s: the gradsq of b_0 after it expected 4 + fdiff^2 = "
                   "%.17g, came %.17g%s", what, sq, q.p.gradsq[3],
                   near(q.p.gradsq[3], 4 + 0.0025 * fdiff * fdiff) ? " (4 + (eta fdiff)^2: the "
                   "biases accumulate fdiff^2, without eta)" : "");
    expect_true(near(q.p.gradsq[15], sq), "gv_adagrad_epoch on %s: the gradsq of b~_1 after it "
                "expected 4 + fdiff^2 = %.17g, came %.17g", what, sq, q.p.gradsq[15]);
}

GRADED_TEST(adagrad, gradsq_accumulates, 1, SEC_ADAGRAD)
{
    const char *what = "one record (0, 1, x = 20) with every gradsq 1, eta 0.1, grad_clip 100";
    quirk q = run_quirk(20, 1, (gv_options){10, 0.75, 0.1, 100}, what);
    for (size_t k = 0; k < 3; k++) {
        double g = q.fdiff * q.w[12 + k], want = 1 + 0.01 * g * g, came = q.p.gradsq[k];
        if (!near(came, want))
            grade_fail("gv_adagrad_epoch on %s: gradsq of w_0 entry %zu after it expected 1 + "
                       "(eta g)^2 = 1 + (0.1 x %.17g)^2 = %.17g, came %.17g%s", what, k, g, want,
                       came, near(came, 1 + g * g) ? " (1 + g^2: the original code accumulates "
                       "the squared step eta g, not the gradient's square)" : "");
        g = q.fdiff * q.w[k];
        want = 1 + 0.01 * g * g;
        expect_true(near(q.p.gradsq[12 + k], want), "gv_adagrad_epoch on %s: gradsq of w~_1 "
                    "entry %zu after it expected 1 + (eta g)^2 = %.17g, came %.17g", what, k,
                    want, q.p.gradsq[12 + k]);
    }
    for (size_t k = 4; k < 12; k++)
        expect_true(q.p.gradsq[k] == 1, "gv_adagrad_epoch on %s: gradsq[%zu] of a row the "
                    "record does not touch changed to %.17g", what, k, q.p.gradsq[k]);
}

GRADED_TEST(adagrad, old_gradsq, 1, SEC_ADAGRAD)
{
    const char *what = "one record (0, 1, x = 30) with every gradsq 2, eta 0.2, grad_clip 100";
    quirk q = run_quirk(30, 2, (gv_options){10, 0.75, 0.2, 100}, what);
    const double *w = q.w, *now = q.p.params;
    for (size_t k = 0; k < 3; k++) {
        double g1 = 0.2 * q.fdiff * w[12 + k], want = w[k] - g1 / sqrt(2);
        if (!near(now[k], want))
            grade_fail("gv_adagrad_epoch on %s: w_0 entry %zu after it expected w - eta g / "
                       "sqrt(gradsq) = %.17g - %.17g / sqrt(2) = %.17g, came %.17g%s", what, k,
                       w[k], g1, want, now[k], near(now[k], w[k] - g1 / sqrt(2 + g1 * g1)) ?
                       " (you divided by the gradsq with this step's square added; the original "
                       "code divides by the gradsq from before it)" : "");
        double g2 = 0.2 * q.fdiff * w[k], used = 0.2 * q.fdiff * now[k];
        want = w[12 + k] - g2 / sqrt(2);
        if (!near(now[12 + k], want))
            grade_fail("gv_adagrad_epoch on %s: w~_1 entry %zu after it expected w~ - eta g / "
                       "sqrt(gradsq) = %.17g, came %.17g%s", what, k, want, now[12 + k],
                       near(now[12 + k], w[12 + k] - used / sqrt(2)) ? " (its gradient fdiff "
                       "w_0 used w_0 after its update; both steps are computed from the values "
                       "before the record)" : near(now[12 + k], w[12 + k] - g2 /
                       sqrt(2 + g2 * g2)) ? " (you divided by the gradsq with this step's "
                       "square added)" : "");
    }
}

GRADED_TEST(adagrad, clipping, 1, SEC_ADAGRAD)
{
    const char *what = "one record (0, 1, x = 1000) with every gradsq 1, eta 0.5, grad_clip "
                       "0.7 (|fdiff w| is above 0.7 for some entries, below for others)";
    quirk q = run_quirk(1000, 1, (gv_options){10, 0.75, 0.5, 0.7}, what);
    const double *w = q.w, *now = q.p.params;
    for (size_t k = 0; k < 3; k++) {
        double g = q.fdiff * w[12 + k], clipped = fmax(-0.7, fmin(0.7, g));
        double want = w[k] - 0.5 * clipped;
        if (!near(now[k], want))
            grade_fail("gv_adagrad_epoch on %s: w_0 entry %zu after it expected w - eta clip(g) "
                       "= %.17g - 0.5 clip(%.17g) = %.17g, came %.17g%s", what, k, w[k], g, want,
                       now[k], near(now[k], w[k] - 0.5 * g) ? " (unclipped)" :
                       near(now[k], w[k] - fmax(-0.7, fmin(0.7, 0.5 * g))) ? " (you clipped eta "
                       "g; the original code clips g, then multiplies by eta)" : "");
        double sq = 1 + 0.25 * clipped * clipped;
        expect_true(near(q.p.gradsq[k], sq), "gv_adagrad_epoch on %s: gradsq of w_0 entry %zu "
                    "after it expected 1 + (eta clip(g))^2 = %.17g, came %.17g", what, k, sq,
                    q.p.gradsq[k]);
    }
    double b = w[3] - q.fdiff;
    expect_true(near(now[3], b), "gv_adagrad_epoch on %s: b_0 after it expected b - fdiff / "
                "sqrt(1) = %.17g with fdiff = %.17g unclipped (biases are never clipped), came "
                "%.17g", what, b, q.fdiff, now[3]);
}

GRADED_TEST_T(adagrad, cost_falls, 1, SEC_ADAGRAD, 4.0)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 3; round++) {
        /* Counts made by a planted model of d_true dimensions. */
        size_t v = 25 + rng_below(&r, 15), d_true = 3, d = 10, count = 0;
        double *truth = random_params(&r, v, d_true, 0.6);
        gv_record *records = grade_alloc(v * v, sizeof *records);
        for (uint32_t i = 0; i < v; i++)
            for (uint32_t j = 0; j < v; j++)
                if (rng_below(&r, 4) != 0) {
                    const double *a = truth + i * (d_true + 1);
                    const double *b = truth + (v + j) * (d_true + 1);
                    double s = a[d_true] + b[d_true] + 1.5;
                    for (size_t k = 0; k < d_true; k++)
                        s += 3 * a[k] * b[k];
                    records[count++] = (gv_record){i, j, exp(s)};
                }
        for (size_t i = count - 1; i >= 1; i--) {
            size_t j = (size_t)rng_below(&r, i + 1);
            gv_record t = records[i];
            records[i] = records[j];
            records[j] = t;
        }
        size_t n = model_values(v, d);
        double *params = alloc_doubles(n), *gradsq = alloc_doubles(n);
        for (size_t k = 0; k < n; k++) {
            params[k] = (rng_uniform(&r) - 0.5) / (double)d;
            gradsq[k] = 1;
        }
        gv_options o = {10, 0.75, 0.05, 100};
        long double start = ref_cost(records, count, params, v, d, 10, 0.75, NULL);
        const int epochs = 60;
        for (int e = 0; e < epochs; e++)
            expect_status(gv_adagrad_epoch(records, count, v, d, &o, params, gradsq, NULL),
                          GV_OK, "gv_adagrad_epoch, epoch %d of a %zu-word model on %zu counts",
                          e + 1, v, count);
        long double final = ref_cost(records, count, params, v, d, 10, 0.75, NULL);
        expect_true(final < 0.01L * start, "%d epochs of gv_adagrad_epoch on a %zu-word, %zu-"
                    "dimensional model of %zu counts made by a %zu-dimensional one (x_max 10, "
                    "eta 0.05): the cost J went from %.6Lg to %.6Lg; expected below 1%% of where "
                    "it started", epochs, v, d, count, d_true, start, final);
    }
}

GRADED_TEST(adagrad, bad_input, 1, SEC_ADAGRAD)
{
    rng r;
    grade_rng(&r);
    char what[300];
    for (int round = 0; round < 6; round++) {
        problem p = random_problem(&r, 6, 5, 30);
        /* Word 0's and context 0's first entries so large that their product
         * overflows: diff is infinite (or NaN, with opposite signs), and the
         * records that meet them are skipped. */
        p.params[0] = 1e200;
        p.params[p.v * (p.d + 1)] = round % 2 ? -1e200 : 1e200;
        if (p.d > 1 && round % 3 == 2) {
            p.params[1] = 1e200;
            p.params[p.v * (p.d + 1) + 1] = -p.params[p.v * (p.d + 1)];
        }
        for (size_t k = 0; k < p.count; k++) /* the others keep off row 0 and col 0 */
            if (k % 3 == 0 || p.records[k].row == 0 || p.records[k].col == 0)
                p.records[k].row = p.records[k].col = 0;
        snprintf(what, sizeof what, "%zu random records, some of them (0, 0) with w_0 and w~_0 "
                 "such that w_0 . w~_0 overflows to %s (skipped: no change, no cost)",
                 p.count, round % 3 == 2 && p.d > 1 ? "NaN" : "infinity");
        expect_epoch(&p, what);
    }
    for (int round = 0; round < 4; round++) {
        problem p = random_problem(&r, 5, 4, 20);
        for (size_t k = 0; k < p.n; k += 2 + round)
            p.gradsq[k] = 0;
        snprintf(what, sizeof what, "%zu random records with some gradsq entries 0 (a step "
                 "divided by 0: the vectors' update is skipped if a sum of steps is not finite, "
                 "a bias step that is not finite counts as 0)", p.count);
        expect_epoch(&p, what);
    }
    problem p = one_record(2, 1, (gv_options){10, 0.75, 0.05, 100});
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &p.o, p.params, p.gradsq, NULL), GV_OK,
                  "gv_adagrad_epoch with cost = NULL (allowed)");
    expect_status(gv_adagrad_epoch(NULL, 1, 2, 3, &p.o, p.params, p.gradsq, NULL), GV_ERR_ARG,
                  "gv_adagrad_epoch(NULL, ...)");
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, NULL, p.params, p.gradsq, NULL),
                  GV_ERR_ARG, "gv_adagrad_epoch with options = NULL");
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &p.o, NULL, p.gradsq, NULL), GV_ERR_ARG,
                  "gv_adagrad_epoch with params = NULL");
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &p.o, p.params, NULL, NULL), GV_ERR_ARG,
                  "gv_adagrad_epoch with gradsq = NULL");
    expect_status(gv_adagrad_epoch(p.records, 0, 2, 3, &p.o, p.params, p.gradsq, NULL),
                  GV_ERR_ARG, "gv_adagrad_epoch with count = 0");
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 0, &p.o, p.params, p.gradsq, NULL),
                  GV_ERR_ARG, "gv_adagrad_epoch with dim = 0");
    expect_status(gv_adagrad_epoch(p.records, 1, 1, 3, &p.o, p.params, p.gradsq, NULL),
                  GV_ERR_ARG, "gv_adagrad_epoch of the record (0, 1) on a 1-word model");
    static const gv_options bad[] = {{10, 0.75, 0, 100}, {10, 0.75, -0.05, 100},
                                     {10, 0.75, 0.05, 0}, {0, 0.75, 0.05, 100},
                                     {10, -1, 0.05, 100}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &bad[i], p.params, p.gradsq, NULL),
                      GV_ERR_ARG, "gv_adagrad_epoch with x_max %g, alpha %g, eta %g, grad_clip "
                      "%g (x_max, eta and grad_clip > 0, alpha >= 0)", bad[i].x_max,
                      bad[i].alpha, bad[i].eta, bad[i].grad_clip);
    p.records[0].value = 0;
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &p.o, p.params, p.gradsq, NULL),
                  GV_ERR_ARG, "gv_adagrad_epoch of a record with value 0");
    p.records[0].value = 2;
    p.params[7] = NAN;
    expect_status(gv_adagrad_epoch(p.records, 1, 2, 3, &p.o, p.params, p.gradsq, NULL),
                  GV_ERR_NAN, "gv_adagrad_epoch with a NaN parameter");
}
