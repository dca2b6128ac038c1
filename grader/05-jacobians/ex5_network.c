/* Exercise 5: the whole Jacobian of a tanh network (chapter sections 6 and 7). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

static const char *const MODE_NAMES[] = {"JC_MODE_AUTO", "JC_MODE_FORWARD", "JC_MODE_REVERSE"};

/* A network with the given input and output widths and random hidden ones. */
static jc_tanh_net random_net(rng *r, size_t layers, size_t in, size_t out, size_t widest,
                              double gain)
{
    size_t sizes[JC_MAX_LAYERS + 1];
    sizes[0] = in;
    for (size_t l = 1; l < layers; l++)
        sizes[l] = 1 + rng_below(r, widest);
    sizes[layers] = out;
    return ref_net_make(sizes, layers, gain, r);
}

static void describe(const jc_tanh_net *net, char *text, size_t size)
{
    size_t used = (size_t)snprintf(text, size, "the tanh network ");
    for (size_t l = 0; l <= net->layers && used < size; l++)
        used += (size_t)snprintf(text + used, size - used, "%s%zu", l ? "-" : "", net->sizes[l]);
}

static size_t expected_count(const jc_tanh_net *net)
{
    size_t count = 0;
    for (size_t l = 0; l < net->layers; l++)
        count += (net->sizes[l] + 1) * net->sizes[l + 1];
    return count;
}

GRADED_TEST(network, param_count, 2, SEC_NETWORK)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 40; round++) {
        jc_tanh_net net;
        memset(&net, 0, sizeof net);
        net.layers = 1 + rng_below(&r, JC_MAX_LAYERS);
        for (size_t l = 0; l <= net.layers; l++)
            net.sizes[l] = 1 + rng_below(&r, 50);
        describe(&net, what, sizeof what);
        expect_int((long long)jc_net_param_count(&net), (long long)expected_count(&net),
                   "parameters of %s: (sizes[l] + 1) sizes[l + 1] summed over its layers", what);
        size_t zero = rng_below(&r, net.layers + 1);
        net.sizes[zero] = 0;
        expect_int((long long)jc_net_param_count(&net), 0, "parameters of a network of %zu layers "
                   "whose sizes[%zu] is 0", net.layers, zero);
    }
    jc_tanh_net net;
    memset(&net, 0, sizeof net);
    net.sizes[0] = 3;
    expect_int((long long)jc_net_param_count(&net), 0, "parameters of a network of 0 layers");
    net.layers = JC_MAX_LAYERS + 1;
    for (size_t l = 0; l <= JC_MAX_LAYERS; l++)
        net.sizes[l] = 2;
    expect_int((long long)jc_net_param_count(&net), 0, "parameters of a network of %d layers "
               "(more than JC_MAX_LAYERS)", JC_MAX_LAYERS + 1);
    expect_int((long long)jc_net_param_count(NULL), 0, "jc_net_param_count(NULL)");
    const size_t half = SIZE_MAX / 2;
    const struct {
        size_t sizes[4], layers;
        const char *why;
    } cases[] = {
        {{half, 4}, 1, "{SIZE_MAX / 2, 4}"},
        {{4, half}, 1, "{4, SIZE_MAX / 2}"},
        {{SIZE_MAX, 1}, 1, "{SIZE_MAX, 1} (sizes[0] + 1 wraps to 0)"},
        {{(size_t)1 << 32, (size_t)1 << 32}, 1, "{2^32, 2^32}"},
        {{3, (size_t)1 << 40, (size_t)1 << 24, 2}, 3, "{3, 2^40, 2^24, 2}"},
        {{1, half, 1}, 2, "{1, SIZE_MAX / 2, 1} (each layer fits, their sum does not)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        memset(&net, 0, sizeof net);
        net.layers = cases[c].layers;
        memcpy(net.sizes, cases[c].sizes, sizeof cases[c].sizes);
        expect_int((long long)jc_net_param_count(&net), 0, "parameters of a network with sizes "
                   "%s: the count overflows a size_t, so 0", cases[c].why);
    }
}

GRADED_TEST(network, forward, 2, SEC_NETWORK)
{
    rng r;
    grade_rng(&r);
    char what[200];
    for (int round = 0; round < 40; round++) {
        size_t layers = 1 + rng_below(&r, 6);
        jc_tanh_net net = random_net(&r, layers, 1 + rng_below(&r, 20), 1 + rng_below(&r, 20), 24,
                                     round % 3 == 0 ? 2.0 : 1.0);
        describe(&net, what, sizeof what);
        size_t in = net.sizes[0], out = net.sizes[layers];
        double *x = alloc_doubles(in), *y = alloc_doubles(out);
        long double *want = alloc_long_doubles(out);
        fill_uniform(&r, x, in, -2, 2);
        ref_net_forward(&net, x, want);
        expect_status(jc_net_forward(&net, x, y), JC_OK, "jc_net_forward of %s", what);
        for (size_t i = 0; i < out; i++)
            expect_near(y[i], (double)want[i], 1e-13, "jc_net_forward of %s: output %zu (every "
                        "layer, the last included, ends with tanh)", what, i);
        free(x);
        free(y);
        free(want);
        free((double *)net.params);
    }
}

