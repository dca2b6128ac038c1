/* digits_test.c: checks support/digits.c on data/digits.csv and on broken
 * copies of its lines written to a temporary directory.
 *
 * The real file must give 1797 images with the first image's pixels and the
 * labels that a glance at the file shows, and the split 1437 + 360. Each
 * broken file (a line one field short or long, a pixel of 17, -1, text or
 * "nan", a label of 10, an empty file, a missing file) must fail with the
 * right status, *out zeroed, and a message naming the file and line; CRLF
 * endings and a last line without a newline must load. Run from the
 * repository's root (make support-test does); exits 1 on a failure. */
#define _POSIX_C_SOURCE 200809L
#include "digits.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
        }                                                                                          \
    } while (0)

static char dir[] = "/tmp/digits_test.XXXXXX";

/* A good line: pixel j of image `seed` is (seed + j) % 17, its label seed % 10. */
static void good_line(char *line, size_t size, unsigned seed, const char *ending)
{
    size_t len = 0;
    for (unsigned j = 0; j < DIGITS_PIXELS; j++)
        len += (size_t)snprintf(line + len, size - len, "%u,", (seed + j) % 17);
    snprintf(line + len, size - len, "%u%s", seed % 10, ending);
}

/* Writes text to dir/name and returns the path (static storage). */
static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        printf("FAIL cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return path;
}

static int is_zeroed(const digits_set *d)
{
    return d->n == 0 && !d->pixels && !d->labels;
}

/* Loads path, expecting `want` and an error that starts with "path:line: " (or
 * "path: " for line 0) and contains `says`; also with err NULL and cut short. */
static void expect_error(const char *path, digits_status want, size_t line, const char *says)
{
    char prefix[160], err[512];
    if (line)
        snprintf(prefix, sizeof prefix, "%s:%zu: ", path, line);
    else
        snprintf(prefix, sizeof prefix, "%s: ", path);
    digits_set d;
    memset(&d, 0x5a, sizeof d);
    digits_status got = digits_load(path, &d, err, sizeof err);
    CHECK(got == want, "%s: status %d, expected %d (\"%s\")", says, got, want, err);
    CHECK(is_zeroed(&d), "%s: *out not zeroed after a failure", says);
    CHECK(strncmp(err, prefix, strlen(prefix)) == 0 && strstr(err, says),
          "expected \"%s...%s...\", came \"%s\"", prefix, says, err);
    CHECK(digits_load(path, &d, NULL, 0) == want && is_zeroed(&d), "%s with err NULL", says);
    char small[8];
    memset(small, 'x', sizeof small);
    CHECK(digits_load(path, &d, small, sizeof small) == want && small[7] == '\0' &&
              strncmp(small, prefix, 7) == 0,
          "%s: with 8 bytes for err expected \"%.7s\", came \"%.8s\"", says, prefix, small);
}

/* A file of three good lines with line 2 replaced by `bad`. */
static void expect_bad_line(const char *name, const char *bad, const char *says)
{
    char text[1024], line[400];
    good_line(line, sizeof line, 1, "\n");
    size_t len = (size_t)snprintf(text, sizeof text, "%s%s\n", line, bad);
    good_line(line, sizeof line, 3, "\n");
    snprintf(text + len, sizeof text - len, "%s", line);
    expect_error(write_file(name, text), DIGITS_ERR_PARSE, 2, says);
}

/* A good line with field `field` (0..64) replaced by value. */
static void spoil(char *line, size_t size, int field, const char *value)
{
    size_t len = 0;
    for (int j = 0; j <= DIGITS_PIXELS; j++) {
        const char *sep = j < DIGITS_PIXELS ? "," : "";
        if (j == field)
            len += (size_t)snprintf(line + len, size - len, "%s%s", value, sep);
        else
            len += (size_t)snprintf(line + len, size - len, "%d%s", j % 17, sep);
    }
}

/* Ways to spoil one field of a good line, and what the error must say. */
static const struct {
    const char *file;
    int field;
    const char *value, *says;
} SPOILED[] = {
    {"seventeen.csv", 5, "17", "pixel 6: '17' is not a whole number from 0 to 16"},
    {"negative.csv", 0, "-1", "pixel 1: '-1'"},
    {"text.csv", 12, "abc", "pixel 13: 'abc'"},
    {"nan.csv", 40, "nan", "pixel 41: 'nan'"},
    {"fraction.csv", 3, "2.5", "pixel 4: '2.5'"},
    {"huge.csv", 7, "99999999999999999999999", "pixel 8: '99999999999999999999999'"},
    {"label.csv", 64, "10", "label: '10' is not a digit from 0 to 9"},
};

