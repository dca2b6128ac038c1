/* demo.c: computes every number and figure of lesson 09 from the solution.
 *
 *     build/solutions/opt/bin/demo-09-concentration OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it) and OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside
 * this file). The generators, samplers, bounds, pi estimators and Halton
 * points all come from the lesson's API (concentration.h); RANDU and the
 * linear congruential generator it is compared with are a few lines here,
 * and exact.c holds the closed forms the simulations are checked against.
 * Every random number comes from a seed written next to its result.
 *
 * With DEMO_QUICK=1 in the environment every sample is about a hundred
 * times smaller: every code path still runs, fast enough for Valgrind, and
 * the numbers written are not the chapter's. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../demo.h"
#include "concentration.h"
#include "exact.h"

/* Set once by main from DEMO_QUICK: shorten the long loops. */
static int quick;

static const double PI = 3.14159265358979323846;
static const double Z95 = 1.959963984540054; /* two-sided 95 %: P(|Z| >= Z95) = 0.05 */

static void check(mc_status status, const char *what)
{
    if (status != MC_OK) {
        fprintf(stderr, "demo: %s: %s\n", what, mc_status_str(status));
        exit(1);
    }
}

static void *allocate(size_t count, size_t size)
{
    void *p = calloc(count, size);
    if (!p) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    return p;
}

/* A sample size: full, or a hundredth of it (at least 100) in quick mode. */
static size_t scaled(size_t full)
{
    return quick ? (full / 100 > 100 ? full / 100 : 100) : full;
}

static mc_rng seeded(uint64_t seed)
{
    mc_rng g;
    check(mc_seed(&g, seed), "mc_seed");
    return g;
}

static double uniform(mc_rng *g)
{
    return mc_unit(mc_next(g));
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- Section 2: random bits ------------------------------------------------ */

static void print_outputs(FILE *f, mc_rng *g, int count)
{
    for (int k = 0; k < count; k++) {
        uint64_t x = mc_next(g);
        fprintf(f, "  0x%016" PRIx64 " = %20" PRIu64 "\n", x, x);
    }
}

/* bits.txt: splitmix64 and xoshiro256** outputs, a jump, bits to doubles. */
static void bits(void)
{
    FILE *f = open_output("bits.txt");
    uint64_t state = 0;
    fprintf(f, "splitmix64 from state 0, first three outputs:\n");
    for (int k = 0; k < 3; k++) {
        uint64_t x = mc_splitmix64(&state);
        fprintf(f, "  0x%016" PRIx64 " = %20" PRIu64 "\n", x, x);
    }
    mc_rng g = seeded(1);
    fprintf(f, "\nmc_seed(1): state = four splitmix64 outputs from state 1:\n");
    for (int w = 0; w < 4; w++)
        fprintf(f, "  s[%d] = 0x%016" PRIx64 "\n", w, g.s[w]);
    fprintf(f, "xoshiro256** after mc_seed(1), first four outputs:\n");
    print_outputs(f, &g, 4);
    mc_rng jumped = seeded(1);
    check(mc_jump(&jumped), "mc_jump");
    fprintf(f, "after mc_seed(1) and one mc_jump (2^128 steps ahead), first four outputs:\n");
    print_outputs(f, &jumped, 4);

    static const uint64_t words[4] = {0, 1, UINT64_C(1) << 63, UINT64_MAX};
    fprintf(f, "\n64 bits to a double: m = bits >> 11, mc_unit = m 2^-53, mc_unit_open0 = (m + 1) 2^-53\n");
    fprintf(f, "  bits                m                 mc_unit               mc_unit_open0\n");
    for (int k = 0; k < 4; k++) {
        uint64_t b = words[k];
        fprintf(f, "  0x%016" PRIx64 "  %16" PRIu64 "  %-20.17g  %.17g\n", b, b >> 11, mc_unit(b),
                mc_unit_open0(b));
    }
    fprintf(f, "  (2^-53 = %.17g; 1 - 2^-53 is the largest double below 1)\n", 0x1p-53);
    close_output(f);
}

/* ---- Section 2: testing generators ----------------------------------------- */

/* The generators under test, one state each. RANDU: x <- 65539 x mod 2^31,
 * u = x / 2^31. The LCG of glibc's TYPE_0 rand() (the multiplier and
 * increment of the C standard's sample rand()): x <- 1103515245 x + 12345
 * mod 2^31, u = x / 2^31 from all 31 bits, or from its lowest 16 bits
 * alone, u = (x mod 2^16) / 2^16. */
typedef enum { RANDU, LCG, LCG_LOW, XOSHIRO, GENERATORS } generator_kind;

static const char *generator_names[GENERATORS] = {
    "RANDU, x/2^31", "LCG, x/2^31", "LCG, low 16 bits", "xoshiro256**"};

typedef struct {
    generator_kind kind;
    uint32_t x;
    mc_rng g;
} generator;

static generator generator_start(generator_kind kind, uint64_t seed)
{
    generator gen = {kind, (uint32_t)seed, seeded(seed)};
    return gen;
}

static uint32_t randu_next(uint32_t x)
{
    return (uint32_t)(65539u * (uint64_t)x & 0x7fffffffu);
}

static uint32_t lcg_next(uint32_t x)
{
    return (uint32_t)((1103515245u * (uint64_t)x + 12345u) & 0x7fffffffu);
}

static double generator_uniform(generator *gen)
{
    switch (gen->kind) {
    case RANDU:
        gen->x = randu_next(gen->x);
        return gen->x * 0x1p-31;
    case LCG:
        gen->x = lcg_next(gen->x);
        return gen->x * 0x1p-31;
    case LCG_LOW:
        gen->x = lcg_next(gen->x);
        return (gen->x & 0xffffu) * 0x1p-16;
    default:
        return uniform(&gen->g);
    }
}

/* Pearson's statistic of counts against equal expected counts. */
static double chi_square(const uint64_t *counts, size_t cells, double expected)
{
    double x2 = 0.0;
    for (size_t c = 0; c < cells; c++) {
        double d = (double)counts[c] - expected;
        x2 += d * d / expected;
    }
    return x2;
}

typedef struct {
    double equi, serial, cube;
} test_results;

enum { BINS = 1000, CUBE_SIDE = 20 };

static test_results run_tests(generator_kind kind, uint64_t seed, size_t n)
{
    generator gen = generator_start(kind, seed);
    double *u = allocate(n, sizeof *u);
    uint64_t *counts = allocate(CUBE_SIDE * CUBE_SIDE * CUBE_SIDE, sizeof *counts);
    double mean = 0.0;
    for (size_t i = 0; i < n; i++) {
        u[i] = generator_uniform(&gen);
        counts[(size_t)(u[i] * BINS)]++;
        mean += u[i];
    }
    test_results r;
    r.equi = chi_square(counts, BINS, (double)n / BINS);
    mean /= (double)n;
    double lagged = 0.0, squares = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = u[i] - mean;
        squares += d * d;
        if (i + 1 < n)
            lagged += d * (u[i + 1] - mean);
    }
    r.serial = lagged / squares;
    /* non-overlapping triples, continuing the same sequence */
    memset(counts, 0, CUBE_SIDE * CUBE_SIDE * CUBE_SIDE * sizeof *counts);
    for (size_t i = 0; i < n; i++) {
        size_t cell = 0;
        for (int c = 0; c < 3; c++)
            cell = cell * CUBE_SIDE + (size_t)(generator_uniform(&gen) * CUBE_SIDE);
        counts[cell]++;
    }
    r.cube = chi_square(counts, CUBE_SIDE * CUBE_SIDE * CUBE_SIDE,
                        (double)n / (CUBE_SIDE * CUBE_SIDE * CUBE_SIDE));
    free(counts);
    free(u);
    return r;
}

/* A statistic against the 0.5 % and 99.5 % points of its law. */
static const char *verdict(double statistic, double low, double high)
{
    return statistic < low ? "FAIL (too even)" : statistic > high ? "FAIL (too uneven)" : "pass";
}

/* RANDU's triples: 9 x_k - 6 x_{k+1} + x_{k+2} is a multiple of 2^31; the
 * distinct multiples met over count triples. */
