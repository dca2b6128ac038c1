/* bench.c: lesson 10's big-number arithmetic against GMP and against the
 * plain methods of the chapter.
 *
 *     make bench LESSON=10
 *
 * One thread, one run, three comparisons. Every time is the median of a few
 * repetitions in which the methods take turns, so that a slow spell of a
 * shared machine slows all of them alike: only the ratios taken in one run
 * are worth comparing.
 *
 * (a) The Lucas-Lehmer test of 2^p - 1 for p = 11213, 21701, 44497:
 *     mp_lucas_lehmer (the weighted transform) against the same test
 *     written with GMP's mpz_mul and reduction by shift and add, and against
 *     the chapter's own Karatsuba product with mp_mod_mersenne.
 * (b) Products of n x n random limbs: mp_mul against mpz_mul, Karatsuba and
 *     the schoolbook method, every product checked equal to GMP's.
 * (c) All the decimal digits of a Mersenne prime 2^p - 1: mp_to_decimal
 *     against mpz_get_str, the strings compared by their SHA-256. Each
 *     conversion runs in a child process of its own, which builds the number,
 *     converts it and reports its time and its peak resident memory (the
 *     same few megabytes of program in both). The quadratic method, 19
 *     digits per division by 10^19, is timed on a smaller prime.
 *
 * The targets: Lucas-Lehmer at p = 44497 at least 2 times GMP's speed; the
 * decimal conversion within 1.5 times GMP's time and 2 times its memory. */
#define _POSIX_C_SOURCE 200809L
#include "mersenne.h"

#include "machine.h"
#include "rng.h"
#include "timing.h"

#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

enum { LL_REPS = 3, MUL_REPS = 5, DECIMAL_REPS = 3, MAX_REPS = 9 };

/* The Mersenne prime whose digits (c) writes, and the smaller one on which
 * the quadratic method runs too. */
#define DECIMAL_P 37156667u
#define QUADRATIC_P 756839u

/* ---- timing: interleaved repetitions, medians ------------------------------ */

typedef struct {
    const char *name;
    void (*run)(void *ctx);
    void *ctx;
    double median; /* seconds, filled in by time_medians */
} task;

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, compare_doubles);
    return n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

/* reps rounds (at most MAX_REPS), one run of every task each. */
static void time_medians(task *tasks, size_t count, int reps)
{
    double times[8][MAX_REPS];
    for (int r = 0; r < reps; r++)
        for (size_t k = 0; k < count; k++) {
            double t0 = now_seconds();
            tasks[k].run(tasks[k].ctx);
            times[k][r] = now_seconds() - t0;
        }
    for (size_t k = 0; k < count; k++)
        tasks[k].median = median(times[k], reps);
}

static const char *verdict(int met)
{
    return met ? "MET" : "MISSED";
}

/* ---- (a) Lucas-Lehmer --------------------------------------------------------- */

typedef struct {
    uint64_t p;
    int is_prime;
    int failed;
} ll_job;

static void run_ours(void *ctx)
{
    ll_job *job = ctx;
    job->failed = mp_lucas_lehmer(job->p, &job->is_prime) != MP_OK;
}

/* s = s^2 - 2 mod 2^p - 1 with mpz_mul, the high bits added to the low. */
static void run_gmp_ll(void *ctx)
{
    ll_job *job = ctx;
    unsigned long p = (unsigned long)job->p;
    mpz_t s, square, m;
    mpz_inits(s, square, m, NULL);
    mpz_setbit(m, p);
    mpz_sub_ui(m, m, 1);
    mpz_set_ui(s, 4);
    for (unsigned long i = 0; i + 2 < p; i++) {
        mpz_mul(square, s, s);
        mpz_tdiv_q_2exp(s, square, p);
        mpz_tdiv_r_2exp(square, square, p);
        mpz_add(s, s, square);
        if (mpz_cmp(s, m) >= 0)
            mpz_sub(s, s, m);
        if (mpz_cmp_ui(s, 2) < 0)
            mpz_add(s, s, m);
        mpz_sub_ui(s, s, 2);
    }
    job->is_prime = mpz_sgn(s) == 0;
    job->failed = 0;
    mpz_clears(s, square, m, NULL);
}

/* The same test from the chapter's parts: mp_mul_karatsuba, then
 * mp_mod_mersenne, then minus 2 (plus 2^p - 1 when s < 2). */
