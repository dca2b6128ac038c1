/* Exercise 4: a digit classifier (chapter section 6). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grade.h"
#include "reference.h"

#define DIGITS "data/digits.csv"
#define TRAIN_ROWS 1437
#define TEST_ROWS 360

static int is_zeroed(const sm_digits *d)
{
    return d->n == 0 && !d->pixels && !d->labels;
}

static void load_ok(const char *path, sm_digits *d)
{
    char err[512] = "";
    sm_status s = sm_digits_load(path, d, err, sizeof err);
    if (s != SM_OK)
        grade_fail("sm_digits_load(\"%s\"): expected SM_OK, came %s (message: \"%s\")", path,
                   status_name(s), err);
}

/* Pixels and labels of a loaded data set against the grader's own parse. */
static void expect_same_digits(const sm_digits *d, const double *pixels,
                               const unsigned char *labels, size_t n, const char *what)
{
    expect_int((long long)d->n, (long long)n, "rows in %s", what);
    for (size_t i = 0; i < n; i++) {
        expect_int(d->labels[i], labels[i], "label of row %zu of %s", i, what);
        for (size_t j = 0; j < SM_PIXELS; j++)
            expect_near(d->pixels[i * SM_PIXELS + j], pixels[i * SM_PIXELS + j], 0,
                        "pixel %zu of row %zu of %s (scaled from 0..16 to 0..1)", j, i, what);
    }
}

GRADED_TEST(classifier, loads_the_digits, 2, "6.1 The digits")
{
    sm_digits d;
    memset(&d, 0x5a, sizeof d);
    load_ok(DIGITS, &d);
    expect_int((long long)d.n, 1797, "rows in %s", DIGITS);
    /* The first line: 0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,... label 0. */
    const double first[16] = {0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0};
    for (int j = 0; j < 16; j++)
        expect_near(d.pixels[j], first[j] / 16, 0, "pixel %d of the first image (%g / 16)", j,
                    first[j]);
    expect_int(d.labels[0], 0, "label of the first image");
    /* Line 1438, the first test image: 0,4,16,15,2,... label 2. */
    expect_near(d.pixels[1437 * 64 + 1], 0.25, 0, "pixel 1 of image 1437 (4 / 16)");
    expect_near(d.pixels[1437 * 64 + 2], 1, 0, "pixel 2 of image 1437 (16 / 16)");
    expect_int(d.labels[1437], 2, "label of image 1437");
    /* The last line: 0,0,10,14,8,1,... label 8. */
    expect_near(d.pixels[1796 * 64 + 2], 0.625, 0, "pixel 2 of the last image (10 / 16)");
    expect_near(d.pixels[1796 * 64 + 3], 0.875, 0, "pixel 3 of the last image (14 / 16)");
    expect_int(d.labels[1796], 8, "label of the last image");

    const int counts[10] = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
    int seen[10] = {0};
    long double ink = 0;
    for (size_t i = 0; i < d.n; i++) {
        expect_true(d.labels[i] <= 9, "label of image %zu: expected 0..9, came %d", i,
                    d.labels[i]);
        seen[d.labels[i]]++;
        for (size_t j = 0; j < SM_PIXELS; j++)
            ink += d.pixels[i * SM_PIXELS + j];
    }
    for (int k = 0; k < 10; k++)
        expect_int(seen[k], counts[k], "images of the digit %d", k);
    expect_near((double)ink, 561718.0 / 16, 1e-15, "sum of all pixels (561718 / 16)");

    /* Every value, against the grader's own reading of the file. */
    double *pixels;
    unsigned char *labels;
    size_t n = ref_load_digits(DIGITS, &pixels, &labels);
    expect_same_digits(&d, pixels, labels, n, DIGITS);
    free(pixels);
    free(labels);
    sm_digits_free(&d);
    expect_true(is_zeroed(&d), "sm_digits_free should zero the struct");
    sm_digits_free(&d); /* safe on a zeroed one */

    /* Random files of random length. */
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 4; round++) {
        size_t rows = 1 + rng_below(&r, round == 3 ? 3000 : 20);
        char *text = malloc(rows * 200 + 1);
        double *px = alloc_doubles(rows * SM_PIXELS);
        unsigned char *lab = malloc(rows);
        if (!text || !lab)
            grade_fail("the grader ran out of memory");
        size_t len = 0;
        for (size_t i = 0; i < rows; i++) {
            for (size_t j = 0; j < SM_PIXELS; j++) {
                unsigned v = (unsigned)rng_below(&r, 17);
                px[i * SM_PIXELS + j] = v / 16.0;
                len += (size_t)sprintf(text + len, "%u,", v);
            }
            lab[i] = (unsigned char)rng_below(&r, 10);
            len += (size_t)sprintf(text + len, "%u\n", lab[i]);
        }
        const char *path = grade_temp_file(text);
        load_ok(path, &d);
        char what[64];
        snprintf(what, sizeof what, "a random file of %zu rows", rows);
        expect_same_digits(&d, px, lab, rows, what);
        sm_digits_free(&d);
        unlink(path);
        free(text);
        free(px);
        free(lab);
    }
}

