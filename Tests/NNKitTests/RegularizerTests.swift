import Foundation
import Testing

@testable import NNKit

@Suite("L2 kernel regularizer")
struct RegularizerTests {
    @Test("The penalty joins the loss and its gradient the kernel's, as Keras adds model.losses")
    func penaltyAndGradient() throws {
        // Kernel [[1], [2]], bias 0, l2(0.1): penalty 0.1 · (1 + 4) = 0.5.
        // Input [[1, 1]], target [[0]]: output 3, MSE 9, ∂MSE/∂w = 2 · 3 · x = [6, 6];
        // plus 2 · 0.1 · w = [0.2, 0.4] → [6.2, 6.4].
        let model = Sequential(inputSize: 2, [Dense(units: 1, kernelRegularizer: .l2(0.1))])
        try model.setWeights(["0.kernel": Matrix([[1], [2]]), "0.bias": Matrix(row: [0])])
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        #expect(abs(model.regularizationLoss - 0.5) < 1e-6)
        let loss = try model.computeGradients(Matrix([[1, 1]]), Matrix([[0]]))
        #expect(abs(loss - 9.5) < 1e-5)
        let dense = try #require(model.layers[0] as? Dense)
        #expect(dense.kernel.gradient == Matrix([[6.2], [6.4]]))
        let evaluated = try model.evaluate(Matrix([[1, 1]]), Matrix([[0]]))[.loss] ?? 0
        #expect(abs(evaluated - 9.5) < 1e-5)
    }

    @Test("Finite differences agree with the regularized gradient", arguments: [Regularizer.l2(0.05), .l1(0.05)])
    func finiteDifferences(regularizer: Regularizer) throws {
        let model = Sequential(
            inputSize: 3, [Dense(units: 2, activation: .tanh, kernelRegularizer: regularizer)], seed: 6)
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        let x = Matrix([[0.5, -1, 2], [1, 0.3, -0.7]])
        let y = Matrix([[0.1, -0.4], [0.6, 0.2]])
        _ = try model.computeGradients(x, y)
        let dense = try #require(model.layers[0] as? Dense)
        let analytic = dense.kernel.gradient
        let h: Float = 1e-3
        for i in dense.kernel.value.scalars.indices {
            let original = dense.kernel.value.scalars[i]
            dense.kernel.value.scalars[i] = original + h
            let plus = try model.computeGradients(x, y)
            dense.kernel.value.scalars[i] = original - h
            let minus = try model.computeGradients(x, y)
            dense.kernel.value.scalars[i] = original
            let numeric = (plus - minus) / (2 * h)
            #expect(
                abs(analytic.scalars[i] - numeric) < 2e-3,
                "\(regularizer.name) kernel[\(i)]: \(analytic.scalars[i]) vs \(numeric)")
        }
    }

    @Test("A regularized model saves and loads with its regularizer")
    func modelFile() throws {
        let model = Sequential(inputSize: 4, [Dense(units: 3, activation: .relu, kernelRegularizer: .l2(0.001))])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("l2-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url)
        let loaded = try Sequential.load(from: url)
        #expect((loaded.layers[0] as? Dense)?.kernelRegularizer == .l2(0.001))
        #expect(abs(loaded.regularizationLoss - model.regularizationLoss) < 1e-9)
    }
}
