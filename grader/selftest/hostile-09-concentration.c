/* hostile-09-concentration.c: a deliberately broken "student" for lesson 09.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-09-concentration.h). grader/selftest/run.sh
 * grades this and checks that each misbehaviour costs exactly the tests it
 * breaks, with the right message, in bounded time.
 * expected-09-concentration.tsv lists the outcome of every test. */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rename-09-concentration.h"
#include "concentration.h" /* declares the real_* functions */
#undef mc_status_str
#undef mc_splitmix64
#undef mc_seed
#undef mc_next
#undef mc_jump
#undef mc_unit
#undef mc_unit_open0
#undef mc_streams_seed
#undef mc_streams_uniform
#undef mc_exponential
#undef mc_normal
#undef mc_poisson
#undef mc_streams_normal
#undef mc_markov
#undef mc_chebyshev
#undef mc_chernoff_binomial
#undef mc_hoeffding
#undef mc_mean_variance
#undef mc_tail
#undef mc_samples_chebyshev
#undef mc_samples_hoeffding
#undef mc_pi
#undef mc_wilson
#undef mc_pi_antithetic
#undef mc_pi_stratified
#undef mc_radical_inverse
#undef mc_halton
#undef mc_pi_halton

const char *mc_status_str(mc_status status)
{
    return real_mc_status_str(status);
}

uint64_t mc_splitmix64(uint64_t *state)
{
    return real_mc_splitmix64(state);
}

mc_status mc_seed(mc_rng *g, uint64_t seed)
{
    return real_mc_seed(g, seed);
}

/* The output rotation by 8 instead of 7. */
uint64_t mc_next(mc_rng *g)
{
    uint64_t x = g->s[1] * 5, out = ((x << 8) | (x >> 56)) * 9;
    real_mc_next(g);
    return out;
}

/* One step too many: 2^128 + 1. */
mc_status mc_jump(mc_rng *g)
{
    mc_status s = real_mc_jump(g);
    if (s == MC_OK)
        real_mc_next(g);
    return s;
}

/* All 64 bits times 2^-64: 2^64 - 1 rounds to 1, outside [0, 1). */
double mc_unit(uint64_t bits)
{
    return (double)bits * 0x1p-64;
}

double mc_unit_open0(uint64_t bits)
{
    return real_mc_unit_open0(bits);
}

mc_status mc_streams_seed(mc_streams *g, uint64_t seed)
{
    return real_mc_streams_seed(g, seed);
}

/* The last, partial round advances only the streams it writes. */
mc_status mc_streams_uniform(mc_streams *g, double *out, size_t n)
{
    size_t full = n / MC_STREAMS * MC_STREAMS, rest = n - full;
    if (!g || !out || n == 0 || rest == 0)
        return real_mc_streams_uniform(g, out, n);
    if (full) {
        mc_status s = real_mc_streams_uniform(g, out, full);
        if (s != MC_OK)
            return s;
    }
    for (size_t k = 0; k < rest; k++) {
        mc_rng one = {{g->s[0][k], g->s[1][k], g->s[2][k], g->s[3][k]}};
        out[full + k] = real_mc_unit(real_mc_next(&one));
        for (int w = 0; w < 4; w++)
            g->s[w][k] = one.s[w];
    }
    return MC_OK;
}

/* Says what it is about to do, without a newline, and reads through a
 * pointer it never set when the rate is large: a crash whose output must
 * survive. */
mc_status mc_exponential(mc_rng *g, double rate, double *out, size_t n)
{
    if (g && out && n && isfinite(rate) && rate > 100) {
        volatile double *nowhere = (volatile double *)(uintptr_t)64;
        printf("scaling by the rate");
        out[0] = *nowhere;
    }
    return real_mc_exponential(g, rate, out, n);
}

/* Prints far more than anyone can read; the numbers are right. */
mc_status mc_normal(mc_rng *g, double *out, size_t n)
{
    static int printed;
    if (!printed++)
        for (int i = 0; i < 40000; i++)
            printf("normal %d: %s\n", i, "......................................................");
    return real_mc_normal(g, out, n);
}

/* Never returns for a large lambda. */
mc_status mc_poisson(mc_rng *g, double lambda, uint64_t *out, size_t n)
{
    for (volatile int spin = g && out && n && lambda > 300 && lambda <= MC_POISSON_MAX; spin;)
        ;
    return real_mc_poisson(g, lambda, out, n);
}

mc_status mc_streams_normal(mc_streams *g, double *out, size_t n)
{
    return real_mc_streams_normal(g, out, n);
}

