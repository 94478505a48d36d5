/// Per-column statistics and per-column affine maps, the pieces of BatchNormalization, each
/// writing into a buffer the caller keeps so that nothing is allocated batch after batch.
/// Column vectors are `1 × columns` matrices; every sum runs down the rows in order.
extension Matrix {
    /// Each column's mean: `μ_c = Σ_r x[r, c] / rows`, into `means` (`1 × columns`).
    public func columnMeans(into means: inout Matrix) {
        sumColumns(into: &means)
        let n = Float(rows)
        means.withUnsafeMutableBufferPointer { for c in $0.indices { $0[c] /= n } }
    }

    /// Each column's biased variance around `means`: `σ²_c = Σ_r (x[r, c] − μ_c)² / rows`.
    public func columnVariances(around means: Matrix, into variances: inout Matrix) {
        precondition(
            means.rows == 1 && means.columns == columns,
            "columnVariances needs 1 × \(columns) means, got \(means.rows) × \(means.columns).")
        variances.reshapeForReuse(rows: 1, columns: columns)
        let (width, height) = (columns, rows)
        scalars.withUnsafeBufferPointer { x in
            means.scalars.withUnsafeBufferPointer { mean in
                variances.scalars.withUnsafeMutableBufferPointer { variance in
                    for c in 0..<width { variance[c] = 0 }
                    for r in 0..<height {
                        for c in 0..<width {
                            let deviation = x[r * width + c] - mean[c]
                            variance[c] += deviation * deviation
                        }
                    }
                    for c in 0..<width { variance[c] /= Float(height) }
                }
            }
        }
    }

    /// `Σ_r self[r, c] · other[r, c]` for each column, into `sums` (`1 × columns`).
    public func sumColumnProducts(with other: Matrix, into sums: inout Matrix) {
        precondition(
            other.rows == rows && other.columns == columns,
            "sumColumnProducts needs two matrices of one shape, got \(rows) × \(columns) and \(other.rows) × \(other.columns)."
        )
        sums.reshapeForReuse(rows: 1, columns: columns)
        let (width, height) = (columns, rows)
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                sums.scalars.withUnsafeMutableBufferPointer { sum in
                    for c in 0..<width { sum[c] = 0 }
                    for r in 0..<height {
                        for c in 0..<width { sum[c] += a[r * width + c] * b[r * width + c] }
                    }
                }
            }
        }
    }

    /// `(x[r, c] − shifts_c) · scales_c` for every element, into `result` (this shape).
    public func centered(on shifts: Matrix, scaledBy scales: Matrix, into result: inout Matrix) {
        mapColumns(shifts, scales, into: &result) { x, shift, scale in (x - shift) * scale }
    }

    /// `x[r, c] · scales_c + shifts_c` for every element, into `result` (this shape).
    public func scaled(by scales: Matrix, shiftedBy shifts: Matrix, into result: inout Matrix) {
        mapColumns(scales, shifts, into: &result) { x, scale, shift in x * scale + shift }
    }

    /// `result[r, c] = transform(self[r, c], first_c, second_c)`.
    private func mapColumns(
        _ first: Matrix, _ second: Matrix, into result: inout Matrix,
        _ transform: (Float, Float, Float) -> Float
    ) {
        precondition(
            first.count == columns && second.count == columns,
            "A per-column map of a \(rows) × \(columns) matrix needs two rows of \(columns), got \(first.count) and \(second.count)."
        )
        result.reshapeForReuse(rows: rows, columns: columns)
        let (width, height) = (columns, rows)
        scalars.withUnsafeBufferPointer { x in
            first.scalars.withUnsafeBufferPointer { a in
                second.scalars.withUnsafeBufferPointer { b in
                    result.scalars.withUnsafeMutableBufferPointer { y in
                        for r in 0..<height {
                            for c in 0..<width { y[r * width + c] = transform(x[r * width + c], a[c], b[c]) }
                        }
                    }
                }
            }
        }
    }
}
