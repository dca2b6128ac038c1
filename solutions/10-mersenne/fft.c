/* fft.c: the irrational-base discrete weighted transform (Crandall and
 * Fagin) that squares modulo 2^p - 1 for the Lucas-Lehmer test, on a
 * floating-point FFT (chapter sections 10 and 9), and the FFT product of
 * large numbers for mp_mul. */
#include "limbs.h"

// TODO: the FFT product mp_mul uses for large operands (section 10). Cut
//   both numbers into pieces of a few bits, small enough that every
//   coefficient of the product stays exact in a double; transform both,
//   multiply pointwise, transform back; round each coefficient to the
//   nearest integer, checking how far it was from one (near 1/2 the
//   transform cannot be trusted: use fewer bits a piece), and propagate the
//   carries into limbs. Declare what mp_mul calls in limbs.h. The same
//   transform, weighted, squares modulo 2^p - 1 for mp_lucas_lehmer
//   (section 9), but a product and mp_mod_mersenne will do there.

// BEGIN SOLUTION
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "simd.h"

#define PI 3.14159265358979323846264338327950288

__extension__ typedef __int128 i128;

/* The largest rounding error (distance of a convolution output to the
 * nearest integer) the squaring accepts; beyond it the transform length
 * doubles and the test starts again. */
#define MAX_ROUNDING_ERROR 0.3

/* Adding and subtracting 1.5 2^52 rounds a double below 2^51 in size to
 * the nearest integer (the sum has no bits below the units). */
#define ROUNDER 0x1.8p52

static inline vd vd_round(vd v)
{
    const vd rounder = vd_set1(ROUNDER);
    return (v + rounder) - rounder;
}

static inline vd vd_abs(vd v)
{
    return vd_max(v, -v);
}

/* Complex products with fused multiply-adds: a b and a conj(b). */
static inline void cmul(vd ar, vd ai, vd br, vd bi, vd *cr, vd *ci)
{
    *cr = vd_fma(ar, br, -(ai * bi));
    *ci = vd_fma(ar, bi, ai * br);
}

static inline void cmul_conj(vd ar, vd ai, vd br, vd bi, vd *cr, vd *ci)
{
    *cr = vd_fma(ar, br, ai * bi);
    *ci = vd_fma(ai, br, -(ar * bi));
}

/* A complex FFT of length m = radix L (radix 1 or 3, L a power of 2) on
 * separate real and imaginary arrays. Forward: for radix 3 a first pass of
 * 3-point transforms splits the data into three blocks of L (twiddled by
 * w^(j r), w = e^(-2 pi i / m)), then radix-2 decimation in frequency on
 * every block (natural order in, bit-reversed out within each block).
 * Inverse: the same steps undone in reverse order, scaled by m.
 * tw holds e^(-2 pi i j / 2h) at [h + j] for every stage h < L. */
typedef struct {
    size_t m, length, radix;
    double *tw_re, *tw_im;
    double *w1_re, *w1_im, *w2_re, *w2_im; /* w^j and w^2j, j < L (radix 3) */
} fft_plan;

/* unit[k] = e^(-2 pi i k / m) for k < m. With m a multiple of 8 only the
 * first eighth takes cosines and sines: the rest are the same numbers
 * mirrored (the angle pi/2 - t) and turned by quarter turns (times -i). */
static void unit_roots(size_t m, double *re, double *im)
{
    size_t eighth = m % 8 == 0 ? m / 8 : m;
    for (size_t k = 0; k <= eighth && k < m; k++) {
        double angle = 2 * PI * (double)k / (double)m, c = cos(angle), s = sin(angle);
        re[k] = c;
        im[k] = -s;
        if (eighth < m) {
            re[m / 4 - k] = s;
            im[m / 4 - k] = -c;
        }
    }
    if (eighth < m)
        for (size_t k = m / 4 + 1; k < m; k++) {
            re[k] = im[k - m / 4];
            im[k] = -re[k - m / 4];
        }
}

/* Every table from the roots of unity of order m, held in w1: the stage
 * twiddles e^(-pi i j / h) = unit[j m / 2h], w^j = unit[j], w^2j = unit[2j]. */
static void plan_twiddles(fft_plan *plan)
{
    size_t m = plan->m;
    unit_roots(m, plan->w1_re, plan->w1_im);
    for (size_t h = 1; h < plan->length; h *= 2)
        for (size_t j = 0; j < h; j++) {
            plan->tw_re[h + j] = plan->w1_re[j * (m / (2 * h))];
            plan->tw_im[h + j] = plan->w1_im[j * (m / (2 * h))];
        }
    if (plan->radix == 3)
        for (size_t j = 0; j < plan->length; j++) {
            plan->w2_re[j] = plan->w1_re[2 * j];
            plan->w2_im[j] = plan->w1_im[2 * j];
        }
}

#define SQRT3_2 0.86602540378443864676372317075293618