static int randu_planes(size_t count)
{
    uint32_t x0 = 1, x1 = randu_next(x0), x2 = randu_next(x1);
    int seen[32] = {0}, distinct = 0;
    for (size_t k = 0; k < count; k++) {
        int64_t c = 9 * (int64_t)x0 - 6 * (int64_t)x1 + (int64_t)x2;
        int plane = (int)(c / (INT64_C(1) << 31)) + 16;
        if (c % (INT64_C(1) << 31) == 0 && plane >= 0 && plane < 32 && !seen[plane]++)
            distinct++;
        x0 = x1;
        x1 = x2;
        x2 = randu_next(x2);
    }
    return distinct;
}

/* generators.txt: three tests for each generator, with their critical values. */
static void generators(void)
{
    const size_t n = scaled(1000000);
    const uint64_t seed = 1;
    const double df1 = BINS - 1, df3 = CUBE_SIDE * CUBE_SIDE * CUBE_SIDE - 1;
    const double z995 = 2.5758293035489004; /* P(Z >= z995) = 0.005 */
    double lo1 = chi2_quantile(df1, -z995), hi1 = chi2_quantile(df1, z995);
    double lo3 = chi2_quantile(df3, -z995), hi3 = chi2_quantile(df3, z995);
    double r_max = z995 / sqrt((double)n);
    FILE *f = open_output("generators.txt");
    fprintf(f, "RANDU: x <- 65539 x mod 2^31; LCG: x <- (1103515245 x + 12345) mod 2^31 (glibc's "
               "TYPE_0 rand());\nboth u = x / 2^31, or the LCG's lowest 16 bits alone, "
               "u = (x mod 2^16) / 2^16; xoshiro256**: mc_unit(mc_next)\n");
    fprintf(f, "%zu uniforms from each generator, seed 1 (x_0 = 1 for RANDU and the LCG)\n", n);
    fprintf(f, "equidistribution: chi-square on %d equal bins, %g degrees of freedom\n", BINS, df1);
    fprintf(f, "serial correlation: lag-1 correlation r of u_i and u_{i+1}\n");
    fprintf(f, "3-D cells: chi-square of the next %zu non-overlapping triples in %d^3 cells, "
               "%g degrees of freedom\n", n, CUBE_SIDE, df3);
    fprintf(f, "a test passes when its statistic lies between the 0.5 %% and 99.5 %% points of its\n"
               "law for independent uniforms (so a perfect generator fails 1 %% of tests by chance):\n");
    fprintf(f, "  chi-square %g df: %.1f .. %.1f; %g df: %.1f .. %.1f (Wilson-Hilferty);"
               " |r| < 2.576/sqrt(n) = %.5f\n\n", df1, lo1, hi1, df3, lo3, hi3, r_max);
    fprintf(f, "generator          equidistribution             serial r        3-D cells\n");
    for (int k = 0; k < GENERATORS; k++) {
        test_results r = run_tests((generator_kind)k, seed, n);
        fprintf(f, "%-18s %9.1f %-17s  %+8.5f %-4s  %9.1f %s\n", generator_names[k], r.equi,
                verdict(r.equi, lo1, hi1), r.serial, fabs(r.serial) < r_max ? "pass" : "FAIL",
                r.cube, verdict(r.cube, lo3, hi3));
    }
    size_t triples = scaled(1000000);
    fprintf(f, "\nRANDU: 9 u_k - 6 u_{k+1} + u_{k+2} is an integer for every k: over %zu triples it "
               "takes %d values,\nso every triple lies on one of %d parallel planes\n",
            triples, randu_planes(triples), randu_planes(triples));
    fprintf(f, "lowest bit of the LCG's x, first 16 outputs:  ");
    uint32_t x = 1;
    for (int k = 0; k < 16; k++)
        fprintf(f, "%u", (unsigned)((x = lcg_next(x)) & 1));
    mc_rng g = seeded(seed);
    fprintf(f, "\nlowest bit of xoshiro256**, first 16 outputs: ");
    for (int k = 0; k < 16; k++)
        fprintf(f, "%u", (unsigned)(mc_next(&g) & 1));
    fprintf(f, "\n(the lowest k bits of this LCG repeat with period 2^k: its low 16 bits run through "
               "their 65536 values\nin turn, %.1f times over %zu draws, which is why their histogram "
               "is too even)\n", (double)n / 65536, n);
    close_output(f);
}

/* randu.dat: triples of RANDU and of xoshiro256**, seen along a direction
 * that lies in RANDU's planes: h = 9 u_k - 6 u_{k+1} + u_{k+2} across the
 * planes, v = (17 u_k + 28 u_{k+1} + 15 u_{k+2}) / 60 along them (the two
 * directions are orthogonal). */
static void randu_figure(void)
{
    const size_t count = 2000;
    FILE *f = open_output("randu.dat");
    fprintf(f, "# %zu non-overlapping triples (u0, u1, u2); h = 9 u0 - 6 u1 + u2, "
               "v = (17 u0 + 28 u1 + 15 u2) / 60\n# index 0: RANDU from x = 1; index 1: "
               "xoshiro256** from mc_seed(1)\n", count);
    for (int k = 0; k < 2; k++) {
        generator gen = generator_start(k == 0 ? RANDU : XOSHIRO, 1);
        fprintf(f, "# h v\n");
        for (size_t i = 0; i < count; i++) {
            double u0 = generator_uniform(&gen), u1 = generator_uniform(&gen);
            double u2 = generator_uniform(&gen);
            fprintf(f, "%.5f %.5f\n", 9 * u0 - 6 * u1 + u2, (17 * u0 + 28 * u1 + 15 * u2) / 60);
        }
        fprintf(f, "\n\n");
    }
    close_output(f);
}

/* ---- Section 3: samplers ----------------------------------------------------- */

/* One histogram of x[0 .. n) in bins of [lo, hi), as a density, against
 * the density at each bin's centre. */
static void write_histogram(FILE *f, const double *x, size_t n, double lo, double hi, int bins,
                            double (*density)(double))
{
    uint64_t *counts = allocate((size_t)bins, sizeof *counts);
    double width = (hi - lo) / bins;
    for (size_t i = 0; i < n; i++)
        if (x[i] >= lo && x[i] < hi)
            counts[(size_t)((x[i] - lo) / width)]++;
    for (int b = 0; b < bins; b++) {
        double centre = lo + (b + 0.5) * width;
        fprintf(f, "%.4f %.6f %.6f\n", centre, (double)counts[b] / ((double)n * width),
                density(centre));
    }
    fprintf(f, "\n\n");
    free(counts);
}

static double exponential_density(double x)
{
    return exp(-x);
}

static double normal_density(double x)
{
    return exp(-x * x / 2) / sqrt(2 * PI);
}

static void write_moments(FILE *f, const char *what, const double *x, size_t n, double mean,
                          double variance)
{
    double m, v;
    check(mc_mean_variance(x, n, &m, &v), "mc_mean_variance");
    fprintf(f, "# %s: sample mean %.4f (exact %g), sample variance %.4f (exact %g)\n", what, m,
            mean, v, variance);
}

/* samplers.dat: histograms of the three samplers against their laws. */
static void samplers(void)
{
    const size_t n = scaled(100000);
    double *x = allocate(n, sizeof *x);
    uint64_t *k = allocate(n, sizeof *k);
    FILE *f = open_output("samplers.dat");
    fprintf(f, "# %zu draws from each sampler; index 0: mc_exponential(rate 1, seed 11), "
               "index 1: mc_normal (seed 12),\n# index 2: mc_poisson(4, seed 13)\n", n);
    mc_rng g = seeded(11);
    check(mc_exponential(&g, 1.0, x, n), "mc_exponential");
    write_moments(f, "exponential(1)", x, n, 1, 1);
    fprintf(f, "# bin centre, histogram (density), exp(-x)\n");
    write_histogram(f, x, n, 0.0, 6.0, 40, exponential_density);
    g = seeded(12);
    check(mc_normal(&g, x, n), "mc_normal");
    write_moments(f, "normal(0, 1)", x, n, 0, 1);
    fprintf(f, "# bin centre, histogram (density), normal density\n");
    write_histogram(f, x, n, -4.0, 4.0, 40, normal_density);
    g = seeded(13);
    check(mc_poisson(&g, 4.0, k, n), "mc_poisson");
    for (size_t i = 0; i < n; i++)
        x[i] = (double)k[i];
    write_moments(f, "Poisson(4)", x, n, 4, 4);
    fprintf(f, "# k, fraction of draws equal to k, P(X = k)\n");
    uint64_t counts[16] = {0};
    for (size_t i = 0; i < n; i++)
        if (k[i] < 16)
            counts[k[i]]++;
    for (uint64_t j = 0; j < 16; j++)
        fprintf(f, "%" PRIu64 " %.6f %.6f\n", j, (double)counts[j] / (double)n, poisson_pmf(4.0, j));
    close_output(f);
    free(k);
    free(x);
}

