/* simd.h: one source for vector kernels on SSE2, AVX2 and AVX-512.
 *
 * A kernel written with these types and functions compiles, line for line,
 * to 128-bit SSE2 (plain x86-64), 256-bit AVX2 with FMA (x86-64-v3, most
 * laptops) or 512-bit AVX-512 (x86-64-v4), whichever the compiler targets
 * (-march=...). The width is a compile-time constant, so loops step by
 * VF_LANES or VD_LANES and the compiler unrolls and allocates registers as
 * it would for hand-written intrinsics; there is no run-time dispatch and no
 * path that only one kind of processor ever runs.
 *
 * The types are GCC/Clang vector extensions: +, -, *, / and comparisons work
 * lane by lane. What the extensions lack (fused multiply-add, min, max,
 * non-temporal stores, horizontal sums) is here, one intrinsic per width.
 * Loads and stores are unaligned unless named _aligned. */
#ifndef SUPPORT_SIMD_H
#define SUPPORT_SIMD_H

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#if defined(__AVX512F__)
#define SIMD_BYTES 64
#define SIMD_NAME "AVX-512"
#elif defined(__AVX2__) && defined(__FMA__)
#define SIMD_BYTES 32
#define SIMD_NAME "AVX2+FMA"
#elif defined(__AVX__)
#define SIMD_BYTES 32
#define SIMD_NAME "AVX"
#else
#define SIMD_BYTES 16
#define SIMD_NAME "SSE2"
#endif

enum { VF_LANES = SIMD_BYTES / 4, VD_LANES = SIMD_BYTES / 8 };

typedef float vf __attribute__((vector_size(SIMD_BYTES)));
typedef double vd __attribute__((vector_size(SIMD_BYTES)));
typedef int32_t vi32 __attribute__((vector_size(SIMD_BYTES)));
typedef int64_t vi64 __attribute__((vector_size(SIMD_BYTES)));

/* ---- loads, stores, constants ------------------------------------------------ */

static inline vf vf_load(const float *p)
{
    vf v;
    memcpy(&v, p, sizeof v); /* one unaligned load instruction */
    return v;
}

static inline void vf_store(float *p, vf v)
{
    memcpy(p, &v, sizeof v);
}

static inline vd vd_load(const double *p)
{
    vd v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void vd_store(double *p, vd v)
{
    memcpy(p, &v, sizeof v);
}

static inline vf vf_set1(float x)
{
    return (vf){0} + x;
}

static inline vd vd_set1(double x)
{
    return (vd){0} + x;
}

/* Non-temporal store: writes the cache line without reading it first. p
 * must be aligned to SIMD_BYTES. */
static inline void vf_stream(float *p, vf v)
{
#if SIMD_BYTES == 64
    _mm512_stream_ps(p, (__m512)v);
#elif SIMD_BYTES == 32
    _mm256_stream_ps(p, (__m256)v);
#else
    _mm_stream_ps(p, (__m128)v);
#endif
}

static inline void vd_stream(double *p, vd v)
{
#if SIMD_BYTES == 64
    _mm512_stream_pd(p, (__m512d)v);
#elif SIMD_BYTES == 32
    _mm256_stream_pd(p, (__m256d)v);
#else
    _mm_stream_pd(p, (__m128d)v);
#endif
}

/* ---- arithmetic -------------------------------------------------------------- */

/* a * b + c, rounded once where the processor has FMA. */
static inline vf vf_fma(vf a, vf b, vf c)
{
#if SIMD_BYTES == 64
    return (vf)_mm512_fmadd_ps((__m512)a, (__m512)b, (__m512)c);
#elif SIMD_BYTES == 32 && defined(__FMA__)
    return (vf)_mm256_fmadd_ps((__m256)a, (__m256)b, (__m256)c);
#else
    return a * b + c;
#endif
}

static inline vd vd_fma(vd a, vd b, vd c)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_fmadd_pd((__m512d)a, (__m512d)b, (__m512d)c);
#elif SIMD_BYTES == 32 && defined(__FMA__)
    return (vd)_mm256_fmadd_pd((__m256d)a, (__m256d)b, (__m256d)c);
#else
    return a * b + c;
#endif
}

/* max and min as the instructions define them: if either is NaN, the second
 * operand is returned. */
static inline vf vf_max(vf a, vf b)
{
#if SIMD_BYTES == 64
    return (vf)_mm512_max_ps((__m512)a, (__m512)b);
#elif SIMD_BYTES == 32
    return (vf)_mm256_max_ps((__m256)a, (__m256)b);
#else
    return (vf)_mm_max_ps((__m128)a, (__m128)b);
#endif
}

static inline vf vf_min(vf a, vf b)
{
#if SIMD_BYTES == 64
    return (vf)_mm512_min_ps((__m512)a, (__m512)b);
#elif SIMD_BYTES == 32
    return (vf)_mm256_min_ps((__m256)a, (__m256)b);
#else
    return (vf)_mm_min_ps((__m128)a, (__m128)b);
#endif
}

static inline vd vd_max(vd a, vd b)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_max_pd((__m512d)a, (__m512d)b);
#elif SIMD_BYTES == 32
    return (vd)_mm256_max_pd((__m256d)a, (__m256d)b);
#else
    return (vd)_mm_max_pd((__m128d)a, (__m128d)b);
#endif
}

/* ---- across the lanes -------------------------------------------------------- */

static inline float vf_sum(vf v)
{
    float s = 0.0f;
    for (int i = 0; i < VF_LANES; i++)
        s += v[i];
    return s;
}

static inline double vd_sum(vd v)
{
    double s = 0.0;
    for (int i = 0; i < VD_LANES; i++)
        s += v[i];
    return s;
}

static inline float vf_max_lane(vf v)
{
    float m = v[0];
    for (int i = 1; i < VF_LANES; i++)
        m = v[i] > m ? v[i] : m;
    return m;
}

/* ---- bits -------------------------------------------------------------------- */

static inline vi32 vf_bits(vf v)
{
    return (vi32)v;
}

static inline vf vf_from_bits(vi32 v)
{
    return (vf)v;
}

/* ---- for lesson 03: ordering non-temporal stores ---------------------------- */

/* Makes every non-temporal store before it visible before any store after
 * it: needed once after a run of vf_stream/vd_stream. */
static inline void vf_stream_fence(void)
{
    _mm_sfence();
}

#endif
