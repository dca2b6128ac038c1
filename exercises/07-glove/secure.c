/* secure.c: fixed-point codes of unit vectors, and a dot product that two
 * parties compute on additive secret shares (chapter section 8). */
#include "glove.h"

#include <math.h>

#include "rng.h"

gv_status gv_fixed_encode(const double *x, size_t n, unsigned bits, gv_fixed_mode mode,
                          uint64_t *out)
{
    // TODO: GV_FIXED_CLIPPED: clip x[i] to [0, 1], multiply by 2^bits and
    //   truncate toward zero (0.01698913 at 14 bits is 278). GV_FIXED_SIGNED:
    //   x[i] (|x[i]| <= 1, else GV_ERR_ARG) times 2^bits, rounded to the
    //   nearest integer with halves away from zero (C's round), stored mod
    //   2^64, so -1 is 2^64 - 1. A NaN or an infinity is GV_ERR_NAN.
    (void)x; (void)n; (void)bits; (void)mode; (void)out;
    return GV_ERR_TODO;
}

gv_status gv_fixed_dot(const uint64_t *a, const uint64_t *b, size_t n, unsigned bits,
                       gv_fixed_mode mode, double *dot)
{
    // TODO: the sum of a[i] b[i] in uint64_t (which wraps mod 2^64, as the
    //   encoding wants), then divided by 2^(2 bits); in signed mode, read the
    //   sum as a two's complement number first.
    (void)a; (void)b; (void)n; (void)bits; (void)mode; (void)dot;
    return GV_ERR_TODO;
}

gv_status gv_share(const uint64_t *x, size_t n, uint64_t seed, uint64_t *share0,
                   uint64_t *share1)
{
    // TODO: share0[i] = rng_u64 of an rng seeded with seed, share1[i] = x[i]
    //   - share0[i] (uint64_t arithmetic is mod 2^64).
    (void)x; (void)n; (void)seed; (void)share0; (void)share1;
    return GV_ERR_TODO;
}

gv_status gv_secure_dot(const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, size_t n, uint64_t seed, uint64_t z[2])
{
    // TODO: for each i, a dealer (an rng seeded with seed) makes a triple
    //   a, b, c = a b and shares each of them. Each party p publishes its
    //   share of x - a and of y - b; the sums are e and f, which reveal
    //   nothing since a and b are uniform. Then party p adds c_p + e b_p +
    //   f a_p to z[p], and party 0 adds e f too. All arithmetic is uint64_t.
    (void)x0; (void)x1; (void)y0; (void)y1; (void)n; (void)seed; (void)z;
    return GV_ERR_TODO;
}