/* ---- Section 4: Markov and Chebyshev ---------------------------------------- */

/* n draws of a discrete law: value[j] with probability prob[j]. */
static void draw_discrete(mc_rng *g, const double *value, const double *prob, int levels,
                          double *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double u = uniform(g), cumulative = 0.0;
        int j = 0;
        while (j + 1 < levels && u >= (cumulative += prob[j]))
            j++;
        x[i] = value[j];
    }
}

static double markov_bound(double mean, double a)
{
    double bound;
    check(mc_markov(mean, a, &bound), "mc_markov");
    return bound;
}

static double chebyshev_bound(double variance, double t)
{
    double bound;
    check(mc_chebyshev(variance, t, &bound), "mc_chebyshev");
    return bound;
}

static double tail_of(const double *x, size_t n, double a)
{
    double fraction;
    check(mc_tail(x, n, a, &fraction), "mc_tail");
    return fraction;
}

/* markov.txt: the beer example, the law that makes Markov tight, and a
 * law that breaks it because it can be negative. */
static void markov(void)
{
    const size_t n = scaled(1000000);
    double *x = allocate(n, sizeof *x);
    FILE *f = open_output("markov.txt");
    fprintf(f, "Markov: P(X >= a) <= E[X] / a, for X >= 0\n\n");
    fprintf(f, "beer: E[X] = 40 a day, a = 80: P(X >= 80) <= %.4g (mc_markov)\n",
            markov_bound(40, 80));
    uint64_t *k = allocate(n, sizeof *k);
    mc_rng g = seeded(21);
    check(mc_poisson(&g, 40.0, k, n), "mc_poisson");
    for (size_t i = 0; i < n; i++)
        x[i] = (double)k[i];
    free(k);
    fprintf(f, "  if sales are Poisson(40): P(X >= 80) = %.3g (exact sum); %zu simulated days "
               "(seed 21):\n  fraction at or above 80: %.3g\n", poisson_upper(40, 80), n,
            tail_of(x, n, 80));

    const double two_point[2] = {0, 80}, halves[2] = {0.5, 0.5};
    g = seeded(22);
    draw_discrete(&g, two_point, halves, 2, x, n);
    double mean, variance;
    check(mc_mean_variance(x, n, &mean, &variance), "mc_mean_variance");
    fprintf(f, "\nthe tight case: X = 0 or 80 with probability 1/2 each: E[X] = 40, "
               "P(X >= 80) = 0.5 = the bound\n");
    fprintf(f, "  %zu draws (seed 22): mean %.4f, fraction >= 80: %.4f\n", n, mean,
            tail_of(x, n, 80));
    fprintf(f, "  the same law at a = 40, 60, 79: P(X >= a) = 0.5; bounds %.4g, %.4g, %.4g\n",
            markov_bound(40, 40), markov_bound(40, 60), markov_bound(40, 79));
    fprintf(f, "  (tight at a = 80 only: all the mass sits at 0 and at a)\n");

    const double negative[2] = {-320, 80}, weights[2] = {0.1, 0.9};
    g = seeded(23);
    draw_discrete(&g, negative, weights, 2, x, n);
    check(mc_mean_variance(x, n, &mean, &variance), "mc_mean_variance");
    fprintf(f, "\nwithout X >= 0 the bound fails: X = -320 with probability 0.1, 80 with 0.9:\n"
               "  E[X] = 40 but P(X >= 80) = 0.9 > 0.5\n");
    fprintf(f, "  %zu draws (seed 23): mean %.4f, fraction >= 80: %.4f\n", n, mean,
            tail_of(x, n, 80));
    close_output(f);
    free(x);
}

/* chebyshev.txt: 1/k^2 against the normal law, and the tight three-point law. */
static void chebyshev(void)
{
    const size_t n = scaled(1000000);
    double *x = allocate(n, sizeof *x), *dev = allocate(n, sizeof *dev);
    FILE *f = open_output("chebyshev.txt");
    mc_rng g = seeded(31);
    check(mc_normal(&g, x, n), "mc_normal");
    for (size_t i = 0; i < n; i++)
        dev[i] = fabs(x[i]);
    fprintf(f, "Chebyshev: P(|X - mu| >= k sigma) <= 1/k^2, so at least 1 - 1/k^2 lies within k sigma\n");
    fprintf(f, "%zu standard normals from mc_normal (seed 31)\n\n", n);
    fprintf(f, "k   Chebyshev: within, at least   normal: within, exactly   normal, measured\n");
    for (int k = 1; k <= 3; k++) {
        double bound = chebyshev_bound(1.0, k);
        fprintf(f, "%d   %8.2f %%                     %6.2f %%                  %6.2f %%\n", k,
                100 * (1 - bound), 100 * (1 - 2 * normal_upper(k)),
                100 * (1 - tail_of(dev, n, k)));
    }
    fprintf(f, "\nthe tight case for k: X = -k, 0, +k with probabilities 1/(2k^2), 1 - 1/k^2, "
               "1/(2k^2):\nmean 0, variance 1, P(|X| >= k) = 1/k^2 exactly\n");
    for (int k = 2; k <= 3; k++) {
        double value[3] = {-k, 0, k}, edge = 1.0 / (2.0 * k * k);
        double prob[3] = {edge, 1 - 2 * edge, edge}, mean, variance;
        g = seeded(31 + (uint64_t)k);
        draw_discrete(&g, value, prob, 3, x, n);
        check(mc_mean_variance(x, n, &mean, &variance), "mc_mean_variance");
        for (size_t i = 0; i < n; i++)
            dev[i] = fabs(x[i]);
        fprintf(f, "  k = %d: bound %.4f; %zu draws (seed %d): mean %+.4f, variance %.4f, "
                   "fraction |X| >= %d: %.4f\n", k, chebyshev_bound(1.0, k), n, 31 + k, mean,
                variance, k, tail_of(dev, n, k));
    }
    close_output(f);
    free(dev);
    free(x);
}

/* ---- Section 4.3: bounds against true tails ---------------------------------- */

typedef struct {
    const char *name;
    double mean, variance;
    double lo, hi;     /* the thresholds a: from lo to hi */
    int steps;         /* thresholds lo + (hi - lo) j / steps, j = 1 .. steps */
    int geometric;     /* or lo (hi / lo)^(j / steps), j = 0 .. steps */
    double (*tail)(double a);
} tail_case;

static double exponential_tail(double a)
{
    return a <= 0 ? 1.0 : exp(-a);
}

static double uniform_tail(double a)
{
    return a <= 0 ? 1.0 : a >= 1 ? 0.0 : 1.0 - a;
}

static double poisson40_tail(double a)
{
    return a <= 0 ? 1.0 : poisson_upper(40.0, (uint64_t)ceil(a));
}

static double pareto3_tail(double a)
{
    return a <= 1 ? 1.0 : 1.0 / (a * a * a);
}

/* n draws of case k: exponential(1), uniform(0, 1), Poisson(40), Pareto(3)
 * with minimum 1 (by inversion, u^(-1/3) for u in (0, 1]). */
static void tail_sample(int k, mc_rng *g, double *x, size_t n)
{
    if (k == 0) {
        check(mc_exponential(g, 1.0, x, n), "mc_exponential");
    } else if (k == 2) {
        uint64_t *counts = allocate(n, sizeof *counts);
        check(mc_poisson(g, 40.0, counts, n), "mc_poisson");
        for (size_t i = 0; i < n; i++)
            x[i] = (double)counts[i];
        free(counts);
    } else {
        for (size_t i = 0; i < n; i++) {
            uint64_t bits = mc_next(g);
            x[i] = k == 1 ? mc_unit(bits) : pow(mc_unit_open0(bits), -1.0 / 3.0);
        }
    }
}

