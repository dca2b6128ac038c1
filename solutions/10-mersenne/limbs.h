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

/* The tables of the FFT products of one computation (roots of unity and
 * their bit-reversed order), kept from one product to the next of the same
 * transform length: a divide and conquer makes many such products, and
 * building the tables costs as much as a transform. Lengths above
 * max_half_length complex points are not kept. */
typedef struct fft_cache fft_cache;
fft_cache *fft_cache_new(size_t max_half_length);
void fft_cache_free(fft_cache *cache);

/* limbs_mul with the FFT's tables from cache (NULL: none kept). */
mp_status limbs_mul_cached(fft_cache *cache, uint64_t *r, const uint64_t *a, size_t na,
                           const uint64_t *b, size_t nb);

/* r (na + nb limbs) = a * b, na, nb >= 1, by a floating-point FFT, its
 * tables from cache (which may be NULL). */
mp_status fft_mul(fft_cache *cache, uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b,
                  size_t nb);

/* The length nr >= min_limbs of the FFT's cheapest product modulo
 * B^nr - 1, with the half length and piece size to pass on. */
size_t fft_wrap_length(size_t min_limbs, size_t *half_length, unsigned *piece_bits);

/* r (nr limbs) = a * b modulo B^nr - 1 (B^nr - 1 itself may stand for 0),
 * na, nb < nr, by a cyclic convolution with nr, m, w from
 * fft_wrap_length: half the transform of the whole product when only a
 * residue is needed. MP_ERR_PRECISION as fft_mul. */
mp_status fft_mul_wrapped(fft_cache *cache, uint64_t *r, size_t nr, size_t m, unsigned w,
                          const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* The Lucas-Lehmer test for an odd prime p by the irrational-base discrete
 * weighted transform: *is_prime set, or MP_ERR_PRECISION if the rounding
 * error grew too large at every transform length tried. */
mp_status fft_lucas_lehmer(uint64_t p, int *is_prime);
// END SOLUTION

#endif
