/* reference.h: independent reference computations for lesson 10's tests.
 *
 * The expected values come from here, never from the code under test: the
 * products are schoolbook on 32-bit half limbs (no 128-bit arithmetic at
 * all), remainders are long division one bit at a time, decimal strings
 * come from repeated division by 10^19, and the logarithms are 192-bit
 * constants, checked against 150-digit values. Large results are checked
 * through their residues modulo fixed 64-bit numbers: reduction modulo q is
 * a ring homomorphism, so a * b mod q = (a mod q)(b mod q) mod q, and a
 * decimal string has a residue of its own by Horner's rule. */
#ifndef LESSON10_REFERENCE_H
#define LESSON10_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "mersenne.h"
#include "rng.h"

/* The chapter's sections, as the hints name them. */
#define SEC_DIGITS "2 Counting digits"
#define SEC_LAST "3 The last digits"
#define SEC_FIRST "4 The first digits"
#define SEC_BENFORD "5 Benford's law"
#define SEC_BIG "6 Big integers"
#define SEC_KARATSUBA "7 Karatsuba"
#define SEC_MOD "8 Reduction modulo 2^p - 1"
#define SEC_LL "9 The Lucas-Lehmer test"
#define SEC_FFT "10 Multiplying by FFT"
#define SEC_DECIMAL "11 To decimal"

/* The two record primes of the lesson: 2^77232917 - 1 and 2^136279841 - 1. */
#define P_SEED 77232917u
#define P_RECORD 136279841u

/* The sanitizer build runs the same code several times slower, Valgrind's
 * (make memcheck, longer limits) some 30 times: tests of speed use a
 * smaller size there. */
#ifndef GRADE_TIMEOUT_SCALE
#define GRADE_TIMEOUT_SCALE 1
#endif
#if defined(__SANITIZE_ADDRESS__) || GRADE_TIMEOUT_SCALE > 1
#define GRADE_SLOW_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GRADE_SLOW_BUILD 1
#endif
#endif
#ifndef GRADE_SLOW_BUILD
#define GRADE_SLOW_BUILD 0
#endif

/* ---- statuses and messages ---- */
const char *status_name(mp_status s);
void expect_status(mp_status came, mp_status expected, const char *what, ...)
    __attribute__((format(printf, 3, 4)));
/* (came, n_came) equal to (want, n_want), both normalised; names the first
 * limb that differs. */
void expect_limbs(const uint64_t *came, size_t n_came, const uint64_t *want, size_t n_want,
                  const char *what, ...) __attribute__((format(printf, 5, 6)));
/* The signature shared by mp_add, mp_sub and the products. */
typedef mp_status mp_binary(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            uint64_t *out, size_t cap, size_t *n_out);
/* f(a, b) into an array of exactly n_want limbs must give (want, n_want);
 * with one limb less, MP_ERR_SPACE and n_want in *n_out. */
void expect_binary(mp_binary *f, const char *name, const uint64_t *a, size_t na,
                   const uint64_t *b, size_t nb, const uint64_t *want, size_t n_want);
/* f with a = NULL, b = NULL, out = NULL or n_out = NULL: MP_ERR_ARG. */
void expect_product_errors(mp_binary *f, const char *name);
/* A short description of a number for messages: its length and top limb. */
const char *number_text(const uint64_t *a, size_t n, char buffer[80]);

/* ---- natural numbers, as in mersenne.h ---- */
uint64_t *words(size_t n); /* zero-filled, freed when the test ends */
size_t ref_norm(const uint64_t *a, size_t n);
int ref_compare(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* r (max(na, nb) + 1 limbs) = a + b; the normalised length. */
size_t ref_add(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* r (na limbs) = a - b for b <= a; the normalised length. */
size_t ref_sub(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* r (na + nb limbs) = a * b, schoolbook on 32-bit halves; the normalised length. */
size_t ref_mul(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* r (nm limbs) = a mod m, m > 0, by long division one bit at a time. */
size_t ref_mod(uint64_t *r, const uint64_t *a, size_t na, const uint64_t *m, size_t nm);
/* a mod q. */
uint64_t ref_residue(const uint64_t *a, size_t n, uint64_t q);
/* The value of len decimal digits mod q. */
uint64_t ref_decimal_residue(const char *digits, size_t len, uint64_t q);
/* r (p / 64 + 1 limbs) = 2^p - 1; its length. */
size_t ref_mersenne(uint64_t *r, uint64_t p);
/* The decimal digits of a (out: 20 na + 2 bytes), by repeated division by
 * 10^19; the number of digits. Quadratic: for small numbers. */
size_t ref_decimal(const uint64_t *a, size_t na, char *out);

/* Fixed moduli for residue checks (64-bit primes). */
#define RESIDUE_MODULI 3
extern const uint64_t residue_moduli[RESIDUE_MODULI];

/* n random limbs in one of several shapes (uniform, all ones, sparse, a
 * single high bit, short runs of zeros...), chosen by kind % 6. */
void ref_random_limbs(rng *r, uint64_t *a, size_t n, unsigned kind);

/* ---- digits without the number ---- */
/* floor(p log10 2), exact for p < 2^40 (192-bit log10 2). */
uint64_t ref_floor_p_log10_2(uint64_t p);
/* base^e mod m, m < 2^64. */
uint64_t ref_pow_mod(uint64_t base, uint64_t e, uint64_t m);
/* The last k digits of 2^p - 1 as text (k <= 19, out k + 1 bytes). */
void ref_last_digits(uint64_t p, unsigned k, char *out);
/* The leading decimal digit of 2^n, from 192-bit fixed point. */
int ref_leading_digit(uint64_t n);

/* ---- Lucas-Lehmer ---- */
int ref_is_prime(uint64_t n); /* trial division, small n */
/* The Mersenne prime exponents below 45000 (published; 2 to 44497). */
extern const unsigned mersenne_exponents[];
extern const size_t mersenne_exponent_count;
int ref_is_mersenne_exponent(uint64_t p);
/* The Lucas-Lehmer test in 128-bit arithmetic, odd prime p <= 63. */
int ref_lucas_lehmer_small(unsigned p);

#endif
