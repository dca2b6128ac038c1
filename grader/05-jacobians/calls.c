/* calls.c: how lesson 05's functions cross into the sandbox (calls.def), and
 * the parts that need more than a list: the structs that hold pointers (a
 * network's parameters, a mixture's components), and the functions that take
 * callbacks (callbacks.h): maps, dual-number maps, matrix products and
 * scores, which run inside the sandbox from a description the test sends.
 * Compiled into the judge and, with GRADE_SERVER, into the sandbox. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "callbacks.h"
#include "calls.h"
#include "jacobians.h"
#ifndef GRADE_SERVER
#include "grade.h"
#endif

/* ---- what the callbacks compute (both sides) ----------------------------------- */

/* Every function here that touches the student's arrays is named sb_: see
 * callbacks.h. */

static double sb_smooth_term(const cb_desc *d, const double *x, size_t i)
{
    size_t p = i % d->n, q = (i + 1) % d->n;
    return d->e[i] * (x[p] / d->scale[p]) * (x[q] / d->scale[q]);
}

void sb_map_eval(const cb_desc *d, const double *x, double *y)
{
    switch (d->kind) {
    case CB_SOURCE_3TO2:
        y[0] = x[0] + x[1] * x[2];
        y[1] = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
        return;
    case CB_SOURCE_2TO2:
        y[0] = x[0] * x[0] + x[1];
        y[1] = sin(x[0] * x[1]);
        return;
    case CB_SMOOTH:
        for (size_t i = 0; i < d->m; i++) {
            double s = d->offset[i];
            for (size_t j = 0; j < d->n; j++)
                s += d->a[i * d->n + j] * sin(x[j] / d->scale[j] + d->c[i * d->n + j]);
            y[i] = s + sb_smooth_term(d, x, i);
        }
        return;
    case CB_LINEAR:
        for (size_t i = 0; i < d->m; i++) {
            double s = d->offset[i];
            for (size_t j = 0; j < d->n; j++)
                s += d->a[i * d->n + j] * x[j];
            y[i] = s;
        }
        return;
    case CB_POLAR:
        y[0] = x[0] * cos(x[1]);
        y[1] = x[0] * sin(x[1]);
        return;
    default:
        for (size_t i = 0; i < d->m; i++)
            y[i] = NAN;
    }
}

/* The grader's own dual numbers: the student's jc_dual_* are tested on their
 * own, and jc_jacobian_forward only seeds and collects. */
static jc_dual dn(double v, double d)
{
    jc_dual r = {v, d};
    return r;
}
static jc_dual dadd(jc_dual a, jc_dual b) { return dn(a.v + b.v, a.d + b.d); }
static jc_dual dmul(jc_dual a, jc_dual b) { return dn(a.v * b.v, a.d * b.v + a.v * b.d); }
static jc_dual ddiv(jc_dual a, jc_dual b)
{
    return dn(a.v / b.v, (a.d * b.v - a.v * b.d) / (b.v * b.v));
}
static jc_dual dsin(jc_dual a) { return dn(sin(a.v), cos(a.v) * a.d); }
static jc_dual dcos(jc_dual a) { return dn(cos(a.v), -sin(a.v) * a.d); }
static jc_dual dexp(jc_dual a)
{
    double e = exp(a.v);
    return dn(e, e * a.d);
}
static jc_dual dlog(jc_dual a) { return dn(log(a.v), a.d / a.v); }
static jc_dual dtanh(jc_dual a)
{
    double c = cosh(a.v);
    return dn(tanh(a.v), a.d / (c * c));
}
static jc_dual dpow_const(jc_dual a, double e)
{
    return dn(pow(a.v, e), e * pow(a.v, e - 1) * a.d);
}

static void sb_dual_mixed(const cb_desc *d, const jc_dual *x, jc_dual *y)
{
    for (size_t i = 0; i < d->m; i++) {
        jc_dual u = dn(0, 0), v = dn(0, 0);
        for (size_t j = 0; j < d->n; j++) {
            u = dadd(u, dmul(dn(d->a[i * d->n + j], 0), x[j]));
            v = dadd(v, dmul(dn(d->c[i * d->n + j], 0), x[j]));
        }
        jc_dual w = dadd(x[i % d->n], dn(-d->offset[i], 0));
        jc_dual q = dadd(dn(1, 0), dmul(w, w));
        jc_dual t = dadd(dmul(dsin(u), dexp(v)), ddiv(dtanh(u), dadd(dn(2, 0), dcos(v))));
        y[i] = dadd(dadd(t, dlog(q)), dpow_const(q, d->e[i]));
    }
}