/* Each case: a way to spoil a good line. */
typedef struct {
    int field;         /* the field to replace (0..64), or -1 */
    const char *value; /* its new text */
    const char *tail;  /* appended to the line */
    const char *why;
} spoiler;

static const spoiler SPOILERS[] = {
    {5, "17", "", "a pixel of 17"},
    {0, "-1", "", "a pixel of -1"},
    {9, "2.5", "", "a pixel of 2.5"},
    {12, "abc", "", "the pixel abc"},
    {3, "", "", "an empty pixel"},
    {64, "10", "", "a label of 10"},
    {64, "x", "", "the label x"},
    {64, "", "", "an empty label"},
    {-1, "", ",3", "66 fields"},
};

/* A line of 64 pixels and a label with one field replaced (or one removed if
 * value is NULL). */
static size_t write_line(char *text, rng *r, int field, const char *value, const char *tail)
{
    size_t len = 0;
    for (int j = 0; j <= SM_PIXELS; j++) {
        if (j == field && !value)
            continue;
        if (j == field)
            len += (size_t)sprintf(text + len, "%s", value);
        else
            len += (size_t)sprintf(text + len, "%u", (unsigned)rng_below(r, j < 64 ? 17 : 10));
        if (j < SM_PIXELS && !(field == SM_PIXELS && !value && j == SM_PIXELS - 1))
            text[len++] = ',';
    }
    len += (size_t)sprintf(text + len, "%s\n", tail);
    return len;
}

static void expect_rejected(const char *text, size_t line, const char *why)
{
    const char *path = grade_temp_file(text);
    sm_digits d;
    memset(&d, 0x5a, sizeof d); /* garbage: the loader must clear it */
    char err[512] = "";
    char what[256];
    snprintf(what, sizeof what, "a file with %s on line %zu", why, line);
    expect_status(sm_digits_load(path, &d, err, sizeof err), SM_ERR_PARSE, what);
    expect_true(is_zeroed(&d), "after rejecting %s the data set should be all zero", what);
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s:%zu: ", path, line);
    expect_true(strncmp(err, prefix, strlen(prefix)) == 0 && strlen(err) > strlen(prefix),
                "for %s the message should start with \"%s\" and say what is wrong; came \"%s\"",
                what, prefix, err);
    /* err may be NULL, and a short buffer gets a truncated message. */
    memset(&d, 0x5a, sizeof d);
    expect_status(sm_digits_load(path, &d, NULL, 0), SM_ERR_PARSE, what);
    expect_true(is_zeroed(&d), "after rejecting %s (err = NULL) the data set should be all "
                "zero", what);
    char *small = malloc(8); /* exact size: writing past it is caught */
    if (!small)
        grade_fail("the grader ran out of memory");
    small[0] = '\0';
    expect_status(sm_digits_load(path, &d, small, 8), SM_ERR_PARSE, what);
    expect_true(memchr(small, '\0', 8) == small + 7 && strncmp(small, prefix, 7) == 0,
                "with err_size = 8 the message should be cut to its first 7 characters "
                "\"%.7s\", came \"%.8s\"", prefix, small);
    free(small);
    unlink(path);
}

