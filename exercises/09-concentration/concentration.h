/* concentration.h: Lesson 09, random numbers, concentration inequalities
 * and Monte Carlo.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/09-concentration/ and the reference in solutions/09-concentration/
 * implement exactly these functions; lessons/09-concentration.md explains them.
 *
 * Conventions (as in every lesson): arrays are pointer + length, the caller
 * owns all memory, inputs are const and never modified, functions that can
 * fail return an mc_status and write their results through pointers. There
 * is no hidden generator: every random number comes from a generator state
 * the caller passes, so a seed fixes every result.
 */
#ifndef CONCENTRATION_H
#define CONCENTRATION_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    MC_OK = 0,
    MC_ERR_TODO,  /* not implemented yet (the skeleton's placeholder) */
    MC_ERR_ARG,   /* a NULL pointer, a size of 0, a parameter out of its range */
    MC_ERR_NAN,   /* a NaN or an infinity in the input */
    MC_ERR_NOMEM, /* out of memory */
} mc_status;

/* A short English description of a status. */
const char *mc_status_str(mc_status status);

/* ---- Exercise 1: random bits (section 2) -------------------------------- */

/* splitmix64: *state += 0x9e3779b97f4a7c15, then the result is *state
 * mixed by z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9,
 * z = (z ^ (z >> 27)) * 0x94d049bb133111eb, z ^ (z >> 31). */
uint64_t mc_splitmix64(uint64_t *state);

/* xoshiro256**: four words of state, never all zero. */
typedef struct {
    uint64_t s[4];
} mc_rng;

/* s[0], s[1], s[2], s[3] = four successive splitmix64 outputs from the
 * state seed (any seed, 0 included). MC_ERR_ARG for NULL. */
mc_status mc_seed(mc_rng *g, uint64_t seed);

/* The next 64 bits: rotl(s[1] * 5, 7) * 9, then the state advances
 * (t = s[1] << 17; s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
 * s[2] ^= t; s[3] = rotl(s[3], 45)). g must not be NULL. */
uint64_t mc_next(mc_rng *g);

/* Advances g by 2^128 steps at once, with the generator's published jump
 * polynomial (the chapter gives its four words): 2^128 non-overlapping
 * streams of 2^128 numbers each from one seed. MC_ERR_ARG for NULL. */
mc_status mc_jump(mc_rng *g);

/* 64 bits to a double: mc_unit = (bits >> 11) * 2^-53, uniform on the
 * 2^53 multiples of 2^-53 in [0, 1); mc_unit_open0 = ((bits >> 11) + 1)
 * * 2^-53, on (0, 1] (safe under a logarithm). Both exact. */
double mc_unit(uint64_t bits);
double mc_unit_open0(uint64_t bits);

/* MC_STREAMS generators side by side, the bulk generator: stream k is
 * mc_seed(seed) jumped k times, and word w of stream k is s[w][k] (so that
 * the streams' words sit in vector lanes). */
#define MC_STREAMS 8
typedef struct {
    uint64_t s[4][MC_STREAMS];
} mc_streams;

mc_status mc_streams_seed(mc_streams *g, uint64_t seed);

/* n uniform doubles in [0, 1): round r = 0, 1, ... takes the next output
 * of every stream and writes out[MC_STREAMS r + k] = mc_unit(output of
 * stream k). The last round, if n is not a multiple of MC_STREAMS, still
 * advances every stream and writes only the first outputs. The same seed
 * gives the same numbers on every machine, whatever its vector width.
 * MC_ERR_ARG for NULL or n = 0. */
mc_status mc_streams_uniform(mc_streams *g, double *out, size_t n);

/* ---- Exercise 2: other distributions (section 3) ------------------------ */

/* n exponential variates of the given rate (> 0, finite), by inversion:
 * out[i] = -log(mc_unit_open0(mc_next(g))) / rate, in order. */
mc_status mc_exponential(mc_rng *g, double rate, double *out, size_t n);

/* n standard normal variates (mean 0, variance 1) from g, by a method of
 * your choice (Box-Muller, the polar method, the ziggurat: the chapter
 * compares them). Graded by their distribution, not their bits. */
mc_status mc_normal(mc_rng *g, double *out, size_t n);

/* n Poisson(lambda) counts, 0 < lambda <= MC_POISSON_MAX, exact in
 * distribution (Knuth's product of uniforms, or inversion by sequential
 * search: the chapter gives both). */
#define MC_POISSON_MAX 500.0
mc_status mc_poisson(mc_rng *g, double lambda, uint64_t *out, size_t n);

/* n standard normals from the bulk generator, the benchmark's fast path.
 * Graded by their distribution; the same seed gives the same numbers on
 * every run of one build. */
mc_status mc_streams_normal(mc_streams *g, double *out, size_t n);

/* ---- Exercise 3: the bounds (sections 4 and 6) -------------------------- */

