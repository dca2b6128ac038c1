/* Exercise 1: loading the eye-tracking CSV file (chapter section 2). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grade.h"
#include "reference.h"

#define SECTION "2 The data"
#define TRAIN "data/eyetrack_train.csv"
#define TEST "data/eyetrack_test.csv"
#define HEADER "gender,mean_pupil_dilation,total_reading_time,num_fixations\n"

static int is_zeroed(const lr_eyetrack *d)
{
    return d->n == 0 && !d->gender && !d->pupil_dilation && !d->reading_time && !d->fixations;
}

static void load_ok(const char *path, lr_eyetrack *d)
{
    char err[512] = "";
    lr_status s = lr_eyetrack_load(path, d, err, sizeof err);
    if (s != LR_OK)
        grade_fail("lr_eyetrack_load(\"%s\"): expected LR_OK, came %s (message: \"%s\")", path,
                   status_name(s), err);
}

GRADED_TEST(data, loads_the_training_set, 3, SECTION)
{
    lr_eyetrack d;
    load_ok(TRAIN, &d);
    expect_int((long long)d.n, 14, "rows in %s", TRAIN);
    expect_true(d.gender[0] == 'M' && d.gender[13] == 'F',
                "gender of the first and last rows: expected M and F, came %c and %c",
                d.gender[0], d.gender[13]);
    expect_near(d.pupil_dilation[0], 0.90, 0, "pupil_dilation[0]");
    expect_near(d.reading_time[0], 120, 0, "reading_time[0]");
    expect_near(d.fixations[0], 20, 0, "fixations[0]");
    expect_near(d.pupil_dilation[13], 0.39, 0, "pupil_dilation[13]");
    /* Sums of whole columns, added up by hand from the table in the chapter. */
    double time = 0, fixations = 0;
    int women = 0;
    for (size_t i = 0; i < d.n; i++) {
        time += d.reading_time[i];
        fixations += d.fixations[i];
        women += d.gender[i] == 'F';
    }
    expect_near(time, 1159, 0, "sum of total_reading_time");
    expect_near(fixations, 472, 0, "sum of num_fixations");
    expect_int(women, 7, "number of rows with gender F");
    lr_eyetrack_free(&d);
    expect_true(is_zeroed(&d), "lr_eyetrack_free should zero the struct");

    load_ok(TEST, &d);
    expect_int((long long)d.n, 4, "rows in %s", TEST);
    expect_near(d.pupil_dilation[3], 0.36, 0, "test pupil_dilation[3]");
    expect_near(d.reading_time[1], 101, 0, "test reading_time[1]");
    lr_eyetrack_free(&d);
}

/* Random valid files of random length, with blanks around some fields: the
 * loader must return exactly the values written. */
GRADED_TEST(data, loads_random_files, 2, SECTION)
{
    rng r;
    grade_rng(&r);
    for (int round = 0; round < 5; round++) {
        size_t n = 1 + rng_below(&r, round == 4 ? 3000 : 60);
        char *text = malloc(64 + n * 80);
        double *pupil = alloc_doubles(n), *time = alloc_doubles(n), *fix = alloc_doubles(n);
        char *gender = malloc(n);
        size_t len = (size_t)sprintf(text, HEADER);
        for (size_t i = 0; i < n; i++) {
            gender[i] = rng_below(&r, 2) ? 'M' : 'F';
            pupil[i] = (double)rng_below(&r, 1000) / 100;
            time[i] = (double)rng_below(&r, 100000) / 8;
            fix[i] = (double)rng_below(&r, 200);
            const char *pad = rng_below(&r, 4) == 0 ? " " : "";
            len += (size_t)sprintf(text + len, "%s%c,%.2f%s,%s%.3f,%.0f\n", pad, gender[i],
                                   pupil[i], pad, pad, time[i], fix[i]);
        }
        const char *path = grade_temp_file(text);
        lr_eyetrack d;
        load_ok(path, &d);
        expect_int((long long)d.n, (long long)n, "rows in a random file of %zu rows", n);
        for (size_t i = 0; i < n; i++) {
            expect_true(d.gender[i] == gender[i], "gender of row %zu: expected %c, came %c",
                        i, gender[i], d.gender[i]);
            expect_near(d.pupil_dilation[i], pupil[i], 1e-15, "pupil_dilation of row %zu", i);
            expect_near(d.reading_time[i], time[i], 1e-15, "reading_time of row %zu", i);
            expect_near(d.fixations[i], fix[i], 0, "fixations of row %zu", i);
        }
        lr_eyetrack_free(&d);
        unlink(path);
        free(text);
        free(pupil);
        free(time);
        free(fix);
        free(gender);
    }
}

