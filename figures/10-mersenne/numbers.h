/* numbers.h: what the demo of lesson 10 computes beside the lesson's API:
 * p log10 2 in 128-bit fixed point (to print its fraction and to scan many
 * exponents), the continued fraction of log10 2, Mersenne numbers as limb
 * arrays, and the quadratic decimal conversion the chapter compares with
 * divide and conquer. */
#ifndef FIGURES_MERSENNE_NUMBERS_H
#define FIGURES_MERSENNE_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "limbs.h"

/* floor(log10(2) 2^128): below log10 2 by less than 2^-128. */
#define LOG10_2_FIXED (((u128)0x4d104d427de7fbccu << 64) | 0x47c4acd605be48bcu)

/* p log10 2 = *integer + *fraction 2^-128, low by less than p 2^-128. */
void log10_2_times(uint64_t p, uint64_t *integer, u128 *fraction);

/* The first k decimals of the fraction f 2^-128, and a NUL. */
void fraction_decimals(u128 f, unsigned k, char *out);

/* f 2^-128 as a double, and the distance of f 2^-128 to the nearest integer. */
double fraction_value(u128 f);
double fraction_distance(u128 f);

/* The denominators of the continued fraction convergents of log10 2 up to
 * limit (< 2^60): their number, at most cap written to q. */
size_t log10_2_convergents(uint64_t limit, uint64_t *q, size_t cap);

/* 2^p - 1 as ceil(p / 64) limbs, allocated (NULL if out of memory). */
uint64_t *mersenne_number(uint64_t p, size_t *n);

/* b^e mod m for m < 2^64. */
uint64_t pow_mod(uint64_t b, uint64_t e, uint64_t m);

/* The decimal digits of (a, n) by repeated division by 10^19: quadratic.
 * out needs 20 n + 2 bytes; the number of digits in *len. a is destroyed. */
void decimal_quadratic(uint64_t *a, size_t n, char *out, size_t *len);

#endif
