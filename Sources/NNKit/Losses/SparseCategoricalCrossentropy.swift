/// Sparse categorical cross-entropy on class indices: per sample `−log(c_y / Σc)` with
/// `c = clip(p, ε, 1 − ε)`, clipped first and then renormalized, as Keras's TensorFlow backend
/// does. Targets are `(batch, 1)` class indices `0 ..< outputs`.
///
/// `∂L/∂p_j = (1/Σc − [j = y] / c_y) / batch` where `p_j` is inside the clipping range, 0 outside.
public struct SparseCategoricalCrossentropy: Loss {
    public init() {}

    public var name: String { "sparse_categorical_crossentropy" }

    public func value(predictions p: Matrix, targets y: Matrix) -> Float {
        precondition(p.rows > 0, "A loss needs at least one sample.")
        var total: Double = 0
        for r in 0..<p.rows {
            let (sum, chosen) = clippedSumAndChosen(p, row: r, label: label(y, row: r, classes: p.columns))
            total -= Double(logf(chosen / sum))
        }
        return Float(total) / Float(p.rows)
    }

    public func gradient(predictions p: Matrix, targets y: Matrix, into gradient: inout Matrix) {
        gradient.reshapeForReuse(rows: p.rows, columns: p.columns)
        for r in 0..<p.rows {
            let label = label(y, row: r, classes: p.columns)
            let (sum, chosen) = clippedSumAndChosen(p, row: r, label: label)
            for c in 0..<p.columns {
                let value = p.scalars[r * p.columns + c]
                var dc = 1 / sum
                if c == label { dc -= 1 / chosen }
                gradient.scalars[r * p.columns + c] =
                    value >= lossEpsilon && value <= 1 - lossEpsilon ? dc / Float(p.rows) : 0
            }
        }
    }

    public func validate(predictions: Matrix, targets: Matrix) throws {
        guard predictions.rows == targets.rows && targets.columns == 1 else {
            throw NNKitError.shapeMismatch(
                "\(name) needs targets of shape (\(predictions.rows), 1) class indices for predictions of shape "
                    + "(\(predictions.rows), \(predictions.columns)); got (\(targets.rows), \(targets.columns)).")
        }
        for label in targets.scalars {
            let index = Int(exactly: label) ?? -1
            guard index >= 0 && index < predictions.columns else {
                throw NNKitError.invalidTarget(
                    "\(name) needs class indices 0 to \(predictions.columns - 1); got \(label).")
            }
        }
    }

    private func label(_ y: Matrix, row: Int, classes: Int) -> Int {
        let label = Int(y.scalars[row])
        precondition(label >= 0 && label < classes, "Class index \(label) is outside 0..<\(classes).")
        return label
    }

    /// `Σ_j clip(p_j)` over the row and `clip(p_label)`.
    private func clippedSumAndChosen(_ p: Matrix, row: Int, label: Int) -> (sum: Float, chosen: Float) {
        let base = row * p.columns
        var sum: Float = 0
        for c in 0..<p.columns { sum += min(max(p.scalars[base + c], lossEpsilon), 1 - lossEpsilon) }
        return (sum, min(max(p.scalars[base + label], lossEpsilon), 1 - lossEpsilon))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
