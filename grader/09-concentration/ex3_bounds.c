/* Exercise 3: the Markov, Chebyshev, Chernoff and Hoeffding bounds
 * (chapter sections 4 and 6): closed forms, the distributions that make
 * Markov and Chebyshev tight, the true binomial tail under Chernoff, and
 * monotonicity in random arguments. */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

static double markov(double mean, double a)
{
    double bound = NAN;
    expect_status(mc_markov(mean, a, &bound), MC_OK, "mc_markov(mean = %.17g, a = %.17g)", mean,
                  a);
    return bound;
}

static double chebyshev(double variance, double t)
{
    double bound = NAN;
    expect_status(mc_chebyshev(variance, t, &bound), MC_OK, "mc_chebyshev(variance = %.17g, t = "
                  "%.17g)", variance, t);
    return bound;
}

static double chernoff(uint64_t n, double p, uint64_t k)
{
    double bound = NAN;
    expect_status(mc_chernoff_binomial(n, p, k, &bound), MC_OK, "mc_chernoff_binomial(n = %"
                  PRIu64 ", p = %.17g, k = %" PRIu64 ")", n, p, k);
    return bound;
}

static double hoeffding(uint64_t n, double range, double t)
{
    double bound = NAN;
    expect_status(mc_hoeffding(n, range, t, &bound), MC_OK, "mc_hoeffding(n = %" PRIu64
                  ", range = %.17g, t = %.17g)", n, range, t);
    return bound;
}

/* Markov's bound is attained by X = a with probability p, 0 otherwise:
 * E[X] = p a and P(X >= a) = p. */
GRADED_TEST(bounds, markov, 2, SEC_MARKOV)
{
    expect_near(markov(40, 80), 0.5, 1e-15, "the beer example: 40 a day on average, P(X >= 80)");
    expect_near(markov(3, 2), 1, 0, "mc_markov(mean = 3, a = 2): 3/2 capped at 1");
    expect_near(markov(0, 5), 0, 0, "mc_markov(mean = 0, a = 5)");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        double a = pow(10, rng_range(&r, -5, 5)), p = rng_range(&r, 0.001, 1);
        double bound = markov(p * a, a);
        if (!(fabs(bound - p) <= 4 * EPS * p))
            grade_fail("mc_markov(mean = %.17g, a = %.17g): the variable a with probability "
                       "%.17g, 0 otherwise, has this mean and P(X >= a) = %.17g: the bound "
                       "expected exactly that (Markov is tight), came %.17g", p * a, a, p, p,
                       bound);
        double mean = a * rng_range(&r, 1, 100);
        expect_near(markov(mean, a), 1, 0, "mc_markov(mean = %.17g, a = %.17g): mean / a > 1, "
                    "a probability bound capped at 1", mean, a);
    }
}

/* Chebyshev's bound is attained by mu -/+ t with probability p/2 each, mu
 * otherwise: variance p t^2 and P(|X - mu| >= t) = p. */
GRADED_TEST(bounds, chebyshev, 2, SEC_MARKOV)
{
    expect_near(chebyshev(1, 2), 0.25, 1e-15, "mc_chebyshev(variance = 1, t = 2): at least 75 "
                "%% within two standard deviations");
    expect_near(chebyshev(4, 1), 1, 0, "mc_chebyshev(variance = 4, t = 1): 4 capped at 1");
    expect_near(chebyshev(0, 1), 0, 0, "mc_chebyshev(variance = 0, t = 1)");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        double t = pow(10, rng_range(&r, -4, 4)), p = rng_range(&r, 0.001, 1);
        double variance = p * t * t, bound = chebyshev(variance, t);
        if (!(fabs(bound - p) <= 6 * EPS * p))
            grade_fail("mc_chebyshev(variance = %.17g, t = %.17g): mu -/+ t with probability "
                       "%.17g each, mu otherwise, has this variance and P(|X - mu| >= t) = "
                       "%.17g: the bound expected exactly that (Chebyshev is tight), came %.17g",
                       variance, t, p / 2, p, bound);
    }
}

/* exp(-n D(k/n || p)) from the long double closed form, 1 below n p. */
static void check_chernoff(uint64_t n, double p, uint64_t k)
{
    double came = chernoff(n, p, k);
    if ((long double)k < (long double)n * p) {
        if (came != 1)
            grade_fail("mc_chernoff_binomial(n = %" PRIu64 ", p = %.17g, k = %" PRIu64 "): k < "
                       "n p, where the bound says nothing: expected 1, came %.17g", n, p, k,
                       came);
        return;
    }
    long double scale, want = expl(-chernoff_exponent(n, p, k, &scale));
    long double tol = 64 * EPS * (1 + scale) * want + 1e-300L;
    if (!(fabsl(came - want) <= tol))
        grade_fail("mc_chernoff_binomial(n = %" PRIu64 ", p = %.17g, k = %" PRIu64 "): expected "
                   "exp(-n D(k/n || p)) = %.17Lg, came %.17g", n, p, k, want, came);
}

