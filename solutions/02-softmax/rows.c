/* rows.c: softmax of every row of a float matrix (chapter section 7).
 *
 * The kernel of a transformer's attention. Each row is independent; the
 * goal is a relative error below 1e-6 on every probability. Speed earns no
 * points; section 8 (optional) measures it against copying the matrix. */
#include "softmax.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

// BEGIN SOLUTION
/* For each row (1000 floats = 4 KB, which fits in the L1 cache):
 *   1. e[j] = exp(x[j]) * 2^(64 - q), with q chosen from the row's maximum,
 *      into a small buffer that stays in L1, adding up the e[j];
 *   2. out[j] = e[j] / sum, stored straight to main memory.
 * The maximum of the next row is found during step 1, so main memory is
 * read once per element and written once. The code is written on the
 * vector types of support/simd.h: the same lines compile to 4, 8 or 16
 * lanes (SSE2, AVX2, AVX-512). */
#include "simd.h"

enum {
    BUFFER_FLOATS = 4096, /* rows up to 16 KB are exponentiated into L1 */
    UNROLL = 4,           /* vectors per step of the exponential loop */
    LINE_FLOATS = 16,     /* floats per 64-byte cache line */
};

/* Outputs of at least this many floats (32 MB) are written with
 * non-temporal stores: they would not stay in the cache anyway. */
#define STREAM_MIN_FLOATS ((size_t)8 << 20)

/* Adding 1.5 * 2^23 to a float of magnitude below 2^22 rounds it to an
 * integer, which then sits in the low bits of the sum. */
#define ROUND_SHIFT 0x1.8p23f
#define LOG2E 1.44269504f

/* Rows whose maximum is larger than this in magnitude are shifted first
 * (see softmax_row). */
#define LARGE_LOGIT 16384.0f

/* Logits more than this below the row's maximum are raised to it: their
 * probability, below e^-110, rounds to 0 in float either way. */
#define LOWEST_BELOW_MAX 110.0f

/* The constants of exp_scaled, one vector each. */
typedef struct {
    vf c;      /* ROUND_SHIFT + 191 - q */
    vf lowest; /* the row's maximum minus LOWEST_BELOW_MAX */
} exp_params;

/* 2^(64 - q) exp(x) to about 1 ulp, where c = ROUND_SHIFT + 191 - q, for
 * x <= (q + 1) ln 2 and |x| < 22000. A NaN gives a NaN, whatever its sign.
 *
 * Why not exp(x - m) as in sm_softmax? Rounded to float, x - m is off by up
 * to 2^-24 |x - m|, an error that exp turns into a relative one: 2e-6 for
 * x - m = -32, over the 1e-6 we want. Multiplying exp(x) by a power of two
 * 2^-q, with q ln 2 close to m, keeps the numbers in range just as well, and
 * is exact.
 *
 * x = k ln 2 + r with k an integer and |r| <= ln(2)/2, so that
 * exp(x) = 2^k exp(r): a polynomial gives exp(r), and a multiplication by
 * 2^(k - q + 64), built in the exponent bits of a float, does the rest.
 * With ln 2 = ln2_hi + ln2_lo and ln2_hi of 9 significant bits, k * ln2_hi
 * is exact for |k| < 2^15 and so is x - k * ln2_hi (the two are within a
 * factor of 2): r comes out with an error near 1e-8, whatever x is.
 *
 * The extra 2^64 keeps the result a normal float down to probabilities of
 * 2^-150; the final multiplication by 1 / sum then rounds the tiny ones
 * correctly to subnormals, instead of losing them on the way. */
