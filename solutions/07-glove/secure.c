/* secure.c: fixed-point codes of unit vectors, and a dot product that two
 * parties compute on additive secret shares (chapter section 8). */
#include "glove.h"

#include <math.h>

#include "rng.h"

// BEGIN SOLUTION
static int fixed_args_ok(size_t n, unsigned bits, gv_fixed_mode mode)
{
    return n > 0 && bits >= 1 && bits <= 30 &&
           (mode == GV_FIXED_CLIPPED || mode == GV_FIXED_SIGNED);
}

/* x times 2^bits, clipped to [0, 1] first and truncated, or rounded to the
 * nearest integer, halves away from zero, and taken mod 2^64. */
static uint64_t fixed_code(double x, unsigned bits, gv_fixed_mode mode)
{
    if (mode == GV_FIXED_CLIPPED) {
        double clipped = x < 0.0 ? 0.0 : x > 1.0 ? 1.0 : x;
        return (uint64_t)ldexp(clipped, (int)bits); /* the conversion truncates */
    }
    /* |x| 2^bits <= 2^30: an exact int64; to uint64 is mod 2^64 in C */
    return (uint64_t)(int64_t)round(ldexp(x, (int)bits));
}

/* A 64-bit word read as a two's complement integer, as a double. */
static double as_signed(uint64_t v)
{
    return v >> 63 ? -(double)(~v) - 1.0 : (double)v;
}

// END SOLUTION
gv_status gv_fixed_encode(const double *x, size_t n, unsigned bits, gv_fixed_mode mode,
                          uint64_t *out)
{
    // TODO: GV_FIXED_CLIPPED: clip x[i] to [0, 1], multiply by 2^bits and
    //   truncate toward zero (0.01698913 at 14 bits is 278). GV_FIXED_SIGNED:
    //   x[i] (|x[i]| <= 1, else GV_ERR_ARG) times 2^bits, rounded to the
    //   nearest integer with halves away from zero (C's round), stored mod
    //   2^64, so -1 is 2^64 - 1. A NaN or an infinity is GV_ERR_NAN.
    // STUB: (void)x; (void)n; (void)bits; (void)mode; (void)out;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !out || !fixed_args_ok(n, bits, mode))
        return GV_ERR_ARG;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            return GV_ERR_NAN;
        if (mode == GV_FIXED_SIGNED && fabs(x[i]) > 1.0)
            return GV_ERR_ARG;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = fixed_code(x[i], bits, mode);
    return GV_OK;
    // END SOLUTION
}

gv_status gv_fixed_dot(const uint64_t *a, const uint64_t *b, size_t n, unsigned bits,
                       gv_fixed_mode mode, double *dot)
{
    // TODO: the sum of a[i] b[i] in uint64_t (which wraps mod 2^64, as the
    //   encoding wants), then divided by 2^(2 bits); in signed mode, read the
    //   sum as a two's complement number first.
    // STUB: (void)a; (void)b; (void)n; (void)bits; (void)mode; (void)dot;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!a || !b || !dot || !fixed_args_ok(n, bits, mode))
        return GV_ERR_ARG;
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += a[i] * b[i];
    double value = mode == GV_FIXED_SIGNED ? as_signed(sum) : (double)sum;
    *dot = ldexp(value, -2 * (int)bits);
    return GV_OK;
    // END SOLUTION
}

gv_status gv_share(const uint64_t *x, size_t n, uint64_t seed, uint64_t *share0,
                   uint64_t *share1)
{
    // TODO: share0[i] = rng_u64 of an rng seeded with seed, share1[i] = x[i]
    //   - share0[i] (uint64_t arithmetic is mod 2^64).
    // STUB: (void)x; (void)n; (void)seed; (void)share0; (void)share1;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!x || !share0 || !share1 || n == 0)
        return GV_ERR_ARG;
    rng r;
    rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) {
        uint64_t mask = rng_u64(&r), value = x[i]; /* x may be share0 or share1 */
        share0[i] = mask;
        share1[i] = value - mask;
    }
    return GV_OK;
    // END SOLUTION
}

// BEGIN SOLUTION
/* One Beaver triple, dealt to the two parties: a and b uniform, c = a b,
 * each split into two shares. */
typedef struct {
    uint64_t a[2], b[2], c[2];
} beaver_triple;

static beaver_triple deal(rng *dealer)
{
    uint64_t a = rng_u64(dealer), b = rng_u64(dealer);
    beaver_triple t;
    t.a[0] = rng_u64(dealer);
    t.b[0] = rng_u64(dealer);
    t.c[0] = rng_u64(dealer);
    t.a[1] = a - t.a[0];
    t.b[1] = b - t.b[0];
    t.c[1] = a * b - t.c[0];
    return t;
}

// END SOLUTION
gv_status gv_secure_dot(const uint64_t *x0, const uint64_t *x1, const uint64_t *y0,
                        const uint64_t *y1, size_t n, uint64_t seed, uint64_t z[2])
{
    // TODO: for each i, a dealer (an rng seeded with seed) makes a triple
    //   a, b, c = a b and shares each of them. Each party p publishes its
    //   share of x - a and of y - b; the sums are e and f, which reveal
    //   nothing since a and b are uniform. Then party p adds c_p + e b_p +
    //   f a_p to z[p], and party 0 adds e f too. All arithmetic is uint64_t.
    // STUB: (void)x0; (void)x1; (void)y0; (void)y1; (void)n; (void)seed; (void)z;
    // STUB: return GV_ERR_TODO;
    // BEGIN SOLUTION
    if (!x0 || !x1 || !y0 || !y1 || !z || n == 0)
        return GV_ERR_ARG;
    rng dealer;
    rng_seed(&dealer, seed);
    uint64_t z0 = 0, z1 = 0;
    for (size_t i = 0; i < n; i++) {
        beaver_triple t = deal(&dealer);
        /* what each party publishes, and what both then know */
        uint64_t e = (x0[i] - t.a[0]) + (x1[i] - t.a[1]);
        uint64_t f = (y0[i] - t.b[0]) + (y1[i] - t.b[1]);
        z0 += t.c[0] + e * t.b[0] + f * t.a[0] + e * f;
        z1 += t.c[1] + e * t.b[1] + f * t.a[1];
    }
    z[0] = z0;
    z[1] = z1;
    return GV_OK;
    // END SOLUTION
}
