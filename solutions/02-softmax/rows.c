/* rows.c: softmax of every row of a float matrix, fast (chapter section 7).
 *
 * The kernel of a transformer's attention: it must run at the speed of
 * memory. For each row (1000 floats = 4 KB, which fits in the L1 cache):
 *   1. e[j] = exp(x[j]) * 2^(64 - q), with q chosen from the row's maximum,
 *      into a small buffer that stays in L1, adding up the e[j];
 *   2. out[j] = e[j] / sum, stored straight to main memory.
 * The maximum of the next row is found during step 1, so main memory is read
 * once per element and written once. Section 7 explains every step. */
#include "softmax.h"

#include <math.h>
#include <stdint.h>

// BEGIN SOLUTION
#if defined(__AVX__)
#include <immintrin.h>
#endif

/* fmaf is one instruction where the processor has FMA (-march=native), and
 * a slow library call where it has not. The code below is accurate either
 * way. */
#if defined(FP_FAST_FMAF) || defined(__FMA__)
#define MUL_ADD(a, b, c) fmaf(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

enum {
    BUFFER_FLOATS = 4096,  /* rows up to 16 KB are exponentiated into L1 */
    BLOCK = 256,           /* floats per step of the exponential loop */
    PREFETCH_AHEAD = 4096, /* how far ahead of that loop to fetch x (16 KB) */
};

/* Outputs of at least this many floats (32 MB) are written with
 * non-temporal stores: they would not stay in the cache anyway. */
#define STREAM_MIN_FLOATS ((size_t)8 << 20)

/* Adding 1.5 * 2^23 to a float of magnitude below 2^22 rounds it to an
 * integer, which then sits in the low bits of the sum. */
#define ROUND_SHIFT 0x1.8p23f
#define LOG2E 1.44269504f

/* Rows whose maximum is larger than this in magnitude are shifted first
 * (see exp_scaled). */
#define LARGE_LOGIT 16384.0f

/* A float's bits. Reading a union member other than the one last written
 * reinterprets the bits (C11 6.5.2.3). */
typedef union {
    float f;
    uint32_t u;
    int32_t i;
} float_bits;

/* 2^(64 - q) exp(x) to about 1 ulp, where c = ROUND_SHIFT + 64 - q, for
 * x <= (q + 1) ln 2 and |x| < 22000 or x far below q ln 2 (the result is
 * then 0, exactly; -INFINITY included).
 *
 * Why not exp(x - m) as in sm_softmax? Rounded to float, x - m is off by up
 * to 2^-24 |x - m|, an error that exp turns into a relative one: 2e-6 for
 * x - m = -32, over the 1e-6 we want. Multiplying exp(x) by a power of two
 * 2^-q, with q ln 2 close to m, keeps the numbers in range just as well, and
 * is exact.
 *
 * x = k ln 2 + r with k an integer and |r| <= ln(2)/2, so that
 * exp(x) = 2^k exp(r): a polynomial gives exp(r), and adding k - q + 64 to
 * the exponent bits of the result multiplies it by 2^(k - q + 64). With
 * ln 2 = ln2_hi + ln2_lo and ln2_hi of 9 significant bits, k * ln2_hi is
 * exact for |k| < 2^15 and so is x - k * ln2_hi (the two are within a factor
 * of 2): r comes out with an error near 1e-8, whatever x is.
 *
 * The extra 2^64 keeps the result a normal float down to probabilities of
 * 2^-150; the final multiplication by 1 / sum then rounds the tiny ones
 * correctly to subnormals, instead of losing them on the way. */
static inline float exp_scaled(float x, float c)
{
    const float ln2_hi = 0.693359375f, ln2_lo = -2.12194440e-4f;
    float_bits shifted = {MUL_ADD(x, LOG2E, c)}; /* c + round(x log2 e) */
    float k = shifted.f - c;
    float r = MUL_ADD(k, -ln2_hi, x);
    r = MUL_ADD(k, -ln2_lo, r);
    /* Taylor to degree 7: the first term left out, r^8 / 8!, is below
     * 6e-9 of the result. */
    float p = 1.0f / 5040;
    p = MUL_ADD(p, r, 1.0f / 720);
    p = MUL_ADD(p, r, 1.0f / 120);
    p = MUL_ADD(p, r, 1.0f / 24);
    p = MUL_ADD(p, r, 1.0f / 6);
    p = MUL_ADD(p, r, 0.5f);
    p = MUL_ADD(p, r, 1.0f);
    p = MUL_ADD(p, r, 1.0f);
    /* The low 9 bits of `shifted` hold k - q + 64: shifted by 23 they land
     * in the exponent field. Below 2^-150 the result would wrap around, so
     * it is zeroed: that is every lane with k - q + 64 < -86, or with a
     * negative `shifted` (x = -inf or very far below). Integer comparisons,
     * and a mask rather than a float ?:, keep the loop free of branches
     * that would stop gcc from vectorising it. */
    const float_bits smallest = {ROUND_SHIFT - 86.0f};
    float_bits e = {p};
    uint32_t keep = shifted.i >= smallest.i ? UINT32_MAX : 0;
    e.u = (e.u + (shifted.u << 23)) & keep;
    return e.f;
}

