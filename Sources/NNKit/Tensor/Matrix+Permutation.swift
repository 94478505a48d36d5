extension Matrix {
    /// Reorders the rows in place so that row `i` becomes the old row `order[i]`, following the
    /// permutation's cycles with one spare row: no second copy of a large dataset is made.
    public mutating func permuteRows(_ order: [Int]) {
        precondition(order.count == rows, "A permutation of \(rows) rows needs \(rows) indices, got \(order.count).")
        var placed = [Bool](repeating: false, count: rows)
        var spare = [Float](repeating: 0, count: columns)
        let width = columns
        scalars.withUnsafeMutableBufferPointer { values in
            for start in 0..<rows where !placed[start] {
                // Walk the cycle start ← order[start] ← order[order[start]] … back to start.
                for c in 0..<width { spare[c] = values[start * width + c] }
                var target = start
                while true {
                    placed[target] = true
                    let source = order[target]
                    if source == start {
                        for c in 0..<width { values[target * width + c] = spare[c] }
                        break
                    }
                    precondition(!placed[source], "The order given to permuteRows is not a permutation.")
                    for c in 0..<width { values[target * width + c] = values[source * width + c] }
                    target = source
                }
            }
        }
    }
}
