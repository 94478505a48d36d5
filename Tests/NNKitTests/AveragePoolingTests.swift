import Foundation
import Testing

@testable import NNKit

/// AveragePooling2D against Keras 3.15's own answers (`KerasFiles/average_pooling.json` and
/// `pooled.keras`, from `scripts/keras-average-pooling.py`): outputs and input gradients for six
/// settings, a Keras file that uses it, and NNKit's own files round trip.
@Suite("AveragePooling2D matches Keras")
struct AveragePoolingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var inputShape: [Int], poolSize: [Int], strides: [Int], padding: String, batch: Int
        var input: [Float], outputShape: [Int], output: [Float], upstream: [Float], inputGradient: [Float]
        var testDescription: String { "\(inputShape), pool \(poolSize), strides \(strides), \(padding)" }
    }

    static let tolerance: Float = 1e-5

    static func fixture() throws -> [String: Any] {
        let url = try KerasFileTests.fixture("average_pooling.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static var cases: [Case] {
        guard let entries = (try? fixture())?["cases"] as? [[String: Any]] else { return [] }
        func floats(_ value: Any?) -> [Float] { ((value as? [[Double]]) ?? []).flatMap { $0.map(Float.init) } }
        func ints(_ value: Any?) -> [Int] { (value as? [Int]) ?? [] }
        return entries.map { entry in
            Case(
                inputShape: ints(entry["input_shape"]), poolSize: ints(entry["pool_size"]),
                strides: ints(entry["strides"]),
                padding: entry["padding"] as? String ?? "", batch: entry["batch"] as? Int ?? 0,
                input: floats(entry["input"]), outputShape: ints(entry["output_shape"]),
                output: floats(entry["output"]),
                upstream: floats(entry["upstream"]), inputGradient: floats(entry["input_gradient"]))
        }
    }

    @Test("The fixture holds cases")
    func fixtureHoldsCases() {
        #expect(Self.cases.count >= 6)
    }

    @Test("Output and input gradient as Keras computes them", arguments: cases)
    func matchesKeras(_ c: Case) throws {
        let padding = try #require(Padding(rawValue: c.padding))
        let layer = AveragePooling2D(
            poolSize: Size2D(c.poolSize[0], c.poolSize[1]),
            strides: Size2D(c.strides[0], c.strides[1]), padding: padding)
        var generator = RandomGenerator(seed: 1)
        layer.build(inputShape: c.inputShape, generator: &generator)
        #expect(layer.outputShape == c.outputShape)
        let output = layer.forward(
            Matrix(rows: c.batch, columns: c.input.count / c.batch, scalars: c.input),
            training: true)
        ReferenceTests.expectClose(output.scalars, c.output, "\(c.testDescription): output")
        let gradient = layer.backward(Matrix(rows: c.batch, columns: c.upstream.count / c.batch, scalars: c.upstream))
        ReferenceTests.expectClose(gradient.scalars, c.inputGradient, "\(c.testDescription): input gradient")
    }

    @Test("Its gradient agrees with finite differences")
    func finiteDifferences() {
        let layer = AveragePooling2D(poolSize: 3, strides: 2, padding: .same)
        var generator = RandomGenerator(seed: 2)
        layer.build(inputShape: [5, 6, 2], generator: &generator)
        GradientCheckTests.check(
            layer, input: GradientCheckTests.randomMatrix(2, 60, seed: 3), label: "AveragePooling2D")
    }

    @Test("A Keras file with AveragePooling2D loads and predicts as Keras did")
    func kerasFile() throws {
        let model = try Sequential.load(from: try KerasFileTests.fixture("pooled.keras"))
        #expect(model.layers.map(\.typeName) == ["Conv2D", "AveragePooling2D", "Flatten", "Dense"])
        let entry = try #require(try Self.fixture()["pooled.keras"] as? [String: [[Double]]])
        let inputs = try #require(entry["inputs"]), outputs = try #require(entry["outputs"])
        let predicted = model.predict(
            Matrix(
                rows: inputs.count, columns: inputs[0].count,
                scalars: inputs.flatMap { $0.map(Float.init) }))
        ReferenceTests.expectClose(predicted.scalars, outputs.flatMap { $0.map(Float.init) }, "pooled.keras")
    }

    @Test("NNKit's own files keep it, and the summary names it as Keras does", arguments: ["m.keras", "m.safetensors"])
    func roundTrip(name: String) throws {
        let model = Sequential(
            inputShape: [6, 6, 1],
            [
                Conv2D(filters: 2, kernelSize: 3, padding: .same),
                AveragePooling2D(poolSize: 2), Flatten(), Dense(units: 3),
            ], seed: 4)
        #expect("\(model.summary())".contains("│ average_pooling2d "))
        #expect("\(model.summary())".contains("│ (AveragePooling2D) "))
        let file = KerasFileTests.temporary(name)
        defer { try? FileManager.default.removeItem(at: file) }
        try model.save(to: file)
        let loaded = try Sequential.load(from: file)
        let x = KerasFileTests.sampleInputs(model)
        #expect(loaded.layers[1].configuration == model.layers[1].configuration)
        #expect(loaded.predict(x) == model.predict(x))
    }
}
