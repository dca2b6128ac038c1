/* demo.c: computes every number and figure of lesson 04 from the solution.
 *
 *     build/solutions/opt/bin/demo-04-backprop OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it), OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside this
 * file) and OUT_DIR/adversarial.png (drawn here, through stb_image_write). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "rng.h"
#include "../demo.h"
#include "backprop.h"

enum { EPOCHS = 60 };

/* The chapter's digit network (section 9.3). */
static const size_t DIGIT_SIZES[] = {64, 256, 10};
static const bp_train_options DIGIT_OPTIONS = {
    .learning_rate = 0.05, .momentum = 0.9, .epochs = 1, .batch_size = 32, .l2 = 1e-3, .seed = 42};

static void fail(const char *what, bp_status s)
{
    fprintf(stderr, "demo: %s: %s\n", what, bp_status_str(s));
    exit(1);
}

static void check(bp_status s, const char *what)
{
    if (s != BP_OK)
        fail(what, s);
}

static void print_vector(FILE *f, const char *label, const double *v, size_t n)
{
    fprintf(f, "%-10s [", label);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%.4f", i ? ", " : "", v[i] == 0 ? 0.0 : v[i]); /* no -0 */
    fprintf(f, "]\n");
}

/* Section 1: z = (x + y) w, forward and backward, and the figure's data. */
static void chapter_graph(void)
{
    bp_node storage[5];
    bp_graph g;
    bp_graph_init(&g, storage, 5);
    size_t x = bp_input(&g, -2), y = bp_input(&g, 5), w = bp_input(&g, -4);
    size_t a = bp_apply(&g, BP_ADD, x, y), z = bp_apply(&g, BP_MUL, a, w);
    check(bp_backward(&g, z), "backward on z = (x + y) w");
    FILE *f = open_output("graph.txt");
    const char *names[] = {"x", "y", "w", "a = x + y", "z = a * w"};
    fprintf(f, "node        value   d z / d node\n");
    for (size_t i = 0; i < 5; i++)
        fprintf(f, "%-10s %6g %8g\n", names[i], g.nodes[i].value, g.nodes[i].grad);
    close_output(f);
    /* Node positions for the drawing: x, y, w, +, *. */
    const double pos[5][2] = {{0, 2}, {0, 1}, {0, 0}, {1.5, 1.5}, {3, 0.75}};
    double nodes[5][4];
    for (int i = 0; i < 5; i++) {
        nodes[i][0] = pos[i][0];
        nodes[i][1] = pos[i][1];
        nodes[i][2] = g.nodes[i].value;
        nodes[i][3] = g.nodes[i].grad;
    }
    write_table("graph_nodes.dat", "x y value gradient (nodes x, y, w, a = x + y, z = a w)", 5, 4,
                &nodes[0][0]);
    const int edges[4][2] = {{0, 3}, {1, 3}, {3, 4}, {2, 4}};
    double arrows[4][4];
    for (int e = 0; e < 4; e++) {
        const double *from = pos[edges[e][0]], *to = pos[edges[e][1]];
        arrows[e][0] = from[0];
        arrows[e][1] = from[1];
        arrows[e][2] = to[0] - from[0];
        arrows[e][3] = to[1] - from[1];
    }
    write_table("graph_edges.dat", "x y dx dy (edges of the graph)", 4, 4, &arrows[0][0]);
    (void)a;
    (void)z;
}

/* Section 3: the activations and their derivatives. */
static void activations(void)
{
    enum { STEPS = 161 };
    static double rows[STEPS][7];
    const bp_activation fs[] = {BP_RELU_ACT, BP_SIGMOID_ACT, BP_TANH_ACT};
    for (int k = 0; k < STEPS; k++) {
        double z = -4 + 8.0 * k / (STEPS - 1);
        rows[k][0] = z;
        for (int i = 0; i < 3; i++) {
            rows[k][1 + 2 * i] = bp_activate(fs[i], z);
            rows[k][2 + 2 * i] = bp_activate_grad(fs[i], z);
        }
    }
    write_table("activations.dat", "z relu relu' sigmoid sigmoid' tanh tanh'", STEPS, 7,
                &rows[0][0]);

    /* Section 3: the derivatives where the activations saturate, the
     * textbook way (a difference from 1) and the solution's, against long
     * double closed forms. */
    FILE *f = open_output("saturation.txt");
    fprintf(f, "%-5s %-12s %-12s %-12s %-12s %-12s %s\n", "z", "s (1 - s)", "sigmoid'",
            "exact", "1 - t^2", "tanh'", "exact");
    const double zs[] = {10, 20, 40, 400, 700};
    for (int k = 0; k < 5; k++) {
        double z = zs[k], s = bp_activate(BP_SIGMOID_ACT, z), t = bp_activate(BP_TANH_ACT, z);
        long double e = expl(-(long double)z), e2 = expl(-2 * (long double)z);
        fprintf(f, "%-5g %-12.6g %-12.6g %-12.6Lg %-12.6g %-12.6g %.6Lg\n", z, s * (1 - s),
                bp_activate_grad(BP_SIGMOID_ACT, z), e / ((1 + e) * (1 + e)), 1 - t * t,
                bp_activate_grad(BP_TANH_ACT, z), 4 * e2 / ((1 + e2) * (1 + e2)));
    }
    close_output(f);
}

