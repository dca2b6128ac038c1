/* calls.c: how lesson 04's functions cross into the sandbox (calls.def), and
 * the parts that need more than a list: the structs that hold pointers (a
 * graph's nodes, a layer's weights, a network's parameters, a data set), the
 * sizes that depend on them, and the loss function that bp_gradient_check
 * calls back. Compiled into the judge and, with GRADE_SERVER, into the
 * sandbox. */
#include <stdint.h>
#include <string.h>

#include "backprop.h"
#include "calls.h"
#ifndef GRADE_SERVER
#include "grade.h"
#endif

/* Walkers. The sandbox also walks a NULL struct argument (bp_backward(NULL, 0)). */
static void walk_bp_graph(void *object, sb_walk *w)
{
    bp_graph *g = object;
    if (!g)
        return;
    w->field(w, "nodes", (void **)&g->nodes, g->capacity, sizeof *g->nodes);
}

/* Only ever an INS: the sandbox, which restores and exports the structs a
 * call updates, has no use for it. */
__attribute__((unused)) static void walk_bp_dense(void *object, sb_walk *w)
{
    bp_dense *d = object;
    if (!d)
        return;
    w->field(w, "w", (void **)&d->w, sb_bytes(d->out, d->in), sizeof(double));
    w->field(w, "b", (void **)&d->b, d->out, sizeof(double));
}

static void walk_bp_digits(void *object, sb_walk *w)
{
    bp_digits *d = object;
    if (!d)
        return;
    w->field(w, "pixels", (void **)&d->pixels, sb_bytes(d->n, BP_PIXELS), sizeof(double));
    w->field(w, "labels", (void **)&d->labels, d->n, sizeof *d->labels);
}

/* A pointer that lay inside the `bytes` bytes at `from`, all `size` bytes of
 * it, moved along with them to `to`. */
static void follow(void **field, uintptr_t from, uintptr_t to, size_t bytes, size_t size)
{
    uintptr_t p = (uintptr_t)*field;
    if (p >= from && size <= bytes && p - from <= bytes - size)
        *field = (void *)(to + (p - from));
}

/* The parameters first, then each layer's W and b, which point inside them.
 * When reporting params moved them (to a copy, a mirror, or back), the
 * layers' pointers into them move with them before they are reported, so
 * that they stay inside the one array: the judge gives a writable field
 * pointing inside another one a copy of its own (judge.c, copy_in), which
 * would let bp_mlp_train's updates through params and through the layers
 * drift apart. Reported afterwards, they are already in shared memory. */
static void walk_bp_mlp(void *object, sb_walk *w)
{
    static const char *const names[BP_MAX_LAYERS][2] = {
        {"layer[0].w", "layer[0].b"}, {"layer[1].w", "layer[1].b"},
        {"layer[2].w", "layer[2].b"}, {"layer[3].w", "layer[3].b"},
        {"layer[4].w", "layer[4].b"}, {"layer[5].w", "layer[5].b"},
        {"layer[6].w", "layer[6].b"}, {"layer[7].w", "layer[7].b"},
    };
    bp_mlp *net = object;
    if (!net)
        return;
    size_t layers = net->layers < BP_MAX_LAYERS ? net->layers : BP_MAX_LAYERS;
    uintptr_t from = (uintptr_t)net->params;
    size_t bytes = sb_bytes(net->param_count, sizeof(double));
    w->field(w, "params", (void **)&net->params, net->param_count, sizeof(double));
    uintptr_t to = (uintptr_t)net->params;
    for (size_t l = 0; l < layers; l++) {
        bp_dense *d = &net->layer[l];
        size_t weights = sb_bytes(sb_bytes(d->out, d->in), sizeof(double));
        if (from && to != from) {
            follow((void **)&d->w, from, to, bytes, weights);
            follow((void **)&d->b, from, to, bytes, sb_bytes(d->out, sizeof(double)));
        }
        w->field(w, names[l][0], (void **)&d->w, sb_bytes(d->out, d->in), sizeof(double));
        w->field(w, names[l][1], (void **)&d->b, d->out, sizeof(double));
    }
}

#ifndef GRADE_SERVER
/* bp_topological_order's order has room for g->count indices. */
static size_t graph_count(const bp_graph *g)
{
    return g ? g->count : 0;
}

static size_t dense_in(const bp_dense *layer)
{
    return layer ? layer->in : 0;
}

static size_t dense_out(const bp_dense *layer)
{
    return layer ? layer->out : 0;
}

/* sizes[0..layers]. */
static size_t plus_one(size_t layers)
{
    return layers < SIZE_MAX ? layers + 1 : SIZE_MAX;
}

/* An example's inputs: sizes[0]. */
static size_t mlp_inputs(const bp_mlp *net)
{
    return net ? net->sizes[0] : 0;
}

/* The width of layer upto's output, for upto in 1..layers; 0 otherwise (the
 * call is an error and writes nothing). */
static size_t mlp_outputs(const bp_mlp *net, size_t upto)
{
    return net && upto >= 1 && upto <= net->layers && upto <= BP_MAX_LAYERS ? net->sizes[upto]
                                                                             : 0;
}

static size_t mlp_params(const bp_mlp *net)
{
    return net ? net->param_count : 0;
}

#endif

#include "generate.h"

/* bp_gradient_check's loss function runs in the judge, on the parameters the
 * student's code passes it, sent in the callback's payload: a word of flags,
 * then the n values. */
enum {
    LOSS_SAME = 1,     /* the params array of the call itself (not a copy) */
    LOSS_NULL = 2,     /* a null pointer */
    LOSS_TOO_MANY = 4, /* more values than a payload holds: none sent */
    LOSS_MAX_VALUES = SB_PAYLOAD / sizeof(double) - 1,
};