void sb_dual_eval(const cb_desc *d, const jc_dual *x, jc_dual *y)
{
    switch (d->kind) {
    case CB_DUAL_3TO2:
        y[0] = dadd(x[0], dmul(x[1], x[2]));
        y[1] = dadd(dadd(dmul(x[0], x[0]), dmul(x[1], x[1])), dmul(x[2], x[2]));
        return;
    case CB_DUAL_2TO2:
        y[0] = dadd(dmul(x[0], x[0]), x[1]);
        y[1] = dsin(dmul(x[0], x[1]));
        return;
    case CB_DUAL_MIXED:
        sb_dual_mixed(d, x, y);
        return;
    default:
        for (size_t i = 0; i < d->m; i++)
            y[i] = dn(NAN, NAN);
    }
}

/* The mixture's score with responsibilities from log-densities. */
static void sb_mixture_score(const cb_desc *d, const double *x, double *s)
{
    double logs[CB_MAX_COMPONENTS], top = -INFINITY;
    for (size_t c = 0; c < d->k; c++) {
        double dx = x[0] - d->mu[2 * c], dy = x[1] - d->mu[2 * c + 1], v = d->sigma[c] * d->sigma[c];
        logs[c] = log(d->w[c]) - log(v) - (dx * dx + dy * dy) / (2 * v);
        top = logs[c] > top ? logs[c] : top;
    }
    double total = 0, sx = 0, sy = 0;
    for (size_t c = 0; c < d->k; c++) {
        double r = exp(logs[c] - top), v = d->sigma[c] * d->sigma[c];
        total += r;
        sx += r * (d->mu[2 * c] - x[0]) / v;
        sy += r * (d->mu[2 * c + 1] - x[1]) / v;
    }
    s[0] = sx / total;
    s[1] = sy / total;
}

void sb_score_eval(const cb_desc *d, const double *x, double *s)
{
    if (d->kind == CB_MIXTURE && d->n == 2) {
        sb_mixture_score(d, x, s);
        return;
    }
    for (size_t i = 0; i < d->n; i++)
        s[i] = d->kind == CB_GAUSSIAN ? (d->offset[i] - x[i]) / (d->scale[i] * d->scale[i]) : NAN;
}

void sb_matrix_jvp(const double *a, size_t m, size_t n, const double *v, double *out)
{
    for (size_t i = 0; i < m; i++) {
        double s = 0;
        for (size_t j = 0; j < n; j++)
            s += a[i * n + j] * v[j];
        out[i] = s;
    }
}

void sb_matrix_vjp(const double *a, size_t m, size_t n, const double *u, double *out)
{
    for (size_t j = 0; j < n; j++)
        out[j] = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++)
            out[j] += a[i * n + j] * u[i];
}

/* ---- structs with pointers ------------------------------------------------------- */

/* The parameters a network's sizes call for (SIZE_MAX if that overflows), or
 * 0 for a network with no layers or too many. */
static size_t net_param_total(const jc_tanh_net *net)
{
    if (!net || net->layers == 0 || net->layers > JC_MAX_LAYERS)
        return 0;
    size_t total = 0;
    for (size_t l = 0; l < net->layers; l++) {
        size_t in = net->sizes[l], out = net->sizes[l + 1];
        if (in == SIZE_MAX)
            return SIZE_MAX;
        size_t layer = sb_bytes(in + 1, out);
        if (layer == SIZE_MAX || total > SIZE_MAX - layer)
            return SIZE_MAX;
        total += layer;
    }
    return total;
}

/* Only ever INS: the sandbox has no use for them. */
__attribute__((unused)) static void walk_jc_tanh_net(void *object, sb_walk *w)
{
    jc_tanh_net *net = object;
    if (!net)
        return;
    w->field(w, "params", (void **)&net->params, net_param_total(net), sizeof(double));
}

