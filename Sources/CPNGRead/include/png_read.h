#ifndef AUGMENT_PNG_READ_H
#define AUGMENT_PNG_READ_H

#include <stddef.h>

/// A decoded PNG: every colour type and bit depth expanded to 8 bits per channel, with the
/// values as stored in the file (no gamma or colour-space conversion).
typedef struct {
    unsigned int width;
    unsigned int height;
    /// 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA (a palette becomes RGB, or RGBA with transparency).
    int channels;
    /// width · height · channels bytes, row after row; release with augment_png_free.
    unsigned char *pixels;
    /// What went wrong, when augment_png_read returns non-zero.
    char message[256];
    /// libpng's first warning during the read, which often names what its error only summarises.
    char warning[128];
} augment_png_image;

/// Reads the PNG file at `path`. Images of more than `max_pixels` pixels are refused from
/// their header, before any pixel memory is allocated. Returns 0 on success; otherwise
/// `image->message` says why (libpng's errors arrive here, never as a crash).
int augment_png_read(const char *path, unsigned long long max_pixels, augment_png_image *image);

/// Releases the pixels of an image filled by augment_png_read.
void augment_png_free(augment_png_image *image);

#endif
