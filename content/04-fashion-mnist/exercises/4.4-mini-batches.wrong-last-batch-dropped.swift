// Wrong: only whole batches kept, so the 50 samples of the short last batch are never trained on
// The check says: the batch sizes of miniBatches
import Foundation
import NNKit

func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    let splitAt = Int((Double(count) * (1 - fraction)).rounded(.down))
    return (0 ..< splitAt, splitAt ..< count)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    var indices = Array(training)
    generator.shuffle(&indices)
    return stride(from: 0, to: indices.count - batchSize + 1, by: batchSize).map { start in
        Array(indices[start ..< min(start + batchSize, indices.count)])
    }
}