#ifdef GRADE_SERVER

static struct {
    const double *params; /* the call's params argument */
    size_t n;
} check;

/* Named sb_ so that a crash reading the student's pointer is reported in the
 * student's function that passed it (judge.c skips sb_ frames). */
double sb_loss_in_judge(const double *params, void *ctx);
double sb_loss_in_judge(const double *params, void *ctx)
{
    (void)ctx;
    struct {
        uint64_t flags;
        double values[LOSS_MAX_VALUES];
    } m;
    m.flags = params == check.params ? LOSS_SAME : 0;
    if (!params) {
        m.flags = LOSS_NULL;
        return sb_callback(&m, sizeof m.flags);
    }
    if (check.n > LOSS_MAX_VALUES) {
        m.flags |= LOSS_TOO_MANY;
        return sb_callback(&m, sizeof m.flags);
    }
    memcpy(m.values, params, check.n * sizeof *params);
    return sb_callback(&m, sizeof m.flags + check.n * sizeof *params);
}

void server_bp_net321_pass(const sb_request *req)
{
    GC_STUDENT_FN(bp_net321_pass)
    sb_student_begin();
    bp_status s = f_((const bp_net321 *)sb_slot(req, 0), (const double *)sb_slot(req, 1),
                     *(double *)sb_slot(req, 2), (bp_trace321 *)sb_slot(req, 3));
    sb_student_end();
    sb_return(&s, sizeof s);
}

void server_bp_gradient_check(const sb_request *req)
{
    GC_STUDENT_FN(bp_gradient_check)
    int has_loss = *(int *)sb_slot(req, 0);
    void *ctx = *(int *)sb_slot(req, 1) ? (void *)SB_POISON : NULL; /* opaque to the student */
    check.params = sb_slot(req, 2);
    check.n = *(size_t *)sb_slot(req, 3);
    sb_student_begin();
    bp_status s = f_(has_loss ? sb_loss_in_judge : NULL, ctx, (double *)sb_slot(req, 2), check.n,
                     (const double *)sb_slot(req, 4), *(double *)sb_slot(req, 5),
                     (double *)sb_slot(req, 6), (size_t *)sb_slot(req, 7));
    sb_student_end();
    sb_return(&s, sizeof s);
}

#else

typedef struct {
    sb_call call; /* first: the callback gets a pointer to it */
    double *params;
    size_t n;
    double *other; /* for a copy of params that the student's code made */
} check_call;

bp_status bp_net321_pass(const bp_net321 *net, const double x[3], double y, bp_trace321 *trace)
{
    sb_call c;
    sb_call_begin(&c, GC_ID_bp_net321_pass, "bp_net321_pass");
    sb_in(&c, "net", net, 1, sizeof *net);
    sb_in(&c, "x", x, 3, sizeof *x);
    sb_val(&c, &y, sizeof y);
    sb_out(&c, "trace", trace, 1, sizeof *trace);
    bp_status s;
    sb_run(&c, &s, sizeof s);
    return s;
}

static double run_loss(sb_call *c, const void *payload, size_t size)
{
    check_call *k = (check_call *)c;
    uint64_t flags;
    if (size < sizeof flags)
        grade_fail("bp_gradient_check's process sent a malformed call of the loss function");
    memcpy(&flags, payload, sizeof flags);
    if (flags & LOSS_NULL)
        grade_fail("bp_gradient_check called the loss function with params = NULL");
    if (flags & LOSS_TOO_MANY)
        grade_fail("the grader cannot check bp_gradient_check with n = %zu: it passes at most "
                   "%d parameters to the test's loss function (a grader limitation)",
                   k->n, (int)LOSS_MAX_VALUES);
    if (k->n > LOSS_MAX_VALUES || size != sizeof flags + k->n * sizeof(double))
        grade_fail("bp_gradient_check's process sent a malformed call of the loss function");
    /* The loss sees what the student's code passed: the test's own params
     * array when it passed params, another array when it passed a copy. */
    double *p = k->params;
    if (!(flags & LOSS_SAME) || !p) {
        if (!k->other)
            k->other = grade_alloc(k->n, sizeof(double));
        p = k->other;
    }
    memcpy(p, (const unsigned char *)payload + sizeof flags, k->n * sizeof(double));
    return ((bp_loss_fn)c->callback_fn)(p, c->callback_ctx);
}

bp_status bp_gradient_check(bp_loss_fn loss, void *ctx, double *params, size_t n,
                            const double *grad, double step, double *max_error, size_t *worst)
{
    check_call k = {.params = params, .n = n};
    sb_call *c = &k.call;
    sb_call_begin(c, GC_ID_bp_gradient_check, "bp_gradient_check");
    c->callback = run_loss;
    c->callback_fn = (void (*)(void))loss;
    c->callback_ctx = ctx;
    int has_loss = loss != NULL, has_ctx = ctx != NULL;
    sb_val(c, &has_loss, sizeof has_loss);
    sb_val(c, &has_ctx, sizeof has_ctx);
    sb_out(c, "params", params, n, sizeof *params);
    sb_val(c, &n, sizeof n);
    sb_in(c, "grad", grad, n, sizeof *grad);
    sb_val(c, &step, sizeof step);
    sb_out(c, "max_error", max_error, 1, sizeof *max_error);
    sb_out(c, "worst", worst, 1, sizeof *worst);
    bp_status s;
    sb_run(c, &s, sizeof s);
    return s;
}

#endif
