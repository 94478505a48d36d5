import ExerciseKit

@main
enum TrainableCountCheck: ExerciseCheck {
    static func run() throws {
        let cases: [(inputSize: Int, layers: [(units: Int, frozen: Bool)], trainable: Int, nonTrainable: Int, note: String)] = [
            // 2 · 3 + 3 = 9 weights, nothing frozen.
            (2, [(3, false)], 9, 0, "one small layer, not frozen: 2 · 3 weights and 3 biases"),
            (2, [(3, true)], 0, 9, "the same layer frozen"),
            // 4 · 5 + 5 = 25 and 5 · 2 + 2 = 12: the second layer's inputs are the first's units.
            (4, [(5, false), (2, false)], 37, 0, "two trainable layers: the second one's inputs are the first's 5 units"),
            (4, [(5, true), (2, false)], 12, 25, "a frozen layer under a trainable one"),
            // 235,500 + 30,100 + 5,050 + 2,550 = 273,200 reused; 50 + 1 new.
            (784, [(300, true), (100, true), (50, true), (50, true), (1, false)], 51, 273_200,
             "chapter 13's model B on A, frozen"),
            (784, [(300, false), (100, false), (50, false), (50, false), (1, false)], 273_251, 0,
             "the same model unfrozen for fine-tuning"),
            (784, [(300, true), (100, true), (50, false), (50, false), (5, false)], 7_855, 265_600,
             "only the two lowest layers frozen"),
        ]
        for c in cases {
            let counts = parameterCounts(inputSize: c.inputSize, layers: c.layers)
            let given = "parameterCounts(inputSize: \(c.inputSize), layers: [\(c.layers.map { "(\($0.units), \($0.frozen))" }.joined(separator: ", "))]), \(c.note)"
            ExerciseKit.expectEqual(counts.trainable, c.trainable, given: given + ": trainable")
            ExerciseKit.expectEqual(counts.nonTrainable, c.nonTrainable, given: given + ": non-trainable")
        }
        // Beside NNKit's summary, on stacks with every pattern of frozen layers.
        var generator = RandomGenerator(seed: 13)
        for pattern in 0 ..< 16 {
            let units = (0 ..< 4).map { _ in 1 + Int(generator.nextBelow(9)) }
            let layers = units.indices.map { (units: units[$0], frozen: pattern & (1 << $0) != 0) }
            let model = Sequential(inputSize: 6, layers.map { Dense(units: $0.units, activation: .relu) }, seed: 1)
            for (layer, spec) in zip(model.layers, layers) { layer.isTrainable = !spec.frozen }
            let summary = model.summary()
            let counts = parameterCounts(inputSize: 6, layers: layers)
            let given = "parameterCounts(inputSize: 6, layers: [\(layers.map { "(\($0.units), \($0.frozen))" }.joined(separator: ", "))])"
            ExerciseKit.expectEqual(counts.trainable, summary.trainableCount, given: given + ", beside NNKit's summary: trainable")
            ExerciseKit.expectEqual(counts.nonTrainable, summary.nonTrainableCount,
                                    given: given + ", beside NNKit's summary: non-trainable")
        }
    }
}
