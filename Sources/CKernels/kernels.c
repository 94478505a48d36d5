#include "kernels.h"
#include <math.h>

// Element-wise loops the compiler vectorizes: built with -fno-math-errno so sqrt becomes one
// vector instruction, and -ffp-contract=off so no fused multiply-add changes a rounding. The
// AVX2 clone and the baseline one therefore give identical bits; the CPU picks at load time.
__attribute__((target_clones("avx2", "default")))
void nnkit_adam_update(float *restrict w, const float *restrict g, float *restrict m,
                       float *restrict v, size_t n, float alpha, float beta1, float beta2,
                       float epsilon) {
    const float keep1 = 1.0f - beta1;
    const float keep2 = 1.0f - beta2;
    for (size_t i = 0; i < n; i++) {
        m[i] += (g[i] - m[i]) * keep1;
        v[i] += (g[i] * g[i] - v[i]) * keep2;
        w[i] -= alpha * m[i] / (sqrtf(v[i]) + epsilon);
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_relu_forward(const float *restrict z, float *restrict a, size_t n) {
    for (size_t i = 0; i < n; i++) {
        a[i] = z[i] > 0.0f ? z[i] : 0.0f;
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_relu_backward(const float *restrict a, const float *restrict g, float *restrict dz,
                         size_t n) {
    for (size_t i = 0; i < n; i++) {
        dz[i] = a[i] > 0.0f ? g[i] : 0.0f;
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_max_update(const float *restrict v, float *restrict best, int32_t *restrict winner,
                      int32_t index, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const int beats = v[i] > best[i];
        best[i] = beats ? v[i] : best[i];
        winner[i] = beats ? index + (int32_t)i : winner[i];
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_max_update_values(const float *restrict v, float *restrict best, size_t n) {
    for (size_t i = 0; i < n; i++) {
        best[i] = v[i] > best[i] ? v[i] : best[i];
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_sum_columns(const float *restrict m, float *restrict sums, size_t rows, size_t columns) {
    for (size_t c = 0; c < columns; c++) sums[c] = 0.0f;
    for (size_t r = 0; r < rows; r++) {
        const float *restrict row = m + r * columns;
        for (size_t c = 0; c < columns; c++) sums[c] += row[c];
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_relu_in_place(float *restrict a, size_t n) {
    for (size_t i = 0; i < n; i++) {
        a[i] = a[i] > 0.0f ? a[i] : 0.0f;
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_add_column_sums(const float *restrict m, float *restrict sums, size_t rows, size_t columns) {
    for (size_t r = 0; r < rows; r++) {
        const float *restrict row = m + r * columns;
        for (size_t c = 0; c < columns; c++) sums[c] += row[c];
    }
}

// 2 × 2 max pooling at stride 2 without padding, channels last: the four pixels of each window
// in reading order, the first maximum keeping a tie (strict >), as nnkit_max_update.
__attribute__((target_clones("avx2", "default")))
void nnkit_max_pool_2x2(const float *restrict input, float *restrict output, int32_t *restrict winners,
                        size_t images, size_t height, size_t width, size_t channels) {
    const size_t output_height = height / 2, output_width = width / 2;
    for (size_t image = 0; image < images; image++) {
        const float *pixels = input + image * height * width * channels;
        for (size_t y = 0; y < output_height; y++) {
            for (size_t x = 0; x < output_width; x++) {
                const size_t first = (2 * y * width + 2 * x) * channels;
                const float *restrict p0 = pixels + first;
                const float *restrict p1 = p0 + channels;
                const float *restrict p2 = p0 + width * channels;
                const float *restrict p3 = p2 + channels;
                const int32_t i0 = (int32_t)first, i1 = i0 + (int32_t)channels;
                const int32_t i2 = i0 + (int32_t)(width * channels), i3 = i2 + (int32_t)channels;
                if (winners) {
                    _Pragma("clang loop vectorize(assume_safety)")
                    for (size_t c = 0; c < channels; c++) {
                        float best = p0[c];
                        int32_t at = i0;
                        if (p1[c] > best) { best = p1[c]; at = i1; }
                        if (p2[c] > best) { best = p2[c]; at = i2; }
                        if (p3[c] > best) { best = p3[c]; at = i3; }
                        output[c] = best;
                        winners[c] = at + (int32_t)c;
                    }
                    winners += channels;
                } else {
                    _Pragma("clang loop vectorize(assume_safety)")
                    for (size_t c = 0; c < channels; c++) {
                        float best = p0[c];
                        best = p1[c] > best ? p1[c] : best;
                        best = p2[c] > best ? p2[c] : best;
                        best = p3[c] > best ? p3[c] : best;
                        output[c] = best;
                    }
                }
                output += channels;
            }
        }
    }
}

// Its gradient: every pixel of a window gets its output's gradient if it was the winner, else
// 0, so that each pixel is written once (an odd last row or column, in no window, is zeroed).
__attribute__((target_clones("avx2", "default")))
void nnkit_max_pool_2x2_backward(const float *restrict gradient, const int32_t *restrict winners,
                                 float *restrict input_gradient, size_t images, size_t height,
                                 size_t width, size_t channels) {
    const size_t output_height = height / 2, output_width = width / 2;
    for (size_t image = 0; image < images; image++) {
        float *pixels = input_gradient + image * height * width * channels;
        if (height % 2 || width % 2) {
            for (size_t i = 0; i < height * width * channels; i++) pixels[i] = 0.0f;
        }
        for (size_t y = 0; y < output_height; y++) {
            for (size_t x = 0; x < output_width; x++) {
                const size_t first = (2 * y * width + 2 * x) * channels;
                float *restrict p0 = pixels + first;
                float *restrict p1 = p0 + channels;
                float *restrict p2 = p0 + width * channels;
                float *restrict p3 = p2 + channels;
                const int32_t i0 = (int32_t)first, i1 = i0 + (int32_t)channels;
                const int32_t i2 = i0 + (int32_t)(width * channels), i3 = i2 + (int32_t)channels;
                // The four pixels never overlap one another or the gradients they are read from.
                _Pragma("clang loop vectorize(assume_safety)")
                for (size_t c = 0; c < channels; c++) {
                    const int32_t at = winners[c] - (int32_t)c;
                    const float g = gradient[c];
                    p0[c] = at == i0 ? g : 0.0f;
                    p1[c] = at == i1 ? g : 0.0f;
                    p2[c] = at == i2 ? g : 0.0f;
                    p3[c] = at == i3 ? g : 0.0f;
                }
                winners += channels;
                gradient += channels;
            }
        }
    }
}

__attribute__((target_clones("avx2", "default")))
void nnkit_add_row(float *restrict m, const float *restrict row, size_t rows, size_t columns) {
    for (size_t r = 0; r < rows; r++) {
        float *restrict target = m + r * columns;
        for (size_t c = 0; c < columns; c++) target[c] += row[c];
    }
}
