/* calls.h: turns a lesson's list of calls (grader/NN-name/calls.def) into
 * the code on both sides of the sandbox.
 *
 * A lesson's calls.c includes its header, this file, defines its walkers and
 * hand-written calls, then includes "generate.h", which reads calls.def. Each
 * line of calls.def names one function of the lesson's header:
 *
 *     FUNC(ret, name, params...)   a function returning ret (a value, not a pointer)
 *     PROC(name, params...)        a function returning void
 *     TEXT(name, params...)        a function returning const char * (a string)
 *     CUSTOM(name)                 written by hand in calls.c (callbacks)
 *
 * and each parameter says what the judge must copy for the call:
 *
 *     VAL(type, name)              by value
 *     IN(type, name, count)        const type *name, count elements: copied to
 *                                  memory the student's process can only read
 *     OUT(type, name, count)       type *name, count elements the function may
 *                                  read and write: copied there and back
 *     STR(name)                    const char *name, a string
 *     INS(type, name)              const type *name, one struct with pointer
 *                                  fields (described by walk_type)
 *     OUTS(type, name)             type *name, one struct the function fills in
 *                                  (its pointer fields are read afterwards)
 *     INOUTS(type, name)           type *name, one struct the function reads and
 *                                  updates
 *
 * Counts are C expressions of the other parameters. Compiled for the judge
 * (the default) each line becomes a function with the header's own name and
 * signature, so that the compiler checks the list against the header; with
 * GRADE_SERVER defined it becomes a case of the sandbox's dispatcher. */
#ifndef GRADE_CALLS_H
#define GRADE_CALLS_H

#include "sandbox.h"

#define VAL(type, name) (K_VAL, type, name, 1)
#define IN(type, name, count) (K_IN, type, name, count)
#define OUT(type, name, count) (K_OUT, type, name, count)
#define STR(name) (K_STR, char, name, 1)
#define INS(type, name) (K_INS, type, name, 1)
#define OUTS(type, name) (K_OUTS, type, name, 1)
#define INOUTS(type, name) (K_INOUTS, type, name, 1)

#define GC_CAT(a, b) GC_CAT_(a, b)
#define GC_CAT_(a, b) a##b
#define GC_UNPACK(...) __VA_ARGS__
#define GC_COMMA() ,
#define GC_NOTHING()

/* GC_DO(GC_SIG_, 0, (K_IN, const double, y, n)) -> GC_SIG_K_IN(0, const double, y, n) */
#define GC_DO(ctx, i, tuple) GC_DO_(ctx, i, GC_UNPACK tuple)
#define GC_DO_(...) GC_DO__(__VA_ARGS__)
#define GC_DO__(ctx, i, kind, type, name, count) ctx##kind(i, type, name, count)

#define GC_NARGS(...) GC_NARGS_(__VA_ARGS__, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define GC_NARGS_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, N, ...) N

/* GC_EACH(ctx, sep, params...): ctx applied to every parameter with its index. */
#define GC_EACH(c, s, ...) GC_CAT(GC_EACH_, GC_NARGS(__VA_ARGS__))(c, s, __VA_ARGS__)
#define GC_EACH_1(c, s, a) GC_DO(c, 0, a)
#define GC_EACH_2(c, s, a, b) GC_EACH_1(c, s, a) s() GC_DO(c, 1, b)
#define GC_EACH_3(c, s, a, b, d) GC_EACH_2(c, s, a, b) s() GC_DO(c, 2, d)
#define GC_EACH_4(c, s, a, b, d, e) GC_EACH_3(c, s, a, b, d) s() GC_DO(c, 3, e)
#define GC_EACH_5(c, s, a, b, d, e, f) GC_EACH_4(c, s, a, b, d, e) s() GC_DO(c, 4, f)
#define GC_EACH_6(c, s, a, b, d, e, f, g) GC_EACH_5(c, s, a, b, d, e, f) s() GC_DO(c, 5, g)
#define GC_EACH_7(c, s, a, b, d, e, f, g, h) GC_EACH_6(c, s, a, b, d, e, f, g) s() GC_DO(c, 6, h)
#define GC_EACH_8(c, s, a, b, d, e, f, g, h, i)                                                \
    GC_EACH_7(c, s, a, b, d, e, f, g, h) s() GC_DO(c, 7, i)