static void run_plain_ll(void *ctx)
{
    ll_job *job = ctx;
    size_t n = (size_t)(job->p + 63) / 64, ns = 1, nt = 0;
    uint64_t *s = calloc(n, sizeof *s), *square = malloc(2 * n * sizeof *square);
    uint64_t *m = malloc(n * sizeof *m), two = 2;
    job->failed = !s || !square || !m;
    for (size_t i = 0; !job->failed && i < n; i++)
        m[i] = 64 * (i + 1) <= job->p ? UINT64_MAX : ((uint64_t)1 << job->p % 64) - 1;
    if (!job->failed)
        s[0] = 4;
    for (uint64_t i = 0; !job->failed && i + 2 < job->p; i++) {
        job->failed = mp_mul_karatsuba(s, ns, s, ns, square, 2 * n, &nt) != MP_OK ||
                      mp_mod_mersenne(square, nt, job->p, s, n, &ns) != MP_OK;
        if (!job->failed && mp_compare(s, ns, &two, 1) < 0)
            job->failed = mp_add(s, ns, m, n, s, n, &ns) != MP_OK;
        if (!job->failed)
            job->failed = mp_sub(s, ns, &two, 1, s, n, &ns) != MP_OK;
    }
    job->is_prime = ns == 0;
    free(s);
    free(square);
    free(m);
}

static int bench_lucas_lehmer(void)
{
    static const uint64_t exponents[] = {11213, 21701, 44497};
    int failed = 0;
    printf("\n(a) Lucas-Lehmer test of 2^p - 1, the whole test (ratio = time / "
           "mp_lucas_lehmer's)\n");
    printf("  %-7s %-34s %10s %14s %7s\n", "p", "method", "seconds", "us/iteration", "ratio");
    for (size_t e = 0; e < sizeof exponents / sizeof exponents[0]; e++) {
        uint64_t p = exponents[e];
        ll_job jobs[3] = {{p, -1, 1}, {p, -1, 1}, {p, -1, 1}};
        task tasks[] = {
            {"mp_lucas_lehmer (weighted FFT)", run_ours, &jobs[0], 0},
            {"GMP mpz_mul + shift and add", run_gmp_ll, &jobs[1], 0},
            {"mp_mul_karatsuba + mp_mod_mersenne", run_plain_ll, &jobs[2], 0},
        };
        time_medians(tasks, 3, LL_REPS);
        for (size_t k = 0; k < 3; k++) {
            printf("  %-7llu %-34s %10.3f %14.2f %7.2f\n", (unsigned long long)p, tasks[k].name,
                   tasks[k].median, 1e6 * tasks[k].median / (double)(p - 2),
                   tasks[k].median / tasks[0].median);
            if (jobs[k].failed || jobs[k].is_prime != 1) {
                printf("  FAILED: %s says 2^%llu - 1 is not prime\n", tasks[k].name,
                       (unsigned long long)p);
                failed = 1;
            }
        }
        if (p == 44497)
            printf("bench-10-mersenne: Lucas-Lehmer p = %llu: %.2f times GMP's speed "
                   "(target 2.0: %s), %.2f times Karatsuba + mp_mod_mersenne\n",
                   (unsigned long long)p, tasks[1].median / tasks[0].median,
                   verdict(tasks[1].median >= 2.0 * tasks[0].median),
                   tasks[2].median / tasks[0].median);
    }
    return failed;
}

/* ---- (b) products ------------------------------------------------------------- */

typedef struct {
    const uint64_t *a, *b;
    size_t n, calls;
    uint64_t *r;
    mpz_t za, zb, zr;
    int failed;
} mul_job;

typedef mp_status mul_function(const uint64_t *, size_t, const uint64_t *, size_t, uint64_t *,
                               size_t, size_t *);

static void run_lesson_mul(mul_job *job, mul_function *mul)
{
    size_t nr;
    for (size_t c = 0; c < job->calls; c++)
        job->failed |= mul(job->a, job->n, job->b, job->n, job->r, 2 * job->n, &nr) != MP_OK;
}

static void run_mp_mul(void *ctx)
{
    run_lesson_mul(ctx, mp_mul);
}

static void run_karatsuba(void *ctx)
{
    run_lesson_mul(ctx, mp_mul_karatsuba);
}