mc_status mc_markov(double mean, double a, double *bound)
{
    return real_mc_markov(mean, a, bound);
}

mc_status mc_chebyshev(double variance, double t, double *bound)
{
    return real_mc_chebyshev(variance, t, bound);
}

/* exp(-n D(k/n || p)) for every k, also below n p, where the bound should
 * be 1. */
mc_status mc_chernoff_binomial(uint64_t n, double p, uint64_t k, double *bound)
{
    mc_status s = real_mc_chernoff_binomial(n, p, k, bound);
    if (s != MC_OK || k >= n || (double)k >= (double)n * p)
        return s;
    double a = (double)k / (double)n;
    double d = (k ? a * log(a / p) : 0) + (1 - a) * log((1 - a) / (1 - p));
    *bound = exp(-(double)n * d);
    return s;
}

mc_status mc_hoeffding(uint64_t n, double range, double t, double *bound)
{
    return real_mc_hoeffding(n, range, t, bound);
}

/* A work array, never freed, when the values are large; otherwise the
 * variance divided by n. */
mc_status mc_mean_variance(const double *x, size_t n, double *mean, double *variance)
{
    mc_status s = real_mc_mean_variance(x, n, mean, variance);
    if (s != MC_OK)
        return s;
    if (fabs(x[0]) > 1e8) {
        double *volatile work = malloc(n * sizeof *work);
        (void)work;
        return s;
    }
    *variance *= (double)(n - 1) / (double)n;
    return s;
}

/* Marks the first value in place, in the caller's (const) array. */
mc_status mc_tail(const double *x, size_t n, double a, double *fraction)
{
    if (x && n && fraction && !isnan(a)) {
        volatile double *w = (double *)x;
        w[0] = w[0] * 2 / 2;
    }
    return real_mc_tail(x, n, a, fraction);
}

mc_status mc_samples_chebyshev(double variance, double eps, double delta, uint64_t *n)
{
    return real_mc_samples_chebyshev(variance, eps, delta, n);
}

/* No overflow check: a size beyond 2^64 comes back as UINT64_MAX. */
mc_status mc_samples_hoeffding(double range, double eps, double delta, uint64_t *n)
{
    mc_status s = real_mc_samples_hoeffding(range, eps, delta, n);
    if (s == MC_ERR_ARG && n && range > 0 && eps > 0 && delta > 0 && delta < 1) {
        *n = UINT64_MAX;
        return MC_OK;
    }
    return s;
}

mc_status mc_pi(uint64_t seed, uint64_t n, double z, mc_estimate *result)
{
    return real_mc_pi(seed, n, z, result);
}

/* Gives up on the whole program for many trials. */
mc_status mc_wilson(uint64_t successes, uint64_t n, double z, double *low, double *high)
{
    if (n > 100000) {
        fprintf(stderr, "mc_wilson: too many trials, exiting\n");
        exit(3);
    }
    return real_mc_wilson(successes, n, z, low, high);
}

/* The pairs' standard deviation divided by pairs, not pairs - 1. */
mc_status mc_pi_antithetic(uint64_t seed, uint64_t pairs, double z, mc_estimate *result)
{
    mc_status s = real_mc_pi_antithetic(seed, pairs, z, result);
    if (s != MC_OK)
        return s;
    double shrink = sqrt((double)(pairs - 1) / (double)pairs);
    result->std_error *= shrink;
    result->low = result->estimate - z * result->std_error;
    result->high = result->estimate + z * result->std_error;
    return s;
}

mc_status mc_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, double z,
                           mc_estimate *result)
{
    return real_mc_pi_stratified(seed, k, per_cell, z, result);
}

/* Accumulates in float: 24 bits. */
mc_status mc_radical_inverse(uint64_t index, unsigned base, double *value)
{
    mc_status s = real_mc_radical_inverse(index, base, value);
    if (s == MC_OK)
        *value = (float)*value;
    return s;
}

mc_status mc_halton(uint64_t index, unsigned dim, double *point)
{
    return real_mc_halton(index, dim, point);
}

/* Both coordinates in base 2: the points lie on the diagonal. */
mc_status mc_pi_halton(uint64_t n, double *estimate)
{
    if (n == 0 || !estimate)
        return real_mc_pi_halton(n, estimate);
    uint64_t hits = 0;
    for (uint64_t i = 1; i <= n; i++) {
        double x;
        real_mc_radical_inverse(i, 2, &x);
        hits += 2 * x * x <= 1;
    }
    *estimate = 4.0 * (double)hits / (double)n;
    return MC_OK;
}
