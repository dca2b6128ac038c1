/* Exercises 6 and 7: a multilayer perceptron, its gradient, and the gradient
 * checker (chapter sections 6 and 7). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define LAYERS "6.3 A multilayer perceptron"
#define CHECKING "7 Checking gradients"

static const bp_activation ACTS[] = {BP_TANH_ACT, BP_SIGMOID_ACT, BP_RELU_ACT};
static const char *const ACT_NAMES[] = {"tanh", "sigmoid", "relu"};

/* A random network of 1 to 3 layers with small random sizes. */
static bp_mlp random_net(rng *r, int act, size_t *inputs, size_t *classes)
{
    size_t layers = 1 + rng_below(r, 3), sizes[4];
    for (size_t l = 0; l <= layers; l++)
        sizes[l] = 1 + rng_below(r, 7);
    sizes[layers] += 1; /* at least two classes */
    *inputs = sizes[0];
    *classes = sizes[layers];
    return ref_mlp_make(sizes, layers, ACTS[act], r);
}

static void describe(const bp_mlp *net, char *text, size_t size, int act)
{
    size_t used = (size_t)snprintf(text, size, "%s network ", ACT_NAMES[act]);
    for (size_t l = 0; l <= net->layers && used < size; l++)
        used += (size_t)snprintf(text + used, size - used, "%s%zu", l ? "-" : "", net->sizes[l]);
}

GRADED_TEST(mlp, forward_pass, 2, LAYERS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 30; round++) {
        int act = round % 3;
        size_t inputs, classes;
        bp_mlp net = random_net(&r, act, &inputs, &classes);
        size_t batch = 1 + rng_below(&r, 6);
        double *x = alloc_doubles(batch * inputs);
        fill_uniform(&r, x, batch * inputs, -1, 1);
        char what[96];
        describe(&net, what, sizeof what, act);
        for (size_t upto = 1; upto <= net.layers; upto++) {
            size_t width = net.sizes[upto];
            double *out = alloc_doubles(batch * width);
            long double *e = alloc_long_doubles(width);
            expect_status(bp_mlp_forward(&net, x, batch, upto, out), BP_OK, what);
            bp_mlp part = net;
            part.layers = upto; /* the first layers, the last without activation */
            for (size_t s = 0; s < batch; s++) {
                ref_mlp_logits(&part, x + s * inputs, e);
                for (size_t i = 0; i < width; i++) {
                    long double want = upto < net.layers ? ref_activate(net.hidden, e[i]) : e[i];
                    expect_near(out[s * width + i], (double)want, 1e-13, "%s, batch of %zu: "
                                "output %zu of layer %zu for example %zu%s", what, batch, i, upto,
                                s, upto < net.layers ? " (after the activation)" : " (a logit)");
                }
            }
            free(out);
            free(e);
        }
        double dummy[1];
        expect_status(bp_mlp_forward(&net, x, batch, net.layers + 1, dummy), BP_ERR_ARG,
                      "bp_mlp_forward up to a layer past the last");
        expect_status(bp_mlp_forward(&net, x, 0, 1, dummy), BP_ERR_ARG,
                      "bp_mlp_forward on a batch of 0");
        free(x);
        ref_mlp_free(&net);
    }
}

