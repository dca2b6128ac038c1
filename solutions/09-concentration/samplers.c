/* samplers.c: exponential, normal and Poisson variates from uniform ones,
 * and the bulk generator's normals (chapter section 3). */
#include "concentration.h"

#include <math.h>
#include <string.h>

// BEGIN SOLUTION
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif
// END SOLUTION

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
/* Box-Muller on eight lanes at once, with a logarithm and a sine and
 * cosine of our own (libm's are one value at a time), accurate to a few
 * units in the last place. The lanes are GCC/Clang vector extensions at a
 * fixed 8 doubles, which the compiler splits to the target's width. */
typedef double lanes_f64 __attribute__((vector_size(64)));
typedef uint64_t lanes_u64 __attribute__((vector_size(64)));

#define LANES 8

/* The helpers take and give their vectors through pointers: passing
 * 64-byte vectors by value changes the calling convention between
 * targets with and without AVX-512. Once inlined, that costs nothing. */
static inline void lanes_sqrt(lanes_f64 *x)
{
#if defined(__AVX512F__)
    *x = (lanes_f64)_mm512_sqrt_pd((__m512d)*x);
#elif defined(__AVX__)
    __m256d half[2];
    memcpy(half, x, sizeof half);
    half[0] = _mm256_sqrt_pd(half[0]);
    half[1] = _mm256_sqrt_pd(half[1]);
    memcpy(x, half, sizeof half);
#elif defined(__SSE2__)
    __m128d quarter[4];
    memcpy(quarter, x, sizeof quarter);
    for (int i = 0; i < 4; i++)
        quarter[i] = _mm_sqrt_pd(quarter[i]);
    memcpy(x, quarter, sizeof quarter);
#else
    for (int i = 0; i < LANES; i++)
        (*x)[i] = sqrt((*x)[i]);
#endif
}

/* ln x for normal positive x. x = 2^k m with m in [sqrt(1/2), sqrt(2))
 * (the offset below moves the exponent's boundary from 1 to sqrt(1/2)), then
 * ln m = 2 atanh(f), f = (m - 1) / (m + 1), |f| <= 0.1716: the series
 * 2 (f + f^3/3 + ... + f^19/19) leaves out less than 3e-17 of it; k ln 2 is
 * added in two parts, the first exact. */
static inline void lanes_log(lanes_f64 *x)
{
    const uint64_t sqrt_half = UINT64_C(0x3fe6a09e667f3bcd);
    lanes_u64 bits = (lanes_u64)*x + (UINT64_C(0x3ff0000000000000) - sqrt_half);
    lanes_u64 biased = bits >> 52; /* 1023 + k */
    lanes_f64 k = (lanes_f64)(biased | UINT64_C(0x4330000000000000)) - (0x1p52 + 1023.0);
    lanes_f64 m =
        (lanes_f64)((bits & UINT64_C(0x000fffffffffffff)) + sqrt_half);
    lanes_f64 f = (m - 1.0) / (m + 1.0), s = f * f;
    lanes_f64 series = (lanes_f64){0} + 2.0 / 19.0;
    for (int j = 8; j >= 0; j--)
        series = series * s + 2.0 / (2 * j + 1);
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    *x = k * ln2_hi + (k * ln2_lo + f * series);
}

/* sin and cos of 2 pi u for u in [0, 1]: u = (q + r) / 4, q the nearest
 * integer to 4u, |r| <= 1/2 (exact in doubles), a = r pi / 2 in
 * [-pi/4, pi/4] where the Taylor series to a^17 and a^16 leave out less
 * than 1e-16; the quarter turns q then swap and negate the pair. */
static inline void lanes_sincos_turns(const lanes_f64 *u, lanes_f64 *sine, lanes_f64 *cosine)
{
    const double shifter = 0x1.8p52; /* adding it rounds to an integer */
    lanes_f64 y = *u * 4.0, shifted = y + shifter;
    lanes_u64 q = (lanes_u64)shifted;
    lanes_f64 a = (y - (shifted - shifter)) * 1.5707963267948966;
    lanes_f64 a2 = a * a;
    double sin_den = 355687428096000.0, cos_den = 20922789888000.0; /* 17!, 16! */
    lanes_f64 sin_poly = (lanes_f64){0} + 1.0 / sin_den;
    lanes_f64 cos_poly = (lanes_f64){0} + 1.0 / cos_den;
    for (int j = 7; j >= 0; j--) { /* the terms' denominators, +-(2j+1)! and +-(2j)! */
        sin_den /= -(double)((2 * j + 2) * (2 * j + 3));
        cos_den /= -(double)((2 * j + 1) * (2 * j + 2));
        sin_poly = sin_poly * a2 + 1.0 / sin_den;
        cos_poly = cos_poly * a2 + 1.0 / cos_den;
    }
    lanes_u64 s = (lanes_u64)(sin_poly * a), c = (lanes_u64)cos_poly;
    lanes_u64 odd = -(q & 1); /* all ones in the lanes to swap */
    lanes_u64 sin_sign = (q & 2) << 62, cos_sign = ((q + 1) & 2) << 62;
    *sine = (lanes_f64)(((c & odd) | (s & ~odd)) ^ sin_sign);
    *cosine = (lanes_f64)(((s & odd) | (c & ~odd)) ^ cos_sign);
}

/* x[0 .. 16): uniforms in [0, 1) in, normals out. The first eight give
 * the radii (from 1 - u, in (0, 1]), the next eight the angles. */
static void box_muller_16(double *x)
{
    lanes_f64 u1, u2, sine, cosine;
    memcpy(&u1, x, sizeof u1);
    memcpy(&u2, x + LANES, sizeof u2);
    lanes_f64 radius = 1.0 - u1;
    lanes_log(&radius);
    radius *= -2.0;
    lanes_sqrt(&radius);
    lanes_sincos_turns(&u2, &sine, &cosine);
    lanes_f64 z0 = radius * cosine, z1 = radius * sine;
    memcpy(x, &z0, sizeof z0);
    memcpy(x + LANES, &z1, sizeof z1);
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
    size_t whole = n - n % (2 * LANES);
    for (size_t start = 0; start < whole; start += BLOCK) {
        size_t count = whole - start < BLOCK ? whole - start : BLOCK;
        mc_streams_uniform(g, out + start, count);
        for (size_t i = 0; i < count; i += 2 * LANES)
            box_muller_16(out + start + i);
    }
    if (whole < n) {
        double last[2 * LANES];
        mc_streams_uniform(g, last, 2 * LANES);
        box_muller_16(last);
        memcpy(out + whole, last, (n - whole) * sizeof(double));
    }
    return MC_OK;
    // END SOLUTION
}
