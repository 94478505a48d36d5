/// Exercise 0.4 · A protocol and the types that conform
///
/// Python finds out whether an object can be called when it calls it (duck typing), or, with
/// an abstract base class, when the object is created:
///
///     class Nonlinearity(ABC):
///         @abstractmethod
///         def __call__(self, z: float) -> float: ...
///
///     class ReLU(Nonlinearity):
///         def __call__(self, z):
///             return max(0.0, z)
///
///     @dataclass
///     class LeakyReLU(Nonlinearity):
///         slope: float = 0.01
///
///         def __call__(self, z):
///             return z if z > 0 else self.slope * z
///
///     def applied(f, values):
///         return [f(z) for z in values]
///
/// A Swift protocol states the requirement, each type says that it conforms, and the compiler
/// checks both before anything runs. `callAsFunction` is Swift's `__call__`: `ReLU()(-2)`
/// calls it. In applied, `some Nonlinearity` means "a value of any one type that conforms".
///
///     ReLU()(-2)                           →  0.0
///     LeakyReLU()(-2)                      →  -0.02    (the slope is 0.01 unless given)
///     LeakyReLU(slope: 0.2)(-2)            →  -0.4
///     applied(ReLU(), to: [-1, 0, 2])      →  [0.0, 0.0, 2.0]
///
/// Write the two callAsFunction bodies and applied, then run `lesson check 0.4`.
protocol Nonlinearity {
    func callAsFunction(_ z: Float) -> Float
}

struct ReLU: Nonlinearity {
    func callAsFunction(_ z: Float) -> Float {
        // TODO: z when it is positive, 0 otherwise.
        return z
    }
}

struct LeakyReLU: Nonlinearity {
    var slope: Float = 0.01

    func callAsFunction(_ z: Float) -> Float {
        // TODO: z when it is positive, slope times z otherwise.
        return z
    }
}

func applied(_ nonlinearity: some Nonlinearity, to values: [Float]) -> [Float] {
    // TODO: the nonlinearity applied to each value, in order.
    return values
}