/* |came - want| entry by entry, within what rounding allows: a few eps times
 * the sum of the network's widths, relative to the product of absolute values. */
static void expect_jacobian(const double *came, const long double *want,
                            const long double *abs_product, const jc_tanh_net *net,
                            const char *what)
{
    size_t width = 0, n = net->sizes[0], m = net->sizes[net->layers];
    for (size_t l = 0; l <= net->layers; l++)
        width += net->sizes[l] + 4;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            long double tol = 64.0L * width * EPS * abs_product[i * n + j] + 1e-300L;
            long double e = want[i * n + j];
            if (!(fabsl(came[i * n + j] - e) <= tol))
                grade_fail("%s: dy%zu / dx%zu: expected %.17Lg, came %.17g (tolerance %.2Lg)",
                           what, i, j, e, came[i * n + j], tol);
        }
}

static void check_modes(jc_tanh_net *net, rng *r)
{
    char name[160], what[300];
    describe(net, name, sizeof name);
    size_t in = net->sizes[0], out = net->sizes[net->layers];
    double *x = alloc_doubles(in), *jac = alloc_doubles(in * out), *y = alloc_doubles(out);
    long double *want = alloc_long_doubles(in * out), *abs_product = alloc_long_doubles(in * out);
    long double *fx = alloc_long_doubles(out);
    fill_uniform(r, x, in, -1.5, 1.5);
    ref_net_jacobian(net, x, want, abs_product);
    ref_net_forward(net, x, fx);
    for (int mode = JC_MODE_AUTO; mode <= JC_MODE_REVERSE; mode++) {
        snprintf(what, sizeof what, "jc_net_jacobian of %s in %s", name, MODE_NAMES[mode]);
        for (size_t i = 0; i < out; i++)
            y[i] = NAN;
        expect_status(jc_net_jacobian(net, x, (jc_mode)mode, jac, y), JC_OK, "%s", what);
        expect_jacobian(jac, want, abs_product, net, what);
        for (size_t i = 0; i < out; i++)
            expect_near(y[i], (double)fx[i], 1e-13, "%s: the output y[%zu]", what, i);
        expect_status(jc_net_jacobian(net, x, (jc_mode)mode, jac, NULL), JC_OK, "%s with y = NULL",
                      what);
        expect_jacobian(jac, want, abs_product, net, what);
    }
    free(x);
    free(jac);
    free(y);
    free(want);
    free(abs_product);
    free(fx);
}

GRADED_TEST(network, jacobian_modes, 3, SEC_NETWORK)
{
    rng r;
    grade_rng(&r);
    const size_t wide[] = {30, 16, 8, 2}, narrow[] = {2, 8, 16, 30}, one[] = {5, 3};
    const size_t *shapes[] = {wide, narrow, one};
    const size_t layers[] = {3, 3, 1};
    for (int s = 0; s < 3; s++) {
        jc_tanh_net net = ref_net_make(shapes[s], layers[s], 1.0, &r);
        check_modes(&net, &r);
        free((double *)net.params);
    }
    for (int round = 0; round < 20; round++) {
        jc_tanh_net net = random_net(&r, 1 + rng_below(&r, 6), 1 + rng_below(&r, 24),
                                     1 + rng_below(&r, 24), 24, round % 2 ? 1.5 : 1.0);
        check_modes(&net, &r);
        free((double *)net.params);
    }
}

/* A network's first k layers and the rest are networks too: J(g o f)(x) =
 * J_g(f(x)) J_f(x), all three from the student's code. */
