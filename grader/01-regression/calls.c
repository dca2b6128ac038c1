/* calls.c: how lesson 01's functions cross into the sandbox (calls.def), and
 * the parts that need more than a list: the data set's arrays, and the
 * derivative that lr_descend_1d calls back. Compiled into the judge and, with
 * GRADE_SERVER, into the sandbox. */
#include <string.h>

#include "regression.h"
#include "calls.h"
#ifndef GRADE_SERVER
#include "grade.h"
#endif

static void walk_lr_eyetrack(void *object, sb_walk *w)
{
    lr_eyetrack *d = object;
    w->field(w, "gender", (void **)&d->gender, d->n, sizeof *d->gender);
    w->field(w, "pupil_dilation", (void **)&d->pupil_dilation, d->n, sizeof(double));
    w->field(w, "reading_time", (void **)&d->reading_time, d->n, sizeof(double));
    w->field(w, "fixations", (void **)&d->fixations, d->n, sizeof(double));
}

#ifndef GRADE_SERVER
/* loss_history has room for max_iterations + 1 values. */
static size_t history_length(const lr_gd_options *options)
{
    return options && options->max_iterations < SIZE_MAX ? options->max_iterations + 1 : 0;
}
#endif

#include "generate.h"

#ifdef GRADE_SERVER

static double derivative_in_judge(double x, void *ctx)
{
    (void)ctx;
    return sb_callback(&x, sizeof x);
}

void server_lr_descend_1d(const sb_request *req)
{
    GC_STUDENT_FN(lr_descend_1d)
    int has_derivative = *(int *)sb_slot(req, 0);
    void *ctx = *(int *)sb_slot(req, 1) ? (void *)SB_POISON : NULL; /* opaque to the student */
    sb_student_begin();
    double x = f_(has_derivative ? derivative_in_judge : NULL, ctx, *(double *)sb_slot(req, 2),
                  *(double *)sb_slot(req, 3), *(size_t *)sb_slot(req, 4),
                  (double *)sb_slot(req, 5));
    sb_student_end();
    sb_return(&x, sizeof x);
}

#else

typedef double derivative_fn(double x, void *ctx);

static double run_derivative(sb_call *c, const void *payload, size_t size)
{
    if (size != sizeof(double))
        grade_fail("lr_descend_1d's process sent a malformed call of the derivative");
    double x;
    memcpy(&x, payload, sizeof x);
    return ((derivative_fn *)c->callback_fn)(x, c->callback_ctx);
}

double lr_descend_1d(double (*derivative)(double x, void *ctx), void *ctx, double x0,
                     double rate, size_t steps, double *path)
{
    sb_call call_;
    sb_call_begin(&call_, GC_ID_lr_descend_1d, "lr_descend_1d");
    call_.callback = run_derivative;
    call_.callback_fn = (void (*)(void))derivative;
    call_.callback_ctx = ctx;
    int has_derivative = derivative != NULL, has_ctx = ctx != NULL;
    sb_val(&call_, &has_derivative, sizeof has_derivative);
    sb_val(&call_, &has_ctx, sizeof has_ctx);
    sb_val(&call_, &x0, sizeof x0);
    sb_val(&call_, &rate, sizeof rate);
    sb_val(&call_, &steps, sizeof steps);
    sb_out(&call_, "path", path, steps < SIZE_MAX ? steps + 1 : steps, sizeof *path);
    double x;
    sb_run(&call_, &x, sizeof x);
    return x;
}

#endif
