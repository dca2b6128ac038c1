/* Exercise 3: the weighting function and the cost (chapter section 5). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

GRADED_TEST(cost, weighting, 2, SEC_COST)
{
    static const struct {
        double x, x_max, alpha, f;
        const char *why;
    } table[] = {
        {1, 100, 0.75, 0.031622776601683794, "(1/100)^(3/4)"},
        {100, 100, 0.75, 1, "f(x_max) = 1"},
        {10, 10, 0.5, 1, "f(x_max) = 1"},
        {150, 100, 0.75, 1, "1 above x_max"},
        {1e300, 10, 0.75, 1, "1 above x_max"},
        {INFINITY, 10, 0.75, 1, "1 above x_max"},
        {5, 10, 0.5, 0.70710678118654752, "sqrt(1/2)"},
        {3, 10, 1, 0.3, "alpha = 1: linear below x_max"},
        {3, 10, 0, 1, "alpha = 0: every count weighs 1"},
        {0, 100, 0.75, 0, "f(0) = 0"},
        {2.5, 10, 2, 0.0625, "(1/4)^2"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        double x = table[i].x, x_max = table[i].x_max, alpha = table[i].alpha;
        expect_near(gv_weight(x, x_max, alpha), table[i].f, 1e-15, "gv_weight(%g, x_max = %g, "
                    "alpha = %g): %s", x, x_max, alpha, table[i].why);
    }
    static const double nan_cases[][3] = {{-1, 10, 0.75}, {NAN, 10, 0.75}, {1, 0, 0.75},
                                          {1, -5, 0.75},  {-0.0001, 10, 1}};
    for (size_t i = 0; i < sizeof nan_cases / sizeof nan_cases[0]; i++) {
        const double *c = nan_cases[i];
        double f = gv_weight(c[0], c[1], c[2]);
        expect_true(isnan(f), "gv_weight(%g, x_max = %g, alpha = %g): expected NaN (a negative "
                    "or NaN x, or x_max not > 0), came %g", c[0], c[1], c[2], f);
    }
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 12; round++) {
        double x_max = pow(10, rng_range(&r, -1, 3)), alpha = rng_range(&r, 0, 1.5);
        double x = 0, previous = -1;
        for (int step = 0; step < 16; step++) {
            x += x_max * pow(10, rng_range(&r, -4, -0.5));
            double f = gv_weight(x, x_max, alpha);
            long double want = ref_weight(x, x_max, alpha);
            if (!(fabsl(f - want) <= 1e-14L * want))
                grade_fail("gv_weight(%.17g, x_max = %.17g, alpha = %.17g): expected %.17Lg, "
                           "came %.17g", x, x_max, alpha, want, f);
            if (f < previous)
                grade_fail("gv_weight(x, x_max = %g, alpha = %g) decreases: %.17g at x = %.17g "
                           "after %.17g before it; f is non-decreasing", x_max, alpha, f, x,
                           previous);
            previous = f;
        }
    }
}

/* A model whose every record is fitted exactly: with parameters on a grid
 * of 1/8 (few bits), w_i . w~_j + b_i + b~_j = s is exact in any order, and
 * the record's count is x = exp(s). */
static double grid(rng *r, int steps)
{
    return (double)((long)rng_below(r, (uint64_t)(2 * steps + 1)) - steps) / 8;
}

static double exact_score(const double *params, size_t v, size_t d, uint32_t i, uint32_t j)
{
    const double *w = params + i * (d + 1), *c = params + (v + j) * (d + 1);
    double s = w[d] + c[d];
    for (size_t k = 0; k < d; k++)
        s += w[k] * c[k];
    return s;
}

