// Wrong: applied calls ReLU whatever nonlinearity it is given
// The check says: applied(LeakyReLU(slope: 0.5), to: [-2, 4, -6])
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
    values.map { ReLU()($0) }
}