/* Section 4: the losses of confident right answers and a gradient, the
 * textbook way (the log of a sum that has rounded to 1, sigmoid(z) - y) and
 * the solution's. */
static void confident(void)
{
    FILE *f = open_output("confident.txt");
    fprintf(f, "%-32s %-13s %-13s %s\n", "", "textbook", "solution", "exact");
    const double gaps[] = {10, 40, 700};
    for (int k = 0; k < 3; k++) {
        double logits[2] = {0, -gaps[k]};
        char label[64];
        snprintf(label, sizeof label, "softmax CE of [0, -%g], label 0", gaps[k]);
        fprintf(f, "%-32s %-13.6g %-13.6g %.6Lg\n", label, log(1 + exp(-gaps[k])),
                bp_softmax_cross_entropy(logits, 2, 0, NULL), log1pl(expl(-(long double)gaps[k])));
    }
    double g;
    bp_bce_logit(40, 1, &g);
    fprintf(f, "%-32s %-13.6g %-13.6g %.6Lg\n", "d bce / dz at z = 40, y = 1",
            bp_activate(BP_SIGMOID_ACT, 40) - 1, g, -expl(-40.0L) / (1 + expl(-40.0L)));
    close_output(f);
}

static void print_matrix(FILE *f, const char *name, const double *m, size_t rows, size_t cols)
{
    for (size_t i = 0; i < rows; i++) {
        fprintf(f, "%-4s", i == 0 ? name : "");
        for (size_t j = 0; j < cols; j++)
            fprintf(f, " %8.4f", m[i * cols + j]);
        fprintf(f, "\n");
    }
}

/* Section 3: three linear layers 4 -> 3 -> 3 -> 2 are one linear map. */
static void collapse(void)
{
    rng r;
    rng_seed(&r, 3);
    double w1[3 * 4], w2[3 * 3], w3[2 * 3], b1[3], b2[3], b3[2];
    double *all[] = {w1, w2, w3, b1, b2, b3};
    const size_t counts[] = {12, 9, 6, 3, 3, 2};
    for (int m = 0; m < 6; m++)
        for (size_t i = 0; i < counts[m]; i++)
            all[m][i] = round(rng_range(&r, -2, 2) * 4) / 4; /* quarters: easy to read */
    double w32[2 * 3], w[2 * 4], b[2], t[3];
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 2, 3, 3, 1.0, w3, 3, w2, 3, 0.0, w32, 3);
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 2, 4, 3, 1.0, w32, 3, w1, 4, 0.0, w, 4);
    /* b = W3 (W2 b1 + b2) + b3 */
    memcpy(t, b2, sizeof t);
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 3, 1, 3, 1.0, w2, 3, b1, 1, 1.0, t, 1);
    memcpy(b, b3, sizeof b);
    bp_gemm(BP_NO_TRANS, BP_NO_TRANS, 2, 1, 3, 1.0, w3, 3, t, 1, 1.0, b, 1);
    /* Three layers against one, on 1000 random inputs. */
    bp_dense l1 = {4, 3, w1, b1}, l2 = {3, 3, w2, b2}, l3 = {3, 2, w3, b3}, one = {4, 2, w, b};
    enum { N = 1000 };
    static double x[N * 4], h1[N * 3], h2[N * 3], y3[N * 2], y1[N * 2];
    for (size_t i = 0; i < N * 4; i++)
        x[i] = rng_range(&r, -1, 1);
    bp_dense_forward(&l1, x, N, h1);
    bp_dense_forward(&l2, h1, N, h2);
    bp_dense_forward(&l3, h2, N, y3);
    bp_dense_forward(&one, x, N, y1);
    double worst = 0;
    for (size_t i = 0; i < N * 2; i++)
        worst = fmax(worst, fabs(y3[i] - y1[i]));
    FILE *f = open_output("collapse.txt");
    print_matrix(f, "W1", w1, 3, 4);
    print_matrix(f, "W2", w2, 3, 3);
    print_matrix(f, "W3", w3, 2, 3);
    fprintf(f, "W' = W3 W2 W1:\n");
    print_matrix(f, "W'", w, 2, 4);
    fprintf(f, "b' = W3 (W2 b1 + b2) + b3 = [%.4f, %.4f]\n", b[0], b[1]);
    fprintf(f, "largest |three layers - one layer| over %d random inputs: %.1e\n", N, worst);
    close_output(f);
}

