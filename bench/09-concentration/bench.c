/* bench.c: lesson 09's random numbers against glibc, GSL and numpy, one
 * thread.
 *
 *     make bench LESSON=09
 *     bench-09-concentration --check    (the stream check alone, no timing)
 *
 * Uniform doubles in [0, 1) per second from:
 *   - mc_streams_uniform, the solution's bulk generator: eight xoshiro256**
 *     streams side by side in vector lanes;
 *   - xoshiro256** one value at a time, the same generator in three forms:
 *     as a caller of the library would use it, out[i] =
 *     mc_unit(mc_next(&g)), the baseline of the ratios; as its authors
 *     publish it (published.c: next() on a static state, called once a
 *     value), the straightforward code a user copies; and as a plain loop
 *     with the state in registers and no call, the fastest one-at-a-time
 *     form, a stricter comparison;
 *   - glibc's rand() scaled to [0, 1) (31 bits, behind a lock);
 *   - GSL's gsl_rng_uniform on gsl_rng_mt19937 and gsl_rng_taus2;
 *   - numpy's default_rng().random(out=buffer), timed inside Python by
 *     bench/09-concentration/numpy_rng.py (run by Debian's /usr/bin/python3);
 * then standard normals: mc_streams_normal (Box-Muller on vectors),
 * mc_normal (Box-Muller with libm, one pair at a time), GSL's
 * gsl_ran_gaussian_ziggurat on both of its generators and numpy's
 * standard_normal(out=buffer); then Monte Carlo pi points per second
 * (mc_pi, one generator, two draws a point).
 *
 * Every method fills the same 64 Ki-double buffer (512 KiB: it stays in the
 * L2 cache, so what is measured is the generator, not the memory) ROUNDS
 * times a run. The methods take turns, run after run, and each figure is
 * the median of REPS runs; ratio=R is a method's speed over the baseline's,
 * measured in the same run. The targets: mc_streams_uniform at least 3
 * times as fast as one-at-a-time xoshiro256** (the library's and the
 * published form), and mc_streams_uniform and mc_streams_normal faster
 * than numpy; the plain loop is compared too, with the processor's clock
 * (measured by a chain of dependent adds) turning times into cycles a
 * value. Before timing, the bulk generator's streams are
 * checked against eight one-at-a-time generators (seeded and jumped as the
 * contract says), and a hash of its first values is printed: it must be the
 * same for every vector width. */
#define _POSIX_C_SOURCE 200809L
#include "concentration.h"

#include "machine.h"
#include "published.h"
#include "timing.h"

#include <gnu/libc-version.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_version.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { REPS = 9, BUFFER = 1 << 16, ROUNDS = 256 };
#define VALUES ((size_t)BUFFER * ROUNDS)
#define SEED 9
#define PI_POINTS (UINT64_C(1) << 24)
#define CHECK_ROUNDS ((size_t)1 << 19) /* 2^22 values, 2^19 from each stream */
#define UNIFORM_TARGET 3.0             /* times the one-at-a-time generator */
#ifndef PYTHON /* another interpreter: EXTRA_CFLAGS='-DPYTHON="/path/to/python3"' */
#define PYTHON "/usr/bin/python3" /* Debian's, which python3-numpy installs into */
#endif
#define NUMPY_SCRIPT "bench/09-concentration/numpy_rng.py"

/* ---- numpy, in a child process ---------------------------------------------- */

typedef struct {
    int alive;
    char about[160]; /* numpy's version, or why it cannot run */
} numpy_child;

/* Runs the script once with the arguments given and reads the line it
 * prints into line; 0 if there was none. */
static int numpy_ask(const char *arguments, char *line, size_t size)
{
    char command[512];
    line[0] = '\0';
    snprintf(command, sizeof command, "%s %s %s 2>&1", PYTHON, NUMPY_SCRIPT, arguments);
    fflush(stdout);
    FILE *child = popen(command, "r");
    if (!child)
        return 0;
    int answered = fgets(line, (int)size, child) != NULL;
    while (fgetc(child) != EOF) /* whatever else it says */
        ;
    int status = pclose(child);
    line[strcspn(line, "\n")] = '\0';
    return answered && status == 0;
}

