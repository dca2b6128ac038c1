/* demo.c: computes every number and figure of lesson 02 from the solution.
 *
 *     build/solutions/opt/bin/demo-02-softmax OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it), OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside this
 * file) and OUT_DIR/weights.png (drawn here, through stb_image_write). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "rng.h"
#include "../demo.h"
#include "softmax.h"

enum { EPOCHS = 60 };

/* The options the chapter trains with (section 6.3). */
static const sm_train_options OPTIONS = {
    .learning_rate = 0.5, .epochs = 1, .batch_size = 32, .l2 = 1e-4, .seed = 42};

static void print_vector(FILE *f, const char *label, const double *v, size_t n)
{
    fprintf(f, "%-22s [", label);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%.6g", i ? ", " : "", v[i]);
    fprintf(f, "]\n");
}

/* Sections 2 and 3: the weather scores A and B. */
static void weather(void)
{
    const double A[] = {101, 379, 44}, B[] = {10, -9, -1};
    double p[3], absolute[3];
    FILE *f = open_output("weather.txt");
    sm_normalize(A, 3, p);
    print_vector(f, "A / sum(A)", p, 3);
    sm_status s = sm_normalize(B, 3, p);
    fprintf(f, "%-22s %s (the sum is %g)\n", "B / sum(B)", sm_status_str(s), B[0] + B[1] + B[2]);
    for (int i = 0; i < 3; i++)
        absolute[i] = fabs(B[i]);
    sm_normalize(absolute, 3, p);
    print_vector(f, "|B| / sum(|B|)", p, 3);
    sm_softmax(B, 3, p);
    print_vector(f, "softmax(B)", p, 3);
    sm_softmax(A, 3, p);
    print_vector(f, "softmax(A)", p, 3);
    close_output(f);

    /* The figure: one input, B, three transforms. B / sum(B) has no answer,
     * so its group stays empty (the script labels it); x is the group. */
    double bars[2][4];
    bars[0][0] = 1;
    sm_normalize(absolute, 3, &bars[0][1]);
    bars[1][0] = 2;
    sm_softmax(B, 3, &bars[1][1]);
    write_table("weather.dat", "transform(1 |B|/sum(|B|) 2 softmax(B)) p(sunny) p(cloudy) p(rainy)",
                2, 4, &bars[0][0]);
}

/* Section 4: what goes wrong without the max trick, and masking. */
static void overflow(void)
{
    const double big[] = {1000, 1001, 1002}, masked[] = {2, -INFINITY, 0, -INFINITY};
    double p[4], naive[3], sum = 0;
    for (int i = 0; i < 3; i++)
        sum += naive[i] = exp(big[i]);
    for (int i = 0; i < 3; i++)
        naive[i] /= sum;
    FILE *f = open_output("overflow.txt");
    fprintf(f, "exp(1000) in double: %g\n", exp(1000.0));
    print_vector(f, "naive softmax", naive, 3);
    sm_softmax(big, 3, p);
    print_vector(f, "stable softmax", p, 3);
    fprintf(f, "%-22s %.17g\n", "logsumexp", sm_logsumexp(big, 3));
    sm_softmax(masked, 4, p);
    print_vector(f, "softmax([2,-inf,0,-inf])", p, 4);
    const double far[] = {0, -2000};
    sm_softmax(far, 2, p);
    print_vector(f, "softmax([0,-2000])", p, 2);
    sm_log_softmax(far, 2, p);
    print_vector(f, "log_softmax([0,-2000])", p, 2);
    close_output(f);
}

