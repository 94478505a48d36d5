import Testing

@testable import NNKit

@Suite("Convolutional networks match Keras (convolution.json)")
struct ConvolutionGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            let note: String
            let input_shape: [Int]
            let layers: [GoldenImageLayer]
            let loss: String
            let x: GoldenTensor
            let y: GoldenTensor
            let weights: [String: GoldenTensor]
            let layer_output_shapes: [[Int]]
            let output: GoldenTensor
            let loss_value: Float
            let gradients: [String: GoldenTensor]
            let gradient_wrt_input: GoldenTensor
        }
        let cases: [Case]
    }

    @Test(
        "Every case: shapes, output, loss, every gradient and the input's gradient equal Keras's",
        arguments: GoldenFiles.caseNumbers("convolution.json"))
    func everyCase(index: Int) throws {
        try check(index, winograd: false)
    }

    @Test("The cases with a 3 × 3, stride-1 convolution, computed by Winograd's F(2 × 2, 3 × 3)")
    func winograd() throws {
        let file: File = try GoldenFiles.load("convolution.json")
        var computed = 0
        for index in file.cases.indices where try check(index, winograd: true) { computed += 1 }
        #expect(computed > 0, "no case has a layer Winograd applies to")
    }

    /// Checks case `index`; with `winograd`, every Conv2D that allows it computes by Winograd's
    /// scheme (whatever its channel count), and the result says whether any did.
    @discardableResult
    func check(_ index: Int, winograd: Bool) throws -> Bool {
        let file: File = try GoldenFiles.load("convolution.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "convolution.json")
        let label = "case \(index) (\(golden.note))" + (winograd ? ", Winograd" : "")
        let model = Sequential(inputShape: golden.input_shape, try golden.layers.map { try $0.make() })
        var usesWinograd = false
        for case let conv as Conv2D in model.layers {
            conv.method = winograd && conv.allowsWinograd ? .winograd : .unfolding
            usesWinograd = usesWinograd || conv.method == .winograd
        }
        if winograd && !usesWinograd { return false }
        #expect(model.layers.map(\.outputShape) == golden.layer_output_shapes, "\(label): output shapes")

        // Weights arrive in Keras's shapes ([3, 3, 1, 3] for a kernel); each must be the shape
        // NNKit gives that weight, read in the same order.
        var weights: [String: Matrix] = [:]
        for (index, layer) in model.layers.enumerated() {
            for parameter in layer.parameters {
                let key = "\(index).\(parameter.name)"
                let tensor = try #require(golden.weights[key], "\(label) has no weights for \(key)")
                #expect(
                    tensor.shape == parameter.shape,
                    "\(label): \(key) is \(tensor.shape) in Keras, \(parameter.shape) here")
                weights[key] = Matrix(
                    rows: parameter.value.rows, columns: parameter.value.columns, scalars: tensor.scalars)
            }
        }
        try model.setWeights(weights)
        let loss = try Losses.required(golden.loss)
        model.compile(optimizer: SGD(), loss: loss)
        let x = golden.x.batch
        var y = golden.y.batch
        if loss is SparseCategoricalCrossentropy { y = Matrix(column: y.scalars) }

        GoldenFiles.expectClose(model.predict(x).scalars, golden.output.scalars, "\(label), output")
        // The gradient with respect to the images themselves, which training skips.
        model.layers[0].computesInputGradient = true
        let value = try model.computeGradients(x, y)
        #expect(GoldenFiles.isClose(value, golden.loss_value), "\(label): loss \(value), Keras \(golden.loss_value)")
        for (layerIndex, layer) in model.layers.enumerated() {
            for parameter in layer.parameters where parameter.isTrainable {
                let key = "\(layerIndex).\(parameter.name)"
                let expected = try #require(golden.gradients[key], "\(label) has no gradient for \(key)")
                GoldenFiles.expectClose(parameter.gradient.scalars, expected.scalars, "\(label), gradient of \(key)")
            }
        }
        var lossGradient = Matrix(rows: 0, columns: 0)
        _ = loss.value(predictions: model.forward(x, training: true), targets: y, gradient: &lossGradient)
        let inputGradient = model.backward(lossGradient)
        GoldenFiles.expectClose(
            inputGradient.scalars, golden.gradient_wrt_input.scalars, "\(label), gradient of the input")
        return usesWinograd
    }
}