static void numpy_start(numpy_child *np)
{
    np->alive = numpy_ask("version", np->about, sizeof np->about) &&
                strncmp(np->about, "numpy ", 6) == 0;
    if (!np->alive && strncmp(np->about, "unavailable: ", 13) != 0)
        snprintf(np->about, sizeof np->about, "unavailable: %s %s gave no answer (the "
                 "benchmark runs from the repository's root)", PYTHON, NUMPY_SCRIPT);
}

/* One run of a fill ("uniform", "normal") in a new Python: the seconds
 * numpy measured itself, or NaN if it could not run. */
static double numpy_run(numpy_child *np, const char *fill)
{
    char arguments[128], line[128];
    if (!np->alive)
        return NAN;
    snprintf(arguments, sizeof arguments, "%s %d %d %d", fill, BUFFER, ROUNDS, SEED);
    double seconds = numpy_ask(arguments, line, sizeof line) ? strtod(line, NULL) : NAN;
    if (!(seconds > 0.0)) {
        np->alive = 0;
        snprintf(np->about, sizeof np->about, "unavailable: it stopped while timed");
        return NAN;
    }
    return seconds;
}

/* ---- the methods ------------------------------------------------------------ */

/* Everything the methods draw from, seeded once: each run continues where
 * the last one stopped. */
typedef struct {
    mc_streams streams;
    mc_rng one, plain;
    gsl_rng *mt19937, *taus2;
    numpy_child numpy;
    mc_status status;
} generators;

/* Keeps the first failure of a lesson function. */
static void note(generators *gen, mc_status status)
{
    if (gen->status == MC_OK)
        gen->status = status;
}

/* Fills out[0 .. n) with one method's values. */
typedef void fill_fn(generators *gen, double *out, size_t n);

static void fill_bulk_uniform(generators *gen, double *out, size_t n)
{
    note(gen, mc_streams_uniform(&gen->streams, out, n));
}