__attribute__((unused)) static void walk_jc_mixture(void *object, sb_walk *w)
{
    jc_mixture *mix = object;
    if (!mix)
        return;
    w->field(w, "weights", (void **)&mix->weights, mix->k, sizeof(double));
    w->field(w, "means", (void **)&mix->means, sb_bytes(mix->k, 2), sizeof(double));
    w->field(w, "sigmas", (void **)&mix->sigmas, mix->k, sizeof(double));
}

#ifndef GRADE_SERVER
/* The network's input and output widths; 0 for a network the lesson rejects
 * for its number of layers (the call is an error and touches no array). */
static size_t net_inputs(const jc_tanh_net *net)
{
    return net && net->layers >= 1 && net->layers <= JC_MAX_LAYERS ? net->sizes[0] : 0;
}

static size_t net_outputs(const jc_tanh_net *net)
{
    return net && net->layers >= 1 && net->layers <= JC_MAX_LAYERS ? net->sizes[net->layers] : 0;
}
#endif

#include "generate.h"

/* ---- the callbacks' messages ------------------------------------------------------ */

/* A callback struct as the test passed it: which pointers were set, the
 * sizes it claims, and the description of what its function computes. */
typedef struct {
    int has_struct, has_fn, has_fn2;
    size_t n, m;
    cb_desc desc;
} cb_message;

/* The struct the student's code receives lives on its own page at the top of
 * the read-only region (which the judge never fills that far): read-only
 * during the call, so that a write to it is a write to a const input. */
#define CB_FROZEN_SIZE 4096
#define CB_FROZEN (SB_RO + SB_REGION_SIZE - CB_FROZEN_SIZE)

/* Every callback's ctx: an address the student's code can pass on but not read. */
#define CB_OPAQUE ((void *)(uintptr_t)SB_POISON)

#ifdef GRADE_SERVER
#include <sys/mman.h>

/* The current call's callbacks: the sandbox runs one call at a time. */
static struct {
    const cb_message *message;
    const double *matrix;
    cb_report *report;
} active;

