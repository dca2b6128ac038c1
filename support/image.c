#include "image.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBIW_ASSERT(x) ((void)0)
#include <stb/stb_image_write.h>
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
