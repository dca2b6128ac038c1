/* Exercise 8: training (chapter section 9). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define XOR "9 XOR and learned representations"
#define DIGITS "9.3 Digits"

static const double XOR_X[8] = {0, 0, 0, 1, 1, 0, 1, 1};
static const unsigned char XOR_Y[4] = {0, 1, 1, 0};

/* The grader's prediction: argmax of its own long double logits. */
static size_t ref_argmax(const bp_mlp *net, const double *x)
{
    long double logits[16];
    ref_mlp_logits(net, x, logits);
    size_t best = 0;
    for (size_t c = 1; c < net->sizes[net->layers]; c++)
        if (logits[c] > logits[best])
            best = c;
    return best;
}

GRADED_TEST(training, xor, 3, XOR)
{
    const bp_train_options o = {0.5, 0.9, 300, 4, 0.0, 1};
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 3; round++) {
        uint64_t seed = rng_u64(&r) % 1000;
        size_t two[] = {2, 8, 2};
        bp_mlp net;
        expect_status(bp_mlp_init(&net, two, 2, BP_TANH_ACT, seed), BP_OK, "bp_mlp_init 2-8-2");
        bp_train_options opt = o;
        opt.seed = seed;
        expect_status(bp_mlp_train(&net, XOR_X, XOR_Y, 4, &opt, NULL), BP_OK,
                      "bp_mlp_train on XOR");
        for (int i = 0; i < 4; i++)
            expect_int((long long)ref_argmax(&net, XOR_X + 2 * i), XOR_Y[i],
                       "a 2-8-2 tanh network (init seed %llu) trained on XOR for 300 epochs: "
                       "its class for (%g, %g)", (unsigned long long)seed, XOR_X[2 * i],
                       XOR_X[2 * i + 1]);
        expect_near(bp_mlp_accuracy(&net, XOR_X, XOR_Y, 4), 1, 0,
                    "bp_mlp_accuracy of the trained XOR network");
        bp_mlp_free(&net);

        size_t one[] = {2, 2};
        expect_status(bp_mlp_init(&net, one, 1, BP_TANH_ACT, seed), BP_OK, "bp_mlp_init 2-2");
        expect_status(bp_mlp_train(&net, XOR_X, XOR_Y, 4, &opt, NULL), BP_OK,
                      "bp_mlp_train of a linear model on XOR");
        size_t right = 0;
        for (int i = 0; i < 4; i++)
            right += ref_argmax(&net, XOR_X + 2 * i) == XOR_Y[i];
        expect_true(right <= 3, "a linear model cannot get all four XOR points right; came %zu",
                    right);
        bp_mlp_free(&net);
    }
}

