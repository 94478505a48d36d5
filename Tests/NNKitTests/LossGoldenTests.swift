import NNKit
import Testing

@Suite("Losses match Keras (losses.json)")
struct LossGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            let loss: String
            let y_true: GoldenMatrix
            let y_pred: GoldenMatrix?
            let logits: GoldenMatrix?
            let value: Float
            let gradient_wrt_y_pred: GoldenMatrix?
            let gradient_wrt_logits: GoldenMatrix?
        }
        let cases: [Case]
    }

    @Test("Every case: the mean loss and its gradient equal Keras's", arguments: GoldenFiles.caseNumbers("losses.json"))
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("losses.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "losses.json")
        let label = "case \(index) (\(golden.loss))"
        // "<loss> after softmax": the gradient flows on through a softmax to its logits.
        let lossName = golden.loss.replacingOccurrences(of: " after softmax", with: "")
        let loss = try Losses.required(lossName)
        var targets = golden.y_true.matrix
        if loss is SparseCategoricalCrossentropy && targets.rows == 1 && targets.columns > 1 {
            targets = Matrix(column: targets.scalars)
        }
        if let logits = golden.logits?.matrix {
            let softmax = Activation(.softmax)
            var generator = RandomGenerator(seed: 0)
            softmax.build(inputSize: logits.columns, generator: &generator)
            let probabilities = softmax.forward(logits, training: true)
            var gradient = Matrix(rows: 0, columns: 0)
            let value = loss.value(predictions: probabilities, targets: targets, gradient: &gradient)
            #expect(GoldenFiles.isClose(value, golden.value), "\(label): loss \(value), Keras \(golden.value)")
            let logitGradient = softmax.backward(gradient)
            let expected = try #require(golden.gradient_wrt_logits, "\(label) has no gradient_wrt_logits")
            GoldenFiles.expectClose(
                logitGradient.scalars, expected.matrix.scalars,
                "\(label), gradient w.r.t. logits")
        } else {
            let predictions = try #require(golden.y_pred, "\(label) has no y_pred").matrix
            var gradient = Matrix(rows: 0, columns: 0)
            let value = loss.value(predictions: predictions, targets: targets, gradient: &gradient)
            #expect(GoldenFiles.isClose(value, golden.value), "\(label): loss \(value), Keras \(golden.value)")
            let expected = try #require(golden.gradient_wrt_y_pred, "\(label) has no gradient_wrt_y_pred")
            GoldenFiles.expectClose(
                gradient.scalars, expected.matrix.scalars,
                "\(label), gradient w.r.t. predictions")
        }
    }
}
