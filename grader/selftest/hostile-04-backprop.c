/* hostile-04-backprop.c: a deliberately broken "student" for lesson 04.
 *
 * Each public function either misbehaves in one of the ways real student
 * code does, or calls the reference solution (compiled with its names
 * prefixed real_, see rename-04-backprop.h). grader/selftest/run.sh grades
 * this and checks that each misbehaviour costs exactly the tests it breaks,
 * with the right message, in bounded time. expected-04-backprop.tsv lists the
 * outcome of every test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rename-04-backprop.h"
#include "backprop.h" /* declares the real_* functions */
#undef bp_status_str
#undef bp_graph_init
#undef bp_input
#undef bp_op_value
#undef bp_apply
#undef bp_topological_order
#undef bp_forward
#undef bp_backward
#undef bp_activate
#undef bp_activate_grad
#undef bp_activate_forward
#undef bp_activate_backward
#undef bp_bce_logit
#undef bp_softmax_cross_entropy
#undef bp_gemm
#undef bp_dense_forward
#undef bp_dense_backward
#undef bp_net321_pass
#undef bp_net321_step
#undef bp_mlp_init
#undef bp_mlp_free
#undef bp_mlp_forward
#undef bp_mlp_loss_grad
#undef bp_gradient_check
#undef bp_mlp_train
#undef bp_mlp_predict
#undef bp_mlp_accuracy
#undef bp_input_gradient
#undef bp_fgsm
#undef bp_digits_load
#undef bp_digits_free
#undef bp_digits_split

const char *bp_status_str(bp_status status)
{
    return real_bp_status_str(status);
}

/* Clears the graph with the size of the wrong type (a node, 40 bytes, not a
 * graph, 24): a write past the end of the struct it was given. */
void bp_graph_init(bp_graph *g, bp_node *storage, size_t capacity)
{
    memset(g, 0, sizeof *storage);
    g->nodes = storage;
    g->capacity = capacity;
}

size_t bp_input(bp_graph *g, double value)
{
    return real_bp_input(g, value);
}

double bp_op_value(bp_op op, double x, double y)
{
    return real_bp_op_value(op, x, y);
}

size_t bp_apply(bp_graph *g, bp_op op, size_t a, size_t b)
{
    return real_bp_apply(g, op, a, b);
}

/* Recursive depth-first search: a 300000-node chain overflows the stack. */
static void visit(const bp_graph *g, size_t i, unsigned char *seen, size_t *order, size_t *count)
{
    if (seen[i]) return;
    seen[i] = 1;
    const bp_node *n = &g->nodes[i];
    if (n->op != BP_INPUT) {
        visit(g, n->a, seen, order, count);
        if (n->op <= BP_DIV) visit(g, n->b, seen, order, count);
    }
    order[(*count)++] = i;
}
bp_status bp_topological_order(const bp_graph *g, size_t output, size_t *order, size_t *count)
{
    bp_status s = real_bp_topological_order(g, output, order, count);
    if (s != BP_OK) return s;
    unsigned char *seen = calloc(g->count, 1);
    *count = 0;
    visit(g, output, seen, order, count);
    free(seen);
    return s;
}

void bp_forward(bp_graph *g, const size_t *order, size_t count)
{
    real_bp_forward(g, order, count);
}

bp_status bp_backward(bp_graph *g, size_t output)
{
    return real_bp_backward(g, output);
}

double bp_activate(bp_activation f, double z)
{
    return real_bp_activate(f, z);
}

double bp_activate_grad(bp_activation f, double z)
{
    return real_bp_activate_grad(f, z);
}

void bp_activate_forward(bp_activation f, const double *z, size_t n, double *h)
{
    real_bp_activate_forward(f, z, n, h);
}

void bp_activate_backward(bp_activation f, const double *z, const double *dh, size_t n,
                          double *dz)
{
    real_bp_activate_backward(f, z, dh, n, dz);
}

/* The textbook formula, not the stable one: for z = 1000 and y = 1 it is
 * -log(1) - 0 * log(0) = 0 * -inf = NaN. */
double bp_bce_logit(double z, double y, double *grad)
{
    double s = 1 / (1 + exp(-z));
    if (grad)
        *grad = s - y;
    return -y * log(s) - (1 - y) * log(1 - s);
}

double bp_softmax_cross_entropy(const double *logits, size_t n, size_t label, double *grad)
{
    return real_bp_softmax_cross_entropy(logits, n, label, grad);
}

