#include "image.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBIW_ASSERT(x) ((void)0)
#include <stb/stb_image_write.h>
/* Only the formats the course needs: less code that reads untrusted bytes. */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_PNM
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ASSERT(x) ((void)0)
#include <stb/stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static uint8_t to_byte(float v, float lo, float hi)
{
    float t = (v - lo) / (hi - lo);
    if (!(t > 0.0f)) /* also catches NaN */
        return 0;
    if (t >= 1.0f)
        return 255;
    return (uint8_t)(t * 255.0f + 0.5f);
}

static int write_png(const char *path, size_t width, size_t height, int channels,
                     const float *pixels, float lo, float hi)
{
    if (width == 0 || height == 0 || width > 1u << 15 || height > 1u << 15 || !(hi > lo))
        return -1;
    size_t count = width * height * (size_t)channels;
    uint8_t *bytes = malloc(count);
    if (!bytes)
        return -1;
    for (size_t i = 0; i < count; i++)
        bytes[i] = to_byte(pixels[i], lo, hi);
    int ok = stbi_write_png(path, (int)width, (int)height, channels, bytes,
                            (int)width * channels);
    free(bytes);
    return ok ? 0 : -1;
}

int image_write_gray(const char *path, size_t width, size_t height, const float *pixels,
                     float lo, float hi)
{
    return write_png(path, width, height, 1, pixels, lo, hi);
}

int image_write_rgb(const char *path, size_t width, size_t height, const float *pixels,
                    float lo, float hi)
{
    return write_png(path, width, height, 3, pixels, lo, hi);
}

/* Skips whitespace and # comments in a PNM header, then reads a decimal
 * number; -1 if there is none. */
static long pnm_number(FILE *file)
{
    int c = fgetc(file);
    while (c == '#' || (c != EOF && strchr(" \t\r\n", c))) {
        if (c == '#')
            while (c != EOF && c != '\n')
                c = fgetc(file);
        c = fgetc(file);
    }
    long value = -1;
    while (c >= '0' && c <= '9' && value < 1000000000L) {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        c = fgetc(file);
    }
    return value;
}

/* stb_image fills the missing pixels of a truncated binary PGM or PPM with
 * whatever its buffer held, instead of failing. So for those formats check
 * that the file holds every byte its header promises. Returns 0 if the file
 * is not a binary PNM or is long enough; -1 (and rewinds) otherwise. */
static int pnm_truncated(FILE *file)
{
    char magic[2] = {0, 0};
    int truncated = 0;
    if (fread(magic, 1, 2, file) == 2 && magic[0] == 'P' && (magic[1] == '5' || magic[1] == '6')) {
        long width = pnm_number(file), height = pnm_number(file), maxval = pnm_number(file);
        long header = ftell(file); /* one whitespace byte after maxval was read */
        if (width > 0 && height > 0 && maxval > 0 && header > 0 && fseek(file, 0, SEEK_END) == 0) {
            double bytes = (double)width * (double)height * (magic[1] == '6' ? 3 : 1) *
                           (maxval > 255 ? 2 : 1);
            truncated = (double)(ftell(file) - header) < bytes;
        }
    }
    rewind(file);
    return truncated ? -1 : 0;
}

image_status image_read_gray(const char *path, float **pixels, size_t *width, size_t *height,
                             const char **reason)
{
    const char *unused;
    if (!reason)
        reason = &unused;
    FILE *file = fopen(path, "rb");
    if (!file) {
        *reason = strerror(errno);
        return IMAGE_ERR_OPEN;
    }
    if (pnm_truncated(file) != 0) {
        fclose(file);
        *reason = "the file ends before the last pixel";
        return IMAGE_ERR_DECODE;
    }
    int w = 0, h = 0, channels = 0;
    uint8_t *bytes = stbi_load_from_file(file, &w, &h, &channels, 1);
    fclose(file);
    if (!bytes) {
        *reason = stbi_failure_reason(); /* thread-local in stb_image */
        if (!*reason || !**reason)
            *reason = "truncated or corrupt data";
        return IMAGE_ERR_DECODE;
    }
    size_t count = (size_t)w * (size_t)h;
    float *gray = malloc(count * sizeof *gray);
    if (!gray) {
        stbi_image_free(bytes);
        *reason = "out of memory";
        return IMAGE_ERR_NOMEM;
    }
    for (size_t i = 0; i < count; i++)
        gray[i] = bytes[i] / 255.0f;
    stbi_image_free(bytes);
    *pixels = gray;
    *width = (size_t)w;
    *height = (size_t)h;
    *reason = "";
    return IMAGE_OK;
}