GRADED_TEST(training, steps_match_the_gradient, 3, XOR)
{
    rng r;
    grade_rng(&r);
    size_t sizes[] = {3, 5, 4};
    const size_t n = 7;
    for (int act = 0; act < 2; act++) {
        bp_mlp net = ref_mlp_make(sizes, 2, act ? BP_SIGMOID_ACT : BP_TANH_ACT, &r);
        double x[7 * 3];
        unsigned char labels[7];
        fill_uniform(&r, x, n * 3, -1, 1);
        for (size_t i = 0; i < n; i++)
            labels[i] = (unsigned char)rng_below(&r, 4);
        const double rate = 0.3, momentum = 0.6, l2 = 0.05;
        size_t count = net.param_count;
        unsigned char *is_weight = calloc(count, 1);
        double *p0 = grade_copy(net.params, count), *expect1 = alloc_doubles(count);
        double *expect2 = alloc_doubles(count), *v = alloc_doubles(count);
        long double *g = alloc_long_doubles(count);
        if (!is_weight)
            grade_fail("the grader ran out of memory");
        for (size_t l = 0; l < 2; l++)
            memset(is_weight + (net.layer[l].w - net.params), 1,
                   net.layer[l].in * net.layer[l].out);
        /* Step 1 from p0, step 2 from p1 with momentum, by the grader. */
        long double l2_term = 0;
        ref_mlp_numeric_grad(&net, x, labels, n, 1e-6, g);
        for (size_t i = 0; i < count; i++) {
            long double gi = g[i] + (is_weight[i] ? l2 * (long double)net.params[i] : 0);
            v[i] = (double)(-rate * gi);
            expect1[i] = net.params[i] + v[i];
        }
        memcpy(net.params, expect1, count * sizeof *expect1);
        for (size_t i = 0; i < count; i++)
            l2_term += is_weight[i] ? 0.5L * l2 * net.params[i] * net.params[i] : 0;
        long double loss1 = ref_mlp_loss(&net, x, labels, n) + l2_term;
        ref_mlp_numeric_grad(&net, x, labels, n, 1e-6, g);
        for (size_t i = 0; i < count; i++) {
            long double gi = g[i] + (is_weight[i] ? l2 * (long double)net.params[i] : 0);
            expect2[i] = (double)(net.params[i] + momentum * v[i] - rate * gi);
        }
        /* The student's: one epoch of one batch, then two. */
        bp_train_options o = {rate, momentum, 1, 100, l2, 5};
        double losses[2] = {NAN, NAN};
        memcpy(net.params, p0, count * sizeof *p0);
        expect_status(bp_mlp_train(&net, x, labels, n, &o, losses), BP_OK,
                      "bp_mlp_train, one epoch of one batch");
        for (size_t i = 0; i < count; i++)
            expect_near(net.params[i], expect1[i], 1e-8, "parameter %zu of %zu after one step "
                        "(rate 0.3, l2 0.05 on weights only): p - rate (g + l2 w)", i, count);
        expect_near(losses[0], (double)loss1, 1e-10, "epoch_loss[0]: the mean cross-entropy "
                    "after the epoch plus l2/2 |W|^2");
        memcpy(net.params, p0, count * sizeof *p0);
        o.epochs = 2;
        expect_status(bp_mlp_train(&net, x, labels, n, &o, losses), BP_OK,
                      "bp_mlp_train, two epochs of one batch");
        for (size_t i = 0; i < count; i++)
            expect_near(net.params[i], expect2[i], 1e-8, "parameter %zu after two steps with "
                        "momentum 0.6: v = 0.6 v - rate g, p += v", i);
        /* The same options give the same network. */
        double *again = grade_copy(net.params, count);
        memcpy(net.params, p0, count * sizeof *p0);
        o.batch_size = 3;
        expect_status(bp_mlp_train(&net, x, labels, n, &o, NULL), BP_OK, "batches of 3");
        double *first = grade_copy(net.params, count);
        memcpy(net.params, p0, count * sizeof *p0);
        expect_status(bp_mlp_train(&net, x, labels, n, &o, NULL), BP_OK, "batches of 3, again");
        expect_unchanged(net.params, first, count, "the network trained twice with the same "
                         "options (the seed must fix the shuffling)");
        o.momentum = 1.0;
        expect_status(bp_mlp_train(&net, x, labels, n, &o, NULL), BP_ERR_ARG, "momentum 1");
        o.momentum = 0.5;
        o.epochs = 0;
        expect_status(bp_mlp_train(&net, x, labels, n, &o, NULL), BP_ERR_ARG, "0 epochs");
        o.epochs = 1;
        labels[2] = 4;
        expect_status(bp_mlp_train(&net, x, labels, n, &o, NULL), BP_ERR_ARG,
                      "a label of 4 with 4 classes");
        free(again);
        free(first);
        free(is_weight);
        free(p0);
        free(expect1);
        free(expect2);
        free(v);
        free(g);
        ref_mlp_free(&net);
    }
}

GRADED_TEST_T(training, digits, 4, DIGITS, 30)
{
    double *pixels;
    unsigned char *labels;
    size_t n = ref_load_digits("data/digits.csv", &pixels, &labels);
    double *train = alloc_doubles(n * BP_PIXELS), *test = alloc_doubles(n * BP_PIXELS);
    unsigned char train_labels[1797], test_labels[1797];
    size_t n_train = 0, n_test = 0;
    for (size_t i = 0; i < n; i++) {
        int is_test = i % 5 == 0;
        double *to = is_test ? test + n_test * BP_PIXELS : train + n_train * BP_PIXELS;
        memcpy(to, pixels + i * BP_PIXELS, BP_PIXELS * sizeof *to);
        if (is_test)
            test_labels[n_test++] = labels[i];
        else
            train_labels[n_train++] = labels[i];
    }
    size_t sizes[] = {64, 32, 10};
    bp_mlp net;
    expect_status(bp_mlp_init(&net, sizes, 2, BP_RELU_ACT, 7), BP_OK, "bp_mlp_init 64-32-10");
    const bp_train_options o = {0.05, 0.9, 20, 32, 1e-4, 2024};
    expect_status(bp_mlp_train(&net, train, train_labels, n_train, &o, NULL), BP_OK,
                  "bp_mlp_train on the 1437 training digits");
    size_t right = 0;
    for (size_t i = 0; i < n_test; i++)
        right += ref_argmax(&net, test + i * BP_PIXELS) == test_labels[i];
    double accuracy = (double)right / (double)n_test;
    expect_true(accuracy >= 0.95, "a 64-32-10 ReLU network trained 20 epochs (rate 0.05, "
                "momentum 0.9, batches of 32, l2 1e-4): expected at least 95%% of the 360 test "
                "digits right, came %.2f%%", 100 * accuracy);
    expect_near(bp_mlp_accuracy(&net, test, test_labels, n_test), accuracy, 1e-15,
                "bp_mlp_accuracy on the test digits (the grader counts %zu right)", right);
    for (size_t i = 0; i < 40; i++)
        expect_int(bp_mlp_predict(&net, test + i * BP_PIXELS),
                   (long long)ref_argmax(&net, test + i * BP_PIXELS), "bp_mlp_predict of test "
                   "digit %zu", i);
    bp_mlp_free(&net);
    free(pixels);
    free(labels);
    free(train);
    free(test);
}