static void *frozen(const void *object, size_t size)
{
    static void *page;
    static unsigned char fallback[256];
    if (!page) {
        void *p = mmap((void *)CB_FROZEN, CB_FROZEN_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (p != (void *)CB_FROZEN) {
            memcpy(fallback, object, size);
            return fallback;
        }
        page = p;
    } else {
        mprotect(page, CB_FROZEN_SIZE, PROT_READ | PROT_WRITE);
    }
    memcpy(page, object, size);
    mprotect(page, CB_FROZEN_SIZE, PROT_READ);
    return page;
}

/* Records how a callback was called; 0 if it cannot run (a NULL array). */
static int sb_callback_usable(void *ctx, const void *in, const void *out, uint64_t *counter)
{
    cb_report *r = active.report;
    (*counter)++;
    if (ctx != CB_OPAQUE)
        r->wrong_ctx++;
    if (!in || !out) {
        r->null_array++;
        return 0;
    }
    return 1;
}

static void sb_map_callback(const double *x, double *y, void *ctx)
{
    if (sb_callback_usable(ctx, x, y, &active.report->calls))
        sb_map_eval(&active.message->desc, x, y);
}

static void sb_dual_callback(const jc_dual *x, jc_dual *y, void *ctx)
{
    if (sb_callback_usable(ctx, x, y, &active.report->calls))
        sb_dual_eval(&active.message->desc, x, y);
}

static void sb_jvp_callback(const double *v, double *out, void *ctx)
{
    const cb_desc *d = &active.message->desc;
    if (sb_callback_usable(ctx, v, out, &active.report->calls))
        sb_matrix_jvp(active.matrix, d->m, d->n, v, out);
}

static void sb_vjp_callback(const double *u, double *out, void *ctx)
{
    const cb_desc *d = &active.message->desc;
    if (sb_callback_usable(ctx, u, out, &active.report->calls2))
        sb_matrix_vjp(active.matrix, d->m, d->n, u, out);
}

static void sb_score_callback(const double *x, double *s, void *ctx)
{
    if (sb_callback_usable(ctx, x, s, &active.report->calls))
        sb_score_eval(&active.message->desc, x, s);
}

static void activate(const sb_request *req, int message, int report, int matrix)
{
    active.message = sb_slot(req, message);
    active.report = sb_slot(req, report);
    active.matrix = matrix >= 0 ? sb_slot(req, matrix) : NULL;
}

static const jc_map *student_map(const cb_message *msg)
{
    if (!msg->has_struct)
        return NULL;
    jc_map f = {msg->n, msg->m, msg->has_fn ? sb_map_callback : NULL, CB_OPAQUE};
    return frozen(&f, sizeof f);
}

void server_jc_jacobian_central(const sb_request *req)
{
    GC_STUDENT_FN(jc_jacobian_central)
    activate(req, 0, 3, -1);
    const jc_map *f = student_map(active.message);
    sb_student_begin();
    jc_status s = f_(f, (const double *)sb_slot(req, 1), (double *)sb_slot(req, 2));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_jc_jacobian_forward(const sb_request *req)
{
    GC_STUDENT_FN(jc_jacobian_forward)
    activate(req, 0, 4, -1);
    const cb_message *msg = active.message;
    const jc_dual_map *f = NULL;
    if (msg->has_struct) {
        jc_dual_map g = {msg->n, msg->m, msg->has_fn ? sb_dual_callback : NULL, CB_OPAQUE};
        f = frozen(&g, sizeof g);
    }
    sb_student_begin();
    jc_status s = f_(f, (const double *)sb_slot(req, 1), (double *)sb_slot(req, 2),
                     (double *)sb_slot(req, 3));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_jc_image_area(const sb_request *req)
{
    GC_STUDENT_FN(jc_image_area)
    activate(req, 0, 5, -1);
    const jc_map *f = student_map(active.message);
    sb_student_begin();
    jc_status s = f_(f, (const double *)sb_slot(req, 1), *(double *)sb_slot(req, 2),
                     *(size_t *)sb_slot(req, 3), (double *)sb_slot(req, 4));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_jc_spectral_norm(const sb_request *req)
{
    GC_STUDENT_FN(jc_spectral_norm)
    activate(req, 0, 7, 1);
    const cb_message *msg = active.message;
    const jc_linear_op *op = NULL;
    if (msg->has_struct) {
        jc_linear_op o = {msg->n, msg->m, msg->has_fn ? sb_jvp_callback : NULL,
                          msg->has_fn2 ? sb_vjp_callback : NULL, CB_OPAQUE};
        op = frozen(&o, sizeof o);
    }
    sb_student_begin();
    jc_status s = f_(op, *(uint64_t *)sb_slot(req, 2), *(double *)sb_slot(req, 3),
                     *(size_t *)sb_slot(req, 4), (double *)sb_slot(req, 5),
                     (size_t *)sb_slot(req, 6));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_jc_langevin(const sb_request *req)
{
    GC_STUDENT_FN(jc_langevin)
    activate(req, 0, 8, -1);
    const cb_message *msg = active.message;
    const jc_score_fn *p = NULL;
    if (msg->has_struct) {
        jc_score_fn g = {msg->n, msg->has_fn ? sb_score_callback : NULL, CB_OPAQUE};
        p = frozen(&g, sizeof g);
    }
    sb_student_begin();
    jc_status s = f_(p, (const double *)sb_slot(req, 1), *(double *)sb_slot(req, 2),
                     *(size_t *)sb_slot(req, 3), *(size_t *)sb_slot(req, 4),
                     *(size_t *)sb_slot(req, 5), *(uint64_t *)sb_slot(req, 6),
                     (double *)sb_slot(req, 7));
    sb_student_end();
    sb_return(&s, sizeof s);
}

/* The functions whose array parameters are declared with their sizes. */
typedef void arm_map_fn(const jc_arm *arm, const double theta[2], double *out);

static void arm_map(const sb_request *req, arm_map_fn *f)
{
    sb_student_begin();
    f((const jc_arm *)sb_slot(req, 0), (const double *)sb_slot(req, 1), (double *)sb_slot(req, 2));
    sb_student_end();
    sb_return(NULL, 0);
}

void server_jc_arm_position(const sb_request *req)
{
    GC_STUDENT_FN(jc_arm_position)
    arm_map(req, f_);
}

void server_jc_arm_jacobian(const sb_request *req)
{
    GC_STUDENT_FN(jc_arm_jacobian)
    arm_map(req, f_);
}

void server_jc_arm_determinant(const sb_request *req)
{
    GC_STUDENT_FN(jc_arm_determinant)
    sb_student_begin();
    double d = f_((const jc_arm *)sb_slot(req, 0), (const double *)sb_slot(req, 1));
    sb_student_end();
    sb_return(&d, sizeof d);
}

void server_jc_arm_solve(const sb_request *req)
{
    GC_STUDENT_FN(jc_arm_solve)
    sb_student_begin();
    jc_status s = f_((const jc_arm *)sb_slot(req, 0), (const double *)sb_slot(req, 1),
                     *(double *)sb_slot(req, 2), *(double *)sb_slot(req, 3),
                     *(size_t *)sb_slot(req, 4), (double *)sb_slot(req, 5),
                     (size_t *)sb_slot(req, 6));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_jc_mixture_score(const sb_request *req)
{
    GC_STUDENT_FN(jc_mixture_score)
    sb_student_begin();
    jc_status s = f_((const jc_mixture *)sb_slot(req, 0), (const double *)sb_slot(req, 1),
                     (double *)sb_slot(req, 2), (double *)sb_slot(req, 3));
    sb_student_end();
    sb_return(&s, sizeof s);
}

#else

/* ---- the test's side ------------------------------------------------------------ */

void cb_map(const double *x, double *y, void *ctx)
{
    cb_desc *d = ctx;
    d->calls++;
    sb_map_eval(d, x, y);
}

void cb_dual_map(const jc_dual *x, jc_dual *y, void *ctx)
{
    cb_desc *d = ctx;
    d->calls++;
    sb_dual_eval(d, x, y);
}

void cb_jvp(const double *v, double *out, void *ctx)
{
    cb_matrix *a = ctx;
    a->jvps++;
    sb_matrix_jvp(a->a, a->m, a->n, v, out);
}

void cb_vjp(const double *u, double *out, void *ctx)
{
    cb_matrix *a = ctx;
    a->vjps++;
    sb_matrix_vjp(a->a, a->m, a->n, u, out);
}

void cb_score(const double *x, double *s, void *ctx)
{
    cb_desc *d = ctx;
    d->calls++;
    sb_score_eval(d, x, s);
}

/* The message for a test's struct: it must hold the grader's function (or
 * NULL, for a test of the errors) and a description as ctx. */
static cb_message message_for(const char *fn, const void *object, size_t n, size_t m,
                              int has_fn, int known_fn, const void *ctx)
{
    cb_message msg;
    memset(&msg, 0, sizeof msg);
    msg.has_struct = object != NULL;
    msg.has_fn = has_fn;
    msg.n = n;
    msg.m = m;
    if (has_fn && !known_fn)
        grade_fail("grader bug: a test passed %s a function the sandbox does not know", fn);
    if (has_fn && !ctx)
        grade_fail("grader bug: a test passed %s a callback without its description", fn);
    return msg;
}

static cb_message described(const char *fn, const void *object, size_t n, size_t m,
                            int has_fn, int known_fn, const void *ctx)
{
    cb_message msg = message_for(fn, object, n, m, has_fn, known_fn, ctx);
    if (has_fn)
        msg.desc = *(const cb_desc *)ctx;
    return msg;
}

/* The student's struct is the frozen page: a write to it names the test's struct. */
static void send_message(sb_call *c, const cb_message *msg, const void *original, size_t size,
                         const char *what)
{
    sb_in(c, "the callback's description", msg, 1, sizeof *msg);
    if (original && c->copy_count < SB_MAX_COPIES)
        c->copies[c->copy_count++] =
            (struct sb_copy){(void *)original, (void *)CB_FROZEN, size, what, 0, size, -1};
}

/* Runs a call whose callbacks report back (the report is its last
 * argument), and fails the test if they were misused. */
static jc_status run_reporting(sb_call *c, cb_report *report, const char *callback)
{
    memset(report, 0, sizeof *report);
    sb_out(c, "the callback's report", report, 1, sizeof *report);
    jc_status s;
    sb_run(c, &s, sizeof s);
    if (report->null_array)
        grade_fail("%s called %s with a NULL array (%llu times)", c->name, callback,
                   (unsigned long long)report->null_array);
    if (report->wrong_ctx)
        grade_fail("%s called %s with a ctx other than the struct's own (%llu times): pass "
                   "ctx through untouched", c->name, callback,
                   (unsigned long long)report->wrong_ctx);
    return s;
}

/* The calls the student's code made, counted in the description as the
 * test's own function would have. */
static void count_calls(const void *ctx, const cb_report *report)
{
    if (ctx)
        ((cb_desc *)ctx)->calls += (long)report->calls;
}

static cb_message map_message(const jc_map *f, const char *fn)
{
    return described(fn, f, f ? f->n : 0, f ? f->m : 0, f && f->f, f && f->f == cb_map,
                     f ? f->ctx : NULL);
}

jc_status jc_jacobian_central(const jc_map *f, const double *x, double *jac)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_jacobian_central, "jc_jacobian_central");
    cb_message msg = map_message(f, c.name);
    send_message(&c, &msg, f, sizeof *f, "f");
    sb_in(&c, "x", x, msg.n, sizeof *x);
    sb_out(&c, "jac", jac, sb_bytes(msg.m, msg.n), sizeof *jac);
    cb_report report;
    jc_status s = run_reporting(&c, &report, "f->f");
    count_calls(msg.has_fn ? f->ctx : NULL, &report);
    return s;
}

jc_status jc_jacobian_forward(const jc_dual_map *f, const double *x, double *jac, double *y)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_jacobian_forward, "jc_jacobian_forward");
    cb_message msg = described(c.name, f, f ? f->n : 0, f ? f->m : 0, f && f->f,
                               f && f->f == cb_dual_map, f ? f->ctx : NULL);
    send_message(&c, &msg, f, sizeof *f, "f");
    sb_in(&c, "x", x, msg.n, sizeof *x);
    sb_out(&c, "jac", jac, sb_bytes(msg.m, msg.n), sizeof *jac);
    sb_out(&c, "y", y, msg.m, sizeof *y);
    cb_report report;
    jc_status s = run_reporting(&c, &report, "f->f");
    count_calls(msg.has_fn ? f->ctx : NULL, &report);
    return s;
}

jc_status jc_image_area(const jc_map *f, const double center[2], double side, size_t segments,
                        double *area)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_image_area, "jc_image_area");
    cb_message msg = map_message(f, c.name);
    send_message(&c, &msg, f, sizeof *f, "f");
    sb_in(&c, "center", center, 2, sizeof *center);
    sb_val(&c, &side, sizeof side);
    sb_val(&c, &segments, sizeof segments);
    sb_out(&c, "area", area, 1, sizeof *area);
    cb_report report;
    jc_status s = run_reporting(&c, &report, "f->f");
    count_calls(msg.has_fn ? f->ctx : NULL, &report);
    return s;
}

