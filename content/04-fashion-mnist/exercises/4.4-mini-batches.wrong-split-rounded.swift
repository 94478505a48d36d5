// Wrong: the split point rounded to the nearest sample instead of down, as Keras's floor does
// The check says: validationSplit(count: 7, fraction: 0.5)
import Foundation
import NNKit

func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    let splitAt = Int((Double(count) * (1 - fraction)).rounded())
    return (0 ..< splitAt, splitAt ..< count)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    var indices = Array(training)
    generator.shuffle(&indices)
    return stride(from: 0, to: indices.count, by: batchSize).map { start in
        Array(indices[start ..< min(start + batchSize, indices.count)])
    }
}
