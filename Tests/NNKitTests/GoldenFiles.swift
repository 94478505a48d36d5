import Foundation
import NNKit
import Testing

/// Keras's answers, read from `$NNKIT_GOLDEN_DIR` when it is set, else from the copy of
/// `shared/golden` kept in this test target (`Golden/`).
enum GoldenFiles {
    /// Relative tolerance, and the absolute floor near zero: float32 reaches both for these sizes.
    static let relativeTolerance: Float = 1e-5
    static let absoluteTolerance: Float = 1e-6

    static var directory: URL {
        get throws {
            if let override = ProcessInfo.processInfo.environment["NNKIT_GOLDEN_DIR"], !override.isEmpty {
                return URL(fileURLWithPath: override, isDirectory: true)
            }
            return try #require(
                Bundle.module.url(forResource: "Golden", withExtension: nil),
                "The Golden resource folder is missing from the NNKitTests bundle.")
        }
    }

    /// Decodes `name` (e.g. `optimizers.json`) from the golden directory.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let folder = try directory
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            throw GoldenFileError(
                message: """
                    Golden file \(name) is not in \(folder.path) (it holds: \
                    \(present.sorted().joined(separator: ", "))). Point NNKIT_GOLDEN_DIR at a folder \
                    with Keras's golden files, or unset it to use the project's copy.
                    """)
        }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The case numbers of `name` (0, 1, …), one test case each, so that a failure names its
    /// case in the test list. A file that cannot be read or has no cases gives the one number 0,
    /// whose test then fails saying why.
    static func caseNumbers(_ name: String, list: String = "cases") -> [Int] {
        struct Lists: Decodable {
            struct Entry: Decodable {}
            let lists: [String: [Entry]]
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                var lists: [String: [Entry]] = [:]
                for key in container.allKeys {
                    lists[key.stringValue] = try? container.decode([Entry].self, forKey: key)
                }
                self.lists = lists
            }
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
        }
        let count = (try? load(name, as: Lists.self))?.lists[list]?.count ?? 0
        return count == 0 ? [0] : Array(0..<count)
    }

    /// Case `index` of `cases`, or an error saying the file has none there.
    static func element<T>(_ index: Int, of cases: [T], in name: String) throws -> T {
        guard cases.indices.contains(index) else {
            throw GoldenFileError(message: "\(name) has no case \(index) (it has \(cases.count)).")
        }
        return cases[index]
    }

    /// Whether `actual` is within tolerance of `expected`.
    static func isClose(
        _ actual: Float, _ expected: Float,
        relative: Float = relativeTolerance, absolute: Float = absoluteTolerance
    ) -> Bool {
        abs(actual - expected) <= max(absolute, relative * abs(expected))
    }

    /// Records one issue naming `label` and the first element out of tolerance, if any.
    static func expectClose(
        _ actual: [Float], _ expected: [Float], _ label: String,
        relative: Float = relativeTolerance, absolute: Float = absoluteTolerance,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard actual.count == expected.count else {
            Issue.record(
                "\(label): \(actual.count) values, expected \(expected.count).",
                sourceLocation: sourceLocation)
            return
        }
        if let index = actual.indices.first(where: {
            !isClose(actual[$0], expected[$0], relative: relative, absolute: absolute)
        }) {
            Issue.record(
                "\(label): element \(index) is \(actual[index]), Keras gives \(expected[index]).",
                sourceLocation: sourceLocation)
        }
    }
}

struct GoldenFileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A JSON number array of any nesting (`0.5`, `[0.5]`, `[[0.5]]`) read as a matrix: a scalar
/// or a flat list becomes one row.
struct GoldenMatrix: Decodable {
    let matrix: Matrix

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let rows = try? container.decode([[Float]].self) {
            matrix = Matrix(rows)
        } else if let row = try? container.decode([Float].self) {
            matrix = Matrix(row: row)
        } else {
            matrix = Matrix(row: [try container.decode(Float.self)])
        }
    }
}

/// A layer as the golden files describe it: `{"type": "Dense", "units": 4, "activation": "relu"}`.
struct GoldenLayer: Decodable {
    let type: String
    let units: Int?
    let outputUnits: Int?
    let activation: String?
    let rate: Float?

    enum CodingKeys: String, CodingKey {
        case type, units, activation, rate
        case outputUnits = "output_units"
    }

    func make() throws -> any Layer {
        var values: [(key: String, value: LayerConfiguration.Value)] = []
        switch type {
        case "Dense":
            values.append(("units", .int(units ?? outputUnits ?? 0)))
            values.append(("activation", .string(activation ?? "linear")))
        case "Activation":
            values.append(("activation", .string(activation ?? "linear")))
        case "Dropout":
            values.append(("rate", .float(rate ?? 0.5)))
        default:
            break
        }
        return try LayerConfiguration(type: type, values).makeLayer()
    }
}

