import NNKit
import Testing

@Suite("Matrix")
struct MatrixTests {
    @Test("Products through BLAS equal hand-worked values, transposed or not")
    func products() {
        // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [1·7+2·9+3·11, …] = [58 64; 139 154]
        let a = Matrix([[1, 2, 3], [4, 5, 6]])
        let b = Matrix([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b) == Matrix([[58, 64], [139, 154]]))
        var product = Matrix(rows: 0, columns: 0)
        Matrix.multiply(a, transposingA: true, a, into: &product)
        // aᵀ·a = [17 22 27; 22 29 36; 27 36 45]
        #expect(product == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
        Matrix.multiply(a, a, transposingB: true, into: &product)
        #expect(product == Matrix([[14, 32], [32, 77]]))
        #expect(a.transposed().transposed() == a)
        #expect(a.transposed().matmul(a) == Matrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
    }

    @Test("Element-wise arithmetic and a row broadcast over rows")
    func arithmetic() {
        let a = Matrix([[1, 2], [3, 4]])
        #expect(a + a == Matrix([[2, 4], [6, 8]]))
        #expect(a - Matrix(row: [1, 1]) == Matrix([[0, 1], [2, 3]]))
        #expect(a * a == Matrix([[1, 4], [9, 16]]))
        #expect(a / 2 == Matrix([[0.5, 1], [1.5, 2]]))
        #expect(-a == a * -1)
        var b = a
        b.addRowToEachRow(Matrix(row: [10, 20]))
        #expect(b == Matrix([[11, 22], [13, 24]]))
    }

    @Test("Reductions and argmax (first index on ties, as numpy)")
    func reductions() {
        let a = Matrix([[1, 5, 5], [7, 0, -1]])
        #expect(a.sum() == 17)
        #expect(a.columnSums() == Matrix(row: [8, 5, 4]))
        #expect(a.rowSums() == Matrix(column: [11, 6]))
        #expect(a.argmaxPerRow() == [1, 0])
        #expect(a.maxAbsolute() == 7)
    }

    @Test("Rows by range and by index, reusing a buffer")
    func rows() {
        let a = Matrix([[0, 0], [1, 1], [2, 2], [3, 3]])
        #expect(a.rows(1..<3) == Matrix([[1, 1], [2, 2]]))
        #expect(a.rows(at: [3, 0]) == Matrix([[3, 3], [0, 0]]))
        var buffer = Matrix(rows: 10, columns: 2)
        a.gatherRows([2], into: &buffer)
        #expect(buffer == Matrix([[2, 2]]))
    }
}

@Suite("RandomGenerator")
struct RandomGeneratorTests {
    @Test("The same seed gives the same sequence; another seed another")
    func determinism() {
        var a = RandomGenerator(seed: 42)
        var b = RandomGenerator(seed: 42)
        var c = RandomGenerator(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test("Uniform floats stay in [0, 1) with mean near 1/2; normals have mean 0, variance 1")
    func distributions() {
        var generator = RandomGenerator(seed: 7)
        let uniforms = (0..<100_000).map { _ in generator.nextUnitFloat() }
        #expect(uniforms.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniforms.reduce(0, +) / 100_000 - 0.5) < 0.01)
        let normals = (0..<100_000).map { _ in generator.nextNormal() }
        let mean = normals.reduce(0, +) / 100_000
        let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 100_000
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.02)
    }

    @Test("A permutation holds every index once")
    func permutation() {
        var generator = RandomGenerator(seed: 3)
        let order = generator.permutation(1000)
        #expect(order.sorted() == Array(0..<1000))
        #expect(order != Array(0..<1000))
    }

    @Test("Glorot uniform stays within ±sqrt(6 / (fanIn + fanOut))")
    func glorot() {
        var generator = RandomGenerator(seed: 5)
        let kernel = Initializer.glorotUniform.matrix(
            fanIn: 784, fanOut: 256, rows: 784, columns: 256,
            generator: &generator)
        let limit = (6.0 / Float(784 + 256)).squareRoot()
        #expect(kernel.maxAbsolute() <= limit)
        #expect(kernel.maxAbsolute() > 0.99 * limit)
        let he = Initializer.heNormal.matrix(
            fanIn: 100, fanOut: 10, rows: 100, columns: 10,
            generator: &generator)
        #expect(he.maxAbsolute() <= 2 * (2.0 / 100).squareRoot())
    }
}
