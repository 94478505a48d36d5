import ExerciseKit

@main
enum OutputSizeCheck: ExerciseCheck {
    static func run() throws {
        /// A size, or nil said plainly.
        func plain(_ size: Int?) -> String { size.map(String.init) ?? "nothing (nil)" }
        let cases: [(input: Int, kernel: Int, stride: Int, same: Bool, expected: Int?, note: String)] = [
            (28, 3, 1, false, 26, "a 3-wide kernel on 28 pixels"),
            (28, 3, 1, true, 28, "chapter 12's convolutions"),
            (28, 2, 2, false, 14, "chapter 12's first pooling"),
            (7, 2, 2, false, 3, "an odd size pooled: the last column is left out"),
            (7, 2, 2, true, 4, "the same with same padding: the last column gets a window of its own"),
            (28, 2, 2, true, 14, "same padding with an even kernel: still the input over the stride, rounded up"),
            (28, 5, 2, false, 12, "a 5 × 5 kernel at stride 2"),
            (6, 3, 2, true, 3, "same padding at stride 2 on an even size"),
            (5, 5, 1, false, 1, "a kernel exactly the size of the input"),
            (3, 5, 1, false, nil, "a kernel larger than the input"),
            (3, 5, 1, true, 3, "a kernel larger than the input, padded"),
        ]
        for c in cases {
            let size = outputSize(input: c.input, kernel: c.kernel, stride: c.stride, samePadding: c.same)
            ExerciseKit.expect(size == c.expected,
                               given: "outputSize(input: \(c.input), kernel: \(c.kernel), stride: \(c.stride), samePadding: \(c.same)), \(c.note)",
                               expected: plain(c.expected), got: plain(size))
        }
        // Beside NNKit: every combination, against the shape Conv2D builds.
        for input in 1 ... 9 {
            for kernel in 1 ... 4 {
                for stride in 1 ... 3 {
                    for padding in Padding.allCases {
                        let layer = Conv2D(filters: 1, kernelSize: Size2D(kernel, 1), strides: Size2D(stride, 1), padding: padding)
                        let nnkit = (try? layer.configuration.parameterCount(inputShape: [input, 1, 1]))?.outputShape[0]
                        let size = outputSize(input: input, kernel: kernel, stride: stride, samePadding: padding == .same)
                        ExerciseKit.expect(size == nnkit,
                                           given: "outputSize(input: \(input), kernel: \(kernel), stride: \(stride), samePadding: \(padding == .same)), beside NNKit's Conv2D",
                                           expected: plain(nnkit), got: plain(size))
                    }
                }
            }
        }
    }
}
