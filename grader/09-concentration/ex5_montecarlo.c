/* Exercise 5: Monte Carlo pi and its intervals (chapter section 8). */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static mc_estimate pi_estimate(uint64_t seed, uint64_t n, double z)
{
    mc_estimate e = {NAN, NAN, NAN, NAN};
    expect_status(mc_pi(seed, n, z, &e), MC_OK, "mc_pi(seed = %" PRIu64 ", n = %" PRIu64 ", z = "
                  "%g)", seed, n, z);
    return e;
}

static void check_pi(uint64_t seed, uint64_t n, double z)
{
    uint64_t hits = ref_pi_hits(seed, n);
    long double q = (long double)hits / n;
    char what[200];
    snprintf(what, sizeof what, "mc_pi(seed = %" PRIu64 ", n = %" PRIu64 ", z = %g), whose "
             "points hit the quarter disc %" PRIu64 " times", seed, n, z, hits);
    mc_estimate e = pi_estimate(seed, n, z);
    expect_estimate(&e, 4 * q, 4 * sqrtl(q * (1 - q) / n), z, 8 * EPS, what);
}

GRADED_TEST(montecarlo, pi_bits, 3, SEC_MONTECARLO)
{
    check_pi(0, 2, 1.96);
    check_pi(1, 3, 1);
    check_pi(42, 100000, 1.96);
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 40; round++)
        check_pi(rng_u64(&r), 2 + rng_below(&r, round < 30 ? 200 : 20000), rng_range(&r, 0.5, 4));
}

/* Twenty seeds, twenty estimates: at n = 10^4 the hits spread over some 40
 * values either side of 7854, and the grader's own count for these seeds
 * gives at least 15 distinct estimates. */
GRADED_TEST(montecarlo, pi_moves_with_seed, 1, SEC_MONTECARLO)
{
    double seen[20];
    int distinct = 0;
    for (uint64_t seed = 100; seed < 120; seed++) {
        double e = pi_estimate(seed, 10000, 2).estimate;
        int fresh = 1;
        for (int i = 0; i < distinct; i++)
            fresh &= seen[i] != e;
        if (fresh)
            seen[distinct++] = e;
        if (!(fabsl(e - PI_L) < 0.1))
            grade_fail("mc_pi(seed = %" PRIu64 ", n = 10^4): expected an estimate within 0.1 of "
                       "pi (20 standard errors), came %.17g", seed, e);
    }
    expect_true(distinct >= 15, "mc_pi at n = 10^4 for the seeds 100 .. 119 gave only %d "
                "different estimates: the estimate should move with the seed", distinct);
}

static void wilson(uint64_t s, uint64_t n, double z, double *low, double *high)
{
    *low = *high = NAN;
    expect_status(mc_wilson(s, n, z, low, high), MC_OK, "mc_wilson(successes = %" PRIu64 ", n = %"
                  PRIu64 ", z = %g)", s, n, z);
}

GRADED_TEST(montecarlo, wilson, 2, SEC_MONTECARLO)
{
    double low, high;
    wilson(2, 4, 2, &low, &high);
    expect_near(low, 0.5 - sqrt(2.0) / 4, 1e-15, "mc_wilson(2 of 4, z = 2): low = 1/2 - "
                "sqrt(2)/4");
    expect_near(high, 0.5 + sqrt(2.0) / 4, 1e-15, "mc_wilson(2 of 4, z = 2): high");
    wilson(4, 4, 2, &low, &high);
    expect_near(low, 0.5, 1e-15, "mc_wilson(4 of 4, z = 2): low");
    expect_near(high, 1, 1e-15, "mc_wilson(4 of 4, z = 2): high (all successes: 1)");
    wilson(0, 10, 1.96, &low, &high);
    expect_near(low, 0, 1e-15, "mc_wilson(0 of 10, z = 1.96): low (no success: 0)");
    expect_near(high, 0.38416 / 1.38416, 1e-15, "mc_wilson(0 of 10, z = 1.96): high = (z^2 / n) "
                "/ (1 + z^2 / n)");
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 300; round++) {
        uint64_t n = 1 + rng_below(&r, round < 100 ? 30 : 1000000), s = rng_below(&r, n + 1);
        double z = rng_range(&r, 0.1, 5);
        long double q = (long double)s / n, zz = (long double)z * z, d = 1 + zz / n;
        long double centre = (q + zz / (2 * n)) / d;
        long double half = z * sqrtl(q * (1 - q) / n + zz / (4.0L * n * n)) / d;
        wilson(s, n, z, &low, &high);
        if (!(fabsl(low - (centre - half)) <= 16 * EPS * (centre + half)) ||
            !(fabsl(high - (centre + half)) <= 16 * EPS * (centre + half)))
            grade_fail("mc_wilson(successes = %" PRIu64 ", n = %" PRIu64 ", z = %.17g): expected "
                       "[%.17Lg, %.17Lg], came [%.17g, %.17g]", s, n, z, centre - half,
                       centre + half, low, high);
    }
}