static inline vf exp_scaled(vf x, exp_params a)
{
    const float ln2_hi = 0.693359375f, ln2_lo = -2.12194440e-4f;
    /* vf_max returns its second operand when one is NaN: x, so a NaN goes
     * through; -inf becomes `lowest`, so 2^(k - q + 64) stays above 2^-96,
     * a normal float. */
    x = vf_max(a.lowest, x);
    vf shifted = vf_fma(x, vf_set1(LOG2E), a.c); /* c + round(x log2 e) */
    vf k = shifted - a.c;
    vf r = vf_fma(k, vf_set1(-ln2_hi), x);
    r = vf_fma(k, vf_set1(-ln2_lo), r);
    /* Degree 6, fitted to exp on [-ln(2)/2, ln(2)/2]: error below 2e-9,
     * where Taylor's series needs degree 7 for 6e-9. */
    vf p = vf_set1(1.39411294e-3f);
    p = vf_fma(p, r, vf_set1(8.37514270e-3f));
    p = vf_fma(p, r, vf_set1(4.16663513e-2f));
    p = vf_fma(p, r, vf_set1(1.66664153e-1f));
    p = vf_fma(p, r, vf_set1(0.5f));
    p = vf_fma(p, r, vf_set1(1.0f));
    p = vf_fma(p, r, vf_set1(1.0f));
    /* The low 9 bits of `shifted` hold k - q + 191, between 32 and 192:
     * shifted by 23 they are the exponent field of 2^(k - q + 64). */
    vf scale = vf_from_bits((vi32)((vu32)vf_bits(shifted) << 23));
    return p * scale;
}

/* The n < VF_LANES floats at p, the other lanes set to fill. */
static inline vf load_partial(const float *p, size_t n, float fill)
{
    vf v = vf_set1(fill);
    memcpy(&v, p, n * sizeof *p);
    return v;
}

/* v's lanes converted to double and added into two accumulators. */
static inline void add_to_double(vd sum[2], vf v)
{
    sum[0] += vf_low_to_vd(v);
    sum[1] += vf_high_to_vd(v);
}

/* e[j] = exp_scaled(x[j]) for j < n; returns their sum, in double: a float
 * sum of 1000 terms can be off by more than 1e-6. Each step adds UNROLL
 * vectors in float, in pairs (two roundings, 1e-7 at most), before
 * converting them. The same loop takes the maximum of n values of the next
 * row into *next_max: those loads from main memory then overlap with the
 * arithmetic. e has room for n rounded up to whole vectors if e_padded. */
static double exp_row(const float *x, size_t n, exp_params a, float *e, int e_padded,
                      const float *next, vf *next_max)
{
    vd sum[2] = {{0}, {0}};
    vf top = *next_max;
    size_t j = 0;
    for (; j + UNROLL * VF_LANES <= n; j += UNROLL * VF_LANES) {
        vf e0 = exp_scaled(vf_load(x + j), a);
        vf e1 = exp_scaled(vf_load(x + j + VF_LANES), a);
        vf e2 = exp_scaled(vf_load(x + j + 2 * VF_LANES), a);
        vf e3 = exp_scaled(vf_load(x + j + 3 * VF_LANES), a);
        vf_store(e + j, e0);
        vf_store(e + j + VF_LANES, e1);
        vf_store(e + j + 2 * VF_LANES, e2);
        vf_store(e + j + 3 * VF_LANES, e3);
        add_to_double(sum, (e0 + e1) + (e2 + e3));
        vf m01 = vf_max(vf_load(next + j), vf_load(next + j + VF_LANES));
        vf m23 = vf_max(vf_load(next + j + 2 * VF_LANES), vf_load(next + j + 3 * VF_LANES));
        top = vf_max(vf_max(m01, m23), top);
    }
    for (; j + VF_LANES <= n; j += VF_LANES) {
        vf v = exp_scaled(vf_load(x + j), a);
        vf_store(e + j, v);
        add_to_double(sum, v);
        top = vf_max(vf_load(next + j), top);
    }
    if (j < n) {
        /* -inf in the missing lanes: their e is below 2^-94, nothing next
         * to the sum, which is at least 2^62. */
        vf v = exp_scaled(load_partial(x + j, n - j, -INFINITY), a);
        if (e_padded)
            vf_store(e + j, v);
        else
            memcpy(e + j, &v, (n - j) * sizeof *e);
        add_to_double(sum, v);
        top = vf_max(load_partial(next + j, n - j, -INFINITY), top);
    }
    *next_max = top;
    return vd_sum(sum[0] + sum[1]);
}