GRADED_TEST(classifier, rejects_malformed_files, 2, "6.1 The digits")
{
    rng r;
    grade_rng(&r);
    char text[8192];
    size_t cases = sizeof SPOILERS / sizeof SPOILERS[0];
    for (size_t c = 0; c <= cases; c++) {
        size_t good_before = rng_below(&r, 5), len = 0;
        for (size_t i = 0; i < good_before; i++)
            len += write_line(text + len, &r, -1, "", "");
        if (c < cases)
            len += write_line(text + len, &r, SPOILERS[c].field, SPOILERS[c].value,
                              SPOILERS[c].tail);
        else /* the label dropped: 64 fields */
            len += write_line(text + len, &r, SM_PIXELS, NULL, "");
        write_line(text + len, &r, -1, "", "");
        expect_rejected(text, good_before + 1, c < cases ? SPOILERS[c].why : "64 fields");
    }

    sm_digits d;
    memset(&d, 0x5a, sizeof d);
    char err[512] = "";
    const char *path = "data/no-such-file.csv";
    expect_status(sm_digits_load(path, &d, err, sizeof err), SM_ERR_IO,
                  "loading a file that does not exist");
    expect_true(is_zeroed(&d), "after a failure the data set should be all zero");
    expect_true(strstr(err, path) != NULL, "the error message should name the file: expected "
                "it to contain \"%s\", came \"%s\"", path, err);
}

static void random_model(rng *r, sm_model *m, double scale)
{
    for (int k = 0; k < SM_CLASSES; k++) {
        for (int j = 0; j < SM_PIXELS; j++)
            m->weights[k][j] = scale * rng_normal(r);
        m->bias[k] = scale * rng_normal(r);
    }
}

GRADED_TEST(classifier, model_logits, 1, "6.2 The model")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 20; round++) {
        sm_model m, before;
        random_model(&r, &m, round % 2 ? 0.1 : 10);
        before = m;
        double x[SM_PIXELS], x_before[SM_PIXELS], logits[SM_CLASSES];
        fill_uniform(&r, x, SM_PIXELS, 0, 1);
        memcpy(x_before, x, sizeof x);
        for (int k = 0; k < SM_CLASSES; k++)
            logits[k] = NAN;
        long double expected[SM_CLASSES];
        ref_logits(&m, x, expected);
        sm_model_logits(&m, x, logits);
        for (int k = 0; k < SM_CLASSES; k++)
            expect_near(logits[k], (double)expected[k], 1e-13,
                        "logit %d of a random model (b[%d] + W[%d] . x)", k, k, k);
        expect_true(memcmp(&m, &before, sizeof m) == 0, "sm_model_logits changed the model");
        expect_unchanged(x, x_before, SM_PIXELS, "pixels");
    }
    /* By hand: W = 0 except W[k][k] = k, b[k] = -k, and the image x[j] = 1/2. */
    sm_model m;
    memset(&m, 0, sizeof m);
    for (int k = 0; k < SM_CLASSES; k++) {
        m.weights[k][k] = k;
        m.bias[k] = -k;
    }
    double x[SM_PIXELS], logits[SM_CLASSES];
    for (int j = 0; j < SM_PIXELS; j++)
        x[j] = 0.5;
    sm_model_logits(&m, x, logits);
    for (int k = 0; k < SM_CLASSES; k++)
        expect_near(logits[k], -0.5 * k, 1e-15, "logit %d with W[k][k] = k, b[k] = -k and every "
                    "pixel 1/2 (k/2 - k)", k);
}

/* The image with pixel j at 1 and the others at 0. */
static void unit_image(double *x, int j)
{
    memset(x, 0, SM_PIXELS * sizeof *x);
    x[j] = 1;
}

