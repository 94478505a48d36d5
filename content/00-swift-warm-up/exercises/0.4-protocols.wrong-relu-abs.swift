// Wrong: ReLU as the absolute value, which turns negative inputs positive instead of to 0
// The check says: ReLU()(-2.0)
protocol Nonlinearity {
    func callAsFunction(_ z: Float) -> Float
}

struct ReLU: Nonlinearity {
    func callAsFunction(_ z: Float) -> Float {
        abs(z)
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
