#define _POSIX_C_SOURCE 200809L
#include "timing.h"

#include <math.h>
#include <time.h>

double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double time_best_of(void (*fn)(void *ctx), void *ctx, int reps)
{
    double best = 1e300;
    for (int i = 0; i < reps; i++) {
        double start = now_seconds();
        fn(ctx);
        double elapsed = now_seconds() - start;
        if (elapsed < best)
            best = elapsed;
    }
    return best;
}

void time_interleaved(timed_task *tasks, size_t count, int reps)
{
    for (size_t t = 0; t < count; t++)
        tasks[t].best = INFINITY;
    for (int round = 0; round < reps; round++)
        for (size_t t = 0; t < count; t++) {
            double seconds = time_best_of(tasks[t].run, tasks[t].ctx, 1);
            if (seconds < tasks[t].best)
                tasks[t].best = seconds;
        }
}
