import ExerciseKit

@main
enum MeanSquaredErrorCheck: ExerciseCheck {
    static func run() throws {
        ExerciseKit.expectClose(meanSquaredError(outputs: [1, 0], targets: [0, 0]), 0.5,
                                given: "meanSquaredError(outputs: [1, 0], targets: [0, 0]) (a mean, not a sum)")
        ExerciseKit.expectClose(meanSquaredError(outputs: [0.5, 0.5, 0.5, 0.5], targets: [0, 1, 1, 0]), 0.25,
                                given: "meanSquaredError(outputs: [0.5, 0.5, 0.5, 0.5], targets: [0, 1, 1, 0])")
        // Beside NNKit's loss on a random batch.
        var generator = RandomGenerator(seed: 4)
        let outputs = (0 ..< 12).map { _ in generator.nextUnitFloat() }
        let targets = (0 ..< 12).map { _ in generator.nextUnitFloat() }
        ExerciseKit.expectClose(meanSquaredError(outputs: outputs, targets: targets),
                                MeanSquaredError().value(predictions: Matrix(column: outputs), targets: Matrix(column: targets)),
                                given: "meanSquaredError on 12 random samples, beside NNKit's")
        ExerciseKit.expectClose(bestConstant(targets: [0, 1, 1, 0]), 0.5, given: "bestConstant(targets: [0, 1, 1, 0]), XOR's")
        ExerciseKit.expectClose(bestConstant(targets: [0, 0, 0, 1]), 0.25, given: "bestConstant(targets: [0, 0, 0, 1]), AND's")
        // No constant does better than the best one.
        let best = bestConstant(targets: targets)
        for c: Float in [best - 0.05, best + 0.05] {
            ExerciseKit.expect(meanSquaredError(outputs: Array(repeating: best, count: 12), targets: targets)
                                   <= meanSquaredError(outputs: Array(repeating: c, count: 12), targets: targets),
                               given: "bestConstant on 12 random targets, against \(c)", expected: "the lowest loss of any constant",
                               got: "a constant with a lower loss nearby")
        }
    }
}
