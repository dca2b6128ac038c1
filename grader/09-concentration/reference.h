/* reference.h: independent reference computations for lesson 09's tests.
 *
 * The generators are rewritten here from their definitions (Steele, Lea and
 * Flood's splitmix64; Blackman and Vigna's xoshiro256**), and checked by
 * the tests against the literal outputs their authors and other
 * implementations publish. The jump is not the published polynomial at
 * all: the grader builds the 256 x 256 matrix over GF(2) of one step of the
 * generator's linear engine and squares it 128 times, so that a jump is
 * T^(2^128) applied to the state. Probabilities are computed in long
 * double from the closed forms; the statistical tests use critical values
 * whose false-failure probability for a correct sampler is stated where
 * they are used. */
#ifndef LESSON09_REFERENCE_H
#define LESSON09_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "concentration.h"
#include "rng.h"

/* The chapter's sections, as the hints name them. */
#define SEC_BITS "2 Random bits"
#define SEC_DISTRIBUTIONS "3 Other distributions"
#define SEC_MARKOV "4 Markov and Chebyshev"
#define SEC_CHERNOFF "6 Chernoff and Hoeffding"
#define SEC_SAMPLES "7 Bounds against samples"
#define SEC_MONTECARLO "8 Monte Carlo"
#define SEC_FEWER "9 Fewer points for the same error"

#define EPS 2.220446049250313e-16 /* DBL_EPSILON */
#define PI_L 3.141592653589793238462643383279502884L

/* ---- memory, statuses ---- */
double *alloc_doubles(size_t n);
uint64_t *alloc_words(size_t n);
/* An array of n NaN: a value never written shows as NaN. */
double *nan_doubles(size_t n);
const char *status_name(mc_status s);
void expect_status(mc_status came, mc_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
/* came == expected to the bit (both NaN counts as equal). */
void expect_bits(double came, double expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- the generators, from their definitions ---- */
uint64_t ref_splitmix64(uint64_t *state);
void ref_seed(mc_rng *g, uint64_t seed);
uint64_t ref_next(mc_rng *g);
/* g advanced by 2^128 steps: T^(2^128) g, T the engine's GF(2) matrix. */
void ref_jump(mc_rng *g);
/* g advanced by 2^e steps the same way (e < 256), to check the matrix
 * against plain stepping for small e. */
void ref_advance_pow2(mc_rng *g, unsigned e);
double ref_unit(uint64_t bits);
double ref_unit_open0(uint64_t bits);
/* The bulk generator's streams: stream k is ref_seed(seed) jumped k times. */
void ref_streams(mc_rng streams[MC_STREAMS], uint64_t seed);
/* n doubles in the bulk generator's layout, advancing the streams. */
void ref_streams_uniform(mc_rng streams[MC_STREAMS], double *out, size_t n);

/* ---- distributions and statistics ---- */
/* The Kolmogorov-Smirnov statistic sup |F_n - F| of x (sorted in place)
 * against the continuous cdf F. */
double ks_statistic(double *x, size_t n, double (*cdf)(double));
double normal_cdf(double x);
/* ln P(X = k) for X ~ Poisson(lambda), in long double. */
long double poisson_log_pmf(uint64_t k, double lambda);
/* An upper critical value of the chi-square distribution with df degrees
 * of freedom: z standard deviations in the Wilson-Hilferty cube-root normal
 * approximation (z = 5.6 is a tail of about 1e-8). */
double chi_square_critical(double df, double z);
/* The exact P(S >= k) for S ~ Binomial(n, p), in long double. */
long double binomial_tail(uint64_t n, double p, uint64_t k);
/* n D(k/n || p) in long double, 0 log 0 = 0, and the magnitude of its terms
 * (what its rounding is relative to) in *scale. */
long double chernoff_exponent(uint64_t n, double p, uint64_t k, long double *scale);

/* ---- Monte Carlo ---- */
/* Hits of mc_pi's n points from seed. */
uint64_t ref_pi_hits(uint64_t seed, uint64_t n);
/* The antithetic estimate and standard error (long double). */
void ref_pi_antithetic(uint64_t seed, uint64_t pairs, long double *estimate,
                       long double *std_error);
void ref_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, long double *estimate,
                       long double *std_error);
/* The radical inverse as an exact fraction digits / base^count, in long
 * double, and the prime number d (d = 0: 2). */
long double ref_radical_inverse(uint64_t index, unsigned base);
unsigned ref_prime(unsigned d);
uint64_t ref_halton_hits(uint64_t n);

/* Checks an mc_estimate against an expected estimate and standard error,
 * and its interval against estimate -/+ z std_error. */
void expect_estimate(const mc_estimate *came, long double estimate, long double std_error,
                     double z, double tolerance, const char *what);

#endif