#define GC_EACH_9(c, s, a, b, d, e, f, g, h, i, j)                                             \
    GC_EACH_8(c, s, a, b, d, e, f, g, h, i) s() GC_DO(c, 8, j)
#define GC_EACH_10(c, s, a, b, d, e, f, g, h, i, j, k)                                         \
    GC_EACH_9(c, s, a, b, d, e, f, g, h, i, j) s() GC_DO(c, 9, k)
#define GC_EACH_11(c, s, a, b, d, e, f, g, h, i, j, k, l)                                      \
    GC_EACH_10(c, s, a, b, d, e, f, g, h, i, j, k) s() GC_DO(c, 10, l)
#define GC_EACH_12(c, s, a, b, d, e, f, g, h, i, j, k, l, m)                                   \
    GC_EACH_11(c, s, a, b, d, e, f, g, h, i, j, k, l) s() GC_DO(c, 11, m)
#define GC_EACH_13(c, s, a, b, d, e, f, g, h, i, j, k, l, m, n)                                \
    GC_EACH_12(c, s, a, b, d, e, f, g, h, i, j, k, l, m) s() GC_DO(c, 12, n)
#define GC_EACH_14(c, s, a, b, d, e, f, g, h, i, j, k, l, m, n, o)                             \
    GC_EACH_13(c, s, a, b, d, e, f, g, h, i, j, k, l, m, n) s() GC_DO(c, 13, o)

#ifdef GRADE_SERVER
/* ---- the sandbox's side ---------------------------------------------------- */

/* The address in argument slot i of a request. */
static inline void *sb_slot(const sb_request *r, int i)
{
    return (void *)(uintptr_t)r->arg[i];
}

/* The student's function, or NULL after telling the judge it is missing. */
void *sb_resolve(const char *name);
/* Leak tracking around student code. */
void sb_student_begin(void);
void sb_student_end(void);
void sb_return(const void *value, size_t size);
void sb_return_text(const char *text);
/* Points a struct's pointer fields back at the student's own memory before a
 * call, and copies student-allocated arrays into shared memory after it. */
void sb_restore(void *object, sb_walker *walk);
void sb_export(void *object, sb_walker *walk);
/* Keeps a copy of a struct the call fills in, to tell which fields it set. */
void sb_remember(void *object, size_t size);
/* Asks the judge to run the test's callback; returns what it returned. */
double sb_callback(const void *payload, size_t size);

#define GC_ARG_K_VAL(i, type, name, count) *(type *)sb_slot(req, i)
#define GC_ARG_K_IN(i, type, name, count) (type *)sb_slot(req, i)
#define GC_ARG_K_OUT(i, type, name, count) (type *)sb_slot(req, i)
#define GC_ARG_K_STR(i, type, name, count) (const char *)sb_slot(req, i)
#define GC_ARG_K_INS(i, type, name, count) (const type *)sb_slot(req, i)
#define GC_ARG_K_OUTS(i, type, name, count) (type *)sb_slot(req, i)
#define GC_ARG_K_INOUTS(i, type, name, count) (type *)sb_slot(req, i)

#define GC_BEFORE_K_VAL(i, type, name, count)
#define GC_BEFORE_K_IN(i, type, name, count)
#define GC_BEFORE_K_OUT(i, type, name, count)
#define GC_BEFORE_K_STR(i, type, name, count)
#define GC_BEFORE_K_INS(i, type, name, count)
#define GC_BEFORE_K_OUTS(i, type, name, count) sb_remember(sb_slot(req, i), sizeof(type));
#define GC_BEFORE_K_INOUTS(i, type, name, count) sb_restore(sb_slot(req, i), walk_##type);

