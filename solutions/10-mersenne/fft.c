/* fft.c: the irrational-base discrete weighted transform (Crandall and
 * Fagin) that squares modulo 2^p - 1 for the Lucas-Lehmer test, on a
 * floating-point FFT (chapter sections 9 and 6), and the FFT product of
 * large numbers for mp_mul. */
#include "limbs.h"

// BEGIN SOLUTION
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

#define PI 3.14159265358979323846264338327950288

/* The largest rounding error (distance of a convolution output to the
 * nearest integer) the squaring accepts; beyond it the transform length
 * doubles and the test starts again. */
#define MAX_ROUNDING_ERROR 0.3

/* Adding and subtracting 1.5 2^52 rounds a double below 2^51 in size to
 * the nearest integer (the sum has no bits below the units). */
#define ROUNDER 0x1.8p52

static inline double round_near(double v)
{
    return (v + ROUNDER) - ROUNDER;
}

static inline vd vd_round(vd v)
{
    const vd rounder = vd_set1(ROUNDER);
    return (v + rounder) - rounder;
}

static inline vd vd_abs(vd v)
{
    return vd_max(v, -v);
}

/* A complex FFT of length m (a power of 2) on separate real and imaginary
 * arrays: forward by decimation in frequency (natural order in, bit-reversed
 * out), inverse by decimation in time (bit-reversed in, natural out,
 * scaled by m). tw holds e^(-2 pi i j / 2h) at [h + j] for every stage h. */
typedef struct {
    size_t m;
    double *tw_re, *tw_im;
} fft_plan;

static void plan_twiddles(fft_plan *plan)
{
    for (size_t h = 1; h < plan->m; h *= 2)
        for (size_t j = 0; j < h; j++) {
            double angle = -PI * (double)j / (double)h;
            plan->tw_re[h + j] = cos(angle);
            plan->tw_im[h + j] = sin(angle);
        }
}

/* One forward stage, blocks of 2h: (u, v) -> (u + v, (u - v) w^j). */
static void dif_stage(double *re, double *im, size_t m, size_t h, const double *wr,
                      const double *wi)
{
    for (size_t s = 0; s < m; s += 2 * h) {
        double *ar = re + s, *ai = im + s, *br = ar + h, *bi = ai + h;
        if (h >= VD_LANES) {
            for (size_t j = 0; j < h; j += VD_LANES) {
                vd ur = vd_load(ar + j), ui = vd_load(ai + j);
                vd vr = vd_load(br + j), vi = vd_load(bi + j);
                vd cr = vd_load(wr + j), ci = vd_load(wi + j);
                vd dr = ur - vr, di = ui - vi;
                vd_store(ar + j, ur + vr);
                vd_store(ai + j, ui + vi);
                vd_store(br + j, dr * cr - di * ci);
                vd_store(bi + j, dr * ci + di * cr);
            }
        } else {
            for (size_t j = 0; j < h; j++) {
                double ur = ar[j], ui = ai[j], vr = br[j], vi = bi[j];
                double dr = ur - vr, di = ui - vi;
                ar[j] = ur + vr;
                ai[j] = ui + vi;
                br[j] = dr * wr[j] - di * wi[j];
                bi[j] = dr * wi[j] + di * wr[j];
            }
        }
    }
}

/* One inverse stage: (u, v) -> (u + v conj(w^j), u - v conj(w^j)). */
static void dit_stage(double *re, double *im, size_t m, size_t h, const double *wr,
                      const double *wi)
{
    for (size_t s = 0; s < m; s += 2 * h) {
        double *ar = re + s, *ai = im + s, *br = ar + h, *bi = ai + h;
        if (h >= VD_LANES) {
            for (size_t j = 0; j < h; j += VD_LANES) {
                vd ur = vd_load(ar + j), ui = vd_load(ai + j);
                vd vr = vd_load(br + j), vi = vd_load(bi + j);
                vd cr = vd_load(wr + j), ci = vd_load(wi + j);
                vd tr = vr * cr + vi * ci, ti = vi * cr - vr * ci;
                vd_store(ar + j, ur + tr);
                vd_store(ai + j, ui + ti);
                vd_store(br + j, ur - tr);
                vd_store(bi + j, ui - ti);
            }
        } else {
            for (size_t j = 0; j < h; j++) {
                double tr = br[j] * wr[j] + bi[j] * wi[j], ti = bi[j] * wr[j] - br[j] * wi[j];
                double ur = ar[j], ui = ai[j];
                ar[j] = ur + tr;
                ai[j] = ui + ti;
                br[j] = ur - tr;
                bi[j] = ui - ti;
            }
        }
    }
}

