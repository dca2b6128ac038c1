/* image.h: read images (through stb_image) and write them as PNG (through
 * stb_image_write).
 *
 * Pixels are floats in row-major order. When writing, values are mapped
 * linearly from [lo, hi] to [0, 255] and clamped, so callers choose the
 * contrast; the writers return 0, or -1 if the file could not be written.
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


/* The outcome of image_read_gray. */
typedef enum { IMAGE_OK = 0, IMAGE_ERR_OPEN, IMAGE_ERR_DECODE, IMAGE_ERR_NOMEM } image_status;

/* Reads a PNG, PNM (PGM/PPM), JPEG or BMP file as one gray channel with
 * values in [0, 1] (colours are mixed with the Rec. 601 weights). On success
 * *pixels is a malloc'ed width * height array. On failure *reason (if not
 * NULL) says why in a few words: strerror's text, or the decoder's. */
image_status image_read_gray(const char *path, float **pixels, size_t *width, size_t *height,
                             const char **reason);

#endif
