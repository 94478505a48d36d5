// Wrong: indices 0 ..< count instead of the range's own, wrong for a range that does not start at 0
// The check says: a range not starting at 0
import Foundation
import NNKit

func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    let splitAt = Int((Double(count) * (1 - fraction)).rounded(.down))
    return (0 ..< splitAt, splitAt ..< count)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    var indices = Array(0 ..< training.count)
    generator.shuffle(&indices)
    return stride(from: 0, to: indices.count, by: batchSize).map { start in
        Array(indices[start ..< min(start + batchSize, indices.count)])
    }
}