#define GC_AFTER_K_VAL(i, type, name, count)
#define GC_AFTER_K_IN(i, type, name, count)
#define GC_AFTER_K_OUT(i, type, name, count)
#define GC_AFTER_K_STR(i, type, name, count)
#define GC_AFTER_K_INS(i, type, name, count)
#define GC_AFTER_K_OUTS(i, type, name, count) sb_export(sb_slot(req, i), walk_##type);
#define GC_AFTER_K_INOUTS(i, type, name, count) sb_export(sb_slot(req, i), walk_##type);

#else
/* ---- the judge's side ------------------------------------------------------ */

typedef struct sb_call sb_call;
enum { SB_MAX_COPIES = 64 };
struct sb_call {
    int fn;
    const char *name;
    int args;
    sb_request request;
    struct sb_copy {
        void *original, *copy;
        size_t bytes;
        const char *what;
        int writable;
        size_t element;
        int slot; /* the argument it was made for (a struct's field: the struct's) */
    } copies[SB_MAX_COPIES];
    int copy_count;
    struct sb_struct {
        void *original;
        sb_walker *walk;
        const char *what;
        unsigned char before[1024]; /* the struct as the test passed it */
        size_t size;
    } structs[4];
    int struct_count;
    size_t ro_mark, rwj_mark;
    /* For hand-written calls with a callback: runs it on the payload. */
    double (*callback)(sb_call *c, const void *payload, size_t size);
    void (*callback_fn)(void);
    void *callback_ctx;
    size_t callback_count;
};

void sb_call_begin(sb_call *c, int fn, const char *name);
void sb_val(sb_call *c, const void *value, size_t size);
void sb_in(sb_call *c, const char *what, const void *p, size_t count, size_t size);
void sb_out(sb_call *c, const char *what, void *p, size_t count, size_t size);
void sb_str(sb_call *c, const char *what, const char *s);
void sb_ins(sb_call *c, const char *what, const void *p, size_t size, sb_walker *walk);
void sb_outs(sb_call *c, const char *what, void *p, size_t size, sb_walker *walk, int in_too);
/* Sends the call, waits for it (running callbacks), copies outputs back. */
void sb_run(sb_call *c, void *result, size_t size);
const char *sb_run_text(sb_call *c);
/* The judge's view of a payload address in shared memory, or NULL if the
 * range is not all inside it. */
const void *sb_shared_range(uint64_t address, size_t bytes);

#define GC_SIG_K_VAL(i, type, name, count) type name
#define GC_SIG_K_IN(i, type, name, count) type *name
#define GC_SIG_K_OUT(i, type, name, count) type *name
#define GC_SIG_K_STR(i, type, name, count) const char *name
#define GC_SIG_K_INS(i, type, name, count) const type *name
#define GC_SIG_K_OUTS(i, type, name, count) type *name
#define GC_SIG_K_INOUTS(i, type, name, count) type *name

#define GC_PUT_K_VAL(i, type, name, count) sb_val(&call_, &name, sizeof(type));
#define GC_PUT_K_IN(i, type, name, count) sb_in(&call_, #name, name, (size_t)(count), sizeof *name);
#define GC_PUT_K_OUT(i, type, name, count) sb_out(&call_, #name, name, (size_t)(count), sizeof *name);
#define GC_PUT_K_STR(i, type, name, count) sb_str(&call_, #name, name);
#define GC_PUT_K_INS(i, type, name, count) sb_ins(&call_, #name, name, sizeof *name, walk_##type);
#define GC_PUT_K_OUTS(i, type, name, count)                                                    \
    sb_outs(&call_, #name, name, sizeof *name, walk_##type, 0);
#define GC_PUT_K_INOUTS(i, type, name, count)                                                  \
    sb_outs(&call_, #name, name, sizeof *name, walk_##type, 1);
#endif

#endif
