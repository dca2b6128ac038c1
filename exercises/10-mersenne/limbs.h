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

#endif
