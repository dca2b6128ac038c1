/* Exercise 4: the 3-2-1 network by hand (chapter section 5). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "grade.h"
#include "reference.h"

#define SECTION "5 The 3-2-1 network"

/* The grader's own pass, in long double, written from the formulas. */
typedef struct {
    long double z1[2], h[2], z2, y_hat, loss, dz2, dw2[2], dh[2], dz1[2], dw1[2][3];
} ref_trace;

static void ref_pass(const bp_net321 *n, const double x[3], double y, ref_trace *t)
{
    for (int i = 0; i < 2; i++) {
        t->z1[i] = (long double)n->w1[i][0] * x[0] + (long double)n->w1[i][1] * x[1] +
                   (long double)n->w1[i][2] * x[2] + n->b1[i];
        t->h[i] = t->z1[i] > 0 ? t->z1[i] : 0;
    }
    t->z2 = (long double)n->w2[0][0] * t->h[0] + (long double)n->w2[0][1] * t->h[1] + n->b2[0];
    t->y_hat = 1 / (1 + expl(-t->z2));
    t->loss = -y * logl(t->y_hat) - (1 - y) * logl(1 - t->y_hat);
    t->dz2 = t->y_hat - y;
    for (int i = 0; i < 2; i++) {
        t->dw2[i] = t->dz2 * t->h[i];
        t->dh[i] = n->w2[0][i] * t->dz2;
        t->dz1[i] = t->z1[i] > 0 ? t->dh[i] : 0;
        for (int j = 0; j < 3; j++)
            t->dw1[i][j] = t->dz1[i] * x[j];
    }
}

static void expect_trace(const bp_trace321 *c, const ref_trace *e, double tol, const char *what)
{
    for (int i = 0; i < 2; i++) {
        expect_near(c->z1[i], (double)e->z1[i], tol, "%s: z1[%d]", what, i);
        expect_near(c->h[i], (double)e->h[i], tol, "%s: h[%d] = relu(z1[%d])", what, i, i);
    }
    expect_near(c->z2, (double)e->z2, tol, "%s: z2", what);
    expect_near(c->y_hat, (double)e->y_hat, tol, "%s: y_hat = sigmoid(z2)", what);
    expect_near(c->loss, (double)e->loss, tol, "%s: loss", what);
    expect_near(c->dz2, (double)e->dz2, tol, "%s: dL/dz2 = y_hat - y", what);
    expect_near(c->db2, (double)e->dz2, tol, "%s: dL/db2", what);
    for (int i = 0; i < 2; i++) {
        expect_near(c->dw2[i], (double)e->dw2[i], tol, "%s: dL/dW2[0][%d] = dz2 h[%d]", what, i,
                    i);
        expect_near(c->dh[i], (double)e->dh[i], tol, "%s: dL/dh[%d] = W2[0][%d] dz2", what, i, i);
        expect_near(c->dz1[i], (double)e->dz1[i], tol,
                    "%s: dL/dz1[%d] = dh[%d] relu'(z1[%d]) (the Hadamard product)", what, i, i, i);
        expect_near(c->db1[i], (double)e->dz1[i], tol, "%s: dL/db1[%d]", what, i);
        for (int j = 0; j < 3; j++)
            expect_near(c->dw1[i][j], (double)e->dw1[i][j], tol, "%s: dL/dW1[%d][%d] = dz1[%d] "
                        "x[%d]", what, i, j, i, j);
    }
}

static const bp_net321 EXAMPLE = {{{0.2, -0.4, 0.1}, {0.7, 0.3, -0.5}}, {0.1, -0.2},
                                  {{0.5, -1.0}}, {0.2}};

