/* race.c: lesson 09's races (`make race LESSON=09`; see grader/runner/race.h):
 * the bulk generator, mc_streams_uniform and mc_streams_normal (section 12),
 * against the same eight xoshiro256** streams drawn one value at a time in
 * a plain loop, and Box-Muller with the C library's functions. */
#include <math.h>
#include <string.h>

#include "concentration.h"
#include "race.h"

/* The uniforms fill 2 MiB, small enough to stay in the last-level cache,
 * so that the generator is timed more than the memory; the normals, slower
 * to make, fill 8 MiB: a longer call is timed more steadily. */
enum { UNIFORMS = 1 << 18, NORMALS = 1 << 20 };
#define PI 3.14159265358979323846

RACE_REFERENCE(mc_streams_seed);
RACE_REFERENCE(mc_streams_uniform);

typedef struct {
    mc_streams *g;
    double *out;
    size_t n;
} streams_job;

static uint64_t plain_rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t plain_next(uint64_t *s)
{
    uint64_t result = plain_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = plain_rotl(s[3], 45);
    return result;
}

/* The contract's definition as it reads: round after round, the next value
 * of stream 0, then of stream 1, ..., each generator stepped on its own. */
static void plain_uniform(mc_streams *g, double *out, size_t n)
{
    uint64_t s[MC_STREAMS][4];
    for (int k = 0; k < MC_STREAMS; k++)
        for (int w = 0; w < 4; w++)
            s[k][w] = g->s[w][k];
    for (size_t i = 0; i < n; i++)
        out[i] = (double)(plain_next(s[i % MC_STREAMS]) >> 11) * 0x1p-53;
    for (int k = 0; k < MC_STREAMS; k++)
        for (int w = 0; w < 4; w++)
            g->s[w][k] = s[k][w];
}

/* Box-Muller with the C library, one pair at a time. */
static void plain_normal(mc_streams *g, double *out, size_t n)
{
    plain_uniform(g, out, n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        double radius = sqrt(-2.0 * log(1.0 - out[i])), angle = 2.0 * PI * out[i + 1];
        out[i] = radius * cos(angle);
        out[i + 1] = radius * sin(angle);
    }
}

static void run_uniform(void *ctx)
{
    streams_job *j = ctx;
    mc_streams_uniform(j->g, j->out, j->n);
}

static void run_plain_uniform(void *ctx)
{
    streams_job *j = ctx;
    plain_uniform(j->g, j->out, j->n);
}

static void run_normal(void *ctx)
{
    streams_job *j = ctx;
    mc_streams_normal(j->g, j->out, j->n);
}

static void run_plain_normal(void *ctx)
{
    streams_job *j = ctx;
    plain_normal(j->g, j->out, j->n);
}

/* The streams of a seed from grade_rng, seeded by the reference. */
static mc_streams *race_streams(void)
{
    rng r;
    grade_rng(&r);
    mc_streams *g = grade_alloc(1, sizeof *g);
    race_ref_mc_streams_seed(g, rng_u64(&r));
    return g;
}

static void race_streams_run(void (*call)(void *), void (*naive)(void *), mc_streams *g,
                             double *out, size_t n)
{
    streams_job job = {g, out, n};
    race_run(&(race_kernel){call, naive, &job, .out = {{g, sizeof *g}, {out, n * sizeof *out}}});
}

RACE(streams_uniform, "12 Going fast", "mc_streams_uniform, 2^18 doubles from the eight streams")
{
    mc_streams *g = race_streams(), *h = grade_alloc(1, sizeof *h);
    *h = *g;
    double *out = grade_alloc(UNIFORMS, sizeof *out);
    double *expected = grade_alloc(UNIFORMS, sizeof *expected);
    race_expect(mc_streams_uniform(g, out, UNIFORMS) == MC_OK,
                "mc_streams_uniform did not return MC_OK");
    race_ref_mc_streams_uniform(h, expected, UNIFORMS);
    size_t i = 0;
    while (i < UNIFORMS && memcmp(&out[i], &expected[i], sizeof *out) == 0)
        i++;
    race_expect(i == UNIFORMS, "out[%zu] is %.17g where the reference gives %.17g (stream %zu, "
                "value %zu of it)", i, i < UNIFORMS ? out[i] : 0.0,
                i < UNIFORMS ? expected[i] : 0.0, i % MC_STREAMS, i / MC_STREAMS);
    race_expect(memcmp(g, h, sizeof *g) == 0, "the streams' state after the call is not the "
                "reference's: each stream moves on by one step a round");
    race_streams_run(run_uniform, run_plain_uniform, g, out, UNIFORMS);
}

/* |fraction of x below t - P(Z < t)| within 5 standard deviations of a
 * binomial fraction. */
static void expect_below(const double *x, size_t n, double t)
{
    size_t below = 0;
    for (size_t i = 0; i < n; i++)
        below += x[i] < t;
    double p = 0.5 * erfc(-t / sqrt(2.0)), fraction = (double)below / (double)n;
    race_expect(fabs(fraction - p) <= 5.0 * sqrt(p * (1 - p) / (double)n),
                "%.5f of the values are below %g, where a standard normal has %.5f", fraction, t,
                p);
}

/* The normals are graded by their distribution (any method will do), so
 * the check is too: finite values with mean 0, variance 1 and the normal's
 * fractions below -2, -1, 0, 1 and 2, each within 5 standard deviations of
 * its estimate from 2^20 values. */
RACE(streams_normal, "12 Going fast", "mc_streams_normal, 2^20 normals from the eight streams")
{
    mc_streams *g = race_streams();
    double *out = grade_alloc(NORMALS, sizeof *out);
    race_expect(mc_streams_normal(g, out, NORMALS) == MC_OK,
                "mc_streams_normal did not return MC_OK");
    double sum = 0.0, squares = 0.0;
    for (size_t i = 0; i < NORMALS; i++) {
        race_expect(isfinite(out[i]), "out[%zu] is %g", i, out[i]);
        sum += out[i];
    }
    double mean = sum / NORMALS;
    for (size_t i = 0; i < NORMALS; i++)
        squares += (out[i] - mean) * (out[i] - mean);
    double variance = squares / (NORMALS - 1);
    race_expect(fabs(mean) <= 5.0 / sqrt(NORMALS), "the mean of the values is %.5f, not 0", mean);
    race_expect(fabs(variance - 1.0) <= 5.0 * sqrt(2.0 / NORMALS),
                "the variance of the values is %.5f, not 1", variance);
    for (int t = -2; t <= 2; t++)
        expect_below(out, NORMALS, t);
    race_streams_run(run_normal, run_plain_normal, g, out, NORMALS);
}
