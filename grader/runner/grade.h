/* grade.h: how the course's tests are written.
 *
 *     GRADED_TEST(errors, sse_of_the_example, 2, "3 Measuring error")
 *     {
 *         expect_near(lr_error_sse(y, y_hat, 6), 30.0, 1e-12, "SSE of the [1..6] example");
 *     }
 *
 * declares a Criterion test worth 2 points whose failures point the student
 * to section 3 of the lesson's chapter. It may run for 2 s;
 * GRADED_TEST_T(suite, name, points, section, seconds) sets another limit. The grader's scripts read these
 * declarations from the source to know every test and its points, so keep
 * each one on a single line, with a whole number of points and no comma or
 * "|" in the section title.
 *
 * A test runs in its own process, which never contains the student's code:
 * the lesson functions it calls are proxies (grader/<lesson>/calls.def) that
 * run the student's function in a sandboxed process and copy the results
 * back. Arguments are copied for each call, so a test passes ordinary
 * pointers; a struct that keeps pointers to other memory across calls is
 * described by a walker in the lesson's calls.c. See runner.c.
 *
 * The expect_* helpers stop the test at the first failure with a message of
 * the form "what: expected X, came Y".
 */
#ifndef GRADE_H
#define GRADE_H

#include <criterion/criterion.h>
#include <stddef.h>
#include <stdint.h>

#include "rng.h"

/* Seconds a test may run before it counts as hung. The Valgrind build
 * (make memcheck) multiplies every limit: code runs some 30 times slower there. */
#ifndef GRADE_TIMEOUT_SCALE
#define GRADE_TIMEOUT_SCALE 1
#endif
#define GRADE_TIMEOUT (2.0 * GRADE_TIMEOUT_SCALE)

#define GRADED_TEST(suite, name, points, section)                                           \
    GRADED_TEST_T(suite, name, points, section, 2.0)

/* The same with a longer limit, for tests that train a model, say. */
/* The test process enforces the limit on the student's code; Criterion's own
 * timeout, a little later, is a backstop for the grader itself. */
#define GRADED_TEST_T(suite, name, points, section, seconds)                                \
    static void suite##__##name##__body(void);                                              \
    Test(suite, name, .description = #points "|" section,                                   \
         .timeout = (seconds) * GRADE_TIMEOUT_SCALE + 5)                                     \
    {                                                                                       \
        grade_begin(#suite, #name, (seconds) * GRADE_TIMEOUT_SCALE);                        \
        suite##__##name##__body();                                                          \
        grade_end();                                                                        \
    }                                                                                       \
    static void suite##__##name##__body(void)

/* Called by GRADED_TEST around the body; not for tests to call. */
void grade_begin(const char *suite, const char *name, double seconds);
void grade_end(void);

/* A generator seeded from the run's seed (SEED=... in make) and the test's
 * name: random inputs differ between tests and can be changed between runs,
 * yet every failure can be replayed with the seed the grader printed. */
void grade_rng(rng *r);

/* Failure with a printf-style message. Never returns. */
void grade_fail(const char *format, ...) __attribute__((format(printf, 1, 2), noreturn));

/* |came - expected| <= tolerance * max(1, |expected|): a relative tolerance
 * for large values and an absolute one near zero. NaN never passes. */
void expect_near(double came, double expected, double tolerance, const char *what, ...)
    __attribute__((format(printf, 4, 5)));

/* Exactly equal integers (counts, sizes, status codes shown by number). */
void expect_int(long long came, long long expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));

/* A condition, with the message to show when it is false. */
void expect_true(int condition, const char *what, ...) __attribute__((format(printf, 2, 3)));

/* The largest |a[i] - b[i]| / max(1, |b[i]|) over i < n, and its index in
 * *where (NaN anywhere makes it infinite). Tests print it, as llm.c does. */
double max_relative_error(const double *a, const double *b, size_t n, size_t *where);

/* Writes text to a fresh file in the test's run folder and returns its path
 * (valid until the next call): data files for loaders to read. */
const char *grade_temp_file(const char *text);

/* Zero-filled memory for the test's own use, freed when the test body ends.
 * Fails the test if there is no memory. */
void *grade_alloc(size_t count, size_t size);

/* Copies of inputs, to check that a function left its const inputs alone. */
double *grade_copy(const double *values, size_t n);
void expect_unchanged(const double *now, const double *before, size_t n, const char *what);

#endif
