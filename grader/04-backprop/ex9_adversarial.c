/* Exercise 9: adversarial examples (chapter section 10). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "10 Adversarial examples"

/* d loss / d x for one example, by central differences on the grader's loss. */
static void numeric_input_grad(const bp_mlp *net, double *x, unsigned char label, long double *g)
{
    for (size_t j = 0; j < net->sizes[0]; j++) {
        double keep = x[j];
        x[j] = keep + 1e-6;
        long double up = ref_mlp_loss(net, x, &label, 1);
        x[j] = keep - 1e-6;
        long double down = ref_mlp_loss(net, x, &label, 1);
        x[j] = keep;
        g[j] = (up - down) / 2e-6L;
    }
}

GRADED_TEST(adversarial, input_gradient, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        size_t sizes[] = {2 + rng_below(&r, 12), 2 + rng_below(&r, 8), 2 + rng_below(&r, 5)};
        bp_mlp net = ref_mlp_make(sizes, 2, round % 2 ? BP_RELU_ACT : BP_TANH_ACT, &r);
        double *x = alloc_doubles(sizes[0]), *g = alloc_doubles(sizes[0]);
        long double *e = alloc_long_doubles(sizes[0]);
        fill_uniform(&r, x, sizes[0], 0, 1);
        unsigned label = (unsigned)rng_below(&r, sizes[2]);
        expect_status(bp_input_gradient(&net, x, label, g), BP_OK, "bp_input_gradient");
        numeric_input_grad(&net, x, (unsigned char)label, e);
        for (size_t j = 0; j < sizes[0]; j++)
            expect_near(g[j], (double)e[j], 1e-7, "d loss / d pixel %zu of a %zu-%zu-%zu "
                        "network, label %u, against central differences", j, sizes[0],
                        sizes[1], sizes[2], label);
        expect_status(bp_input_gradient(&net, x, (unsigned)sizes[2], g), BP_ERR_ARG,
                      "bp_input_gradient with a label out of range");
        free(x);
        free(g);
        free(e);
        ref_mlp_free(&net);
    }
}

GRADED_TEST(adversarial, fgsm_steps_along_the_sign, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 10; round++) {
        size_t sizes[] = {8, 6, 3}, n = 1 + rng_below(&r, 6);
        bp_mlp net = ref_mlp_make(sizes, 2, BP_TANH_ACT, &r);
        double *x = alloc_doubles(n * 8), *out = alloc_doubles(n * 8);
        unsigned char labels[6];
        fill_uniform(&r, x, n * 8, 0, 1);
        x[0] = 0.0; /* at the edges, clipping matters */
        x[1] = 1.0;
        for (size_t i = 0; i < n; i++)
            labels[i] = (unsigned char)rng_below(&r, 3);
        double eps = rng_range(&r, 0.01, 0.3);
        double *x0 = grade_copy(x, n * 8);
        expect_status(bp_fgsm(&net, x, labels, n, eps, 0, 1, out), BP_OK, "bp_fgsm");
        expect_unchanged(x, x0, n * 8, "x (const)");
        long double g[8];
        for (size_t i = 0; i < n; i++) {
            numeric_input_grad(&net, x + i * 8, labels[i], g);
            for (size_t j = 0; j < 8; j++) {
                double v = x[i * 8 + j];
                double step = g[j] > 1e-9 ? eps : g[j] < -1e-9 ? -eps : NAN;
                if (isnan(step))
                    continue; /* too close to 0 to know its sign */
                double want = fmin(1, fmax(0, v + step));
                expect_near(out[i * 8 + j], want, 1e-15, "FGSM with epsilon %g, example %zu of "
                            "%zu, pixel %zu (%.4f, gradient %.3Lg): x + epsilon sign(gradient), "
                            "clipped to [0, 1]", eps, i, n, j, v, g[j]);
            }
            expect_true(ref_mlp_loss(&net, out + i * 8, labels + i, 1) >=
                            ref_mlp_loss(&net, x + i * 8, labels + i, 1),
                        "the loss of example %zu should not fall under FGSM", i);
        }
        expect_status(bp_fgsm(&net, x, labels, n, 0, 0, 1, out), BP_OK, "bp_fgsm with epsilon 0");
        expect_unchanged(out, x, n * 8, "FGSM with epsilon 0 (out = x)");
        expect_status(bp_fgsm(&net, x, labels, n, -0.1, 0, 1, out), BP_ERR_ARG,
                      "bp_fgsm with epsilon -0.1");
        expect_status(bp_fgsm(&net, x, labels, n, 0.1, 1, 0, out), BP_ERR_ARG,
                      "bp_fgsm with lo = 1 > hi = 0");
        free(x);
        free(out);
        free(x0);
        ref_mlp_free(&net);
    }
}

GRADED_TEST_T(adversarial, digits_fall, 2, SECTION, 30)
{
    double *pixels;
    unsigned char *labels;
    size_t n = ref_load_digits("data/digits.csv", &pixels, &labels);
    size_t n_train = n - (n + 4) / 5;
    double *train = alloc_doubles(n_train * BP_PIXELS);
    unsigned char train_labels[1797];
    for (size_t i = 0, t = 0; i < n; i++)
        if (i % 5) {
            memcpy(train + t * BP_PIXELS, pixels + i * BP_PIXELS, BP_PIXELS * sizeof *train);
            train_labels[t++] = labels[i];
        }
    size_t sizes[] = {64, 32, 10};
    bp_mlp net;
    expect_status(bp_mlp_init(&net, sizes, 2, BP_RELU_ACT, 11), BP_OK, "bp_mlp_init");
    const bp_train_options o = {0.05, 0.9, 15, 32, 1e-4, 99};
    expect_status(bp_mlp_train(&net, train, train_labels, n_train, &o, NULL), BP_OK,
                  "bp_mlp_train on the digits");
    /* The test digits: every fifth. */
    size_t n_test = (n + 4) / 5;
    double *test = alloc_doubles(n_test * BP_PIXELS), *adv = alloc_doubles(n_test * BP_PIXELS);
    unsigned char test_labels[360];
    for (size_t t = 0; t < n_test; t++) {
        memcpy(test + t * BP_PIXELS, pixels + 5 * t * BP_PIXELS, BP_PIXELS * sizeof *test);
        test_labels[t] = labels[5 * t];
    }
    double clean = bp_mlp_accuracy(&net, test, test_labels, n_test);
    expect_status(bp_fgsm(&net, test, test_labels, n_test, 0.1, 0, 1, adv), BP_OK,
                  "bp_fgsm on the test digits");
    size_t right = 0;
    for (size_t t = 0; t < n_test; t++) {
        long double logits[10];
        ref_mlp_logits(&net, adv + t * BP_PIXELS, logits);
        size_t best = 0;
        for (size_t c = 1; c < 10; c++)
            best = logits[c] > logits[best] ? c : best;
        right += best == test_labels[t];
    }
    double attacked = (double)right / (double)n_test;
    expect_true(clean >= 0.9 && attacked < clean - 0.3, "FGSM with epsilon 0.1 should take the "
                "test accuracy from above 90%% to at least 30 points lower; came %.1f%% before, "
                "%.1f%% after", 100 * clean, 100 * attacked);
    bp_mlp_free(&net);
    free(pixels);
    free(labels);
    free(train);
    free(test);
    free(adv);
}
