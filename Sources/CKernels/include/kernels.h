#ifndef NNKIT_KERNELS_H
#define NNKIT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

/// One Adam step over n weights (Keras 3's update):
///   m += (g - m)(1 - beta1);  v += (g² - v)(1 - beta2);  w -= alpha · m / (sqrt(v) + epsilon)
void nnkit_adam_update(float *w, const float *g, float *m, float *v, size_t n,
                       float alpha, float beta1, float beta2, float epsilon);

/// a = max(0, z), element-wise over n values.
void nnkit_relu_forward(const float *z, float *a, size_t n);

/// a = max(0, a), in place over n values.
void nnkit_relu_in_place(float *a, size_t n);

/// dz = a > 0 ? g : 0, element-wise over n values (the derivative at 0 is taken as 0).
void nnkit_relu_backward(const float *a, const float *g, float *dz, size_t n);

/// One more window position for n channels: where v[i] > best[i] (strictly, so that the first
/// maximum in reading order keeps a tie), best[i] = v[i] and winner[i] = index + i.
void nnkit_max_update(const float *v, float *best, int32_t *winner, int32_t index, size_t n);

/// best[i] = max(best[i], v[i]) over n channels: the same without winners, for inference.
void nnkit_max_update_values(const float *v, float *best, size_t n);

/// sums[c] = the sum of column c of a row-major rows × columns matrix m, row after row (the same
/// order of additions as a plain loop, so the result does not depend on vector width).
void nnkit_sum_columns(const float *m, float *sums, size_t rows, size_t columns);

/// sums[c] += the sum of column c of m, row after row: for sums gathered a few rows at a time.
void nnkit_add_column_sums(const float *m, float *sums, size_t rows, size_t columns);

/// m[r][c] += row[c] for every row of a row-major rows × columns matrix (a bias on every pixel).
void nnkit_add_row(float *m, const float *row, size_t rows, size_t columns);

/// MaxPooling2D with a 2 × 2 window at stride 2 and no padding, over `images` channels-last
/// images of height × width × channels: the maximum of each window, and, unless `winners` is
/// null, where in its image each maximum was (as nnkit_max_update records it).
void nnkit_max_pool_2x2(const float *input, float *output, int32_t *winners, size_t images,
                        size_t height, size_t width, size_t channels);

/// Its gradient: each output's gradient to its winner, 0 to every other pixel (all written).
void nnkit_max_pool_2x2_backward(const float *gradient, const int32_t *winners, float *input_gradient,
                                 size_t images, size_t height, size_t width, size_t channels);

/// A hint to the processor that this thread is waiting in a loop (x86's pause).
static inline void nnkit_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
