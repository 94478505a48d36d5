/// Selecting and copying rows: how batches are cut from a dataset.
extension Matrix {
    /// A new matrix of the rows in `range`.
    public func rows(_ range: Range<Int>) -> Matrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows,
                     "Rows \(range) are outside 0..<\(rows).")
        return Matrix(rows: range.count, columns: columns,
                      scalars: Array(scalars[range.lowerBound * columns ..< range.upperBound * columns]))
    }

    /// A new matrix of the rows at `indices`, in that order.
    public func rows<C: Collection>(at indices: C) -> Matrix where C.Element == Int {
        var result = Matrix(rows: 0, columns: columns)
        gatherRows(indices, into: &result)
        return result
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
                    let start = index * width
                    for c in 0 ..< width { target[offset + c] = source[start + c] }
                    offset += width
                }
            }
        }
    }
}
