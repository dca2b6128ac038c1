/* image.c: reading and writing grayscale images (given code; chapter
 * section 5). The decoding and encoding are stb_image's and
 * stb_image_write's, through support/image.h. */
#include "convolution.h"

#include "image.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void report(char *err, size_t err_size, const char *format, ...)
{
    if (!err || err_size == 0)
        return;
    va_list args;
    va_start(args, format);
    vsnprintf(err, err_size, format, args);
    va_end(args);
}

cv_status cv_image_load(const char *path, cv_image *img, char *err, size_t err_size)
{
    if (!path || !img) {
        report(err, err_size, "cv_image_load: no path or no image");
        return CV_ERR_ARG;
    }
    img->pixels = NULL;
    img->h = img->w = 0;
    const char *reason = "";
    switch (image_read_gray(path, &img->pixels, &img->w, &img->h, &reason)) {
    case IMAGE_OK:
        return CV_OK;
    case IMAGE_ERR_OPEN:
        report(err, err_size, "%s: cannot open: %s", path, reason);
        return CV_ERR_IO;
    case IMAGE_ERR_DECODE:
        report(err, err_size, "%s: not an image we can decode (PNG, PGM, JPEG, BMP): %s", path,
               reason);
        return CV_ERR_FORMAT;
    case IMAGE_ERR_NOMEM:
        break;
    }
    report(err, err_size, "%s: out of memory", path);
    return CV_ERR_NOMEM;
}

cv_status cv_image_save_png(const char *path, const float *pixels, size_t h, size_t w,
                            char *err, size_t err_size)
{
    if (!path || !pixels || h == 0 || w == 0) {
        report(err, err_size, "cv_image_save_png: no path, no pixels or an empty image");
        return CV_ERR_ARG;
    }
    if (image_write_gray(path, w, h, pixels, 0.0f, 1.0f) != 0) {
        report(err, err_size, "%s: cannot write the PNG file", path);
        return CV_ERR_IO;
    }
    return CV_OK;
}

void cv_image_free(cv_image *img)
{
    if (!img)
        return;
    free(img->pixels);
    img->pixels = NULL;
    img->h = img->w = 0;
}
