import ExerciseKit

@main
enum ExpectedOutputCheck: ExerciseCheck {
    static func run() throws {
        // Over 20,000 passes the average of inverted dropout is the input, within sampling noise
        // (for rate 0.25 its standard error here is about 0.4 % of each input).
        let inputs: [Float] = [1, -2, 0.5, 4, 0]
        var generator = RandomGenerator(seed: 53)
        let average = averageTrainingOutput(inputs, rate: 0.25, passes: 20_000, generator: &generator)
        ExerciseKit.expectClose(average, inputs, tolerance: 0.03,
                                given: "averageTrainingOutput([1, -2, 0.5, 4, 0], rate: 0.25, passes: 20000): "
                                    + "the mean over the passes comes back to the inputs")
        // A single pass drops about a quarter of the units and scales the rest.
        var one = RandomGenerator(seed: 54)
        let wide = [Float](repeating: 1, count: 4_000)
        let single = averageTrainingOutput(wide, rate: 0.25, passes: 1, generator: &one)
        let kept = single.filter { $0 != 0 }
        ExerciseKit.expect(abs(Float(kept.count) / 4_000 - 0.75) < 0.03, given: "one pass over 4,000 units at rate 0.25",
                           expected: "about 3,000 kept", got: "\(kept.count) kept")
        ExerciseKit.expect(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-5 }, given: "one pass over 4,000 units equal to 1, rate 0.25",
                           expected: "every kept unit 1.3333 (1 / 0.75)", got: "\(Set(kept).sorted().prefix(5))")
        ExerciseKit.expectClose(classicInference([1, -2, 0.5], rate: 0.25), [0.75, -1.5, 0.375],
                                given: "classicInference([1, -2, 0.5], rate: 0.25)")
    }
}
