#include "png_read.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libpng reports errors by longjmp, which Swift cannot catch. This file owns the setjmp:
// every libpng error lands in the handler below and comes back as a return code and message.

// libpng says what is wrong with a header in warnings ("Unknown compression method in IHDR")
// and then stops with a general error ("Invalid IHDR data"): the first warning is kept and
// joined to the error, so the learner reads the specific reason.
static void on_error(png_structp png, png_const_charp message) {
    augment_png_image *image = png_get_error_ptr(png);
    if (image->warning[0] != '\0') {
        snprintf(image->message, sizeof image->message, "%s: %s", message, image->warning);
    } else {
        snprintf(image->message, sizeof image->message, "%s", message);
    }
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp message) {
    // Warnings alone (an unknown ancillary chunk, say) do not stop a read.
    augment_png_image *image = png_get_error_ptr(png);
    if (image->warning[0] == '\0') snprintf(image->warning, sizeof image->warning, "%s", message);
}

int augment_png_read(const char *path, unsigned long long max_pixels, augment_png_image *image) {
    memset(image, 0, sizeof *image);
    FILE *file = fopen(path, "rb");
    if (!file) {
        snprintf(image->message, sizeof image->message, "cannot be opened (%s)", strerror(errno));
        return 1;
    }
    unsigned char signature[8];
    if (fread(signature, 1, 8, file) != 8 || png_sig_cmp(signature, 0, 8) != 0) {
        snprintf(image->message, sizeof image->message,
                 "is not a PNG file (it does not start with the PNG signature)");
        fclose(file);
        return 2;
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, image, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        snprintf(image->message, sizeof image->message, "libpng could not start");
        png_destroy_read_struct(&png, &info, NULL);
        fclose(file);
        return 3;
    }
    // Changed after setjmp and used in the handler: volatile, as setjmp requires.
    unsigned char *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        free(pixels);
        png_destroy_read_struct(&png, &info, NULL);
        fclose(file);
        return 4;
    }
    png_init_io(png, file);
    png_set_sig_bytes(png, 8);
    png_read_info(png, info);

    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    if ((unsigned long long)width * height > max_pixels) {
        snprintf(image->message, sizeof image->message,
                 "declares %u x %u pixels, more than the limit of %llu (refused before reading)",
                 (unsigned)width, (unsigned)height, max_pixels);
        png_destroy_read_struct(&png, &info, NULL);
        fclose(file);
        return 5;
    }
    int color_type = png_get_color_type(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_strip_16(png);  // the high byte, as TensorFlow's decode_png to uint8
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if (row_bytes != (size_t)width * channels) {
        snprintf(image->message, sizeof image->message, "has a layout this reader does not expect");
        png_destroy_read_struct(&png, &info, NULL);
        fclose(file);
        return 6;
    }
    pixels = malloc(row_bytes * height);
    rows = malloc(sizeof(png_bytep) * height);
    if (!pixels || !rows) {
        free(rows);
        free(pixels);
        snprintf(image->message, sizeof image->message, "is too large to fit in memory");
        png_destroy_read_struct(&png, &info, NULL);
        fclose(file);
        return 7;
    }
    for (png_uint_32 y = 0; y < height; y++) rows[y] = pixels + y * row_bytes;
    png_read_image(png, rows);
    png_read_end(png, NULL);  // through IEND: a file cut after the pixels is still noticed

    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(file);
    image->width = width;
    image->height = height;
    image->channels = channels;
    image->pixels = pixels;
    return 0;
}

void augment_png_free(augment_png_image *image) {
    free(image->pixels);
    image->pixels = NULL;
}
