// Wrong: the indices cut into batches in their original order, never shuffled
// The check says: the indices shuffled
import Foundation
import NNKit

func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    let splitAt = Int((Double(count) * (1 - fraction)).rounded(.down))
    return (0 ..< splitAt, splitAt ..< count)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    var indices = Array(training)
    return stride(from: 0, to: indices.count, by: batchSize).map { start in
        Array(indices[start ..< min(start + batchSize, indices.count)])
    }
}