static void fill_one_at_a_time(generators *gen, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = mc_unit(mc_next(&gen->one));
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* The same generator as its authors write it, in this loop: the state stays
 * in four registers, and there is no call. The fastest one-at-a-time
 * xoshiro256**, the baseline. */
static void fill_plain_loop(generators *gen, double *out, size_t n)
{
    uint64_t *s = gen->plain.s, s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
    for (size_t i = 0; i < n; i++) {
        uint64_t result = rotl(s1 * 5, 7) * 9, t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = rotl(s3, 45);
        out[i] = (double)(result >> 11) * 0x1p-53;
    }
    s[0] = s0, s[1] = s1, s[2] = s2, s[3] = s3;
}

static void fill_published(generators *gen, double *out, size_t n)
{
    (void)gen;
    for (size_t i = 0; i < n; i++)
        out[i] = (double)(published_next() >> 11) * 0x1p-53;
}

static void fill_rand(generators *gen, double *out, size_t n)
{
    (void)gen;
    const double scale = 1.0 / ((double)RAND_MAX + 1.0);
    for (size_t i = 0; i < n; i++)
        out[i] = (double)rand() * scale;
}

static void fill_gsl_uniform(gsl_rng *r, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = gsl_rng_uniform(r);
}

static void fill_mt19937(generators *gen, double *out, size_t n)
{
    fill_gsl_uniform(gen->mt19937, out, n);
}

static void fill_taus2(generators *gen, double *out, size_t n)
{
    fill_gsl_uniform(gen->taus2, out, n);
}

static void fill_bulk_normal(generators *gen, double *out, size_t n)
{
    note(gen, mc_streams_normal(&gen->streams, out, n));
}

static void fill_mc_normal(generators *gen, double *out, size_t n)
{
    note(gen, mc_normal(&gen->one, out, n));
}

static void fill_gsl_ziggurat(gsl_rng *r, double *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = gsl_ran_gaussian_ziggurat(r, 1.0);
}

static void fill_ziggurat_mt19937(generators *gen, double *out, size_t n)
{
    fill_gsl_ziggurat(gen->mt19937, out, n);
}

static void fill_ziggurat_taus2(generators *gen, double *out, size_t n)
{
    fill_gsl_ziggurat(gen->taus2, out, n);
}

/* One method: either a C fill function, timed here over ROUNDS buffers, or
 * a numpy command, timed by the script. */
typedef struct {
    const char *name;
    fill_fn *fill;
    const char *numpy_command;
    double seconds[REPS];
    double median; /* NaN when it did not run */
} method;

static double run_once(method *m, generators *gen, double *buffer)
{
    if (m->numpy_command)
        return numpy_run(&gen->numpy, m->numpy_command);
    double start = now_seconds();
    for (int r = 0; r < ROUNDS; r++)
        m->fill(gen, buffer, BUFFER);
    return now_seconds() - start;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* An untimed warm-up run of every method, then REPS rounds in which every
 * method runs once, in turn; the median of each method's runs. */
static void time_methods(method *ms, size_t count, generators *gen, double *buffer)
{
    for (size_t k = 0; k < count; k++)
        run_once(&ms[k], gen, buffer);
    for (int rep = 0; rep < REPS; rep++)
        for (size_t k = 0; k < count; k++)
            ms[k].seconds[rep] = run_once(&ms[k], gen, buffer);
    for (size_t k = 0; k < count; k++) {
        double sorted[REPS];
        int valid = 0;
        for (int rep = 0; rep < REPS; rep++)
            if (!isnan(ms[k].seconds[rep]))
                sorted[valid++] = ms[k].seconds[rep];
        qsort(sorted, (size_t)valid, sizeof sorted[0], compare_doubles);
        ms[k].median = valid == REPS ? sorted[REPS / 2] : NAN;
    }
}

/* Millions of values a second; ratio = speed / the baseline's speed. */
static void print_methods(const method *ms, size_t count, const method *baseline)
{
    for (size_t k = 0; k < count; k++) {
        const method *m = &ms[k];
        if (isnan(m->median)) {
            printf("  %-50s    (not run)\n", m->name);
            continue;
        }
        printf("  %-50s %8.2f ms %8.1f M/s  ratio=%5.2f\n", m->name, 1e3 * m->median,
               (double)VALUES / m->median / 1e6, baseline->median / m->median);
    }
}

/* "target: ...: 3.41x (at least 3): MET". */
static void print_target(const char *what, const method *ours, const method *other, double need)
{
    if (isnan(other->median)) {
        printf("target: %s: %s did not run\n", what, other->name);
        return;
    }
    double speedup = other->median / ours->median;
    printf("target: %s: %.2fx (at least %.2g): %s\n", what, speedup, need,
           speedup >= need ? "MET" : "MISSED");
}

/* The processor's clock in GHz, from a chain of dependent additions (one a
 * cycle), fastest of a few runs; NaN where there is no such chain to
 * write (not x86-64, or not gcc or clang). */
static double clock_ghz(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
    enum { ADDS = 1 << 27 };
    double best = 0.0;
    for (int run = 0; run < 5; run++) {
        uint64_t x = 0;
        double start = now_seconds();
        for (int i = 0; i < ADDS; i += 8)
            __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                             "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0"
                             : "+r"(x));
        double seconds = now_seconds() - start;
        if (seconds > 0.0 && ADDS / seconds / 1e9 > best)
            best = ADDS / seconds / 1e9;
    }
    return best;
#else
    return NAN;
#endif
}

/* "  mc_streams_uniform 1.43, ..." cycles a value at ghz. */
static void print_cycles(const method *ms, size_t count, double ghz)
{
    if (isnan(ghz)) {
        printf("cycles a value: no clock measurement on this machine\n");
        return;
    }
    printf("cycles a value at %.2f GHz (the clock, from a chain of dependent adds):\n", ghz);
    for (size_t k = 0; k < count; k++)
        if (!ms[k].numpy_command && !isnan(ms[k].median))
            printf("  %-50s %8.2f\n", ms[k].name, ms[k].median * ghz * 1e9 / (double)VALUES);
}

/* ---- checks ------------------------------------------------------------------ */

/* FNV-1a over the values' bit patterns. */
static uint64_t hash_doubles(const double *x, size_t n)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < n; i++) {
        uint64_t bits;
        memcpy(&bits, &x[i], sizeof bits);
        for (int b = 0; b < 64; b += 8)
            h = (h ^ (bits >> b & 0xff)) * UINT64_C(0x100000001b3);
    }
    return h;
}

