/* worker.c: the part of the grader that runs inside each test's process.
 *
 * Criterion runs every test in a fresh process (it re-executes this binary),
 * so nothing set up in main() is visible here: the runner passes what the
 * worker needs through environment variables (GRADE_RUN_DIR, GRADE_SEED). */
#define _POSIX_C_SOURCE 200809L
#include "grade.h"

#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define GRADE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADE_ASAN 1
#endif
#endif
#ifdef GRADE_ASAN
#include <sanitizer/lsan_interface.h>
#endif

/* What one test's process may write: enough for any honest debugging print,
 * small enough that a print loop cannot fill the disk. */
#define OUTPUT_CAP (1 << 20)

static char test_id[256];

static void open_output(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.out", dir, test_id);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    fflush(stdout);
    fflush(stderr);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
    /* Unbuffered, so that output printed just before a crash is not lost. */
    setvbuf(stdout, NULL, _IONBF, 0);
}

void grade_begin(const char *suite, const char *name)
{
    snprintf(test_id, sizeof test_id, "%s.%s", suite, name);
    const char *dir = getenv("GRADE_RUN_DIR");
    if (!dir || !getenv("GRADE_CAPTURE"))
        return; /* run by hand: leave the output on the terminal */
    open_output(dir);
    /* Past the cap, writes fail with EFBIG instead of killing the process. */
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit file_size = {OUTPUT_CAP, OUTPUT_CAP};
    setrlimit(RLIMIT_FSIZE, &file_size);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
}

#ifdef GRADE_ASAN
/* Overwrites the dead stack below us, so that a stale copy of a pointer the
 * student's code dropped cannot hide the leak from LeakSanitizer's scan. */
__attribute__((noinline)) static void scrub_stack(void)
{
    volatile char junk[1 << 16];
    memset((char *)junk, 0, sizeof junk);
}
#endif

/* The blocks grade_alloc handed out, newest first. */
typedef union block {
    union block *next;
    max_align_t align; /* the memory after the header is aligned for anything */
} block;

static block *test_blocks;

void *grade_alloc(size_t count, size_t size)
{
    if (count == 0)
        count = 1;
    if (size != 0 && count > (SIZE_MAX - sizeof(block)) / size)
        grade_fail("the grader asked for too much memory");
    block *b = calloc(1, sizeof(block) + count * size);
    if (!b)
        grade_fail("the grader ran out of memory");
    b->next = test_blocks;
    test_blocks = b;
    return b + 1;
}

static void free_test_blocks(void)
{
    while (test_blocks) {
        block *next = test_blocks->next;
        free(test_blocks);
        test_blocks = next;
    }
}

void grade_end(void)
{
    free_test_blocks();
#ifdef GRADE_ASAN
    scrub_stack();
    if (__lsan_do_recoverable_leak_check())
        grade_fail("your code leaked memory");
#endif
    const char *dir = getenv("GRADE_RUN_DIR");
    if (!dir)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.done", dir, test_id);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0)
        close(fd);
}

void grade_rng(rng *r)
{
    const char *seed_text = getenv("GRADE_SEED");
    uint64_t seed = seed_text ? strtoull(seed_text, NULL, 10) : 20261123u;
    for (const char *c = test_id; *c; c++) /* FNV-1a of the test's name */
        seed = (seed ^ (unsigned char)*c) * 0x100000001b3u;
    rng_seed(r, seed);
}

void grade_fail(const char *format, ...)
{
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    cr_assert_fail("%s", message);
    abort(); /* not reached: a failed assertion ends the test */
}

/* Formats the caller's printf-style description of what was checked. */
#define FORMAT_WHAT(label, what)                                                            \
    do {                                                                                    \
        va_list args_;                                                                      \
        va_start(args_, what);                                                              \
        vsnprintf(label, sizeof label, what, args_);                                        \
        va_end(args_);                                                                      \
    } while (0)

void expect_near(double came, double expected, double tolerance, const char *what, ...)
{
    double scale = fabs(expected) > 1.0 ? fabs(expected) : 1.0;
    if (fabs(came - expected) <= tolerance * scale)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s: expected %.10g, came %.10g (tolerance %.0e)", label, expected, came,
               tolerance);
}

void expect_int(long long came, long long expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s: expected %lld, came %lld", label, expected, came);
}

void expect_true(int condition, const char *what, ...)
{
    if (condition)
        return;
    char label[512];
    FORMAT_WHAT(label, what);
    grade_fail("%s", label);
}

double max_relative_error(const double *a, const double *b, size_t n, size_t *where)
{
    double worst = 0.0;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        double scale = fabs(b[i]) > 1.0 ? fabs(b[i]) : 1.0;
        double e = fabs(a[i] - b[i]) / scale;
        if (isnan(e))
            e = INFINITY;
        if (e > worst) {
            worst = e;
            at = i;
        }
    }
    if (where)
        *where = at;
    return worst;
}

double *grade_copy(const double *values, size_t n)
{
    double *copy = malloc((n ? n : 1) * sizeof *copy);
    if (!copy)
        grade_fail("the grader ran out of memory");
    memcpy(copy, values, n * sizeof *copy);
    return copy;
}

void expect_unchanged(const double *now, const double *before, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&now[i], &before[i], sizeof now[i]) != 0)
            grade_fail("%s[%zu] was modified (from %.10g to %.10g), but inputs are const", what,
                       i, before[i], now[i]);
}

const char *grade_temp_file(const char *text)
{
    static char path[4200];
    const char *dir = getenv("GRADE_RUN_DIR");
    snprintf(path, sizeof path, "%s/data-XXXXXX", dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        grade_fail("the grader could not create a temporary file");
    size_t len = strlen(text);
    if (write(fd, text, len) != (ssize_t)len)
        grade_fail("the grader could not write a temporary file");
    close(fd);
    return path;
}
