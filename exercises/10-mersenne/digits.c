/* digits.c: the number of digits, the last digits and the first digits of
 * 2^p - 1 without computing the number (chapter sections 2, 3 and 4). */
#include "mersenne.h"

#include <string.h>

#include "limbs.h"

/* Exponents below this bound, as the header promises. */
#define MAX_EXPONENT ((uint64_t)1 << 40)

mp_status mp_digit_count(uint64_t p, uint64_t *digits)
{
    // TODO: check the arguments (p >= 1, p < 2^40); *digits = floor(p log10 2)
    //   + 1, computed in 128-bit fixed point (unsigned __int128) with an
    //   error bound that proves the floor is right, MP_ERR_PRECISION if it
    //   cannot.
    (void)p; (void)digits;
    return MP_ERR_TODO;
}

mp_status mp_last_digits(uint64_t p, unsigned k, char *out)
{
    // TODO: check the arguments; 2^p mod 10^k by square-and-multiply (the
    //   products need unsigned __int128), minus 1, written as k digits.
    (void)p; (void)k; (void)out;
    return MP_ERR_TODO;
}

mp_status mp_first_digits(uint64_t p, unsigned k, char *out)
{
    // TODO: check the arguments (k no more than the number's digits); for
    //   small p write 2^p - 1 exactly; otherwise the leading digits are
    //   those of 10^f (f the fractional part of p log10 2): compute it in
    //   fixed point with an error bound, MP_ERR_PRECISION when the bound
    //   straddles a change of the k-th digit.
    (void)p; (void)k; (void)out;
    return MP_ERR_TODO;
}
