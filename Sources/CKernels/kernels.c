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
