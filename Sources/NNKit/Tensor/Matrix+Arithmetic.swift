/// Element-wise arithmetic. Shapes must match, except where a one-row matrix is broadcast over
/// every row (Keras adds a bias row to each sample the same way).
extension Matrix {
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, "+", +)
    }

    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, "-", -)
    }

    /// The element-wise (Hadamard) product.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, "*", *)
    }

    public static func / (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, "/", /)
    }

    public static func * (lhs: Matrix, rhs: Float) -> Matrix { lhs.map { $0 * rhs } }
    public static func * (lhs: Float, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
    public static func + (lhs: Matrix, rhs: Float) -> Matrix { lhs.map { $0 + rhs } }
    public static func - (lhs: Matrix, rhs: Float) -> Matrix { lhs.map { $0 - rhs } }
    public static func / (lhs: Matrix, rhs: Float) -> Matrix { lhs.map { $0 / rhs } }
    public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

    /// A matrix of the same shape with `transform` applied to every element.
    public func map(_ transform: (Float) -> Float) -> Matrix {
        Matrix(rows: rows, columns: columns, scalars: scalars.map(transform))
    }

    /// Adds `row` (a one-row matrix) to every row, in place.
    public mutating func addRowToEachRow(_ row: Matrix) {
        precondition(
            row.rows == 1 && row.columns == columns,
            "Expected a 1 × \(columns) row to add to each row, got \(row.rows) × \(row.columns).")
        let width = columns
        row.scalars.withUnsafeBufferPointer { bias in
            scalars.withUnsafeMutableBufferPointer { values in
                for r in 0..<rows {
                    let base = r * width
                    for c in 0..<width { values[base + c] += bias[c] }
                }
            }
        }
    }

    private func combined(
        with other: Matrix, _ symbol: String,
        _ operation: (Float, Float) -> Float
    ) -> Matrix {
        if other.rows == rows && other.columns == columns {
            return Matrix(
                rows: rows, columns: columns,
                scalars: zip(scalars, other.scalars).map(operation))
        }
        precondition(
            other.rows == 1 && other.columns == columns,
            "Cannot apply '\(symbol)' to shapes \(rows) × \(columns) and \(other.rows) × \(other.columns): "
                + "they must match, or the right side must be one row of \(columns).")
        var result = self
        result.scalars.withUnsafeMutableBufferPointer { values in
            other.scalars.withUnsafeBufferPointer { row in
                for r in 0..<rows {
                    for c in 0..<columns {
                        values[r * columns + c] = operation(values[r * columns + c], row[c])
                    }
                }
            }
        }
        return result
    }
}