GRADED_TEST(mlp, gradient_of_every_parameter, 4, LAYERS)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 24; round++) {
        int act = round % 3;
        size_t inputs, classes;
        bp_mlp net = random_net(&r, act, &inputs, &classes);
        size_t batch = 1 + rng_below(&r, 5);
        double *x = alloc_doubles(batch * inputs);
        unsigned char *labels = malloc(batch);
        if (!labels)
            grade_fail("the grader ran out of memory");
        fill_uniform(&r, x, batch * inputs, -1, 1);
        for (size_t s = 0; s < batch; s++)
            labels[s] = (unsigned char)rng_below(&r, classes);
        double *grad = alloc_doubles(net.param_count), *dx = alloc_doubles(batch * inputs);
        double *params0 = grade_copy(net.params, net.param_count);
        double loss = NAN;
        char what[96];
        describe(&net, what, sizeof what, act);
        expect_status(bp_mlp_loss_grad(&net, x, labels, batch, &loss, grad, dx), BP_OK, what);
        expect_unchanged(net.params, params0, net.param_count, "the parameters (const)");
        expect_near(loss, (double)ref_mlp_loss(&net, x, labels, batch), 1e-13,
                    "%s, batch of %zu: the mean cross-entropy", what, batch);
        long double *numeric = alloc_long_doubles(net.param_count);
        ref_mlp_numeric_grad(&net, x, labels, batch, 1e-6, numeric);
        for (size_t i = 0; i < net.param_count; i++)
            expect_near(grad[i], (double)numeric[i], 1e-7, "%s, batch of %zu: gradient of "
                        "parameter %zu of %zu against central differences (params holds W1, b1, "
                        "W2, b2, ...)", what, batch, i, net.param_count);
        for (size_t j = 0; j < batch * inputs; j++) {
            double keep = x[j];
            x[j] = keep + 1e-6;
            long double up = ref_mlp_loss(&net, x, labels, batch);
            x[j] = keep - 1e-6;
            long double down = ref_mlp_loss(&net, x, labels, batch);
            x[j] = keep;
            expect_near(dx[j], (double)((up - down) / 2e-6L), 1e-7, "%s, batch of %zu: gradient "
                        "with respect to input %zu of example %zu", what, batch, j % inputs,
                        j / inputs);
        }
        /* grad and dx are each optional. */
        double loss2 = NAN;
        expect_status(bp_mlp_loss_grad(&net, x, labels, batch, &loss2, NULL, NULL), BP_OK,
                      "bp_mlp_loss_grad with grad = dx = NULL");
        expect_near(loss2, loss, 1e-15, "the loss computed without gradients");
        labels[0] = (unsigned char)classes;
        expect_status(bp_mlp_loss_grad(&net, x, labels, batch, &loss2, grad, NULL), BP_ERR_ARG,
                      "bp_mlp_loss_grad with a label equal to the number of classes");
        free(numeric);
        free(params0);
        free(grad);
        free(dx);
        free(x);
        free(labels);
        ref_mlp_free(&net);
    }
}

/* ---- the gradient checker ------------------------------------------------------ */

typedef struct {
    size_t n;
    const double *c;
    long calls;
} quadratic;

/* f(p) = sum c_i p_i^2 / 2 + sum p_i p_{i+1}: df/dp_i = c_i p_i + p_{i-1} + p_{i+1}. */
static double quadratic_loss(const double *p, void *ctx)
{
    quadratic *q = ctx;
    q->calls++;
    long double f = 0;
    for (size_t i = 0; i < q->n; i++)
        f += 0.5L * q->c[i] * p[i] * p[i] + (i + 1 < q->n ? (long double)p[i] * p[i + 1] : 0);
    return (double)f;
}

GRADED_TEST(gradcheck, finds_a_wrong_entry, 2, CHECKING)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t n = 2 + rng_below(&r, 40);
        double *c = alloc_doubles(n), *p = alloc_doubles(n), *g = alloc_doubles(n);
        fill_uniform(&r, c, n, 0.5, 3);
        fill_uniform(&r, p, n, -1, 1);
        for (size_t i = 0; i < n; i++)
            g[i] = c[i] * p[i] + (i > 0 ? p[i - 1] : 0) + (i + 1 < n ? p[i + 1] : 0);
        double *p0 = grade_copy(p, n);
        quadratic q = {n, c, 0};
        double error = NAN;
        size_t worst = 12345;
        expect_status(bp_gradient_check(quadratic_loss, &q, p, n, g, 1e-5, &error, &worst), BP_OK,
                      "bp_gradient_check on a quadratic with its exact gradient");
        expect_unchanged(p, p0, n, "the parameters after the check (restored exactly)");
        expect_true(error <= 1e-6, "bp_gradient_check with the exact gradient of a quadratic of "
                    "%zu variables: expected a relative error below 1e-6, came %g", n, error);
        expect_int(q.calls, 2 * (long long)n, "calls of the loss for %zu parameters (two each)",
                   n);
        size_t bad = rng_below(&r, n);
        double right = g[bad];
        g[bad] = right * 1.25 + (right >= 0 ? 0.5 : -0.5); /* off by a known amount */
        expect_status(bp_gradient_check(quadratic_loss, &q, p, n, g, 1e-5, &error, &worst), BP_OK,
                      "bp_gradient_check with one wrong entry");
        double expected = fabs(g[bad] - right) / fmax(fabs(g[bad]), fabs(right));
        expect_near(error, expected, 1e-5, "the relative error reported when entry %zu of %zu is "
                    "%.6g instead of %.6g: |a - n| / max(|a|, |n|)", bad, n, g[bad], right);
        expect_int((long long)worst, (long long)bad, "the index of the wrong entry");
        expect_unchanged(p, p0, n, "the parameters after the second check");
        free(c);
        free(p);
        free(g);
        free(p0);
    }
    double one = 1, grad = 0, err;
    quadratic q = {1, &one, 0};
    expect_status(bp_gradient_check(quadratic_loss, &q, &one, 1, &grad, 0, &err, NULL),
                  BP_ERR_ARG, "bp_gradient_check with step 0");
    expect_status(bp_gradient_check(NULL, &q, &one, 1, &grad, 1e-5, &err, NULL), BP_ERR_ARG,
                  "bp_gradient_check with no loss function");
}