/* The radix-3 pass: (x0, x1, x2) at j, j + L, j + 2L become their 3-point
 * transform, twiddled by 1, w^j, w^2j. */
static void radix3_forward(const fft_plan *plan, double *re, double *im)
{
    size_t n = plan->length;
    for (size_t j = 0; j < n; j += VD_LANES) {
        vd ar = vd_load(re + j), ai = vd_load(im + j);
        vd br = vd_load(re + n + j), bi = vd_load(im + n + j);
        vd cr = vd_load(re + 2 * n + j), ci = vd_load(im + 2 * n + j);
        vd tr = br + cr, ti = bi + ci, dr = (br - cr) * SQRT3_2, di = (bi - ci) * SQRT3_2;
        vd mr = ar - 0.5 * tr, mi = ai - 0.5 * ti;
        vd x1r = mr + di, x1i = mi - dr, x2r = mr - di, x2i = mi + dr;
        vd w1r = vd_load(plan->w1_re + j), w1i = vd_load(plan->w1_im + j);
        vd w2r = vd_load(plan->w2_re + j), w2i = vd_load(plan->w2_im + j);
        vd_store(re + j, ar + tr);
        vd_store(im + j, ai + ti);
        vd y1r, y1i, y2r, y2i;
        cmul(x1r, x1i, w1r, w1i, &y1r, &y1i);
        cmul(x2r, x2i, w2r, w2i, &y2r, &y2i);
        vd_store(re + n + j, y1r);
        vd_store(im + n + j, y1i);
        vd_store(re + 2 * n + j, y2r);
        vd_store(im + 2 * n + j, y2i);
    }
}

