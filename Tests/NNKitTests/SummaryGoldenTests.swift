import NNKit
import Testing

@Suite("summary() counts parameters as Keras (summary.json)")
struct SummaryGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            struct Row: Decodable {
                let type: String
                let output_units: Int
                let params: Int
            }
            let input: Int
            let layers: [Row]
            let total: Int
            let trainable: Int
            let non_trainable: Int
        }
        let cases: [Case]
    }

    @Test(
        "Every case: each layer's type, output size and parameters, and the totals",
        arguments: GoldenFiles.caseNumbers("summary.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("summary.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "summary.json")
        let label = "case \(index) (\(golden.layers.map(\.type).joined(separator: ", ")))"
        // Keras's summary rows name only the type and output size; Dense takes its units from it.
        let layers = try golden.layers.map {
            try GoldenLayer(
                type: $0.type, units: $0.output_units, outputUnits: $0.output_units,
                activation: "relu", rate: 0.25
            ).make()
        }
        let summary = Sequential(inputSize: golden.input, layers).summary()
        #expect(summary.rows.map(\.type) == golden.layers.map(\.type), "\(label)")
        #expect(summary.rows.map(\.outputShape) == golden.layers.map { [$0.output_units] }, "\(label)")
        #expect(summary.rows.map(\.parameterCount) == golden.layers.map(\.params), "\(label)")
        #expect(summary.totalCount == golden.total, "\(label)")
        #expect(summary.trainableCount == golden.trainable, "\(label)")
        #expect(summary.nonTrainableCount == golden.non_trainable, "\(label)")
    }

    @Test("The table reads like Keras's")
    func table() {
        let model = Sequential(
            inputSize: 2,
            [
                Dense(units: 32, activation: .relu),
                Dense(units: 1, activation: .sigmoid),
            ])
        let text = model.summary().description
        #expect(text.contains("│ dense (Dense)                   │ (None, 32)             │            96 │"))
        #expect(text.contains("│ dense_1 (Dense)                 │ (None, 1)              │            33 │"))
        #expect(text.contains(" Total params: 129 (516.00 B)"))
        #expect(
            Sequential(
                inputSize: 784,
                [
                    Dense(units: 256), Dense(units: 128), Dense(units: 64),
                    Dense(units: 10),
                ]
            ).summary().description
                .contains(" Total params: 242,762 (948.29 KB)"))
    }
}
