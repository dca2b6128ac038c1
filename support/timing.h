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

/* One thing to time in a comparison. */
typedef struct {
    const char *name;
    void (*run)(void *ctx);
    void *ctx;
    double best; /* seconds: the fastest run, filled in by time_interleaved */
} timed_task;

/* The fastest of reps runs of every task. The tasks take turns, one run each
 * per round, so that a slow spell of a shared machine slows all of them
 * instead of whichever one happened to be running: only ratios taken in one
 * such run are worth comparing. */
void time_interleaved(timed_task *tasks, size_t count, int reps);

#endif
