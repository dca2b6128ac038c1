/* generate.h: included once, at the end of a lesson's calls.c, after
 * calls.h; expands the lesson's calls.def (see calls.h). */

/* Every call's number. */
enum {
#define FUNC(ret, name, ...) GC_ID_##name,
#define PROC(name, ...) GC_ID_##name,
#define TEXT(name, ...) GC_ID_##name,
#define CUSTOM(name) GC_ID_##name,
#include "calls.def"
#undef FUNC
#undef PROC
#undef TEXT
#undef CUSTOM
    GC_CALL_COUNT
};

#ifdef GRADE_SERVER

/* Hand-written calls, defined after this file in calls.c. */
#define FUNC(ret, name, ...)
#define PROC(name, ...)
#define TEXT(name, ...)
#define CUSTOM(name) void server_##name(const sb_request *req);
#include "calls.def"
#undef FUNC
#undef PROC
#undef TEXT
#undef CUSTOM

#define GC_STUDENT_FN(name)                                                                    \
    __typeof__(name) *f_;                                                                      \
    *(void **)&f_ = sb_resolve(#name);                                                         \
    if (!f_)                                                                                   \
        return;

#define FUNC(ret, name, ...)                                                                   \
    case GC_ID_##name: {                                                                       \
        GC_STUDENT_FN(name)                                                                    \
        GC_EACH(GC_BEFORE_, GC_NOTHING, __VA_ARGS__)                                           \
        sb_student_begin();                                                                    \
        ret r_ = f_(GC_EACH(GC_ARG_, GC_COMMA, __VA_ARGS__));                                  \
        sb_student_end();                                                                      \
        GC_EACH(GC_AFTER_, GC_NOTHING, __VA_ARGS__)                                            \
        sb_return(&r_, sizeof r_);                                                             \
        return;                                                                                \
    }
#define PROC(name, ...)                                                                        \
    case GC_ID_##name: {                                                                       \
        GC_STUDENT_FN(name)                                                                    \
        GC_EACH(GC_BEFORE_, GC_NOTHING, __VA_ARGS__)                                           \
        sb_student_begin();                                                                    \
        f_(GC_EACH(GC_ARG_, GC_COMMA, __VA_ARGS__));                                           \
        sb_student_end();                                                                      \
        GC_EACH(GC_AFTER_, GC_NOTHING, __VA_ARGS__)                                            \
        sb_return(NULL, 0);                                                                    \
        return;                                                                                \
    }
#define TEXT(name, ...)                                                                        \
    case GC_ID_##name: {                                                                       \
        GC_STUDENT_FN(name)                                                                    \
        sb_student_begin();                                                                    \
        const char *r_ = f_(GC_EACH(GC_ARG_, GC_COMMA, __VA_ARGS__));                          \
        sb_student_end();                                                                      \
        sb_return_text(r_);                                                                    \
        return;                                                                                \
    }
#define CUSTOM(name)                                                                           \
    case GC_ID_##name:                                                                         \
        server_##name(req);                                                                    \
        return;

void sb_dispatch(const sb_request *req);
void sb_dispatch(const sb_request *req)
{
    switch (req->fn) {
#include "calls.def"
    default:
        sb_return_text(NULL);
    }
}

#else

#define FUNC(ret, name, ...)                                                                   \
    ret name(GC_EACH(GC_SIG_, GC_COMMA, __VA_ARGS__))                                          \
    {                                                                                          \
        sb_call call_;                                                                         \
        sb_call_begin(&call_, GC_ID_##name, #name);                                            \
        GC_EACH(GC_PUT_, GC_NOTHING, __VA_ARGS__)                                              \
        ret r_;                                                                                \
        sb_run(&call_, &r_, sizeof r_);                                                        \
        return r_;                                                                             \
    }
#define PROC(name, ...)                                                                        \
    void name(GC_EACH(GC_SIG_, GC_COMMA, __VA_ARGS__))                                         \
    {                                                                                          \
        sb_call call_;                                                                         \
        sb_call_begin(&call_, GC_ID_##name, #name);                                            \
        GC_EACH(GC_PUT_, GC_NOTHING, __VA_ARGS__)                                              \
        sb_run(&call_, NULL, 0);                                                               \
    }
#define TEXT(name, ...)                                                                        \
    const char *name(GC_EACH(GC_SIG_, GC_COMMA, __VA_ARGS__))                                  \
    {                                                                                          \
        sb_call call_;                                                                         \
        sb_call_begin(&call_, GC_ID_##name, #name);                                            \
        GC_EACH(GC_PUT_, GC_NOTHING, __VA_ARGS__)                                              \
        return sb_run_text(&call_);                                                            \
    }
#define CUSTOM(name)

#include "calls.def"

#endif

#undef FUNC
#undef PROC
#undef TEXT
#undef CUSTOM
