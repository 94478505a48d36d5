/// A dense two-dimensional array of `Float`, stored row-major: one row per sample, one column
/// per feature, as Keras lays out a batch `(batch, features)`.
///
/// `Matrix` is a value type: copies share storage until one of them is written to.
public struct Matrix: Equatable, Sendable {
    /// The number of rows (samples in a batch).
    public private(set) var rows: Int
    /// The number of columns (features per sample).
    public private(set) var columns: Int
    /// The elements, row after row: element `(r, c)` is `scalars[r * columns + c]`. Always
    /// `rows · columns` of them: outside NNKit they change only through `withUnsafeMutableBufferPointer`
    /// or the subscript, neither of which can change their number.
    public internal(set) var scalars: [Float]

    /// A `rows × columns` matrix with every element set to `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(
            rows >= 0 && columns >= 0,
            "A matrix needs non-negative dimensions, got \(rows) × \(columns).")
        self.rows = rows
        self.columns = columns
        self.scalars = [Float](repeating: value, count: rows * columns)
    }

    /// A `rows × columns` matrix over the given row-major elements.
    public init(rows: Int, columns: Int, scalars: [Float]) {
        precondition(
            rows >= 0 && columns >= 0,
            "A matrix needs non-negative dimensions, got \(rows) × \(columns).")
        precondition(
            scalars.count == rows * columns,
            "A \(rows) × \(columns) matrix needs \(rows * columns) elements, got \(scalars.count).")
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// A matrix from nested rows, `[[1, 2], [3, 4]]`; every row must have the same length.
    public init(_ nestedRows: [[Float]]) {
        let columns = nestedRows.first?.count ?? 0
        for (index, row) in nestedRows.enumerated() {
            precondition(
                row.count == columns,
                "Row \(index) has \(row.count) elements; row 0 has \(columns).")
        }
        self.init(rows: nestedRows.count, columns: columns, scalars: nestedRows.flatMap { $0 })
    }

    /// A one-row matrix.
    public init(row: [Float]) {
        self.init(rows: 1, columns: row.count, scalars: row)
    }

    /// A one-column matrix, the shape of targets for a single output or of class labels.
    public init(column: [Float]) {
        self.init(rows: column.count, columns: 1, scalars: column)
    }

    /// The element at row `row`, column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }

    /// Calls `body` with the elements, row after row, to read and write in place; their number
    /// cannot change.
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R)
        rethrows -> R
    {
        try scalars.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// `(rows, columns)`, as Keras reports a shape.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// Row `index` as an array.
    public func row(_ index: Int) -> [Float] {
        precondition(index >= 0 && index < rows, "Row \(index) is outside 0..<\(rows).")
        return Array(scalars[index * columns..<(index + 1) * columns])
    }

    /// The rows as nested arrays, the shape JSON and Keras's `get_weights()` use.
    public var nestedRows: [[Float]] {
        (0..<rows).map { row($0) }
    }

    /// Reads the same elements, in the same order, as `rows × columns`: a batch of images
    /// `(batch, positions · filters)` seen as one pixel per row, `(batch · positions, filters)`.
    public mutating func reshape(rows: Int, columns: Int) {
        precondition(
            rows >= 0 && columns >= 0 && rows * columns == count,
            "Cannot read a \(self.rows) × \(self.columns) matrix as \(rows) × \(columns): the element counts differ.")
        self.rows = rows
        self.columns = columns
    }

    /// Changes the dimensions, keeping the storage's capacity so that a buffer reused batch after
    /// batch is not allocated again. The elements are unspecified afterwards.
    public mutating func reshapeForReuse(rows: Int, columns: Int) {
        if self.rows == rows && self.columns == columns { return }
        let count = rows * columns
        if scalars.count > count {
            scalars.removeLast(scalars.count - count)
        } else if scalars.count < count {
            scalars.append(contentsOf: repeatElement(0, count: count - scalars.count))
        }
        self.rows = rows
        self.columns = columns
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        let shown = nestedRows.prefix(8).map { row in
            "[" + row.prefix(8).map { fixed($0, decimals: 4) }.joined(separator: ", ")
                + (row.count > 8 ? ", …" : "") + "]"
        }
        let more = rows > 8 ? ",\n …" : ""
        return "[" + shown.joined(separator: ",\n ") + more + "]"
    }
}

/// Fixed-point formatting without Foundation, rounding half away from zero.
func fixed(_ value: Float, decimals: Int) -> String {
    fixed(Double(value), decimals: decimals)
}

func fixed(_ value: Double, decimals: Int) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && scaled > 0
    var digits = String(UInt64(scaled))
    if decimals > 0 {
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (negative ? "-" : "") + digits
}