/* The operator's ctx is a cb_matrix, whose entries travel as an array. */
jc_status jc_spectral_norm(const jc_linear_op *op, uint64_t seed, double tol, size_t max_iter,
                           double *sigma, size_t *iterations)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_spectral_norm, "jc_spectral_norm");
    int has_fn = op && (op->jvp || op->vjp);
    int known = op && (!op->jvp || op->jvp == cb_jvp) && (!op->vjp || op->vjp == cb_vjp);
    cb_message msg = message_for(c.name, op, op ? op->n : 0, op ? op->m : 0, has_fn, known,
                                 op ? op->ctx : NULL);
    cb_matrix *a = has_fn ? op->ctx : NULL;
    if (a) {
        msg.has_fn = op->jvp != NULL;
        msg.has_fn2 = op->vjp != NULL;
        msg.desc.n = a->n;
        msg.desc.m = a->m;
    }
    send_message(&c, &msg, op, sizeof *op, "op");
    sb_in(&c, "the operator's matrix", a ? a->a : NULL, a ? sb_bytes(a->m, a->n) : 0,
          sizeof(double));
    sb_val(&c, &seed, sizeof seed);
    sb_val(&c, &tol, sizeof tol);
    sb_val(&c, &max_iter, sizeof max_iter);
    sb_out(&c, "sigma", sigma, 1, sizeof *sigma);
    sb_out(&c, "iterations", iterations, 1, sizeof *iterations);
    cb_report report;
    jc_status s = run_reporting(&c, &report, "op->jvp or op->vjp");
    if (a) {
        a->jvps += (long)report.calls;
        a->vjps += (long)report.calls2;
    }
    return s;
}