static void test_malformed(void)
{
    char good[400], bad[512];
    good_line(good, sizeof good, 2, "");
    snprintf(bad, sizeof bad, "%.*s", (int)(strrchr(good, ',') - good), good);
    expect_bad_line("short.csv", bad, "expected 65 fields (64 pixels and a label), found 64");
    snprintf(bad, sizeof bad, "%s,7", good);
    expect_bad_line("long.csv", bad, "found 66");
    for (size_t i = 0; i < sizeof SPOILED / sizeof SPOILED[0]; i++) {
        spoil(bad, sizeof bad, SPOILED[i].field, SPOILED[i].value);
        expect_bad_line(SPOILED[i].file, bad, SPOILED[i].says);
    }
    expect_bad_line("blank.csv", "", "found 1");
    expect_error(write_file("empty.csv", ""), DIGITS_ERR_PARSE, 1,
                 "the file is empty, expected images");
    char missing[128];
    snprintf(missing, sizeof missing, "%s/no-such-file.csv", dir);
    expect_error(missing, DIGITS_ERR_IO, 0, strerror(ENOENT));
}

/* CRLF endings, and a last line without its newline, load as usual. */
static void test_line_endings(void)
{
    char text[1024], line[400];
    good_line(line, sizeof line, 4, "\r\n");
    size_t len = (size_t)snprintf(text, sizeof text, "%s", line);
    good_line(line, sizeof line, 5, "");
    snprintf(text + len, sizeof text - len, "%s", line);
    const char *path = write_file("crlf.csv", text);
    digits_set d;
    char err[256] = "";
    CHECK(digits_load(path, &d, err, sizeof err) == DIGITS_OK, "CRLF file: \"%s\"", err);
    CHECK(d.n == 2, "CRLF file: %zu images, expected 2", d.n);
    for (size_t i = 0; i < d.n; i++) {
        unsigned seed = 4 + (unsigned)i;
        CHECK(d.labels[i] == seed % 10, "CRLF file: image %zu has label %d", i, d.labels[i]);
        for (unsigned j = 0; j < DIGITS_PIXELS; j++)
            CHECK(d.pixels[i * DIGITS_PIXELS + j] == (double)((seed + j) % 17) / 16,
                  "CRLF file: image %zu pixel %u is %g", i, j, d.pixels[i * DIGITS_PIXELS + j]);
    }
    digits_free(&d);
    CHECK(is_zeroed(&d), "digits_free did not zero the set");
    digits_free(&d);
}

static void test_real_file(void)
{
    static const double first[8] = {0, 0, 5, 13, 9, 1, 0, 0};
    digits_set all, train, test;
    char err[256] = "";
    if (digits_load("data/digits.csv", &all, err, sizeof err) != DIGITS_OK) {
        CHECK(0, "data/digits.csv: \"%s\"", err);
        return;
    }
    CHECK(all.n == 1797, "data/digits.csv: %zu images, expected 1797", all.n);
    for (int j = 0; j < 8; j++)
        CHECK(all.pixels[j] == first[j] / 16, "pixel %d of the first image is %g, expected %g/16",
              j, all.pixels[j], first[j]);
    CHECK(all.labels[0] == 0 && all.labels[1] == 1 && all.labels[all.n - 1] == 8,
          "labels %d, %d ... %d, expected 0, 1 ... 8", all.labels[0], all.labels[1],
          all.labels[all.n - 1]);
    CHECK(digits_split(&all, &train, &test) == DIGITS_OK, "digits_split failed");
    CHECK(train.n == 1437 && test.n == 360, "split %zu + %zu, expected 1437 + 360", train.n,
          test.n);
    CHECK(test.labels[1] == all.labels[5] && train.labels[4] == all.labels[6] &&
              test.pixels[DIGITS_PIXELS + 3] == all.pixels[5 * DIGITS_PIXELS + 3],
          "the split does not keep images 0, 5, 10, ... for the test set");
    digits_free(&test);
    digits_free(&train);
    digits_free(&all);
}

static void test_arguments(void)
{
    digits_set d, e;
    CHECK(digits_load(NULL, &d, NULL, 0) == DIGITS_ERR_ARG && is_zeroed(&d), "NULL path");
    CHECK(digits_load("data/digits.csv", NULL, NULL, 0) == DIGITS_ERR_ARG, "NULL out");
    CHECK(digits_split(NULL, &d, &e) == DIGITS_ERR_ARG, "digits_split of NULL");
}

/* Removes the files the tests wrote (the directory holds nothing else). */
static void remove_files(const char *where)
{
    DIR *d = opendir(where);
    if (!d)
        return;
    char path[512];
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", where, e->d_name);
        unlink(path);
    }
    closedir(d);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        printf("FAIL mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    test_real_file();
    test_malformed();
    test_line_endings();
    test_arguments();
    remove_files(dir);
    rmdir(dir);
    printf("digits: %s\n", failures ? "FAILED" : "all checks passed");
    return failures ? 1 : 0;
}
