/* karatsuba.c: Karatsuba's multiplication, three half-size products in
 * place of four (chapter section 7), and mp_mul, the fastest product the
 * lesson has (an FFT for large operands, section 10). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

mp_status mp_mul_karatsuba(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           uint64_t *out, size_t cap, size_t *n_out)
{
    // TODO: check the arguments as in mp_mul_schoolbook; split both operands
    //   in halves a = a0 + a1 B^h, b = b0 + b1 B^h and use the three products
    //   a0 b0, a1 b1 and (a0 + a1)(b0 + b1), recursing down to the cut-off
    //   you measured, below which the schoolbook product runs. Operands of
    //   different sizes: multiply the shorter by slices of the longer.
    (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}

mp_status mp_mul(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out)
{
    // TODO: your fastest product. mp_mul_karatsuba passes every test but the
    //   two at hundreds of thousands of limbs; for those, switch to the FFT
    //   product of fft.c (section 10) above a size you measure.
    (void)a; (void)na; (void)b; (void)nb; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}
