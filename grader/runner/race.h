/* race.h: how a lesson's race is written (`make race LESSON=03`).
 *
 * A race times the student's version of one of the lesson's hot kernels
 * against the reference solution and a naive loop, on the -O3 build, after
 * checking that the student's output is right. It is a test like the
 * grader's, and keeps the grader's design (runner.c): the race's process
 * holds the inputs, the naive loop, the clock and the verdicts; the
 * student's function runs in the sandbox, called through the lesson's proxy
 * (calls.def), and the reference's runs the same way in a sandbox of its
 * own. Every time is the wall time of one call as the race's process sees
 * it, so nothing the student's code does can change a time except by taking
 * it. The calls take turns, round after round, and the medians are kept.
 *
 * A lesson declares its races in grader/<lesson>/race.c:
 *
 *     RACE_REFERENCE(cv_correlate2d);
 *
 *     RACE(conv5x5, "10 Going fast", "5x5 correlation, 2048x2048 image")
 *     {
 *         ... make the inputs from grade_rng (the same seed gives the same
 *             inputs to the twin that runs the reference) ...
 *         ... call cv_correlate2d (the student's, in the sandbox) and
 *             race_ref_cv_correlate2d (the reference) once, and compare with
 *             race_expect_floats: a wrong output fails the race, untimed ...
 *         race_run(&(race_kernel){.call = ..., .naive = ..., .ctx = &job,
 *                                 .in = {{img, bytes}, ...}, .out = {...}});
 *     }
 *
 * RACE_REFERENCE(f) declares race_ref_f, the reference solution's f, for the
 * check: the race program links the solution's objects with every symbol
 * renamed so (Makefile, "the race"). One RACE line per race, on a single
 * line: section is the chapter's section the verdict points to, what says
 * what is raced. */
#ifndef GRADE_RACE_H
#define GRADE_RACE_H

#include <stddef.h>

#include "grade.h"

#define RACE_REFERENCE(name) extern __typeof__(name) race_ref_##name

/* A race may run for 60 s: enough for a student's version far slower than
 * the naive loop to be timed a few times. */
#define RACE(name, section, what)                                                           \
    static void race__##name##__body(void);                                                 \
    Test(race, name, .description = section "|" what, .timeout = 65)                        \
    {                                                                                       \
        race_twin_start();                                                                  \
        grade_begin("race", #name, 60.0);                                                   \
        race__##name##__body();                                                             \
        grade_end();                                                                        \
        race_finish("race." #name);                                                         \
    }                                                                                       \
    static void race__##name##__body(void)

enum { RACE_ARRAYS = 4 };

typedef struct {
    void *data;
    size_t bytes;
} race_array;

typedef struct {
    void (*call)(void *ctx);  /* calls the lesson function: the sandbox's */
    void (*naive)(void *ctx); /* the plain loop */
    void *ctx;
    /* The arrays the call reads and those it writes, as the proxy copies
     * them: the naive loop is timed with the same copies (race.c). */
    race_array in[RACE_ARRAYS], out[RACE_ARRAYS];
} race_kernel;

/* Times the three, interleaved, and keeps the medians for race_finish. */
void race_run(const race_kernel *k);

/* A wrong output ends the race untimed: "wrong output: <what>". */
void race_expect(int condition, const char *what, ...) __attribute__((format(printf, 2, 3)));
void race_expect_floats(const float *came, const float *expected, size_t n, double tolerance,
                        const char *what);
void race_expect_doubles(const double *came, const double *expected, size_t n,
                         double tolerance, const char *what);

/* Called by RACE before the test begins: forks the twin that runs the
 * reference (race.c). Not for races to call. */
void race_twin_start(void);

/* Called by RACE after the sandbox is gone: ends the twin and hands the
 * times to the race's runner. Not for races to call. */
void race_finish(const char *id);

#endif
