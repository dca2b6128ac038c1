/* sandbox.h: what the judge (the test process) and the sandbox (the process
 * that runs student code) agree on. See runner.c for the design.
 *
 * Memory. The two processes share three regions of memory, mapped at the same
 * address in both, so that a pointer means the same thing on either side:
 *
 *   SB_RO   the judge writes; the sandbox maps it read-only. Every const
 *           input is copied here, so the kernel enforces the `const`.
 *   SB_RWJ  the judge allocates; both write. Outputs are copied here for the
 *           call and back afterwards, and grade_shared_alloc memory lives here.
 *   SB_RWS  the sandbox allocates; both write. Arrays that student code
 *           allocated and returns (a loaded data set, a network) are copied
 *           here ("mirrors") so that the judge can read them.
 *
 * Neither side keeps bookkeeping inside the shared regions: each side's
 * allocator state is private, and the judge treats everything in SB_RWJ and
 * SB_RWS as untrusted numbers.
 *
 * Messages. Requests go judge -> sandbox on one pipe, replies come back on
 * another, each a fixed header and a bounded payload. */
#ifndef GRADE_SANDBOX_H
#define GRADE_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#define SB_BASE ((uintptr_t)0x500000000000u) /* above ASan's shadow, below its heap */
#define SB_REGION_SIZE ((uintptr_t)1 << 29)  /* 512 MiB each, reserved lazily */
#define SB_RO SB_BASE
#define SB_RWJ (SB_BASE + SB_REGION_SIZE)
#define SB_RWS (SB_BASE + 2 * SB_REGION_SIZE)
/* An argument too large to copy (a test of size checks) points here: an
 * inaccessible page, so code that reads it crashes instead of reading
 * whatever happens to be there. */
#define SB_POISON (SB_BASE + 3 * SB_REGION_SIZE)
#define SB_POISON_SIZE ((uintptr_t)1 << 20)

/* Memory student code may allocate. The judge sets RLIMIT_DATA to it for the
 * plain sandbox; the sanitized sandbox counts what malloc has handed out
 * (server.c) and has ASan's resident-memory limit as a backstop. */
#define SB_MEMORY_CAP_MB 512
/* The sanitized sandbox's exit code for a sanitizer's report, or the cap. */
#define SB_SANITIZER_EXIT 86
/* What the sandbox prints when the count passes the cap. */
#define SB_MEMORY_CAP_MESSAGE "grader: the sandbox's memory cap is exhausted"

/* File descriptors the sandbox starts with. */
enum { SB_FD_REQUEST = 3, SB_FD_REPLY = 4, SB_FD_RO = 5, SB_FD_RWJ = 6, SB_FD_RWS = 7 };

enum { SB_MAX_ARGS = 16, SB_PAYLOAD = 2048 };

/* Bytes left free on either side of every array in shared memory: the
 * sanitized sandbox poisons them, so that a write past an argument's end is
 * reported as it would be on the heap. */
#define SB_REDZONE 64

enum sb_request_op {
    SB_CALL = 1,        /* call function `fn` with arg[] */
    SB_CALLBACK_RESULT, /* the value a callback returned, in value */
    SB_FINISH,          /* the test is over: report leaks and exit */
};

typedef struct {
    uint32_t op, fn;
    uint64_t arg[SB_MAX_ARGS];  /* pointer arguments as addresses; values by address in SB_RO */
    uint64_t size[SB_MAX_ARGS]; /* bytes an array argument holds, 0 for values */
    double value;
} sb_request;

enum sb_reply_op {
    SB_READY = 1, /* the student library loaded */
    SB_LOAD_ERROR, /* payload: why it did not */
    SB_MISSING,   /* the student library lacks the function; payload: its name */
    SB_RETURN,    /* payload: the return value's bytes */
    SB_CALLBACK,  /* payload: a callback's arguments */
    SB_LEAKS,     /* payload: sb_leaks */
};

typedef struct {
    uint32_t op, len;
} sb_reply_header;

typedef struct {
    uint64_t blocks, bytes;
} sb_leaks;

/* Structures that hold pointers are described to both sides by a walker: a
 * function that reports each pointer field, its name and how many elements of
 * what size it points to (lesson calls.c files define one per type, as
 * walk_<type>). A field inside another (a layer's weights inside a network's
 * parameters) must be reported after it. */
typedef struct sb_walk sb_walk;
typedef void sb_field_fn(sb_walk *w, const char *name, void **field, size_t count, size_t size);
struct sb_walk {
    sb_field_fn *field;
    void *state;
};
typedef void sb_walker(void *object, sb_walk *w);

/* count * size, or SIZE_MAX if that overflows. */
static inline size_t sb_bytes(size_t count, size_t size)
{
    return size != 0 && count > SIZE_MAX / size ? SIZE_MAX : count * size;
}

#endif
