/* roundoff.c: a plain radix-2 FFT that measures its rounding error (see
 * roundoff.h). Clarity over speed: it runs once per table row. The sums of
 * products are written as fused multiply-adds so that every compiler rounds
 * them alike (some would contract a * b + c on their own, some not). */
#include "roundoff.h"

#include <math.h>
#include <stdlib.h>

#include "rng.h"

static const double PI = 3.14159265358979323846;

static size_t reverse_bits(size_t i, unsigned bits)
{
    size_t r = 0;
    for (unsigned b = 0; b < bits; b++, i >>= 1)
        r = r << 1 | (i & 1);
    return r;
}

/* In place, length 2^lg; sign -1 forward, +1 inverse (unscaled). */
static void fft(double *re, double *im, unsigned lg, int sign)
{
    size_t n = (size_t)1 << lg;
    for (size_t i = 0; i < n; i++) {
        size_t j = reverse_bits(i, lg);
        if (j > i) {
            double t = re[i]; re[i] = re[j]; re[j] = t;
            t = im[i]; im[i] = im[j]; im[j] = t;
        }
    }
    for (size_t half = 1; half < n; half *= 2)
        for (size_t k = 0; k < half; k++) {
            double angle = sign * PI * (double)k / (double)half;
            double wr = cos(angle), wi = sin(angle);
            for (size_t i = k; i < n; i += 2 * half) {
                size_t j = i + half;
                double tr = fma(re[j], wr, -(im[j] * wi)), ti = fma(re[j], wi, im[j] * wr);
                re[j] = re[i] - tr;
                im[j] = im[i] - ti;
                re[i] += tr;
                im[i] += ti;
            }
        }
}

double fft_square_error(unsigned w, unsigned lg, uint64_t seed)
{
    size_t n = (size_t)1 << lg;
    double *re = calloc(2 * n, sizeof *re);
    if (!re)
        return -1;
    double *im = re + n;
    rng r;
    rng_seed(&r, seed);
    int64_t half = (int64_t)1 << (w - 1);
    for (size_t i = 0; i < n / 2; i++)
        re[i] = (double)((int64_t)rng_below(&r, (uint64_t)2 * half + 1) - half);
    fft(re, im, lg, -1);
    for (size_t i = 0; i < n; i++) {
        double a = re[i], b = im[i];
        re[i] = fma(a, a, -(b * b));
        im[i] = 2 * a * b;
    }
    fft(re, im, lg, 1);
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double c = re[i] / (double)n;
        worst = fmax(worst, fabs(c - nearbyint(c)));
    }
    free(re);
    return worst;
}
