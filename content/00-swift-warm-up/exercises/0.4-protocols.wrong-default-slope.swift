// Wrong: LeakyReLU's default slope 0.1 instead of Keras's 0.01
// The check says: with the default slope 0.01
protocol Nonlinearity {
    func callAsFunction(_ z: Float) -> Float
}

struct ReLU: Nonlinearity {
    func callAsFunction(_ z: Float) -> Float {
        max(0, z)
    }
}

struct LeakyReLU: Nonlinearity {
    var slope: Float = 0.1

    func callAsFunction(_ z: Float) -> Float {
        z > 0 ? z : slope * z
    }
}

func applied(_ nonlinearity: some Nonlinearity, to values: [Float]) -> [Float] {
    values.map { nonlinearity($0) }
}