static void run_schoolbook(void *ctx)
{
    run_lesson_mul(ctx, mp_mul_schoolbook);
}

static void run_mpz_mul(void *ctx)
{
    mul_job *job = ctx;
    for (size_t c = 0; c < job->calls; c++)
        mpz_mul(job->zr, job->za, job->zb);
}

/* Whether (r, 2n) equals GMP's product. */
static int equal_to_gmp(const uint64_t *r, size_t n, const mpz_t z)
{
    size_t count = 0;
    uint64_t *g = mpz_export(NULL, &count, -1, sizeof *g, 0, 0, z);
    int equal = g && count <= 2 * n && memcmp(g, r, count * sizeof *g) == 0;
    for (size_t i = count; equal && i < 2 * n; i++)
        equal = r[i] == 0;
    free(g);
    return equal;
}

static int bench_size(size_t n, rng *random)
{
    uint64_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    uint64_t *r = malloc(4 * 2 * n * sizeof *r);
    if (!a || !b || !r) {
        free(a), free(b), free(r);
        fprintf(stderr, "bench-10-mersenne: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = rng_u64(random), b[i] = rng_u64(random);
    size_t calls = n <= 1000 ? 200 : n <= 10000 ? 10 : 1;
    mul_job jobs[4];
    for (size_t k = 0; k < 4; k++) {
        jobs[k] = (mul_job){a, b, n, calls, r + 2 * n * k, {{0}}, {{0}}, {{0}}, 0};
        mpz_inits(jobs[k].za, jobs[k].zb, jobs[k].zr, NULL);
    }
    mpz_import(jobs[1].za, n, -1, sizeof *a, 0, 0, a);
    mpz_import(jobs[1].zb, n, -1, sizeof *b, 0, 0, b);
    task tasks[4] = {
        {"mp_mul", run_mp_mul, &jobs[0], 0},
        {"GMP mpz_mul", run_mpz_mul, &jobs[1], 0},
        {"mp_mul_karatsuba", run_karatsuba, &jobs[2], 0},
        {"mp_mul_schoolbook", run_schoolbook, &jobs[3], 0},
    };
    size_t count = n <= 10000 ? 4 : n <= 100000 ? 3 : 2;
    time_medians(tasks, count, n >= 1000000 ? 3 : MUL_REPS);
    int failed = 0;
    for (size_t k = 0; k < count; k++) {
        double per_call = tasks[k].median / (double)calls;
        int wrong = jobs[k].failed || (k != 1 && !equal_to_gmp(jobs[k].r, n, jobs[1].zr));
        printf("  %-8zu %-20s %12.6f %7.2f%s\n", n, tasks[k].name, per_call,
               tasks[k].median / tasks[0].median, wrong ? "  FAILED: not GMP's product" : "");
        failed |= wrong;
    }
    for (size_t k = 0; k < 4; k++)
        mpz_clears(jobs[k].za, jobs[k].zb, jobs[k].zr, NULL);
    free(a), free(b), free(r);
    return failed;
}

static int bench_products(void)
{
    static const size_t sizes[] = {100, 1000, 10000, 100000, 1000000};
    rng random;
    rng_seed(&random, 10);
    printf("\n(b) products of n x n random limbs, seed 10 (ratio = time / mp_mul's; every "
           "product checked equal to GMP's)\n");
    printf("  %-8s %-20s %12s %7s\n", "n", "method", "seconds", "ratio");
    int failed = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
        failed |= bench_size(sizes[s], &random);
    return failed;
}

/* ---- SHA-256 (FIPS 180-4), to compare two long strings by their digests --- */

static uint32_t rotr(uint32_t x, int k)
{
    return x >> k | x << (32 - k);
}

static void sha256_block(uint32_t h[8], const unsigned char *block)
{
    static const uint32_t K[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2};
    uint32_t w[64], v[8];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)block[4 * t] << 24 | (uint32_t)block[4 * t + 1] << 16 |
               (uint32_t)block[4 * t + 2] << 8 | block[4 * t + 3];
    for (int t = 16; t < 64; t++)
        w[t] = (rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ w[t - 2] >> 10) + w[t - 7] +
               (rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ w[t - 15] >> 3) + w[t - 16];
    memcpy(v, h, sizeof v);
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = v[7] + (rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[t] + w[t];
        uint32_t t2 = (rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof *v);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

/* The digest of s[0 .. len) as 64 hexadecimal digits and a NUL. */
static void sha256_hex(const char *s, size_t len, char hex[65])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t whole = len / 64 * 64;
    for (size_t at = 0; at < whole; at += 64)
        sha256_block(h, (const unsigned char *)s + at);
    unsigned char tail[128] = {0};
    size_t rest = len - whole, padded = rest < 56 ? 64 : 128;
    memcpy(tail, s + whole, rest);
    tail[rest] = 0x80;
    for (int i = 0; i < 8; i++)
        tail[padded - 1 - i] = (unsigned char)((uint64_t)len * 8 >> (8 * i));
    for (size_t at = 0; at < padded; at += 64)
        sha256_block(h, tail + at);
    for (int i = 0; i < 8; i++)
        snprintf(hex + 8 * i, 9, "%08x", h[i]);
}

/* ---- (c) decimal digits, each conversion in a child process ----------------- */

typedef enum { DECIMAL_OURS, DECIMAL_GMP, DECIMAL_QUADRATIC } decimal_method;

static const char *const DECIMAL_NAMES[] = {"mp_to_decimal", "GMP mpz_get_str",
                                            "quadratic, 19 digits a division"};

/* What a child reports. */
typedef struct {
    double seconds;
    long peak_kib, before_kib; /* resident memory at its peak, and before converting */
    size_t digits;
    int failed;
    char sha256[65], first[21], last[21];
} decimal_result;

static long peak_kib(void)
{
    struct rusage usage;
    return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_maxrss : -1;
}

/* a (n limbs) /= 10^19, the remainder returned. */
static uint64_t divide_ten_19(uint64_t *a, size_t n)
{
    const uint64_t ten_19 = 10000000000000000000u;
    __extension__ unsigned __int128 rest = 0;
    for (size_t i = n; i-- > 0;) {
        __extension__ unsigned __int128 cur = rest << 64 | a[i];
        a[i] = (uint64_t)(cur / ten_19);
        rest = cur % ten_19;
    }
    return (uint64_t)rest;
}

/* The digits of (a, n) the quadratic way (a is consumed); the length. */
static size_t quadratic_decimal(uint64_t *a, size_t n, char *out, size_t cap)
{
    size_t end = cap - 1;
    out[end] = '\0';
    while (n > 0) {
        uint64_t chunk = divide_ten_19(a, n);
        while (n > 0 && a[n - 1] == 0)
            n--;
        for (int i = 0; i < 19 && (n > 0 || chunk > 0); i++, chunk /= 10)
            out[--end] = (char)('0' + chunk % 10);
    }
    memmove(out, out + end, cap - end);
    return cap - 1 - end;
}

static void convert(decimal_method method, uint64_t p, decimal_result *res)
{
    size_t n = (size_t)(p + 63) / 64, cap = (size_t)(p * 0.30103) + 3;
    uint64_t *a = malloc(n * sizeof *a);
    char *out = malloc(cap);
    res->failed = !a || !out;
    if (res->failed)
        return;
    for (size_t i = 0; i < n; i++)
        a[i] = 64 * (i + 1) <= p ? UINT64_MAX : ((uint64_t)1 << p % 64) - 1;
    mpz_t z;
    if (method == DECIMAL_GMP)
        mpz_roinit_n(z, (const mp_limb_t *)a, (mp_size_t)n);
    res->before_kib = peak_kib();
    double t0 = now_seconds();
    if (method == DECIMAL_OURS)
        res->failed = mp_to_decimal(a, n, out, cap, &res->digits) != MP_OK;
    else if (method == DECIMAL_GMP)
        res->digits = strlen(mpz_get_str(out, 10, z));
    else
        res->digits = quadratic_decimal(a, n, out, cap);
    res->seconds = now_seconds() - t0;
    res->peak_kib = peak_kib();
    if (!res->failed && res->digits >= 20) {
        sha256_hex(out, res->digits, res->sha256);
        memcpy(res->first, out, 20);
        memcpy(res->last, out + res->digits - 20, 20);
    }
    free(a);
    free(out);
}

/* One conversion in a child process: its result, failed if the child did. */
static decimal_result convert_in_child(decimal_method method, uint64_t p)
{
    decimal_result res = {0, 0, 0, 0, 1, "", "", ""};
    int fds[2];
    if (pipe(fds) != 0)
        return res;
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        convert(method, p, &res);
        ssize_t written = write(fds[1], &res, sizeof res);
        _exit(written == (ssize_t)sizeof res ? 0 : 1);
    }
    close(fds[1]);
    decimal_result got;
    if (child > 0 && read(fds[0], &got, sizeof got) == (ssize_t)sizeof got)
        res = got;
    close(fds[0]);
    int status = 0;
    if (child > 0 && (waitpid(child, &status, 0) != child || status != 0))
        res.failed = 1;
    return res;
}

/* reps rounds of every method (interleaved); the median time and peak
 * memory of each in time and peak; 0 if every run of every method wrote
 * the same digits. */
static int time_conversions(uint64_t p, const decimal_method *methods, size_t count, int reps,
                            double *time, long *peak, decimal_result *first)
{
    double times[3][MAX_REPS], peaks[3][MAX_REPS];
    int differ = 0;
    for (int r = 0; r < reps; r++)
        for (size_t k = 0; k < count; k++) {
            decimal_result res = convert_in_child(methods[k], p);
            times[k][r] = res.seconds;
            peaks[k][r] = (double)res.peak_kib;
            if (r == 0 && k == 0)
                *first = res;
            differ |= res.failed || res.digits != first->digits ||
                      strcmp(res.sha256, first->sha256) != 0;
        }
    for (size_t k = 0; k < count; k++) {
        time[k] = median(times[k], reps);
        peak[k] = (long)median(peaks[k], reps);
    }
    return differ;
}

static void print_conversions(const decimal_method *methods, size_t count, const double *time,
                              const long *peak)
{
    for (size_t k = 0; k < count; k++)
        printf("  %-32s %9.3f s %7.2f   peak %8.1f MiB %7.2f\n", DECIMAL_NAMES[methods[k]],
               time[k], time[k] / time[0], peak[k] / 1024.0, (double)peak[k] / (double)peak[0]);
}

static int bench_decimal(void)
{
    static const decimal_method small[] = {DECIMAL_OURS, DECIMAL_GMP, DECIMAL_QUADRATIC};
    static const decimal_method large[] = {DECIMAL_OURS, DECIMAL_GMP};
    double time[3];
    long peak[3];
    decimal_result res;
    printf("\n(c) decimal digits of 2^p - 1, each run in a child process (ratios = time, "
           "peak resident memory / mp_to_decimal's)\n");
    int failed = time_conversions(QUADRATIC_P, small, 3, DECIMAL_REPS, time, peak, &res);
    printf("  p = %u, %zu digits, sha256 %s%s\n", QUADRATIC_P, res.digits, res.sha256,
           failed ? "  FAILED: the digits differ" : ", the same from all three");
    print_conversions(small, 3, time, peak);
    int differ = time_conversions(DECIMAL_P, large, 2, DECIMAL_REPS, time, peak, &res);
    printf("  p = %u, %zu digits %s...%s, sha256 %s%s\n", DECIMAL_P, res.digits, res.first,
           res.last, res.sha256, differ ? "  FAILED: the digits differ" : ", equal to GMP's");
    print_conversions(large, 2, time, peak);
    printf("  (before converting, the children held %.1f MiB: the program and the number)\n",
           res.before_kib / 1024.0);
    double slower = time[0] / time[1], memory = (double)peak[0] / (double)peak[1];
    printf("bench-10-mersenne: decimal 2^%u - 1: %.2f times GMP's time (target at most 1.5: "
           "%s), %.2f times its memory (target at most 2.0: %s)\n",
           DECIMAL_P, slower, verdict(slower <= 1.5), memory, verdict(memory <= 2.0));
    return failed || differ;
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: bench-10-mersenne\n");
        return EXIT_FAILURE;
    }
    machine_describe(stdout);
    printf("library: GMP %s (Debian libgmp-dev)\n", gmp_version);
    printf("Lesson 10 benchmark: big numbers against GMP, one thread. Each time is the median\n"
           "of the repetitions shown; the methods take turns.\n");
    int failed = bench_lucas_lehmer();
    failed |= bench_products();
    failed |= bench_decimal();
    printf("bench-10-mersenne: %s\n", failed ? "FAILED" : "every result checked");
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
