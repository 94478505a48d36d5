/// Mean squared error: `L = mean over the batch of mean((y − p)²) over outputs`.
///
/// `∂L/∂p = 2 (p − y) / (batch · outputs)`.
public struct MeanSquaredError: Loss {
    public init() {}

    public var name: String { "mean_squared_error" }

    public func value(predictions p: Matrix, targets y: Matrix) -> Float {
        precondition(p.rows > 0, "A loss needs at least one sample.")
        var total: Double = 0
        for i in 0..<p.count {
            let difference = p.scalars[i] - y.scalars[i]
            total += Double(difference * difference)
        }
        return Float(total / Double(p.columns)) / Float(p.rows)
    }

    public func gradient(predictions p: Matrix, targets y: Matrix, into gradient: inout Matrix) {
        gradient.reshapeForReuse(rows: p.rows, columns: p.columns)
        let scale = 2 / Float(p.rows * p.columns)
        for i in 0..<p.count { gradient.scalars[i] = scale * (p.scalars[i] - y.scalars[i]) }
    }
}