/* Section 5: the worked example, with the corrected numbers. */
static void example(void)
{
    const bp_net321 start = {{{0.2, -0.4, 0.1}, {0.7, 0.3, -0.5}}, {0.1, -0.2}, {{0.5, -1.0}},
                             {0.2}};
    const double x[3] = {1.0, 0.5, -1.5};
    bp_net321 net = start;
    bp_trace321 t, after;
    check(bp_net321_pass(&net, x, 1.0, &t), "the 3-2-1 example");
    FILE *f = open_output("example_forward.txt");
    print_vector(f, "z1", t.z1, 2);
    print_vector(f, "h", t.h, 2);
    fprintf(f, "%-10s %.4f\n%-10s %.4f\n%-10s %.4f\n", "z2", t.z2, "y_hat", t.y_hat, "loss",
            t.loss);
    close_output(f);
    f = open_output("example_backward.txt");
    fprintf(f, "%-10s %.4f\n", "dL/dz2", t.dz2);
    print_vector(f, "dL/dW2", t.dw2, 2);
    fprintf(f, "%-10s %.4f\n", "dL/db2", t.db2);
    print_vector(f, "dL/dh", t.dh, 2);
    print_vector(f, "dL/dz1", t.dz1, 2);
    print_vector(f, "dL/dW1[0]", t.dw1[0], 3);
    print_vector(f, "dL/dW1[1]", t.dw1[1], 3);
    print_vector(f, "dL/db1", t.db1, 2);
    close_output(f);
    bp_net321_step(&net, &t, 0.1);
    check(bp_net321_pass(&net, x, 1.0, &after), "the 3-2-1 example after a step");
    f = open_output("example_update.txt");
    print_vector(f, "W1[0]", net.w1[0], 3);
    print_vector(f, "W1[1]", net.w1[1], 3);
    print_vector(f, "b1", net.b1, 2);
    print_vector(f, "W2", net.w2[0], 2);
    fprintf(f, "%-10s %.4f\n", "b2", net.b2[0]);
    fprintf(f, "loss before the step %.4f, after %.4f (y_hat %.4f -> %.4f)\n", t.loss, after.loss,
            t.y_hat, after.y_hat);
    close_output(f);
}

/* Loads the digits and splits them the course's way. */
static void load_digits(bp_digits *train, bp_digits *test)
{
    bp_digits all;
    char err[512];
    bp_status s = bp_digits_load("data/digits.csv", &all, err, sizeof err);
    if (s != BP_OK) {
        fprintf(stderr, "demo: %s\n", err);
        exit(1);
    }
    check(bp_digits_split(&all, train, test), "splitting the digits");
    bp_digits_free(&all);
}

typedef struct {
    bp_mlp *net;
    const double *x;
    const unsigned char *labels;
    size_t n;
} loss_ctx;

static double mlp_loss(const double *params, void *ctx)
{
    loss_ctx *c = ctx;
    (void)params; /* the same array as c->net->params */
    double loss;
    check(bp_mlp_loss_grad(c->net, c->x, c->labels, c->n, &loss, NULL, NULL), "the loss");
    return loss;
}

/* Section 7: every parameter of three small networks, checked. */
static void gradient_check(const bp_digits *train)
{
    FILE *f = open_output("gradcheck.txt");
    const bp_activation acts[] = {BP_RELU_ACT, BP_SIGMOID_ACT, BP_TANH_ACT};
    const char *names[] = {"relu", "sigmoid", "tanh"};
    for (int a = 0; a < 3; a++) {
        const size_t sizes[] = {64, 16, 12, 10};
        bp_mlp net;
        check(bp_mlp_init(&net, sizes, 3, acts[a], 5), "init");
        double *grad = malloc(net.param_count * sizeof *grad), loss, error;
        if (!grad)
            fail("gradient check", BP_ERR_NOMEM);
        loss_ctx ctx = {&net, train->pixels, train->labels, 8};
        check(bp_mlp_loss_grad(&net, ctx.x, ctx.labels, ctx.n, &loss, grad, NULL), "gradient");
        size_t worst;
        check(bp_gradient_check(mlp_loss, &ctx, net.params, net.param_count, grad, 1e-5, &error,
                                &worst), "check");
        fprintf(f, "64-16-12-10 %-7s network, 8 digits: %zu parameters, largest relative error "
                "%.1e\n", names[a], net.param_count, error);
        free(grad);
        bp_mlp_free(&net);
    }
    close_output(f);
}

