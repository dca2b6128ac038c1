/* digits.c: the number of digits, the last digits and the first digits of
 * 2^p - 1 without computing the number (chapter sections 2, 3 and 4). */
#include "mersenne.h"

#include <string.h>

#include "limbs.h"

/* Exponents below this bound, as the header promises. */
#define MAX_EXPONENT ((uint64_t)1 << 40)

// BEGIN SOLUTION
/* floor(log10(2) 2^128): log10 2 in 128-bit fixed point, below the true
 * value by less than 2^-128. */
static const u128 LOG10_2 = ((u128)0x4d104d427de7fbccu << 64) | 0x47c4acd605be48bcu;

/* ln 10 with 124 fraction bits (values below 16 fit in 128 bits). */
#define FRAC_BITS 124
static const u128 LN_10 = ((u128)0x24d763776aaa2b05u << 64) | 0xba95b58ae0b4c28au;

/* p log10 2 as an integer part (below 2^40) and a 128-bit fraction. The
 * computed value is below the true one by less than p 2^-128. */
static void times_log10_2(uint64_t p, uint64_t *integer, u128 *fraction)
{
    u128 low = (u128)p * (uint64_t)LOG10_2;
    u128 high = (u128)p * (uint64_t)(LOG10_2 >> 64) + (uint64_t)(low >> 64);
    *integer = (uint64_t)(high >> 64);
    *fraction = (high << 64) | (uint64_t)low;
}

/* The high 128 bits of the 256-bit product a b. */
static u128 mul_high(u128 a, u128 b)
{
    u128 a0 = (uint64_t)a, a1 = a >> 64, b0 = (uint64_t)b, b1 = b >> 64;
    u128 low = a0 * b0, mid1 = a0 * b1, mid2 = a1 * b0;
    u128 mid = (low >> 64) + (uint64_t)mid1 + (uint64_t)mid2;
    return a1 * b1 + (mid1 >> 64) + (mid2 >> 64) + (mid >> 64);
}

/* a b in the fixed point with FRAC_BITS fraction bits (truncated). */
static u128 fixed_mul(u128 a, u128 b)
{
    return mul_high(a, b) << (128 - FRAC_BITS) | (a * b) >> FRAC_BITS;
}

/* e^x for 0 <= x < 2.5 with FRAC_BITS fraction bits: the Taylor series of
 * e^(x / 256), then 8 squarings. The relative error stays below 2^-110. */
static u128 fixed_exp(u128 x)
{
    const u128 one = (u128)1 << FRAC_BITS;
    u128 r = x >> 8, term = one, sum = one;
    for (unsigned n = 1; n <= 24 && term; n++) {
        term = fixed_mul(term, r) / n;
        sum += term;
    }
    for (int i = 0; i < 8; i++)
        sum = fixed_mul(sum, sum);
    return sum;
}

/* The decimal digits of v (v < 10^20 fits the k digits), written as k
 * characters with leading zeros and a NUL. */
static void write_digits(u128 v, unsigned k, char *out)
{
    out[k] = '\0';
    for (unsigned i = k; i-- > 0;) {
        out[i] = (char)('0' + (unsigned)(v % 10));
        v /= 10;
    }
}