void bp_gemm(bp_transpose trans_a, bp_transpose trans_b, size_t m, size_t n, size_t k,
             double alpha, const double *a, size_t lda, const double *b, size_t ldb, double beta,
             double *c, size_t ldc)
{
    real_bp_gemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/* Transposes the weights in place "for a cache-friendly loop", and back:
 * layer is const, and so is the memory its w points to (its type says
 * double *, but inputs are never modified). */
void bp_dense_forward(const bp_dense *layer, const double *x, size_t batch, double *y)
{
    if (layer && layer->w && layer->in && layer->out) {
        size_t in = layer->in, out = layer->out;
        double *t = malloc(in * out * sizeof *t);
        if (t) {
            memcpy(t, layer->w, in * out * sizeof *t);
            for (size_t i = 0; i < out; i++)
                for (size_t j = 0; j < in; j++)
                    layer->w[j * out + i] = t[i * in + j];
            memcpy(layer->w, t, in * out * sizeof *t);
            free(t);
        }
    }
    real_bp_dense_forward(layer, x, batch, y);
}

void bp_dense_backward(const bp_dense *layer, const double *x, size_t batch, const double *dy,
                       double *dw, double *db, double *dx)
{
    real_bp_dense_backward(layer, x, batch, dy, dw, db, dx);
}

bp_status bp_net321_pass(const bp_net321 *net, const double x[3], double y, bp_trace321 *trace)
{
    return real_bp_net321_pass(net, x, y, trace);
}

void bp_net321_step(bp_net321 *net, const bp_trace321 *trace, double rate)
{
    real_bp_net321_step(net, trace, rate);
}

/* Builds the network correctly, then moves its parameters into an array on
 * its own stack, gone when the function returns. */
bp_status bp_mlp_init(bp_mlp *net, const size_t *sizes, size_t layers, bp_activation hidden,
                      uint64_t seed)
{
    bp_status s = real_bp_mlp_init(net, sizes, layers, hidden, seed);
    double params[4096];
    if (s != BP_OK || net->param_count > 4096)
        return s;
    memcpy(params, net->params, net->param_count * sizeof *params);
    for (size_t l = 0; l < net->layers; l++) {
        net->layer[l].w = params + (net->layer[l].w - net->params);
        net->layer[l].b = params + (net->layer[l].b - net->params);
    }
    free(net->params);
    net->params = params;
    return s;
}

void bp_mlp_free(bp_mlp *net)
{
    real_bp_mlp_free(net);
}

/* Shortens the network in place to run it up to layer `upto`, and restores
 * it: a write to a const struct. */
bp_status bp_mlp_forward(const bp_mlp *net, const double *x, size_t batch, size_t upto,
                         double *out)
{
    if (!net || upto == 0 || upto > net->layers)
        return real_bp_mlp_forward(net, x, batch, upto, out);
    bp_mlp *writable = (bp_mlp *)net;
    size_t layers = net->layers;
    writable->layers = upto;
    bp_status s = real_bp_mlp_forward(net, x, batch, upto, out);
    writable->layers = layers;
    return s;
}

bp_status bp_mlp_loss_grad(const bp_mlp *net, const double *x, const unsigned char *labels,
                           size_t batch, double *loss, double *grad, double *dx)
{
    return real_bp_mlp_loss_grad(net, x, labels, batch, loss, grad, dx);
}

/* Its loop over the parameters never advances: it calls the loss function
 * (which runs in the grader) forever. */
bp_status bp_gradient_check(bp_loss_fn loss, void *ctx, double *params, size_t n,
                            const double *grad, double step, double *max_error, size_t *worst)
{
    if (!loss || !params || !grad || !max_error || n == 0 || !(step > 0))
        return real_bp_gradient_check(loss, ctx, params, n, grad, step, max_error, worst);
    volatile double worst_error = 0;
    for (size_t i = 0; i < n; i = i * 0) {
        double keep = params[i];
        params[i] = keep + step;
        double up = loss(params, ctx);
        params[i] = keep - step;
        double down = loss(params, ctx);
        params[i] = keep;
        double e = fabs((up - down) / (2 * step) - grad[i]);
        if (e > worst_error)
            worst_error = e;
    }
    *max_error = worst_error;
    return BP_OK;
}

/* A velocity buffer for the momentum, never freed. */
bp_status bp_mlp_train(bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                       const bp_train_options *options, double *epoch_loss)
{
    double *volatile velocity = net ? calloc(net->param_count + 1, sizeof(double)) : NULL;
    (void)velocity;
    return real_bp_mlp_train(net, x, labels, n, options, epoch_loss);
}

int bp_mlp_predict(const bp_mlp *net, const double *x)
{
    return real_bp_mlp_predict(net, x);
}

double bp_mlp_accuracy(const bp_mlp *net, const double *x, const unsigned char *labels, size_t n)
{
    return real_bp_mlp_accuracy(net, x, labels, n);
}

bp_status bp_input_gradient(const bp_mlp *net, const double *x, unsigned label, double *grad)
{
    return real_bp_input_gradient(net, x, label, grad);
}

bp_status bp_fgsm(const bp_mlp *net, const double *x, const unsigned char *labels, size_t n,
                  double epsilon, double lo, double hi, double *out)
{
    return real_bp_fgsm(net, x, labels, n, epsilon, lo, hi, out);
}

bp_status bp_digits_load(const char *path, bp_digits *out, char *err, size_t err_size)
{
    return real_bp_digits_load(path, out, err, err_size);
}

void bp_digits_free(bp_digits *digits)
{
    real_bp_digits_free(digits);
}

bp_status bp_digits_split(const bp_digits *all, bp_digits *train, bp_digits *test)
{
    return real_bp_digits_split(all, train, test);
}