/* tails.dat: Markov and Chebyshev against P(X >= a) for four laws. */
static void tails(void)
{
    static const tail_case cases[4] = {
        {"exponential(1)", 1.0, 1.0, 0.0, 10.0, 100, 0, exponential_tail},
        {"uniform(0, 1)", 0.5, 1.0 / 12, 0.0, 1.0, 100, 0, uniform_tail},
        {"Poisson(40)", 40.0, 40.0, 0.0, 120.0, 120, 0, poisson40_tail},
        {"Pareto(3), minimum 1", 1.5, 0.75, 1.0, 30.0, 100, 1, pareto3_tail},
    };
    const size_t n = scaled(1000000);
    double *x = allocate(n, sizeof *x);
    FILE *f = open_output("tails.dat");
    fprintf(f, "# P(X >= a) and its bounds; one index per law; sample: %zu draws, seed 41 + index\n"
               "# Chebyshev one-sided: P(X >= a) <= P(|X - mu| >= a - mu) <= var / (a - mu)^2 "
               "for a > mu (1 below)\n", n);
    for (int k = 0; k < 4; k++) {
        const tail_case *c = &cases[k];
        mc_rng g = seeded(41 + (uint64_t)k);
        tail_sample(k, &g, x, n);
        fprintf(f, "# %s: mean %g, variance %g\n# a, P(X >= a), Markov, Chebyshev, "
                   "fraction of the sample >= a\n", c->name, c->mean, c->variance);
        for (int j = !c->geometric; j <= c->steps; j++) {
            double a = c->geometric ? c->lo * pow(c->hi / c->lo, (double)j / c->steps)
                                    : c->lo + (c->hi - c->lo) * j / c->steps;
            double cheb = a > c->mean ? chebyshev_bound(c->variance, a - c->mean) : 1.0;
            fprintf(f, "%g %.6g %.6g %.6g %.6g\n", a, c->tail(a), markov_bound(c->mean, a), cheb,
                    tail_of(x, n, a));
        }
        fprintf(f, "\n\n");
    }
    close_output(f);
    free(x);
}

/* ---- Section 5: the weak law --------------------------------------------------- */

/* The means of reps samples of n uniforms on [0, 1), from the bulk
 * generator g, into means[0 .. reps). */
static void uniform_means(mc_streams *g, size_t n, size_t reps, double *means, double *buffer)
{
    for (size_t r = 0; r < reps; r++) {
        check(mc_streams_uniform(g, buffer, n), "mc_streams_uniform");
        double sum = 0.0;
        for (size_t i = 0; i < n; i++)
            sum += buffer[i];
        means[r] = sum / (double)n;
    }
}

/* The order statistic at fraction q of sorted[0 .. count). */
static double quantile(const double *sorted, size_t count, double q)
{
    size_t i = (size_t)(q * (double)count);
    return sorted[i < count ? i : count - 1];
}

static uint64_t samples_chebyshev(double variance, double eps, double delta)
{
    uint64_t n;
    check(mc_samples_chebyshev(variance, eps, delta, &n), "mc_samples_chebyshev");
    return n;
}

static uint64_t samples_hoeffding(double range, double eps, double delta)
{
    uint64_t n;
    check(mc_samples_hoeffding(range, eps, delta, &n), "mc_samples_hoeffding");
    return n;
}

/* weaklaw.dat and weaklaw.txt: the spread of the mean of n uniforms. */
static void weak_law(void)
{
    static const size_t sizes[] = {1,   2,   3,    5,    10,   20,   30,   50,   100,
                                   200, 300, 500,  1000, 2000, 3000, 5000, 10000};
    const size_t count = sizeof sizes / sizeof *sizes, reps = scaled(4000);
    const double variance = 1.0 / 12, delta = 0.05, sigma = sqrt(variance);
    double *means = allocate(reps, sizeof *means), *buffer = allocate(100000, sizeof *buffer);
    mc_streams g;
    check(mc_streams_seed(&g, 51), "mc_streams_seed");
    FILE *f = open_output("weaklaw.dat"), *t = open_output("weaklaw.txt");
    fprintf(f, "# mean M_n of n uniforms on [0, 1) (mu = 0.5, variance 1/12), %zu repetitions "
               "per n, mc_streams seed 51\n# n, quantiles of M_n at 0.5 %% 2.5 %% 25 %% 50 %% "
               "75 %% 97.5 %% 99.5 %%, 95 %% half-widths: Chebyshev, Hoeffding, normal\n", reps);
    fprintf(t, "the mean M_n of n uniforms on [0, 1): mu = 1/2, variance 1/12, range 1\n");
    fprintf(t, "%zu repetitions per n (mc_streams seed 51); half-width of the interval that holds "
               "M_n with probability 95 %%:\n", reps);
    fprintf(t, "measured: the 95th percentile of |M_n - 1/2|; Chebyshev: sqrt(variance / (0.05 n)); "
               "Hoeffding: sqrt(ln 40 / 2n)\n");
    fprintf(t, "      n   measured   Chebyshev   Hoeffding   normal (1.96 sigma/sqrt n)\n");
    for (size_t s = 0; s < count; s++) {
        size_t n = sizes[s];
        uniform_means(&g, n, reps, means, buffer);
        qsort(means, reps, sizeof *means, compare_doubles);
        double cheb = sqrt(variance / (n * delta)), hoef = sqrt(log(2 / delta) / (2.0 * n));
        double normal = Z95 * sigma / sqrt((double)n);
        fprintf(f, "%zu", n);
        static const double qs[7] = {0.005, 0.025, 0.25, 0.5, 0.75, 0.975, 0.995};
        for (int q = 0; q < 7; q++)
            fprintf(f, " %.6f", quantile(means, reps, qs[q]));
        fprintf(f, " %.6f %.6f %.6f\n", cheb, hoef, normal);
        for (size_t r = 0; r < reps; r++)
            means[r] = fabs(means[r] - 0.5);
        qsort(means, reps, sizeof *means, compare_doubles);
        if (n == 10 || n == 100 || n == 1000 || n == 10000)
            fprintf(t, "%7zu   %.5f    %.5f     %.5f     %.5f\n", n, quantile(means, reps, 0.95),
                    cheb, hoef, normal);
    }
    close_output(f);
    free(means);

    const double eps = 0.01, deltas[3] = {0.05, 0.01, 0.001};
    const size_t runs = scaled(10000);
    fprintf(t, "\nsample size for P(|M_n - 1/2| >= %g) <= delta:\n", eps);
    fprintf(t, "  delta   Chebyshev   Hoeffding   normal approx.   measured at the normal n "
               "(%zu runs)\n", runs);
    double *devs = allocate(runs, sizeof *devs);
    for (int d = 0; d < 3; d++) {
        double z = normal_upper_inverse(deltas[d] / 2);
        size_t n_normal = (size_t)ceil(z * z * variance / (eps * eps));
        uniform_means(&g, n_normal, runs, devs, buffer);
        double outside = 0;
        for (size_t r = 0; r < runs; r++)
            outside += fabs(devs[r] - 0.5) >= eps;
        fprintf(t, "  %-5g   %9" PRIu64 "   %9" PRIu64 "   %14zu   %.4f\n", deltas[d],
                samples_chebyshev(variance, eps, deltas[d]), samples_hoeffding(1.0, eps, deltas[d]),
                n_normal, outside / (double)runs);
    }
    fprintf(t, "what the bounds' sizes really give (normal approximation of P(|M_n - 1/2| >= %g)):\n",
            eps);
    for (int d = 0; d < 3; d++) {
        uint64_t nc = samples_chebyshev(variance, eps, deltas[d]);
        uint64_t nh = samples_hoeffding(1.0, eps, deltas[d]);
        fprintf(t, "  delta %-5g: at Chebyshev's n %.2g, at Hoeffding's n %.2g\n", deltas[d],
                2 * normal_upper(eps * sqrt((double)nc) / sigma),
                2 * normal_upper(eps * sqrt((double)nh) / sigma));
    }
    close_output(t);
    free(devs);
    free(buffer);
}

/* ---- Section 5.3: pairwise against mutual independence ------------------------ */

static unsigned parity(uint64_t x)
{
    unsigned p = 0;
    for (; x; x &= x - 1)
        p ^= 1;
    return p;
}

/* pairwise.txt: two fair bits and their XOR; then 255 pairwise independent
 * bits made from 8, whose sum meets Chebyshev's bound and breaks Chernoff's. */