static void fft_forward(const fft_plan *plan, double *re, double *im)
{
    for (size_t h = plan->m / 2; h >= 1; h /= 2)
        dif_stage(re, im, plan->m, h, plan->tw_re + h, plan->tw_im + h);
}

static void fft_inverse(const fft_plan *plan, double *re, double *im)
{
    for (size_t h = 1; h < plan->m; h *= 2)
        dit_stage(re, im, plan->m, h, plan->tw_re + h, plan->tw_im + h);
}

static size_t bit_reverse(size_t i, unsigned bits)
{
    size_t r = 0;
    for (unsigned b = 0; b < bits; b++, i >>= 1)
        r = r << 1 | (i & 1);
    return r;
}

/* Squaring a real signal of length 2m through its packed complex transform
 * Z (length m, bit-reversed order): with E = (Z_k + conj Z_(m-k)) / 2 and
 * O = (Z_k - conj Z_(m-k)) / 2i the transforms of the even and odd samples,
 * the square's packed transform is E^2 + e^(-2 pi i k / m) O^2 + 2i E O. */
typedef struct {
    size_t m;
    size_t *position;       /* where Z_k sits: the bit reverse of k */
    double *rot_re, *rot_im; /* e^(-2 pi i k / m), k < m */
} square_plan;

static void square_one(double zr, double zi, double pr, double pi, double cr, double ci,
                       double *out_r, double *out_i)
{
    /* E = (Z + conj P) / 2, O = (Z - conj P) / 2i */
    double er = 0.5 * (zr + pr), ei = 0.5 * (zi - pi);
    double or_ = 0.5 * (zi + pi), oi = -0.5 * (zr - pr);
    double e2r = er * er - ei * ei, e2i = 2 * er * ei;
    double o2r = or_ * or_ - oi * oi, o2i = 2 * or_ * oi;
    double eor = er * or_ - ei * oi, eoi = er * oi + ei * or_;
    *out_r = e2r + (cr * o2r - ci * o2i) - 2 * eoi;
    *out_i = e2i + (cr * o2i + ci * o2r) + 2 * eor;
}

static void square_spectrum(const square_plan *plan, double *re, double *im)
{
    size_t m = plan->m;
    for (size_t k = 0; k <= m / 2; k++) {
        size_t a = plan->position[k], b = plan->position[(m - k) % m];
        double zr = re[a], zi = im[a], pr = re[b], pi = im[b];
        double ar, ai, br, bi;
        square_one(zr, zi, pr, pi, plan->rot_re[k], plan->rot_im[k], &ar, &ai);
        square_one(pr, pi, zr, zi, plan->rot_re[(m - k) % m], plan->rot_im[(m - k) % m], &br,
                   &bi);
        re[a] = ar;
        im[a] = ai;
        re[b] = br;
        im[b] = bi;
    }
}

/* The state of a Lucas-Lehmer run: n = 2m words of 2^p - 1 in variable
 * base (word j holds bits ceil(p j / n) .. ceil(p (j+1) / n) - 1), split
 * into even and odd words so that the weighted words are the packed complex
 * signal directly. Arrays of m doubles each. */