/* The maximum of a row, found on the floats' bits: clang 14 does not
 * vectorise a float max (because of NaN), integer ones it does. The bits of
 * floats >= +0, read as signed integers, are in the order of the floats,
 * and a NaN with its sign bit clear comes above them all. The bits of
 * negative floats, read as unsigned integers, are in reverse order; adding
 * NEGATIVE_NAN_SHIFT to them (modulo 2^32) moves the NaNs with the sign bit
 * set, 0xff800001 and up, below everything else (to 0..0x7ffffe), where the
 * minimum finds them. Such a NaN is what inf - inf and 0 / 0 give on x86. */
typedef struct {
    int32_t top;     /* the largest bits as signed: the maximum if >= 0 */
    uint32_t bottom; /* the smallest shifted bits as unsigned: used if all < 0 */
} max_bits;

#define NEGATIVE_NAN_SHIFT 0x7fffffu

static const max_bits NO_MAX = {INT32_MIN, UINT32_MAX}; /* UINT32_MAX is -inf, shifted */

static float max_value(max_bits m)
{
    float_bits b;
    if (m.bottom < NEGATIVE_NAN_SHIFT)
        return NAN;
    if (m.top >= 0)
        b.i = m.top;
    else
        b.u = m.bottom - NEGATIVE_NAN_SHIFT;
    return b.f;
}

static float row_max(const float *x, size_t cols)
{
    int32_t top = NO_MAX.top;
    uint32_t bottom = NO_MAX.bottom;
#pragma omp simd simdlen(16) reduction(max : top) reduction(min : bottom)
    for (size_t j = 0; j < cols; j++) {
        float_bits b = {x[j]};
        uint32_t shifted = b.u + NEGATIVE_NAN_SHIFT;
        top = b.i > top ? b.i : top;
        bottom = shifted < bottom ? shifted : bottom;
    }
    return max_value((max_bits){top, bottom});
}

/* e[j] = exp_scaled(x[j], c) for n values; returns their sum, in double: a
 * float sum of 1000 terms can be off by more than 1e-6. The same loop
 * takes the maximum of n values of the next row into *next_max: those
 * loads from main memory then overlap with the arithmetic. */
static double exp_block(const float *x, size_t n, float c, float *e, const float *next,
                        max_bits *next_max)
{
    double sum = 0.0;
    int32_t top = next_max->top;
    uint32_t bottom = next_max->bottom;
#pragma omp simd simdlen(16) reduction(+ : sum) reduction(max : top) reduction(min : bottom)
    for (size_t j = 0; j < n; j++) {
        float v = exp_scaled(x[j], c);
        e[j] = v;
        sum += v;
        float_bits b = {next[j]};
        uint32_t shifted = b.u + NEGATIVE_NAN_SHIFT;
        top = b.i > top ? b.i : top;
        bottom = shifted < bottom ? shifted : bottom;
    }
    next_max->top = top;
    next_max->bottom = bottom;
    return sum;
}

/* Asks the memory for n floats at p (one request per 64-byte line) without
 * waiting for them. */
static void prefetch(const float *p, size_t n)
{
#if defined(__GNUC__)
    for (size_t j = 0; j < n; j += 16)
        __builtin_prefetch(p + j);
#else
    (void)p;
    (void)n;
#endif
}

/* exp_block over a whole row, a block at a time, requesting the matching
 * part of the matrix PREFETCH_AHEAD floats ahead (if ahead is not NULL) so
 * that it has arrived by the time the loop gets there. */
