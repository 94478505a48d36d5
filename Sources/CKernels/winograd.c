#include "winograd.h"

// Built like kernels.c: -ffp-contract=off, so that no fused multiply-add changes a rounding and
// the AVX2 clone gives the same bits as the baseline one. Each inner loop runs over channels (or
// filters), which are contiguous; the 16 rows a tile reads or writes never overlap within one
// tile, which is what `assume_safety` tells the vectorizer. (Padding positions may all point at
// the same `zeros` or `sink` buffer; zeros are only read, and the sink's value is never used.)
#define OVER_CHANNELS _Pragma("clang loop vectorize(assume_safety) interleave(enable)")

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_kernel(const float *g, float *u, size_t channels, size_t filters) {
    const size_t pairs = channels * filters;
    // g[(i · 3 + j) · pairs + p] is kernel row i, column j of channel-filter pair p.
    OVER_CHANNELS
    for (size_t p = 0; p < pairs; p++) {
        float s[4][3];
        for (int j = 0; j < 3; j++) {
            const float g0 = g[(0 * 3 + j) * pairs + p];
            const float g1 = g[(1 * 3 + j) * pairs + p];
            const float g2 = g[(2 * 3 + j) * pairs + p];
            s[0][j] = g0;
            s[1][j] = 0.5f * (g0 + g1 + g2);
            s[2][j] = 0.5f * (g0 - g1 + g2);
            s[3][j] = g2;
        }
        for (int i = 0; i < 4; i++) {
            u[(i * 4 + 0) * pairs + p] = s[i][0];
            u[(i * 4 + 1) * pairs + p] = 0.5f * (s[i][0] + s[i][1] + s[i][2]);
            u[(i * 4 + 2) * pairs + p] = 0.5f * (s[i][0] - s[i][1] + s[i][2]);
            u[(i * 4 + 3) * pairs + p] = s[i][2];
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_kernel_gradient(const float *du, float *dg, size_t channels, size_t filters) {
    const size_t pairs = channels * filters;
    OVER_CHANNELS
    for (size_t p = 0; p < pairs; p++) {
        float s[3][4];
        for (int k = 0; k < 4; k++) {
            const float u0 = du[(0 * 4 + k) * pairs + p];
            const float u1 = du[(1 * 4 + k) * pairs + p];
            const float u2 = du[(2 * 4 + k) * pairs + p];
            const float u3 = du[(3 * 4 + k) * pairs + p];
            s[0][k] = u0 + 0.5f * (u1 + u2);
            s[1][k] = 0.5f * (u1 - u2);
            s[2][k] = 0.5f * (u1 + u2) + u3;
        }
        for (int i = 0; i < 3; i++) {
            dg[(i * 3 + 0) * pairs + p] = s[i][0] + 0.5f * (s[i][1] + s[i][2]);
            dg[(i * 3 + 1) * pairs + p] = 0.5f * (s[i][1] - s[i][2]);
            dg[(i * 3 + 2) * pairs + p] = 0.5f * (s[i][1] + s[i][2]) + s[i][3];
        }
    }
}

// Where tile (ty, tx) reads its 4 × 4 input pixels: offset[i · 4 + j] is the pixel's first
// channel within its image, or -1 in the padding.
static inline __attribute__((always_inline)) void input_offsets(const nnkit_winograd_shape *s, int32_t ty,
                                                                int32_t tx, ptrdiff_t offset[16]) {
    for (int i = 0; i < 4; i++) {
        const int32_t row = 2 * ty - s->pad_top + i;
        for (int j = 0; j < 4; j++) {
            const int32_t column = 2 * tx - s->pad_left + j;
            const int inside = row >= 0 && row < s->height && column >= 0 && column < s->width;
            offset[i * 4 + j] = inside ? ((ptrdiff_t)row * s->width + column) * s->channels : -1;
        }
    }
}

// Where tile (ty, tx) writes its 2 × 2 output pixels: offset[a · 2 + b] within the image, or -1
// past the output's edge.
static inline __attribute__((always_inline)) void output_offsets(const nnkit_winograd_shape *s, int32_t ty,
                                                                 int32_t tx, ptrdiff_t offset[4]) {
    for (int a = 0; a < 2; a++) {
        const int32_t row = 2 * ty + a;
        for (int b = 0; b < 2; b++) {
            const int32_t column = 2 * tx + b;
            const int inside = row < s->output_height && column < s->output_width;
            offset[a * 2 + b] = inside ? ((ptrdiff_t)row * s->output_width + column) * s->filters : -1;
        }
    }
}

// One tile: d[ξ] points at the input row of channels under tile position ξ (or at zeros),
// v[ξ] at the tile's row in block ξ of V.
static inline __attribute__((always_inline)) void input_tile(const float *const d[16], float *const v[16], size_t channels) {
    OVER_CHANNELS
    for (size_t c = 0; c < channels; c++) {
        float t[4][4];
        for (int j = 0; j < 4; j++) {
            t[0][j] = d[0 * 4 + j][c] - d[2 * 4 + j][c];
            t[1][j] = d[1 * 4 + j][c] + d[2 * 4 + j][c];
            t[2][j] = d[2 * 4 + j][c] - d[1 * 4 + j][c];
            t[3][j] = d[1 * 4 + j][c] - d[3 * 4 + j][c];
        }
        for (int i = 0; i < 4; i++) {
            v[i * 4 + 0][c] = t[i][0] - t[i][2];
            v[i * 4 + 1][c] = t[i][1] + t[i][2];
            v[i * 4 + 2][c] = t[i][2] - t[i][1];
            v[i * 4 + 3][c] = t[i][1] - t[i][3];
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_input(const nnkit_winograd_shape *s, const float *images, size_t count,
                          float *v, size_t xi_stride, const float *zeros) {
    const size_t channels = (size_t)s->channels;
    const size_t image_size = (size_t)s->height * (size_t)s->width * channels;
    size_t tile = 0;
    for (size_t image = 0; image < count; image++) {
        const float *pixels = images + image * image_size;
        for (int32_t ty = 0; ty < s->tile_rows; ty++) {
            for (int32_t tx = 0; tx < s->tile_columns; tx++, tile++) {
                ptrdiff_t offset[16];
                input_offsets(s, ty, tx, offset);
                const float *d[16];
                float *out[16];
                for (int xi = 0; xi < 16; xi++) {
                    d[xi] = offset[xi] >= 0 ? pixels + offset[xi] : zeros;
                    out[xi] = v + (size_t)xi * xi_stride + tile * channels;
                }
                input_tile(d, out, channels);
            }
        }
    }
}

// One tile: m[ξ] points at the tile's row in block ξ of M, y[a · 2 + b] at output pixel (a, b)
// of the tile (a sink for pixels past the edge).
static inline __attribute__((always_inline)) void output_tile(const float *const m[16], float *const y[4], const float *bias, size_t filters) {
    OVER_CHANNELS
    for (size_t f = 0; f < filters; f++) {
        float t[2][4];
        for (int j = 0; j < 4; j++) {
            t[0][j] = m[0 * 4 + j][f] + m[1 * 4 + j][f] + m[2 * 4 + j][f];
            t[1][j] = m[1 * 4 + j][f] - m[2 * 4 + j][f] - m[3 * 4 + j][f];
        }
        for (int a = 0; a < 2; a++) {
            y[a * 2 + 0][f] = bias[f] + (t[a][0] + t[a][1] + t[a][2]);
            y[a * 2 + 1][f] = bias[f] + (t[a][1] - t[a][2] - t[a][3]);
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_output(const nnkit_winograd_shape *s, const float *m, size_t xi_stride,
                           const float *bias, float *outputs, size_t count) {
    const size_t filters = (size_t)s->filters;
    const size_t image_size = (size_t)s->output_height * (size_t)s->output_width * filters;
    // Pixels past the output's edge are computed into this row and dropped.
    float sink[filters];
    size_t tile = 0;
    for (size_t image = 0; image < count; image++) {
        float *pixels = outputs + image * image_size;
        for (int32_t ty = 0; ty < s->tile_rows; ty++) {
            for (int32_t tx = 0; tx < s->tile_columns; tx++, tile++) {
                ptrdiff_t offset[4];
                output_offsets(s, ty, tx, offset);
                const float *in[16];
                float *y[4];
                for (int xi = 0; xi < 16; xi++) in[xi] = m + (size_t)xi * xi_stride + tile * filters;
                for (int k = 0; k < 4; k++) y[k] = offset[k] >= 0 ? pixels + offset[k] : sink;
                output_tile(in, y, bias, filters);
            }
        }
    }
}

static inline __attribute__((always_inline)) void output_gradient_tile(const float *const y[4], float *const m[16], size_t filters) {
    OVER_CHANNELS
    for (size_t f = 0; f < filters; f++) {
        float t[4][2];
        for (int b = 0; b < 2; b++) {
            const float y0 = y[0 * 2 + b][f];
            const float y1 = y[1 * 2 + b][f];
            t[0][b] = y0;
            t[1][b] = y0 + y1;
            t[2][b] = y0 - y1;
            t[3][b] = -y1;
        }
        for (int i = 0; i < 4; i++) {
            m[i * 4 + 0][f] = t[i][0];
            m[i * 4 + 1][f] = t[i][0] + t[i][1];
            m[i * 4 + 2][f] = t[i][0] - t[i][1];
            m[i * 4 + 3][f] = -t[i][1];
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_output_gradient(const nnkit_winograd_shape *s, const float *gradients,
                                    size_t count, float *dm, size_t xi_stride, const float *zeros) {
    const size_t filters = (size_t)s->filters;
    const size_t image_size = (size_t)s->output_height * (size_t)s->output_width * filters;
    size_t tile = 0;
    for (size_t image = 0; image < count; image++) {
        const float *pixels = gradients + image * image_size;
        for (int32_t ty = 0; ty < s->tile_rows; ty++) {
            for (int32_t tx = 0; tx < s->tile_columns; tx++, tile++) {
                ptrdiff_t offset[4];
                output_offsets(s, ty, tx, offset);
                const float *y[4];
                float *out[16];
                for (int xi = 0; xi < 16; xi++) out[xi] = dm + (size_t)xi * xi_stride + tile * filters;
                for (int k = 0; k < 4; k++) y[k] = offset[k] >= 0 ? pixels + offset[k] : zeros;
                output_gradient_tile(y, out, filters);
            }
        }
    }
}

// One tile: dv[ξ] points at the tile's row in block ξ of dV, dx[ξ] at the gradient row of the
// pixel under tile position ξ (or at the sink), which the tile's share is added to.
static inline __attribute__((always_inline)) void input_gradient_tile(const float *const dv[16], float *const dx[16], size_t channels) {
    OVER_CHANNELS
    for (size_t c = 0; c < channels; c++) {
        float t[4][4];
        for (int j = 0; j < 4; j++) {
            const float v0 = dv[0 * 4 + j][c];
            const float v1 = dv[1 * 4 + j][c];
            const float v2 = dv[2 * 4 + j][c];
            const float v3 = dv[3 * 4 + j][c];
            t[0][j] = v0;
            t[1][j] = v1 - v2 + v3;
            t[2][j] = v1 + v2 - v0;
            t[3][j] = -v3;
        }
        for (int i = 0; i < 4; i++) {
            dx[i * 4 + 0][c] += t[i][0];
            dx[i * 4 + 1][c] += t[i][1] - t[i][2] + t[i][3];
            dx[i * 4 + 2][c] += t[i][1] + t[i][2] - t[i][0];
            dx[i * 4 + 3][c] += -t[i][3];
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_winograd_input_gradient(const nnkit_winograd_shape *s, const float *dv,
                                   size_t xi_stride, float *gradients, size_t count, float *sink) {
    const size_t channels = (size_t)s->channels;
    const size_t image_size = (size_t)s->height * (size_t)s->width * channels;
    for (size_t i = 0; i < count * image_size; i++) gradients[i] = 0.0f;
    size_t tile = 0;
    for (size_t image = 0; image < count; image++) {
        float *pixels = gradients + image * image_size;
        for (int32_t ty = 0; ty < s->tile_rows; ty++) {
            for (int32_t tx = 0; tx < s->tile_columns; tx++, tile++) {
                ptrdiff_t offset[16];
                input_offsets(s, ty, tx, offset);
                const float *in[16];
                float *dx[16];
                for (int xi = 0; xi < 16; xi++) {
                    dx[xi] = offset[xi] >= 0 ? pixels + offset[xi] : sink;
                    in[xi] = dv + (size_t)xi * xi_stride + tile * channels;
                }
                input_gradient_tile(in, dx, channels);
            }
        }
    }
}

void nnkit_winograd_transpose_kernel(const float *u, float *ut, size_t channels, size_t filters) {
    for (size_t xi = 0; xi < 16; xi++) {
        const float *block = u + xi * channels * filters;
        float *transposed = ut + xi * channels * filters;
        for (size_t c = 0; c < channels; c++) {
            for (size_t f = 0; f < filters; f++) transposed[f * channels + c] = block[c * filters + f];
        }
    }
}
