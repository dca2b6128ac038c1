/* published.h: xoshiro256** in the form its authors publish it, the one-at-a-
 * time baseline of lesson 09's benchmark. */
#ifndef BENCH_09_PUBLISHED_H
#define BENCH_09_PUBLISHED_H

#include <stdint.h>

/* Copies s[0..4) into the generator's state. */
void published_set_state(const uint64_t s[4]);

/* The next 64 bits. */
uint64_t published_next(void);

#endif