GRADED_TEST(classifier, predict_and_accuracy, 2, "6.4 Results")
{
    sm_model m;
    memset(&m, 0, sizeof m);
    double x[SM_PIXELS];
    rng r;
    grade_rng(&r);
    fill_uniform(&r, x, SM_PIXELS, 0, 1);
    for (int k = 0; k < SM_CLASSES; k++)
        m.bias[k] = -fabs(k - 6.0);
    expect_int(sm_predict(&m, x), 6, "prediction of a model whose largest bias is digit 6's");
    memset(&m, 0, sizeof m);
    expect_int(sm_predict(&m, x), 0, "prediction of the zero model (a ten-way tie: the "
                                     "smallest digit)");
    m.bias[3] = m.bias[7] = 1;
    expect_int(sm_predict(&m, x), 3, "prediction with a tie between digits 3 and 7");

    /* Templates: pixel k lights digit k. */
    memset(&m, 0, sizeof m);
    for (int k = 0; k < SM_CLASSES; k++)
        m.weights[k][k] = 1;
    for (int j = 0; j < SM_CLASSES; j++) {
        unit_image(x, j);
        expect_int(sm_predict(&m, x), j, "prediction for an image with only pixel %d on, when "
                   "pixel k lights digit k", j);
    }

    /* Six images, four right: confusion[true * 10 + predicted]. */
    const int lit[6] = {0, 1, 2, 2, 5, 9};
    const unsigned char labels[6] = {0, 1, 3, 2, 5, 4};
    double images[6 * SM_PIXELS];
    for (int i = 0; i < 6; i++)
        unit_image(images + i * SM_PIXELS, lit[i]);
    size_t confusion[100];
    for (int i = 0; i < 100; i++)
        confusion[i] = 777;
    expect_near(sm_accuracy(&m, images, labels, 6, confusion), 4.0 / 6, 1e-15,
                "accuracy on six images predicted [0, 1, 2, 2, 5, 9] with labels "
                "[0, 1, 3, 2, 5, 4]");
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++) {
            size_t expected = (t == p && (t == 0 || t == 1 || t == 2 || t == 5)) ||
                              (t == 3 && p == 2) || (t == 4 && p == 9);
            expect_int((long long)confusion[t * 10 + p], (long long)expected,
                       "confusion[%d * 10 + %d] (images of %d predicted as %d) for the six "
                       "images", t, p, t, p);
        }
    expect_near(sm_accuracy(&m, images, labels, 6, NULL), 4.0 / 6, 1e-15,
                "accuracy on the six images with confusion = NULL");

    /* A random model on random images. */
    size_t n = 50 + rng_below(&r, 300);
    double *px = alloc_doubles(n * SM_PIXELS);
    unsigned char *lab = malloc(n);
    if (!lab)
        grade_fail("the grader ran out of memory");
    fill_uniform(&r, px, n * SM_PIXELS, 0, 1);
    random_model(&r, &m, 1);
    size_t right = 0, by_label[10] = {0}, by_prediction[10] = {0};
    for (size_t i = 0; i < n; i++) {
        lab[i] = (unsigned char)rng_below(&r, 10);
        int predicted = ref_predict(&m, px + i * SM_PIXELS);
        expect_int(sm_predict(&m, px + i * SM_PIXELS), predicted,
                   "prediction of a random model for random image %zu (the largest logit)", i);
        if (i % 3 == 0)
            lab[i] = (unsigned char)predicted;
        right += lab[i] == predicted;
        by_label[lab[i]]++;
        by_prediction[predicted]++;
    }
    double acc = sm_accuracy(&m, px, lab, n, confusion);
    expect_near(acc, (double)right / (double)n, 1e-15,
                "accuracy of a random model on %zu random images (%zu right)", n, right);
    size_t total = 0, trace = 0;
    for (int t = 0; t < 10; t++) {
        size_t row = 0, column = 0;
        for (int p = 0; p < 10; p++) {
            row += confusion[t * 10 + p];
            column += confusion[p * 10 + t];
        }
        expect_int((long long)row, (long long)by_label[t], "row %d of the confusion matrix "
                   "(images whose label is %d)", t, t);
        expect_int((long long)column, (long long)by_prediction[t], "column %d of the confusion "
                   "matrix (images predicted as %d)", t, t);
        total += row;
        trace += confusion[t * 10 + t];
    }
    expect_int((long long)total, (long long)n, "sum of the confusion matrix");
    expect_near((double)trace / (double)n, acc, 1e-15, "trace / n of the confusion matrix "
                "against the accuracy");
    free(px);
    free(lab);
}