/* Section 4.3: softmax of B at several temperatures. */
static void temperature(void)
{
    const double B[] = {10, -9, -1};
    FILE *f = open_output("temperature.txt");
    const double shown[] = {0.5, 1, 2, 5, 10, 100};
    double p[3];
    for (int i = 0; i < 6; i++) {
        sm_softmax_temperature(B, 3, shown[i], p);
        char label[32];
        snprintf(label, sizeof label, "T = %g", shown[i]);
        print_vector(f, label, p, 3);
    }
    close_output(f);
    enum { STEPS = 121 };
    static double curve[STEPS][4];
    for (int k = 0; k < STEPS; k++) {
        double t = pow(10.0, -1.0 + 4.0 * k / (STEPS - 1)); /* 0.1 .. 1000 */
        sm_softmax_temperature(B, 3, t, p);
        curve[k][0] = t;
        memcpy(&curve[k][1], p, sizeof p);
    }
    write_table("temperature.dat", "T p(sunny) p(cloudy) p(rainy) for softmax(B / T)", STEPS, 4,
                &curve[0][0]);
}

/* Section 5: entropies, cross-entropies and the gradient. */
static void information(void)
{
    const double weather[] = {0.7, 0.2, 0.1}, uniform[] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    const double one_hot[] = {0, 1, 0}, good[] = {0.1, 0.8, 0.1}, bad[] = {0.8, 0.1, 0.1};
    FILE *f = open_output("entropy.txt");
    fprintf(f, "H([0.7, 0.2, 0.1])          = %.4f nats\n", sm_entropy(weather, 3));
    fprintf(f, "H(uniform over 3)           = %.4f nats (= ln 3)\n", sm_entropy(uniform, 3));
    fprintf(f, "H([0, 1, 0])                = %.4f nats\n", sm_entropy(one_hot, 3));
    fprintf(f, "H([0,1,0], [0.1, 0.8, 0.1]) = %.4f\n", sm_cross_entropy(one_hot, good, 3));
    fprintf(f, "H([0,1,0], [0.8, 0.1, 0.1]) = %.4f\n", sm_cross_entropy(one_hot, bad, 3));
    fprintf(f, "KL([0.7,0.2,0.1] || uniform) = %.4f\n", sm_kl_divergence(weather, uniform, 3));
    fprintf(f, "KL(uniform || [0.7,0.2,0.1]) = %.4f\n", sm_kl_divergence(uniform, weather, 3));
    close_output(f);

    static double curve[200][2];
    for (int i = 0; i < 200; i++) {
        double p = (i + 1) / 200.0;
        curve[i][0] = p;
        curve[i][1] = -log(p);
    }
    write_table("neg_log_p.dat", "p -log(p): the cross-entropy of a one-hot label", 200, 2,
                &curve[0][0]);

    const double logits[] = {2.0, -1.0, 0.5, 0.0};
    double grad[4], numeric[4];
    sm_cross_entropy_grad(logits, 4, 2, grad);
    for (int i = 0; i < 4; i++) {
        double up[4], down[4];
        memcpy(up, logits, sizeof up);
        memcpy(down, logits, sizeof down);
        up[i] += 1e-5;
        down[i] -= 1e-5;
        numeric[i] = (sm_cross_entropy_logits(up, 4, 2) - sm_cross_entropy_logits(down, 4, 2)) / 2e-5;
    }
    f = open_output("gradient.txt");
    fprintf(f, "logits [2, -1, 0.5, 0], label 2\n");
    fprintf(f, "loss                 %.6f\n", sm_cross_entropy_logits(logits, 4, 2));
    print_vector(f, "softmax - one-hot", grad, 4);
    print_vector(f, "central differences", numeric, 4);
    close_output(f);
}

/* Section 3.1: logits are log-odds, and two classes give the sigmoid. */
static void log_odds(void)
{
    const double B[] = {10, -9, -1};
    double q[3];
    sm_softmax(B, 3, q);
    FILE *f = open_output("log_odds.txt");
    fprintf(f, "q = softmax(B)          [%.6g, %.6g, %.6g]\n", q[0], q[1], q[2]);
    fprintf(f, "log(q_sunny / q_rainy)  = %.6f   (a_sunny - a_rainy = 11)\n", log(q[0] / q[2]));
    fprintf(f, "log(q_rainy / q_cloudy) = %.6f   (a_rainy - a_cloudy = 8)\n", log(q[2] / q[1]));
    for (int k = 0; k < 3; k++) {
        const double z = (double[]){-3, 0.5, 2}[k];
        double two[2] = {z, 0}, p2[2];
        sm_softmax(two, 2, p2);
        fprintf(f, "softmax([%4g, 0])_0 = %.9f   sigmoid(%4g) = %.9f\n", z, p2[0], z,
                1 / (1 + exp(-z)));
    }
    close_output(f);
}