GRADED_TEST(cost, exact_factorisation, 2, SEC_COST)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 20; round++) {
        size_t v = 1 + rng_below(&r, 12), d = 1 + rng_below(&r, 8);
        size_t n = model_values(v, d), count = 1 + rng_below(&r, v * v);
        double *params = alloc_doubles(n);
        for (size_t k = 0; k < n; k++)
            params[k] = grid(&r, 4);
        gv_record *records = random_records(&r, count, v, 10);
        int ones = round % 2 == 0;
        if (ones) { /* x = 1: shift b~_j so that each record's score is 0 exactly */
            for (size_t k = 0; k < count; k++) {
                records[k].value = 1;
                records[k].col = (uint32_t)(k % v);
            }
            for (size_t k = 0; k < count && k < v; k++) {
                params[(v + records[k].col) * (d + 1) + d] = 0;
                double s = exact_score(params, v, d, records[k].row, records[k].col);
                params[(v + records[k].col) * (d + 1) + d] = -s;
            }
            count = count < v ? count : v;
        } else {
            for (size_t k = 0; k < count; k++)
                records[k].value = exp(exact_score(params, v, d, records[k].row,
                                                   records[k].col));
        }
        gv_options o = {rng_range(&r, 1, 100), rng_range(&r, 0.3, 1), 0.05, 100};
        double cost = NAN, *grad = nan_doubles(n);
        snprintf(what, sizeof what, "a %zu-word, %zu-dimensional model that fits its %zu "
                 "records exactly (%s)", v, d, count, ones ? "every x = 1 and every w_i . w~_j "
                 "+ b_i + b~_j = 0 exactly" : "x = exp(w_i . w~_j + b_i + b~_j)");
        expect_status(gv_cost(records, count, params, v, d, &o, &cost, grad), GV_OK, "gv_cost of "
                      "%s", what);
        double bound = ones ? 0 : 1e-26, grad_bound = ones ? 0 : 1e-13;
        if (!(cost >= 0 && cost <= bound))
            grade_fail("gv_cost of %s: expected a cost of %s, came %.17g", what, ones ? "0" :
                       "0 up to the rounding of ln x (at most 1e-26)", cost);
        for (size_t k = 0; k < n; k++)
            if (!(fabs(grad[k]) <= grad_bound))
                grade_fail("gv_cost of %s: expected a zero gradient%s, came grad[%zu] = %.17g",
                           what, ones ? "" : " (up to 1e-13)", k, grad[k]);
    }
}

static void expect_cost(const gv_record *records, size_t count, const double *params, size_t v,
                        size_t d, const gv_options *o, const char *what)
{
    size_t n = model_values(v, d);
    long double *want_grad = grade_alloc(n, sizeof *want_grad);
    long double want = ref_cost(records, count, params, v, d, o->x_max, o->alpha, want_grad);
    double cost = NAN, *grad = nan_doubles(n);
    expect_status(gv_cost(records, count, params, v, d, o, &cost, grad), GV_OK, "gv_cost of %s",
                  what);
    if (!(fabsl(cost - want) <= 1e-12L * want))
        grade_fail("gv_cost of %s: expected J = %.17Lg, came %.17g%s", what, want, cost,
                   fabsl(cost - 2 * want) <= 1e-9L * want ? " (twice J: J has a factor 1/2)" :
                   fabsl(cost - want * count) <= 1e-9L * want * count ? " (the sum: J is "
                   "divided by the number of records)" : "");
    long double top = 0;
    for (size_t k = 0; k < n; k++)
        top = fmaxl(top, fabsl(want_grad[k]));
    for (size_t k = 0; k < n; k++)
        if (!(fabsl(grad[k] - want_grad[k]) <= 1e-11L * top + 1e-300L))
            grade_fail("gv_cost of %s: grad[%zu] (%s %zu, entry %zu) expected %.17Lg, came "
                       "%.17g", what, k, k / (d + 1) < v ? "word" : "context", k / (d + 1) % v,
                       k % (d + 1), want_grad[k], grad[k]);
    double again = NAN;
    expect_status(gv_cost(records, count, params, v, d, o, &again, NULL), GV_OK, "gv_cost of %s "
                  "with grad = NULL", what);
    expect_true(fabsl(again - want) <= 1e-12L * want, "gv_cost of %s with grad = NULL: expected "
                "J = %.17Lg, came %.17g", what, want, again);
}

GRADED_TEST(cost, random_models, 2, SEC_COST)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 25; round++) {
        size_t v = 1 + rng_below(&r, 30), d = 1 + rng_below(&r, 24);
        size_t count = 1 + rng_below(&r, v * v < 300 ? v * v : 300);
        double x_max = pow(10, rng_range(&r, 0, 2));
        gv_record *records = random_records(&r, count, v, x_max);
        if (round % 3 == 0) /* repeated pairs are allowed too */
            for (size_t k = 1; k < count; k += 2)
                records[k] = records[k - 1];
        double *params = random_params(&r, v, d, rng_range(&r, 0.05, 1));
        gv_options o = {x_max, rng_range(&r, 0, 1), 0.05, 100};
        snprintf(what, sizeof what, "a random %zu-word, %zu-dimensional model on %zu records "
                 "(x_max %.3g, alpha %.3g)", v, d, count, o.x_max, o.alpha);
        expect_cost(records, count, params, v, d, &o, what);
    }
}