GRADED_TEST(network, chain_rule, 2, SEC_NETWORK)
{
    rng r;
    grade_rng(&r);
    char name[160];
    for (int round = 0; round < 20; round++) {
        size_t layers = 2 + rng_below(&r, 5);
        jc_tanh_net net = random_net(&r, layers, 1 + rng_below(&r, 16), 1 + rng_below(&r, 16), 16,
                                     1.0);
        describe(&net, name, sizeof name);
        size_t k = 1 + rng_below(&r, layers - 1), in = net.sizes[0], out = net.sizes[layers];
        size_t mid = net.sizes[k];
        jc_tanh_net first = net, rest = net;
        first.layers = k;
        rest.layers = layers - k;
        memmove(rest.sizes, net.sizes + k, (layers - k + 1) * sizeof *rest.sizes);
        rest.params = net.params + expected_count(&first);
        double *x = alloc_doubles(in), *h = alloc_doubles(mid), *jf = alloc_doubles(mid * in);
        double *jg = alloc_doubles(out * mid), *j = alloc_doubles(out * in);
        double *jr = alloc_doubles(out * in);
        long double *product = alloc_long_doubles(out * in), *want = alloc_long_doubles(out * in);
        long double *abs_product = alloc_long_doubles(out * in);
        fill_uniform(&r, x, in, -1.5, 1.5);
        jc_mode mode = (jc_mode)(1 + rng_below(&r, 2));
        expect_status(jc_net_jacobian(&first, x, mode, jf, h), JC_OK, "jc_net_jacobian of the "
                      "first %zu layers of %s", k, name);
        expect_status(jc_net_jacobian(&rest, h, mode, jg, NULL), JC_OK, "jc_net_jacobian of the "
                      "last %zu layers of %s", layers - k, name);
        expect_status(jc_net_jacobian(&net, x, JC_MODE_FORWARD, j, NULL), JC_OK, "jc_net_jacobian "
                      "of %s in JC_MODE_FORWARD", name);
        expect_status(jc_net_jacobian(&net, x, JC_MODE_REVERSE, jr, NULL), JC_OK,
                      "jc_net_jacobian of %s in JC_MODE_REVERSE", name);
        for (size_t a = 0; a < out; a++)
            for (size_t b = 0; b < in; b++) {
                long double s = 0;
                for (size_t c = 0; c < mid; c++)
                    s += (long double)jg[a * mid + c] * jf[c * in + b];
                product[a * in + b] = s;
            }
        ref_net_jacobian(&net, x, want, abs_product);
        for (size_t i = 0; i < out * in; i++)
            abs_product[i] *= 2; /* two computations, each off by its rounding */
        char what[300];
        snprintf(what, sizeof what, "%s split after layer %zu: J_g(f(x)) J_f(x) against the "
                 "whole network's J (forward mode)", name, k);
        expect_jacobian(j, product, abs_product, &net, what);
        snprintf(what, sizeof what, "%s: JC_MODE_REVERSE against JC_MODE_FORWARD (the same "
                 "product, multiplied from the other end)", name);
        long double *forward = alloc_long_doubles(out * in);
        for (size_t i = 0; i < out * in; i++)
            forward[i] = j[i];
        expect_jacobian(jr, forward, abs_product, &net, what);
        free(forward);
        free(x);
        free(h);
        free(jf);
        free(jg);
        free(j);
        free(jr);
        free(product);
        free(want);
        free(abs_product);
        free((double *)net.params);
    }
}

GRADED_TEST(network, errors, 1, SEC_NETWORK)
{
    rng r;
    grade_rng(&r);
    const size_t sizes[] = {3, 4, 2};
    jc_tanh_net net = ref_net_make(sizes, 2, 1.0, &r);
    double x[3] = {0.1, 0.2, 0.3}, y[2], jac[6];
    expect_status(jc_net_forward(NULL, x, y), JC_ERR_ARG, "jc_net_forward(NULL, ...)");
    expect_status(jc_net_forward(&net, NULL, y), JC_ERR_ARG, "jc_net_forward with x = NULL");
    expect_status(jc_net_forward(&net, x, NULL), JC_ERR_ARG, "jc_net_forward with y = NULL");
    expect_status(jc_net_jacobian(NULL, x, JC_MODE_AUTO, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian(NULL, ...)");
    expect_status(jc_net_jacobian(&net, NULL, JC_MODE_AUTO, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian with x = NULL");
    expect_status(jc_net_jacobian(&net, x, JC_MODE_AUTO, NULL, y), JC_ERR_ARG,
                  "jc_net_jacobian with jac = NULL");
    expect_status(jc_net_jacobian(&net, x, (jc_mode)3, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian with mode 3 (no such mode)");
    expect_status(jc_net_jacobian(&net, x, (jc_mode)-1, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian with mode -1");
    jc_tanh_net bad = net;
    bad.params = NULL;
    expect_status(jc_net_forward(&bad, x, y), JC_ERR_ARG, "jc_net_forward with params = NULL");
    expect_status(jc_net_jacobian(&bad, x, JC_MODE_AUTO, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian with params = NULL");
    bad = net;
    bad.layers = 0;
    expect_status(jc_net_forward(&bad, x, y), JC_ERR_ARG, "jc_net_forward of 0 layers");
    expect_status(jc_net_jacobian(&bad, x, JC_MODE_FORWARD, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian of 0 layers");
    bad = net;
    bad.sizes[1] = 0;
    expect_status(jc_net_forward(&bad, x, y), JC_ERR_ARG, "jc_net_forward with sizes[1] = 0");
    expect_status(jc_net_jacobian(&bad, x, JC_MODE_REVERSE, jac, y), JC_ERR_ARG,
                  "jc_net_jacobian with sizes[1] = 0");
    bad = net;
    bad.layers = JC_MAX_LAYERS + 1;
    expect_status(jc_net_forward(&bad, x, y), JC_ERR_ARG, "jc_net_forward of %d layers",
                  JC_MAX_LAYERS + 1);
    free((double *)net.params);
}