static double exp_row(const float *x, size_t cols, float c, float *e, const float *next,
                      const float *ahead, max_bits *next_max)
{
    double sum = 0.0;
    for (size_t start = 0; start < cols; start += BLOCK) {
        size_t n = cols - start < BLOCK ? cols - start : BLOCK;
        if (ahead)
            prefetch(ahead + start, n);
        sum += exp_block(x + start, n, c, e + start, next + start, next_max);
    }
    return sum;
}

static void scale(const float *e, size_t n, float factor, float *out)
{
#pragma omp simd simdlen(16)
    for (size_t j = 0; j < n; j++)
        out[j] = e[j] * factor;
}

/* scale() with non-temporal stores, which write out's cache lines without
 * first reading them from memory (an ordinary store must, and that costs
 * a third of the memory traffic). They need aligned addresses: the first
 * few floats of a row are stored the ordinary way. */
static void scale_streaming(const float *e, size_t n, float factor, float *out)
{
#if defined(__AVX512F__) || defined(__AVX__)
#if defined(__AVX512F__)
    enum { LANES = 16 };
#else
    enum { LANES = 8 };
#endif
    size_t j = 0;
    for (; j < n && (uintptr_t)(out + j) % (LANES * sizeof(float)) != 0; j++)
        out[j] = e[j] * factor;
#if defined(__AVX512F__)
    __m512 f = _mm512_set1_ps(factor);
    for (; j + LANES <= n; j += LANES)
        _mm512_stream_ps(out + j, _mm512_mul_ps(_mm512_loadu_ps(e + j), f));
#else
    __m256 f = _mm256_set1_ps(factor);
    for (; j + LANES <= n; j += LANES)
        _mm256_stream_ps(out + j, _mm256_mul_ps(_mm256_loadu_ps(e + j), f));
#endif
    scale(e + j, n - j, factor, out + j);
#else
    scale(e, n, factor, out);
#endif
}

typedef struct {
    float *buffer; /* BUFFER_FLOATS floats, or NULL: then out is the buffer */
    int stream;    /* store with scale_streaming */
} row_plan;

/* Softmax of the row x, whose maximum is m, into out. next is the following
 * row (or x itself for the last one); returns its maximum. */
static float softmax_row(const float *x, size_t cols, float m, const float *next,
                         const float *ahead, float *out, row_plan plan)
{
    if (!isfinite(m)) { /* every entry -inf, or a NaN or +inf: no distribution */
        for (size_t j = 0; j < cols; j++)
            out[j] = NAN;
        return row_max(next, cols);
    }
    float *e = plan.buffer ? plan.buffer : out;
    if (fabsf(m) > LARGE_LOGIT) {
        /* k ln2_hi is no longer exact, but x - m is, by Sterbenz's lemma,
         * for every x close enough to m to matter. Softmax is the same for
         * x - m as for x. */
        for (size_t j = 0; j < cols; j++)
            e[j] = x[j] - m;
        x = e;
        m = 0.0f;
    }
    float c = ROUND_SHIFT + 64.0f - rintf(m * LOG2E);
    max_bits next_max = NO_MAX;
    double sum = exp_row(x, cols, c, e, next, ahead, &next_max);
    float factor = (float)(1.0 / sum);
    if (plan.stream)
        scale_streaming(e, cols, factor, out);
    else
        scale(e, cols, factor, out);
    return max_value(next_max);
}
// END SOLUTION

void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    // TODO: for each row: its maximum m, then e[j] = expf(x[j] - m) and their
    //   sum, then e[j] / sum. That is correct but neither accurate enough
    //   (x[j] - m is rounded) nor fast: section 7 builds the fast version
    //   step by step.
    // STUB: (void)x; (void)rows; (void)cols; (void)out;
    // BEGIN SOLUTION
    if (!x || !out || rows == 0 || cols == 0)
        return;
    _Alignas(64) float buffer[BUFFER_FLOATS];
    row_plan plan = {cols <= BUFFER_FLOATS ? buffer : NULL, 0};
    plan.stream = plan.buffer && rows * cols >= STREAM_MIN_FLOATS;
    float m = row_max(x, cols);
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        const float *next = r + 1 < rows ? row + cols : row;
        int room_ahead = (rows - r) * cols >= PREFETCH_AHEAD + cols;
        const float *ahead = room_ahead ? row + PREFETCH_AHEAD : NULL;
        m = softmax_row(row, cols, m, next, ahead, out + r * cols, plan);
    }
#if defined(__AVX__)
    if (plan.stream)
        _mm_sfence(); /* order the streamed stores before any later store */
#endif
    // END SOLUTION
}
