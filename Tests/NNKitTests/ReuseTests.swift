import Testing

@testable import NNKit

@Suite("Copying a model and reusing its layers")
struct ReuseTests {
    static func modelA() -> Sequential {
        Sequential(
            inputShape: [6, 6, 1],
            [
                Conv2D(filters: 3, kernelSize: 3, activation: .relu), MaxPooling2D(), Flatten(),
                Dense(units: 5, activation: .relu), BatchNormalization(), Dense(units: 4, activation: .softmax),
            ], seed: 1)
    }

    static let x = Matrix(rows: 12, columns: 36, scalars: (0..<432).map { Float(($0 * 7) % 11) / 10 })
    static let y = Matrix(column: (0..<12).map { Float($0 % 3) })

    @Test("A copy predicts the same, keeps isTrainable, and training it leaves the original alone")
    func copyIsIndependent() throws {
        let a = Self.modelA()
        a.layers[0].isTrainable = false
        let copy = try a.copy()
        #expect(copy.layers.map(\.configuration) == a.layers.map(\.configuration))
        #expect(copy.layers.map(\.isTrainable) == a.layers.map(\.isTrainable))
        #expect(copy.predict(Self.x) == a.predict(Self.x))
        let before = a.weights.map(\.value)
        copy.compile(optimizer: Adam(learningRate: 0.05), loss: .sparseCategoricalCrossentropy)
        try copy.fit(Self.x, Self.y, epochs: 3, batchSize: 4, verbose: .silent)
        #expect(a.weights.map(\.value) == before)
        #expect(copy.weights.map(\.value) != before)
        // Frozen in the copy too: its convolution did not move.
        #expect(copy.weights[0].value == before[0])
    }

    @Test("Reused layers are shared: a frozen one stays put in both models, a trainable one moves in both")
    func reusedLayersAreShared() throws {
        let a = Self.modelA()
        let b = Sequential(inputShape: [6, 6, 1], seed: 2)
        for layer in a.layers.prefix(4) { try b.add(reusing: layer) }
        b.add(Dense(units: 2, activation: .softmax))
        #expect(b.layers.prefix(4).map(\.name) == a.layers.prefix(4).map(\.name))
        #expect(b.layers.last?.name == "dense_1", "names are unique within a model")
        #expect(
            b.summary().totalCount == a.layers.prefix(4).flatMap(\.parameters).reduce(0) { $0 + $1.count } + 5 * 2 + 2)

        let reusedBefore = a.weights.prefix(4).map(\.value)
        for layer in b.layers.prefix(4) { layer.isTrainable = false }
        b.compile(optimizer: Adam(learningRate: 0.05), loss: .sparseCategoricalCrossentropy)
        let y = Matrix(column: (0..<12).map { Float($0 % 2) })
        try b.fit(Self.x, y, epochs: 2, batchSize: 4, verbose: .silent)
        #expect(a.weights.prefix(4).map(\.value) == reusedBefore, "frozen reused layers must not change")

        for layer in b.layers.prefix(4) { layer.isTrainable = true }
        b.compile(optimizer: Adam(learningRate: 0.05), loss: .sparseCategoricalCrossentropy)
        try b.fit(Self.x, y, epochs: 2, batchSize: 4, verbose: .silent)
        #expect(a.weights.prefix(4).map(\.value) != reusedBefore, "unfrozen, the shared layers train in A too")
    }

    @Test("A layer built for another input is refused, naming both shapes; so is one used twice")
    func mismatchedReuse() throws {
        let a = Self.modelA()
        let b = Sequential(inputShape: [8, 8, 1])
        #expect(throws: NNKitError.self) { try b.add(reusing: a.layers[0]) }
        let c = Sequential(inputShape: [6, 6, 1])
        try c.add(reusing: a.layers[0])
        #expect(throws: NNKitError.self) { try c.add(reusing: a.layers[0]) }
        do {
            try b.add(reusing: a.layers[0])
        } catch {
            #expect("\(error)".contains("(8, 8, 1)") && "\(error)".contains("(4, 4, 3)"), "\(error)")
        }
    }
}

extension ReuseTests {
    @Test("A pooling layer built for another image size is refused, though its output would match")
    func poolingBuiltForAnotherSize() {
        let a = Sequential(inputShape: [28, 28, 1], [MaxPooling2D()])
        let b = Sequential(inputShape: [29, 29, 1])
        #expect(throws: NNKitError.self) { try b.add(reusing: a.layers[0]) }
    }

    @Test("Reusing a layer first in another model keeps the gradient its own model needs")
    func reusedLayerKeepsItsInputGradient() throws {
        let a = Self.modelA()
        #expect(a.layers[3].computesInputGradient)
        let b = Sequential(inputShape: [12])
        try b.add(reusing: a.layers[3])
        #expect(a.layers[3].computesInputGradient)
        a.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy)
        _ = try a.computeGradients(Self.x, Self.y)
    }
}

@Suite("Conv2D with softmax")
struct ConvolutionSoftmaxTests {
    @Test("Softmax runs over each pixel's filters, as over Keras's last axis")
    func softmaxPerPixel() {
        let layer = Conv2D(filters: 3, kernelSize: 1, activation: .softmax)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: [2, 2, 1], generator: &generator)
        let output = layer.forward(Matrix([[0.5, -1, 2, 0.25]]), training: false)
        for pixel in 0..<4 {
            let sum = output.scalars[pixel * 3..<pixel * 3 + 3].reduce(0, +)
            #expect(abs(sum - 1) < 1e-6, "pixel \(pixel): \(sum)")
        }
    }
}

@Suite("Convolution split between cores")
struct ConvolutionSplitTests {
    @Test("A batch split between two cores gives what its pieces give one by one")
    func splitMatchesPieces() {
        let layer = Conv2D(filters: 4, kernelSize: 3, padding: .same, activation: .relu)
        var generator = RandomGenerator(seed: 5)
        layer.build(inputShape: [7, 6, 2], generator: &generator)
        let x = GradientCheckTests.randomMatrix(12, 84, seed: 6)
        let upstream = GradientCheckTests.randomMatrix(12, layer.outputSize, seed: 7)
        // Twelve images split in two halves (when there are two cores); pieces of four never split.
        let whole = layer.forward(x, training: true)
        let inputGradient = layer.backward(upstream)
        let (kernelGradient, biasGradient) = (layer.kernel.gradient, layer.bias.gradient)
        var pieces: [Float] = [], pieceGradients: [Float] = []
        var kernelSum = Matrix(rows: kernelGradient.rows, columns: kernelGradient.columns)
        var biasSum = Matrix(rows: 1, columns: 4)
        for start in stride(from: 0, to: 12, by: 4) {
            pieces += layer.forward(x.rows(start..<start + 4), training: true).scalars
            pieceGradients += layer.backward(upstream.rows(start..<start + 4)).scalars
            kernelSum = kernelSum + layer.kernel.gradient
            biasSum = biasSum + layer.bias.gradient
        }
        #expect(whole.scalars == pieces, "each image's output is computed alone")
        #expect(inputGradient.scalars == pieceGradients)
        GoldenFiles.expectClose(
            kernelGradient.scalars, kernelSum.scalars, "kernel gradient", relative: 1e-5, absolute: 1e-5)
        GoldenFiles.expectClose(biasGradient.scalars, biasSum.scalars, "bias gradient", relative: 1e-5, absolute: 1e-5)
    }
}
