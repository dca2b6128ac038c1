/* lucas.c: reduction modulo 2^p - 1 by shifts and adds, and the
 * Lucas-Lehmer test (chapter sections 8 and 9). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

mp_status mp_mod_mersenne(const uint64_t *a, size_t na, uint64_t p, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    // TODO: check the arguments (p >= 2); cut a into p-bit pieces and add
    //   them (2^p = 1 modulo 2^p - 1), fold the sum's bits at p and above
    //   back until it has p bits, and map 2^p - 1 itself to 0.
    (void)a; (void)na; (void)p; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}

mp_status mp_lucas_lehmer(uint64_t p, int *is_prime)
{
    // TODO: check the arguments (2 <= p <= MP_LL_MAX_P); p = 2 and composite
    //   p need no test; otherwise s = 4 and p - 2 times s = s^2 - 2 modulo
    //   2^p - 1 (your multiplication and mp_mod_mersenne's reduction), prime
    //   iff s ends at 0.
    (void)p; (void)is_prime;
    return MP_ERR_TODO;
}