static void pairwise(void)
{
    const size_t n = scaled(1000000);
    double *sums = allocate(n, sizeof *sums);
    uint64_t joint[8] = {0};
    mc_rng g = seeded(61);
    for (size_t i = 0; i < n; i++) {
        unsigned x = (unsigned)(mc_next(&g) >> 63), y = (unsigned)(mc_next(&g) >> 63), z = x ^ y;
        joint[x << 2 | y << 1 | z]++;
        sums[i] = x + y + z;
    }
    FILE *f = open_output("pairwise.txt");
    fprintf(f, "X, Y fair independent bits, Z = X xor Y; %zu draws (seed 61)\n", n);
    fprintf(f, "X Y Z   exact   measured\n");
    for (int c = 0; c < 8; c++) {
        int x = c >> 2, y = c >> 1 & 1, z = c & 1;
        if ((x ^ y) == z)
            fprintf(f, "%d %d %d   0.25    %.4f\n", x, y, z, (double)joint[c] / (double)n);
    }
    double p_x = 0, p_z = 0, p_xz = 0, p_yz = 0, p_all = (double)joint[7] / (double)n;
    for (int c = 0; c < 8; c++) {
        double share = (double)joint[c] / (double)n;
        p_x += (c >> 2) ? share : 0;
        p_z += (c & 1) ? share : 0;
        p_xz += (c >> 2) && (c & 1) ? share : 0;
        p_yz += (c >> 1 & 1) && (c & 1) ? share : 0;
    }
    fprintf(f, "pairwise: P(X=1, Z=1) = 1/4 = P(X=1) P(Z=1); measured %.4f against %.4f x %.4f; "
               "P(Y=1, Z=1) measured %.4f\n", p_xz, p_x, p_z, p_yz);
    fprintf(f, "not mutually: P(X=1, Y=1, Z=1) = 0, not 1/8 = 0.125; measured %.4f\n", p_all);
    double mean, variance;
    check(mc_mean_variance(sums, n, &mean, &variance), "mc_mean_variance");
    fprintf(f, "S = X + Y + Z: variances still add, Var S = 3/4 = 0.75: measured mean %.4f, "
               "variance %.4f\n", mean, variance);
    fprintf(f, "  but S is 0 or 2, never 1 or 3: E[e^S] = 1/4 + 3/4 e^2 = %.4f, while the product "
               "of the E[e^X] is ((1 + e)/2)^3 = %.4f\n", 0.25 + 0.75 * exp(2.0),
            pow((1 + exp(1.0)) / 2, 3));

    /* 8 fair bits b; for each nonempty subset m of them the parity of b & m:
     * 255 fair bits, pairwise independent, whose sum is 128 unless b = 0. */
    const size_t draws = scaled(100000);
    const double bits = 255, mu = bits / 2, var = bits / 4;
    g = seeded(62);
    size_t zero = 0, agree = 0;
    for (size_t i = 0; i < draws; i++) {
        uint64_t b = mc_next(&g) >> 56;
        unsigned s = 0;
        for (uint64_t m = 1; m < 256; m++)
            s += parity(b & m);
        zero += s == 0;
        agree += parity(b & 1) == parity(b & 3); /* bits 1 and 3: agree half the time */
    }
    double chernoff;
    check(mc_chernoff_binomial(255, 0.5, 255, &chernoff), "mc_chernoff_binomial");
    fprintf(f, "\n255 bits from 8 fair bits b: bit m (m = 1 .. 255) = parity of (b AND m)\n");
    fprintf(f, "  each fair, any two independent, the sum S = 128 unless b = 0, when S = 0\n");
    fprintf(f, "  E[S] = %.1f, Var S = 255/4 = %.2f (pairwise independence is enough)\n", mu, var);
    fprintf(f, "  P(S = 0) = 1/256 = %.6f; %zu draws (seed 62): %.6f; two bits agree in %.4f\n",
            1.0 / 256, draws, (double)zero / (double)draws, (double)agree / (double)draws);
    fprintf(f, "  Chebyshev, P(|S - %.1f| >= %.1f) <= %.6f: holds, almost with equality\n", mu, mu,
            chebyshev_bound(var, mu));
    fprintf(f, "  Chernoff for 255 independent bits, P(S <= 0) <= %.3g: broken by a factor %.3g\n",
            chernoff, (1.0 / 256) / chernoff);
    close_output(f);
    free(sums);
}

/* ---- Section 6: Chernoff and Hoeffding ----------------------------------------- */

typedef struct {
    double exact, chernoff, hoeffding, chebyshev;
} binomial_bounds;

/* Bounds on P(S >= k), S ~ Binomial(n, 1/2). */
static binomial_bounds upper_tail(uint64_t n, uint64_t k)
{
    binomial_bounds b;
    double excess = (double)k - (double)n / 2;
    b.exact = binomial_range(n, 0.5, k, n);
    check(mc_chernoff_binomial(n, 0.5, k, &b.chernoff), "mc_chernoff_binomial");
    b.hoeffding = 1.0;
    b.chebyshev = 1.0;
    if (excess > 0) {
        check(mc_hoeffding(n, 1.0, excess / (double)n, &b.hoeffding), "mc_hoeffding");
        b.chebyshev = chebyshev_bound((double)n / 4, excess);
    }
    return b;
}

/* chernoff.dat and chernoff.txt: the binomial's upper tail and its bounds. */
static void chernoff(void)
{
    double table[51][5];
    for (uint64_t k = 50; k <= 100; k++) {
        binomial_bounds b = upper_tail(100, k);
        double *row = table[k - 50];
        row[0] = (double)k;
        row[1] = b.exact;
        row[2] = b.chernoff;
        row[3] = b.hoeffding;
        row[4] = b.chebyshev;
    }
    write_table("chernoff.dat", "S ~ Binomial(100, 1/2): k, P(S >= k) exact, Chernoff, Hoeffding, "
                "Chebyshev", 51, 5, &table[0][0]);
    FILE *t = open_output("chernoff.txt");
    fprintf(t, "P(S >= k) for S ~ Binomial(n, 1/2) (n fair coins), and the bounds on it\n");
    fprintf(t, "    n     k      exact      Chernoff   Hoeffding   Chebyshev   Chernoff/exact\n");
    static const uint64_t rows[][2] = {{100, 55}, {100, 60}, {100, 70}, {100, 80}, {100, 90},
                                       {100, 100}, {1000, 550}, {1000, 600}, {1000, 700}};
    for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
        binomial_bounds b = upper_tail(rows[r][0], rows[r][1]);
        fprintf(t, "%5" PRIu64 " %5" PRIu64 "   %.3e   %.3e   %.3e   %.3e   %.3g\n", rows[r][0],
                rows[r][1], b.exact, b.chernoff, b.hoeffding, b.chebyshev, b.chernoff / b.exact);
    }
    fprintf(t, "Chernoff = exp(-n D(k/n || 1/2)), Hoeffding = exp(-2 n (k/n - 1/2)^2), "
               "Chebyshev = (n/4) / (k - n/2)^2\n");
    close_output(t);
}

/* ---- Sections 8 and 9: pi ------------------------------------------------------- */

/* The sizes of the error study: n = 4^j, j = 2 .. 10, so that n = 4 k^2
 * (stratified, k x k cells of 4 points) and n / 2 pairs (antithetic). */
enum { PI_SIZES = 9, PI_METHODS = 3 };

static double pi_error(int method, uint64_t seed, uint64_t n)
{
    mc_estimate e;
    if (method == 0)
        check(mc_pi(seed, n, Z95, &e), "mc_pi");
    else if (method == 1)
        check(mc_pi_antithetic(seed, n / 2, Z95, &e), "mc_pi_antithetic");
    else
        check(mc_pi_stratified(seed, (uint64_t)sqrt((double)n / 4), 4, Z95, &e),
              "mc_pi_stratified");
    return e.estimate - PI;
}

/* Least-squares slope of log y against log x. */
static double log_slope(const double *x, const double *y, int count)
{
    double mx = 0, my = 0, sxy = 0, sxx = 0;
    for (int i = 0; i < count; i++) {
        mx += log(x[i]) / count;
        my += log(y[i]) / count;
    }
    for (int i = 0; i < count; i++) {
        sxy += (log(x[i]) - mx) * (log(y[i]) - my);
        sxx += (log(x[i]) - mx) * (log(x[i]) - mx);
    }
    return sxy / sxx;
}