/* The maximum of n floats, or any value at all if one of them is NaN: the
 * row then comes out as NaN however its maximum came out (see exp_scaled). */
static vf row_max(const float *x, size_t n)
{
    vf top = vf_set1(-INFINITY);
    size_t j = 0;
    for (; j + VF_LANES <= n; j += VF_LANES)
        top = vf_max(vf_load(x + j), top);
    if (j < n)
        top = vf_max(load_partial(x + j, n - j, -INFINITY), top);
    return top;
}

/* out[j] = e[j] * factor for j < n. With stream, the whole 64-byte lines of
 * out are written with non-temporal stores, which write a cache line
 * without first reading it from memory (an ordinary store must, and that
 * costs a third of the memory traffic); the partial lines at either end
 * are stored the ordinary way. */
static void scale(const float *e, size_t n, float factor, float *out, int stream)
{
    vf f = vf_set1(factor);
    size_t j = 0;
    if (stream) {
        size_t head = (64 - (uintptr_t)out % 64) % 64 / sizeof *out;
        for (; j < head && j < n; j++)
            out[j] = e[j] * factor;
        for (; j + LINE_FLOATS <= n; j += LINE_FLOATS)
            for (size_t k = 0; k < LINE_FLOATS; k += VF_LANES)
                vf_stream(out + j + k, vf_load(e + j + k) * f);
    }
    for (; j + VF_LANES <= n; j += VF_LANES)
        vf_store(out + j, vf_load(e + j) * f);
    for (; j < n; j++)
        out[j] = e[j] * factor;
}

typedef struct {
    float *buffer; /* BUFFER_FLOATS floats, or NULL: then out is the buffer */
    int stream;    /* store the results with non-temporal stores */
} row_plan;

/* Softmax of the row x, whose maximum is m, into out. next is the following
 * row (or x itself for the last one); returns its maximum. */
static float softmax_row(const float *x, size_t cols, float m, const float *next, float *out,
                         row_plan plan)
{
    vf next_max = vf_set1(-INFINITY);
    if (!isfinite(m)) { /* every entry -inf, or a NaN or +inf: no distribution */
        for (size_t j = 0; j < cols; j++)
            out[j] = NAN;
        return vf_max_lane(row_max(next, cols));
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
    exp_params a = {vf_set1(ROUND_SHIFT + 191.0f - rintf(m * LOG2E)),
                    vf_set1(m - LOWEST_BELOW_MAX)};
    double sum = exp_row(x, cols, a, e, plan.buffer != NULL, next, &next_max);
    /* A NaN in the row made the sum NaN, and so every out[j]. */
    scale(e, cols, (float)(1.0 / sum), out, plan.stream);
    return vf_max_lane(next_max);
}
// END SOLUTION

void sm_softmax_rows(const float *x, size_t rows, size_t cols, float *out)
{
    // TODO: for each row, in double (section 7.1): its maximum m, then
    //   e[j] = exp((double)x[j] - m) and their sum, then out[j] = (float)(e[j]
    //   / sum). Only the results may be rounded to float: expf(x[j] - m)
    //   rounds x[j] - m and misses the 1e-6 contract (section 7.2). Do
    //   nothing when rows or cols is 0.
    // STUB: (void)x; (void)rows; (void)cols; (void)out;
    // BEGIN SOLUTION
    if (!x || !out || rows == 0 || cols == 0)
        return;
    _Alignas(64) float buffer[BUFFER_FLOATS + VF_LANES];
    row_plan plan = {cols <= BUFFER_FLOATS ? buffer : NULL, 0};
    plan.stream = plan.buffer && rows * cols >= STREAM_MIN_FLOATS;
    float m = vf_max_lane(row_max(x, cols));
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        const float *next = r + 1 < rows ? row + cols : row;
        m = softmax_row(row, cols, m, next, out + r * cols, plan);
    }
    if (plan.stream)
        simd_stream_fence(); /* order the streamed stores before any later store */
    // END SOLUTION
}
