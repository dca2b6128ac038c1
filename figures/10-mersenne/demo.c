/* demo.c: computes every number and figure of lesson 10 from the solution.
 *
 *     build/solutions/opt/bin/demo-10-mersenne OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it against the committed copy) and OUT_DIR/<name>.dat (plotted by
 * the gnuplot scripts beside this file). Both hold only what the code
 * decides: digits, counts, rounding errors. Times in seconds change from run
 * to run and from machine to machine, so they go to OUT_DIR/<name>.times,
 * which `make test` does not compare: multiply.times, lucasspeed.times,
 * decimal.times and lucas.times (plotted by multiply.gp and lucasspeed.gp).
 *
 * With DEMO_QUICK=1 in the environment the long loops (the exponent scan,
 * Benford's counts, the Lucas-Lehmer runs, the timed sizes, the digits of
 * the record) run smaller: every code path still runs, fast enough for
 * Valgrind, and the numbers written are not the chapter's. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../demo.h"
#include "mersenne.h"
#include "numbers.h"
#include "rng.h"
#include "roundoff.h"
#include "timing.h"

/* Set once by main from DEMO_QUICK: shorten the long loops. */
static int quick;

/* The two record primes of the chapter: the seed's and the larger one. */
static const uint64_t RECORDS[2] = {77232917, 136279841};

static void check(mp_status status, const char *what)
{
    if (status != MP_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, mp_status_str(status));
        exit(1);
    }
}

static void *allocate(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size);
    if (!p) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return p;
}

static uint64_t *mersenne_or_exit(uint64_t p, size_t *n)
{
    uint64_t *a = mersenne_number(p, n);
    if (!a) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return a;
}

