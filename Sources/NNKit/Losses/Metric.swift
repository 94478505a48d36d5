/// A metric reported beside the loss during `fit` and by `evaluate`.
///
/// `.accuracy` resolves as Keras's `"accuracy"` does, from the shapes: one output →
/// binary accuracy (`p > 0.5` counts as 1); class-index targets → sparse categorical accuracy;
/// one-hot targets → categorical accuracy (argmax against argmax).
public enum Metric: String, Sendable {
    case accuracy

    /// The key in logs and history: `.accuracy` (and its `.validation`, `.valAccuracy`).
    public var key: LogKey { LogKey(rawValue) }

    /// How many samples of the batch are counted correct. Allocates nothing: it runs once per
    /// training batch.
    public func correctCount(predictions: Matrix, targets: Matrix) -> Int {
        switch self {
        case .accuracy:
            let width = predictions.columns
            var correct = 0
            predictions.scalars.withUnsafeBufferPointer { p in
                targets.scalars.withUnsafeBufferPointer { y in
                    for r in 0..<predictions.rows {
                        if width == 1 {
                            let predicted: Float = p[r] > 0.5 ? 1 : 0
                            if predicted == y[r] { correct += 1 }
                        } else if targets.columns == 1 {
                            if Float(Self.argmax(p, row: r, width: width)) == y[r] { correct += 1 }
                        } else if Self.argmax(p, row: r, width: width) == Self.argmax(y, row: r, width: width) {
                            correct += 1
                        }
                    }
                }
            }
            return correct
        }
    }

    /// The first index of the largest value in row `row`, as Keras's argmax picks a class.
    private static func argmax(_ values: UnsafeBufferPointer<Float>, row: Int, width: Int) -> Int {
        let base = row * width
        var best = 0
        for c in 1..<width where values[base + c] > values[base + best] { best = c }
        return best
    }
}
