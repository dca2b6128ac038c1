/* limbs.h: the limb-level routines the lesson's files share (not part of
 * the contract, so yours can be anything: declare here what one of your
 * files calls in another). Arrays are little-endian 64-bit limbs as in
 * mersenne.h; r never overlaps an input unless a routine says so. */
#ifndef LIMBS_H
#define LIMBS_H

#include <stddef.h>
#include <stdint.h>

#include "mersenne.h"

/* 128-bit products and fixed-point numbers (a GCC and Clang extension). */
__extension__ typedef unsigned __int128 u128;

// BEGIN SOLUTION
/* The length of (a, n) without its leading zero limbs. */
size_t limbs_norm(const uint64_t *a, size_t n);

/* Copies (r, n) normalised to out, or MP_ERR_SPACE with the length needed
 * (MP_ERR_ARG if out is NULL and there is something to copy). */
mp_status limbs_emit(const uint64_t *r, size_t n, uint64_t *out, size_t cap, size_t *n_out);

/* r = a + b (n limbs each), the carry out; r may be a or b. */
uint64_t limbs_add_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* r = a - b (n limbs each), the borrow out; r may be a or b. */
uint64_t limbs_sub_n(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* r += c at limb 0, rippling through n limbs: the carry out. */
uint64_t limbs_add_1(uint64_t *r, size_t n, uint64_t c);

/* r -= c at limb 0, rippling through n limbs: the borrow out. */
uint64_t limbs_sub_1(uint64_t *r, size_t n, uint64_t c);

/* r (n limbs) += a (n limbs) * b, the carry limb out. */
uint64_t limbs_addmul_1(uint64_t *r, const uint64_t *a, size_t n, uint64_t b);

/* A multiplication method: r (na + nb limbs) = a * b, na, nb >= 1. */
typedef mp_status limbs_multiply(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                                 size_t nb);

/* The public side of a product: checks the arguments, normalises, runs
 * multiply into out or into scratch when cap is short, reports the length. */
mp_status limbs_product(limbs_multiply *multiply, const uint64_t *a, size_t na, const uint64_t *b,
                        size_t nb, uint64_t *out, size_t cap, size_t *n_out);

/* r (na + nb limbs) = a * b, na, nb >= 1, schoolbook. */
void limbs_mul_basecase(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* r (na + nb limbs) = a * b, na, nb >= 1, by Karatsuba above the cut-off. */
mp_status limbs_mul_karatsuba(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                              size_t nb);

/* r (na + nb limbs) = a * b, na, nb >= 1, the fastest way available. */
mp_status limbs_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* r (na + nb limbs) = a * b, na, nb >= 1, by a floating-point FFT. */
mp_status fft_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The Lucas-Lehmer test for an odd prime p by the irrational-base discrete
 * weighted transform: *is_prime set, or MP_ERR_PRECISION if the rounding
 * error grew too large at every transform length tried. */
mp_status fft_lucas_lehmer(uint64_t p, int *is_prime);
// END SOLUTION

#endif