typedef struct {
    bp_mlp *net;
    const double *x;
    const unsigned char *labels;
    size_t batch;
} net_loss;

/* The grader's own loss of a network, as a function of its parameters. */
static double network_loss(const double *params, void *ctx)
{
    net_loss *l = ctx;
    if (params != l->net->params)
        grade_fail("bp_gradient_check should pass its params array to the loss function");
    return (double)ref_mlp_loss(l->net, l->x, l->labels, l->batch);
}

GRADED_TEST(gradcheck, on_a_network, 1, CHECKING)
{
    rng r;
    grade_rng(&r);
    size_t sizes[] = {5, 6, 4, 3};
    bp_mlp net = ref_mlp_make(sizes, 3, BP_TANH_ACT, &r);
    double x[4 * 5];
    unsigned char labels[4] = {0, 2, 1, 2};
    fill_uniform(&r, x, 20, -1, 1);
    long double *numeric = alloc_long_doubles(net.param_count);
    ref_mlp_numeric_grad(&net, x, labels, 4, 1e-6, numeric);
    double *g = alloc_doubles(net.param_count);
    for (size_t i = 0; i < net.param_count; i++)
        g[i] = (double)numeric[i];
    net_loss ctx = {&net, x, labels, 4};
    double error = NAN;
    size_t worst;
    expect_status(bp_gradient_check(network_loss, &ctx, net.params, net.param_count, g, 1e-5,
                                    &error, &worst), BP_OK, "bp_gradient_check on a 5-6-4-3 network");
    expect_true(error < 1e-5, "the checker on a 5-6-4-3 tanh network with a correct gradient: "
                "expected a relative error below 1e-5, came %g (at parameter %zu)", error, worst);
    size_t bad = net.param_count - 1 - rng_below(&r, 10);
    g[bad] += 1.0;
    expect_status(bp_gradient_check(network_loss, &ctx, net.params, net.param_count, g, 1e-5,
                                    &error, &worst), BP_OK, "bp_gradient_check, one wrong entry");
    expect_true(error > 0.5 && worst == bad, "gradient entry %zu off by 1: expected it reported "
                "with a relative error above 0.5, came %g at %zu", bad, error, worst);
    free(numeric);
    free(g);
    ref_mlp_free(&net);
}

/* bp_mlp_init is given, so this test is worth no points; it is here so that
 * a change to the given code cannot bring the bug back. Sizes whose
 * parameter count, (sizes[l] + 1) * sizes[l + 1] summed over the layers,
 * wraps around a size_t would allocate a few bytes and then write the
 * network's weights far past them: they are BP_ERR_ARG, with nothing
 * allocated (the struct comes back zeroed, safe to free). */
GRADED_TEST(mlp, init_refuses_sizes_that_overflow, 0, LAYERS)
{
    const size_t half = SIZE_MAX / 2;
    const struct {
        size_t sizes[4], layers;
        const char *why;
    } cases[] = {
        {{half, 4}, 1, "{SIZE_MAX / 2, 4}"},
        {{4, half}, 1, "{4, SIZE_MAX / 2}"},
        {{SIZE_MAX, 1}, 1, "{SIZE_MAX, 1} (sizes[0] + 1 wraps to 0)"},
        {{(size_t)1 << 31, (size_t)1 << 31, 3}, 2, "{2^31, 2^31, 3} (2^62 weights of 8 bytes)"},
        {{3, (size_t)1 << 40, (size_t)1 << 24, 2}, 3, "{3, 2^40, 2^24, 2}"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        bp_mlp net;
        memset(&net, 0xab, sizeof net);
        char what[128];
        snprintf(what, sizeof what, "bp_mlp_init with sizes %s", cases[c].why);
        expect_status(bp_mlp_init(&net, cases[c].sizes, cases[c].layers, BP_RELU_ACT, 1),
                      BP_ERR_ARG, what);
        expect_true(net.params == NULL && net.param_count == 0,
                    "%s: the network should come back empty", what);
        bp_mlp_free(&net);
    }
    const size_t fine[] = {3, 5, 2};
    bp_mlp net;
    expect_status(bp_mlp_init(&net, fine, 2, BP_TANH_ACT, 1), BP_OK, "bp_mlp_init of 3-5-2");
    expect_int((long long)net.param_count, 4 * 5 + 6 * 2, "parameters of a 3-5-2 network");
    bp_mlp_free(&net);
}
