/// Binary cross-entropy, per output: `−[y log(c + ε) + (1 − y) log(1 − c + ε)]` with
/// `c = clip(p, ε, 1 − ε)`, averaged over outputs, then over the batch (Keras's formula).
///
/// `∂L/∂p = (−y / (c + ε) + (1 − y) / (1 − c + ε)) / (batch · outputs)` where `p` is inside
/// the clipping range, 0 outside it.
public struct BinaryCrossentropy: Loss {
    public init() {}

    public var name: String { "binary_crossentropy" }

    public func value(predictions p: Matrix, targets y: Matrix) -> Float {
        precondition(p.rows > 0, "A loss needs at least one sample.")
        var total: Double = 0
        for i in 0..<p.count {
            let target = y.scalars[i]
            let clipped = min(max(p.scalars[i], lossEpsilon), 1 - lossEpsilon)
            total -= Double(target * logf(clipped + lossEpsilon) + (1 - target) * logf(1 - clipped + lossEpsilon))
        }
        return Float(total / Double(p.columns)) / Float(p.rows)
    }

    public func gradient(predictions p: Matrix, targets y: Matrix, into gradient: inout Matrix) {
        gradient.reshapeForReuse(rows: p.rows, columns: p.columns)
        let scale = 1 / Float(p.rows * p.columns)
        for i in 0..<p.count {
            let target = y.scalars[i]
            let value = p.scalars[i]
            let clipped = min(max(value, lossEpsilon), 1 - lossEpsilon)
            let inRange = value >= lossEpsilon && value <= 1 - lossEpsilon
            gradient.scalars[i] =
                inRange
                ? scale * (-target / (clipped + lossEpsilon) + (1 - target) / (1 - clipped + lossEpsilon)) : 0
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
