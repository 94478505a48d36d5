/// Categorical cross-entropy on one-hot (or soft) targets: per sample `−Σ y log(clip(q))` with
/// `q = p / Σp`, the predictions renormalized to sum to one, then clipped (Keras's formula).
///
/// Through the renormalization: `∂L/∂p_j = (∂L/∂q_j − Σ_i ∂L/∂q_i · q_i) / Σp / batch`, with
/// `∂L/∂q = −y / clip(q)` where `q` is inside the clipping range, 0 outside it.
public struct CategoricalCrossentropy: Loss {
    public init() {}

    public var name: String { "categorical_crossentropy" }

    public func value(predictions p: Matrix, targets y: Matrix) -> Float {
        precondition(p.rows > 0, "A loss needs at least one sample.")
        var total: Double = 0
        for r in 0..<p.rows {
            let base = r * p.columns
            var sum: Float = 0
            for c in 0..<p.columns { sum += p.scalars[base + c] }
            for c in 0..<p.columns {
                let clipped = min(max(p.scalars[base + c] / sum, lossEpsilon), 1 - lossEpsilon)
                total -= Double(y.scalars[base + c] * logf(clipped))
            }
        }
        return Float(total) / Float(p.rows)
    }

    public func gradient(predictions p: Matrix, targets y: Matrix, into gradient: inout Matrix) {
        gradient.reshapeForReuse(rows: p.rows, columns: p.columns)
        for r in 0..<p.rows {
            let base = r * p.columns
            var sum: Float = 0
            for c in 0..<p.columns { sum += p.scalars[base + c] }
            var weightedSum: Float = 0
            for c in 0..<p.columns {
                let q = p.scalars[base + c] / sum
                let clipped = min(max(q, lossEpsilon), 1 - lossEpsilon)
                let dq = (q >= lossEpsilon && q <= 1 - lossEpsilon) ? -y.scalars[base + c] / clipped : 0
                gradient.scalars[base + c] = dq
                weightedSum += dq * q
            }
            for c in 0..<p.columns {
                gradient.scalars[base + c] = (gradient.scalars[base + c] - weightedSum) / sum / Float(p.rows)
            }
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