extension Losses {
    /// The loss named as Keras names it in the golden files.
    static func required(_ name: String) throws -> any Loss {
        try #require(Losses.named(name), "Unknown loss '\(name)' in a golden file.")
    }
}

/// Builds the optimizer a golden case names, with every hyperparameter it lists.
func makeOptimizer(_ name: String, _ config: [String: GoldenValue]) throws -> any Optimizer {
    func number(_ key: String, _ fallback: Float) -> Float { config[key]?.number ?? fallback }
    switch name {
    case "SGD":
        return SGD(
            learningRate: number("learning_rate", 0.01), momentum: number("momentum", 0),
            nesterov: config["nesterov"]?.flag ?? false)
    case "RMSprop":
        #expect(config["centered"]?.flag != true, "centered RMSprop is not implemented")
        return RMSprop(
            learningRate: number("learning_rate", 0.001), rho: number("rho", 0.9),
            momentum: number("momentum", 0), epsilon: number("epsilon", 1e-7))
    case "Adagrad":
        return Adagrad(
            learningRate: number("learning_rate", 0.001),
            initialAccumulatorValue: number("initial_accumulator_value", 0.1),
            epsilon: number("epsilon", 1e-7))
    case "Adam":
        #expect(config["amsgrad"]?.flag != true, "AMSGrad is not implemented")
        return Adam(
            learningRate: number("learning_rate", 0.001), beta1: number("beta_1", 0.9),
            beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7))
    default:
        throw GoldenFileError(message: "Unknown optimizer '\(name)' in a golden file.")
    }
}

/// A number, a flag, a name or a list of numbers from a golden `config`.
enum GoldenValue: Decodable, CustomStringConvertible {
    case number(Float)
    case flag(Bool)
    case text(String)
    case numbers([Float])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Float.self) {
            self = .number(number)
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let numbers = try? container.decode([Float].self) {
            self = .numbers(numbers)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var numbers: [Float]? { if case .numbers(let value) = self { value } else { nil } }

    var number: Float? { if case .number(let value) = self { value } else { nil } }
    var flag: Bool? { if case .flag(let value) = self { value } else { nil } }
    var text: String? { if case .text(let value) = self { value } else { nil } }

    var description: String {
        switch self {
        case .number(let value): "\(value)"
        case .flag(let value): "\(value)"
        case .text(let value): value
        case .numbers(let value): "\(value)"
        }
    }
}

/// A JSON number array of any depth (`[[[[0.5]]]]`), flattened in reading order (row-major, as
/// NumPy lays it out), with its shape.
struct GoldenTensor: Decodable {
    let shape: [Int]
    let scalars: [Float]

    init(from decoder: Decoder) throws {
        var shape: [Int] = []
        var scalars: [Float] = []
        func read(_ decoder: Decoder, depth: Int) throws {
            if let number = try? decoder.singleValueContainer().decode(Float.self) {
                scalars.append(number)
                return
            }
            var list = try decoder.unkeyedContainer()
            let count = list.count ?? 0
            if shape.count == depth { shape.append(count) }
            guard shape[depth] == count else {
                throw DecodingError.dataCorruptedError(
                    in: list, debugDescription: "A ragged array: \(count) elements where \(shape[depth]) were expected."
                )
            }
            while !list.isAtEnd { try read(try list.superDecoder(), depth: depth + 1) }
        }
        try read(decoder, depth: 0)
        self.shape = shape
        self.scalars = scalars
    }

    /// One row per element of the first axis: a batch of samples, each flattened.
    var batch: Matrix {
        let rows = shape.first ?? 1
        return Matrix(rows: rows, columns: rows == 0 ? 0 : scalars.count / rows, scalars: scalars)
    }
}

/// An image layer as convolution.json describes it:
/// `{"type": "Conv2D", "filters": 3, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid", "activation": "relu"}`.
struct GoldenImageLayer: Decodable {
    let type: String
    let filters: Int?
    let units: Int?
    let kernel_size: [Int]?
    let pool_size: [Int]?
    let strides: [Int]?
    let padding: String?
    let activation: String?

    func make() throws -> any Layer {
        var values: [(key: String, value: LayerConfiguration.Value)] = []
        if let filters { values.append(("filters", .int(filters))) }
        if let units { values.append(("units", .int(units))) }
        if let kernel_size { values.append(("kernel_size", .ints(kernel_size))) }
        if let pool_size { values.append(("pool_size", .ints(pool_size))) }
        if let strides { values.append(("strides", .ints(strides))) }
        if let padding { values.append(("padding", .string(padding))) }
        if let activation { values.append(("activation", .string(activation))) }
        return try LayerConfiguration(type: type, values).makeLayer()
    }
}