jc_status jc_langevin(const jc_score_fn *p, const double *x0, double step, size_t burn_in,
                      size_t thin, size_t n_samples, uint64_t seed, double *samples)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_langevin, "jc_langevin");
    size_t dim = p ? p->dim : 0;
    cb_message msg = described(c.name, p, dim, dim, p && p->score, p && p->score == cb_score,
                               p ? p->ctx : NULL);
    send_message(&c, &msg, p, sizeof *p, "p");
    sb_in(&c, "x0", x0, dim, sizeof *x0);
    sb_val(&c, &step, sizeof step);
    sb_val(&c, &burn_in, sizeof burn_in);
    sb_val(&c, &thin, sizeof thin);
    sb_val(&c, &n_samples, sizeof n_samples);
    sb_val(&c, &seed, sizeof seed);
    sb_out(&c, "samples", samples, sb_bytes(n_samples, dim), sizeof *samples);
    cb_report report;
    jc_status s = run_reporting(&c, &report, "p->score");
    count_calls(msg.has_fn ? p->ctx : NULL, &report);
    return s;
}

/* jc_arm_position and jc_arm_jacobian: theta in, `count` values out. */
static void arm_call(int fn, const char *name, const jc_arm *arm, const double *theta,
                     const char *what, double *out, size_t count)
{
    sb_call c;
    sb_call_begin(&c, fn, name);
    sb_in(&c, "arm", arm, 1, sizeof *arm);
    sb_in(&c, "theta", theta, 2, sizeof *theta);
    sb_out(&c, what, out, count, sizeof *out);
    sb_run(&c, NULL, 0);
}

