// Wrong: LeakyReLU multiplies by 0.01 written out, ignoring its own slope
// The check says: LeakyReLU(slope: 0.2)(-2.0)
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
        z > 0 ? z : 0.01 * z
    }
}

func applied(_ nonlinearity: some Nonlinearity, to values: [Float]) -> [Float] {
    values.map { nonlinearity($0) }
}