GRADED_TEST(cost, gradient, 1, SEC_COST)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 10; round++) {
        size_t v = 1 + rng_below(&r, 8), d = 1 + rng_below(&r, 6), n = model_values(v, d);
        size_t count = 1 + rng_below(&r, v * v);
        gv_record *records = random_records(&r, count, v, 10);
        double *params = random_params(&r, v, d, 0.8);
        gv_options o = {10, 0.75, 0.05, 100};
        double cost, *grad = nan_doubles(n);
        snprintf(what, sizeof what, "a random %zu-word, %zu-dimensional model on %zu records",
                 v, d, count);
        expect_status(gv_cost(records, count, params, v, d, &o, &cost, grad), GV_OK, "gv_cost of "
                      "%s", what);
        /* J is quadratic in each single parameter, so a central difference
         * is its derivative exactly, up to rounding. */
        long double *fd = grade_alloc(n, sizeof *fd), top = 0;
        for (size_t k = 0; k < n; k++) {
            double keep = params[k];
            params[k] = keep + 0x1p-10;
            double up = params[k] - keep;
            long double j_up = ref_cost(records, count, params, v, d, 10, 0.75, NULL);
            params[k] = keep - 0x1p-10;
            double down = keep - params[k];
            long double j_down = ref_cost(records, count, params, v, d, 10, 0.75, NULL);
            params[k] = keep;
            fd[k] = (j_up - j_down) / ((long double)up + down);
            top = fmaxl(top, fabsl(fd[k]));
        }
        for (size_t k = 0; k < n; k++)
            if (!(fabsl(grad[k] - fd[k]) <= 1e-10L * top + 1e-300L))
                grade_fail("gv_cost of %s: grad[%zu] (%s %zu, entry %zu%s) expected the central "
                           "difference (J(p + h) - J(p - h)) / 2h = %.17Lg, came %.17g", what, k,
                           k / (d + 1) < v ? "word" : "context", k / (d + 1) % v, k % (d + 1),
                           k % (d + 1) == d ? ": a bias" : "", fd[k], grad[k]);
    }
}

GRADED_TEST(cost, errors, 1, SEC_COST)
{
    gv_record records[3] = {{0, 1, 2}, {1, 0, 3}, {1, 1, 0.5}};
    double params[2 * 2 * 3] = {0.1, -0.2, 0.05, 0.3, 0.1, -0.1, 0.2, 0.2, 0, -0.1, 0.4, 0.1};
    gv_options o = {10, 0.75, 0.05, 100};
    double cost, grad[12];
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_OK, "gv_cost of a "
                  "2-word model");
    expect_status(gv_cost(NULL, 3, params, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost(NULL, ...)");
    expect_status(gv_cost(records, 3, NULL, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost with params = NULL");
    expect_status(gv_cost(records, 3, params, 2, 2, NULL, &cost, grad), GV_ERR_ARG,
                  "gv_cost with options = NULL");
    expect_status(gv_cost(records, 3, params, 2, 2, &o, NULL, grad), GV_ERR_ARG,
                  "gv_cost with cost = NULL");
    expect_status(gv_cost(records, 0, params, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost with count = 0");
    expect_status(gv_cost(records, 3, params, 0, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost with vocab_size = 0");
    expect_status(gv_cost(records, 3, params, 2, 0, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost with dim = 0");
    expect_status(gv_cost(records, 3, params, (size_t)1 << 61, 7, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost with vocab_size = 2^61 and dim = 7 (2 V (d + 1) overflows a size_t)");
    gv_record bad = records[1];
    records[1].col = 2;
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost of a record with col = 2 in a 2-word model");
    records[1] = bad;
    records[2].row = 7;
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                  "gv_cost of a record with row = 7 in a 2-word model");
    records[2].row = 1;
    static const double bad_values[] = {0, -2};
    for (int i = 0; i < 2; i++) {
        records[0].value = bad_values[i];
        expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_ARG,
                      "gv_cost of a record with value %g (a count is > 0)", bad_values[i]);
    }
    records[0].value = INFINITY;
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_NAN,
                  "gv_cost of a record with value infinity");
    records[0].value = 2;
    params[5] = NAN;
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_NAN,
                  "gv_cost with a NaN parameter (the bias of word 1)");
    params[5] = -INFINITY;
    expect_status(gv_cost(records, 3, params, 2, 2, &o, &cost, grad), GV_ERR_NAN,
                  "gv_cost with a parameter -infinity");
    params[5] = -0.1;
    static const struct {
        double x_max, alpha;
    } bad_options[] = {{0, 0.75}, {-10, 0.75}, {10, -0.5}};
    for (int i = 0; i < 3; i++) {
        gv_options b = {bad_options[i].x_max, bad_options[i].alpha, 0.05, 100};
        expect_status(gv_cost(records, 3, params, 2, 2, &b, &cost, grad), GV_ERR_ARG,
                      "gv_cost with x_max = %g, alpha = %g (x_max > 0 and alpha >= 0)", b.x_max,
                      b.alpha);
    }
}