/* Set once by main from DEMO_QUICK: the long trainings run a few epochs,
 * fast enough for Valgrind; their numbers are then not the chapter's. */
static int quick;

/* Section 8: how the weights are drawn. The standard deviation is `fixed`
 * if it is not 0, else sqrt(gain / fan_in) (He: gain 2) or, with glorot,
 * sqrt(2 / (fan_in + fan_out)) (Xavier). Biases 0. */
typedef struct {
    const char *name;
    bp_activation act;
    double fixed, gain;
    int glorot;
} init_rule;

static const init_rule INIT_RULES[] = {
    {"tanh, std 0.01", BP_TANH_ACT, 0.01, 0, 0}, {"tanh, std 1", BP_TANH_ACT, 1.0, 0, 0},
    {"tanh, Xavier", BP_TANH_ACT, 0, 0, 1},      {"relu, Xavier", BP_RELU_ACT, 0, 0, 1},
    {"relu, He", BP_RELU_ACT, 0, 2, 0},
};
enum { RULES = sizeof INIT_RULES / sizeof INIT_RULES[0] };

static void draw_weights(bp_mlp *net, const init_rule *rule, uint64_t seed)
{
    rng r;
    rng_seed(&r, seed);
    for (size_t l = 0; l < net->layers; l++) {
        bp_dense *layer = &net->layer[l];
        double in = (double)layer->in, out = (double)layer->out;
        double std = rule->fixed > 0   ? rule->fixed
                     : rule->glorot ? sqrt(2.0 / (in + out))
                                    : sqrt(rule->gain / in);
        for (size_t i = 0; i < layer->in * layer->out; i++)
            layer->w[i] = std * rng_normal(&r);
        for (size_t i = 0; i < layer->out; i++)
            layer->b[i] = 0.0;
    }
}

/* Section 8.1 and 8.2: a 64-256x7-10 network before training. For each rule,
 * the standard deviation of every hidden layer's activations and the norm of
 * every layer's weight gradient, on the first 256 training digits. */
enum { DEEP = 7, WIDE = 256, PROBE = 256 };

static void initialisation(const bp_digits *train)
{
    size_t sizes[DEEP + 2] = {BP_PIXELS};
    for (int l = 1; l <= DEEP; l++)
        sizes[l] = WIDE;
    sizes[DEEP + 1] = BP_CLASSES;
    static double act_std[DEEP][RULES + 1], grad_norm[DEEP + 1][RULES + 1];
    const size_t probe = quick ? 16 : PROBE;
    double *h = malloc(probe * WIDE * sizeof *h);
    if (!h)
        fail("initialisation", BP_ERR_NOMEM);
    for (int k = 0; k < RULES; k++) {
        bp_mlp net;
        check(bp_mlp_init(&net, sizes, DEEP + 1, INIT_RULES[k].act, 1), "init");
        draw_weights(&net, &INIT_RULES[k], 7);
        for (int l = 1; l <= DEEP; l++) {
            check(bp_mlp_forward(&net, train->pixels, probe, (size_t)l, h), "forward");
            double sum = 0, sq = 0, count = (double)(probe * WIDE);
            for (size_t i = 0; i < probe * WIDE; i++)
                sum += h[i];
            for (size_t i = 0; i < probe * WIDE; i++)
                sq += (h[i] - sum / count) * (h[i] - sum / count);
            act_std[l - 1][0] = l;
            act_std[l - 1][k + 1] = sqrt(sq / count);
        }
        double *grad = malloc(net.param_count * sizeof *grad), loss;
        if (!grad)
            fail("initialisation", BP_ERR_NOMEM);
        check(bp_mlp_loss_grad(&net, train->pixels, train->labels, probe, &loss, grad, NULL),
              "gradient");
        for (size_t l = 0; l < net.layers; l++) {
            const bp_dense *layer = &net.layer[l];
            const double *g = grad + (layer->w - net.params);
            double sq = 0;
            for (size_t i = 0; i < layer->in * layer->out; i++)
                sq += g[i] * g[i];
            grad_norm[l][0] = (double)l + 1;
            grad_norm[l][k + 1] = sqrt(sq);
        }
        free(grad);
        bp_mlp_free(&net);
    }
    free(h);
    const char *header = "layer tanh_0.01 tanh_1 tanh_xavier relu_xavier relu_he";
    write_table("init_activations.dat", header, DEEP, RULES + 1, &act_std[0][0]);
    write_table("init_gradients.dat", header, DEEP + 1, RULES + 1, &grad_norm[0][0]);
    FILE *f = open_output("init.txt");
    fprintf(f, "64-256x7-10 before training, 256 digits\n");
    fprintf(f, "std of the activations   layer 1   layer 2   layer 4   layer 7\n");
    for (int k = 0; k < RULES; k++)
        fprintf(f, "  %-22s %9.2e %9.2e %9.2e %9.2e\n", INIT_RULES[k].name, act_std[0][k + 1],
                act_std[1][k + 1], act_std[3][k + 1], act_std[6][k + 1]);
    fprintf(f, "norm of dL/dW            layer 1   layer 4   layer 7   layer 8\n");
    for (int k = 0; k < RULES; k++)
        fprintf(f, "  %-22s %9.2e %9.2e %9.2e %9.2e\n", INIT_RULES[k].name, grad_norm[0][k + 1],
                grad_norm[3][k + 1], grad_norm[6][k + 1], grad_norm[7][k + 1]);
    close_output(f);
}

