#include "reference.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

/* ---- memory, statuses --------------------------------------------------------------- */

double *alloc_doubles(size_t n)
{
    double *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

uint64_t *alloc_words(size_t n)
{
    uint64_t *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        grade_fail("the grader ran out of memory");
    return p;
}

double *nan_doubles(size_t n)
{
    double *p = alloc_doubles(n);
    for (size_t i = 0; i < n; i++)
        p[i] = NAN;
    return p;
}

const char *status_name(mc_status s)
{
    static const char *const names[] = {
        "MC_OK", "MC_ERR_TODO", "MC_ERR_ARG", "MC_ERR_NAN", "MC_ERR_NOMEM",
    };
    if ((unsigned)s < sizeof names / sizeof names[0])
        return names[s];
    return "an unknown status";
}

void expect_status(mc_status came, mc_status expected, const char *what, ...)
{
    if (came == expected)
        return;
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %s, came %s", label, status_name(expected), status_name(came));
}

void expect_bits(double came, double expected, const char *what, ...)
{
    if (memcmp(&came, &expected, sizeof came) == 0 || (isnan(came) && isnan(expected)))
        return;
    char label[512];
    va_list args;
    va_start(args, what);
    vsnprintf(label, sizeof label, what, args);
    va_end(args);
    grade_fail("%s: expected %.17g (%a), came %.17g (%a)", label, expected, expected, came,
               came);
}

/* ---- the generators ------------------------------------------------------------------ */

static uint64_t rotate_left(uint64_t x, unsigned k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t ref_splitmix64(uint64_t *state)
{
    *state += UINT64_C(0x9e3779b97f4a7c15);
    uint64_t z = *state;
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void ref_seed(mc_rng *g, uint64_t seed)
{
    for (int w = 0; w < 4; w++)
        g->s[w] = ref_splitmix64(&seed);
}

/* One step of the linear engine (the output scrambler aside). */
static void engine_step(uint64_t s[4])
{
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotate_left(s[3], 45);
}

uint64_t ref_next(mc_rng *g)
{
    uint64_t out = rotate_left(g->s[1] * 5, 7) * 9;
    engine_step(g->s);
    return out;
}

/* A linear map of GF(2)^256 by its columns: column j is the image of the
 * state with only bit j set (bit j is bit j % 64 of word j / 64). */
typedef struct {
    uint64_t col[256][4];
} gf2_map;

static void gf2_apply(const gf2_map *m, const uint64_t v[4], uint64_t out[4])
{
    uint64_t r[4] = {0, 0, 0, 0};
    for (int j = 0; j < 256; j++)
        if (v[j / 64] >> (j % 64) & 1)
            for (int w = 0; w < 4; w++)
                r[w] ^= m->col[j][w];
    memcpy(out, r, sizeof r);
}

/* powers[e] = T^(2^e), built once by squaring. */
static const gf2_map *engine_power(unsigned e)
{
    static gf2_map *powers;
    static unsigned built;
    if (!powers) {
        powers = calloc(256, sizeof *powers);
        if (!powers)
            grade_fail("the grader ran out of memory");
        for (int j = 0; j < 256; j++) {
            powers[0].col[j][j / 64] = UINT64_C(1) << (j % 64);
            engine_step(powers[0].col[j]);
        }
    }
    for (; built < e; built++)
        for (int j = 0; j < 256; j++)
            gf2_apply(&powers[built], powers[built].col[j], powers[built + 1].col[j]);
    return &powers[e];
}

void ref_advance_pow2(mc_rng *g, unsigned e)
{
    gf2_apply(engine_power(e), g->s, g->s);
}

void ref_jump(mc_rng *g)
{
    ref_advance_pow2(g, 128);
}

double ref_unit(uint64_t bits)
{
    return ldexp((double)(bits >> 11), -53);
}

double ref_unit_open0(uint64_t bits)
{
    return ldexp((double)((bits >> 11) + 1), -53);
}

void ref_streams(mc_rng streams[MC_STREAMS], uint64_t seed)
{
    ref_seed(&streams[0], seed);
    for (int k = 1; k < MC_STREAMS; k++) {
        streams[k] = streams[k - 1];
        ref_jump(&streams[k]);
    }
}

void ref_streams_uniform(mc_rng streams[MC_STREAMS], double *out, size_t n)
{
    for (size_t r = 0; r * MC_STREAMS < n; r++)
        for (size_t k = 0; k < MC_STREAMS; k++) {
            double u = ref_unit(ref_next(&streams[k]));
            if (r * MC_STREAMS + k < n)
                out[r * MC_STREAMS + k] = u;
        }
}

/* ---- distributions and statistics ------------------------------------------------- */

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double ks_statistic(double *x, size_t n, double (*cdf)(double))
{
    qsort(x, n, sizeof *x, compare_doubles);
    double d = 0;
    for (size_t i = 0; i < n; i++) {
        double f = cdf(x[i]);
        if (isnan(f))
            return INFINITY;
        d = fmax(d, fmax((double)(i + 1) / (double)n - f, f - (double)i / (double)n));
    }
    return d;
}

double normal_cdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

long double poisson_log_pmf(uint64_t k, double lambda)
{
    return (long double)k * logl(lambda) - lambda - lgammal((long double)k + 1);
}

double chi_square_critical(double df, double z)
{
    double c = 2 / (9 * df);
    double root = 1 - c + z * sqrt(c);
    return df * root * root * root;
}

long double binomial_tail(uint64_t n, double p, uint64_t k)
{
    long double sum = 0;
    for (uint64_t i = k; i <= n; i++)
        sum += expl(lgammal((long double)n + 1) - lgammal((long double)i + 1) -
                    lgammal((long double)(n - i) + 1) + (long double)i * logl(p) +
                    (long double)(n - i) * log1pl(-(long double)p));
    return sum;
}

long double chernoff_exponent(uint64_t n, double p, uint64_t k, long double *scale)
{
    long double a = (long double)k / (long double)n, b = 1 - a;
    long double first = a > 0 ? a * logl(a / p) : 0;
    long double second = b > 0 ? b * logl(b / (1 - (long double)p)) : 0;
    if (scale)
        *scale = (long double)n * (fabsl(first) + fabsl(second));
    return (long double)n * (first + second);
}

/* ---- Monte Carlo ------------------------------------------------------------------ */

static int in_quarter_disc(double x, double y)
{
    return x * x + y * y <= 1;
}

uint64_t ref_pi_hits(uint64_t seed, uint64_t n)
{
    mc_rng g;
    ref_seed(&g, seed);
    uint64_t hits = 0;
    for (uint64_t i = 0; i < n; i++) {
        double x = ref_unit(ref_next(&g));
        double y = ref_unit(ref_next(&g));
        hits += in_quarter_disc(x, y);
    }
    return hits;
}

void ref_pi_antithetic(uint64_t seed, uint64_t pairs, long double *estimate,
                       long double *std_error)
{
    mc_rng g;
    ref_seed(&g, seed);
    uint64_t count[3] = {0, 0, 0}; /* pairs of value 0, 1/2 and 1 */
    for (uint64_t i = 0; i < pairs; i++) {
        double x = ref_unit(ref_next(&g));
        double y = ref_unit(ref_next(&g));
        count[in_quarter_disc(x, y) + in_quarter_disc(1 - x, 1 - y)]++;
    }
    long double m = pairs;
    long double mean = (0.5L * count[1] + count[2]) / m;
    long double ss = count[0] * mean * mean + count[1] * (0.5L - mean) * (0.5L - mean) +
                     count[2] * (1 - mean) * (1 - mean);
    *estimate = 4 * mean;
    *std_error = 4 * sqrtl(ss / (m - 1)) / sqrtl(m);
}

void ref_pi_stratified(uint64_t seed, uint64_t k, uint64_t per_cell, long double *estimate,
                       long double *std_error)
{
    mc_rng g;
    ref_seed(&g, seed);
    long double sum_q = 0, sum_var = 0, m = per_cell;
    for (uint64_t a = 0; a < k; a++)
        for (uint64_t b = 0; b < k; b++) {
            uint64_t hits = 0;
            for (uint64_t i = 0; i < per_cell; i++) {
                double x = ((double)a + ref_unit(ref_next(&g))) / (double)k;
                double y = ((double)b + ref_unit(ref_next(&g))) / (double)k;
                hits += in_quarter_disc(x, y);
            }
            long double q = hits / m;
            sum_q += q;
            sum_var += m * q * (1 - q) / (m - 1) / m;
        }
    long double cells = (long double)k * k;
    *estimate = 4 * sum_q / cells;
    *std_error = 4 / cells * sqrtl(sum_var);
}

long double ref_radical_inverse(uint64_t index, unsigned base)
{
    long double digits = 0, scale = 1;
    for (; index > 0; index /= base) {
        digits = digits * base + (long double)(index % base);
        scale *= base;
    }
    return digits / scale;
}

unsigned ref_prime(unsigned d)
{
    unsigned count = 0;
    for (unsigned p = 2;; p++) {
        int prime = 1;
        for (unsigned q = 2; q * q <= p; q++)
            if (p % q == 0)
                prime = 0;
        if (prime && count++ == d)
            return p;
    }
}

uint64_t ref_halton_hits(uint64_t n)
{
    uint64_t hits = 0;
    for (uint64_t i = 1; i <= n; i++)
        hits += in_quarter_disc((double)ref_radical_inverse(i, 2),
                                (double)ref_radical_inverse(i, 3));
    return hits;
}

void expect_estimate(const mc_estimate *came, long double estimate, long double std_error,
                     double z, double tolerance, const char *what)
{
    long double scale = fabsl(estimate) + z * std_error;
    if (!(fabsl(came->estimate - estimate) <= tolerance * fabsl(estimate)))
        grade_fail("%s: estimate expected %.17Lg, came %.17g", what, estimate, came->estimate);
    if (!(fabsl(came->std_error - std_error) <= tolerance * std_error + 1e-300L))
        grade_fail("%s: std_error expected %.17Lg, came %.17g", what, std_error, came->std_error);
    long double low = estimate - z * std_error, high = estimate + z * std_error;
    if (!(fabsl(came->low - low) <= tolerance * scale))
        grade_fail("%s: low expected estimate - z std_error = %.17Lg, came %.17g", what, low,
                   came->low);
    if (!(fabsl(came->high - high) <= tolerance * scale))
        grade_fail("%s: high expected estimate + z std_error = %.17Lg, came %.17g", what, high,
                   came->high);
}