static unsigned decimal_length(u128 v)
{
    unsigned n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

// END SOLUTION
mp_status mp_digit_count(uint64_t p, uint64_t *digits)
{
    // TODO: check the arguments (p >= 1, p < 2^40); *digits = floor(p log10 2)
    //   + 1, computed in 128-bit fixed point (unsigned __int128) with an
    //   error bound that proves the floor is right, MP_ERR_PRECISION if it
    //   cannot.
    // STUB: (void)p; (void)digits;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!digits || p == 0 || p >= MAX_EXPONENT)
        return MP_ERR_ARG;
    uint64_t integer;
    u128 fraction;
    times_log10_2(p, &integer, &fraction);
    /* The true value lies in [computed, computed + p 2^-128): the floor is
     * certain unless the fraction is within p 2^-128 of 1. */
    if (fraction > ~(u128)0 - p)
        return MP_ERR_PRECISION;
    *digits = integer + 1; /* 2^p is never a power of 10: 2^p - 1 has as many */
    return MP_OK;
    // END SOLUTION
}

mp_status mp_last_digits(uint64_t p, unsigned k, char *out)
{
    // TODO: check the arguments; 2^p mod 10^k by square-and-multiply (the
    //   products need unsigned __int128), minus 1, written as k digits.
    // STUB: (void)p; (void)k; (void)out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!out || p == 0 || k == 0 || k > 19)
        return MP_ERR_ARG;
    uint64_t modulus = 1;
    for (unsigned i = 0; i < k; i++)
        modulus *= 10;
    uint64_t power = 1, base = 2 % modulus;
    for (uint64_t e = p; e; e >>= 1) {
        if (e & 1)
            power = (uint64_t)((u128)power * base % modulus);
        base = (uint64_t)((u128)base * base % modulus);
    }
    /* 2^p mod 10^k is never 0 (5 does not divide 2^p), so no borrow. */
    write_digits(power - 1, k, out);
    return MP_OK;
    // END SOLUTION
}

mp_status mp_first_digits(uint64_t p, unsigned k, char *out)
{
    // TODO: check the arguments (k no more than the number's digits); for
    //   small p write 2^p - 1 exactly; otherwise the leading digits are
    //   those of 10^f (f the fractional part of p log10 2): compute it in
    //   fixed point with an error bound, MP_ERR_PRECISION when the bound
    //   straddles a change of the k-th digit.
    // STUB: (void)p; (void)k; (void)out;
    // STUB: return MP_ERR_TODO;
    // BEGIN SOLUTION
    if (!out || p == 0 || p >= MAX_EXPONENT || k == 0 || k > 20)
        return MP_ERR_ARG;
    if (p < 128) {
        u128 value = ((u128)1 << (p - 1) << 1) - 1;
        unsigned length = decimal_length(value);
        if (k > length)
            return MP_ERR_ARG;
        for (unsigned i = k; i < length; i++)
            value /= 10;
        write_digits(value, k, out);
        return MP_OK;
    }
    /* 2^p - 1 has at least 39 digits here, more than k, and its first k
     * digits are those of 2^p (10^(digits - k) never divides 2^p). */
    uint64_t integer;
    u128 fraction;
    times_log10_2(p, &integer, &fraction);
    u128 mantissa = fixed_exp(fixed_mul(fraction >> (128 - FRAC_BITS), LN_10)); /* 10^f in [1, 10) */
    /* Errors: f is low by < (p + 16) 2^-128 (with the shift), which 10^f
     * turns into < 24 (p + 16) 2^-128; ln 10, the product and e^x add a
     * relative 2^-110 (< 10 2^-110 absolute). Bound it by E 2^-FRAC_BITS. */
    u128 error = ((u128)(p + 16) * 24 >> (128 - FRAC_BITS)) + ((u128)1 << (FRAC_BITS - 106)) + 2;
    /* digits = floor(mantissa 10^(k-1)); scale the fraction bits carefully:
     * 10^(k-1) < 2^64, so split the product into integer and fraction. */
    u128 scale = 1;
    for (unsigned i = 1; i < k; i++)
        scale *= 10;
    const u128 frac_mask = ((u128)1 << FRAC_BITS) - 1;
    u128 whole = (mantissa >> FRAC_BITS) * scale;
    /* (mantissa & mask) * scale / 2^FRAC_BITS: 124 bits times 64 bits. */
    u128 m = mantissa & frac_mask;
    u128 lo = (u128)(uint64_t)m * (uint64_t)scale;
    u128 hi = (m >> 64) * (uint64_t)scale + (lo >> 64); /* bits 64 and up */
    /* The scaled fraction is hi:lo64 / 2^124 = hi / 2^60 + ... */
    whole += hi >> (FRAC_BITS - 64);
    u128 frac = ((hi & (((u128)1 << (FRAC_BITS - 64)) - 1)) << 64) | (uint64_t)lo; /* 124 bits */
    u128 scaled_error = error * scale + 1;
    if (frac < scaled_error || frac > frac_mask - scaled_error)
        return MP_ERR_PRECISION;
    write_digits(whole, k, out);
    return MP_OK;
    // END SOLUTION
}
