// Wrong: the first samples held out for validation instead of the last
// The check says: validationSplit(count: 60000, fraction: 0.2)
import Foundation
import NNKit

func validationSplit(count: Int, fraction: Double) -> (training: Range<Int>, validation: Range<Int>) {
    let validationCount = count - Int((Double(count) * (1 - fraction)).rounded(.down))
    return (validationCount ..< count, 0 ..< validationCount)
}

func miniBatches(training: Range<Int>, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
    var indices = Array(training)
    generator.shuffle(&indices)
    return stride(from: 0, to: indices.count, by: batchSize).map { start in
        Array(indices[start ..< min(start + batchSize, indices.count)])
    }
}