void jc_arm_position(const jc_arm *arm, const double theta[2], double p[2])
{
    arm_call(GC_ID_jc_arm_position, "jc_arm_position", arm, theta, "p", p, 2);
}

void jc_arm_jacobian(const jc_arm *arm, const double theta[2], double jac[4])
{
    arm_call(GC_ID_jc_arm_jacobian, "jc_arm_jacobian", arm, theta, "jac", jac, 4);
}

double jc_arm_determinant(const jc_arm *arm, const double theta[2])
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_arm_determinant, "jc_arm_determinant");
    sb_in(&c, "arm", arm, 1, sizeof *arm);
    sb_in(&c, "theta", theta, 2, sizeof *theta);
    double d;
    sb_run(&c, &d, sizeof d);
    return d;
}

jc_status jc_arm_solve(const jc_arm *arm, const double target[2], double damping, double tol,
                       size_t max_iter, double theta[2], size_t *iterations)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_arm_solve, "jc_arm_solve");
    sb_in(&c, "arm", arm, 1, sizeof *arm);
    sb_in(&c, "target", target, 2, sizeof *target);
    sb_val(&c, &damping, sizeof damping);
    sb_val(&c, &tol, sizeof tol);
    sb_val(&c, &max_iter, sizeof max_iter);
    sb_out(&c, "theta", theta, 2, sizeof *theta);
    sb_out(&c, "iterations", iterations, 1, sizeof *iterations);
    jc_status s;
    sb_run(&c, &s, sizeof s);
    return s;
}

jc_status jc_mixture_score(const jc_mixture *mix, const double x[2], double score[2],
                           double *log_p)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_jc_mixture_score, "jc_mixture_score");
    sb_ins(&c, "mix", mix, sizeof *mix, walk_jc_mixture);
    sb_in(&c, "x", x, 2, sizeof *x);
    sb_out(&c, "score", score, 2, sizeof *score);
    sb_out(&c, "log_p", log_p, 1, sizeof *log_p);
    jc_status s;
    sb_run(&c, &s, sizeof s);
    return s;
}

#endif
