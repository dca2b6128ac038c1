/* mersenne.h: Lesson 10, Mersenne primes, big numbers and their digits.
 *
 * This header is the contract between your code and the grader. The skeleton
 * in exercises/10-mersenne/ and the reference in solutions/10-mersenne/
 * implement exactly these functions; lessons/10-mersenne.md explains them.
 *
 * Conventions (as in every lesson): the caller owns all memory, inputs are
 * const and never modified, functions that can fail return an mp_status and
 * write their results through pointers.
 *
 * A natural number is an array of 64-bit limbs, least significant first:
 * (a, n) is a[0] + a[1] 2^64 + ... + a[n-1] 2^(64 (n-1)). n = 0 is zero,
 * and a may then be NULL. Inputs may have leading zero limbs; every result
 * is normalised (its top limb is not zero; zero has length 0) and its
 * length written to *n_out. An output array of cap limbs that is too small
 * gives MP_ERR_SPACE with the length needed in *n_out. Outputs never
 * overlap inputs, except where a function says so.
 */
#ifndef MERSENNE_H
#define MERSENNE_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
    MP_OK = 0,
    MP_ERR_TODO,      /* not implemented yet (the skeleton's placeholder) */
    MP_ERR_ARG,       /* a NULL pointer, a value out of range, a negative result */
    MP_ERR_NOMEM,     /* out of memory */
    MP_ERR_SPACE,     /* an output array is too small (the size needed is reported) */
    MP_ERR_FORMAT,    /* a malformed decimal string */
    MP_ERR_PRECISION, /* the working precision cannot decide the answer */
} mp_status;

/* A short English description of a status. */
const char *mp_status_str(mp_status status);

/* ---- Exercise 1: digits without the number (sections 2-4) ------------- */

/* The number of decimal digits of 2^p - 1 (p >= 1): floor(p log10 2) + 1,
 * exact for every p < 2^40. Computed so that it is right, not just
 * usually right: the chapter shows exponents for which the double
 * p * log10(2) is too close to an integer to trust. */
mp_status mp_digit_count(uint64_t p, uint64_t *digits);

/* The last k decimal digits of 2^p - 1 (p >= 1, 1 <= k <= 19), written
 * to out as k characters and a NUL (leading zeros kept: out has k + 1
 * bytes), by modular exponentiation. */
mp_status mp_last_digits(uint64_t p, unsigned k, char *out);

/* The first k decimal digits of 2^p - 1 (1 <= p < 2^40, 1 <= k <= 20;
 * k no more than the number's digits), from the fractional part of
 * p log10 2 in extended precision (the chapter gives a 128-bit fixed-point
 * way). MP_ERR_PRECISION if the working precision cannot decide the last
 * digit; out has k + 1 bytes. */
mp_status mp_first_digits(uint64_t p, unsigned k, char *out);

/* ---- Exercise 2: big integers (section 6) ------------------------------- */

/* -1, 0 or 1 as (a, na) is below, equal to or above (b, nb). */
int mp_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* a + b; out may be a or b (the same array, not a partial overlap). */
mp_status mp_add(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out);

/* a - b, MP_ERR_ARG when b > a; out may be a or b. */
mp_status mp_sub(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out);

/* a * b, the schoolbook way: na * nb products of limbs (each a 128-bit
 * product, unsigned __int128). cap >= na + nb always suffices. */
mp_status mp_mul_schoolbook(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            uint64_t *out, size_t cap, size_t *n_out);

/* ---- Exercise 3: Karatsuba (section 7) ---------------------------------- */

/* a * b by Karatsuba's three half-size products, recursing down to a
 * cut-off where the schoolbook method is faster (the chapter measures
 * it), for any sizes (unbalanced operands included). MP_ERR_NOMEM if its
 * scratch cannot be allocated. */
mp_status mp_mul_karatsuba(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                           uint64_t *out, size_t cap, size_t *n_out);

/* a * b by the fastest method the solution has (the reference switches to
 * an FFT for large operands, section 10). The same result as the others. */
mp_status mp_mul(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, uint64_t *out,
                 size_t cap, size_t *n_out);

/* ---- Exercise 4: Lucas-Lehmer (sections 8 and 9) ------------------------ */

/* a mod (2^p - 1), 2 <= p, by shifts and adds (2^p = 1 modulo 2^p - 1):
 * the result is below 2^p - 1 (2^p - 1 itself gives 0). */
mp_status mp_mod_mersenne(const uint64_t *a, size_t na, uint64_t p, uint64_t *out, size_t cap,
                          size_t *n_out);

/* *is_prime = 1 if 2^p - 1 is prime, else 0, for 2 <= p <= MP_LL_MAX_P.
 * For an odd prime p, the Lucas-Lehmer test: s = 4, p - 2 times
 * s = s^2 - 2 mod 2^p - 1, prime iff s = 0. p = 2 (3, prime) and composite
 * p (2^p - 1 then has a factor 2^d - 1) are answered without it. */
#define MP_LL_MAX_P 200000000u
mp_status mp_lucas_lehmer(uint64_t p, int *is_prime);

/* ---- Exercise 5: to decimal and back (section 11) ----------------------- */

/* The decimal digits of (a, na), most significant first, no leading zeros
 * ("0" for zero), then a NUL: *len = the number of digits; cap is the
 * size of out in bytes (MP_ERR_SPACE with the length needed in *len).
 * Subquadratic: split by powers 10^(19 * 2^k), divide and conquer. */
mp_status mp_to_decimal(const uint64_t *a, size_t na, char *out, size_t cap, size_t *len);

/* The number written by len decimal digits (no sign, no spaces; leading
 * zeros allowed; len >= 1). MP_ERR_FORMAT for any other byte. */
mp_status mp_from_decimal(const char *digits, size_t len, uint64_t *out, size_t cap,
                          size_t *n_out);

/* ---- Exercise 6: Benford (sections 5 and 12) ---------------------------- */

/* counts[d] = how many of 2^0, 2^1, ..., 2^n_max have leading decimal
 * digit d (counts[0] = 0), exact for n_max <= MP_BENFORD_MAX. */
#define MP_BENFORD_MAX 100000000u
mp_status mp_benford_counts(uint64_t n_max, uint64_t counts[10]);

#endif
