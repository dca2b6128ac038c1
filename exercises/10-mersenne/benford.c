/* benford.c: the leading digits of 2^n, counted from the fractional parts
 * of n log10 2 (chapter section 5). */
#include "mersenne.h"

#include <string.h>

#include "limbs.h"

mp_status mp_benford_counts(uint64_t n_max, uint64_t counts[10])
{
    // TODO: check the arguments (n_max <= MP_BENFORD_MAX); the leading digit
    //   of 2^n is d when log10 d <= frac(n log10 2) < log10(d + 1). Add
    //   log10 2 in fixed point (the fraction wraps around by itself in an
    //   unsigned __int128) and make sure its accumulated error cannot move
    //   a fraction across a threshold.
    (void)n_max; (void)counts;
    return MP_ERR_TODO;
}
