/* fft.c: a floating-point FFT for products of large numbers, and the
 * irrational-base discrete weighted transform that squares modulo 2^p - 1
 * for the Lucas-Lehmer test (chapter sections 9 and 6). */
#include "limbs.h"