/* pierror.dat: RMS error over seeds of plain, antithetic and stratified
 * estimates, and the error of the Halton estimate, against n. Returns the
 * fitted rates (slopes) in slopes[0 .. 4). */
static void pi_errors(double slopes[4])
{
    const int seeds = quick ? 4 : 64;
    const int sizes = quick ? 5 : PI_SIZES;
    double ns[PI_SIZES], rms[PI_METHODS][PI_SIZES];
    FILE *f = open_output("pierror.dat");
    fprintf(f, "# |estimate - pi| against the number of points n\n# index 0: RMS over seeds 1..%d;"
               " n, plain (mc_pi), antithetic (n/2 pairs), stratified (4 points in each of n/4 "
               "cells)\n", seeds);
    for (int j = 0; j < sizes; j++) {
        uint64_t n = (uint64_t)1 << (2 * (j + 2));
        ns[j] = (double)n;
        fprintf(f, "%" PRIu64, n);
        for (int m = 0; m < PI_METHODS; m++) {
            double squares = 0;
            for (int s = 1; s <= seeds; s++) {
                double e = pi_error(m, (uint64_t)s, n);
                squares += e * e;
            }
            rms[m][j] = sqrt(squares / seeds);
            fprintf(f, " %.6g", rms[m][j]);
        }
        fprintf(f, "\n");
    }
    for (int m = 0; m < PI_METHODS; m++)
        slopes[m] = log_slope(ns, rms[m], sizes);

    /* Halton: one sequence, points 1 .. n, the error at 8 sizes a decade */
    const uint64_t last = quick ? 10000 : 1048576;
    fprintf(f, "\n\n# index 1: Halton points 1 .. n (bases 2 and 3, mc_halton): n, |error|\n");
    uint64_t hits = 0, next = 16;
    double hn[128], he[128];
    int count = 0;
    for (uint64_t i = 1; i <= last; i++) {
        double p[2];
        check(mc_halton(i, 2, p), "mc_halton");
        double xx = p[0] * p[0], yy = p[1] * p[1];
        hits += xx + yy <= 1.0;
        if (i == next || i == last) {
            double error = fabs(4.0 * (double)hits / (double)i - PI);
            fprintf(f, "%" PRIu64 " %.6g\n", i, error);
            if (error > 0 && count < 128) {
                hn[count] = (double)i;
                he[count++] = error;
            }
            next = (uint64_t)ceil((double)next * 1.333521432163324); /* 10^(1/8) */
        }
    }
    slopes[3] = log_slope(hn, he, count);
    close_output(f);
}

/* pi.txt: the source's 100,000 points with intervals, and the other
 * estimators at the same budget. */
static void pi_estimates(const double slopes[4])
{
    const uint64_t n = 100000, seed = 2025;
    mc_estimate plain, anti, strat;
    check(mc_pi(seed, n, Z95, &plain), "mc_pi");
    uint64_t hits = (uint64_t)llround(plain.estimate * (double)n / 4);
    double wl, wh, halton;
    check(mc_wilson(hits, n, Z95, &wl, &wh), "mc_wilson");
    double hoeffding_half = 4 * sqrt(log(2 / 0.05) / (2.0 * n));
    check(mc_pi_antithetic(seed, n / 2, Z95, &anti), "mc_pi_antithetic");
    check(mc_pi_stratified(seed, 100, 10, Z95, &strat), "mc_pi_stratified");
    check(mc_pi_halton(n, &halton), "mc_pi_halton");
    FILE *f = open_output("pi.txt");
    fprintf(f, "pi from n = %" PRIu64 " points in the unit square (mc_pi, seed %" PRIu64 "): "
               "%" PRIu64 " hits\n", n, seed, hits);
    fprintf(f, "  estimate %.5f, error %+.5f, standard error %.5f\n", plain.estimate,
            plain.estimate - PI, plain.std_error);
    fprintf(f, "  95 %% intervals: normal  [%.5f, %.5f]\n", plain.low, plain.high);
    fprintf(f, "                  Wilson  [%.5f, %.5f]\n", 4 * wl, 4 * wh);
    fprintf(f, "                  Hoeffding [%.5f, %.5f] (half-width 4 sqrt(ln 40 / 2n) = %.5f)\n",
            plain.estimate - hoeffding_half, plain.estimate + hoeffding_half, hoeffding_half);
    double q = PI / 4, per_point = 4 * sqrt(q * (1 - q));
    fprintf(f, "  standard error of one point: 4 sqrt(p (1 - p)) = %.4f with p = pi/4; for an error "
               "below 0.001\n  with 95 %% confidence n = (1.96 x %.4f / 0.001)^2 = %.3g points\n",
            per_point, per_point, pow(Z95 * per_point / 0.001, 2));
    fprintf(f, "\nthe same budget of %" PRIu64 " points, seed %" PRIu64 ":\n", n, seed);
    fprintf(f, "  method                              estimate   error      std error\n");
    fprintf(f, "  plain                               %.5f   %+.5f   %.5f\n", plain.estimate,
            plain.estimate - PI, plain.std_error);
    fprintf(f, "  antithetic, %6" PRIu64 " pairs            %.5f   %+.5f   %.5f\n", n / 2,
            anti.estimate, anti.estimate - PI, anti.std_error);
    fprintf(f, "  stratified, 100 x 100 cells of 10   %.5f   %+.5f   %.5f\n", strat.estimate,
            strat.estimate - PI, strat.std_error);
    fprintf(f, "  Halton, points 1 .. %" PRIu64 "          %.5f   %+.5f   (deterministic)\n", n,
            halton, halton - PI);
    fprintf(f, "  variance reduction against plain: antithetic x%.2f, stratified x%.1f\n",
            pow(plain.std_error / anti.std_error, 2), pow(plain.std_error / strat.std_error, 2));
    fprintf(f, "\nerror ~ n^rate, fitted on log-log axes (pierror.dat): plain %.2f, antithetic %.2f, "
               "stratified %.2f, Halton %.2f\n", slopes[0], slopes[1], slopes[2], slopes[3]);
    close_output(f);
}

/* ---- Section 8: interval coverage ------------------------------------------------ */

typedef struct {
    double normal, wilson, hoeffding;
} coverage_result;

/* The fraction of reps experiments (n Bernoulli(p) trials each, from the
 * bulk generator g) whose 95 % interval contains p, for each interval. */
static coverage_result coverage_of(mc_streams *g, double p, size_t n, size_t reps, double *u)
{
    coverage_result c = {0, 0, 0};
    double hoeffding_half = sqrt(log(2 / 0.05) / (2.0 * n));
    for (size_t r = 0; r < reps; r++) {
        check(mc_streams_uniform(g, u, n), "mc_streams_uniform");
        uint64_t hits = 0;
        for (size_t i = 0; i < n; i++)
            hits += u[i] < p;
        double q = (double)hits / (double)n, half = Z95 * sqrt(q * (1 - q) / (double)n), lo, hi;
        check(mc_wilson(hits, n, Z95, &lo, &hi), "mc_wilson");
        c.normal += fabs(q - p) <= half;
        c.wilson += lo <= p && p <= hi;
        c.hoeffding += fabs(q - p) <= hoeffding_half;
    }
    c.normal /= (double)reps;
    c.wilson /= (double)reps;
    c.hoeffding /= (double)reps;
    return c;
}

