/* The given image loader (chapter section 4): no points, since students do
 * not write it, but a broken loader would spoil every figure. */
#include <stdio.h>
#include <string.h>

#include "grade.h"
#include "reference.h"

#define SECTION "4 Images"

static void expect_error(const char *path, cv_status expected, const char *about)
{
    cv_image img = {NULL, 7, 7};
    char err[256] = "";
    cv_status s = cv_image_load(path, &img, err, sizeof err);
    expect_status(s, expected, about);
    expect_true(img.pixels == NULL && img.h == 0 && img.w == 0,
                "%s: a failed load must leave an empty image", about);
    expect_true(strstr(err, path) != NULL, "%s: the message \"%s\" should name the file", about,
                err);
}

GRADED_TEST(images, loads_and_reports_bad_files, 0, SECTION)
{
    cv_image img;
    char err[256] = "";
    expect_status(cv_image_load("data/chelsea.png", &img, err, sizeof err), CV_OK,
                  "loading data/chelsea.png");
    expect_int((long long)img.h, 300, "the photograph's height");
    expect_int((long long)img.w, 451, "the photograph's width");
    for (size_t i = 0; i < img.h * img.w; i++)
        expect_true(img.pixels[i] >= 0 && img.pixels[i] <= 1, "pixel %zu is %g, not in [0, 1]",
                    i, img.pixels[i]);
    cv_image_free(&img);

    /* Bytes 51, 102, 153, 204, 255, 51 (no 0: the text must not end early). */
    const char *gray = grade_temp_file("P5\n# 3 x 2, 8 bits\n3 2\n255\n\x33\x66\x99\xcc\xff\x33");
    expect_status(cv_image_load(gray, &img, err, sizeof err), CV_OK, "loading a 3 x 2 PGM");
    const double expected[] = {0.2, 0.4, 0.6, 0.8, 1.0, 0.2};
    for (int i = 0; i < 6; i++)
        expect_near(img.pixels[i], expected[i], 1e-6, "pixel %d of the PGM", i);
    cv_image_free(&img);

    expect_error("data/no-such-image.png", CV_ERR_IO, "a missing file");
    expect_error(grade_temp_file("P5\n3 2\n255\nab"), CV_ERR_FORMAT, "a PGM cut short");
    expect_error(grade_temp_file("hello, I am not a picture\n"), CV_ERR_FORMAT,
                 "a text file");
    expect_error(grade_temp_file("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), CV_ERR_FORMAT,
                 "a PNG cut short");
}