/* Section 8.3: does depth help? 64-64x d-10 ReLU networks, d hidden layers,
 * trained 20 epochs from He's weights and from std 0.01. */
static void depth(const bp_digits *train, const bp_digits *test)
{
    const int depths[] = {1, 2, 4, 7};
    const init_rule *rules[] = {&INIT_RULES[4], &(const init_rule){"relu, std 0.01",
                                                                  BP_RELU_ACT, 0.01, 0, 0}};
    const size_t epochs = quick ? 2 : 20;
    FILE *f = open_output("depth.txt");
    fprintf(f, "64-64x d-10 ReLU, %zu epochs (rate 0.05, momentum 0.9, batch 32, l2 1e-4)\n",
            epochs);
    fprintf(f, "test accuracy       d = 1     d = 2     d = 4     d = 7\n");
    for (int k = 0; k < 2; k++) {
        fprintf(f, "  %-16s", rules[k]->name);
        for (int i = 0; i < 4; i++) {
            size_t sizes[BP_MAX_LAYERS + 1] = {BP_PIXELS};
            for (int l = 1; l <= depths[i]; l++)
                sizes[l] = 64;
            sizes[depths[i] + 1] = BP_CLASSES;
            bp_mlp net;
            check(bp_mlp_init(&net, sizes, (size_t)depths[i] + 1, BP_RELU_ACT, 1), "init");
            draw_weights(&net, rules[k], 11);
            const bp_train_options o = {0.05, 0.9, epochs, 32, 1e-4, 11};
            check(bp_mlp_train(&net, train->pixels, train->labels, train->n, &o, NULL), "train");
            fprintf(f, " %8.2f%%", 100 * bp_mlp_accuracy(&net, test->pixels, test->labels,
                                                         test->n));
            bp_mlp_free(&net);
        }
        fprintf(f, "\n");
    }
    close_output(f);
}

/* Section 9.1: XOR. The best a line can do (every direction in steps of a
 * degree, every threshold), a linear model trained, and a 2-8-2 network. */
