/* conv2d.c: 2-D cross-correlation and convolution of float images (chapter
 * sections 5 and 10). */
#include "convolution.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// BEGIN SOLUTION
/* How this solution is fast (section 10). The output is computed a band of
 * rows at a time (a few rows for 3 x 3 and 5 x 5 kernels, else 1), and each
 * band is cut in three along x. In the
 * middle, where every tap's column lies inside the image, no pixel needs a
 * bounds test: a block of outputs, the band's rows times four vectors,
 * stays in registers across all the taps, so that each input vector loaded
 * serves every output row that needs it. The code is written once with the
 * vector types of support/simd.h and compiles for 4, 8 or 16 floats a
 * vector; only the band heights depend on the width, through the number of
 * registers. The few columns at each end are copied, with zeros for what
 * lies beyond the image, into a small tile that the same code then filters.
 * Rows near the top and bottom edges simply use fewer kernel rows. Outputs
 * too big for the cache are written with non-temporal stores. */

#include "simd.h"

/* fmaf is one instruction where the processor has FMA (-march=x86-64-v3 and
 * above), and a slow library call where it has not. gcc does not fuse
 * a * b + c by itself under -std=c11. */
#if defined(FP_FAST_FMAF) || defined(__FMA__)
#define MUL_ADD(a, b, c) fmaf(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

/* A block's loops over taps, rows and vectors must unroll completely, and
 * for that the block must be inlined where its sizes are constants: only
 * then does each sum get a register of its own. Neither compiler does
 * either unasked for the larger blocks (gcc 12 ran 5 x 5 at two thirds of
 * the speed without the inlining, clang 14 at a third without the
 * unrolling). */
#if defined(__clang__)
#define UNROLL_FULLY _Pragma("clang loop unroll(full)")
#elif defined(__GNUC__)
#define UNROLL_FULLY _Pragma("GCC unroll 64")
#else
#define UNROLL_FULLY
#endif
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* The block of outputs kept in registers: BAND rows of BLOCK_VECTORS
 * vectors, which must leave registers for a column of taps (3 or 5) and
 * the loaded vectors: AVX-512 has 32 vector registers, SSE2 and AVX2 16.
 * BLOCK_VECTORS is 4 so that each row of a block fills whole cache lines
 * (64 or 128 bytes with 16-byte or 32-byte vectors, 256 with 64-byte
 * ones): streamed stores that fill only part of a line before moving on
 * made the filters half as fast. The band heights were measured; fewer
 * rows than the registers allow were faster (the fewer rows a band reads
 * at once, the fewer streams the memory must keep up with). */
#if SIMD_BYTES == 64
#define BAND_3X3 4
#define BAND_5X5 4
#else
#define BAND_3X3 3
#define BAND_5X5 2
#endif
#define BLOCK_VECTORS 4

enum {
    STRIP = 512,        /* pixels of a row computed in one go (2 KB) */
    STACK_KERNEL = 256, /* kernels up to this many taps are flipped on the stack */
    MAX_BAND = 4,       /* at least BAND_3X3 and BAND_5X5 */
    EDGE_CHUNK = 16,    /* edge outputs filtered from one tile: a whole number of vectors */
    EDGE_TILE = 2048,   /* floats in an edge tile (8 KB, on the stack) */
    LINE_FLOATS = 16,   /* floats in a 64-byte cache line */
};

/* Outputs of at least this many floats (32 MB) are written with
 * non-temporal stores: they would not stay in the cache anyway. */
#define STREAM_MIN_FLOATS ((size_t)8 << 20)

/* Everything about one correlation. Output (y, x) reads input pixel
 * (y + i - oy, x + j - ox) for tap (i, j). Columns x0 <= x < x1 are the
 * interior ones, whose taps all fall inside the image's width; the fast
 * code computes xa <= x < xb among them, a whole number of vectors (from a
 * cache-line boundary when streaming), and the edge code the rest. */
