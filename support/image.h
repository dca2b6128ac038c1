/* image.h: write raster images as PNG (through stb_image_write).
 *
 * Pixels are floats in row-major order. Values are mapped linearly from
 * [lo, hi] to [0, 255] and clamped, so callers choose the contrast.
 * Every function returns 0, or -1 if the file could not be written.
 */
#ifndef SUPPORT_IMAGE_H
#define SUPPORT_IMAGE_H

#include <stddef.h>

/* One channel, black at lo and white at hi. */
int image_write_gray(const char *path, size_t width, size_t height, const float *pixels,
                     float lo, float hi);

/* Three interleaved channels (r, g, b per pixel). */
int image_write_rgb(const char *path, size_t width, size_t height, const float *pixels,
                    float lo, float hi);

#endif