static void xor_problem(void)
{
    const double x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
    const unsigned char y[4] = {0, 1, 1, 0};
    int best = 0;
    for (int deg = 0; deg < 360; deg++) {
        double c = cos(deg * 3.14159265358979323846 / 180), s = sin(deg * 3.14159265358979323846 / 180);
        for (int cut = 0; cut <= 4; cut++) {
            double proj[4];
            for (int i = 0; i < 4; i++)
                proj[i] = c * x[2 * i] + s * x[2 * i + 1];
            /* threshold just above the cut-th smallest projection */
            double sorted[4];
            memcpy(sorted, proj, sizeof sorted);
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++)
                    if (sorted[j] < sorted[i]) {
                        double t = sorted[i];
                        sorted[i] = sorted[j];
                        sorted[j] = t;
                    }
            double threshold = cut == 0 ? sorted[0] - 1 : sorted[cut - 1] + 1e-9;
            int right = 0;
            for (int i = 0; i < 4; i++)
                right += (proj[i] > threshold) == (y[i] == 1);
            best = right > best ? right : best;
        }
    }
    const bp_train_options o = {0.5, 0.9, 300, 4, 0.0, 1};
    const size_t linear_sizes[] = {2, 2}, sizes[] = {2, 8, 2};
    bp_mlp linear, net;
    check(bp_mlp_init(&linear, linear_sizes, 1, BP_TANH_ACT, 1), "init");
    check(bp_mlp_train(&linear, x, y, 4, &o, NULL), "training the linear model");
    check(bp_mlp_init(&net, sizes, 2, BP_TANH_ACT, 1), "init");
    double losses[300];
    check(bp_mlp_train(&net, x, y, 4, &o, losses), "training on XOR");
    FILE *f = open_output("xor.txt");
    fprintf(f, "best accuracy of any line (360 directions, every threshold): %d of 4\n", best);
    fprintf(f, "linear model (2-2) after 300 epochs:  accuracy %.0f%%\n",
            100 * bp_mlp_accuracy(&linear, x, y, 4));
    fprintf(f, "2-8-2 tanh network after 300 epochs: accuracy %.0f%%, loss %.4f\n",
            100 * bp_mlp_accuracy(&net, x, y, 4), losses[299]);
    close_output(f);
    enum { GRID = 101 };
    static double gx[GRID], gy[GRID], z[GRID * GRID], in[GRID * GRID * 2], logits[GRID * GRID * 2];
    for (int i = 0; i < GRID; i++)
        gx[i] = gy[i] = -0.25 + 1.5 * i / (GRID - 1);
    for (int j = 0; j < GRID; j++)
        for (int i = 0; i < GRID; i++) {
            in[2 * (j * GRID + i)] = gx[i];
            in[2 * (j * GRID + i) + 1] = gy[j];
        }
    check(bp_mlp_forward(&net, in, GRID * GRID, 2, logits), "the XOR grid");
    for (int k = 0; k < GRID * GRID; k++) /* p(class 1) = sigmoid(l1 - l0) */
        z[k] = bp_activate(BP_SIGMOID_ACT, logits[2 * k + 1] - logits[2 * k]);
    char path[1024];
    output_path(path, sizeof path, "xor_grid.dat");
    if (plot_write_grid(path, "x1 x2 p(class 1) of the trained 2-8-2 network", GRID, gx, GRID, gy,
                        z) != 0) {
        perror(path);
        exit(1);
    }
    double points[4][3];
    for (int i = 0; i < 4; i++) {
        points[i][0] = x[2 * i];
        points[i][1] = x[2 * i + 1];
        points[i][2] = y[i];
    }
    write_table("xor_points.dat", "x1 x2 class", 4, 3, &points[0][0]);
    bp_mlp_free(&linear);
    bp_mlp_free(&net);
}

/* Section 9.3: the digit network, one epoch at a time. */
static void digits(const bp_digits *train, const bp_digits *test, bp_mlp *net)
{
    check(bp_mlp_init(net, DIGIT_SIZES, 2, BP_RELU_ACT, 42), "init");
    static double curve[EPOCHS + 1][4];
    double loss;
    check(bp_mlp_loss_grad(net, train->pixels, train->labels, train->n, &loss, NULL, NULL), "loss");
    curve[0][1] = loss;
    curve[0][2] = bp_mlp_accuracy(net, train->pixels, train->labels, train->n);
    curve[0][3] = bp_mlp_accuracy(net, test->pixels, test->labels, test->n);
    const int epochs = quick ? 2 : EPOCHS;
    for (int epoch = 1; epoch <= epochs; epoch++) {
        bp_train_options o = DIGIT_OPTIONS;
        o.seed = DIGIT_OPTIONS.seed + (uint64_t)epoch;
        check(bp_mlp_train(net, train->pixels, train->labels, train->n, &o, &loss), "training");
        curve[epoch][0] = epoch;
        curve[epoch][1] = loss;
        curve[epoch][2] = bp_mlp_accuracy(net, train->pixels, train->labels, train->n);
        curve[epoch][3] = bp_mlp_accuracy(net, test->pixels, test->labels, test->n);
    }
    write_table("training.dat", "epoch train_loss train_accuracy test_accuracy", EPOCHS + 1, 4,
                &curve[0][0]);
    FILE *f = open_output("training.txt");
    fprintf(f, "64-256-10 ReLU, rate %g, momentum %g, batch %zu, l2 %g, %d epochs\n",
            DIGIT_OPTIONS.learning_rate, DIGIT_OPTIONS.momentum, DIGIT_OPTIONS.batch_size,
            DIGIT_OPTIONS.l2, EPOCHS);
    const int shown[] = {1, 5, 20, EPOCHS};
    for (int i = 0; i < 4; i++)
        fprintf(f, "epoch %2d: loss %.4f, train accuracy %.2f%%, test accuracy %.2f%%\n",
                shown[i], curve[shown[i]][1], 100 * curve[shown[i]][2], 100 * curve[shown[i]][3]);
    fprintf(f, "%.0f of %zu test digits right\n", curve[EPOCHS][3] * (double)test->n, test->n);
    close_output(f);
}

