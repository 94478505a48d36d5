extension Reference {
    /// MaxPooling2D's forward pass: each channel's largest value in every window, padded places
    /// (same padding) taking no part:
    ///
    ///     output[n, y, x, c] = max_{i, j} input[n, y·sy + i − top, x·sx + j − left, c]
    public static func maxPooling2D(
        _ input: [Float], batch: Int, shape: ImageShape, poolSize: Size2D,
        strides: Size2D, padding: Padding = .valid
    ) -> (output: [Float], shape: ImageShape) {
        let g = geometry(shape, window: poolSize, strides: strides, padding: padding, outputChannels: shape.channels)
        var output = [Float](repeating: 0, count: batch * g.output.count)
        for n in 0..<batch {
            for y in 0..<g.output.height {
                for x in 0..<g.output.width {
                    for c in 0..<shape.channels {
                        let winner = argmax(
                            input, n: n, y: y, x: x, c: c, shape: shape, poolSize: poolSize,
                            strides: strides, geometry: g)
                        output[n * g.output.count + g.output.index(y, x, c)] = winner.map { input[$0] } ?? 0
                    }
                }
            }
        }
        return (output, g.output)
    }

    /// MaxPooling2D's backward pass: each window's gradient goes to the place that won it (the
    /// first, in reading order, of equal largest values); every other place gets nothing.
    public static func maxPooling2DBackward(
        _ input: [Float], batch: Int, shape: ImageShape, poolSize: Size2D,
        strides: Size2D, padding: Padding = .valid,
        outputGradient: [Float]
    ) -> [Float] {
        let g = geometry(shape, window: poolSize, strides: strides, padding: padding, outputChannels: shape.channels)
        var inputGradient = [Float](repeating: 0, count: input.count)
        for n in 0..<batch {
            for y in 0..<g.output.height {
                for x in 0..<g.output.width {
                    for c in 0..<shape.channels {
                        guard
                            let winner = argmax(
                                input, n: n, y: y, x: x, c: c, shape: shape, poolSize: poolSize,
                                strides: strides, geometry: g)
                        else { continue }
                        inputGradient[winner] += outputGradient[n * g.output.count + g.output.index(y, x, c)]
                    }
                }
            }
        }
        return inputGradient
    }

    /// The flat index of the largest value in one window of one channel, nil for a window that
    /// lies wholly in the padding.
    private static func argmax(
        _ input: [Float], n: Int, y: Int, x: Int, c: Int, shape: ImageShape, poolSize: Size2D,
        strides: Size2D, geometry g: WindowGeometry
    ) -> Int? {
        var winner: Int?
        for i in 0..<poolSize.height {
            for j in 0..<poolSize.width {
                let (row, column) = (y * strides.height + i - g.top, x * strides.width + j - g.left)
                guard row >= 0, row < shape.height, column >= 0, column < shape.width else { continue }
                let place = n * shape.count + shape.index(row, column, c)
                if winner.map({ input[place] > input[$0] }) ?? true { winner = place }
            }
        }
        return winner
    }
}
