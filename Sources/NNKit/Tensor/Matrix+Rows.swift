/// Selecting and copying rows: how batches are cut from a dataset.
extension Matrix {
    /// A new matrix of the rows in `range`.
    public func rows(_ range: Range<Int>) -> Matrix {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= rows,
            "Rows \(range) are outside 0..<\(rows).")
        return Matrix(
            rows: range.count, columns: columns,
            scalars: Array(scalars[range.lowerBound * columns..<range.upperBound * columns]))
    }

    /// A new matrix of the rows at `indices`, in that order.
    public func rows<C: Collection>(at indices: C) -> Matrix where C.Element == Int {
        var result = Matrix(rows: 0, columns: columns)
        gatherRows(indices, into: &result)
        return result
    }

    /// Makes this a `count × row.columns` matrix whose every row is `row`, reusing storage.
    public mutating func fillRows(with row: Matrix, count: Int) {
        precondition(row.rows == 1, "fillRows takes a one-row matrix, got \(row.rows) rows.")
        reshapeForReuse(rows: count, columns: row.columns)
        let width = row.columns
        guard width > 0 else { return }
        row.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                for r in 0..<count {
                    (target.baseAddress! + r * width).update(from: source.baseAddress!, count: width)
                }
            }
        }
    }

    /// Copies the rows in `range` into `destination`, reusing its storage.
    public func copyRows(_ range: Range<Int>, into destination: inout Matrix) {
        gatherRows(range, into: &destination)
    }

    /// Copies the rows at `indices`, in order, into `destination`, reusing its storage.
    public func gatherRows<C: Collection>(_ indices: C, into destination: inout Matrix)
    where C.Element == Int {
        destination.reshapeForReuse(rows: indices.count, columns: columns)
        let width = columns
        scalars.withUnsafeBufferPointer { source in
            destination.scalars.withUnsafeMutableBufferPointer { target in
                var offset = 0
                for index in indices {
                    precondition(index >= 0 && index < rows, "Row \(index) is outside 0..<\(rows).")
                    (target.baseAddress! + offset).update(from: source.baseAddress! + index * width, count: width)
                    offset += width
                }
            }
        }
    }
}