/* Section 9.3: the same training from eight other initial weights (seeds 1
 * to 8 for bp_mlp_init; the shuffling as above). */
static void seeds(const bp_digits *train, const bp_digits *test)
{
    double lo = 1, hi = 0;
    const int epochs = quick ? 2 : EPOCHS;
    for (uint64_t seed = 1; seed <= 8; seed++) {
        bp_mlp net;
        check(bp_mlp_init(&net, DIGIT_SIZES, 2, BP_RELU_ACT, seed), "init");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            bp_train_options o = DIGIT_OPTIONS;
            o.seed = DIGIT_OPTIONS.seed + (uint64_t)epoch;
            check(bp_mlp_train(&net, train->pixels, train->labels, train->n, &o, NULL),
                  "training");
        }
        double a = bp_mlp_accuracy(&net, test->pixels, test->labels, test->n);
        lo = a < lo ? a : lo;
        hi = a > hi ? a : hi;
        bp_mlp_free(&net);
    }
    FILE *f = open_output("seeds.txt");
    fprintf(f, "the same network and training from initialisation seeds 1 to 8: test accuracy "
            "%.2f%% to %.2f%%\n", 100 * lo, 100 * hi);
    close_output(f);
}

/* Section 9.2: a 64-32-2-10 tanh network; its 2-unit layer, plotted. */
static void representation(const bp_digits *train, const bp_digits *test)
{
    const size_t sizes[] = {64, 32, 2, 10};
    bp_mlp net;
    check(bp_mlp_init(&net, sizes, 3, BP_TANH_ACT, 8), "init");
    const bp_train_options o = {0.05, 0.9, quick ? 5 : 100, 32, 1e-4, 8};
    check(bp_mlp_train(&net, train->pixels, train->labels, train->n, &o, NULL), "training");
    double *h = malloc(test->n * 2 * sizeof *h), *rows = malloc(test->n * 3 * sizeof *rows);
    if (!h || !rows)
        fail("representation", BP_ERR_NOMEM);
    check(bp_mlp_forward(&net, test->pixels, test->n, 2, h), "the hidden layer");
    for (size_t i = 0; i < test->n; i++) {
        rows[3 * i] = h[2 * i];
        rows[3 * i + 1] = h[2 * i + 1];
        rows[3 * i + 2] = test->labels[i];
    }
    write_table("representation.dat", "h1 h2 digit (the 2-unit layer on the test digits)",
                test->n, 3, rows);
    FILE *f = open_output("representation.txt");
    fprintf(f, "64-32-2-10 tanh network, 100 epochs: test accuracy %.2f%%\n",
            100 * bp_mlp_accuracy(&net, test->pixels, test->labels, test->n));
    close_output(f);
    free(h);
    free(rows);
    bp_mlp_free(&net);
}

/* Draws rows of 8 x 8 images (values in [0, 1]; perturbations in [-e, e]
 * mapped to gray), each pixel SCALE x SCALE, 4-pixel gaps. */
static void draw_adversarial(const double *originals, const double *adversarial, size_t count,
                             double eps)
{
    enum { SCALE = 8, GAP = 4, TILE = 8 * SCALE };
    const size_t width = count * TILE + (count + 1) * GAP, height = 3 * TILE + 4 * GAP;
    float *gray = malloc(width * height * sizeof *gray);
    if (!gray)
        fail("drawing", BP_ERR_NOMEM);
    for (size_t i = 0; i < width * height; i++)
        gray[i] = 1.0f;
    for (size_t k = 0; k < count; k++)
        for (int row = 0; row < 3; row++)
            for (size_t y = 0; y < TILE; y++)
                for (size_t x = 0; x < TILE; x++) {
                    size_t p = k * 64 + (y / SCALE) * 8 + x / SCALE;
                    double v = row == 0   ? originals[p]
                               : row == 2 ? adversarial[p]
                                          : 0.5 + 0.5 * (adversarial[p] - originals[p]) / eps;
                    /* ink is dark: 1 - value */
                    gray[(GAP + row * (TILE + GAP) + y) * width + GAP + k * (TILE + GAP) + x] =
                        (float)(1.0 - v);
                }
    char path[1024];
    output_path(path, sizeof path, "adversarial.png");
    if (image_write_gray(path, width, height, gray, 0.0f, 1.0f) != 0) {
        fprintf(stderr, "demo: cannot write %s\n", path);
        exit(1);
    }
    free(gray);
}

