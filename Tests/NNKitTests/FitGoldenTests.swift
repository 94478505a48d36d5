import NNKit
import Testing

@Suite("A whole fit matches Keras (fit_xor.json)")
struct FitGoldenTests {
    /// Five epochs of compounding float32 rounding: Keras's own README allows 1e-4 here.
    static let tolerance: Float = 1e-4

    struct File: Decodable {
        struct Case: Decodable {
            let optimizer: String
            let config: [String: GoldenValue]
            let batch_size: Int
            let epochs: Int
            let shuffle: Bool
            let loss: String
            let initial_weights: [String: GoldenMatrix]
            let history_loss: [Float]
            let history_accuracy: [Float]
            let final_weights: [String: GoldenMatrix]
            let final_predictions: GoldenMatrix
        }
        let x: GoldenMatrix
        let y: GoldenMatrix
        let cases: [Case]
    }

    @Test(
        "Every case: per-epoch loss and accuracy, final weights and predictions equal Keras's",
        arguments: GoldenFiles.caseNumbers("fit_xor.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("fit_xor.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "fit_xor.json")
        let x = file.x.matrix
        let y = file.y.matrix
        let label = "case \(index) (\(golden.optimizer), batch \(golden.batch_size))"
        // The network the file's note describes: Dense(4, tanh) then Dense(1, sigmoid).
        let model = Sequential(
            inputSize: x.columns,
            [
                Dense(units: 4, activation: .tanh),
                Dense(units: 1, activation: .sigmoid),
            ])
        try model.setWeights(golden.initial_weights.mapValues(\.matrix))
        model.compile(
            optimizer: try makeOptimizer(golden.optimizer, golden.config),
            loss: try Losses.required(golden.loss), metrics: [.accuracy])
        let history = try model.fit(
            x, y, epochs: golden.epochs, batchSize: golden.batch_size,
            shuffle: golden.shuffle, verbose: .silent)
        GoldenFiles.expectClose(
            history[.loss], golden.history_loss, "\(label), loss per epoch",
            relative: Self.tolerance, absolute: Self.tolerance)
        GoldenFiles.expectClose(
            history[.accuracy], golden.history_accuracy, "\(label), accuracy per epoch",
            relative: Self.tolerance, absolute: Self.tolerance)
        let weights = Dictionary(uniqueKeysWithValues: model.weights.map { ($0.key, $0.value) })
        for (key, expected) in golden.final_weights.sorted(by: { $0.key < $1.key }) {
            let actual = try #require(weights[key], "\(label): the model has no weight \(key)")
            GoldenFiles.expectClose(
                actual.scalars, expected.matrix.scalars, "\(label), final \(key)",
                relative: Self.tolerance, absolute: Self.tolerance)
        }
        GoldenFiles.expectClose(
            model.predict(x).scalars, golden.final_predictions.matrix.scalars,
            "\(label), final predictions",
            relative: Self.tolerance, absolute: Self.tolerance)
    }
}