GRADED_TEST(bounds, chernoff, 2, SEC_CHERNOFF)
{
    /* Hand values: k = n gives p^n; k = n p gives 1. */
    expect_near(chernoff(10, 0.5, 10), 0x1p-10, 1e-14, "mc_chernoff_binomial(n = 10, p = 0.5, "
                "k = 10) (k = n: D(1 || p) = ln(1/p), so the bound is p^n; 0 ln 0 = 0)");
    expect_near(chernoff(3, 0.2, 3), 0.008, 1e-14, "mc_chernoff_binomial(n = 3, p = 0.2, k = 3) "
                "(p^n)");
    expect_near(chernoff(10, 0.5, 5), 1, 1e-15, "mc_chernoff_binomial(n = 10, p = 0.5, k = 5) "
                "(k = n p: D = 0)");
    expect_near(chernoff(100, 0.5, 75), exp(-100 * (0.75 * log(1.5) + 0.25 * log(0.5))), 1e-12,
                "mc_chernoff_binomial(n = 100, p = 0.5, k = 75)");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 300; round++) {
        uint64_t n = round < 100 ? 1 + rng_below(&r, 60) : 1 + rng_below(&r, 1000000);
        double p = rng_range(&r, 0.01, 0.99);
        uint64_t above = (uint64_t)ceil((double)n * p);
        above = above > n ? n : above;
        uint64_t k = round % 10 == 0   ? n
                     : round % 10 == 1 ? rng_below(&r, n + 1)
                                       : above + rng_below(&r, n - above + 1);
        check_chernoff(n, p, k);
        if (n <= 200) { /* a bound: never below the true tail */
            long double tail = binomial_tail(n, p, k);
            double came = chernoff(n, p, k);
            if (!(came >= tail * (1 - 1e-12L)))
                grade_fail("mc_chernoff_binomial(n = %" PRIu64 ", p = %.17g, k = %" PRIu64 ") = "
                           "%.17g is below the true P(S >= k) = %.17Lg", n, p, k, came, tail);
        }
    }
}

GRADED_TEST(bounds, hoeffding, 1, SEC_CHERNOFF)
{
    expect_near(hoeffding(100, 1, 0.1), exp(-2.0), 1e-15, "mc_hoeffding(n = 100, range = 1, t = "
                "0.1): exp(-2 n t^2 / range^2)");
    expect_near(hoeffding(50, 2, 0.2), exp(-1.0), 1e-15, "mc_hoeffding(n = 50, range = 2, t = "
                "0.2)");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 300; round++) {
        uint64_t n = 1 + rng_below(&r, 1000000);
        double range = pow(10, rng_range(&r, -3, 3)), t = range * pow(10, rng_range(&r, -4, 0));
        long double e = 2.0L * n * t * t / ((long double)range * range), want = expl(-e);
        double came = hoeffding(n, range, t);
        if (!(fabsl(came - want) <= 16 * EPS * (1 + e) * want + 1e-300L))
            grade_fail("mc_hoeffding(n = %" PRIu64 ", range = %.17g, t = %.17g): expected exp(-2 "
                       "n t^2 / range^2) = %.17Lg, came %.17g", n, range, t, want, came);
    }
}

static void expect_order(double smaller, double larger, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
static void expect_order(double smaller, double larger, const char *what, ...)
{
    if (smaller <= larger * (1 + 8 * EPS) && larger <= 1)
        return;
    char label[400];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %.17g <= %.17g (and both at most 1)", label, smaller, larger);
}

/* Larger deviations have smaller bounds; more spread, larger ones; and
 * Chernoff is never weaker than Hoeffding for 0/1 variables (D(a || p) >=
 * 2 (a - p)^2, Pinsker's inequality). */
GRADED_TEST(bounds, monotone, 2, SEC_CHERNOFF)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 200; round++) {
        double a = pow(10, rng_range(&r, -3, 3)), b = a * pow(10, rng_range(&r, 0, 2));
        double m = pow(10, rng_range(&r, -3, 3)), m2 = m * pow(10, rng_range(&r, 0, 2));
        expect_order(markov(m, b), markov(m, a), "mc_markov(mean = %.6g) at a = %.6g against "
                     "a = %.6g", m, b, a);
        expect_order(markov(m, a), markov(m2, a), "mc_markov at a = %.6g for mean = %.6g "
                     "against mean = %.6g", a, m, m2);
        expect_order(chebyshev(m, b), chebyshev(m, a), "mc_chebyshev(variance = %.6g) at t = "
                     "%.6g against t = %.6g", m, b, a);
        expect_order(chebyshev(m, a), chebyshev(m2, a), "mc_chebyshev at t = %.6g for variance = "
                     "%.6g against %.6g", a, m, m2);
        uint64_t n = 1 + rng_below(&r, 10000), n2 = n + 1 + rng_below(&r, 10000);
        double p = rng_range(&r, 0.01, 0.99), t = rng_range(&r, 1e-3, 1);
        uint64_t k = rng_below(&r, n + 1), k2 = k + rng_below(&r, n - k + 1);
        expect_order(chernoff(n, p, k2), chernoff(n, p, k), "mc_chernoff_binomial(n = %" PRIu64
                     ", p = %.6g) at k = %" PRIu64 " against k = %" PRIu64, n, p, k2, k);
        expect_order(hoeffding(n2, 1, t), hoeffding(n, 1, t), "mc_hoeffding(range = 1, t = "
                     "%.6g) at n = %" PRIu64 " against n = %" PRIu64, t, n2, n);
        expect_order(hoeffding(n, 1, t * 1.5), hoeffding(n, 1, t), "mc_hoeffding(n = %" PRIu64
                     ", range = 1) at t = %.6g against t = %.6g", n, t * 1.5, t);
        expect_order(hoeffding(n, 1, t), hoeffding(n, 2, t), "mc_hoeffding(n = %" PRIu64 ", t = "
                     "%.6g) at range = 1 against range = 2", n, t);
        if ((double)k2 > n * p)
            expect_order(chernoff(n, p, k2), hoeffding(n, 1, (double)k2 / (double)n - p),
                         "mc_chernoff_binomial(n = %" PRIu64 ", p = %.6g, k = %" PRIu64 ") against "
                         "mc_hoeffding(n, range = 1, t = k/n - p)", n, p, k2);
    }
}

