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

