extension Reference {
    /// The shape a convolution or pooling window gives: its output and the padding before the
    /// first row and column.
    public struct WindowGeometry: Equatable, Sendable {
        public var output: ImageShape
        public var top: Int
        public var left: Int
    }

    static func geometry(
        _ input: ImageShape, window: Size2D, strides: Size2D, padding: Padding,
        outputChannels: Int
    ) -> WindowGeometry {
        let rows = outputLength(input.height, window: window.height, stride: strides.height, padding: padding)
        let columns = outputLength(input.width, window: window.width, stride: strides.width, padding: padding)
        return WindowGeometry(
            output: ImageShape(height: rows.count, width: columns.count, channels: outputChannels),
            top: rows.before, left: columns.before)
    }

    /// Conv2D's forward pass before its activation, as the direct sum:
    ///
    ///     output[n, y, x, f] = bias[f] + Σ_{i, j, c} input[n, y·sy + i − top, x·sx + j − left, c]
    ///                                                · kernel[i, j, c, f]
    ///
    /// where pixels outside the image count as 0. `kernel` is `[kernelHeight, kernelWidth,
    /// channels, filters]`, flattened with the filter fastest (Keras's layout).
    public static func conv2D(
        _ input: [Float], batch: Int, shape: ImageShape, kernel: [Float], kernelSize: Size2D,
        filters: Int, bias: [Float], strides: Size2D = 1, padding: Padding = .valid
    )
        -> (output: [Float], shape: ImageShape)
    {
        let g = geometry(shape, window: kernelSize, strides: strides, padding: padding, outputChannels: filters)
        var output = [Float](repeating: 0, count: batch * g.output.count)
        for n in 0..<batch {
            for y in 0..<g.output.height {
                for x in 0..<g.output.width {
                    for f in 0..<filters {
                        var sum = bias[f]
                        for i in 0..<kernelSize.height {
                            for j in 0..<kernelSize.width {
                                let (row, column) = (y * strides.height + i - g.top, x * strides.width + j - g.left)
                                guard row >= 0, row < shape.height, column >= 0, column < shape.width else { continue }
                                for c in 0..<shape.channels {
                                    sum +=
                                        input[n * shape.count + shape.index(row, column, c)]
                                        * kernel[((i * kernelSize.width + j) * shape.channels + c) * filters + f]
                                }
                            }
                        }
                        output[n * g.output.count + g.output.index(y, x, f)] = sum
                    }
                }
            }
        }
        return (output, g.output)
    }

    /// Conv2D's backward pass, before its activation: given ∂loss/∂output, the gradients of the
    /// input, the kernel and the bias, each the sum over every place the value took part in:
    ///
    ///     ∂input[n, y·sy + i − top, x·sx + j − left, c] += ∂output[n, y, x, f] · kernel[i, j, c, f]
    ///     ∂kernel[i, j, c, f] += ∂output[n, y, x, f] · input[n, y·sy + i − top, x·sx + j − left, c]
    ///     ∂bias[f]            += ∂output[n, y, x, f]
    public static func conv2DBackward(
        _ input: [Float], batch: Int, shape: ImageShape, kernel: [Float],
        kernelSize: Size2D, filters: Int, outputGradient: [Float], strides: Size2D = 1,
        padding: Padding = .valid
    )
        -> (input: [Float], kernel: [Float], bias: [Float])
    {
        let g = geometry(shape, window: kernelSize, strides: strides, padding: padding, outputChannels: filters)
        var inputGradient = [Float](repeating: 0, count: input.count)
        var kernelGradient = [Float](repeating: 0, count: kernel.count)
        var biasGradient = [Float](repeating: 0, count: filters)
        for n in 0..<batch {
            for y in 0..<g.output.height {
                for x in 0..<g.output.width {
                    for f in 0..<filters {
                        let upstream = outputGradient[n * g.output.count + g.output.index(y, x, f)]
                        biasGradient[f] += upstream
                        for i in 0..<kernelSize.height {
                            for j in 0..<kernelSize.width {
                                let (row, column) = (y * strides.height + i - g.top, x * strides.width + j - g.left)
                                guard row >= 0, row < shape.height, column >= 0, column < shape.width else { continue }
                                for c in 0..<shape.channels {
                                    let pixel = n * shape.count + shape.index(row, column, c)
                                    let weight = ((i * kernelSize.width + j) * shape.channels + c) * filters + f
                                    inputGradient[pixel] += upstream * kernel[weight]
                                    kernelGradient[weight] += upstream * input[pixel]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (inputGradient, kernelGradient, biasGradient)
    }
}
