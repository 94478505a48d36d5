import ExerciseKit

@main
enum Im2colCheck: ExerciseCheck {
    static func run() throws {
        let image = (1 ... 16).map(Float.init)  // 4 × 4: 1 2 3 4 / 5 6 7 8 / …
        ExerciseKit.expectEqual(im2col(image, width: 4, height: 4, k: 3, stride: 1, padding: 0),
                                [[1, 2, 3, 5, 6, 7, 9, 10, 11], [2, 3, 4, 6, 7, 8, 10, 11, 12],
                                 [5, 6, 7, 9, 10, 11, 13, 14, 15], [6, 7, 8, 10, 11, 12, 14, 15, 16]],
                                given: "im2col of the 4 × 4 image 1…16, k: 3, stride: 1, padding: 0: each window read row by row")
        ExerciseKit.expectEqual(im2col(image, width: 4, height: 4, k: 2, stride: 2, padding: 0),
                                [[1, 2, 5, 6], [3, 4, 7, 8], [9, 10, 13, 14], [11, 12, 15, 16]],
                                given: "im2col of the 4 × 4 image 1…16, k: 2, stride: 2, padding: 0")
        let padded = im2col(image, width: 4, height: 4, k: 3, stride: 1, padding: 1)
        ExerciseKit.expectEqual(padded.count, 16, given: "im2col of the 4 × 4 image, k: 3, stride: 1, padding: 1: the number of rows")
        if padded.count == 16 {
            ExerciseKit.expectEqual(padded[0], [0, 0, 0, 0, 1, 2, 0, 5, 6], given: "its row 0, the top-left window over the padding")
            ExerciseKit.expectEqual(padded[15], [11, 12, 0, 15, 16, 0, 0, 0, 0], given: "its row 15, the bottom-right window")
        }
        let wide = (0 ..< 6).map(Float.init)  // 3 × 2
        ExerciseKit.expectEqual(im2col(wide, width: 3, height: 2, k: 2, stride: 1, padding: 0), [[0, 1, 3, 4], [1, 2, 4, 5]],
                                given: "im2col of the 3-wide, 2-high image 0…5, k: 2: width and height not mixed up")

        // Your rows times a kernel, beside NNKit's Conv2D with same padding on a random 6 × 5 image.
        var generator = RandomGenerator(seed: 4)
        let (width, height) = (6, 5)
        let pixels = (0 ..< width * height).map { _ in generator.nextUniform(-1, 1) }
        let layer = Conv2D(filters: 2, kernelSize: 3, padding: .same)
        layer.build(inputShape: [height, width, 1], generator: &generator)
        let rows = im2col(pixels, width: width, height: height, k: 3, stride: 1, padding: 1)
        ExerciseKit.expectEqual(rows.count, width * height, given: "im2col of a 6 × 5 image with k: 3, padding: 1: one row per pixel")
        guard rows.count == width * height, rows.allSatisfy({ $0.count == 9 }) else { return }
        let product = Matrix(rows).matmul(layer.kernel.value)
        ExerciseKit.expectClose(product, layer.forward(Matrix(row: pixels), training: false).reshapedAsPixels(filters: 2),
                                given: "your rows · the kernel matrix, beside NNKit's Conv2D (same padding) on a random 6 × 5 image")
    }
}

extension Matrix {
    /// One image's output, one row per pixel and one column per filter.
    func reshapedAsPixels(filters: Int) -> Matrix {
        Matrix(rows: count / filters, columns: filters, scalars: scalars)
    }
}
