#ifndef NNKIT_WINOGRAD_H
#define NNKIT_WINOGRAD_H

#include <stddef.h>
#include <stdint.h>

// Winograd's minimal filtering F(2 × 2, 3 × 3) (Lavin and Gray, "Fast Algorithms for
// Convolutional Neural Networks", 2016): a 3 × 3, stride-1 convolution computed 2 × 2 output
// pixels at a time, from a 4 × 4 input tile, with 16 multiplications per channel pair instead of
// 36:
//
//     Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
//
// d is the 4 × 4 input tile, g the 3 × 3 kernel, Y the 2 × 2 output. Summed over input channels,
// the ⊙ becomes 16 matrix products, one per tile position ξ, which BLAS computes:
//
//     M[ξ] (tiles × filters) = V[ξ] (tiles × channels) · U[ξ] (channels × filters)
//
// These functions are the transforms around those products: additions and subtractions only
// (and halves, for the kernel), vectorized over channels. The backward ones are the transposes
// of the forward ones, so the gradients are exactly those of the computed forward pass.
//
// Layouts: images channels last, (image, row, column, channel). V, M and their gradients hold
// 16 blocks, block ξ at offset ξ · xi_stride, each a row-major (tile, channel) matrix; a batch's
// tiles are numbered image by image, then tile row, then tile column. U is 16 blocks of
// (channel, filter), block ξ at offset ξ · channels · filters. The tile functions work on `count`
// images from the pointers they are given (the first image, and its first tile in block 0), so
// that a caller can take a batch a few images at a time, and two threads one half each.

/// The geometry of one convolution: the input image, the padding before its first row and
/// column, the output, and the 2 × 2 tiles that cover the output (ceil(output / 2) each way).
typedef struct {
    int32_t height, width, channels;
    int32_t pad_top, pad_left;
    int32_t output_height, output_width, filters;
    int32_t tile_rows, tile_columns;
} nnkit_winograd_shape;

/// U = G g Gᵀ for every (channel, filter): g is a Keras kernel (3, 3, channels, filters).
void nnkit_winograd_kernel(const float *g, float *u, size_t channels, size_t filters);

/// Uᵀ, block by block: 16 blocks of (filter, channel), for the input's gradient.
void nnkit_winograd_transpose_kernel(const float *u, float *ut, size_t channels, size_t filters);

/// dg = Gᵀ dU G: the kernel's gradient from the gradient of U, in Keras's kernel layout.
void nnkit_winograd_kernel_gradient(const float *du, float *dg, size_t channels, size_t filters);

/// V = Bᵀ d B for every tile of the images: pixels outside the image (padding) read as 0.
/// `zeros` holds `channels` zeros.
void nnkit_winograd_input(const nnkit_winograd_shape *shape, const float *images, size_t count,
                          float *v, size_t xi_stride, const float *zeros);

/// Y = Aᵀ M A + bias for every tile, into the output images (rows and columns of a tile past
/// the output's edge are dropped).
void nnkit_winograd_output(const nnkit_winograd_shape *shape, const float *m, size_t xi_stride,
                           const float *bias, float *outputs, size_t count);

/// dM = A dY Aᵀ for every tile, the transpose of `nnkit_winograd_output`: output pixels past
/// the edge count as 0. `zeros` holds `filters` zeros.
void nnkit_winograd_output_gradient(const nnkit_winograd_shape *shape, const float *gradients,
                                    size_t count, float *dm, size_t xi_stride, const float *zeros);

/// dX = Σ over tiles of B dV Bᵀ, the transpose of `nnkit_winograd_input`: the images' gradients
/// are set to 0, then every tile adds into the pixels it read (its values for the padding are
/// dropped into `sink`, `channels` floats of scratch this thread owns).
void nnkit_winograd_input_gradient(const nnkit_winograd_shape *shape, const float *dv,
                                   size_t xi_stride, float *gradients, size_t count, float *sink);

#endif
