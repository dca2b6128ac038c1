/* conv2d.c: 2-D cross-correlation and convolution of float images (chapter
 * sections 5 and 7).
 *
 * Each output row is cut in three. In the middle, where every tap's column
 * lies inside the image, no pixel needs a bounds test: a loop over x keeps
 * a block of outputs of two rows in registers across all the taps, so that
 * each input value loaded serves both rows. Only a few pixels at each end
 * of the row take a slow loop that clips the kernel to the image. Rows near
 * the top and bottom edges simply use fewer kernel rows. Outputs too big for
 * the cache are written with non-temporal stores. */
#include "convolution.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

// BEGIN SOLUTION
#if defined(__AVX__)
#include <immintrin.h>
#endif

/* fmaf is one instruction where the processor has FMA (-march=native), and
 * a slow library call where it has not. gcc does not fuse a * b + c by
 * itself under -std=c11. */
#if defined(FP_FAST_FMAF) || defined(__FMA__)
#define MUL_ADD(a, b, c) fmaf(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

/* gcc unrolls a 5 x 5 loop nest only when asked to, and must do so before
 * it can vectorise the loop around it; clang unrolls it by itself. */
#if defined(__GNUC__) && !defined(__clang__)
#define UNROLL_FULLY _Pragma("GCC unroll 16")
#else
#define UNROLL_FULLY
#endif

enum {
    STRIP = 512,          /* pixels of a row computed in one go (2 KB) */
    PREFETCH_AHEAD = 256, /* how far ahead of the strip to fetch a new input row */
    STACK_KERNEL = 256,   /* kernels up to this many taps are flipped on the stack */
};

/* Outputs of at least this many floats (32 MB) are written with
 * non-temporal stores: they would not stay in the cache anyway. */
#define STREAM_MIN_FLOATS ((size_t)8 << 20)

/* Everything about one correlation. Output (y, x) reads input pixel
 * (y + i - oy, x + j - ox) for tap (i, j). Columns x0 <= x < x1 are the
 * interior ones, whose taps all fall inside the image's width. */
typedef struct {
    const float *img;
    size_t h, w;
    const float *k;
    size_t kh, kw;
    float *out;
    size_t out_h, out_w;
    size_t oy, ox;
    size_t x0, x1;
    int stream;
} correlation;

/* The kernel rows first <= i < end whose input rows lie inside the image. */
typedef struct {
    size_t first, end;
} tap_rows;

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* The offset of the first tap: o = k - 1 (full), (k - 1) / 2 (same), 0
 * (valid). */
static size_t first_tap_offset(size_t k, cv_mode mode)
{
    return mode == CV_FULL ? k - 1 : mode == CV_SAME ? (k - 1) / 2 : 0;
}

