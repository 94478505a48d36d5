import NNKit
import Testing

@Suite("Whole-network gradients match Keras (network_gradients.json)")
struct NetworkGradientGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            let layers: [GoldenLayer]
            let loss: String
            let x: GoldenMatrix
            let y: GoldenMatrix
            let weights: [String: GoldenMatrix]
            let output: GoldenMatrix
            let loss_value: Float
            let gradients: [String: GoldenMatrix]
        }
        let cases: [Case]
    }

    @Test(
        "Every case: output, mean loss and every kernel's and bias's gradient equal Keras's",
        arguments: GoldenFiles.caseNumbers("network_gradients.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("network_gradients.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "network_gradients.json")
        let label =
            "case \(index) (\(golden.layers.map { $0.activation ?? $0.type }.joined(separator: "→")), \(golden.loss))"
        let x = golden.x.matrix
        let model = Sequential(inputSize: x.columns, try golden.layers.map { try $0.make() })
        try model.setWeights(golden.weights.mapValues(\.matrix))
        let loss = try Losses.required(golden.loss)
        model.compile(optimizer: SGD(), loss: loss)
        var y = golden.y.matrix
        if loss is SparseCategoricalCrossentropy && y.rows == 1 { y = Matrix(column: y.scalars) }

        GoldenFiles.expectClose(model.predict(x).scalars, golden.output.matrix.scalars, "\(label), output")
        let value = try model.computeGradients(x, y)
        #expect(GoldenFiles.isClose(value, golden.loss_value), "\(label): loss \(value), Keras \(golden.loss_value)")
        for (layerIndex, layer) in model.layers.enumerated() {
            for parameter in layer.parameters where parameter.isTrainable {
                let key = "\(layerIndex).\(parameter.name)"
                let expected = try #require(golden.gradients[key], "\(label) has no gradient for \(key)")
                GoldenFiles.expectClose(
                    parameter.gradient.scalars, expected.matrix.scalars,
                    "\(label), gradient of \(key)")
            }
        }
    }
}
