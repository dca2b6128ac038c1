/* calls.c: how lesson 10's functions cross into the sandbox (calls.def).
 * Every argument is a plain array or value. Compiled into the judge and,
 * with GRADE_SERVER, into the sandbox. */
#include <stdint.h>

#include "calls.h"
#include "mersenne.h"

/* mersenne.h declares counts[10]; the generated proxy takes the same
 * pointer, spelt as a pointer. */
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Warray-parameter"

#include "generate.h"