/* coverage.dat and coverage.txt: measured coverage of three 95 % intervals. */
static void coverage(void)
{
    static const size_t sizes[] = {10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
    const size_t count = sizeof sizes / sizeof *sizes, reps = scaled(10000);
    const double ps[2] = {PI / 4, 0.01};
    const double tolerance = Z95 * sqrt(0.95 * 0.05 / (double)reps);
    double *u = allocate(10000, sizeof *u);
    mc_streams g;
    check(mc_streams_seed(&g, 71), "mc_streams_seed");
    FILE *f = open_output("coverage.dat"), *t = open_output("coverage.txt");
    fprintf(f, "# fraction of %zu experiments whose 95 %% interval holds p (mc_streams seed 71)\n"
               "# index 0: p = pi/4, index 1: p = 0.01; n, normal, Wilson, Hoeffding\n", reps);
    fprintf(t, "measured coverage of 95 %% intervals for a proportion p from n trials\n");
    fprintf(t, "%zu experiments per row (mc_streams seed 71): a correct 95 %% interval measures "
               "0.95 +- %.4f (95 %% of the time)\n", reps, tolerance);
    fprintf(t, "normal: q +- 1.96 sqrt(q (1 - q) / n); Wilson: mc_wilson; Hoeffding: q +- "
               "sqrt(ln 40 / 2n)\n");
    for (int k = 0; k < 2; k++) {
        fprintf(t, "\np = %.6g\n      n   normal   Wilson   Hoeffding\n", ps[k]);
        for (size_t s = 0; s < count; s++) {
            coverage_result c = coverage_of(&g, ps[k], sizes[s], reps, u);
            fprintf(f, "%zu %.4f %.4f %.4f\n", sizes[s], c.normal, c.wilson, c.hoeffding);
            fprintf(t, "%7zu   %.4f   %.4f   %.4f\n", sizes[s], c.normal, c.wilson, c.hoeffding);
        }
        fprintf(f, "\n\n");
    }
    const size_t runs = scaled(10000);
    size_t inside = 0;
    for (uint64_t seed = 1; seed <= runs; seed++) {
        mc_estimate e;
        check(mc_pi(seed, 1000, Z95, &e), "mc_pi");
        inside += e.low <= PI && PI <= e.high;
    }
    fprintf(t, "\nmc_pi(seed, 1000 points, z = 1.96), seeds 1 .. %zu: the interval holds pi in "
               "%.4f of them\n", runs, (double)inside / (double)runs);
    close_output(f);
    close_output(t);
    free(u);
}

/* ---- Section 9.3: importance sampling ------------------------------------------ */

/* One estimate of P(Z > t), Z standard normal, from n draws Y = shift + scale X
 * (X from mc_normal; shift 0 and scale 1 is plain Monte Carlo), each Y beyond t
 * weighted by p(Y) / q(Y), p the standard normal density and q that of Y:
 * scale exp((X^2 - Y^2) / 2). Its standard error goes to *se. */
static double tail_by_importance(mc_rng *g, double t, double shift, double scale, size_t n,
                                 double *x, double *se)
{
    check(mc_normal(g, x, n), "mc_normal");
    double sum = 0, sum_sq = 0;
    for (size_t i = 0; i < n; i++) {
        const double y = shift + scale * x[i];
        if (y > t) {
            const double w = scale * exp(0.5 * (x[i] * x[i] - y * y));
            sum += w;
            sum_sq += w * w;
        }
    }
    const double mean = sum / (double)n;
    *se = sqrt(fmax(sum_sq / (double)n - mean * mean, 0) / (double)(n - 1));
    return mean;
}

static void importance(void)
{
    const double t = 4, exact = 0.5 * erfc(t / sqrt(2.0));
    const size_t n = 10000, runs = quick ? 10 : 400;
    const struct {
        const char *name;
        double shift, scale;
    } proposals[] = {
        {"plain, N(0, 1)", 0, 1},
        {"shifted, N(4, 1)", 4, 1},
        {"too wide, N(4, 3^2)", 4, 3},
        {"too far, N(6, 1)", 6, 1},
    };
    const size_t count = sizeof proposals / sizeof proposals[0];
    double *x = allocate(n, sizeof *x), *se = allocate(runs, sizeof *se);
    FILE *f = open_output("importance.txt");
    fprintf(f, "P(Z > 4) for a standard normal Z: exact %.5e (erfc(4 / sqrt 2) / 2)\n", exact);
    fprintf(f, "%zu estimates of %zu draws each for every proposal q (mc_normal, seed 93):\n\n",
            runs, n);
    fprintf(f, "  %-24s %12s %13s %15s %12s\n", "proposal q", "mean", "RMS rel. err",
            "median std err", "vs plain");
    double plain_ms = 0;
    for (size_t k = 0; k < count; k++) {
        mc_rng g = seeded(93);
        double sum = 0, sq_error = 0;
        for (size_t r = 0; r < runs; r++) {
            const double e = tail_by_importance(&g, t, proposals[k].shift, proposals[k].scale, n,
                                                x, &se[r]);
            sum += e;
            sq_error += (e - exact) * (e - exact);
        }
        qsort(se, runs, sizeof *se, compare_doubles);
        const double ms = sq_error / (double)runs;
        if (k == 0)
            plain_ms = ms;
        fprintf(f, "  %-24s %12.4e %13.4f %15.3e %11.3gx\n", proposals[k].name,
                sum / (double)runs, sqrt(ms) / exact, se[runs / 2], plain_ms / ms);
    }
    fprintf(f, "\n'vs plain': how many plain draws one draw is worth (ratio of mean squared errors)\n");
    close_output(f);
    free(x);
    free(se);
}

/* ---- Section 10: the volume of a ball -------------------------------------------- */

enum { MAX_DIM = 12 };

/* Hits of n points of [-1, 1]^MAX_DIM in the unit ball of every dimension
 * d <= MAX_DIM (the first d coordinates): hits[d - 1]. Random points from
 * the bulk generator g, or Halton points 1 .. n when g is NULL. */
static void ball_hits(mc_streams *g, size_t n, uint64_t hits[MAX_DIM])
{
    enum { BLOCK = 1024 }; /* points drawn at a time: BLOCK x MAX_DIM uniforms */
    double *u = allocate(BLOCK * MAX_DIM, sizeof *u);
    memset(hits, 0, MAX_DIM * sizeof *hits);
    for (size_t start = 0; start < n; start += BLOCK) {
        size_t count = n - start < BLOCK ? n - start : BLOCK;
        if (g)
            check(mc_streams_uniform(g, u, count * MAX_DIM), "mc_streams_uniform");
        else
            for (size_t i = 0; i < count; i++)
                check(mc_halton(start + i + 1, MAX_DIM, u + i * MAX_DIM), "mc_halton");
        for (size_t i = 0; i < count; i++) {
            double r2 = 0;
            for (int d = 0; d < MAX_DIM; d++) {
                double x = 2 * u[i * MAX_DIM + d] - 1;
                r2 += x * x;
                hits[d] += r2 <= 1.0;
            }
        }
    }
    free(u);
}

/* The grid of m^d cell centres of [-1, 1]^d: how many lie in the ball. */
static uint64_t grid_hits(unsigned d, uint64_t m)
{
    uint64_t total = 1, hits = 0;
    for (unsigned k = 0; k < d; k++)
        total *= m;
    for (uint64_t index = 0; index < total; index++) {
        double r2 = 0;
        uint64_t rest = index;
        for (unsigned k = 0; k < d; k++, rest /= m) {
            double x = (2.0 * (double)(rest % m) + 1.0) / (double)m - 1.0;
            r2 += x * x;
        }
        hits += r2 <= 1.0;
    }
    return hits;
}

/* ball.dat and ball.txt: Monte Carlo, Halton and a grid against the exact volume. */
static void ball(void)
{
    const size_t n = scaled(1000000);
    uint64_t mc[MAX_DIM], qmc[MAX_DIM];
    mc_streams g;
    check(mc_streams_seed(&g, 81), "mc_streams_seed");
    ball_hits(&g, n, mc);
    ball_hits(NULL, n, qmc);
    FILE *f = open_output("ball.dat"), *t = open_output("ball.txt");
    fprintf(f, "# volume of the unit d-ball from %zu points of [-1, 1]^d (mc_streams seed 81)\n"
               "# d, relative error: Monte Carlo, its standard error, grid of m^d <= %zu points, "
               "Halton\n", n, n);
    fprintf(t, "volume of the unit ball in d dimensions, exact pi^(d/2) / Gamma(d/2 + 1), from %zu "
               "points of [-1, 1]^d\n", n);
    fprintf(t, "Monte Carlo: uniform points (mc_streams seed 81, the first d coordinates of 12), "
               "2^d x hit fraction\ngrid: the m^d cell centres, m the largest with m^d <= %zu; "
               "Halton: points 1 .. %zu\n\n", n, n);
    fprintf(t, " d   exact     ball/cube    Monte Carlo (rel. error +- std)      grid m      m^d"
               "   estimate  rel. error   Halton rel. error\n");
    for (unsigned d = 1; d <= MAX_DIM; d++) {
        double exact = ball_volume(d), cube = ldexp(1.0, (int)d), points = (double)n;
        double q = (double)mc[d - 1] / points, est = cube * q;
        double rel_se = sqrt(q * (1 - q) / points) / q;
        uint64_t m = 1, grid = 1;
        while (pow((double)(m + 1), d) <= points)
            m++;
        for (unsigned k = 0; k < d; k++)
            grid *= m;
        double grid_est = cube * (double)grid_hits(d, m) / (double)grid;
        double halton_est = cube * (double)qmc[d - 1] / points;
        double e_mc = fabs(est - exact) / exact, e_grid = fabs(grid_est - exact) / exact;
        double e_halton = fabs(halton_est - exact) / exact;
        if (d > 1) /* in one dimension the ball is the cube: no error to plot */
            fprintf(f, "%u %.6g %.6g %.6g %.6g\n", d, e_mc, rel_se, e_grid, e_halton);
        fprintf(t, "%2u   %.5f   %.3e    %.5f (%.2e +- %.1e)   %7" PRIu64 "  %7" PRIu64
                   "   %.5f   %.2e     %.2e\n", d, exact, exact / cube, est, e_mc, rel_se, m,
                grid, grid_est, e_grid, e_halton);
    }
    close_output(f);
    close_output(t);
}

/* ---- Section 10.2: value at risk ---------------------------------------------------- */

enum { ASSETS = 3 };

typedef struct {
    double value;                      /* the portfolio's worth today */
    double weight[ASSETS], mean[ASSETS], vol[ASSETS];
    double corr[ASSETS][ASSETS];
    double chol[ASSETS][ASSETS];       /* lower-triangular, chol chol^T = covariance */
} portfolio;

static double covariance(const portfolio *p, int i, int j)
{
    return p->corr[i][j] * p->vol[i] * p->vol[j];
}

static void cholesky(portfolio *p)
{
    memset(p->chol, 0, sizeof p->chol);
    for (int i = 0; i < ASSETS; i++)
        for (int j = 0; j <= i; j++) {
            double s = covariance(p, i, j);
            for (int k = 0; k < j; k++)
                s -= p->chol[i][k] * p->chol[j][k];
            p->chol[i][j] = i == j ? sqrt(s) : s / p->chol[j][j];
        }
}

/* The portfolio return's mean and standard deviation. */
static void portfolio_moments(const portfolio *p, double *mean, double *sd)
{
    double m = 0, v = 0;
    for (int i = 0; i < ASSETS; i++) {
        m += p->weight[i] * p->mean[i];
        for (int j = 0; j < ASSETS; j++)
            v += p->weight[i] * p->weight[j] * covariance(p, i, j);
    }
    *mean = m;
    *sd = sqrt(v);
}

/* n simulated one-day losses, sorted: -value w . r with r = mean + s L z,
 * z standard normals (mc_normal); s = 1 for normal returns, and for
 * Student t returns with 4 degrees of freedom s = sqrt(2 / W), W a
 * chi-square with 4 degrees of freedom = the sum of two exponentials of
 * mean 2 (mc_exponential), which keeps the covariance. */
static void simulate_losses(const portfolio *p, int heavy, uint64_t seed, double *loss, size_t n)
{
    enum { BLOCK = 4096 };
    double z[ASSETS * BLOCK], w[2 * BLOCK];
    mc_rng g = seeded(seed), gw = seeded(seed + 1);
    for (size_t start = 0; start < n; start += BLOCK) {
        size_t count = n - start < BLOCK ? n - start : BLOCK;
        check(mc_normal(&g, z, ASSETS * count), "mc_normal");
        if (heavy)
            check(mc_exponential(&gw, 0.5, w, 2 * count), "mc_exponential");
        for (size_t s = 0; s < count; s++) {
            double scale = heavy ? sqrt(2.0 / (w[2 * s] + w[2 * s + 1])) : 1.0, ret = 0;
            for (int i = 0; i < ASSETS; i++) {
                double r = 0;
                for (int k = 0; k <= i; k++)
                    r += p->chol[i][k] * z[ASSETS * s + (size_t)k];
                ret += p->weight[i] * (p->mean[i] + scale * r);
            }
            loss[start + s] = -p->value * ret;
        }
    }
    qsort(loss, n, sizeof *loss, compare_doubles);
}

/* The alpha quantile of sorted losses, with a distribution-free 95 %
 * interval from order statistics: the count B of losses at or below the
 * true quantile is Binomial(n, alpha), so [L_(r), L_(s)) holds it with
 * probability P(r <= B <= s - 1); r and s from the normal approximation
 * of B, the coverage exact. */
static void var_row(FILE *f, const double *loss, size_t n, double alpha, double closed)
{
    double nn = (double)n, spread = Z95 * sqrt(nn * alpha * (1 - alpha));
    size_t point = (size_t)ceil(nn * alpha), r = (size_t)floor(nn * alpha - spread);
    size_t s = (size_t)ceil(nn * alpha + spread) + 1;
    if (r < 1)
        r = 1;
    if (s > n)
        s = n;
    double covered = binomial_range(n, alpha, r, s - 1);
    fprintf(f, "  %4.1f %%   %9.0f   [%.0f, %.0f]   L_(%zu), L_(%zu), coverage %.4f   %9.0f\n",
            100 * alpha, loss[point - 1], loss[r - 1], loss[s - 1], r, s, covered, closed);
}

/* var.txt: one-day value at risk of a three-asset portfolio. */
static void value_at_risk(void)
{
    portfolio p = {1000000.0, {0.5, 0.3, 0.2}, {0.0004, 0.0003, 0.0001}, {0.02, 0.015, 0.01},
                   {{1.0, 0.5, 0.2}, {0.5, 1.0, 0.3}, {0.2, 0.3, 1.0}}, {{0}}};
    cholesky(&p);
    double mean, sd;
    portfolio_moments(&p, &mean, &sd);
    const size_t n = scaled(1000000);
    double *loss = allocate(n, sizeof *loss);
    static const double alphas[2] = {0.95, 0.99};
    double var_closed[2][2]; /* [normal, t][95 %, 99 %] */
    FILE *f = open_output("var.txt");
    fprintf(f, "portfolio worth %.0f in three assets, weights 0.5, 0.3, 0.2\n", p.value);
    fprintf(f, "one-day returns: means 0.04 %%, 0.03 %%, 0.01 %%; volatilities 2 %%, 1.5 %%, 1 %%; "
               "correlations 0.5 (1,2), 0.2 (1,3), 0.3 (2,3)\n");
    fprintf(f, "portfolio return: mean %.5f, standard deviation %.5f\n", mean, sd);
    fprintf(f, "value at risk at level alpha: the alpha quantile of the one-day loss; %zu simulated "
               "days each\n", n);
    for (int heavy = 0; heavy <= 1; heavy++) {
        uint64_t seed = heavy ? 93 : 91;
        simulate_losses(&p, heavy, seed, loss, n);
        fprintf(f, "\n%s (seeds %" PRIu64 ", %" PRIu64 "):\n", heavy ?
                "Student t returns, 4 degrees of freedom, the same means and covariance" :
                "normal returns", seed, seed + 1);
        fprintf(f, "  alpha    simulated   95 %% interval    from order statistics, exact "
                   "coverage    closed form\n");
        for (int a = 0; a < 2; a++) {
            double z = heavy ? sqrt(0.5) * student4_quantile(alphas[a])
                             : normal_upper_inverse(1 - alphas[a]);
            var_closed[heavy][a] = p.value * (-mean + z * sd);
            var_row(f, loss, n, alphas[a], var_closed[heavy][a]);
        }
    }
    fprintf(f, "\na normal model of the t returns (the same mean and covariance) says %.0f and %.0f:"
               "\n%+.1f %% at 95 %% and %+.1f %% at 99 %% against their true value at risk "
               "(closed forms)\n", var_closed[0][0], var_closed[0][1],
            100 * (var_closed[0][0] / var_closed[1][0] - 1),
            100 * (var_closed[0][1] / var_closed[1][1] - 1));
    close_output(f);
    free(loss);
}

int main(int argc, char **argv)
{
    quick = demo_start(argc, argv);
    bits();
    generators();
    randu_figure();
    samplers();
    markov();
    chebyshev();
    tails();
    weak_law();
    pairwise();
    chernoff();
    double slopes[4];
    pi_errors(slopes);
    pi_estimates(slopes);
    importance();
    coverage();
    ball();
    value_at_risk();
    return 0;
}
