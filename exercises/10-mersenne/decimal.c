/* decimal.c: a big number to decimal digits and back, by divide and
 * conquer with the powers 10^(19 2^k) (chapter section 11). */
#include "mersenne.h"

#include <stdlib.h>
#include <string.h>

#include "limbs.h"

mp_status mp_to_decimal(const uint64_t *a, size_t na, char *out, size_t cap, size_t *len)
{
    // TODO: check the arguments; split a by a power 10^(19 2^k) into a
    //   quotient and a remainder, the high and the low digits, and recurse;
    //   small pieces go 19 digits at a time (divide by 10^19). Inner pieces
    //   keep their leading zeros, the whole number none ("0" for zero).
    (void)a; (void)na; (void)out; (void)cap; (void)len;
    return MP_ERR_TODO;
}

mp_status mp_from_decimal(const char *digits, size_t len, uint64_t *out, size_t cap,
                          size_t *n_out)
{
    // TODO: check the arguments and every byte ('0' to '9'); the value of
    //   the high digits times 10^(number of low digits), plus the value of
    //   the low digits, each half by the same method, down to chunks of 19
    //   digits (r = r 10^19 + chunk).
    (void)digits; (void)len; (void)out; (void)cap; (void)n_out;
    return MP_ERR_TODO;
}
