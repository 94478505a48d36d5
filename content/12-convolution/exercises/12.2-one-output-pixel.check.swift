import ExerciseKit

@main
enum OnePixelCheck: ExerciseCheck {
    static func run() throws {
        // A 3 × 3 grey image and a 2 × 2 kernel that is the same neither across nor down, so that a window read
        // at the wrong place, or a kernel read transposed, gives another number.
        let image: [[[Float]]] = [[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]
        let kernel: [[[[Float]]]] = [[[[1]], [[3]]], [[[0]], [[-1]]]]
        ExerciseKit.expectClose(convolutionPixel(image: image, kernel: kernel, bias: [0], row: 0, column: 0, filter: 0, stride: 1), 2,
                                given: "the 3 × 3 image 1…9, kernel [[1, 3], [0, −1]], output (0, 0): 1 · 1 + 3 · 2 + 0 · 4 − 1 · 5")
        ExerciseKit.expectClose(convolutionPixel(image: image, kernel: kernel, bias: [0], row: 0, column: 1, filter: 0, stride: 1), 5,
                                given: "the same, output (row 0, column 1), the window one to the right: 2 + 3 · 3 − 6")
        ExerciseKit.expectClose(convolutionPixel(image: image, kernel: kernel, bias: [0.5], row: 1, column: 0, filter: 0, stride: 1), 11.5,
                                given: "the same, output (row 1, column 0), bias 0.5: 4 + 3 · 5 − 8 + 0.5")

        // Two channels and two filters, stride 2, against NNKit's Conv2D at every output.
        var generator = RandomGenerator(seed: 12)
        let (height, width, channels, filters) = (5, 7, 2, 2)
        let pixels = (0 ..< height * width * channels).map { _ in generator.nextUniform(-1, 1) }
        let layer = Conv2D(filters: filters, kernelSize: Size2D(3, 2), strides: 2)
        layer.build(inputShape: [height, width, channels], generator: &generator)
        layer.bias.value = Matrix(row: [0.25, -0.5])
        let nested = (0 ..< height).map { y in (0 ..< width).map { x in (0 ..< channels).map { pixels[(y * width + x) * channels + $0] } } }
        // NNKit's kernel matrix, row (i · 2 + j) · channels + c, column f, as Keras's nested kernel.
        let weights = (0 ..< 3).map { i in (0 ..< 2).map { j in (0 ..< channels).map { c in
            (0 ..< filters).map { layer.kernel.value[(i * 2 + j) * channels + c, $0] } } } }
        let output = layer.forward(Matrix(row: pixels), training: false)
        let (outputHeight, outputWidth) = (layer.outputShape[0], layer.outputShape[1])
        for row in 0 ..< outputHeight {
            for column in 0 ..< outputWidth {
                for filter in 0 ..< filters {
                    ExerciseKit.expectClose(
                        convolutionPixel(image: nested, kernel: weights, bias: [0.25, -0.5], row: row, column: column, filter: filter, stride: 2),
                        output.scalars[(row * outputWidth + column) * filters + filter],
                        given: "a random 5 × 7 × 2 image, a 3 × 2 kernel with 2 filters, stride 2: output (\(row), \(column)) of filter \(filter), beside NNKit's Conv2D")
                }
            }
        }
    }
}
