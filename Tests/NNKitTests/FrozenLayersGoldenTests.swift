import NNKit
import Testing

@Suite("Frozen layers match Keras (frozen_layers.json)")
struct FrozenLayersGoldenTests {
    /// A few epochs of compounding float32 rounding, as for fit_xor.json.
    static let tolerance: Float = 1e-4

    struct File: Decodable {
        struct Case: Decodable {
            let layers: [[String: GoldenValue]]
            let frozen_layers: [Int]
            let optimizer: String
            let config: [String: GoldenValue]
            let batch_size: Int
            let epochs: Int
            let shuffle: Bool
            let loss: String
            let x: GoldenMatrix
            let y: GoldenMatrix
            let initial_weights: [String: GoldenMatrix]
            let history_loss: [Float]
            let final_weights: [String: GoldenMatrix]
            let trainable_params: Int
            let non_trainable_params: Int
        }
        let cases: [Case]
    }

    /// The layer a golden entry describes, through the same settings a model file holds.
    static func layer(_ entry: [String: GoldenValue]) throws -> any Layer {
        let type = try #require(entry["type"]?.text)
        let values: [(key: String, value: LayerConfiguration.Value)] = entry.sorted { $0.key < $1.key }
            .filter { $0.key != "type" }.compactMap { key, value in
                if let number = value.number {
                    return (key, number == number.rounded() ? .int(Int(number)) : .float(number))
                }
                if let text = value.text { return (key, .string(text)) }
                return nil
            }
        return try LayerConfiguration(type: type, values).makeLayer()
    }

    @Test(
        "Every case: frozen weights unchanged, the others and the loss per epoch as Keras's, and the counts",
        arguments: GoldenFiles.caseNumbers("frozen_layers.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("frozen_layers.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "frozen_layers.json")
        let label = "case \(index) (frozen \(golden.frozen_layers))"
        var y = golden.y.matrix
        if y.rows == 1 && y.columns > 1 { y = Matrix(column: y.scalars) }
        let model = Sequential(inputSize: golden.x.matrix.columns, try golden.layers.map(Self.layer))
        try model.setWeights(golden.initial_weights.mapValues(\.matrix))
        for index in golden.frozen_layers { model.layers[index].isTrainable = false }
        model.compile(
            optimizer: try makeOptimizer(golden.optimizer, golden.config), loss: try Losses.required(golden.loss))
        let summary = model.summary()
        #expect(summary.trainableCount == golden.trainable_params, "\(label): trainable count")
        #expect(summary.nonTrainableCount == golden.non_trainable_params, "\(label): non-trainable count")

        let before = model.weightDictionary
        let history = try model.fit(
            golden.x.matrix, y, epochs: golden.epochs, batchSize: golden.batch_size,
            shuffle: golden.shuffle, verbose: .silent)
        GoldenFiles.expectClose(
            history[.loss], golden.history_loss, "\(label), loss per epoch",
            relative: Self.tolerance, absolute: Self.tolerance)
        let after = model.weightDictionary
        for (key, expected) in golden.final_weights.sorted(by: { $0.key < $1.key }) {
            let actual = try #require(after[key], "\(label): the model has no weight \(key)")
            GoldenFiles.expectClose(
                actual.scalars, expected.matrix.scalars, "\(label), final \(key)",
                relative: Self.tolerance, absolute: Self.tolerance)
            let layerIndex = Int(key.prefix { $0 != "." }) ?? -1
            if golden.frozen_layers.contains(layerIndex) {
                #expect(actual == before[key], "\(label): \(key) of a frozen layer changed in fit")
            }
        }
    }

    @Test("Freezing takes effect at the next compile, as in Keras")
    func freezingAtCompile() throws {
        let model = Sequential(inputSize: 2, [Dense(units: 2), Dense(units: 1)], seed: 3)
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError)
        model.layers[0].isTrainable = false
        let x = Matrix([[1, 2], [3, 4]])
        let y = Matrix(column: [1, 0])
        let first = model.weights[0].value
        try model.fit(x, y, epochs: 1, batchSize: 2, verbose: .silent)
        #expect(model.weights[0].value != first, "compiled while trainable: the kernel still trains")
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError)
        let frozen = model.weights[0].value
        try model.fit(x, y, epochs: 1, batchSize: 2, verbose: .silent)
        #expect(model.weights[0].value == frozen, "compiled frozen: the kernel does not move")
    }
}
