import Foundation
import Testing

@testable import NNKit

/// NNKit's parallel work belongs to each model's optimizer: models trained at the same time on
/// different threads give exactly the weights they give trained one after another.
@Suite("Training two models at once")
struct ConcurrentTrainingTests {
    /// A model whose first kernel (300 × 128 = 38,400 weights) is large enough for Adam to split
    /// its update across two threads.
    static func train(seed: UInt64) throws -> [Matrix] {
        var generator = RandomGenerator(seed: seed)
        let x = Matrix(rows: 64, columns: 300, scalars: (0..<64 * 300).map { _ in generator.nextUnitFloat() })
        let y = Matrix(column: (0..<64).map { Float($0 % 4) })
        let model = Sequential(
            inputSize: 300,
            [
                Dense(units: 128, activation: .relu),
                Dense(units: 4, activation: .softmax),
            ], seed: seed)
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy)
        try model.fit(x, y, epochs: 4, batchSize: 16, seed: seed, verbose: .silent)
        return model.weights.map(\.value)
    }

    /// The process's thread count is left as it is (other suites train at the same time): on a
    /// machine of one core, Adam never splits and the models are compared all the same.
    @Test("Four models trained on four threads match the same four trained in turn")
    func concurrentMatchesSequential() throws {
        #expect(
            300 * 128 >= ElementwiseRunner.parallelThreshold,
            "the first kernel must be large enough for Adam's two-thread path")
        let seeds: [UInt64] = [1, 2, 3, 4]
        let alone = try seeds.map { try Self.train(seed: $0) }
        nonisolated(unsafe) var together: [[Matrix]] = Array(repeating: [], count: seeds.count)
        nonisolated(unsafe) var failures: [String] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
            do {
                let weights = try Self.train(seed: seeds[index])
                lock.withLock { together[index] = weights }
            } catch {
                lock.withLock { failures.append("\(error)") }
            }
        }
        #expect(failures.isEmpty)
        for (index, seed) in seeds.enumerated() {
            #expect(together[index] == alone[index], "seed \(seed): concurrent weights differ")
        }
    }
}
