/// Exercise 0.4 · A protocol and the types that conform (reference solution)
protocol Nonlinearity {
    func callAsFunction(_ z: Float) -> Float
}

struct ReLU: Nonlinearity {
    func callAsFunction(_ z: Float) -> Float {
        max(0, z)
    }
}

struct LeakyReLU: Nonlinearity {
    var slope: Float = 0.01

    func callAsFunction(_ z: Float) -> Float {
        z > 0 ? z : slope * z
    }
}

func applied(_ nonlinearity: some Nonlinearity, to values: [Float]) -> [Float] {
    values.map { nonlinearity($0) }
}