static int is_prime(uint64_t n)
{
    if (n < 2)
        return 0;
    for (uint64_t d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

static int lucas_lehmer(uint64_t p)
{
    int prime;
    check(mp_lucas_lehmer(p, &prime), "mp_lucas_lehmer");
    return prime;
}

/* ---- Section 1: only prime exponents ------------------------------------ */

/* n as a product of primes, "7 * 31 * 151". */
static void print_factors(FILE *f, uint64_t n)
{
    const char *sep = "";
    for (uint64_t d = 2; d * d <= n; d++)
        for (; n % d == 0; n /= d, sep = " * ")
            fprintf(f, "%s%" PRIu64, sep, d);
    if (n > 1)
        fprintf(f, "%s%" PRIu64, sep, n);
}

/* 2^(ab) - 1 = (2^a - 1)(1 + 2^a + ... + 2^(a(b-1))), the sum spelled out. */
static void factor_by_a(FILE *f, unsigned a, unsigned b)
{
    uint64_t sum = 0;
    fprintf(f, "  2^%u - 1 = (2^%u - 1)(", a * b, a);
    for (unsigned i = 0; i < b; i++) {
        sum += (uint64_t)1 << (a * i);
        fprintf(f, "%s%" PRIu64, i ? " + " : "", (uint64_t)1 << (a * i));
    }
    fprintf(f, ") = %" PRIu64 " * %" PRIu64 "\n", ((uint64_t)1 << a) - 1, sum);
}

/* The smallest prime factor of 2^p - 1 (p prime): of the form 2kp + 1. */
static uint64_t smallest_factor(uint64_t p)
{
    for (uint64_t q = 2 * p + 1;; q += 2 * p)
        if (pow_mod(2, p, q) == 1 && is_prime(q))
            return q;
}

static void composite(void)
{
    FILE *f = open_output("composite.txt");
    fprintf(f, "2^(ab) - 1 = (2^a - 1)(1 + 2^a + 2^(2a) + ... + 2^((b-1)a)): a composite exponent\n"
               "gives a composite number.\n");
    const unsigned cases[][3] = {{6, 2, 3}, {6, 3, 2}, {15, 3, 5}, {15, 5, 3}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        if (c == 0 || cases[c][0] != cases[c - 1][0])
            fprintf(f, "2^%u - 1 = %" PRIu64 ":\n", cases[c][0], ((uint64_t)1 << cases[c][0]) - 1);
        factor_by_a(f, cases[c][1], cases[c][2]);
    }
    fprintf(f, "  2^15 - 1 = ");
    print_factors(f, 32767);
    fprintf(f, "\nA prime exponent is not enough: 2^11 - 1 = 2047 = ");
    print_factors(f, 2047);
    fprintf(f, " (23 = 2*11 + 1, 89 = 8*11 + 1).\n\n"
               "Every prime p below 64: Lucas-Lehmer's verdict on 2^p - 1, and for the composites\n"
               "the smallest factor, searched among q = 2kp + 1:\n"
               "p    2^p - 1               verdict    smallest factor\n");
    for (uint64_t p = 2; p < 64; p++) {
        if (!is_prime(p))
            continue;
        uint64_t m = ((uint64_t)1 << p) - 1;
        fprintf(f, "%-4" PRIu64 " %-21" PRIu64 " ", p, m);
        if (lucas_lehmer(p))
            fprintf(f, "prime\n");
        else {
            uint64_t q = smallest_factor(p);
            fprintf(f, "composite  %" PRIu64 " = 2*%" PRIu64 "*%" PRIu64 " + 1\n", q,
                    (q - 1) / (2 * p), p);
        }
    }
    close_output(f);
}

/* ---- Section 2: digits without the number -------------------------------- */

static uint64_t digit_count(uint64_t p)
{
    uint64_t digits;
    check(mp_digit_count(p, &digits), "mp_digit_count");
    return digits;
}

static void digits(void)
{
    FILE *f = open_output("digits.txt");
    fprintf(f, "digits of 2^p - 1 = floor(p log10 2) + 1 (2^p is never a power of 10, so 2^p - 1\n"
               "has as many digits as 2^p); log10 2 = 0.");
    char decimals[41];
    fraction_decimals(LOG10_2_FIXED, 40, decimals);
    fprintf(f, "%s...\n\n", decimals);
    fprintf(f, "p           p log10 2 (every digit shown is right)      digits (mp_digit_count)\n");
    const uint64_t ps[] = {7, 10, 64, 127, 1279, RECORDS[0], RECORDS[1]};
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        uint64_t integer;
        u128 fraction;
        log10_2_times(ps[i], &integer, &fraction);
        fraction_decimals(fraction, 25, decimals);
        char value[64];
        snprintf(value, sizeof value, "%" PRIu64 ".%s...", integer, decimals);
        fprintf(f, "%-11" PRIu64 " %-43s %" PRIu64 "\n", ps[i], value, digit_count(ps[i]));
    }
    fprintf(f, "\nIn double precision, p * log10(2.0):\n");
    for (size_t r = 0; r < 2; r++) {
        double x = (double)RECORDS[r] * log10(2.0);
        fprintf(f, "  p = %-10" PRIu64 " %.10f, floor + 1 = %.0f\n", RECORDS[r], x, floor(x) + 1);
    }
    close_output(f);
}

/* floor(p log10 2) as double precision computes it. */
static double double_floor(uint64_t p)
{
    return floor((double)p * log10(2.0));
}

/* One exponent of the danger table: the distance of p log10 2 to the
 * nearest integer, on which side, and what double precision makes of it. */
static void danger_row(FILE *f, uint64_t p)
{
    uint64_t integer;
    u128 fraction;
    log10_2_times(p, &integer, &fraction);
    uint64_t exact = digit_count(p) - 1;
    double by_double = double_floor(p);
    fprintf(f, "%-14" PRIu64 " %-14" PRIu64 " %-9.2e %-6s %-14.0f %s\n", p, exact,
            fraction_distance(fraction), fraction >> 127 ? "below" : "above", by_double,
            by_double == (double)exact ? "right" : "WRONG");
}

/* Scans p = 1 .. n: the exponents where double precision's floor is wrong,
 * counted, the first of them and the first prime one (0 if none). Only
 * p log10 2 within 1e-6 of an integer can be: checked there. */
static uint64_t scan_double_errors(uint64_t n, uint64_t *first_wrong, uint64_t *first_prime)
{
    const u128 step = LOG10_2_FIXED, near = (u128)1 << 108; /* 2^-20 < 1e-6 */
    u128 fraction = 0;
    uint64_t wrong = 0;
    *first_wrong = *first_prime = 0;
    for (uint64_t p = 1; p <= n; p++) {
        fraction += step;
        if ((fraction < near || -fraction < near) && double_floor(p) != (double)(digit_count(p) - 1)) {
            wrong++;
            if (!*first_wrong)
                *first_wrong = p;
            if (!*first_prime && is_prime(p))
                *first_prime = p;
        }
    }
    return wrong;
}

static void danger(void)
{
    const uint64_t limit = (uint64_t)1 << 40, scan = quick ? 1000000 : 1000000000;
    uint64_t q[64];
    size_t count = log10_2_convergents(limit, q, 64);
    FILE *f = open_output("danger.txt");
    fprintf(f, "The exponents p < 2^40 for which p log10 2 comes closer to an integer than for\n"
               "any smaller p (the denominators of the continued fraction's convergents):\n"
               "p              floor exact    distance  side   floor double   double\n");
    for (size_t i = 1; i < count; i++)
        danger_row(f, q[i]);
    uint64_t first_wrong, first_prime, wrong = scan_double_errors(scan, &first_wrong, &first_prime);
    fprintf(f, "\ndouble: floor(p * log10(2.0)) is wrong for %" PRIu64 " of the exponents p <= 10^%.0f",
            wrong, log10((double)scan));
    if (wrong)
        fprintf(f, ", the first p = %" PRIu64, first_wrong);
    if (first_prime)
        fprintf(f, ",\nthe first prime one p = %" PRIu64, first_prime);
    double closest = 1;
    for (size_t i = 1; i < count; i++) {
        uint64_t integer;
        u128 fraction;
        log10_2_times(q[i], &integer, &fraction);
        closest = fmin(closest, fraction_distance(fraction));
    }
    fprintf(f, ".\nlog10(2.0) is above log10 2 by 2.8e-18, and the product is rounded to 53 bits:\n"
               "p log10 2 just below an integer can come out as that integer.\n"
               "Exact: log10 2 in 128-bit fixed point is low by < 2^-128, p log10 2 by < p 2^-128\n"
               "< 2^-88 = 3.2e-27 for p < 2^40; the closest distance above, %.2e, is about\n"
               "10^%.0f times larger, so every floor is certain (MP_ERR_PRECISION would say\n"
               "otherwise).\n",
            closest, floor(log10(closest / 0x1p-88)));
    close_output(f);
}

/* ---- Section 2: last digits, first digits -------------------------------- */

static void last_digits(uint64_t p, unsigned k, char *out)
{
    check(mp_last_digits(p, k, out), "mp_last_digits");
}

/* The last 20 digits of 2^p - 1 (p >= 20), one more than mp_last_digits
 * gives: 2^p mod 10^20 = 2^20 (2^(p-20) mod 5^20), since 2^20 divides it. */
static void last_20_digits(uint64_t p, char out[21])
{
    uint64_t five20 = 95367431640625u; /* 5^20 */
    u128 v = (u128)pow_mod(2, p - 20, five20) << 20;
    v -= 1;
    for (int i = 19; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + (unsigned)(v % 10));
    out[20] = '\0';
}

static void lastdigit(void)
{
    FILE *f = open_output("lastdigit.txt");
    fprintf(f, "last digit of 2^n, n = 1, 2, ...:");
    for (uint64_t n = 1; n <= 12; n++) {
        char d[2];
        last_digits(n, 1, d);
        fprintf(f, " %c", d[0] + 1); /* 2^n - 1 ends in 1, 3, 7 or 5: never 9 */
    }
    fprintf(f, " (period 4: 2, 4, 8, 6)\n\n");
    for (size_t r = 0; r < 2; r++) {
        uint64_t p = RECORDS[r];
        static const char cycle[4] = {'6', '2', '4', '8'};
        char last1[2], last19[20], last20[21];
        last_digits(p, 1, last1);
        last_digits(p, 19, last19);
        last_20_digits(p, last20);
        fprintf(f, "p = %" PRIu64 ": p mod 4 = %u, 2^p ends in %c, 2^p - 1 in %c (mp_last_digits: %s)\n",
                p, (unsigned)(p % 4), cycle[p % 4], cycle[p % 4] - 1, last1);
        fprintf(f, "  last 19 digits (mp_last_digits):          %s\n", last19);
        fprintf(f, "  last 20 digits, 2^20 (2^(p-20) mod 5^20): %s%s\n", last20,
                strcmp(last20 + 1, last19) == 0 ? "" : "  DIFFERENT");
    }
    close_output(f);
}

/* How many leading characters a and b share. */
static size_t common_prefix(const char *a, const char *b)
{
    size_t n = 0;
    while (a[n] && a[n] == b[n])
        n++;
    return n;
}

/* The first 20 digits of 10^x (x in [0, 1)) printed from a long double. */
static void leading_from(long double x, char out[21])
{
    char text[64];
    snprintf(text, sizeof text, "%.19Le", powl(10.0L, x));
    out[0] = text[0];
    memcpy(out + 1, text + 2, 19);
    out[20] = '\0';
}

static void firstdigits(void)
{
    FILE *f = open_output("firstdigits.txt");
    fprintf(f, "The first digits of 2^p - 1 are those of 10^f, f the fractional part of p log10 2.\n"
               "An error e in f is a relative error of about 2.3 e in 10^f: k digits need\n"
               "e < 10^-k / 2.3, and p times the error of log10 2 lands in f.\n\n");
    for (size_t r = 0; r < 2; r++) {
        uint64_t p = RECORDS[r];
        char exact[21], by_double[21], by_long[21];
        check(mp_first_digits(p, 20, exact), "mp_first_digits");
        double x = (double)p * log10(2.0);
        leading_from((long double)(x - floor(x)), by_double);
        long double xl = (long double)p * log10l(2.0L);
        leading_from(xl - floorl(xl), by_long);
        double bits = log2((double)p) + 20 * log2(10.0) + log2(2.3);
        fprintf(f, "p = %" PRIu64 " (log2 p = %.1f): 20 digits need log10 2 to %.0f bits\n", p,
                log2((double)p), ceil(bits));
        fprintf(f, "  128-bit fixed point (mp_first_digits):  %s\n", exact);
        fprintf(f, "  double (53 bits):                       %s  %zu digits right\n", by_double,
                common_prefix(by_double, exact));
        fprintf(f, "  long double (64 bits):                  %s  %zu digits right\n", by_long,
                common_prefix(by_long, exact));
    }
    close_output(f);
}

/* ---- Section 8: Benford --------------------------------------------------- */

static const double CHI2_8_95 = 15.507, CHI2_8_99 = 20.090; /* 8 degrees of freedom */

static double benford_expected(int d)
{
    return log10(1.0 + 1.0 / d);
}

/* Pearson's chi-square of counts[1..9] (total n) against Benford. */
static double chi_square_benford(const uint64_t counts[10], uint64_t n)
{
    double chi2 = 0;
    for (int d = 1; d <= 9; d++) {
        double e = (double)n * benford_expected(d), o = (double)counts[d];
        chi2 += (o - e) * (o - e) / e;
    }
    return chi2;
}

/* The leading digits of n numbers 10^u, u uniform on [0, 1): Benford's law
 * for a random sequence, to compare with 2^n's. */
static void random_leading(uint64_t n, uint64_t counts[10])
{
    rng r;
    rng_seed(&r, 10);
    memset(counts, 0, 10 * sizeof *counts);
    for (uint64_t i = 0; i < n; i++)
        counts[(int)pow(10.0, rng_uniform(&r))]++;
}

static void benford(void)
{
    const uint64_t sizes[] = {10000, 1000000, quick ? 1000000 : MP_BENFORD_MAX};
    uint64_t counts[3][10];
    FILE *f = open_output("benford.txt");
    fprintf(f, "leading digit d of 2^n, n = 0 .. N: share of the N + 1 powers against log10(1 + 1/d)\n"
               "d   log10(1+1/d)  N = 10^4   N = 10^6   N = 10^%.0f\n", log10((double)sizes[2]));
    for (size_t s = 0; s < 3; s++)
        check(mp_benford_counts(sizes[s], counts[s]), "mp_benford_counts");
    for (int d = 1; d <= 9; d++) {
        fprintf(f, "%d   %.6f    ", d, benford_expected(d));
        for (size_t s = 0; s < 3; s++)
            fprintf(f, " %.6f  ", (double)counts[s][d] / (double)(sizes[s] + 1));
        fprintf(f, "\n");
    }
    fprintf(f, "\ncounts and Pearson's chi-square (8 degrees of freedom; 5%% critical value %.3f,\n"
               "1%% %.3f):\n", CHI2_8_95, CHI2_8_99);
    for (size_t s = 0; s < 3; s++) {
        fprintf(f, "N = %-10" PRIu64 " counts", sizes[s]);
        for (int d = 1; d <= 9; d++)
            fprintf(f, " %" PRIu64, counts[s][d]);
        fprintf(f, "  chi2 = %.3g\n", chi_square_benford(counts[s], sizes[s] + 1));
    }
    uint64_t random_counts[10];
    random_leading(sizes[0] + 1, random_counts);
    fprintf(f, "10^u, u uniform, %" PRIu64 " draws (seed 10): chi2 = %.4f: a random sequence's\n"
               "chi-square is near 8; n log10 2 mod 1 is spread far more evenly than random.\n",
            sizes[0] + 1, chi_square_benford(random_counts, sizes[0] + 1));
    close_output(f);
    double rows[9 * 4];
    for (int d = 1; d <= 9; d++) {
        double *row = rows + 4 * (d - 1);
        row[0] = d;
        row[1] = benford_expected(d);
        row[2] = (double)counts[0][d] / (double)(sizes[0] + 1);
        row[3] = (double)counts[2][d] / (double)(sizes[2] + 1);
    }
    write_table("benford.dat", "d log10(1+1/d) share_of_2^n_n<=10^4 share_of_2^n_n<=1e8", 9, 4, rows);
}

/* ---- Sections 5 and 6: reduction and Lucas-Lehmer ------------------------ */

typedef mp_status product_fn(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                             uint64_t *out, size_t cap, size_t *n_out);

/* The state of a Lucas-Lehmer run through the API: s (n limbs) mod 2^p - 1. */
typedef struct {
    uint64_t p;
    size_t m, n;
    uint64_t *s, *square, *modulus;
} ll_state;

static ll_state ll_start(uint64_t p, const uint64_t *s0, size_t n0)
{
    ll_state t = {p, (size_t)((p + 63) / 64), n0, NULL, NULL, NULL};
    t.s = allocate(t.m + 1, sizeof *t.s);
    t.square = allocate(2 * t.m + 2, sizeof *t.square);
    t.modulus = mersenne_or_exit(p, &t.m);
    memcpy(t.s, s0, n0 * sizeof *s0);
    return t;
}

static void ll_free(ll_state *t)
{
    free(t->s);
    free(t->square);
    free(t->modulus);
}

/* s = s^2 - 2 mod 2^p - 1, the product by multiply, the reduction by shifts
 * and adds (mp_mod_mersenne). */
static void ll_step(ll_state *t, product_fn *multiply)
{
    size_t n_square;
    const uint64_t two = 2;
    check(multiply(t->s, t->n, t->s, t->n, t->square, 2 * t->m + 2, &n_square), "product");
    check(mp_mod_mersenne(t->square, n_square, t->p, t->s, t->m + 1, &t->n), "mp_mod_mersenne");
    if (mp_compare(t->s, t->n, &two, 1) < 0) /* s - 2 + (2^p - 1) */
        check(mp_add(t->s, t->n, t->modulus, t->m, t->s, t->m + 1, &t->n), "mp_add");
    check(mp_sub(t->s, t->n, &two, 1, t->s, t->m + 1, &t->n), "mp_sub");
}

static void lucas_by_hand(FILE *f, uint64_t p)
{
    const uint64_t four = 4;
    ll_state t = ll_start(p, &four, 1);
    fprintf(f, "p = %" PRIu64 ", modulo 2^%" PRIu64 " - 1 = %" PRIu64 ":\n  s_1 = 4\n", p, p,
            t.modulus[0]);
    for (uint64_t i = 2; i < p; i++) {
        uint64_t before = t.s[0];
        ll_step(&t, mp_mul_schoolbook);
        uint64_t s = t.n ? t.s[0] : 0;
        char step[48];
        snprintf(step, sizeof step, "s_%" PRIu64 " = %" PRIu64 "^2 - 2", i, before);
        fprintf(f, "  %-18s = %-8" PRIu64 " = %" PRIu64 " mod %" PRIu64 "\n", step,
                before * before - 2, s, t.modulus[0]);
    }
    fprintf(f, "  s_%" PRIu64 " %s 0: 2^%" PRIu64 " - 1 is %s (mp_lucas_lehmer: %s)\n\n", p - 1,
            t.n == 0 ? "=" : "!=", p, t.n == 0 ? "prime" : "composite",
            lucas_lehmer(p) ? "prime" : "composite");
    ll_free(&t);
}

static void lucas(void)
{
    const uint64_t limit = quick ? 1300 : 5000;
    FILE *f = open_output("lucas.txt");
    fprintf(f, "Lucas-Lehmer: s_1 = 4, s_(i+1) = s_i^2 - 2 mod 2^p - 1; for an odd prime p,\n"
               "2^p - 1 is prime if and only if s_(p-1) = 0.\n\n");
    lucas_by_hand(f, 7);
    lucas_by_hand(f, 11);
    FILE *times = open_output("lucas.times");
    fprintf(times, "# p  seconds of mp_lucas_lehmer(p), for the exponents of Mersenne primes\n");
    unsigned tested = 0, found = 0;
    double start = now_seconds();
    fprintf(f, "mp_lucas_lehmer on every prime p < %" PRIu64 ": 2^p - 1 is prime for p =", limit);
    for (uint64_t p = 2; p < limit; p++) {
        if (!is_prime(p))
            continue;
        tested++;
        double t0 = now_seconds();
        if (!lucas_lehmer(p))
            continue;
        found++;
        fprintf(f, " %" PRIu64, p);
        fprintf(times, "%-6" PRIu64 " %.6f\n", p, now_seconds() - t0);
    }
    fprintf(f, "\n(%u of the %u primes)\n", found, tested);
    fprintf(times, "# all %u primes below %" PRIu64 ": %.3f s\n", tested, limit, now_seconds() - start);
    close_output(times);
    close_output(f);
}

/* One reduction of a (na limbs) modulo 2^p - 1 written out: the p-bit
 * pieces, their sum, the folds of the sum, against mp_mod_mersenne. */
static void reduce_by_hand(FILE *f, const uint64_t *a, size_t na, uint64_t p, const char *what)
{
    uint64_t mask = ((uint64_t)1 << p) - 1, out[4];
    u128 value = na > 1 ? (u128)a[1] << 64 | a[0] : na ? a[0] : 0, sum = 0;
    fprintf(f, "%s, modulo %" PRIu64 " = 2^%" PRIu64 " - 1, in %" PRIu64 "-bit pieces from the bottom:\n  ",
            what, mask, p, p);
    for (u128 v = value; v; v >>= p) {
        fprintf(f, "%" PRIu64 "%s", (uint64_t)(v & mask), v >> p ? " + " : "");
        sum += v & mask;
    }
    fprintf(f, " = %" PRIu64 "\n", (uint64_t)sum);
    while (sum > mask) {
        fprintf(f, "  fold: %" PRIu64 " = %" PRIu64 " 2^%" PRIu64 " + %" PRIu64 " -> %" PRIu64 " + %" PRIu64,
                (uint64_t)sum, (uint64_t)(sum >> p), p, (uint64_t)(sum & mask), (uint64_t)(sum >> p),
                (uint64_t)(sum & mask));
        sum = (sum >> p) + (sum & mask);
        fprintf(f, " = %" PRIu64 "\n", (uint64_t)sum);
    }
    if (sum == mask)
        fprintf(f, "  %" PRIu64 " = 2^%" PRIu64 " - 1 itself: 0\n", (uint64_t)sum, p);
    size_t n_out;
    check(mp_mod_mersenne(a, na, p, out, 4, &n_out), "mp_mod_mersenne");
    fprintf(f, "  mp_mod_mersenne: %" PRIu64 "; a %% (2^%" PRIu64 " - 1) = %" PRIu64 "\n\n",
            n_out ? out[0] : 0, p, (uint64_t)(value % mask));
}

static void mersenne_mod(void)
{
    FILE *f = open_output("mersenne-mod.txt");
    fprintf(f, "2^p = 1 modulo 2^p - 1: the bits of a above p wrap around to the bottom, so a\n"
               "mod 2^p - 1 is the sum of a's p-bit pieces, folded the same way until it fits.\n\n");
    const uint64_t million = 1000000, trillion = 1000000000000u, m13 = 8191;
    fprintf(f, "1000000 = 11110100001001000000 in binary.\n");
    reduce_by_hand(f, &million, 1, 7, "a = 1000000");
    reduce_by_hand(f, &trillion, 1, 13, "a = 10^12");
    reduce_by_hand(f, &m13, 1, 13, "a = 8191");
    uint64_t x = ((uint64_t)1 << 61) - 2, square[2];
    size_t n;
    check(mp_mul_schoolbook(&x, 1, &x, 1, square, 2, &n), "mp_mul_schoolbook");
    reduce_by_hand(f, square, n, 61, "a = (2^61 - 2)^2 = (-1)^2");
    close_output(f);
}

/* ---- Sections 3, 4 and 9: the cost of a product --------------------------- */

/* Karatsuba's limb products for n-limb operands with the solution's
 * cut-off (32 limbs): z0, z2 on the halves, z1 on the sums, one limb longer. */
enum { KARATSUBA_CUTOFF = 32 };

static double karatsuba_products(size_t n)
{
    if (n < KARATSUBA_CUTOFF)
        return (double)n * (double)n;
    size_t h = n / 2, high = n - h;
    return karatsuba_products(h) + karatsuba_products(high) + karatsuba_products(high + 1);
}

/* A product to time: method on two random n-limb numbers. */
typedef struct {
    limbs_multiply *method;
    const uint64_t *a, *b;
    uint64_t *r;
    size_t n;
    long batch;
} timed_product;

static void run_product(void *ctx)
{
    timed_product *t = ctx;
    for (long i = 0; i < t->batch; i++)
        check(t->method(t->r, t->a, t->n, t->b, t->n), "product");
}

/* Seconds per call: batches of at least 2 ms, the fastest of five. */
static double seconds_per_call(timed_product *t)
{
    t->batch = 1;
    double once = time_best_of(run_product, t, 1);
    t->batch = once > 2e-3 ? 1 : (long)(2e-3 / fmax(once, 1e-8)) + 1;
    return time_best_of(run_product, t, 5) / (double)t->batch;
}

static mp_status schoolbook_method(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                                   size_t nb)
{
    limbs_mul_basecase(r, a, na, b, nb);
    return MP_OK;
}

/* The FFT product alone, its tables built afresh for every product, as
 * mp_mul builds them. */
static mp_status fft_method(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    return fft_mul(NULL, r, a, na, b, nb);
}

/* One level of Karatsuba over schoolbook halves: where this beats the
 * schoolbook product is where the recursion should stop (its cut-off).
 * With a = a0 + a1 B^h, b = b0 + b1 B^h: z0 = a0 b0, z2 = a1 b1,
 * z1 = (a0 + a1)(b0 + b1) - z0 - z2, a b = z0 + z1 B^h + z2 B^2h. n >= 4. */
static mp_status karatsuba_once(uint64_t *r, const uint64_t *a, size_t n, const uint64_t *b,
                                size_t nb)
{
    (void)nb; /* = n */
    size_t h = n / 2, high = n - h, m = high + 1;
    uint64_t *sa = malloc((4 * m) * sizeof *sa);
    if (!sa)
        return MP_ERR_NOMEM;
    uint64_t *sb = sa + m, *z1 = sa + 2 * m;
    const uint64_t *halves[2] = {a, b};
    uint64_t *sums[2] = {sa, sb};
    for (int k = 0; k < 2; k++) {
        memcpy(sums[k], halves[k] + h, high * sizeof *sa);
        sums[k][high] = limbs_add_1(sums[k] + h, high - h, limbs_add_n(sums[k], sums[k], halves[k], h));
    }
    limbs_mul_basecase(r, a, h, b, h);
    limbs_mul_basecase(r + 2 * h, a + h, high, b + h, high);
    limbs_mul_basecase(z1, sa, m, sb, m);
    limbs_sub_1(z1 + 2 * h, 2 * m - 2 * h, limbs_sub_n(z1, z1, r, 2 * h));
    limbs_sub_1(z1 + 2 * high, 2 * m - 2 * high, limbs_sub_n(z1, z1, r + 2 * h, 2 * high));
    limbs_add_1(r + h + 2 * m, 2 * n - h - 2 * m, limbs_add_n(r + h, r + h, z1, 2 * m));
    free(sa);
    return MP_OK;
}

/* Whether the four methods give the same products for sizes 4 .. max_n. */
static int products_agree(size_t max_n)
{
    uint64_t *a = allocate(max_n, sizeof *a), *b = allocate(max_n, sizeof *b),
             *r = allocate(8 * max_n, sizeof *r), *results[4] = {r, r + 2 * max_n, r + 4 * max_n, r + 6 * max_n};
    rng g;
    rng_seed(&g, 4);
    int same = 1;
    for (size_t n = 4; n <= max_n; n = n * 3 / 2) {
        for (size_t i = 0; i < n; i++) {
            a[i] = rng_u64(&g);
            b[i] = rng_u64(&g);
        }
        limbs_mul_basecase(results[0], a, n, b, n);
        check(karatsuba_once(results[1], a, n, b, n), "karatsuba_once");
        size_t lengths[2];
        check(mp_mul_karatsuba(a, n, b, n, results[2], 2 * n, &lengths[0]), "mp_mul_karatsuba");
        check(mp_mul(a, n, b, n, results[3], 2 * n, &lengths[1]), "mp_mul");
        for (int k = 1; k < 4; k++)
            same &= memcmp(results[0], results[k], lengths[0] * sizeof *r) == 0;
        same &= lengths[0] == lengths[1] && limbs_norm(results[0], 2 * n) == lengths[0];
    }
    free(a);
    free(b);
    free(r);
    return same;
}

/* The FFT's rounding error against the piece size w and the length. */
static void fft_errors(FILE *f, double *rows, size_t *count)
{
    const unsigned lg_fixed = quick ? 12 : 16, w_fixed = 16, lg_max = quick ? 12 : 20;
    fprintf(f, "\nThe FFT's largest rounding error (distance of a convolution output to the nearest\n"
               "integer; at 1/2 rounding gives a wrong product), squaring random numbers of\n"
               "balanced w-bit pieces, plain radix-2 FFT of 2^%u points; the outputs reach about\n"
               "2^(2w - 2 + log2 points) and a double has 53 bits:\n"
               "w    2w-2+log2(points)  largest error\n", lg_fixed);
    *count = 0;
    for (unsigned w = 10; w <= 24; w++, ++*count) {
        double e = fft_square_error(w, lg_fixed, 1000 + w);
        fprintf(f, "%-4u %-18u %.3g%s\n", w, 2 * w - 2 + lg_fixed, e,
                e > 0.499 ? "  (an output rounded to the wrong integer)" : "");
        rows[3 * *count] = 2 * w - 2 + lg_fixed;
        rows[3 * *count + 1] = e;
        rows[3 * *count + 2] = w;
    }
    fprintf(f, "w = %u bits, growing length:\npoints  2w-2+log2(points)  largest error\n", w_fixed);
    for (unsigned lg = 8; lg <= lg_max; lg += 2, ++*count) {
        double e = fft_square_error(w_fixed, lg, 2000 + lg);
        fprintf(f, "2^%-5u %-18u %.3g\n", lg, 2 * w_fixed - 2 + lg, e);
        rows[3 * *count] = 2 * w_fixed - 2 + lg;
        rows[3 * *count + 1] = e;
        rows[3 * *count + 2] = -(double)lg;
    }
    fprintf(f, "mp_mul's FFT takes w <= 20 with 2w - 2 + log2(points) <= 50 and falls back to\n"
               "Karatsuba if an error exceeds 0.3.\n");
}

/* The columns of the timing table: n, then seconds by schoolbook, Karatsuba,
 * FFT, one Karatsuba step over schoolbook halves. */
enum { COLUMNS = 5 };

/* Whether the method in column `to` beats the one in column `from` at row
 * i (rows of n and times, -1 where not run). */
static int faster_at(const double *rows, size_t i, int from, int to)
{
    const double *row = rows + COLUMNS * i;
    return row[from] >= 0 && row[to] >= 0 && row[to] < row[from];
}

/* The first size at which the method in column `to` is faster than the one
 * in column `from` at that size and the next two (three in a row, so that
 * one noisy timing does not move it), written as "n seconds name". */
static void crossover(FILE *f, const double *rows, size_t count, int from, int to, const char *name)
{
    for (size_t i = 0; i + 2 < count; i++)
        if (faster_at(rows, i, from, to) && faster_at(rows, i + 1, from, to) &&
            faster_at(rows, i + 2, from, to)) {
            fprintf(f, "%.0f %.4e \"%s\"\n", rows[COLUMNS * i], rows[COLUMNS * i + to], name);
            return;
        }
}

/* multiply.times: seconds per product of two random n-limb numbers by
 * each method; multiply-cross.times: where the faster method takes over. */
static void time_products(void)
{
    const size_t max_n = quick ? 1024 : 16384, max_schoolbook = quick ? 256 : 4096;
    uint64_t *a = allocate(max_n, sizeof *a), *b = allocate(max_n, sizeof *b),
             *r = allocate(2 * max_n, sizeof *r);
    rng g;
    rng_seed(&g, 3);
    for (size_t i = 0; i < max_n; i++) {
        a[i] = rng_u64(&g);
        b[i] = rng_u64(&g);
    }
    double rows[COLUMNS * 64];
    size_t count = 0;
    for (double x = 4; x <= (double)max_n * 1.01 && count < 64; x *= sqrt(sqrt(2.0)), count++) {
        size_t n = (size_t)nearbyint(x);
        double *row = rows + COLUMNS * count;
        timed_product t = {schoolbook_method, a, b, r, n, 1};
        row[0] = (double)n;
        row[1] = n <= max_schoolbook ? seconds_per_call(&t) : -1;
        t.method = limbs_mul_karatsuba;
        row[2] = seconds_per_call(&t);
        t.method = fft_method;
        row[3] = n >= 8 ? seconds_per_call(&t) : -1;
        t.method = karatsuba_once;
        row[4] = n <= max_schoolbook ? seconds_per_call(&t) : -1;
    }
    write_table("multiply.times", "n_limbs seconds_per_product: schoolbook Karatsuba(mp_mul_karatsuba) FFT "
                "one_Karatsuba_level_over_schoolbook (-1: not run)", count, COLUMNS, rows);
    FILE *f = open_output("multiply-cross.times");
    fprintf(f, "# n seconds: the first n where the second method is faster three sizes in a row\n");
    crossover(f, rows, count, 1, 4, "one Karatsuba step < schoolbook");
    crossover(f, rows, count, 2, 3, "FFT < Karatsuba");
    close_output(f);
    free(a);
    free(b);
    free(r);
}

static void multiply(void)
{
    FILE *f = open_output("multiply.txt");
    fprintf(f, "Limb products (64 x 64 -> 128 bits) for two n-limb numbers: schoolbook n^2,\n"
               "Karatsuba 3 half-size products down to %d limbs:\n"
               "n        schoolbook     Karatsuba      ratio\n", KARATSUBA_CUTOFF);
    for (size_t n = 4; n <= 4096; n *= 2)
        fprintf(f, "%-8zu %-14.0f %-14.0f %.2f\n", n, (double)n * n, karatsuba_products(n),
                (double)n * n / karatsuba_products(n));
    const size_t max_checked = quick ? 1024 : 4096;
    fprintf(f, "Schoolbook, one Karatsuba step, mp_mul_karatsuba and mp_mul (FFT from 768 limbs)\n"
               "give the same products of random numbers of 4 to %zu limbs: %s\n",
            max_checked, products_agree(max_checked) ? "yes" : "NO");
    double rows[3 * 32];
    size_t count;
    fft_errors(f, rows, &count);
    write_table("multiply.dat", "2w-2+log2(points) largest_error w(or -log2(points))", count, 3, rows);
    close_output(f);
    time_products();
}

enum { LL_STEPS = 10 };

static void run_ll_steps(void *ctx)
{
    for (int k = 0; k < LL_STEPS; k++)
        ll_step(ctx, mp_mul);
}

/* Seconds per Lucas-Lehmer iteration: s^2 - 2 by mp_mul and mp_mod_mersenne
 * (the fastest of three runs of 10 iterations from a random s), and the
 * whole weighted transform test, mp_lucas_lehmer, divided by its p - 2
 * iterations (the fastest of three runs below p = 20000). */
static void lucasspeed(void)
{
    const uint64_t ps[] = {607, 1279, 2203, 3217, 4423, 9689, 11213, 19937, 21701, 44497};
    const size_t count = quick ? 2 : sizeof ps / sizeof ps[0];
    FILE *times = open_output("lucasspeed.times");
    fprintf(times, "# p, seconds per Lucas-Lehmer iteration: mp_mul + mp_mod_mersenne, "
                   "weighted transform (mp_lucas_lehmer / (p - 2))\n");
    rng g;
    rng_seed(&g, 6);
    for (size_t i = 0; i < count; i++) {
        uint64_t p = ps[i], *s0 = allocate((p + 63) / 64, sizeof *s0);
        size_t m = (size_t)((p + 63) / 64);
        for (size_t j = 0; j < m; j++)
            s0[j] = rng_u64(&g);
        s0[m - 1] &= ((uint64_t)1 << (p % 64 - 1)) - 1; /* below 2^p - 1 */
        ll_state t = ll_start(p, s0, m);
        double plain = time_best_of(run_ll_steps, &t, 3) / LL_STEPS, weighted = INFINITY;
        for (int k = 0; k < (p < 20000 ? 3 : 1); k++) {
            double start = now_seconds();
            lucas_lehmer(p);
            weighted = fmin(weighted, (now_seconds() - start) / (double)(p - 2));
        }
        fprintf(times, "%-6" PRIu64 " %.4e %.4e\n", p, plain, weighted);
        ll_free(&t);
        free(s0);
    }
    close_output(times);
}

/* ---- Section 7: to decimal ------------------------------------------------ */

static const double CHI2_9_95 = 16.919, CHI2_9_99 = 21.666; /* 9 degrees of freedom */

/* The decimal digits of 2^p - 1 by mp_to_decimal (allocated), *seconds its time. */
static char *mersenne_decimal(uint64_t p, size_t *len, double *seconds)
{
    size_t n, cap = (size_t)(p / 3 + 3);
    uint64_t *a = mersenne_or_exit(p, &n);
    char *text = allocate(cap, 1);
    double start = now_seconds();
    check(mp_to_decimal(a, n, text, cap, len), "mp_to_decimal");
    *seconds = now_seconds() - start;
    free(a);
    return text;
}

/* The same by repeated division (quadratic), compared: 1 if equal. */
static int quadratic_agrees(uint64_t p, const char *text, size_t len, double *seconds)
{
    size_t n, got;
    uint64_t *a = mersenne_or_exit(p, &n);
    char *slow = allocate(20 * n + 2, 1);
    double start = now_seconds();
    decimal_quadratic(a, n, slow, &got);
    *seconds = now_seconds() - start;
    int same = got == len && memcmp(slow, text, len) == 0;
    free(slow);
    free(a);
    return same;
}

/* Whether mp_from_decimal reads the digits back to 2^p - 1. */
static int round_trip(uint64_t p, const char *text, size_t len)
{
    size_t n, n_back;
    uint64_t *a = mersenne_or_exit(p, &n), *back = allocate(n + 1, sizeof *back);
    check(mp_from_decimal(text, len, back, n + 1, &n_back), "mp_from_decimal");
    int same = mp_compare(a, n, back, n_back) == 0;
    free(a);
    free(back);
    return same;
}

static double chi_square_uniform(const uint64_t counts[10], uint64_t n)
{
    double chi2 = 0, e = (double)n / 10;
    for (int d = 0; d < 10; d++)
        chi2 += ((double)counts[d] - e) * ((double)counts[d] - e) / e;
    return chi2;
}

/* The digit counts of the record whose whole expansion the demo computes. */
typedef struct {
    uint64_t p;
    size_t len;
    uint64_t counts[10];
    char first[21], last[21];
} expansion;

static void decimal(expansion *record)
{
    const uint64_t ps[] = {10000, 30000, 100000, 300000, 1000000, 3000000, 10000000};
    const size_t count = quick ? 2 : sizeof ps / sizeof ps[0];
    const uint64_t max_quadratic = 300000, max_round_trip = 1000000;
    FILE *f = open_output("decimal.txt"), *times = open_output("decimal.times");
    fprintf(f, "2^p - 1 to decimal: mp_to_decimal (divide and conquer by 10^(19 2^k)) against\n"
               "repeated division by 10^19 (quadratic); digits checked against mp_digit_count\n"
               "p          digits     quadratic  mp_from_decimal\n");
    fprintf(times, "# p, digits, seconds: mp_to_decimal, repeated division by 10^19 (-1: not run)\n");
    for (size_t i = 0; i < count; i++) {
        size_t len;
        double fast, slow = -1;
        char *text = mersenne_decimal(ps[i], &len, &fast);
        const char *agree = "-", *back = "-";
        if (ps[i] <= max_quadratic)
            agree = quadratic_agrees(ps[i], text, len, &slow) ? "same" : "DIFFERENT";
        if (ps[i] <= max_round_trip)
            back = round_trip(ps[i], text, len) ? "round trip" : "DIFFERENT";
        fprintf(f, "%-10" PRIu64 " %-10zu %-10s %s%s\n", ps[i], len, agree, back,
                len == digit_count(ps[i]) ? "" : "  WRONG LENGTH");
        fprintf(times, "%-9" PRIu64 " %-9zu %.4e %.4e\n", ps[i], len, fast, slow);
        free(text);
    }
    double seconds;
    char *text = mersenne_decimal(record->p, &record->len, &seconds);
    fprintf(times, "# 2^%" PRIu64 " - 1: %zu digits in %.2f s\n", record->p, record->len, seconds);
    memset(record->counts, 0, sizeof record->counts);
    for (size_t i = 0; i < record->len; i++)
        record->counts[text[i] - '0']++;
    memcpy(record->first, text, 20);
    memcpy(record->last, text + record->len - 20, 20);
    record->first[20] = record->last[20] = '\0';
    free(text);
    fprintf(f, "\n2^%" PRIu64 " - 1 in full: %zu digits; the counts of 0, 1, ..., 9:\n ", record->p,
            record->len);
    for (int d = 0; d < 10; d++)
        fprintf(f, " %" PRIu64, record->counts[d]);
    fprintf(f, "\nchi-square against equal shares %.2f (9 degrees of freedom: 5%% critical value\n"
               "%.3f, 1%% %.3f)\n",
            chi_square_uniform(record->counts, record->len), CHI2_9_95, CHI2_9_99);
    close_output(times);
    close_output(f);
}

/* The digit count, first and last 20 digits of 2^p - 1 without the number. */
static void describe(FILE *f, uint64_t p, char first[21], char last[21])
{
    check(mp_first_digits(p, 20, first), "mp_first_digits");
    last_20_digits(p, last);
    fprintf(f, "2^%" PRIu64 " - 1: %" PRIu64 " digits, %s...%s\n", p, digit_count(p), first, last);
}

static void record(const expansion *e)
{
    FILE *f = open_output("record.txt");
    char first[21], last[21];
    fprintf(f, "From the exponent alone (mp_digit_count, mp_first_digits, and the last digits\n"
               "modulo 10^20):\n");
    for (size_t r = 0; r < 2; r++)
        describe(f, RECORDS[r], first, last);
    describe(f, e->p, first, last);
    fprintf(f, "\nThe whole of 2^%" PRIu64 " - 1 by mp_to_decimal: %zu digits, %s...%s (%s)\n",
            e->p, e->len, e->first, e->last,
            strcmp(first, e->first) == 0 && strcmp(last, e->last) == 0 ? "the same" : "DIFFERENT");
    fprintf(f, "digit   count     share\n");
    for (int d = 0; d < 10; d++)
        fprintf(f, "%d       %-9" PRIu64 " %.5f\n", d, e->counts[d], (double)e->counts[d] / (double)e->len);
    fprintf(f, "chi-square against equal shares %.2f (9 degrees of freedom: 5%% critical value %.3f)\n",
            chi_square_uniform(e->counts, e->len), CHI2_9_95);
    close_output(f);
}

int main(int argc, char **argv)
{
    quick = demo_start(argc, argv);
    composite();
    digits();
    danger();
    lastdigit();
    firstdigits();
    benford();
    lucas();
    mersenne_mod();
    /* The largest Mersenne prime whose digits all fit the demo's time: the
     * records take tens of seconds (the benchmark expands 2^136279841 - 1). */
    expansion e = {quick ? 44497 : 13466917, 0, {0}, "", ""};
    decimal(&e);
    record(&e);
    multiply();
    lucasspeed();
    return 0;
}
