internal import CBLAS

/// Matrix products through BLAS (`cblas_sgemm`): no hand-written loop in the hot path.
extension Matrix {
    /// The matrix product `self · other`: `(m, k) · (k, n) → (m, n)`.
    public func matmul(_ other: Matrix) -> Matrix {
        var product = Matrix(rows: 0, columns: 0)
        Matrix.multiply(self, other, into: &product)
        return product
    }

    /// The transpose, `(m, n) → (n, m)`.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for r in 0..<rows {
            for c in 0..<columns { result[c, r] = self[r, c] }
        }
        return result
    }

    /// `product = alpha · op(a) · op(b) + beta · product`, where `op` transposes when asked.
    ///
    /// `product` is resized to fit and its storage reused; with `beta = 0` its old contents are
    /// ignored. Shapes: `op(a)` is `(m, k)`, `op(b)` is `(k, n)`, `product` becomes `(m, n)`.
    public static func multiply(
        _ a: Matrix, transposingA: Bool = false,
        _ b: Matrix, transposingB: Bool = false,
        into product: inout Matrix,
        alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposingA ? a.columns : a.rows
        let k = transposingA ? a.rows : a.columns
        let kB = transposingB ? b.columns : b.rows
        let n = transposingB ? b.rows : b.columns
        precondition(
            k == kB,
            "Cannot multiply \(m) × \(k) by \(kB) × \(n): the inner dimensions must agree.")
        if beta == 0 {
            product.reshapeForReuse(rows: m, columns: n)
        } else {
            precondition(
                product.rows == m && product.columns == n,
                "Accumulating into a \(product.rows) × \(product.columns) matrix; expected \(m) × \(n).")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in product.scalars.indices { product.scalars[i] = beta == 0 ? 0 : product.scalars[i] * beta }
            return
        }
        a.scalars.withUnsafeBufferPointer { aBuffer in
            b.scalars.withUnsafeBufferPointer { bBuffer in
                product.scalars.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_sgemm(
                        CblasRowMajor,
                        transposingA ? CblasTrans : CblasNoTrans,
                        transposingB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        alpha, aBuffer.baseAddress, Int32(a.columns),
                        bBuffer.baseAddress, Int32(b.columns),
                        beta, cBuffer.baseAddress, Int32(n))
                }
            }
        }
    }

    /// The same product, split by rows of `product` between two cores (`runner`'s), when BLAS
    /// runs single-threaded because the model's convolutions split their own work (see
    /// `BLAS.beginSingleThreaded`) and the product is large enough to pay for the second thread:
    /// for the dense layers of such a model, which would otherwise leave a core idle.
    static func multiply(
        _ a: Matrix, transposingA: Bool = false, _ b: Matrix, transposingB: Bool = false,
        into product: inout Matrix, beta: Float = 0, splittingWith runner: ElementwiseRunner
    ) {
        let m = transposingA ? a.columns : a.rows
        let k = transposingA ? a.rows : a.columns
        let n = transposingB ? b.rows : b.columns
        guard m >= 2, m * n * k >= splitProductSize, BLAS.productsMaySplit,
            k == (transposingB ? b.columns : b.rows)
        else {
            multiply(a, transposingA: transposingA, b, transposingB: transposingB, into: &product, beta: beta)
            return
        }
        if beta == 0 {
            product.reshapeForReuse(rows: m, columns: n)
        } else {
            precondition(
                product.rows == m && product.columns == n,
                "Accumulating into a \(product.rows) × \(product.columns) matrix; expected \(m) × \(n).")
        }
        a.scalars.withUnsafeBufferPointer { aBuffer in
            b.scalars.withUnsafeBufferPointer { bBuffer in
                product.scalars.withUnsafeMutableBufferPointer { cBuffer in
                    let (aBase, bBase, cBase) = (aBuffer.baseAddress!, bBuffer.baseAddress!, cBuffer.baseAddress!)
                    runner.runInHalves(count: m) { rows in
                        // Rows of op(a): rows of a, or columns of a stored (k, m).
                        let aRows = transposingA ? aBase + rows.lowerBound : aBase + rows.lowerBound * a.columns
                        cblas_sgemm(
                            CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans,
                            transposingB ? CblasTrans : CblasNoTrans,
                            Int32(rows.count), Int32(n), Int32(k), 1, aRows, Int32(a.columns),
                            bBase, Int32(b.columns), beta, cBase + rows.lowerBound * n, Int32(n))
                    }
                }
            }
        }
    }

    /// Multiply-adds below which a product stays on one core: about 50 µs of work.
    static let splitProductSize = 1 << 21

    /// `c = a · b + beta · c` on row-major buffers: `op(a)` is `(m, k)`, `op(b)` is `(k, n)`, `c`
    /// is `(m, n)`, each stored densely. For layers that multiply one part of a batch at a time.
    static func multiply(
        _ a: UnsafePointer<Float>, transposingA: Bool = false,
        _ b: UnsafePointer<Float>, transposingB: Bool = false,
        into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<m * n { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans, transposingB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a, Int32(transposingA ? m : k),
            b, Int32(transposingB ? k : n), beta, c, Int32(n))
    }
}
