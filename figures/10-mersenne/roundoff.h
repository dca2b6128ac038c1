/* roundoff.h: how far a floating-point FFT convolution strays from the
 * integers it stands for. The lesson's FFT product (mp_mul) only says
 * whether its error stayed under its threshold; this plain radix-2 FFT
 * reports the error itself, for the chapter's table and figure. */
#ifndef FIGURES_MERSENNE_ROUNDOFF_H
#define FIGURES_MERSENNE_ROUNDOFF_H

#include <stdint.h>

/* Squares a random number of 2^(lg - 1) balanced pieces of w bits
 * (|piece| <= 2^(w-1)) by a complex FFT of length 2^lg and returns the
 * largest distance of a convolution output to the nearest integer: below
 * 1/2 the rounded outputs are the exact product's. -1 if out of memory. */
double fft_square_error(unsigned w, unsigned lg, uint64_t seed);

#endif