@Suite("summary() shows image shapes and counts as Keras (summary_images.json)")
struct ImageSummaryGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            struct Row: Decodable {
                let type: String
                let output_shape: [Int]
                let params: Int
            }
            let input_shape: [Int]
            let layers: [Row]
            let total: Int
            let trainable: Int
            let non_trainable: Int
        }
        let cases: [Case]
    }

    /// Keras's summary names only each layer's type, output shape and parameter count; the
    /// settings are read back from them. A convolution's filters are its output's channels and
    /// its square kernel follows from the count; its strides and padding are the first (of
    /// stride 1 to 3, valid then same) that give the output's size. A pooling window is the
    /// ratio of the sizes, as Keras's default strides make it.
    static func layer(for row: File.Case.Row, after shape: [Int]) throws -> any Layer {
        switch row.type {
        case "Conv2D":
            let filters = try #require(row.output_shape.last)
            let positions = (row.params / filters - 1) / shape[2]
            let side = Int(Double(positions).squareRoot().rounded())
            for stride in 1...3 {
                for padding in Padding.allCases {
                    let layer = Conv2D(
                        filters: filters, kernelSize: Size2D(side, side), strides: Size2D(stride, stride),
                        padding: padding)
                    if let (_, output) = try? layer.configuration.parameterCount(inputShape: shape),
                        output == row.output_shape
                    {
                        return layer
                    }
                }
            }
            throw GoldenFileError(message: "No 2-D convolution of \(shape) gives \(row.output_shape).")
        case "MaxPooling2D":
            return MaxPooling2D(poolSize: Size2D(shape[0] / row.output_shape[0], shape[1] / row.output_shape[1]))
        case "Flatten":
            return Flatten()
        case "Dropout":
            return Dropout(rate: 0.4)
        default:
            return Dense(units: try #require(row.output_shape.first), activation: .relu)
        }
    }

    @Test(
        "Every case: each layer's type, output shape and parameters, and the totals",
        arguments: GoldenFiles.caseNumbers("summary_images.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("summary_images.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "summary_images.json")
        let label = "case \(index) (\(golden.layers.map(\.type).joined(separator: ", ")))"
        let model = Sequential(inputShape: golden.input_shape)
        for row in golden.layers { model.add(try Self.layer(for: row, after: model.outputShape)) }
        let summary = model.summary()
        #expect(summary.rows.map(\.type) == golden.layers.map(\.type), "\(label)")
        #expect(summary.rows.map(\.outputShape) == golden.layers.map(\.output_shape), "\(label)")
        #expect(summary.rows.map(\.parameterCount) == golden.layers.map(\.params), "\(label)")
        #expect(summary.totalCount == golden.total, "\(label)")
        #expect(summary.trainableCount == golden.trainable, "\(label)")
        #expect(summary.nonTrainableCount == golden.non_trainable, "\(label)")
    }

    @Test("The table prints image shapes as Keras does")
    func table() {
        let model = Sequential(
            inputShape: [28, 28, 1],
            [
                Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu), MaxPooling2D(),
                Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu), MaxPooling2D(),
                Flatten(), Dense(units: 100, activation: .relu), Dropout(rate: 0.4),
                Dense(units: 10, activation: .softmax),
            ])
        let text = model.summary().description
        #expect(text.contains("│ conv2d (Conv2D)                 │ (None, 28, 28, 32)     │           320 │"))
        #expect(text.contains("│ max_pooling2d_1 (MaxPooling2D)  │ (None, 7, 7, 64)       │             0 │"))
        #expect(text.contains("│ flatten (Flatten)               │ (None, 3136)           │             0 │"))
        #expect(text.contains(" Total params: 333,526 (1.27 MB)"))
    }
}