/* Section 10: FGSM against random signs, over epsilon. */
static void adversarial(const bp_digits *test, const bp_mlp *net)
{
    const double eps[] = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3};
    enum { COUNT = sizeof eps / sizeof eps[0] };
    size_t values = test->n * BP_PIXELS;
    double *adv = malloc(values * sizeof *adv), *noisy = malloc(values * sizeof *noisy);
    if (!adv || !noisy)
        fail("adversarial", BP_ERR_NOMEM);
    static double curve[COUNT][3];
    FILE *f = open_output("fgsm.txt");
    fprintf(f, "epsilon   FGSM   random signs\n");
    for (int e = 0; e < COUNT; e++) {
        check(bp_fgsm(net, test->pixels, test->labels, test->n, eps[e], 0, 1, adv), "FGSM");
        rng r;
        rng_seed(&r, 9);
        for (size_t i = 0; i < values; i++) {
            double v = test->pixels[i] + (rng_below(&r, 2) ? eps[e] : -eps[e]);
            noisy[i] = v < 0 ? 0 : v > 1 ? 1 : v;
        }
        curve[e][0] = eps[e];
        curve[e][1] = bp_mlp_accuracy(net, adv, test->labels, test->n);
        curve[e][2] = bp_mlp_accuracy(net, noisy, test->labels, test->n);
        fprintf(f, "%7.2f  %5.1f%%  %5.1f%%\n", eps[e], 100 * curve[e][1], 100 * curve[e][2]);
    }
    close_output(f);
    write_table("fgsm.dat", "epsilon fgsm_accuracy random_sign_accuracy", COUNT, 3, &curve[0][0]);

    /* The first test digit of each class at epsilon 0.15, and what the
     * network says of it. */
    enum { SHOWN = BP_CLASSES };
    const double shown_eps = 0.15;
    static double chosen[SHOWN * BP_PIXELS];
    unsigned char chosen_labels[SHOWN];
    for (int d = 0; d < SHOWN; d++) {
        size_t i = 0;
        while (i + 1 < test->n && test->labels[i] != d)
            i++;
        memcpy(chosen + d * BP_PIXELS, test->pixels + i * BP_PIXELS, BP_PIXELS * sizeof *chosen);
        chosen_labels[d] = test->labels[i];
    }
    check(bp_fgsm(net, chosen, chosen_labels, SHOWN, shown_eps, 0, 1, adv), "FGSM");
    draw_adversarial(chosen, adv, SHOWN, shown_eps);
    f = open_output("adversarial.txt");
    fprintf(f, "epsilon %.2f  true:     ", shown_eps);
    for (int k = 0; k < SHOWN; k++)
        fprintf(f, " %d", chosen_labels[k]);
    fprintf(f, "\n              original: ");
    for (int k = 0; k < SHOWN; k++)
        fprintf(f, " %d", bp_mlp_predict(net, chosen + k * BP_PIXELS));
    fprintf(f, "\n              attacked: ");
    for (int k = 0; k < SHOWN; k++)
        fprintf(f, " %d", bp_mlp_predict(net, adv + k * BP_PIXELS));
    fprintf(f, "\n");
    close_output(f);
    free(adv);
    free(noisy);
}

int main(int argc, char *argv[])
{
    quick = demo_start(argc, argv);
    chapter_graph();
    activations();
    confident();
    collapse();
    example();
    bp_digits train, test;
    load_digits(&train, &test);
    gradient_check(&train);
    initialisation(&train);
    depth(&train, &test);
    xor_problem();
    bp_mlp net;
    digits(&train, &test, &net);
    seeds(&train, &test);
    representation(&train, &test);
    adversarial(&test, &net);
    bp_mlp_free(&net);
    bp_digits_free(&train);
    bp_digits_free(&test);
    return 0;
}