static cv_status check_2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                          size_t kw, cv_mode mode, const float *out)
{
    if (!img || !k || !out || h == 0 || w == 0 || kh == 0 || kw == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    if (cv_output_size(h, kh, mode) == 0 || cv_output_size(w, kw, mode) == 0)
        return CV_ERR_SHAPE;
    return CV_OK;
}

/* Input row y + i - oy lies in 0..h-1 for oy - y <= i < h + oy - y. (Shifted
 * by oy, the indices stay unsigned.) */
static tap_rows rows_inside(const correlation *c, size_t y)
{
    tap_rows taps = {c->oy > y ? c->oy - y : 0, min_size(c->kh, c->h + c->oy - y)};
    return taps;
}

/* ---- border columns: clip the kernel to the image --------------------------- */

/* One output pixel, summing only the taps inside the image (in double: a
 * large kernel can make every pixel a border one). */
static float border_pixel(const correlation *c, size_t y, size_t x, tap_rows taps)
{
    size_t j_first = c->ox > x ? c->ox - x : 0, j_end = min_size(c->kw, c->w + c->ox - x);
    double sum = 0.0;
    for (size_t i = taps.first; i < taps.end; i++) {
        const float *in = c->img + (y + i - c->oy) * c->w, *k = c->k + i * c->kw;
        for (size_t j = j_first; j < j_end; j++)
            sum += (double)in[x + j - c->ox] * k[j];
    }
    return (float)sum;
}

static void border_pixels(const correlation *c, size_t y, size_t x_first, size_t x_end,
                          tap_rows taps)
{
    for (size_t x = x_first; x < x_end; x++)
        c->out[y * c->out_w + x] = border_pixel(c, y, x, taps);
}

/* ---- interior columns: no tests --------------------------------------------- */

/* n <= STRIP outputs of one row, for a kernel of any size: in points to the
 * input pixel under tap (0, 0) of the first of them, w is the image's row
 * length. One tap at a time over the whole strip, so that the loop over x
 * vectorises whatever kh and kw are. Each kernel row is summed on its own
 * before it is added to the total, which keeps the rounding error of a large
 * kernel small. */
static void interior_row(const float *in, size_t w, const float *k, size_t kh, size_t kw,
                         float *out, size_t n)
{
    float row_sum[STRIP];
    for (size_t x = 0; x < n; x++)
        out[x] = 0.0f;
    for (size_t i = 0; i < kh; i++) {
        const float *line = in + i * w, *taps = k + i * kw;
#pragma omp simd
        for (size_t x = 0; x < n; x++)
            row_sum[x] = line[x] * taps[0];
        for (size_t j = 1; j < kw; j++) {
#pragma omp simd
            for (size_t x = 0; x < n; x++)
                row_sum[x] = MUL_ADD(line[x + j], taps[j], row_sum[x]);
        }
#pragma omp simd
        for (size_t x = 0; x < n; x++)
            out[x] += row_sum[x];
    }
}

/* interior_row for one or two output rows (`rows`), for kernels whose
 * size is a constant after inlining: the loops over i and j then unroll, the
 * taps stay in registers and the loop over x vectorises, keeping each
 * output's sum in a register across all its taps. With two rows, input row
 * i + 1 serves tap row i + 1 of the top output and tap row i of the bottom
 * one: each load feeds two multiply-adds. One sum per kernel row makes
 * short, independent chains of multiply-adds that the processor overlaps. */
static inline void interior_rows_fixed(const float *restrict in, size_t w,
                                       const float *restrict k, size_t kh, size_t kw,
                                       size_t rows, float *restrict top,
                                       float *restrict bottom, size_t n)
{
#pragma omp simd
    for (size_t x = 0; x < n; x++) {
        float t = 0.0f, b = 0.0f;
        UNROLL_FULLY
        for (size_t i = 0; i < kh; i++) {
            float t_row = 0.0f, b_row = 0.0f;
            UNROLL_FULLY
            for (size_t j = 0; j < kw; j++) {
                t_row = MUL_ADD(in[i * w + x + j], k[i * kw + j], t_row);
                if (rows == 2)
                    b_row = MUL_ADD(in[(i + 1) * w + x + j], k[i * kw + j], b_row);
            }
            t += t_row;
            b += b_row;
        }
        top[x] = t;
        if (rows == 2)
            bottom[x] = b;
    }
}

#if defined(__AVX512F__)
/* The multiply-adds of one block of 16 outputs of one or two rows, in
 * registers: input row i (of kh + rows - 1) is loaded once per tap column j
 * and serves kernel row i of the top output and row i - 1 of the bottom
 * one. Only the `lanes` set in the mask are read. */
static inline void block_avx512(const float *in, size_t w, const __m512 *taps, size_t kh,
                                size_t kw, size_t rows, __mmask16 lanes, __m512 *top,
                                __m512 *bottom)
{
    __m512 t = _mm512_setzero_ps(), b = _mm512_setzero_ps();
    for (size_t i = 0; i < kh + rows - 1; i++)
        for (size_t j = 0; j < kw; j++) {
            const float *p = in + i * w + j;
            __m512 v = lanes == 0xFFFF ? _mm512_loadu_ps(p) : _mm512_maskz_loadu_ps(lanes, p);
#if defined(__GNUC__) && !defined(__clang__)
            /* gcc 12 would fold the load into both multiply-adds, loading
             * v twice; an empty asm that "changes" v pins it in a register. */
            __asm__("" : "+v"(v));
#endif
            if (i < kh)
                t = _mm512_fmadd_ps(v, taps[i * kw + j], t);
            if (rows == 2 && i >= 1)
                b = _mm512_fmadd_ps(v, taps[(i - 1) * kw + j], b);
        }
    *top = t;
    *bottom = b;
}

/* interior_rows_fixed with explicit AVX-512 (kh * kw <= 25): 16 outputs
 * at a time, the last few masked, stored with non-temporal stores when
 * `stream` is set (they need 64-byte aligned addresses; correlate_rows
 * starts every strip but the first at one). */
static inline void interior_rows_avx512(const float *in, size_t w, const float *k, size_t kh,
                                        size_t kw, size_t rows, float *top, float *bottom,
                                        size_t n, int stream)
{
    __m512 taps[25];
    for (size_t t = 0; t < kh * kw; t++)
        taps[t] = _mm512_set1_ps(k[t]);
    int aligned = (uintptr_t)top % 64 == 0 && (rows == 1 || (uintptr_t)bottom % 64 == 0);
    size_t x = 0;
    for (; x + 16 <= n; x += 16) {
        __m512 t, b;
        block_avx512(in + x, w, taps, kh, kw, rows, 0xFFFF, &t, &b);
        if (stream && aligned) {
            _mm512_stream_ps(top + x, t);
            if (rows == 2)
                _mm512_stream_ps(bottom + x, b);
        } else {
            _mm512_storeu_ps(top + x, t);
            if (rows == 2)
                _mm512_storeu_ps(bottom + x, b);
        }
    }
    if (x < n) {
        __mmask16 lanes = (__mmask16)((1u << (n - x)) - 1);
        __m512 t, b;
        block_avx512(in + x, w, taps, kh, kw, rows, lanes, &t, &b);
        _mm512_mask_storeu_ps(top + x, lanes, t);
        if (rows == 2)
            _mm512_mask_storeu_ps(bottom + x, lanes, b);
    }
}
#endif

/* n outputs of `rows` rows in portable C, dispatched on the kernel size:
 * the calls with literal sizes make the compiler generate an unrolled copy
 * of interior_rows_fixed for each. */
static void interior_strip_c(const float *in, size_t w, const float *k, size_t kh, size_t kw,
                             size_t rows, float *top, float *bottom, size_t n)
{
    if (kh == 3 && kw == 3 && rows == 2)
        interior_rows_fixed(in, w, k, 3, 3, 2, top, bottom, n);
    else if (kh == 3 && kw == 3)
        interior_rows_fixed(in, w, k, 3, 3, 1, top, NULL, n);
    else if (kh == 5 && kw == 5 && rows == 2)
        interior_rows_fixed(in, w, k, 5, 5, 2, top, bottom, n);
    else if (kh == 5 && kw == 5)
        interior_rows_fixed(in, w, k, 5, 5, 1, top, NULL, n);
    else
        for (size_t r = 0; r < rows; r++)
            interior_row(in + r * w, w, k, kh, kw, r == 0 ? top : bottom, n);
}

/* Asks the memory for the image's pixels from index `first` on (n of them,
 * or up to the image's end) without waiting for them. The processor's own
 * prefetcher, which follows one stream of addresses well, falls behind on
 * the several rows a kernel reads at once. */
static void prefetch(const correlation *c, size_t first, size_t n)
{
#if defined(__GNUC__)
    size_t end = min_size(first + n, c->h * c->w);
    for (size_t j = first; j < end; j += 16)
        __builtin_prefetch(c->img + j);
#else
    (void)c;
    (void)first;
    (void)n;
#endif
}

/* Copies n floats with non-temporal stores, which write out's cache lines
 * without first reading them from memory (an ordinary store must, and that
 * costs a third of the memory traffic). They need aligned addresses: the
 * first few floats are stored the ordinary way. */
static void store_streaming(const float *from, size_t n, float *to)
{
    size_t j = 0;
#if defined(__AVX512F__)
    for (; j < n && (uintptr_t)(to + j) % 64 != 0; j++)
        to[j] = from[j];
    for (; j + 16 <= n; j += 16)
        _mm512_stream_ps(to + j, _mm512_loadu_ps(from + j));
#elif defined(__AVX__)
    for (; j < n && (uintptr_t)(to + j) % 32 != 0; j++)
        to[j] = from[j];
    for (; j + 8 <= n; j += 8)
        _mm256_stream_ps(to + j, _mm256_loadu_ps(from + j));
#endif
    for (; j < n; j++)
        to[j] = from[j];
}

/* n outputs of `rows` rows (1 or 2), stored with non-temporal stores if
 * `stream` is set. */
static void interior_strip(const float *in, size_t w, const float *k, size_t kh, size_t kw,
                           size_t rows, float *top, float *bottom, size_t n, int stream)
{
#if defined(__AVX512F__)
    if (kh == 3 && kw == 3 && rows == 2)
        interior_rows_avx512(in, w, k, 3, 3, 2, top, bottom, n, stream);
    else if (kh == 3 && kw == 3)
        interior_rows_avx512(in, w, k, 3, 3, 1, top, bottom, n, stream);
    else if (kh == 5 && kw == 5 && rows == 2)
        interior_rows_avx512(in, w, k, 5, 5, 2, top, bottom, n, stream);
    else if (kh == 5 && kw == 5)
        interior_rows_avx512(in, w, k, 5, 5, 1, top, bottom, n, stream);
    if ((kh == 3 && kw == 3) || (kh == 5 && kw == 5))
        return;
#endif
    if (!stream) {
        interior_strip_c(in, w, k, kh, kw, rows, top, bottom, n);
        return;
    }
    _Alignas(64) float buffer[2][STRIP];
    interior_strip_c(in, w, k, kh, kw, rows, buffer[0], buffer[1], n);
    store_streaming(buffer[0], n, top);
    if (rows == 2)
        store_streaming(buffer[1], n, bottom);
}

/* Output rows y .. y + rows - 1 (rows is 1 or 2), which use the same kernel
 * rows `taps`. The first strip ends where the output is 64-byte aligned,
 * so that the others can use non-temporal stores. */
static void correlate_rows(const correlation *c, size_t y, size_t rows, tap_rows taps)
{
    for (size_t r = 0; r < rows; r++) {
        border_pixels(c, y + r, 0, c->x0, taps);
        border_pixels(c, y + r, c->x1, c->out_w, taps);
    }
    const float *k = c->k + taps.first * c->kw;
    size_t kh = taps.end - taps.first;
    size_t first_row = y + taps.first - c->oy;
    size_t newest_row = first_row + kh - 1; /* the rows below it are not read yet */
    float *top = c->out + y * c->out_w, *bottom = top + c->out_w;
    for (size_t x = c->x0; x < c->x1;) {
        size_t misaligned = (uintptr_t)(top + x) / sizeof(float) % 16;
        size_t n = min_size(misaligned ? 16 - misaligned : STRIP, c->x1 - x);
        size_t column = x - c->ox;
        for (size_t r = 0; r < rows; r++)
            prefetch(c, (newest_row + r) * c->w + column + PREFETCH_AHEAD, n);
        const float *in = c->img + first_row * c->w + column;
        interior_strip(in, c->w, k, kh, c->kw, rows, top + x, bottom + x, n, c->stream);
        x += n;
    }
}

/* Two rows at a time where they use the same kernel rows, which is
 * everywhere but near the top and bottom edges. */
static void correlate(const correlation *c)
{
    for (size_t y = 0; y < c->out_h;) {
        tap_rows taps = rows_inside(c, y);
        size_t rows = 1;
        if (y + 1 < c->out_h) {
            tap_rows next = rows_inside(c, y + 1);
            if (next.first == taps.first && next.end == taps.end)
                rows = 2;
        }
        correlate_rows(c, y, rows, taps);
        y += rows;
    }
#if defined(__AVX__)
    if (c->stream)
        _mm_sfence(); /* order the streamed stores before any later store */
#endif
}

static correlation plan_correlation(const float *img, size_t h, size_t w, const float *k,
                                    size_t kh, size_t kw, cv_mode mode, float *out)
{
    size_t ox = first_tap_offset(kw, mode);
    correlation c = {img, h, w, k, kh, kw, out, cv_output_size(h, kh, mode),
                     cv_output_size(w, kw, mode), first_tap_offset(kh, mode), ox, 0, 0, 0};
    if (kw <= w) { /* otherwise every column is a border one */
        c.x0 = ox;
        c.x1 = w - kw + 1 + ox;
    }
    c.stream = c.out_h * c.out_w >= STREAM_MIN_FLOATS;
    return c;
}
// END SOLUTION

cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments as in cv_correlate1d, then for every output
    //   (y, x) sum img[y + i - oy][x + j - ox] * k[i][j] over the taps whose
    //   pixel lies inside the image (section 5). Section 7 makes it fast.
    // STUB: (void)img; (void)h; (void)w; (void)k; (void)kh; (void)kw; (void)mode; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    cv_status status = check_2d(img, h, w, k, kh, kw, mode, out);
    if (status != CV_OK)
        return status;
    correlation c = plan_correlation(img, h, w, k, kh, kw, mode, out);
    correlate(&c);
    return CV_OK;
    // END SOLUTION
}

cv_status cv_convolve2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                        size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments, turn the kernel by 180 degrees
    //   (flipped[i][j] = k[kh - 1 - i][kw - 1 - j]) into memory of your own
    //   (malloc; CV_ERR_NOMEM if it fails) and correlate with it (section 5).
    // STUB: (void)img; (void)h; (void)w; (void)k; (void)kh; (void)kw; (void)mode; (void)out;
    // STUB: return CV_ERR_TODO;
    // BEGIN SOLUTION
    cv_status status = check_2d(img, h, w, k, kh, kw, mode, out);
    if (status != CV_OK)
        return status;
    float on_stack[STACK_KERNEL] = {0}; /* zeroed only to quiet gcc's -Wmaybe-uninitialized */
    size_t taps = kh * kw;
    float *flipped = taps <= STACK_KERNEL ? on_stack : malloc(taps * sizeof *flipped);
    if (!flipped)
        return CV_ERR_NOMEM;
    for (size_t t = 0; t < taps; t++)
        flipped[t] = k[taps - 1 - t]; /* reversing the whole array turns it */
    status = cv_correlate2d(img, h, w, flipped, kh, kw, mode, out);
    if (flipped != on_stack)
        free(flipped);
    return status;
    // END SOLUTION
}