/* n random images and labels. */
static void random_data(rng *r, size_t n, double **pixels, unsigned char **labels)
{
    *pixels = alloc_doubles(n * SM_PIXELS);
    *labels = malloc(n);
    if (!*labels)
        grade_fail("the grader ran out of memory");
    for (size_t i = 0; i < n * SM_PIXELS; i++)
        (*pixels)[i] = (double)rng_below(r, 17) / 16;
    for (size_t i = 0; i < n; i++)
        (*labels)[i] = (unsigned char)rng_below(r, 10);
}

static void expect_same_model(const sm_model *came, const sm_model *expected, double tol,
                              const char *what)
{
    for (int k = 0; k < SM_CLASSES; k++) {
        for (int j = 0; j < SM_PIXELS; j++)
            expect_near(came->weights[k][j], expected->weights[k][j], tol, "%s: weights[%d][%d]",
                        what, k, j);
        expect_near(came->bias[k], expected->bias[k], tol, "%s: bias[%d]", what, k);
    }
}

/* With one batch of all the examples, an epoch is one step of gradient
 * descent on the mean loss: the grader computes it itself. */
GRADED_TEST(classifier, training_step, 3, "6.3 Training")
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 4; round++) {
        size_t n = round == 3 ? 1 : 20 + rng_below(&r, 60);
        double *pixels;
        unsigned char *labels;
        random_data(&r, n, &pixels, &labels);
        double *pixels_before = grade_copy(pixels, n * SM_PIXELS);
        unsigned char *labels_before = malloc(n);
        if (!labels_before)
            grade_fail("the grader ran out of memory");
        memcpy(labels_before, labels, n);

        sm_model m, expected;
        memset(&m, 0, sizeof m);
        if (round > 0)
            random_model(&r, &m, 0.3);
        expected = m;
        sm_train_options options = {
            .learning_rate = rng_range(&r, 0.1, 1),
            .epochs = round == 2 ? 3 : 1,
            .batch_size = round == 1 ? n + 7 : n,
            .l2 = round == 0 ? 0 : rng_range(&r, 1e-3, 0.1),
            .seed = rng_u64(&r),
        };
        double loss[3] = {NAN, NAN, NAN};
        char what[256];
        snprintf(what, sizeof what, "%zu epoch%s of training on %zu random images with "
                 "batch_size %zu, learning rate %g, l2 %g, from a %s model", options.epochs,
                 options.epochs > 1 ? "s" : "", n, options.batch_size, options.learning_rate,
                 options.l2, round == 0 ? "zero" : "random");
        expect_status(sm_train(&m, pixels, labels, n, &options, loss), SM_OK, what);
        expect_unchanged(pixels, pixels_before, n * SM_PIXELS, "pixels");
        expect_true(memcmp(labels, labels_before, n) == 0, "sm_train changed the labels");
        for (size_t e = 0; e < options.epochs; e++) {
            ref_gradient_step(&expected, pixels, labels, n, options.learning_rate, options.l2);
            long double ref_loss = ref_mean_loss(&expected, pixels, labels, n, options.l2);
            expect_near(loss[e], (double)ref_loss, 1e-12,
                        "epoch_loss[%zu], the mean loss after epoch %zu (with the L2 term), "
                        "after %s", e, e + 1, what);
        }
        expect_same_model(&m, &expected, 1e-12, what);
        free(pixels);
        free(labels);
        free(pixels_before);
        free(labels_before);
    }
}