GRADED_TEST(data, reports_a_missing_file, 1, SECTION)
{
    lr_eyetrack d;
    memset(&d, 0x5a, sizeof d); /* garbage: the loader must clear it */
    char err[512] = "";
    const char *path = "data/no-such-file.csv";
    lr_status s = lr_eyetrack_load(path, &d, err, sizeof err);
    expect_status(s, LR_ERR_IO, "loading a file that does not exist");
    expect_true(is_zeroed(&d), "after a failure the data set should be all zero");
    expect_true(strstr(err, path) != NULL,
                "the error message should name the file: expected it to contain \"%s\", came "
                "\"%s\"", path, err);
}

/* Each case: a file with one bad line, where it is, and what is wrong. */
typedef struct {
    const char *bad_line;
    const char *why;
} malformed;

static const malformed BAD_ROWS[] = {
    {"M,0.5,100\n", "a row with 3 fields"},
    {"M,0.5,100,20,7\n", "a row with 5 fields"},
    {"X,0.5,100,20\n", "gender X"},
    {"MF,0.5,100,20\n", "gender MF"},
    {",0.5,100,20\n", "an empty gender"},
    {"M,0.5x,100,20\n", "the number 0.5x"},
    {"M,,100,20\n", "an empty number"},
    {"M,0.5,nan,20\n", "a NaN"},
    {"M,0.5,inf,20\n", "an infinite number"},
    {"M,0.5,100,-3\n", "a negative count"},
    {"M,0.5,100,2.5\n", "a fractional number of fixations"},
    {"M,-0.5,100,20\n", "a negative pupil dilation"},
    {"\n", "an empty line"},
};

GRADED_TEST(data, rejects_malformed_rows, 3, SECTION)
{
    rng r;
    grade_rng(&r);
    for (size_t c = 0; c < sizeof BAD_ROWS / sizeof BAD_ROWS[0]; c++) {
        size_t good_before = rng_below(&r, 6);
        char text[1024];
        size_t len = (size_t)sprintf(text, HEADER);
        for (size_t i = 0; i < good_before; i++)
            len += (size_t)sprintf(text + len, "F,0.%zu,9%zu,1%zu\n", i + 1, i, i);
        len += (size_t)sprintf(text + len, "%s", BAD_ROWS[c].bad_line);
        sprintf(text + len, "M,0.5,100,20\n");
        const char *path = grade_temp_file(text);
        lr_eyetrack d;
        char err[512] = "";
        lr_status s = lr_eyetrack_load(path, &d, err, sizeof err);
        char what[256];
        snprintf(what, sizeof what, "a file with %s on line %zu", BAD_ROWS[c].why,
                 good_before + 2);
        expect_status(s, LR_ERR_PARSE, what);
        expect_true(is_zeroed(&d), "after rejecting %s the data set should be all zero", what);
        char prefix[300];
        snprintf(prefix, sizeof prefix, "%s:%zu: ", path, good_before + 2);
        expect_true(strncmp(err, prefix, strlen(prefix)) == 0 && strlen(err) > strlen(prefix),
                    "for %s the message should start with \"%s\" and say what is wrong; came "
                    "\"%s\"", what, prefix, err);
        unlink(path);
    }
}

GRADED_TEST(data, rejects_a_bad_header_or_empty_file, 1, SECTION)
{
    const char *files[] = {
        "gender,pupil,time,fixations\nM,0.5,100,20\n",
        "M,0.5,100,20\n",
        "",
    };
    for (size_t c = 0; c < 3; c++) {
        const char *path = grade_temp_file(files[c]);
        lr_eyetrack d;
        char err[512] = "";
        lr_status s = lr_eyetrack_load(path, &d, err, sizeof err);
        expect_status(s, LR_ERR_PARSE, c == 2 ? "an empty file" : "a file with a wrong header");
        char prefix[300];
        snprintf(prefix, sizeof prefix, "%s:1: ", path);
        expect_true(strncmp(err, prefix, strlen(prefix)) == 0,
                    "the message should start with \"%s\"; came \"%s\"", prefix, err);
        expect_true(is_zeroed(&d), "after a failure the data set should be all zero");
        unlink(path);
    }
}
