import NNKit
import Testing

@Suite("Layer properties")
struct LayerPropertyTests {
    @Test("Dropout at inference is the identity; in training it keeps about 1 − rate, scaled")
    func dropout() {
        let layer = Dropout(rate: 0.25)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputSize: 1000, generator: &generator)
        let input = Matrix(rows: 10, columns: 1000, repeating: 1)
        #expect(layer.forward(input, training: false) == input)
        let output = layer.forward(input, training: true)
        let kept = output.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 1 / 0.75 })
        #expect(abs(Float(kept.count) / 10_000 - 0.75) < 0.02)
    }

    @Test("Dropout masks are fixed by the model's seed")
    func dropoutSeed() {
        func mask(seed: UInt64) -> Matrix {
            let model = Sequential(inputSize: 4, [Dense(units: 64), Dropout(rate: 0.5)], seed: seed)
            _ = model.forward(Matrix(rows: 2, columns: 4, repeating: 1), training: true)
            return (model.layers[1] as? Dropout)?.mask ?? Matrix(rows: 0, columns: 0)
        }
        #expect(mask(seed: 1) == mask(seed: 1))
        #expect(mask(seed: 1) != mask(seed: 2))
    }

    @Test("BatchNormalization in training gives each column mean 0 and variance 1")
    func batchNormalization() {
        let layer = BatchNormalization()
        var generator = RandomGenerator(seed: 2)
        layer.build(inputSize: 3, generator: &generator)
        let input = GradientCheckTests.randomMatrix(64, 3, seed: 12, scale: 5) + Matrix(row: [10, -3, 0])
        let output = layer.forward(input, training: true)
        let means = output.columnSums() / 64
        let variances = (output * output).columnSums() / 64
        #expect(means.maxAbsolute() < 1e-5)
        // Variance 1 shrunk by ε = 1e-3 in the denominator: σ² / (σ² + ε) for σ² ≈ 25.
        #expect((variances - 1).maxAbsolute() < 1e-3)
    }

    @Test("Sequential names layers as Keras: dense, dense_1, …")
    func names() {
        let model = Sequential(
            inputSize: 3,
            [
                Dense(units: 2), Dropout(rate: 0.1), Dense(units: 1),
                BatchNormalization(), Activation(.relu),
            ])
        #expect(model.layers.map(\.name) == ["dense", "dropout", "dense_1", "batch_normalization", "activation"])
    }

    @Test("setWeights refuses a missing key and a wrong shape, naming them")
    func setWeights() {
        let model = Sequential(inputSize: 3, [Dense(units: 2)])
        #expect(throws: NNKitError.weights("No weights for 0.bias (dense); expected a 1 × 2 matrix.")) {
            try model.setWeights(["0.kernel": Matrix(rows: 3, columns: 2)])
        }
        #expect(throws: NNKitError.weights("0.kernel (dense) is 3 × 2; got 2 × 3.")) {
            try model.setWeights(["0.kernel": Matrix(rows: 2, columns: 3), "0.bias": Matrix(row: [0, 0])])
        }
    }

    @Test("fit refuses data of the wrong shape with a message, not a crash")
    func fitShapes() {
        let model = Sequential(inputSize: 3, [Dense(units: 1)])
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        #expect(throws: NNKitError.self) {
            try model.fit(Matrix(rows: 4, columns: 2), Matrix(rows: 4, columns: 1), verbose: .silent)
        }
        #expect(throws: NNKitError.self) {
            try model.fit(Matrix(rows: 4, columns: 3), Matrix(rows: 5, columns: 1), verbose: .silent)
        }
    }
}