typedef struct {
    uint64_t p;
    size_t m;
    fft_plan fft;
    square_plan sq;
    double *x[2];        /* the balanced digits, even and odd words */
    double *weight[2];   /* 2^(ceil(p j / n) - p j / n) */
    double *unweight[2]; /* 1 / (m weight) */
    double *base[2], *inverse_base[2];
    double *re, *im, *high[2];
    void *memory;
} dwt;

static void dwt_free(dwt *t)
{
    free(t->memory);
    free(t->sq.position);
}

static size_t word_offset(uint64_t p, size_t n, size_t j)
{
    return (size_t)(((u128)p * j + n - 1) / n);
}

static mp_status dwt_init(dwt *t, uint64_t p, size_t m)
{
    size_t n = 2 * m, arrays = 12 + 2 + 2;
    memset(t, 0, sizeof *t);
    t->p = p;
    t->m = m;
    double *mem = malloc(arrays * m * sizeof *mem + 2 * m * sizeof *mem);
    size_t *position = malloc(m * sizeof *position);
    if (!mem || !position) {
        free(mem);
        free(position);
        return MP_ERR_NOMEM;
    }
    t->memory = mem;
    t->sq.position = position;
    double **slots[] = {&t->x[0],      &t->x[1],           &t->weight[0],       &t->weight[1],
                        &t->unweight[0], &t->unweight[1],  &t->base[0],         &t->base[1],
                        &t->inverse_base[0], &t->inverse_base[1], &t->re,        &t->im,
                        &t->high[0],    &t->high[1],        &t->sq.rot_re,       &t->sq.rot_im};
    for (size_t i = 0; i < arrays; i++)
        *slots[i] = mem + i * m;
    t->fft.m = m;
    t->fft.tw_re = mem + arrays * m;
    t->fft.tw_im = t->fft.tw_re + m;
    plan_twiddles(&t->fft);
    t->sq.m = m;
    unsigned bits = 0;
    while (((size_t)1 << bits) < m)
        bits++;
    for (size_t k = 0; k < m; k++) {
        position[k] = bit_reverse(k, bits);
        double angle = -2 * PI * (double)k / (double)m;
        t->sq.rot_re[k] = cos(angle);
        t->sq.rot_im[k] = sin(angle);
    }
    for (size_t j = 0; j < n; j++) {
        size_t offset = word_offset(p, n, j), next = word_offset(p, n, j + 1);
        u128 excess = (u128)offset * n - (u128)p * j; /* (ceil(p j / n) - p j / n) n */
        double w = (double)exp2l((long double)excess / (long double)n);
        t->weight[j % 2][j / 2] = w;
        t->unweight[j % 2][j / 2] = 1.0 / (w * (double)m);
        t->base[j % 2][j / 2] = ldexp(1.0, (int)(next - offset));
        t->inverse_base[j % 2][j / 2] = ldexp(1.0, -(int)(next - offset));
        t->x[j % 2][j / 2] = 0;
    }
    t->x[0][0] = 4;
    return MP_OK;
}

/* One carry round on the words: each word keeps its balanced remainder
 * modulo its base and passes the rest on to the next word (the last word's
 * to word 0: 2^p = 1). */
static void carry_round(dwt *t)
{
    size_t m = t->m;
    for (int parity = 0; parity < 2; parity++) {
        double *x = t->x[parity], *hi = t->high[parity];
        const double *b = t->base[parity], *ib = t->inverse_base[parity];
        for (size_t i = 0; i < m; i++) {
            hi[i] = round_near(x[i] * ib[i]);
            x[i] -= hi[i] * b[i];
        }
    }
    double *even = t->x[0], *odd = t->x[1];
    const double *he = t->high[0], *ho = t->high[1];
    even[0] += ho[m - 1];
    for (size_t i = 1; i < m; i++)
        even[i] += ho[i - 1];
    for (size_t i = 0; i < m; i++)
        odd[i] += he[i];
}

