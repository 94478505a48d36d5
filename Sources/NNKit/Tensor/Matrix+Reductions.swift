internal import CKernels

/// Sums, means, maxima and argmax, over the whole matrix or along rows or columns.
extension Matrix {
    /// The sum of every element.
    public func sum() -> Float {
        scalars.reduce(0, +)
    }

    /// The mean of every element.
    public func mean() -> Float {
        count == 0 ? 0 : sum() / Float(count)
    }

    /// A `1 × columns` matrix of each column's sum: `(batch, units) → (1, units)`.
    public func columnSums() -> Matrix {
        var sums = Matrix(rows: 1, columns: columns)
        sumColumns(into: &sums)
        return sums
    }

    /// Writes each column's sum into `sums` (`1 × columns`), reusing its storage.
    public func sumColumns(into sums: inout Matrix) {
        sums.reshapeForReuse(rows: 1, columns: columns)
        if columns == 0 { return }
        let (rows, columns) = (self.rows, self.columns)
        scalars.withUnsafeBufferPointer { values in
            sums.scalars.withUnsafeMutableBufferPointer { out in
                if rows == 0 {
                    out.update(repeating: 0)
                } else {
                    nnkit_sum_columns(values.baseAddress!, out.baseAddress!, rows, columns)
                }
            }
        }
    }

    /// A `rows × 1` matrix of each row's sum.
    public func rowSums() -> Matrix {
        Matrix(
            column: (0..<rows).map { r in
                scalars[r * columns..<(r + 1) * columns].reduce(0, +)
            })
    }

    /// The index of the largest element of each row (the first one on ties), as Keras's
    /// `argmax(axis=-1)` picks a predicted class.
    public func argmaxPerRow() -> [Int] {
        precondition(columns > 0, "argmax needs at least one column.")
        return (0..<rows).map { r in
            let base = r * columns
            var best = 0
            for c in 1..<columns where scalars[base + c] > scalars[base + best] {
                best = c
            }
            return best
        }
    }

    /// The largest absolute element, 0 for an empty matrix.
    public func maxAbsolute() -> Float {
        scalars.reduce(0) { max($0, abs($1)) }
    }
}