/* Section 5.5: the Jacobian of softmax, by formula and by differences. */
static void jacobian(void)
{
    const double a[] = {2, 1, 0.1};
    double q[3], J[3][3], worst = 0;
    sm_softmax(a, 3, q);
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            J[i][j] = (i == j ? q[i] : 0) - q[i] * q[j];
    for (int j = 0; j < 3; j++) { /* column j: d q / d a_j */
        double up[3], down[3], qu[3], qd[3];
        memcpy(up, a, sizeof up);
        memcpy(down, a, sizeof down);
        up[j] += 1e-5;
        down[j] -= 1e-5;
        sm_softmax(up, 3, qu);
        sm_softmax(down, 3, qd);
        for (int i = 0; i < 3; i++)
            worst = fmax(worst, fabs((qu[i] - qd[i]) / 2e-5 - J[i][j]));
    }
    FILE *f = open_output("jacobian.txt");
    print_vector(f, "a", a, 3);
    print_vector(f, "q = softmax(a)", q, 3);
    fprintf(f, "diag(q) - q q^T:\n");
    for (int i = 0; i < 3; i++)
        fprintf(f, "  [%9.6f %9.6f %9.6f]\n", J[i][0], J[i][1], J[i][2]);
    fprintf(f, "largest difference from central differences: %.0e\n", worst);
    close_output(f);
}

/* Section 5.6: cross-entropy against squared error on softmax, for logits
 * [0, z, 0] with label 0: as z grows the model is more confidently wrong.
 * Squared error is 1/2 |q - onehot|^2; its gradient, by the chain rule, is
 * J (q - onehot) with J = diag(q) - q q^T. */
static void squared_error(void)
{
    FILE *f = open_output("squared_error.txt");
    fprintf(f, "logits [0, z, 0], true class 0\n");
    fprintf(f, "   z   q_true   cross-entropy  |gradient|   squared error  |gradient|\n");
    const double zs[] = {0, 2, 5, 10, 20};
    for (int k = 0; k < 5; k++) {
        const double a[] = {0, zs[k], 0};
        double q[3], g_ce[3], d[3], g_se[3] = {0, 0, 0}, se = 0;
        sm_softmax(a, 3, q);
        sm_cross_entropy_grad(a, 3, 0, g_ce);
        for (int i = 0; i < 3; i++) {
            d[i] = q[i] - (i == 0);
            se += 0.5 * d[i] * d[i];
        }
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                g_se[i] += ((i == j ? q[i] : 0) - q[i] * q[j]) * d[j];
        fprintf(f, "%4g  %8.2e  %13.4f  %10.4f   %13.4f  %10.2e\n", zs[k], q[0],
                sm_cross_entropy_logits(a, 3, 0), sqrt(g_ce[0] * g_ce[0] + g_ce[1] * g_ce[1] +
                g_ce[2] * g_ce[2]), se, sqrt(g_se[0] * g_se[0] + g_se[1] * g_se[1] +
                g_se[2] * g_se[2]));
    }
    close_output(f);

    /* The two-class picture: |dL/d(logit difference)| against p(true). */
    enum { STEPS = 199 };
    static double curve[STEPS][3];
    for (int k = 0; k < STEPS; k++) {
        double p = (k + 1) / (STEPS + 1.0);
        curve[k][0] = p;
        curve[k][1] = 1 - p;                     /* cross-entropy: q - y */
        curve[k][2] = 2 * p * (1 - p) * (1 - p); /* squared error */
    }
    write_table("squared_error.dat", "p(true) |grad| of cross-entropy, of squared error (two classes)",
                STEPS, 3, &curve[0][0]);
}

