/* timing.h: wall-clock timing for benchmarks. */
#ifndef SUPPORT_TIMING_H
#define SUPPORT_TIMING_H

#include <stddef.h>

/* Seconds on a monotonic clock, for differences only. */
double now_seconds(void);

/* Runs fn(ctx) reps times and returns the fastest run in seconds. The minimum
 * is the most repeatable statistic on a shared machine: noise only ever adds
 * time. */
double time_best_of(void (*fn)(void *ctx), void *ctx, int reps);

#endif