/* The bulk generator's first values against eight one-at-a-time
 * generators, stream k seeded with SEED and jumped k times; prints their
 * hash. Returns the number of values that differ. */
static size_t check_streams(void)
{
    size_t n = CHECK_ROUNDS * MC_STREAMS, differ = 0;
    double *bulk = malloc(n * sizeof *bulk);
    mc_streams streams;
    mc_rng one[MC_STREAMS];
    if (!bulk || mc_streams_seed(&streams, SEED) != MC_OK ||
        mc_streams_uniform(&streams, bulk, n) != MC_OK) {
        free(bulk);
        return n;
    }
    mc_seed(&one[0], SEED);
    for (int k = 1; k < MC_STREAMS; k++) {
        one[k] = one[k - 1];
        mc_jump(&one[k]);
    }
    for (size_t r = 0; r < CHECK_ROUNDS; r++)
        for (int k = 0; k < MC_STREAMS; k++)
            differ += bulk[r * MC_STREAMS + (size_t)k] != mc_unit(mc_next(&one[k]));
    printf("mc_streams_uniform, seed %d: its first %zu values %s eight one-at-a-time "
           "xoshiro256** (seeded, jumped k times)%s; FNV-1a hash of their bits %016llx "
           "(the same on every vector width)\n",
           SEED, n, differ ? "DIFFER from" : "are those of", differ ? "  FAILED" : "",
           (unsigned long long)hash_doubles(bulk, n));
    free(bulk);
    return differ;
}

/* Whether published.c's generator, set to a seeded state, gives mc_next's
 * bits; it is left set to that state. */
static int check_published(void)
{
    mc_rng g;
    if (mc_seed(&g, SEED) != MC_OK)
        return 1;
    published_set_state(g.s);
    int differ = 0;
    for (int i = 0; i < 1000; i++)
        differ |= published_next() != mc_next(&g);
    mc_seed(&g, SEED);
    published_set_state(g.s);
    if (differ)
        printf("xoshiro256** as published DIFFERS from mc_next  FAILED\n");
    return differ;
}

/* ---- the benchmark ------------------------------------------------------------- */

#define C_METHOD(name, fill) {name, fill, NULL, {0}, 0}
#define NUMPY_METHOD(name, fill) {name, NULL, fill, {0}, 0}

/* Times a group of methods and prints it under its title, ratios to
 * ms[baseline], which is called baseline_name there. */
static void compare(const char *title, method *ms, size_t count, size_t baseline,
                    const char *baseline_name, generators *gen, double *buffer)
{
    time_methods(ms, count, gen, buffer);
    printf("\n%s (ratio = speed / %s's)\n", title, baseline_name);
    print_methods(ms, count, &ms[baseline]);
}

static int bench_uniform(generators *gen, double *buffer)
{
    method ms[] = {
        C_METHOD("mc_streams_uniform (8 streams in vector lanes)", fill_bulk_uniform),
        C_METHOD("xoshiro256** one at a time, a plain loop", fill_plain_loop),
        C_METHOD("xoshiro256** as published, next() a value", fill_published),
        C_METHOD("mc_unit(mc_next(&g)) one at a time", fill_one_at_a_time),
        C_METHOD("glibc rand() / (RAND_MAX + 1)", fill_rand),
        C_METHOD("GSL gsl_rng_uniform, gsl_rng_mt19937", fill_mt19937),
        C_METHOD("GSL gsl_rng_uniform, gsl_rng_taus2", fill_taus2),
        NUMPY_METHOD("numpy default_rng().random(out=buffer)", "uniform"),
    };
    size_t count = sizeof ms / sizeof ms[0];
    compare("uniform doubles in [0, 1)", ms, count, 3, "mc_unit(mc_next(&g))", gen, buffer);
    print_cycles(ms, count - 1, clock_ghz());
    print_target("mc_streams_uniform against mc_unit(mc_next(&g))", &ms[0], &ms[3],
                 UNIFORM_TARGET);
    print_target("mc_streams_uniform against xoshiro256** as published", &ms[0], &ms[2],
                 UNIFORM_TARGET);
    print_target("mc_streams_uniform against numpy's random", &ms[0], &ms[7], 1.0);
    if (!isnan(ms[1].median))
        printf("compared with the plain one-at-a-time loop: %.2fx\n", ms[1].median / ms[0].median);
    return gen->status != MC_OK;
}

