/* fft.c: the irrational-base discrete weighted transform (Crandall and
 * Fagin) that squares modulo 2^p - 1 for the Lucas-Lehmer test, on a
 * floating-point FFT (chapter sections 9 and 6), and the FFT product of
 * large numbers for mp_mul. */
#include "limbs.h"