static void radix3_inverse(const fft_plan *plan, double *re, double *im)
{
    size_t n = plan->length;
    for (size_t j = 0; j < n; j += VD_LANES) {
        vd w1r = vd_load(plan->w1_re + j), w1i = vd_load(plan->w1_im + j);
        vd w2r = vd_load(plan->w2_re + j), w2i = vd_load(plan->w2_im + j);
        vd ar = vd_load(re + j), ai = vd_load(im + j);
        vd yr = vd_load(re + n + j), yi = vd_load(im + n + j);
        vd zr = vd_load(re + 2 * n + j), zi = vd_load(im + 2 * n + j);
        vd br, bi, cr, ci;
        cmul_conj(yr, yi, w1r, w1i, &br, &bi);
        cmul_conj(zr, zi, w2r, w2i, &cr, &ci);
        vd tr = br + cr, ti = bi + ci, dr = (br - cr) * SQRT3_2, di = (bi - ci) * SQRT3_2;
        vd mr = ar - 0.5 * tr, mi = ai - 0.5 * ti;
        vd_store(re + j, ar + tr);
        vd_store(im + j, ai + ti);
        vd_store(re + n + j, mr - di);
        vd_store(im + n + j, mi + dr);
        vd_store(re + 2 * n + j, mr + di);
        vd_store(im + 2 * n + j, mi - dr);
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
                vd tr, ti;
                cmul(ur - vr, ui - vi, cr, ci, &tr, &ti);
                vd_store(ar + j, ur + vr);
                vd_store(ai + j, ui + vi);
                vd_store(br + j, tr);
                vd_store(bi + j, ti);
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
                vd tr, ti;
                cmul_conj(vr, vi, cr, ci, &tr, &ti);
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

/* The stages with h < VD_LANES work inside blocks of VD_LANES numbers:
 * transposed, VD_LANES such blocks sit one number per lane, and each
 * butterfly is whole vectors with the same twiddle in every lane. */
static void load_transposed(const double *re, const double *im, vd r[VD_LANES], vd i[VD_LANES])
{
    for (int t = 0; t < VD_LANES; t++) {
        r[t] = vd_load(re + t * VD_LANES);
        i[t] = vd_load(im + t * VD_LANES);
    }
    vd_transpose(r);
    vd_transpose(i);
}

static void store_transposed(double *re, double *im, vd r[VD_LANES], vd i[VD_LANES])
{
    vd_transpose(r);
    vd_transpose(i);
    for (int t = 0; t < VD_LANES; t++) {
        vd_store(re + t * VD_LANES, r[t]);
        vd_store(im + t * VD_LANES, i[t]);
    }
}

static void dif_small(const fft_plan *plan, double *re, double *im)
{
    for (size_t s = 0; s < plan->m; s += VD_LANES * VD_LANES) {
        vd r[VD_LANES], i[VD_LANES];
        load_transposed(re + s, im + s, r, i);
        for (int h = VD_LANES / 2; h >= 1; h /= 2)
            for (int b = 0; b < VD_LANES; b += 2 * h)
                for (int j = 0; j < h; j++) {
                    vd ur = r[b + j], ui = i[b + j], vr = r[b + j + h], vi = i[b + j + h];
                    r[b + j] = ur + vr;
                    i[b + j] = ui + vi;
                    cmul(ur - vr, ui - vi, vd_set1(plan->tw_re[h + j]), vd_set1(plan->tw_im[h + j]),
                         &r[b + j + h], &i[b + j + h]);
                }
        store_transposed(re + s, im + s, r, i);
    }
}

static void dit_small(const fft_plan *plan, double *re, double *im)
{
    for (size_t s = 0; s < plan->m; s += VD_LANES * VD_LANES) {
        vd r[VD_LANES], i[VD_LANES];
        load_transposed(re + s, im + s, r, i);
        for (int h = 1; h < VD_LANES; h *= 2)
            for (int b = 0; b < VD_LANES; b += 2 * h)
                for (int j = 0; j < h; j++) {
                    vd tr, ti;
                    cmul_conj(r[b + j + h], i[b + j + h], vd_set1(plan->tw_re[h + j]),
                              vd_set1(plan->tw_im[h + j]), &tr, &ti);
                    vd ur = r[b + j], ui = i[b + j];
                    r[b + j] = ur + tr;
                    i[b + j] = ui + ti;
                    r[b + j + h] = ur - tr;
                    i[b + j + h] = ui - ti;
                }
        store_transposed(re + s, im + s, r, i);
    }
}

/* Two stages in one pass, h and h / 2 = q >= VD_LANES (radix 2^2): the
 * four numbers at j, j + q, j + 2q, j + 3q of a block of 4q go through
 * both butterflies in registers. */
static void dif_pair(const fft_plan *plan, double *re, double *im, size_t h)
{
    size_t q = h / 2;
    const double *wr = plan->tw_re, *wi = plan->tw_im;
    for (size_t s = 0; s < plan->m; s += 2 * h)
        for (size_t j = 0; j < q; j += VD_LANES) {
            double *r = re + s + j, *i = im + s + j;
            vd x0r = vd_load(r), x0i = vd_load(i), x1r = vd_load(r + q), x1i = vd_load(i + q);
            vd x2r = vd_load(r + 2 * q), x2i = vd_load(i + 2 * q);
            vd x3r = vd_load(r + 3 * q), x3i = vd_load(i + 3 * q);
            vd a0r = x0r + x2r, a0i = x0i + x2i, a1r = x1r + x3r, a1i = x1i + x3i, a2r, a2i, a3r,
               a3i;
            cmul(x0r - x2r, x0i - x2i, vd_load(wr + h + j), vd_load(wi + h + j), &a2r, &a2i);
            cmul(x1r - x3r, x1i - x3i, vd_load(wr + h + j + q), vd_load(wi + h + j + q), &a3r,
                 &a3i);
            vd cr = vd_load(wr + q + j), ci = vd_load(wi + q + j), y1r, y1i, y3r, y3i;
            cmul(a0r - a1r, a0i - a1i, cr, ci, &y1r, &y1i);
            cmul(a2r - a3r, a2i - a3i, cr, ci, &y3r, &y3i);
            vd_store(r, a0r + a1r);
            vd_store(i, a0i + a1i);
            vd_store(r + q, y1r);
            vd_store(i + q, y1i);
            vd_store(r + 2 * q, a2r + a3r);
            vd_store(i + 2 * q, a2i + a3i);
            vd_store(r + 3 * q, y3r);
            vd_store(i + 3 * q, y3i);
        }
}

static void dit_pair(const fft_plan *plan, double *re, double *im, size_t h)
{
    size_t q = h / 2;
    const double *wr = plan->tw_re, *wi = plan->tw_im;
    for (size_t s = 0; s < plan->m; s += 2 * h)
        for (size_t j = 0; j < q; j += VD_LANES) {
            double *r = re + s + j, *i = im + s + j;
            vd cr = vd_load(wr + q + j), ci = vd_load(wi + q + j), t1r, t1i, t3r, t3i;
            vd y0r = vd_load(r), y0i = vd_load(i), y2r = vd_load(r + 2 * q), y2i = vd_load(i + 2 * q);
            cmul_conj(vd_load(r + q), vd_load(i + q), cr, ci, &t1r, &t1i);
            cmul_conj(vd_load(r + 3 * q), vd_load(i + 3 * q), cr, ci, &t3r, &t3i);
            vd a0r = y0r + t1r, a0i = y0i + t1i, a1r = y0r - t1r, a1i = y0i - t1i;
            vd a2r = y2r + t3r, a2i = y2i + t3i, a3r = y2r - t3r, a3i = y2i - t3i;
            vd u2r, u2i, u3r, u3i;
            cmul_conj(a2r, a2i, vd_load(wr + h + j), vd_load(wi + h + j), &u2r, &u2i);
            cmul_conj(a3r, a3i, vd_load(wr + h + j + q), vd_load(wi + h + j + q), &u3r, &u3i);
            vd_store(r, a0r + u2r);
            vd_store(i, a0i + u2i);
            vd_store(r + 2 * q, a0r - u2r);
            vd_store(i + 2 * q, a0i - u2i);
            vd_store(r + q, a1r + u3r);
            vd_store(i + q, a1i + u3i);
            vd_store(r + 3 * q, a1r - u3r);
            vd_store(i + 3 * q, a1i - u3i);
        }
}

/* Whether the vector stages (h from L / 2 down to VD_LANES) are odd in
 * number: then the top one runs alone and the rest in pairs. */
static int odd_stage_count(const fft_plan *plan)
{
    int count = 0;
    for (size_t h = VD_LANES; h < plan->length; h *= 2)
        count++;
    return count % 2;
}

static void fft_forward(const fft_plan *plan, double *re, double *im)
{
    if (plan->radix == 3)
        radix3_forward(plan, re, im);
    if (plan->length < VD_LANES * VD_LANES) {
        for (size_t h = plan->length / 2; h >= 1; h /= 2)
            dif_stage(re, im, plan->m, h, plan->tw_re + h, plan->tw_im + h);
        return;
    }
    size_t h = plan->length / 2;
    if (odd_stage_count(plan)) {
        dif_stage(re, im, plan->m, h, plan->tw_re + h, plan->tw_im + h);
        h /= 2;
    }
    for (; h >= 2 * VD_LANES; h /= 4)
        dif_pair(plan, re, im, h);
    dif_small(plan, re, im);
}

static void fft_inverse(const fft_plan *plan, double *re, double *im)
{
    if (plan->length < VD_LANES * VD_LANES) {
        for (size_t h = 1; h < plan->length; h *= 2)
            dit_stage(re, im, plan->m, h, plan->tw_re + h, plan->tw_im + h);
    } else {
        int odd = odd_stage_count(plan);
        size_t top = odd ? plan->length / 2 : plan->length;
        dit_small(plan, re, im);
        for (size_t h = 2 * VD_LANES; h <= top / 2 && h >= 2 * VD_LANES; h *= 4)
            dit_pair(plan, re, im, h);
        if (odd)
            dit_stage(re, im, plan->m, top, plan->tw_re + top, plan->tw_im + top);
    }
    if (plan->radix == 3)
        radix3_inverse(plan, re, im);
}

/* Multiplying real signals of length 2m through their packed complex
 * transforms Z (length m, bit-reversed order): with E = (Z_k + conj
 * Z_(m-k)) / 2 and O = (Z_k - conj Z_(m-k)) / 2i the transforms of the even
 * and odd samples, the product's packed transform is
 * Ex Ey + e^(-2 pi i k / m) Ox Oy + i (Ex Oy + Ox Ey).
 * In bit-reversed order Z_k and Z_(m-k) sit mirrored inside each octave
 * [2^j, 2^(j+1)) of positions, so both are read as runs of vectors. */
typedef struct {
    size_t length, radix;
    double *rot_re, *rot_im; /* e^(-2 pi i k / m) at the position of k */
} square_plan;

/* Both operands' spectra: x in (re, im) takes the product, y is read only
 * (y = x for a square). */
typedef struct {
    double *re, *im;
    const double *y_re, *y_im;
} spectra;

/* Even and odd parts of a packed transform at k from Z_k and P = Z_(m-k). */
static inline void even_odd(vd zr, vd zi, vd pr, vd pi, vd *er, vd *ei, vd *or_, vd *oi)
{
    *er = 0.5 * (zr + pr);
    *ei = 0.5 * (zi - pi);
    *or_ = 0.5 * (zi + pi);
    *oi = -0.5 * (zr - pr);
}

/* The packed transform of the product at k: Ex Ey + c Ox Oy + i (Ex Oy + Ox Ey). */
static inline void product_at(const vd x[4], const vd y[4], vd cr, vd ci, vd *out_r, vd *out_i)
{
    vd exr, exi, oxr, oxi, eyr, eyi, oyr, oyi;
    even_odd(x[0], x[1], x[2], x[3], &exr, &exi, &oxr, &oxi);
    even_odd(y[0], y[1], y[2], y[3], &eyr, &eyi, &oyr, &oyi);
    vd eer = exr * eyr - exi * eyi, eei = exr * eyi + exi * eyr;
    vd oor = oxr * oyr - oxi * oyi, ooi = oxr * oyi + oxi * oyr;
    vd mr = exr * oyr - exi * oyi + oxr * eyr - oxi * eyi;
    vd mi = exr * oyi + exi * oyr + oxr * eyi + oxi * eyr;
    *out_r = eer + (cr * oor - ci * ooi) - mi;
    *out_i = eei + (cr * ooi + ci * oor) + mr;
}

static inline vd vd_reverse(vd v)
{
    double in[VD_LANES], out[VD_LANES];
    vd_store(in, v);
    for (int i = 0; i < VD_LANES; i++)
        out[i] = in[VD_LANES - 1 - i];
    return vd_load(out);
}

/* Positions a and b (partners), one lane at a time. */
static void pointwise_scalar(const square_plan *plan, spectra s, size_t a, size_t b)
{
    vd x[4] = {vd_set1(s.re[a]), vd_set1(s.im[a]), vd_set1(s.re[b]), vd_set1(s.im[b])};
    vd y[4] = {vd_set1(s.y_re[a]), vd_set1(s.y_im[a]), vd_set1(s.y_re[b]), vd_set1(s.y_im[b])};
    vd xs[4] = {x[2], x[3], x[0], x[1]}, ys[4] = {y[2], y[3], y[0], y[1]};
    vd ar, ai, br, bi;
    product_at(x, y, vd_set1(plan->rot_re[a]), vd_set1(plan->rot_im[a]), &ar, &ai);
    product_at(xs, ys, vd_set1(plan->rot_re[b]), vd_set1(plan->rot_im[b]), &br, &bi);
    s.re[a] = ar[0];
    s.im[a] = ai[0];
    s.re[b] = br[0];
    s.im[b] = bi[0];
}

/* Pairs a + i and b - i (i = 0, VD_LANES, ... below count), b the last of
 * a run of VD_LANES: the partner runs mirrored. */
static void pointwise_mirrored(const square_plan *plan, spectra s, size_t a, size_t b,
                               size_t count)
{
    for (size_t i = 0; i < count; i += VD_LANES, a += VD_LANES, b -= VD_LANES) {
        vd x[4] = {vd_load(s.re + a), vd_load(s.im + a), vd_reverse(vd_load(s.re + b)),
                   vd_reverse(vd_load(s.im + b))};
        vd y[4] = {vd_load(s.y_re + a), vd_load(s.y_im + a), vd_reverse(vd_load(s.y_re + b)),
                   vd_reverse(vd_load(s.y_im + b))};
        vd xs[4] = {x[2], x[3], x[0], x[1]}, ys[4] = {y[2], y[3], y[0], y[1]};
        vd ar, ai, br, bi;
        product_at(x, y, vd_load(plan->rot_re + a), vd_load(plan->rot_im + a), &ar, &ai);
        product_at(xs, ys, vd_reverse(vd_load(plan->rot_re + b)),
                   vd_reverse(vd_load(plan->rot_im + b)), &br, &bi);
        vd_store(s.re + a, ar);
        vd_store(s.im + a, ai);
        vd_store(s.re + b, vd_reverse(br));
        vd_store(s.im + b, vd_reverse(bi));
    }
}

/* In block 0 (k = 3q, or every k for radix 1) Z_k and Z_(m-k) sit mirrored
 * inside each octave [2^j, 2^(j+1)) of positions; Z_(3q+1) at L + i pairs
 * with Z_(m-3q-1) at 3L - 1 - i. */
static void pointwise_product(const square_plan *plan, spectra s)
{
    size_t n = plan->length, lo = 1;
    pointwise_scalar(plan, s, 0, 0);
    for (; lo < n && lo < 2 * VD_LANES; lo *= 2)
        for (size_t a = lo, b = 2 * lo - 1; a <= b; a++, b--)
            pointwise_scalar(plan, s, a, b);
    for (; lo < n; lo *= 2)
        pointwise_mirrored(plan, s, lo, 2 * lo - VD_LANES, lo / 2);
    if (plan->radix == 3)
        pointwise_mirrored(plan, s, n, 3 * n - VD_LANES, n);
}

/* Doubles of tables per complex point for plans_init. */
enum { PLAN_TABLES = 8 };

/* The FFT and the pointwise product for length m (VD_LANES 2^k or
 * 3 VD_LANES 2^k), their tables in tables (PLAN_TABLES m doubles). */
static void plans_init(fft_plan *fft, square_plan *sq, size_t m, double *tables)
{
    size_t radix = m % 3 == 0 ? 3 : 1, length = m / radix;
    *fft = (fft_plan){m, length, radix, tables, tables + m, tables + 2 * m, tables + 3 * m,
                      tables + 4 * m, tables + 5 * m};
    plan_twiddles(fft);
    *sq = (square_plan){length, radix, tables + 6 * m, tables + 7 * m};
    /* Position r L + i holds k = (i bit-reversed) radix + r; the reversed i
     * is counted up from the top bit down, a carry at a time. The table is
     * written in order and read out of order (reads that miss the cache
     * overlap better than writes). */
    for (size_t i = 0, reversed = 0; i < length; i++) {
        for (size_t r = 0; r < radix; r++) {
            sq->rot_re[r * length + i] = fft->w1_re[reversed * radix + r];
            sq->rot_im[r * length + i] = fft->w1_im[reversed * radix + r];
        }
        size_t bit = length / 2;
        for (; reversed & bit; bit /= 2)
            reversed ^= bit;
        reversed |= bit;
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
    double *re, *im, *low[2], *high[2];
    void *memory;
} dwt;

static void dwt_free(dwt *t)
{
    free(t->memory);
}

static size_t word_offset(uint64_t p, size_t n, size_t j)
{
    return (size_t)(((u128)p * j + n - 1) / n);
}

static mp_status dwt_init(dwt *t, uint64_t p, size_t m)
{
    size_t n = 2 * m, arrays = 16, stride = m + 1; /* index -1 allowed */
    memset(t, 0, sizeof *t);
    t->p = p;
    t->m = m;
    double *mem = malloc((arrays * stride + PLAN_TABLES * m) * sizeof *mem);
    if (!mem)
        return MP_ERR_NOMEM;
    t->memory = mem;
    double **slots[] = {&t->x[0],      &t->x[1],           &t->weight[0],       &t->weight[1],
                        &t->unweight[0], &t->unweight[1],  &t->base[0],         &t->base[1],
                        &t->inverse_base[0], &t->inverse_base[1], &t->re,        &t->im,
                        &t->high[0],    &t->high[1],        &t->low[0],          &t->low[1]};
    for (size_t i = 0; i < arrays; i++)
        *slots[i] = mem + i * stride + 1;
    plans_init(&t->fft, &t->sq, m, mem + arrays * stride);
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
    t->inverse_base[1][-1] = t->inverse_base[1][m - 1];
    for (size_t i = 0; i < m; i++) {
        t->re[i] = t->x[0][i] * t->weight[0][i];
        t->im[i] = t->x[1][i] * t->weight[1][i];
    }
    return MP_OK;
}

/* The carry, in two rounds that only look at neighbours (so they run as
 * vectors): each word splits into a balanced remainder modulo its base and
 * a part that moves on to the next word (the last word's to word 0, as
 * 2^p = 1). One round leaves words a few bits too large, the second leaves
 * them balanced but for a tiny excess.
 * Round one: c = the convolution output unweighted and rounded, c = hi
 * base + lo, kept in low and high (with a copy of the last word before the
 * first, index -1: the wrap-around). */
static vd split_round_one(dwt *t)
{
    size_t m = t->m;
    vd worst = vd_set1(0);
    for (int parity = 0; parity < 2; parity++) {
        const double *src = parity ? t->im : t->re, *u = t->unweight[parity];
        const double *b = t->base[parity], *ib = t->inverse_base[parity];
        double *lo = t->low[parity], *hi = t->high[parity];
        for (size_t i = 0; i < m; i += VD_LANES) {
            vd c = vd_load(src + i) * vd_load(u + i), r = vd_round(c);
            worst = vd_max(worst, vd_abs(c - r));
            vd h = vd_round(r * vd_load(ib + i));
            vd_store(hi + i, h);
            vd_store(lo + i, r - h * vd_load(b + i));
        }
        lo[-1] = lo[m - 1];
        hi[-1] = hi[m - 1];
    }
    return worst;
}

/* Round two, word by word from the results of round one: word j after
 * round one is lo_j + hi_(j-1); it keeps its balanced remainder and gets
 * the part word j - 1 passes on. Even word 2i and odd word 2i + 1 together
 * need words 2i - 1 .. 2i + 1 after round one. The new words are stored,
 * and weighted as the next transform's input. */
static void carry_round_two(dwt *t)
{
    size_t m = t->m;
    const double *le = t->low[0], *lo = t->low[1], *he = t->high[0], *ho = t->high[1];
    const double *be = t->base[0], *bo = t->base[1];
    const double *ibe = t->inverse_base[0], *ibo = t->inverse_base[1];
    for (size_t i = 0; i < m; i += VD_LANES) {
        vd before = vd_load(lo + i - 1) + vd_load(he + i - 1); /* word 2i - 1 */
        vd even = vd_load(le + i) + vd_load(ho + i - 1);      /* word 2i */
        vd odd = vd_load(lo + i) + vd_load(he + i);           /* word 2i + 1 */
        vd carry_before = vd_round(before * vd_load(ibo + i - 1));
        vd carry_even = vd_round(even * vd_load(ibe + i));
        vd carry_odd = vd_round(odd * vd_load(ibo + i));
        vd new_even = even - carry_even * vd_load(be + i) + carry_before;
        vd new_odd = odd - carry_odd * vd_load(bo + i) + carry_even;
        vd_store(t->x[0] + i, new_even);
        vd_store(t->x[1] + i, new_odd);
        vd_store(t->re + i, new_even * vd_load(t->weight[0] + i));
        vd_store(t->im + i, new_odd * vd_load(t->weight[1] + i));
    }
}

/* x = x^2 - 2 modulo 2^p - 1; returns the largest rounding error seen.
 * On entry and on return re and im hold the weighted words. */
static double dwt_square_minus_two(dwt *t)
{
    fft_forward(&t->fft, t->re, t->im);
    pointwise_product(&t->sq, (spectra){t->re, t->im, t->re, t->im});
    fft_inverse(&t->fft, t->re, t->im);
    vd worst = split_round_one(t);
    t->low[0][0] -= 2;
    carry_round_two(t);
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

/* The transform lengths: 2m = VD_LANES 2^k or 3 VD_LANES 2^k words. */
static size_t next_half_length(size_t m)
{
    return m % 3 == 0 ? m / 3 * 4 : m / 2 >= VD_LANES ? m / 2 * 3 : m * 2;
}

/* The first transform length tried: the shortest whose words hold at most
 * about 20 bits, a little less as the transform grows (its rounding error
 * grows like the log of its length). */
static size_t first_half_length(uint64_t p)
{
    size_t m = VD_LANES;
    while ((double)p / (double)(2 * m) > 20.5 - 0.3 * (log2((double)(2 * m)) - 10))
        m = next_half_length(m);
    return m;
}

mp_status fft_lucas_lehmer(uint64_t p, int *is_prime)
{
    for (size_t m = first_half_length(p); (double)p / (double)(2 * m) >= 2.0;
         m = next_half_length(m)) {
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

/* The product's pieces of w bits, balanced (|piece| <= 2^(w-1)), of
 * (a, na) into the real signal of length 2m packed as (re, im): even pieces
 * in re, odd in im, zeros after the last. */
static void split_pieces(const uint64_t *a, size_t na, unsigned w, double *re, double *im,
                         size_t m)
{
    memset(re, 0, m * sizeof *re);
    memset(im, 0, m * sizeof *im);
    uint64_t total = 64 * (uint64_t)na, mask = ((uint64_t)1 << w) - 1;
    int64_t carry = 0;
    size_t j = 0;
    for (uint64_t bit = 0; bit < total; bit += w, j++) {
        size_t limb = (size_t)(bit / 64);
        unsigned shift = (unsigned)(bit % 64);
        uint64_t v = a[limb] >> shift;
        if (shift + w > 64 && limb + 1 < na)
            v |= a[limb + 1] << (64 - shift);
        int64_t piece = (int64_t)(v & mask) + carry;
        carry = piece >= (int64_t)1 << (w - 1);
        piece -= carry ? (int64_t)1 << w : 0;
        (j % 2 ? im : re)[j / 2] = (double)piece;
    }
    if (carry)
        (j % 2 ? im : re)[j / 2] = 1.0;
}

/* r (nr limbs) = the sum of the rounded conv_j 2^(j w), conv_j = src / m,
 * and what lies above 2^(64 nr) in *carry (if not NULL) when all 2m
 * pieces fill nr limbs exactly; the largest rounding error returned. */
static double gather_pieces(const double *re, const double *im, size_t m, unsigned w,
                            uint64_t *r, size_t nr, i128 *carry)
{
    double worst = 0, scale = 1.0 / (double)m;
    int64_t acc = 0; /* below 2^54 in size: outputs below 2^53 and a carry */
    u128 buffer = 0;
    unsigned fill = 0;
    size_t out = 0;
    const u128 mask = ((u128)1 << w) - 1;
    for (size_t j = 0; j < 2 * m && out < nr; j++) {
        double c = (j % 2 ? im : re)[j / 2] * scale, rounded = nearbyint(c);
        worst = fmax(worst, fabs(c - rounded));
        acc += (int64_t)rounded;
        buffer |= ((u128)(uint64_t)acc & mask) << fill;
        acc >>= w; /* arithmetic: the floor */
        fill += w;
        if (fill >= 64) {
            r[out++] = (uint64_t)buffer;
            buffer >>= 64;
            fill -= 64;
        }
    }
    if (out < nr)
        r[out++] = (uint64_t)buffer;
    while (out < nr)
        r[out++] = 0;
    if (carry)
        *carry = acc;
    return worst;
}

/* Products above this many complex points go to Karatsuba (memory). */
#define FFT_MUL_MAX_HALF_LENGTH ((size_t)1 << 24)

/* At most this many transform lengths are kept: a conversion uses a few
 * for each level of its divide and conquer. */
enum { CACHE_ENTRIES = 48 };

typedef struct {
    fft_plan fft;
    square_plan sq;
    double *tables;
} fft_tables;

struct fft_cache {
    size_t max_half_length, count;
    fft_tables entry[CACHE_ENTRIES];
};

fft_cache *fft_cache_new(size_t max_half_length)
{
    fft_cache *cache = malloc(sizeof *cache);
    if (cache)
        cache->max_half_length = max_half_length, cache->count = 0;
    return cache;
}

void fft_cache_free(fft_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < cache->count; i++)
        free(cache->entry[i].tables);
    free(cache);
}

/* The tables for length m: from the cache, or new (kept in the cache if
 * it takes them; *owned set when the caller must free them). */
static const fft_tables *tables_for(fft_cache *cache, size_t m, fft_tables *local, int *owned)
{
    *owned = 0;
    int keep = cache && m <= cache->max_half_length && cache->count < CACHE_ENTRIES;
    for (size_t i = 0; cache && i < cache->count; i++)
        if (cache->entry[i].fft.m == m)
            return &cache->entry[i];
    fft_tables *t = keep ? &cache->entry[cache->count] : local;
    t->tables = malloc(PLAN_TABLES * m * sizeof *t->tables);
    if (!t->tables)
        return NULL;
    plans_init(&t->fft, &t->sq, m, t->tables);
    if (keep)
        cache->count++;
    else
        *owned = 1;
    return t;
}

/* Whether pieces of w bits keep a cyclic convolution of 2m of them exact
 * in doubles: its terms stay near 2^(2w - 2 + log2(2m) / 2) and its
 * largest below 2^(2w - 2 + log2(2m)) < 2^50. */
static int pieces_fit(unsigned w, size_t m)
{
    return 2.0 * w - 2 + log2(2.0 * (double)m) <= 50;
}

/* The cyclic convolution of the w-bit pieces of a and b, 2m of them, into
 * r (nr limbs: the sum of the rounded outputs conv_j 2^(j w) below
 * 2^(64 nr)); *carry, if not NULL, gets what lies above (2m w = 64 nr
 * then). MP_ERR_PRECISION if an output was too far from an integer. */
static mp_status convolve(fft_cache *cache, size_t m, unsigned w, const uint64_t *a, size_t na,
                          const uint64_t *b, size_t nb, uint64_t *r, size_t nr,
                          i128 *carry)
{
    if (m > FFT_MUL_MAX_HALF_LENGTH)
        return MP_ERR_PRECISION;
    fft_tables local;
    int owned;
    double *mem = malloc(4 * m * sizeof *mem);
    const fft_tables *t = mem ? tables_for(cache, m, &local, &owned) : NULL;
    if (!t) {
        free(mem);
        return MP_ERR_NOMEM;
    }
    double *re = mem, *im = mem + m, *y_re = mem + 2 * m, *y_im = mem + 3 * m;
    split_pieces(a, na, w, re, im, m);
    fft_forward(&t->fft, re, im);
    if (a == b && na == nb) {
        y_re = re;
        y_im = im;
    } else {
        split_pieces(b, nb, w, y_re, y_im, m);
        fft_forward(&t->fft, y_re, y_im);
    }
    pointwise_product(&t->sq, (spectra){re, im, y_re, y_im});
    fft_inverse(&t->fft, re, im);
    double worst = gather_pieces(re, im, m, w, r, nr, carry);
    if (owned)
        free(t->tables);
    free(mem);
    return worst <= MAX_ROUNDING_ERROR ? MP_OK : MP_ERR_PRECISION;
}

mp_status fft_mul(fft_cache *cache, uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                  size_t nb)
{
    unsigned w = 20;
    size_t m;
    for (;; w--) {
        size_t pieces = (size_t)((64 * ((uint64_t)na + nb)) / w) + 3;
        m = VD_LANES * VD_LANES;
        while (2 * m < pieces)
            m = next_half_length(m);
        if (pieces_fit(w, m) || w == 8)
            break;
    }
    return convolve(cache, m, w, a, na, b, nb, r, na + nb, NULL);
}

size_t fft_wrap_length(size_t min_limbs, size_t *half_length, unsigned *piece_bits)
{
    for (size_t m = VD_LANES * VD_LANES;; m = next_half_length(m)) {
        uint64_t bits = 64 * (uint64_t)min_limbs;
        unsigned w = (unsigned)((bits + 2 * m - 1) / (2 * m));
        if (m % 32 == 0 && w <= 20 && pieces_fit(w, m)) {
            *half_length = m;
            *piece_bits = w;
            return 2 * m * w / 64;
        }
    }
}

/* r (n limbs) += c modulo B^n - 1, c signed: a carry out of the top limb
 * comes back in at limb 0 (B^n = 1), a borrow goes back out of it. */
static void add_wrapped(uint64_t *r, size_t n, i128 c)
{
    if (c >= 0) {
        uint64_t out = limbs_add_1(r, n, (uint64_t)c);
        while (out)
            out = limbs_add_1(r, n, out);
    } else {
        uint64_t out = limbs_sub_1(r, n, (uint64_t)-c);
        while (out)
            out = limbs_sub_1(r, n, out);
    }
}

mp_status fft_mul_wrapped(fft_cache *cache, uint64_t *r, size_t nr, size_t m, unsigned w,
                          const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    if (na >= nr || nb >= nr || 2 * m * w != 64 * (uint64_t)nr)
        return MP_ERR_ARG;
    i128 carry = 0;
    mp_status status = convolve(cache, m, w, a, na, b, nb, r, nr, &carry);
    if (status == MP_OK)
        add_wrapped(r, nr, carry);
    return status;
}
// END SOLUTION
