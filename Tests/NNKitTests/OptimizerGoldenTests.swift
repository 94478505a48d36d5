import NNKit
import Testing

@Suite("Optimizers match Keras (optimizers.json)")
struct OptimizerGoldenTests {
    struct File: Decodable {
        struct Case: Decodable {
            let optimizer: String
            let config: [String: GoldenValue]
            let initial: GoldenMatrix
            let gradients: [GoldenMatrix]
            let after_each_step: [GoldenMatrix]
        }
        let cases: [Case]
    }

    @Test(
        "Every case: the variable after each step equals Keras's", arguments: GoldenFiles.caseNumbers("optimizers.json")
    )
    func everyCase(index: Int) throws {
        let file: File = try GoldenFiles.load("optimizers.json")
        let golden = try GoldenFiles.element(index, of: file.cases, in: "optimizers.json")
        let label = "case \(index) (\(golden.optimizer) \(golden.config.keys.sorted()))"
        let optimizer = try makeOptimizer(golden.optimizer, golden.config)
        let variable = Parameter(name: "w", value: golden.initial.matrix)
        #expect(golden.gradients.count == golden.after_each_step.count, "\(label)")
        for (step, (gradient, expected)) in zip(golden.gradients, golden.after_each_step).enumerated() {
            variable.gradient = gradient.matrix
            optimizer.step([variable])
            GoldenFiles.expectClose(
                variable.value.scalars, expected.matrix.scalars,
                "\(label), step \(step + 1)")
        }
        #expect(optimizer.iterations == golden.gradients.count, "\(label)")
    }
}
