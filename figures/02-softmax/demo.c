/* demo.c: computes every number and figure of lesson 02 from the solution.
 *
 *     build/solutions/opt/bin/demo-02-softmax OUT_DIR
 *
 * writes OUT_DIR/<name>.txt (quoted verbatim by the chapter; `make test`
 * checks it), OUT_DIR/<name>.dat (plotted by the gnuplot scripts beside this
 * file) and OUT_DIR/weights.png (drawn here, through stb_image_write). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
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

    double bars[3][4];
    sm_normalize(A, 3, p);
    for (int i = 0; i < 3; i++)
        bars[i][1] = p[i];
    sm_normalize(absolute, 3, p);
    for (int i = 0; i < 3; i++)
        bars[i][2] = p[i];
    sm_softmax(B, 3, p);
    for (int i = 0; i < 3; i++) {
        bars[i][0] = i;
        bars[i][3] = p[i];
    }
    write_table("weather.dat", "outcome(0 sunny 1 cloudy 2 rainy) A/sum |B|/sum softmax(B)", 3, 4,
                &bars[0][0]);
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
    sm_digits_free(&train_set);
    sm_digits_free(&test_set);
}

int main(int argc, char *argv[])
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 2;
    }
    out_dir = argv[1];
    weather();
    overflow();
    temperature();
    information();
    classifier();
    return 0;
}
