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

/* One lane of vd_fma, rounded the same way: fused where vd_fma is, a * b + c
 * where it is not (SSE2), so that scalar code can finish what a kernel did. */
static inline double sd_fma(double a, double b, double c)
{
#if SIMD_BYTES == 64 || (SIMD_BYTES == 32 && defined(__FMA__))
    return __builtin_fma(a, b, c);
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

/* ---- broadcasts: one instruction, and -0.0 stays -0.0 (vd_set1 adds +0.0) ---- */

static inline vf vf_broadcast(float x)
{
#if SIMD_BYTES == 64
    return (vf)_mm512_set1_ps(x);
#elif SIMD_BYTES == 32
    return (vf)_mm256_set1_ps(x);
#else
    return (vf)_mm_set1_ps(x);
#endif
}

static inline vd vd_broadcast(double x)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_set1_pd(x);
#elif SIMD_BYTES == 32
    return (vd)_mm256_set1_pd(x);
#else
    return (vd)_mm_set1_pd(x);
#endif
}

/* ---- widening to double, unsigned bits, ordering streamed stores ------------ */

typedef uint32_t vu32 __attribute__((vector_size(SIMD_BYTES)));

/* Lanes 0 .. VD_LANES - 1 of v, converted to double. */
static inline vd vf_low_to_vd(vf v)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_cvtps_pd(_mm512_castps512_ps256((__m512)v));
#elif SIMD_BYTES == 32
    return (vd)_mm256_cvtps_pd(_mm256_castps256_ps128((__m256)v));
#else
    return (vd)_mm_cvtps_pd((__m128)v);
#endif
}

/* Lanes VD_LANES .. VF_LANES - 1 of v, converted to double. */
static inline vd vf_high_to_vd(vf v)
{
#if SIMD_BYTES == 64
    return (vd)_mm512_cvtps_pd(
        _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd((__m512)v), 1)));
#elif SIMD_BYTES == 32
    return (vd)_mm256_cvtps_pd(_mm256_extractf128_ps((__m256)v, 1));
#else
    return (vd)_mm_cvtps_pd(_mm_movehl_ps((__m128)v, (__m128)v));
#endif
}

/* Makes the stores of vf_stream and vd_stream visible before any store that
 * follows: call it once after a run of them. */
static inline void simd_stream_fence(void)
{
    _mm_sfence();
}

/* ---- transposing a square block of doubles in registers; tree sums --------- */

/* r[i][j] becomes r[j][i]: row i of the block, loaded as one vector, becomes
 * column i. 2, 8 and 24 shuffles for 2, 4 and 8 lanes. */
static inline void vd_transpose(vd r[VD_LANES])
{
#if SIMD_BYTES == 64
    __m512d t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm512_unpacklo_pd((__m512d)r[i], (__m512d)r[i + 1]);
        t[i + 1] = _mm512_unpackhi_pd((__m512d)r[i], (__m512d)r[i + 1]);
    }
    for (int h = 0; h < 8; h += 4) {
        u[h] = _mm512_shuffle_f64x2(t[h], t[h + 2], 0x88);
        u[h + 1] = _mm512_shuffle_f64x2(t[h + 1], t[h + 3], 0x88);
        u[h + 2] = _mm512_shuffle_f64x2(t[h], t[h + 2], 0xdd);
        u[h + 3] = _mm512_shuffle_f64x2(t[h + 1], t[h + 3], 0xdd);
    }
    for (int i = 0; i < 4; i++) {
        r[i] = (vd)_mm512_shuffle_f64x2(u[i], u[i + 4], 0x88);
        r[i + 4] = (vd)_mm512_shuffle_f64x2(u[i], u[i + 4], 0xdd);
    }
#elif SIMD_BYTES == 32
    __m256d t0 = _mm256_unpacklo_pd((__m256d)r[0], (__m256d)r[1]);
    __m256d t1 = _mm256_unpackhi_pd((__m256d)r[0], (__m256d)r[1]);
    __m256d t2 = _mm256_unpacklo_pd((__m256d)r[2], (__m256d)r[3]);
    __m256d t3 = _mm256_unpackhi_pd((__m256d)r[2], (__m256d)r[3]);
    r[0] = (vd)_mm256_permute2f128_pd(t0, t2, 0x20);
    r[1] = (vd)_mm256_permute2f128_pd(t1, t3, 0x20);
    r[2] = (vd)_mm256_permute2f128_pd(t0, t2, 0x31);
    r[3] = (vd)_mm256_permute2f128_pd(t1, t3, 0x31);
#else
    __m128d t0 = _mm_unpacklo_pd((__m128d)r[0], (__m128d)r[1]);
    __m128d t1 = _mm_unpackhi_pd((__m128d)r[0], (__m128d)r[1]);
    r[0] = (vd)t0;
    r[1] = (vd)t1;
#endif
}

/* The sum of the lanes of v, added as a tree (halves, then quarters...):
 * log2(VD_LANES) shuffles and adds, in a different order from vd_sum. */
static inline double vd_sum_tree(vd v)
{
#if SIMD_BYTES == 64
    return _mm512_reduce_add_pd((__m512d)v);
#elif SIMD_BYTES == 32
    __m128d h = _mm_add_pd(_mm256_castpd256_pd128((__m256d)v),
                           _mm256_extractf128_pd((__m256d)v, 1));
    return _mm_cvtsd_f64(_mm_add_sd(h, _mm_unpackhi_pd(h, h)));
#else
    return _mm_cvtsd_f64(_mm_add_sd((__m128d)v, _mm_unpackhi_pd((__m128d)v, (__m128d)v)));
#endif
}

#endif