GRADED_TEST(classifier, training_is_deterministic, 2, "6.3 Training")
{
    rng r;
    grade_rng(&r);
    size_t n = 100 + rng_below(&r, 200);
    double *pixels;
    unsigned char *labels;
    random_data(&r, n, &pixels, &labels);
    sm_model start;
    random_model(&r, &start, 0.1);
    sm_train_options options = {.learning_rate = 0.2, .epochs = 3, .batch_size = 16,
                                .l2 = 1e-3, .seed = rng_u64(&r)};
    sm_model a = start, b = start, c = start;
    double loss_a[3], loss_b[3], loss_c[3];
    expect_status(sm_train(&a, pixels, labels, n, &options, loss_a), SM_OK,
                  "training on random images");
    expect_status(sm_train(&b, pixels, labels, n, &options, loss_b), SM_OK,
                  "training again with the same options");
    expect_true(memcmp(&a, &b, sizeof a) == 0,
                "training twice with the same options (seed %llu) must give the same model, bit "
                "for bit", (unsigned long long)options.seed);
    expect_true(memcmp(loss_a, loss_b, sizeof loss_a) == 0,
                "training twice with the same options must give the same epoch_loss");
    expect_true(memcmp(&a, &start, sizeof a) != 0, "training did not change the model");
    options.seed++;
    expect_status(sm_train(&c, pixels, labels, n, &options, loss_c), SM_OK,
                  "training with another seed");
    expect_true(memcmp(&a, &c, sizeof a) != 0,
                "seeds %llu and %llu gave the same model: the seed should shuffle the examples",
                (unsigned long long)(options.seed - 1), (unsigned long long)options.seed);
    /* epoch_loss is the mean loss of the model after each epoch: at least the
     * last one can be checked without knowing the shuffle. */
    expect_near(loss_a[2], (double)ref_mean_loss(&a, pixels, labels, n, options.l2), 1e-12,
                "epoch_loss[2], the mean loss (with the L2 term) of the trained model");
    /* Without epoch_loss, the same model. */
    sm_model d = start;
    options.seed--;
    expect_status(sm_train(&d, pixels, labels, n, &options, NULL), SM_OK,
                  "training with epoch_loss = NULL");
    expect_true(memcmp(&a, &d, sizeof a) == 0,
                "training with epoch_loss = NULL must give the same model as with it");
    free(pixels);
    free(labels);
}

GRADED_TEST(classifier, training_rejects_bad_arguments, 1, "6.3 Training")
{
    rng r;
    grade_rng(&r);
    double *pixels;
    unsigned char *labels;
    random_data(&r, 10, &pixels, &labels);
    sm_model m;
    memset(&m, 0, sizeof m);
    const sm_train_options good = {.learning_rate = 0.1, .epochs = 1, .batch_size = 4,
                                   .l2 = 0, .seed = 1};
    sm_train_options o = good;
    expect_status(sm_train(NULL, pixels, labels, 10, &o, NULL), SM_ERR_ARG, "model = NULL");
    expect_status(sm_train(&m, NULL, labels, 10, &o, NULL), SM_ERR_ARG, "pixels = NULL");
    expect_status(sm_train(&m, pixels, NULL, 10, &o, NULL), SM_ERR_ARG, "labels = NULL");
    expect_status(sm_train(&m, pixels, labels, 10, NULL, NULL), SM_ERR_ARG, "options = NULL");
    expect_status(sm_train(&m, pixels, labels, 0, &o, NULL), SM_ERR_ARG, "n = 0");
    labels[7] = 10;
    expect_status(sm_train(&m, pixels, labels, 10, &o, NULL), SM_ERR_ARG, "a label of 10");
    labels[7] = 9;
    struct {
        sm_train_options o;
        const char *why;
    } bad[] = {
        {good, "learning_rate = 0"},  {good, "learning_rate = -0.1"},
        {good, "learning_rate = NaN"}, {good, "epochs = 0"},
        {good, "batch_size = 0"},     {good, "l2 = -1"},
        {good, "l2 = NaN"},
    };
    bad[0].o.learning_rate = 0;
    bad[1].o.learning_rate = -0.1;
    bad[2].o.learning_rate = NAN;
    bad[3].o.epochs = 0;
    bad[4].o.batch_size = 0;
    bad[5].o.l2 = -1;
    bad[6].o.l2 = NAN;
    for (size_t c = 0; c < sizeof bad / sizeof bad[0]; c++)
        expect_status(sm_train(&m, pixels, labels, 10, &bad[c].o, NULL), SM_ERR_ARG, bad[c].why);
    expect_status(sm_train(&m, pixels, labels, 10, &o, NULL), SM_OK,
                  "valid options and epoch_loss = NULL");
    free(pixels);
    free(labels);
}

