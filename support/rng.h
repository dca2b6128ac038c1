/* rng.h: a small, seeded random number generator (xoshiro256**).
 *
 * All state lives in the caller's rng struct: there is no hidden global
 * generator, so two runs with the same seed produce the same numbers, and two
 * generators never disturb each other.
 */
#ifndef SUPPORT_RNG_H
#define SUPPORT_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s[4];
} rng;

/* Seeds the generator; any 64-bit value (even 0) is a valid seed. */
void rng_seed(rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_u64(rng *r);

/* Uniform on [0, 1), with 53 random bits. */
double rng_uniform(rng *r);

/* Uniform on [lo, hi). */
double rng_range(rng *r, double lo, double hi);

/* Standard normal (mean 0, variance 1), by the Marsaglia polar method. */
double rng_normal(rng *r);

/* Uniform integer in [0, n); n must be positive. */
uint64_t rng_below(rng *r, uint64_t n);

/* order = a uniformly random permutation of 0..n-1 (Fisher-Yates). */
void rng_permutation(rng *r, size_t *order, size_t n);

#endif