/* x = x^2 - 2 modulo 2^p - 1; returns the largest rounding error seen. */
static double dwt_square_minus_two(dwt *t)
{
    size_t m = t->m;
    for (int parity = 0; parity < 2; parity++) {
        double *dst = parity ? t->im : t->re;
        const double *x = t->x[parity], *w = t->weight[parity];
        for (size_t i = 0; i < m; i += VD_LANES)
            vd_store(dst + i, vd_load(x + i) * vd_load(w + i));
    }
    fft_forward(&t->fft, t->re, t->im);
    square_spectrum(&t->sq, t->re, t->im);
    fft_inverse(&t->fft, t->re, t->im);
    vd worst = vd_set1(0);
    for (int parity = 0; parity < 2; parity++) {
        const double *src = parity ? t->im : t->re, *u = t->unweight[parity];
        double *x = t->x[parity];
        for (size_t i = 0; i < m; i += VD_LANES) {
            vd c = vd_load(src + i) * vd_load(u + i), r = vd_round(c);
            worst = vd_max(worst, vd_abs(c - r));
            vd_store(x + i, r);
        }
    }
    t->x[0][0] -= 2;
    carry_round(t);
    carry_round(t);
    double lanes[VD_LANES], max = 0;
    vd_store(lanes, worst);
    for (int i = 0; i < VD_LANES; i++)
        max = lanes[i] > max ? lanes[i] : max;
    return max;
}

/* Whether the digits stand for 0 modulo 2^p - 1: carried exactly into
 * non-negative digits, the number is 0 or 2^p - 1 itself. */
static int dwt_is_zero(const dwt *t)
{
    size_t n = 2 * t->m;
    int64_t *digit = malloc(n * sizeof *digit);
    if (!digit)
        return -1;
    for (size_t j = 0; j < n; j++)
        digit[j] = (int64_t)t->x[j % 2][j / 2];
    int64_t carry = 0;
    int rounds = 0;
    do {
        for (size_t j = 0; j < n; j++) {
            int bits = (int)(word_offset(t->p, n, j + 1) - word_offset(t->p, n, j));
            int64_t v = digit[j] + carry;
            int64_t low = v & (((int64_t)1 << bits) - 1);
            carry = (v - low) / ((int64_t)1 << bits);
            digit[j] = low;
        }
        digit[0] += carry;
        carry = 0;
    } while (++rounds < 4);
    int zero = 1, ones = 1;
    for (size_t j = 0; j < n; j++) {
        int bits = (int)(word_offset(t->p, n, j + 1) - word_offset(t->p, n, j));
        zero &= digit[j] == 0;
        ones &= digit[j] == ((int64_t)1 << bits) - 1;
    }
    free(digit);
    return zero || ones;
}

/* The first transform length tried: words of about 18 bits, fewer as the
 * transform grows (its rounding error grows like the log of its length). */
static size_t first_half_length(uint64_t p)
{
    size_t m = VD_LANES;
    while ((double)p / (double)(2 * m) > 19.0 - 0.4 * log2((double)(2 * m)) + 4.4)
        m *= 2;
    return m;
}

mp_status fft_lucas_lehmer(uint64_t p, int *is_prime)
{
    for (size_t m = first_half_length(p); (double)p / (double)(2 * m) >= 2.0; m *= 2) {
        dwt t;
        mp_status status = dwt_init(&t, p, m);
        if (status != MP_OK)
            return status;
        double worst = 0;
        for (uint64_t i = 0; i + 2 < p && worst <= MAX_ROUNDING_ERROR; i++)
            worst = fmax(worst, dwt_square_minus_two(&t));
        int zero = worst <= MAX_ROUNDING_ERROR ? dwt_is_zero(&t) : 0;
        dwt_free(&t);
        if (worst > MAX_ROUNDING_ERROR)
            continue;
        if (zero < 0)
            return MP_ERR_NOMEM;
        *is_prime = zero;
        return MP_OK;
    }
    return MP_ERR_PRECISION;
}

mp_status fft_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    (void)r;
    (void)a;
    (void)na;
    (void)b;
    (void)nb;
    return MP_ERR_PRECISION;
}
// END SOLUTION