GRADED_TEST(bounds, errors, 1, SEC_MARKOV)
{
    double b;
    expect_status(mc_markov(-1, 1, &b), MC_ERR_ARG, "mc_markov(mean = -1, ...) (Markov needs X "
                  ">= 0)");
    expect_status(mc_markov(1, 0, &b), MC_ERR_ARG, "mc_markov(1, a = 0)");
    expect_status(mc_markov(1, -2, &b), MC_ERR_ARG, "mc_markov(1, a = -2)");
    expect_status(mc_markov(NAN, 1, &b), MC_ERR_NAN, "mc_markov(mean = NaN, 1)");
    expect_status(mc_markov(1, NAN, &b), MC_ERR_NAN, "mc_markov(1, a = NaN)");
    expect_status(mc_markov(1, 1, NULL), MC_ERR_ARG, "mc_markov with bound = NULL");
    expect_status(mc_chebyshev(-1, 1, &b), MC_ERR_ARG, "mc_chebyshev(variance = -1, ...)");
    expect_status(mc_chebyshev(1, 0, &b), MC_ERR_ARG, "mc_chebyshev(1, t = 0)");
    expect_status(mc_chebyshev(NAN, 1, &b), MC_ERR_NAN, "mc_chebyshev(variance = NaN, 1)");
    expect_status(mc_chebyshev(1, NAN, &b), MC_ERR_NAN, "mc_chebyshev(1, t = NaN)");
    expect_status(mc_chebyshev(1, 1, NULL), MC_ERR_ARG, "mc_chebyshev with bound = NULL");
    expect_status(mc_chernoff_binomial(0, 0.5, 0, &b), MC_ERR_ARG, "mc_chernoff_binomial(n = 0, "
                  "...)");
    expect_status(mc_chernoff_binomial(10, 0, 5, &b), MC_ERR_ARG, "mc_chernoff_binomial(10, p = "
                  "0, 5)");
    expect_status(mc_chernoff_binomial(10, 1, 5, &b), MC_ERR_ARG, "mc_chernoff_binomial(10, p = "
                  "1, 5)");
    expect_status(mc_chernoff_binomial(10, 1.5, 5, &b), MC_ERR_ARG, "mc_chernoff_binomial(10, p "
                  "= 1.5, 5)");
    expect_status(mc_chernoff_binomial(10, NAN, 5, &b), MC_ERR_NAN, "mc_chernoff_binomial(10, p "
                  "= NaN, 5)");
    expect_status(mc_chernoff_binomial(10, 0.5, 5, NULL), MC_ERR_ARG, "mc_chernoff_binomial with "
                  "bound = NULL");
    expect_status(mc_hoeffding(0, 1, 0.1, &b), MC_ERR_ARG, "mc_hoeffding(n = 0, ...)");
    expect_status(mc_hoeffding(10, 0, 0.1, &b), MC_ERR_ARG, "mc_hoeffding(10, range = 0, 0.1)");
    expect_status(mc_hoeffding(10, -1, 0.1, &b), MC_ERR_ARG, "mc_hoeffding(10, range = -1, 0.1)");
    expect_status(mc_hoeffding(10, 1, 0, &b), MC_ERR_ARG, "mc_hoeffding(10, 1, t = 0)");
    expect_status(mc_hoeffding(10, NAN, 0.1, &b), MC_ERR_NAN, "mc_hoeffding(10, range = NaN, "
                  "0.1)");
    expect_status(mc_hoeffding(10, 1, NAN, &b), MC_ERR_NAN, "mc_hoeffding(10, 1, t = NaN)");
    expect_status(mc_hoeffding(10, 1, 0.1, NULL), MC_ERR_ARG, "mc_hoeffding with bound = NULL");
}
