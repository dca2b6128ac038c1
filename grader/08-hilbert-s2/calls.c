/* calls.c: how lesson 08's functions cross into the sandbox (calls.def).
 * Every argument is a plain array or value. Compiled into the judge and,
 * with GRADE_SERVER, into the sandbox. */
#include <stdint.h>

#include "calls.h"
#include "s2cell.h"

/* s2cell.h declares fixed-size arrays (double point[3]); the generated
 * proxies take the same pointers, spelt as pointers. */
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Warray-parameter"

#include "generate.h"