/* The simple correct softmax of every row (section 7.1): everything in
 * double, only the results rounded to float. Works in place. */
static void softmax_rows_double(const float *x, size_t rows, size_t cols, float *out)
{
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        float *o = out + r * cols;
        double m = -INFINITY, sum = 0.0;
        for (size_t j = 0; j < cols; j++)
            if (row[j] > m)
                m = row[j];
        for (size_t j = 0; j < cols; j++) {
            double e = exp((double)row[j] - m);
            o[j] = (float)e;
            sum += e;
        }
        for (size_t j = 0; j < cols; j++)
            o[j] = (float)(o[j] / sum);
    }
}

/* The obvious float version; with double_sum, the same with the sum kept
 * in double. */
static void softmax_rows_float(const float *x, size_t rows, size_t cols, float *out,
                               int double_sum)
{
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        float *o = out + r * cols;
        float m = -INFINITY, fsum = 0.0f;
        double dsum = 0.0;
        for (size_t j = 0; j < cols; j++)
            if (row[j] > m)
                m = row[j];
        for (size_t j = 0; j < cols; j++) {
            o[j] = expf(row[j] - m);
            fsum += o[j];
            dsum += o[j];
        }
        for (size_t j = 0; j < cols; j++)
            o[j] = double_sum ? (float)(o[j] / dsum) : o[j] / fsum;
    }
}

/* The largest |out - p| / p, p computed in long double from the same floats,
 * over the probabilities a normal float can hold. */
static double max_relative_error(const float *x, const float *out, size_t rows, size_t cols)
{
    double worst = 0.0;
    for (size_t r = 0; r < rows; r++) {
        const float *row = x + r * cols;
        long double m = -INFINITY, sum = 0.0L;
        for (size_t j = 0; j < cols; j++)
            m = fmaxl(m, row[j]);
        for (size_t j = 0; j < cols; j++)
            sum += expl(row[j] - m);
        for (size_t j = 0; j < cols; j++) {
            long double p = expl(row[j] - m) / sum;
            if (p >= FLT_MIN)
                worst = fmax(worst, (double)(fabsl(out[r * cols + j] - p) / p));
        }
    }
    return worst;
}

/* Section 7: how accurate each way of computing a row is, on 200 rows of
 * 1000 logits, 5 times a standard normal (as `make bench` uses). */
static void rows_accuracy(void)
{
    enum { ROWS = 200, COLS = 1000 };
    float *x = malloc(ROWS * COLS * sizeof *x), *out = malloc(ROWS * COLS * sizeof *out);
    if (!x || !out) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    rng r;
    rng_seed(&r, 2);
    for (size_t i = 0; i < (size_t)ROWS * COLS; i++)
        x[i] = (float)(5.0 * rng_normal(&r));
    FILE *f = open_output("rows.txt");
    fprintf(f, "%d rows of %d logits (5 x standard normal); largest relative error:\n", ROWS, COLS);
    softmax_rows_float(x, ROWS, COLS, out, 0);
    fprintf(f, "  float: expf(x - m), float sum      %.2e\n",
            max_relative_error(x, out, ROWS, COLS));
    softmax_rows_float(x, ROWS, COLS, out, 1);
    fprintf(f, "  float: expf(x - m), double sum     %.2e\n",
            max_relative_error(x, out, ROWS, COLS));
    softmax_rows_double(x, ROWS, COLS, out);
    fprintf(f, "  double: exp(x - m), double sum     %.2e\n",
            max_relative_error(x, out, ROWS, COLS));
    close_output(f);
    free(x);
    free(out);
}