typedef struct {
    const float *img;
    size_t h, w;
    const float *k;
    size_t kh, kw;
    float *out;
    size_t out_h, out_w;
    size_t oy, ox;
    size_t xa, xb;
    size_t band; /* output rows computed together where they can be */
    int stream;  /* non-temporal stores for the interior */
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

/* How many output rows share their loads, for the kernel sizes that have a
 * fast path: as many as keep every sum in a register. */
static size_t band_rows(size_t kh, size_t kw)
{
    if (kh == 3 && kw == 3)
        return BAND_3X3;
    if (kh == 5 && kw == 5)
        return BAND_5X5;
    return 1;
}

/* Whether an array of a x b floats can exist: its size in bytes fits in a
 * size_t. Sizes that fail would wrap around in the index arithmetic. */
static int fits(size_t a, size_t b)
{
    return b == 0 || a <= SIZE_MAX / sizeof(float) / b;
}

static cv_status check_2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                          size_t kw, cv_mode mode, const float *out)
{
    if (!img || !k || !out || h == 0 || w == 0 || kh == 0 || kw == 0)
        return CV_ERR_ARG;
    if (mode != CV_VALID && mode != CV_SAME && mode != CV_FULL)
        return CV_ERR_ARG;
    size_t out_h = cv_output_size(h, kh, mode), out_w = cv_output_size(w, kw, mode);
    if (out_h == 0 || out_w == 0 || !fits(h, w) || !fits(kh, kw) || !fits(out_h, out_w))
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

/* ---- any kernel: one tap at a time ------------------------------------------ */

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

/* ---- 3 x 3 and 5 x 5: a band of rows in registers ------------------------------ */

/* Keeps v in a register: an empty asm statement that claims to change it.
 * Without it gcc 12 folds a loaded vector into every multiply-add that uses
 * it, loading it again for each, and turns the taps loaded into registers
 * back into memory operands. */
#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#define IN_REGISTER(v) __asm__("" : "+v"(v))
#else
#define IN_REGISTER(v) (void)0
#endif

/* One block: `vectors` vectors of VF_LANES outputs side by side in each of
 * `rows` rows (out_w apart), all their sums in registers across all the
 * taps, for a kernel whose size is a constant after inlining. One kernel
 * column j at a time: its kh taps are loaded into registers, then each
 * input vector of that column is loaded once and feeds up to kh sums (input
 * row i meets kernel row i - r of output row r). With `stream`, out must
 * be aligned to SIMD_BYTES. */
static ALWAYS_INLINE void block(const float *in, size_t w, const vf *taps, size_t kh,
                                size_t kw, size_t rows, size_t vectors, float *out,
                                size_t out_w, int stream)
{
    vf sum[MAX_BAND][BLOCK_VECTORS];
    UNROLL_FULLY
    for (size_t r = 0; r < MAX_BAND; r++) /* all of them, or gcc warns; unused ones cost nothing */
        UNROLL_FULLY
        for (size_t v = 0; v < BLOCK_VECTORS; v++)
            sum[r][v] = vf_set1(0.0f);
#if defined(__GNUC__) && !defined(__clang__)
    /* Hides from gcc that taps is the same in every block, or it keeps all
     * kh * kw taps live across the loop over x and spills them. */
    __asm__("" : "+r"(taps));
#endif
    UNROLL_FULLY
    for (size_t j = 0; j < kw; j++) {
        vf column[5];
        UNROLL_FULLY
        for (size_t i = 0; i < kh; i++) {
            column[i] = taps[i * kw + j];
            IN_REGISTER(column[i]);
        }
        UNROLL_FULLY
        for (size_t i = 0; i < kh + rows - 1; i++)
            UNROLL_FULLY
            for (size_t v = 0; v < vectors; v++) {
                vf x = vf_load(in + i * w + VF_LANES * v + j);
                IN_REGISTER(x);
                UNROLL_FULLY
                for (size_t r = 0; r < rows; r++)
                    if (r <= i && i - r < kh)
                        sum[r][v] = vf_fma(x, column[i - r], sum[r][v]);
            }
    }
    UNROLL_FULLY
    for (size_t r = 0; r < rows; r++)
        UNROLL_FULLY
        for (size_t v = 0; v < vectors; v++) {
            float *o = out + r * out_w + VF_LANES * v;
            if (stream)
                vf_stream(o, sum[r][v]);
            else
                vf_store(o, sum[r][v]);
        }
}

/* n outputs, a multiple of VF_LANES, in each of `rows` rows: BLOCK_VECTORS
 * vectors at a time, then one (kh * kw <= 25). */
static ALWAYS_INLINE void band(const float *in, size_t w, const float *k, size_t kh,
                               size_t kw, size_t rows, float *out, size_t out_w, size_t n,
                               int stream)
{
    vf taps[25];
    for (size_t t = 0; t < kh * kw; t++)
        taps[t] = vf_set1(k[t]);
    size_t x = 0;
    for (; x + VF_LANES * BLOCK_VECTORS <= n; x += VF_LANES * BLOCK_VECTORS)
        block(in + x, w, taps, kh, kw, rows, BLOCK_VECTORS, out + x, out_w, stream);
    for (; x < n; x += VF_LANES)
        block(in + x, w, taps, kh, kw, rows, 1, out + x, out_w, stream);
}

/* ---- strips ----------------------------------------------------------------- */

/* Any other kernel, a row at a time; with `stream`, through a buffer. */
static void rows_any_kernel(const float *in, size_t w, const float *k, size_t kh, size_t kw,
                            size_t rows, float *out, size_t out_w, size_t n, int stream)
{
    for (size_t r = 0; r < rows; r++) {
        if (!stream) {
            interior_row(in + r * w, w, k, kh, kw, out + r * out_w, n);
            continue;
        }
        _Alignas(64) float buffer[STRIP];
        interior_row(in + r * w, w, k, kh, kw, buffer, n);
        for (size_t x = 0; x < n; x += VF_LANES)
            vf_stream(out + r * out_w + x, vf_load(buffer + x));
    }
}

/* n <= STRIP outputs, a multiple of VF_LANES, in each of `rows` rows: in
 * points to the input pixel under tap (0, 0) of the first output, w is the
 * input's row length. Non-temporal stores if `stream` is set, which needs
 * every output row aligned to SIMD_BYTES. The calls with literal sizes make
 * the compiler generate an unrolled copy of the band code for each. */
static void strip(const float *in, size_t w, const float *k, size_t kh, size_t kw,
                  size_t rows, float *out, size_t out_w, size_t n, int stream)
{
    if (kh == 3 && kw == 3 && rows == BAND_3X3)
        band(in, w, k, 3, 3, BAND_3X3, out, out_w, n, stream);
    else if (kh == 3 && kw == 3 && rows == 1)
        band(in, w, k, 3, 3, 1, out, out_w, n, stream);
    else if (kh == 5 && kw == 5 && rows == BAND_5X5)
        band(in, w, k, 5, 5, BAND_5X5, out, out_w, n, stream);
    else if (kh == 5 && kw == 5 && rows == 1)
        band(in, w, k, 5, 5, 1, out, out_w, n, stream);
    else
        rows_any_kernel(in, w, k, kh, kw, rows, out, out_w, n, stream);
}

/* ---- the edges ------------------------------------------------------------------ */

/* One output pixel, summing only the taps inside the image (in double: a
 * large kernel can make every pixel an edge one). */
static float clipped_pixel(const correlation *c, size_t y, size_t x, tap_rows taps)
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

/* Output columns x_first <= x < x_end of rows y .. y + rows - 1: those
 * whose taps hang over the image's left or right edge, and the few interior
 * ones that do not fill a vector. EDGE_CHUNK columns at a time, the input
 * they need is copied into a tile with zeros where the image ends, and the
 * tile is filtered like the interior, without a test per tap, into a small
 * buffer from which the columns wanted are copied. Kernels too big for the
 * tile clip each pixel's taps instead. */
static void edge_columns(const correlation *c, size_t y, size_t rows, tap_rows taps,
                         size_t x_first, size_t x_end)
{
    size_t kh = taps.end - taps.first, in_rows = kh + rows - 1;
    size_t first_row = y + taps.first - c->oy, tile_w = EDGE_CHUNK + c->kw - 1;
    const float *k = c->k + taps.first * c->kw;
    for (size_t x = x_first; x < x_end; x += EDGE_CHUNK) {
        size_t n = min_size(EDGE_CHUNK, x_end - x);
        if (in_rows * tile_w > EDGE_TILE) {
            for (size_t r = 0; r < rows; r++)
                for (size_t xx = x; xx < x + n; xx++)
                    c->out[(y + r) * c->out_w + xx] = clipped_pixel(c, y + r, xx, taps);
            continue;
        }
        /* tile column t holds image column x + t - ox, for t_first <= t < t_end */
        size_t t_first = c->ox > x ? c->ox - x : 0;
        size_t t_end = min_size(tile_w, c->w + c->ox - x);
        float tile[EDGE_TILE], result[MAX_BAND * EDGE_CHUNK];
        for (size_t i = 0; i < in_rows; i++) {
            float *to = tile + i * tile_w;
            const float *line = c->img + (first_row + i) * c->w + x + t_first - c->ox;
            memset(to, 0, t_first * sizeof *to);
            memcpy(to + t_first, line, (t_end - t_first) * sizeof *to);
            memset(to + t_end, 0, (tile_w - t_end) * sizeof *to);
        }
        strip(tile, tile_w, k, kh, c->kw, rows, result, EDGE_CHUNK, EDGE_CHUNK, 0);
        for (size_t r = 0; r < rows; r++)
            memcpy(c->out + (y + r) * c->out_w + x, result + r * EDGE_CHUNK, n * sizeof *result);
    }
}

/* ---- putting it together ---------------------------------------------------------- */

/* Asks the memory for n pixels of the image from index `first` on, into
 * the level-2 cache, without waiting for them. */
static void prefetch(const correlation *c, size_t first, size_t n)
{
#if defined(__GNUC__)
    for (size_t j = first; j < first + n; j += LINE_FLOATS)
        __builtin_prefetch(c->img + j, 0, 2);
#else
    (void)c;
    (void)first;
    (void)n;
#endif
}

/* Output rows y .. y + rows - 1, which use the same kernel rows `taps`.
 * While a strip is filtered, the same columns of the input rows that the
 * next band will read for the first time are fetched: a band ahead is far
 * enough for the memory to keep up, and near enough for the level-2 cache
 * to hold them. (Fetching a few hundred pixels ahead along the rows being
 * read, or letting the processor's prefetcher do it, made 5 x 5 a tenth
 * slower.) */
static void correlate_band(const correlation *c, size_t y, size_t rows, tap_rows taps)
{
    edge_columns(c, y, rows, taps, 0, c->xa);
    edge_columns(c, y, rows, taps, c->xb, c->out_w);
    const float *k = c->k + taps.first * c->kw;
    size_t kh = taps.end - taps.first;
    size_t first_row = y + taps.first - c->oy;
    size_t ahead = first_row + kh + rows - 1; /* the next band's first new row */
    size_t ahead_rows = ahead < c->h ? min_size(rows, c->h - ahead) : 0;
    float *out = c->out + y * c->out_w;
    for (size_t x = c->xa; x < c->xb; x += STRIP) {
        size_t n = min_size(STRIP, c->xb - x);
        size_t column = x - c->ox;
        for (size_t r = 0; r < ahead_rows; r++)
            prefetch(c, (ahead + r) * c->w + column, n);
        const float *in = c->img + first_row * c->w + column;
        strip(in, c->w, k, kh, c->kw, rows, out + x, c->out_w, n, c->stream);
    }
}

/* A band of rows at a time where they use the same kernel rows, which is
 * everywhere but near the top and bottom edges; one row at a time there. */
static void correlate(const correlation *c)
{
    for (size_t y = 0; y < c->out_h;) {
        tap_rows taps = rows_inside(c, y);
        size_t rows = 1;
        if (c->band > 1 && y + c->band <= c->out_h) {
            tap_rows last = rows_inside(c, y + c->band - 1);
            if (last.first == taps.first && last.end == taps.end)
                rows = c->band;
        }
        correlate_band(c, y, rows, taps);
        y += rows;
    }
    if (c->stream)
        simd_stream_fence(); /* order the streamed stores before any later store */
}

static correlation plan_correlation(const float *img, size_t h, size_t w, const float *k,
                                    size_t kh, size_t kw, cv_mode mode, float *out)
{
    size_t ox = first_tap_offset(kw, mode);
    correlation c = {img, h, w, k, kh, kw, out, cv_output_size(h, kh, mode),
                     cv_output_size(w, kw, mode), first_tap_offset(kh, mode), ox, 0, 0,
                     band_rows(kh, kw), 0};
    if (kw > w) /* every column is an edge one */
        return c;
    size_t x0 = ox, x1 = w - kw + 1 + ox; /* the interior */
    /* Streaming needs every row of a band to start at the same place in a
     * cache line, and the interior to start on a line boundary. */
    c.stream = c.out_h * c.out_w >= STREAM_MIN_FLOATS && c.out_w % LINE_FLOATS == 0;
    size_t xa = x0;
    if (c.stream) {
        size_t misaligned = (uintptr_t)(out + x0) / sizeof(float) % LINE_FLOATS;
        xa = misaligned ? x0 + LINE_FLOATS - misaligned : x0;
    }
    if (xa > x1)
        xa = x1;
    c.xa = xa;
    c.xb = xa + (x1 - xa) / VF_LANES * VF_LANES;
    return c;
}
// END SOLUTION

cv_status cv_correlate2d(const float *img, size_t h, size_t w, const float *k, size_t kh,
                         size_t kw, cv_mode mode, float *out)
{
    // TODO: check the arguments as in cv_correlate1d, and that the image, the
    //   kernel and the output are not too large to exist (section 3), then for
    //   every output (y, x) sum img[y + i - oy][x + j - ox] * k[i][j] over the
    //   taps whose pixel lies inside the image (section 5). Section 10 makes it
    //   fast.
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
