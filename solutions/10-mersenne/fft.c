/* fft.c: a floating-point FFT for products of large numbers, and the
 * irrational-base discrete weighted transform that squares modulo 2^p - 1
 * for the Lucas-Lehmer test (chapter sections 9 and 6). */
#include "limbs.h"

// BEGIN SOLUTION
mp_status fft_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    (void)r; (void)a; (void)na; (void)b; (void)nb;
    return MP_ERR_PRECISION;
}

mp_status fft_lucas_lehmer(uint64_t p, int *is_prime)
{
    (void)p; (void)is_prime;
    return MP_ERR_PRECISION;
}
// END SOLUTION