/* Over 400 seeds the normal interval of mc_pi at n = 1000 and z = 1.96
 * covers pi about 95 % of the time, and Wilson's interval for pi/4 from
 * the same hits as often. The binomial tolerance: 6 standard deviations of
 * a proportion of 400 near 0.95, 0.065 (a false alarm below 1e-8 even for
 * a correct but unlucky generator); the grader's own count for these seeds
 * is inside it with room to spare. */
GRADED_TEST_T(montecarlo, coverage, 3, SEC_MONTECARLO, 6)
{
    enum { SEEDS = 400, N = 1000 };
    const double z = 1.959963984540054, tolerance = 6 * sqrt(0.95 * 0.05 / SEEDS);
    int normal = 0, score = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        mc_estimate e = pi_estimate(seed * 7919, N, z);
        normal += e.low <= PI_L && PI_L <= e.high;
        uint64_t hits = (uint64_t)llround(e.estimate * N / 4);
        double low, high;
        wilson(hits, N, z, &low, &high);
        score += low <= PI_L / 4 && PI_L / 4 <= high;
    }
    double normal_rate = (double)normal / SEEDS, wilson_rate = (double)score / SEEDS;
    if (!(fabs(normal_rate - 0.95) <= tolerance))
        grade_fail("the 95 %% normal intervals of mc_pi over %d seeds (n = %d): coverage of pi "
                   "expected 0.95 within %.3f, came %.4f", SEEDS, N, tolerance, normal_rate);
    if (!(fabs(wilson_rate - 0.95) <= tolerance))
        grade_fail("the 95 %% Wilson intervals from mc_pi's hits over %d seeds (n = %d): "
                   "coverage of pi/4 expected 0.95 within %.3f, came %.4f", SEEDS, N, tolerance,
                   wilson_rate);
}

GRADED_TEST(montecarlo, errors, 1, SEC_MONTECARLO)
{
    mc_estimate e;
    double low, high;
    expect_status(mc_pi(1, 1, 1.96, &e), MC_ERR_ARG, "mc_pi with n = 1 (no standard error from "
                  "one point)");
    expect_status(mc_pi(1, 0, 1.96, &e), MC_ERR_ARG, "mc_pi with n = 0");
    expect_status(mc_pi(1, 10, 0, &e), MC_ERR_ARG, "mc_pi with z = 0");
    expect_status(mc_pi(1, 10, -1, &e), MC_ERR_ARG, "mc_pi with z = -1");
    expect_status(mc_pi(1, 10, NAN, &e), MC_ERR_NAN, "mc_pi with z = NaN");
    expect_status(mc_pi(1, 10, 1.96, NULL), MC_ERR_ARG, "mc_pi with result = NULL");
    expect_status(mc_wilson(1, 0, 1.96, &low, &high), MC_ERR_ARG, "mc_wilson with n = 0");
    expect_status(mc_wilson(5, 4, 1.96, &low, &high), MC_ERR_ARG, "mc_wilson with 5 successes of "
                  "4 trials");
    expect_status(mc_wilson(1, 4, 0, &low, &high), MC_ERR_ARG, "mc_wilson with z = 0");
    expect_status(mc_wilson(1, 4, NAN, &low, &high), MC_ERR_NAN, "mc_wilson with z = NaN");
    expect_status(mc_wilson(1, 4, 1.96, NULL, &high), MC_ERR_ARG, "mc_wilson with low = NULL");
    expect_status(mc_wilson(1, 4, 1.96, &low, NULL), MC_ERR_ARG, "mc_wilson with high = NULL");
    const char *text = mc_status_str(MC_ERR_NAN), *ok = mc_status_str(MC_OK);
    expect_true(text && ok && text[0] && strcmp(text, ok) != 0, "mc_status_str(MC_ERR_NAN): "
                "expected a description of its own, came \"%s\"", text ? text : "(NULL)");
}
