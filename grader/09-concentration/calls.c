/* calls.c: how lesson 09's functions cross into the sandbox (calls.def).
 * Every argument is a value, a plain array or a struct without pointers:
 * the list is the whole story. Compiled into the judge and, with
 * GRADE_SERVER, into the sandbox. */
#include <stdint.h>

#include "calls.h"
#include "concentration.h"

#include "generate.h"