GRADED_TEST(example, the_worked_example, 3, SECTION)
{
    const double x[3] = {1.0, 0.5, -1.5};
    bp_trace321 t;
    expect_status(bp_net321_pass(&EXAMPLE, x, 1.0, &t), BP_OK, "bp_net321_pass on the example");
    /* By hand: z1 = W1 x + b1 = [-0.15 + 0.1, 1.6 - 0.2]; h = [0, 1.4];
     * z2 = -1.4 + 0.2 = -1.2; y_hat = 1 / (1 + e^1.2); loss = log(1 + e^1.2). */
    long double e12 = expl(1.2L), y_hat = 1 / (1 + e12), d = y_hat - 1;
    expect_near(t.z1[0], -0.05, 1e-15, "z1[0] (W1 x is -0.15; with b1 it is -0.05)");
    expect_near(t.z1[1], 1.4, 1e-15, "z1[1] (W1 x is 1.6; with b1 it is 1.4, not 1.8)");
    expect_near(t.h[0], 0, 0, "h[0] = relu(-0.05)");
    expect_near(t.h[1], 1.4, 1e-15, "h[1] = relu(1.4)");
    expect_near(t.z2, -1.2, 1e-15, "z2 = 0.5 * 0 - 1.0 * 1.4 + 0.2");
    expect_near(t.y_hat, (double)y_hat, 1e-15, "y_hat = sigmoid(-1.2), about 0.2315");
    expect_near(t.loss, (double)log1pl(e12), 1e-15, "loss = -log(y_hat) = log(1 + e^1.2), "
                "about 1.4633");
    expect_near(t.dz2, (double)d, 1e-15, "dL/dz2 = y_hat - 1, about -0.7685");
    expect_near(t.dw2[0], 0, 1e-15, "dL/dW2[0][0] = dz2 * h[0] = 0");
    expect_near(t.dw2[1], (double)(1.4L * d), 1e-15, "dL/dW2[0][1] = dz2 * 1.4, about -1.0759");
    expect_near(t.dh[0], (double)(0.5L * d), 1e-15, "dL/dh[0] = 0.5 dz2");
    expect_near(t.dh[1], (double)(-d), 1e-15, "dL/dh[1] = -1.0 dz2");
    expect_near(t.dz1[0], 0, 0, "dL/dz1[0] = dh[0] * relu'(-0.05) = 0");
    expect_near(t.dz1[1], (double)(-d), 1e-15, "dL/dz1[1] = dh[1] * relu'(1.4)");
    const double xs[3] = {1.0, 0.5, -1.5};
    for (int j = 0; j < 3; j++) {
        expect_near(t.dw1[0][j], 0, 0, "dL/dW1[0][%d]: the dead unit gets no gradient", j);
        expect_near(t.dw1[1][j], (double)(-d * xs[j]), 1e-15, "dL/dW1[1][%d] = dz1[1] x[%d]", j,
                    j);
    }
    bp_net321 net = EXAMPLE;
    bp_net321_step(&net, &t, 0.1);
    const double w1[3] = {0.623, 0.262, -0.385};
    for (int j = 0; j < 3; j++) {
        expect_near(net.w1[0][j], EXAMPLE.w1[0][j], 0, "W1[0][%d] after the step (unchanged)", j);
        expect_near(net.w1[1][j], (double)(EXAMPLE.w1[1][j] + 0.1L * d * xs[j]), 1e-15,
                    "W1[1][%d] after the step", j);
        expect_near(net.w1[1][j], w1[j], 5e-4, "W1[1][%d] after the step, to 3 decimals", j);
    }
    expect_near(net.b1[1], -0.277, 5e-4, "b1[1] after the step, to 3 decimals");
    expect_near(net.w2[0][1], -0.892, 5e-4, "W2[0][1] after the step, to 3 decimals");
    expect_near(net.b2[0], 0.277, 5e-4, "b2 after the step, to 3 decimals");
    bp_trace321 after;
    expect_status(bp_net321_pass(&net, x, 1.0, &after), BP_OK, "bp_net321_pass after the step");
    ref_trace e;
    ref_pass(&net, x, 1.0, &e);
    expect_near(after.loss, (double)e.loss, 1e-14, "the loss after one step");
    expect_true(after.loss < t.loss - 0.1, "the loss after one step (%.6f) should be well below "
                "the loss before (%.6f)", after.loss, t.loss);
}

GRADED_TEST(example, random_networks, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 100; round++) {
        bp_net321 net;
        fill_uniform(&r, &net.w1[0][0], 6, -1, 1);
        fill_uniform(&r, net.b1, 2, -0.5, 0.5);
        fill_uniform(&r, &net.w2[0][0], 2, -2, 2);
        fill_uniform(&r, net.b2, 1, -0.5, 0.5);
        double x[3];
        fill_uniform(&r, x, 3, -2, 2);
        double y = round % 3 == 2 ? rng_uniform(&r) : (double)(round % 2);
        bp_trace321 t;
        expect_status(bp_net321_pass(&net, x, y, &t), BP_OK, "bp_net321_pass");
        ref_trace e;
        ref_pass(&net, x, y, &e);
        char what[96];
        snprintf(what, sizeof what, "random network %d, y = %.3g", round, y);
        expect_trace(&t, &e, 1e-13, what);
        bp_net321 stepped = net;
        bp_net321_step(&stepped, &t, 0.01);
        expect_near(stepped.b2[0], (double)(net.b2[0] - 0.01L * e.dz2), 1e-15,
                    "%s: b2 after a step of 0.01", what);
        expect_near(stepped.w1[1][2], (double)(net.w1[1][2] - 0.01L * e.dw1[1][2]), 1e-15,
                    "%s: W1[1][2] after a step of 0.01", what);
        ref_trace after;
        ref_pass(&stepped, x, y, &after);
        expect_true(after.loss <= e.loss + 1e-15, "%s: the loss after a small step (%.17Lg) "
                    "should not be above the loss before (%.17Lg)", what, after.loss, e.loss);
    }
}