/* Each writes a bound on a probability, never above 1.
 * Markov: P(X >= a) <= E[X] / a, for X >= 0 (mean >= 0) and a > 0.
 * Chebyshev: P(|X - E[X]| >= t) <= Var[X] / t^2, for variance >= 0, t > 0.
 * Chernoff, for S ~ Binomial(n, p), 0 < p < 1, n >= 1: P(S >= k) <=
 *   exp(-n D(k/n || p)), D(a || p) = a ln(a/p) + (1-a) ln((1-a)/(1-p)),
 *   for k >= n p (and 1 below n p; 0 log 0 = 0, so k = n gives p^n).
 * Hoeffding, for the mean of n independent variables each in an interval
 *   of width range > 0: P(mean - E[mean] >= t) <= exp(-2 n t^2 / range^2),
 *   t > 0.
 * MC_ERR_ARG for an argument outside its range, MC_ERR_NAN for NaN. */
mc_status mc_markov(double mean, double a, double *bound);
mc_status mc_chebyshev(double variance, double t, double *bound);
mc_status mc_chernoff_binomial(uint64_t n, double p, uint64_t k, double *bound);
mc_status mc_hoeffding(uint64_t n, double range, double t, double *bound);

/* ---- Exercise 4: bounds against samples (section 7) --------------------- */

/* The mean and the unbiased variance (divisor n - 1; 0 when n = 1) of
 * x[0 .. n), accurate when the mean is large against the spread (no
 * sum-of-squares formula). MC_ERR_NAN for a non-finite x. */
mc_status mc_mean_variance(const double *x, size_t n, double *mean, double *variance);

/* The fraction of x[0 .. n) that is >= a. */
mc_status mc_tail(const double *x, size_t n, double a, double *fraction);

/* The smallest n for which a bound promises P(|mean of n - mu| >= eps) <=
 * delta: Chebyshev, n = ceil(variance / (eps^2 delta)); Hoeffding (two
 * sides, values in an interval of width range), n = ceil(range^2
 * ln(2 / delta) / (2 eps^2)). eps > 0, 0 < delta < 1; MC_ERR_ARG when n
 * would not fit in a uint64_t. */
mc_status mc_samples_chebyshev(double variance, double eps, double delta, uint64_t *n);
mc_status mc_samples_hoeffding(double range, double eps, double delta, uint64_t *n);

/* ---- Exercise 5: Monte Carlo (section 8) -------------------------------- */

/* An estimate with its standard error and a confidence interval
 * [low, high] (estimate -/+ z std_error unless said otherwise). */
typedef struct {
    double estimate, std_error, low, high;
} mc_estimate;

/* pi from n points uniform in the unit square: from a generator seeded
 * with seed, point i is x = mc_unit(next), then y = mc_unit(next); a hit
 * when x^2 + y^2 <= 1. estimate = 4 hits / n, std_error = 4 sqrt(q (1 -
 * q) / n) with q = hits / n. n >= 2, z > 0. */
mc_status mc_pi(uint64_t seed, uint64_t n, double z, mc_estimate *result);

/* The Wilson score interval for a proportion, successes of n trials
 * (successes <= n, n >= 1, z > 0): centre (q + z^2 / (2n)) / (1 + z^2 / n),
 * half-width z sqrt(q (1 - q) / n + z^2 / (4 n^2)) / (1 + z^2 / n),
 * q = successes / n. */
mc_status mc_wilson(uint64_t successes, uint64_t n, double z, double *low, double *high);

/* ---- Exercise 6: fewer points for the same error (section 9) ------------ */

/* Antithetic pairs: pair i draws x, then y (as mc_pi), and uses both
 * (x, y) and (1 - x, 1 - y); its value is the mean of the two hits.
 * estimate = 4 * the mean of the pair values, std_error = 4 * their
 * sample standard deviation (divisor pairs - 1) / sqrt(pairs). pairs >= 2. */
mc_status mc_pi_antithetic(uint64_t seed, uint64_t pairs, double z, mc_estimate *result);

/* Stratified: the unit square cut into k x k cells, per_cell points in
 * each; cells in the order a = 0 .. k-1 (x), b = 0 .. k-1 (y) inside it,
 * each point x = (a + mc_unit(next)) / k, then y = (b + mc_unit(next)) / k.
 * estimate = 4 * the mean of the cells' hit fractions q_c; std_error =
 * (4 / k^2) sqrt(sum over cells of s_c^2 / per_cell), s_c^2 = per_cell
 * q_c (1 - q_c) / (per_cell - 1). k >= 1, per_cell >= 2. */
mc_status mc_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, double z,
                           mc_estimate *result);

/* The radical inverse of index in base (>= 2): its base-base digits
 * mirrored behind the point, index = sum d_j base^j -> sum d_j base^-(j+1),
 * summed from the lowest digit with the factor 1/base, 1/base^2, ...
 * computed by repeated multiplication. */
mc_status mc_radical_inverse(uint64_t index, unsigned base, double *value);

/* Point index of the Halton sequence in dim dimensions (1 <= dim <=
 * MC_HALTON_MAX_DIM): coordinate d is the radical inverse of index in the
 * (d+1)-th prime (2, 3, 5, 7, ...). */
#define MC_HALTON_MAX_DIM 32
mc_status mc_halton(uint64_t index, unsigned dim, double *point);

/* pi from the 2-D Halton points of indices 1 .. n: 4 hits / n. */
mc_status mc_pi_halton(uint64_t n, double *estimate);

#endif
