import ExerciseKit

@main
enum MiniBatchesCheck: ExerciseCheck {
    static func run() throws {
        // Keras's own counts: 60,000 · 0.8 = 48,000; 10 · 0.7 = 7; 7 · 0.5 = 3.5 → 3.
        for (count, fraction, splitAt) in [(60_000, 0.2, 48_000), (10, 0.3, 7), (7, 0.5, 3), (5, 0.0, 5)] {
            let split = validationSplit(count: count, fraction: fraction)
            ExerciseKit.expect(split.training == 0 ..< splitAt && split.validation == splitAt ..< count,
                               given: "validationSplit(count: \(count), fraction: \(fraction))",
                               expected: "training 0..<\(splitAt), validation \(splitAt)..<\(count)",
                               got: "training \(split.training), validation \(split.validation)")
        }

        var generator = RandomGenerator(seed: 5)
        let batches = miniBatches(training: 0 ..< 250, batchSize: 100, generator: &generator)
        ExerciseKit.expectEqual(batches.map(\.count), [100, 100, 50],
                                given: "the batch sizes of miniBatches(training: 0 ..< 250, batchSize: 100)")
        ExerciseKit.expectEqual(batches.flatMap { $0 }.sorted(), Array(0 ..< 250),
                                given: "every index of 0 ..< 250 across the batches, sorted (each once)")
        ExerciseKit.expect(batches.flatMap { $0 } != Array(0 ..< 250), given: "miniBatches(training: 0 ..< 250, batchSize: 100)",
                           expected: "the indices shuffled", got: "them in their original order")

        var again = RandomGenerator(seed: 5)
        ExerciseKit.expectEqual(miniBatches(training: 0 ..< 250, batchSize: 100, generator: &again), batches,
                                given: "miniBatches twice from generators with the same seed")
        var other = RandomGenerator(seed: 6)
        ExerciseKit.expect(miniBatches(training: 0 ..< 250, batchSize: 100, generator: &other) != batches,
                           given: "miniBatches from seeds 5 and 6", expected: "different orders", got: "the same batches")
        ExerciseKit.expectEqual(miniBatches(training: 10 ..< 13, batchSize: 5, generator: &other).flatMap { $0 }.sorted(), [10, 11, 12],
                                given: "miniBatches(training: 10 ..< 13, batchSize: 5): the indices of a range not starting at 0")
    }
}
