/// A penalty on a layer's weights, added to the loss so that training prefers small weights:
/// Keras's `kernel_regularizer`.
public enum Regularizer: Sendable, Equatable {
    /// `factor · Σ w²`; its gradient is `2 · factor · w` ("weight decay").
    case l2(Float)
    /// `factor · Σ |w|`; its gradient is `factor · sign(w)`.
    case l1(Float)

    /// The penalty for `weights`.
    public func penalty(_ weights: Matrix) -> Float {
        switch self {
        case .l2(let factor):
            return factor * weights.scalars.reduce(0) { $0 + $1 * $1 }
        case .l1(let factor):
            return factor * weights.scalars.reduce(0) { $0 + abs($1) }
        }
    }

    /// Adds the penalty's gradient with respect to `weights` to `gradient`, in place.
    public func addGradient(of weights: Matrix, to gradient: inout Matrix) {
        switch self {
        case .l2(let factor):
            let scale = 2 * factor
            for i in gradient.scalars.indices { gradient.scalars[i] += scale * weights.scalars[i] }
        case .l1(let factor):
            for i in gradient.scalars.indices {
                let w = weights.scalars[i]
                gradient.scalars[i] += w > 0 ? factor : (w < 0 ? -factor : 0)
            }
        }
    }

    /// As written in a model file: `l2(0.001)`.
    public var name: String {
        switch self {
        case .l2(let factor): return "l2(\(factor))"
        case .l1(let factor): return "l1(\(factor))"
        }
    }

    /// The regularizer a model file names, or nil (also for a negative or non-finite factor).
    public init?(name: String) {
        for (prefix, make) in [("l2(", Regularizer.l2), ("l1(", Regularizer.l1)] as [(String, (Float) -> Regularizer)]
        where name.hasPrefix(prefix) && name.hasSuffix(")") {
            guard let factor = Float(name.dropFirst(3).dropLast()), factor.isFinite, factor >= 0 else { return nil }
            self = make(factor)
            return
        }
        return nil
    }
}