static int bench_normal(generators *gen, double *buffer)
{
    method ms[] = {
        C_METHOD("mc_streams_normal (Box-Muller on vectors)", fill_bulk_normal),
        C_METHOD("mc_normal (Box-Muller with libm, one generator)", fill_mc_normal),
        C_METHOD("GSL gsl_ran_gaussian_ziggurat, mt19937", fill_ziggurat_mt19937),
        C_METHOD("GSL gsl_ran_gaussian_ziggurat, taus2", fill_ziggurat_taus2),
        NUMPY_METHOD("numpy default_rng().standard_normal(out=buffer)", "normal"),
    };
    compare("standard normals", ms, sizeof ms / sizeof ms[0], 1, "mc_normal", gen, buffer);
    print_target("mc_streams_normal against numpy's standard_normal", &ms[0], &ms[4], 1.0);
    return gen->status != MC_OK;
}

static int bench_pi(void)
{
    mc_estimate est[REPS];
    double seconds[REPS];
    int failed = 0;
    for (int rep = 0; rep < REPS; rep++) {
        double start = now_seconds();
        failed |= mc_pi(SEED + (uint64_t)rep, PI_POINTS, 1.96, &est[rep]) != MC_OK;
        seconds[rep] = now_seconds() - start;
    }
    qsort(seconds, REPS, sizeof seconds[0], compare_doubles);
    double median = seconds[REPS / 2];
    printf("\nMonte Carlo pi (mc_pi: one xoshiro256**, two draws a point)\n");
    printf("  mc_pi, %llu points %35.2f ms %8.1f M points/s  (seed %d: %.6f +- %.6f)\n",
           (unsigned long long)PI_POINTS, 1e3 * median, (double)PI_POINTS / median / 1e6, SEED,
           est[0].estimate, est[0].high - est[0].estimate);
    return failed;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--check") == 0) {
        machine_describe(stdout);
        return check_streams() ? EXIT_FAILURE : EXIT_SUCCESS;
    }
    if (argc >= 2) {
        fprintf(stderr, "usage: %s [--check]\n", argv[0]);
        return EXIT_FAILURE;
    }
    machine_describe(stdout);
    generators gen = {.status = MC_OK};
    numpy_start(&gen.numpy);
    printf("libraries: glibc %s rand(), GSL %s, %s\n", gnu_get_libc_version(), GSL_VERSION,
           gen.numpy.alive ? gen.numpy.about : "numpy: not installed");
    if (!gen.numpy.alive)
        printf("numpy: not installed (%s); the comparisons with it are left out.\n",
               gen.numpy.about);
    printf("Lesson 09 benchmark: %zu values a run (a %d-double buffer filled %d times), one "
           "thread.\nEach time is the median of %d runs; the methods take turns.\n",
           VALUES, BUFFER, ROUNDS, REPS);

    double *buffer = malloc(BUFFER * sizeof *buffer);
    gen.mt19937 = gsl_rng_alloc(gsl_rng_mt19937);
    gen.taus2 = gsl_rng_alloc(gsl_rng_taus2);
    int failed = !buffer || !gen.mt19937 || !gen.taus2;
    if (!failed) {
        gsl_rng_set(gen.mt19937, SEED);
        gsl_rng_set(gen.taus2, SEED);
        srand(SEED);
        failed = mc_streams_seed(&gen.streams, SEED) != MC_OK || mc_seed(&gen.one, SEED) != MC_OK ||
                 mc_seed(&gen.plain, SEED) != MC_OK;
        failed |= check_published();
        failed |= check_streams() != 0;
    }
    if (!failed) {
        failed |= bench_uniform(&gen, buffer);
        failed |= bench_normal(&gen, buffer);
        failed |= bench_pi();
    }
    if (failed)
        fprintf(stderr, "bench-09-concentration: out of memory, or a method failed\n");
    gsl_rng_free(gen.mt19937);
    gsl_rng_free(gen.taus2);
    free(buffer);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
