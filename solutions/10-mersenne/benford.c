/* benford.c: the leading digits of 2^n, counted from the fractional parts
 * of n log10 2 (chapter section 5). */
#include "mersenne.h"

#include <string.h>

#include "limbs.h"

// BEGIN SOLUTION
#define U128(high, low) ((u128)(high##u) << 64 | (low##u))

/* floor(log10(d) 2^128) for d = 1 .. 10 (log10 10 = 1 is 2^128: the top). */
static const u128 LOG10_DIGIT[10] = {
    0,
    0,
    U128(0x4d104d427de7fbcc, 0x47c4acd605be48bc), /* log10 2 */
    U128(0x7a249e593f57f423, 0x0c0d0ea086890763), /* log10 3 */
    U128(0x9a209a84fbcff798, 0x8f8959ac0b7c9178), /* log10 4 */
    U128(0xb2efb2bd82180433, 0xb83b5329fa41b743), /* log10 5 */
    U128(0xc734eb9bbd3fefef, 0x53d1bb768c47501f), /* log10 6 */
    U128(0xd858585bc661f94b, 0x692ff8a805fda2da), /* log10 7 */
    U128(0xe730e7c779b7f364, 0xd74e0682113ada34), /* log10 8 */
    U128(0xf4493cb27eafe846, 0x181a1d410d120ec7), /* log10 9 */
};

/* 2^0 .. 2^3 = 1, 2, 4, 8 are exactly the digits whose logarithms are the
 * thresholds; from 2^4 on no power of 2 is d 10^m, so no fraction sits on
 * a threshold and the error bound decides. */
enum { FIRST_INEXACT = 4 };

/* The leading digit for the fraction f: the d with log10 d <= f < log10(d+1). */
static unsigned leading_digit(u128 f)
{
    unsigned d = 9;
    while (f < LOG10_DIGIT[d])
        d--;
    return d;
}

/* Whether f lies within bound of a threshold (either side, mod 1). */
static int too_close(u128 f, unsigned d, u128 bound)
{
    u128 below = f - LOG10_DIGIT[d];
    u128 above = (d == 9 ? 0 : LOG10_DIGIT[d + 1]) - f; /* wraps for d = 9 */
    return below <= bound || above <= bound;
}

// END SOLUTION
mp_status mp_benford_counts(uint64_t n_max, uint64_t counts[10])
{
    // TODO: check the arguments (n_max <= MP_BENFORD_MAX); the leading digit
    //   of 2^n is d when log10 d <= frac(n log10 2) < log10(d + 1). Add
    //   log10 2 in fixed point (the fraction wraps around by itself in an
    //   unsigned __int128) and make sure its accumulated error cannot move
    //   a fraction across a threshold.
    // STUB: (void)n_max; (void)counts;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!counts || n_max > MP_BENFORD_MAX)
        return MP_ERR_ARG;
    memset(counts, 0, 10 * sizeof *counts);
    static const unsigned exact[FIRST_INEXACT] = {1, 2, 4, 8};
    u128 f = 0;
    for (uint64_t n = 0; n <= n_max; n++, f += LOG10_DIGIT[2]) {
        if (n < FIRST_INEXACT) {
            counts[exact[n]]++;
            continue;
        }
        unsigned d = leading_digit(f);
        /* f is below n log10 2 mod 1 by less than n 2^-128, a threshold by
         * less than 2^-128. */
        if (too_close(f, d, (u128)n + 2)) {
            memset(counts, 0, 10 * sizeof *counts);
            return MP_ERR_PRECISION;
        }
        counts[d]++;
    }
    return MP_OK;
    // END SOLUTION
}