/* Loads the digits and splits them the course's way. */
static void load_digits(sm_digits *train, sm_digits *test)
{
    sm_digits all;
    char err[512];
    if (sm_digits_load("data/digits.csv", &all, err, sizeof err) != SM_OK) {
        fprintf(stderr, "demo: %s\n", err);
        exit(1);
    }
    if (sm_digits_split(&all, train, test) != SM_OK) {
        fprintf(stderr, "demo: cannot split the digits\n");
        exit(1);
    }
    sm_digits_free(&all);
}

/* Draws the ten weight vectors as 8 x 8 tiles, red for positive weights and
 * blue for negative, each pixel a 12 x 12 block, with 4-pixel gaps. */
static void draw_weights(const sm_model *model)
{
    enum { SCALE = 12, GAP = 4, TILE = 8 * SCALE };
    const size_t width = SM_CLASSES * TILE + (SM_CLASSES + 1) * GAP, height = TILE + 2 * GAP;
    float *rgb = malloc(width * height * 3 * sizeof *rgb);
    if (!rgb) {
        fprintf(stderr, "demo: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < width * height * 3; i++)
        rgb[i] = 1.0f;
    double largest = 0;
    for (int c = 0; c < SM_CLASSES; c++)
        for (int j = 0; j < SM_PIXELS; j++)
            largest = fmax(largest, fabs(model->weights[c][j]));
    for (int c = 0; c < SM_CLASSES; c++)
        for (size_t y = 0; y < TILE; y++)
            for (size_t x = 0; x < TILE; x++) {
                double w = model->weights[c][(y / SCALE) * 8 + x / SCALE] / largest;
                float *px = &rgb[((GAP + y) * width + GAP + c * (TILE + GAP) + x) * 3];
                px[0] = (float)(w < 0 ? 1 + w : 1);     /* fade to blue below 0 */
                px[1] = (float)(1 - fabs(w));
                px[2] = (float)(w > 0 ? 1 - w : 1);     /* fade to red above 0 */
            }
    char path[1024];
    output_path(path, sizeof path, "weights.png");
    if (image_write_rgb(path, width, height, rgb, 0.0f, 1.0f) != 0) {
        fprintf(stderr, "demo: cannot write %s\n", path);
        exit(1);
    }
    free(rgb);
}

/* Section 6.1: the same training, tested on the last 360 digits (writers
 * the training set has hardly seen) instead of every fifth one. */
static void other_split(double interleaved_accuracy)
{
    sm_digits all;
    char err[512];
    if (sm_digits_load("data/digits.csv", &all, err, sizeof err) != SM_OK) {
        fprintf(stderr, "demo: %s\n", err);
        exit(1);
    }
    const size_t train_rows = all.n - 360;
    sm_model model;
    memset(&model, 0, sizeof model);
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
        sm_train_options options = OPTIONS;
        options.seed = OPTIONS.seed + (uint64_t)epoch;
        if (sm_train(&model, all.pixels, all.labels, train_rows, &options, NULL) != SM_OK) {
            fprintf(stderr, "demo: training failed\n");
            exit(1);
        }
    }
    double last = sm_accuracy(&model, all.pixels + train_rows * SM_PIXELS,
                              all.labels + train_rows, 360, NULL);
    FILE *f = open_output("split.txt");
    fprintf(f, "test accuracy, every fifth digit held out: %.2f%%\n", 100 * interleaved_accuracy);
    fprintf(f, "test accuracy, the last 360 held out:      %.2f%%\n", 100 * last);
    close_output(f);
    sm_digits_free(&all);
}

/* Section 6: softmax regression on the digits, one epoch at a time so that
 * the test accuracy can be recorded after each. */
static void classifier(void)
{
    sm_digits train_set, test_set;
    load_digits(&train_set, &test_set);
    const double *train = train_set.pixels, *test = test_set.pixels;
    const unsigned char *train_labels = train_set.labels, *test_labels = test_set.labels;
    const size_t train_rows = train_set.n, test_rows = test_set.n;
    sm_model model;
    memset(&model, 0, sizeof model);
    static double curve[EPOCHS + 1][4];
    curve[0][0] = 0;
    curve[0][1] = log(SM_CLASSES); /* a zero model predicts uniformly */
    curve[0][2] = sm_accuracy(&model, train, train_labels, train_rows, NULL);
    curve[0][3] = sm_accuracy(&model, test, test_labels, test_rows, NULL);
    for (int epoch = 1; epoch <= EPOCHS; epoch++) {
        sm_train_options options = OPTIONS;
        options.seed = OPTIONS.seed + (uint64_t)epoch;
        double loss;
        if (sm_train(&model, train, train_labels, train_rows, &options, &loss) != SM_OK) {
            fprintf(stderr, "demo: training failed\n");
            exit(1);
        }
        curve[epoch][0] = epoch;
        curve[epoch][1] = loss;
        curve[epoch][2] = sm_accuracy(&model, train, train_labels, train_rows, NULL);
        curve[epoch][3] = sm_accuracy(&model, test, test_labels, test_rows, NULL);
    }
    write_table("training.dat", "epoch train_loss train_accuracy test_accuracy", EPOCHS + 1, 4,
                &curve[0][0]);

    size_t confusion[SM_CLASSES * SM_CLASSES];
    double test_accuracy = sm_accuracy(&model, test, test_labels, test_rows, confusion);
    FILE *f = open_output("training.txt");
    fprintf(f, "learning rate %g, batch size %zu, l2 %g, %d epochs\n", OPTIONS.learning_rate,
            OPTIONS.batch_size, OPTIONS.l2, EPOCHS);
    const int shown[] = {1, 5, 20, EPOCHS};
    for (int i = 0; i < 4; i++)
        fprintf(f, "epoch %2d: loss %.4f, train accuracy %.2f%%, test accuracy %.2f%%\n",
                shown[i], curve[shown[i]][1], 100 * curve[shown[i]][2], 100 * curve[shown[i]][3]);
    double lowest = INFINITY, highest = -INFINITY; /* how large logits get (section 4.1) */
    for (size_t i = 0; i < test_rows; i++) {
        double logits[SM_CLASSES];
        sm_model_logits(&model, test + i * SM_PIXELS, logits);
        for (int c = 0; c < SM_CLASSES; c++) {
            lowest = fmin(lowest, logits[c]);
            highest = fmax(highest, logits[c]);
        }
    }
    fprintf(f, "logits on the test digits: from %.1f to %.1f\n", lowest, highest);
    close_output(f);

    f = open_output("confusion.txt");
    fprintf(f, "true \\ predicted  0  1  2  3  4  5  6  7  8  9\n");
    size_t correct = 0;
    for (int t = 0; t < SM_CLASSES; t++) {
        fprintf(f, "%16d ", t);
        for (int p = 0; p < SM_CLASSES; p++)
            fprintf(f, "%2zu%s", confusion[t * SM_CLASSES + p], p + 1 < SM_CLASSES ? " " : "\n");
        correct += confusion[t * SM_CLASSES + t];
    }
    fprintf(f, "%zu of %zu test digits right (%.2f%%)\n", correct, test_rows, 100 * test_accuracy);
    close_output(f);

    static double cells[SM_CLASSES * SM_CLASSES][3];
    for (int t = 0; t < SM_CLASSES; t++)
        for (int p = 0; p < SM_CLASSES; p++) {
            double *cell = cells[t * SM_CLASSES + p];
            cell[0] = p;
            cell[1] = t;
            cell[2] = (double)confusion[t * SM_CLASSES + p];
        }
    write_table("confusion.dat", "predicted true count", SM_CLASSES * SM_CLASSES, 3,
                &cells[0][0]);
    draw_weights(&model);
    other_split(test_accuracy);
    sm_digits_free(&train_set);
    sm_digits_free(&test_set);
}

int main(int argc, char *argv[])
{
    demo_start(argc, argv);
    weather();
    log_odds();
    overflow();
    temperature();
    information();
    jacobian();
    squared_error();
    rows_accuracy();
    classifier();
    return 0;
}
