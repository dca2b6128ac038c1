/* samplers.c: exponential, normal and Poisson variates from uniform ones,
 * and the bulk generator's normals (chapter section 3). */
#include "concentration.h"

#include <math.h>
#include <string.h>

#include "simd.h"

mc_status mc_exponential(mc_rng *g, double rate, double *out, size_t n)
{
    // TODO: check the arguments; by inversion, out[i] = -log(u) / rate with
    //   u = mc_unit_open0 of the generator's next output, in order.
    // STUB: (void)g; (void)rate; (void)out; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !out || n == 0)
        return MC_ERR_ARG;
    if (!isfinite(rate))
        return MC_ERR_NAN;
    if (!(rate > 0.0))
        return MC_ERR_ARG;
    for (size_t i = 0; i < n; i++)
        out[i] = -log(mc_unit_open0(mc_next(g))) / rate;
    return MC_OK;
    // END SOLUTION
}

mc_status mc_normal(mc_rng *g, double *out, size_t n)
{
    // TODO: check the arguments; n standard normals by the method of your
    //   choice (section 3 derives Box-Muller, the polar method and the
    //   ziggurat). Write which one you chose in a comment.
    // STUB: (void)g; (void)out; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    /* Box-Muller: a radius sqrt(-2 ln u1), u1 in (0, 1] so the logarithm is
     * finite, and an angle 2 pi u2 give two independent normals. */
    if (!g || !out || n == 0)
        return MC_ERR_ARG;
    const double two_pi = 6.283185307179586;
    for (size_t i = 0; i < n; i += 2) {
        double radius = sqrt(-2.0 * log(mc_unit_open0(mc_next(g))));
        double angle = two_pi * mc_unit(mc_next(g));
        out[i] = radius * cos(angle);
        if (i + 1 < n)
            out[i + 1] = radius * sin(angle);
    }
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* One Poisson(lambda) count by inversion: the smallest k with F(k) > u,
 * F summed term by term from P(0) = e^-lambda with P(k) = P(k-1) lambda / k.
 * Past the mode, once the terms no longer change the rounded sum, u is
 * above every value F can reach in doubles: k is as far as it goes. */
static uint64_t poisson_inversion(double u, double lambda, double first)
{
    double term = first, cdf = first;
    uint64_t k = 0;
    while (u >= cdf) {
        k++;
        term *= lambda / (double)k;
        double next = cdf + term;
        if (next == cdf && (double)k > lambda)
            break;
        cdf = next;
    }
    return k;
}

// END SOLUTION
mc_status mc_poisson(mc_rng *g, double lambda, uint64_t *out, size_t n)
{
    // TODO: check the arguments (0 < lambda <= MC_POISSON_MAX); n counts,
    //   by Knuth's product of uniforms or by inversion with a sequential
    //   search (section 3). Both must still be exact at lambda = 500.
    // STUB: (void)g; (void)lambda; (void)out; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !out || n == 0)
        return MC_ERR_ARG;
    if (!isfinite(lambda))
        return MC_ERR_NAN;
    if (!(lambda > 0.0 && lambda <= MC_POISSON_MAX))
        return MC_ERR_ARG;
    double first = exp(-lambda); /* 7e-218 at 500: no underflow */
    for (size_t i = 0; i < n; i++)
        out[i] = poisson_inversion(mc_unit(mc_next(g)), lambda, first);
    return MC_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* Box-Muller on a vector of the target's width at a time (support/simd.h),
 * with a logarithm and a sine and cosine of our own (libm's take one value
 * at a time), accurate to a few units in the last place. */
typedef uint64_t vu64 __attribute__((vector_size(SIMD_BYTES)));

static inline vd lanes_sqrt(vd x)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_sqrt_pd((__m512d)x);
#elif SIMD_BYTES == 32
    return (vd)_mm256_sqrt_pd((__m256d)x);
#else
    return (vd)_mm_sqrt_pd((__m128d)x);
#endif
}

/* ln x for normal positive x. x = 2^k m with m in [sqrt(1/2), sqrt(2))
 * (the offset below moves the exponent's boundary from 1 to sqrt(1/2)), then
 * ln m = 2 atanh(f), f = (m - 1) / (m + 1), |f| <= 0.1716: the series
 * 2 (f + f^3/3 + ... + f^19/19) leaves out less than 3e-17 of it; k ln 2 is
 * added in two parts, the first exact. */
static inline vd lanes_log(vd x)
{
    const uint64_t sqrt_half = UINT64_C(0x3fe6a09e667f3bcd);
    vu64 bits = (vu64)x + (UINT64_C(0x3ff0000000000000) - sqrt_half);
    vu64 biased = bits >> 52; /* 1023 + k */
    vd k = (vd)(biased | UINT64_C(0x4330000000000000)) - (0x1p52 + 1023.0);
    vd m = (vd)((bits & UINT64_C(0x000fffffffffffff)) + sqrt_half);
    vd f = (m - 1.0) / (m + 1.0), s = f * f;
    vd series = vd_set1(2.0 / 19.0);
    for (int j = 8; j >= 0; j--)
        series = vd_fma(series, s, vd_set1(2.0 / (2 * j + 1)));
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    return vd_fma(k, vd_set1(ln2_hi), vd_fma(k, vd_set1(ln2_lo), f * series));
}

/* sin and cos of 2 pi u for u in [0, 1]: u = (q + r) / 4, q the nearest
 * integer to 4u, |r| <= 1/2 (exact in doubles), a = r pi / 2 in
 * [-pi/4, pi/4] where the Taylor series to a^17 and a^16 leave out less
 * than 1e-16; the quarter turns q then swap and negate the pair. */
static inline void lanes_sincos_turns(vd u, vd *sine, vd *cosine)
{
    const double shifter = 0x1.8p52; /* adding it rounds to an integer */
    vd y = u * 4.0, shifted = y + shifter;
    vu64 q = (vu64)shifted;
    vd a = (y - (shifted - shifter)) * 1.5707963267948966;
    vd a2 = a * a;
    double sin_den = 355687428096000.0, cos_den = 20922789888000.0; /* 17!, 16! */
    vd sin_poly = vd_set1(1.0 / sin_den), cos_poly = vd_set1(1.0 / cos_den);
    for (int j = 7; j >= 0; j--) { /* the terms' denominators, +-(2j+1)! and +-(2j)! */
        sin_den /= -(double)((2 * j + 2) * (2 * j + 3));
        cos_den /= -(double)((2 * j + 1) * (2 * j + 2));
        sin_poly = vd_fma(sin_poly, a2, vd_set1(1.0 / sin_den));
        cos_poly = vd_fma(cos_poly, a2, vd_set1(1.0 / cos_den));
    }
    vu64 s = (vu64)(sin_poly * a), c = (vu64)cos_poly;
    vu64 odd = -(q & 1); /* all ones in the lanes to swap */
    vu64 sin_sign = (q & 2) << 62, cos_sign = ((q + 1) & 2) << 62;
    *sine = (vd)(((c & odd) | (s & ~odd)) ^ sin_sign);
    *cosine = (vd)(((s & odd) | (c & ~odd)) ^ cos_sign);
}

/* Normals made from PAIR uniforms at a time: the first half give the radii
 * (from 1 - u, in (0, 1]), the second half the angles. */
enum { PAIR = 16 };

/* x[0 .. PAIR): uniforms in [0, 1) in, normals out. */
static void box_muller(double *x)
{
    for (int j = 0; j < PAIR / 2; j += VD_LANES) {
        vd u1 = vd_load(x + j), u2 = vd_load(x + PAIR / 2 + j), sine, cosine;
        vd radius = lanes_sqrt(-2.0 * lanes_log(1.0 - u1));
        lanes_sincos_turns(u2, &sine, &cosine);
        vd_store(x + j, radius * cosine);
        vd_store(x + PAIR / 2 + j, radius * sine);
    }
}

/* Values made at a time: uniforms written to out, then turned into
 * normals while they are still in the cache. */
enum { BLOCK = 1024 };

// END SOLUTION
mc_status mc_streams_normal(mc_streams *g, double *out, size_t n)
{
    // TODO: check the arguments; n standard normals from the bulk
    //   generator. This is the benchmark's fast path: a method whose steps
    //   are the same for every value (section 3 says which) can work on
    //   several at once, like mc_streams_uniform.
    // STUB: (void)g; (void)out; (void)n;
    // STUB: return MC_ERR_TODO;
    // BEGIN SOLUTION
    if (!g || !out || n == 0)
        return MC_ERR_ARG;
    size_t whole = n - n % PAIR;
    for (size_t start = 0; start < whole; start += BLOCK) {
        size_t count = whole - start < BLOCK ? whole - start : BLOCK;
        mc_streams_uniform(g, out + start, count);
        for (size_t i = 0; i < count; i += PAIR)
            box_muller(out + start + i);
    }
    if (whole < n) {
        double last[PAIR];
        mc_streams_uniform(g, last, PAIR);
        box_muller(last);
        memcpy(out + whole, last, (n - whole) * sizeof(double));
    }
    return MC_OK;
    // END SOLUTION
}