/* The chapter's result with the grader's own options and its own loading and
 * splitting of the data: image i is a test image when i % 5 == 0. */
GRADED_TEST_T(classifier, learns_the_digits, 3, "6.4 Results", 20)
{
    double *all_pixels;
    unsigned char *all_labels;
    size_t n = ref_load_digits(DIGITS, &all_pixels, &all_labels);
    if (n != TRAIN_ROWS + TEST_ROWS)
        grade_fail("the grader read %zu rows from %s, expected 1797", n, DIGITS);
    double *pixels = malloc(n * SM_PIXELS * sizeof *pixels);
    unsigned char *labels = malloc(n);
    if (!pixels || !labels)
        grade_fail("the grader ran out of memory");
    /* Training images first, then the test images, each in file order. */
    size_t train = 0, test = TRAIN_ROWS;
    for (size_t i = 0; i < n; i++) {
        size_t to = i % 5 == 0 ? test++ : train++;
        memcpy(pixels + to * SM_PIXELS, all_pixels + i * SM_PIXELS, SM_PIXELS * sizeof *pixels);
        labels[to] = all_labels[i];
    }
    free(all_pixels);
    free(all_labels);
    sm_model m;
    memset(&m, 0, sizeof m);
    const sm_train_options options = {.learning_rate = 0.5, .epochs = 60, .batch_size = 32,
                                      .l2 = 1e-4, .seed = 42};
    double loss[60];
    for (int e = 0; e < 60; e++)
        loss[e] = NAN;
    expect_status(sm_train(&m, pixels, labels, TRAIN_ROWS, &options, loss), SM_OK,
                  "training on the 1437 training digits (learning rate 0.5, 60 epochs, batches "
                  "of 32, l2 1e-4, seed 42)");
    for (int e = 0; e < 60; e++)
        expect_true(isfinite(loss[e]) && loss[e] > 0, "epoch_loss[%d]: expected a positive "
                    "number, came %g", e, loss[e]);
    expect_true(loss[59] < loss[0], "the training loss should fall: epoch_loss[0] = %g, "
                "epoch_loss[59] = %g", loss[0], loss[59]);
    expect_near(loss[59], (double)ref_mean_loss(&m, pixels, labels, TRAIN_ROWS, options.l2),
                1e-10, "epoch_loss[59], the mean training loss of the trained model");
    /* A correct implementation gets about 0.985 of the training digits and
     * 0.961 to 0.969 of the test digits with these options, depending on how
     * it shuffles (40 seeds of the reference measured). */
    size_t right = 0;
    for (size_t i = 0; i < TRAIN_ROWS; i++)
        right += ref_predict(&m, pixels + i * SM_PIXELS) == labels[i];
    double accuracy = (double)right / TRAIN_ROWS;
    expect_true(accuracy >= 0.97, "accuracy on the 1437 training digits: expected at least "
                "0.97, came %.4f (%zu right)", accuracy, right);
    right = 0;
    for (size_t i = TRAIN_ROWS; i < n; i++)
        right += ref_predict(&m, pixels + i * SM_PIXELS) == labels[i];
    accuracy = (double)right / TEST_ROWS;
    expect_true(accuracy >= 0.95, "accuracy on the 360 test digits: expected at least 0.95, "
                "came %.4f (%zu right)", accuracy, right);
    free(pixels);
    free(labels);
}
