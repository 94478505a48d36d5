/// Chapter 0, optional: Swift for Python programmers.
///
/// No network and no data: the run evaluates the chapter's Swift snippets on a four-number
/// array and prints each beside the Python line a learner already knows, with what Python gives
/// as its comment and what the Swift gave just now as its own. The snippets' code is here, next
/// to the lookups of their words, so what is printed is what ran.
public struct SwiftWarmUp: Chapter {
    public init() {}
    public let number = 0
    public let slug = "swift-warm-up"
    public var isOptional: Bool { true }

    public let exerciseSlugs = ["mean-and-dot", "argument-labels", "structs-and-classes", "protocols", "closures"]

    /// What the snippets gave, one field per Swift line the run prints.
    public struct Result: Sendable, Equatable {
        public var mean: Float
        public var squares: [Float]
        public var aboveTwo: [Float]
        public var dot: Float
        public var floatDivision: Float
        public var integerDivision: Int
        public var steps: [Int]
        public var zeros: [Float]
        /// `a.count` after `var b = a; b.count += 1` with a struct (0), and `b.count` (1).
        public var structOriginal: Int
        public var structCopy: Int
        /// `a.count` after `let b = a; b.count += 1` with a class: 1.
        public var classOriginal: Int
        /// `ws.count` after `var zs = ws; zs.append(5)` (4), and `zs.count` (5).
        public var arrayOriginal: Int
        public var arrayCopy: Int
        public var sortedDescending: [Float]
        public var shifted: [Float]
        public var emptyMaximum: Float?
        public var maximumOrZero: Float
        public var asFloat: Float
        public var asDouble: Double
        public var floatBytes: Int
        public var doubleBytes: Int
    }

    /// The array the snippets work on, and the weights of the dot product.
    static let xs: [Float] = [1, 2, 3, 4]
    static let ws: [Float] = [0.5, -1, 2, 0]
    /// Chapter 4's deep model, 784-256-128-64-10: 200,960 + 32,896 + 8,256 + 650 weights.
    static let deepModelWeights = 242_762

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        // Prints `run.<key>.python` with what Python gives (`run.<key>.gives`) as its comment,
        // then each Swift line with what it gave here as its own; the comments line up, and a
        // blank line sets each pair apart.
        func compare(_ key: String, swift lines: [(key: String, result: String)]) {
            let python = words("run.\(key).python")
            let swift = lines.map { (code: words("run.\($0.key).swift"), result: $0.result) }
            let width = ([python] + swift.map(\.code)).map(TextLayout.displayWidth).max() ?? 0
            func padded(_ code: String) -> String {
                code + String(repeating: " ", count: width - TextLayout.displayWidth(code))
            }
            console.line()
            console.line(words("run.python", ["code": padded(python), "result": words("run.\(key).gives")]))
            for line in swift {
                console.line(words("run.swift", ["code": padded(line.code), "result": line.result]))
            }
        }
        func compare(_ key: String, _ result: String) {
            compare(key, swift: [(key, result)])
        }

        console.heading(words("run.heading", ["title": title]))
        console.say(words("run.intro"))
        let xs = Self.xs
        let ws = Self.ws

        console.section(words("run.arrays"))
        let mean = xs.reduce(0, +) / Float(xs.count)
        let squares = xs.map { $0 * $0 }
        let aboveTwo = xs.filter { $0 > 2 }
        let dot = zip(xs, ws).map { $0 * $1 }.reduce(0, +)
        compare("mean", "\(mean)")
        compare("squares", "\(squares)")
        compare("filter", "\(aboveTwo)")
        compare("dot", "\(dot)")

        console.section(words("run.division"))
        let floatDivision = Float(7) / 2
        let integerDivision = 7 / 2
        compare("division.float", "\(floatDivision)")
        compare("division.integer", "\(integerDivision)")
        console.line()
        console.say(words("run.division.note"))

        console.section(words("run.labels"))
        let steps = Array(stride(from: 0, to: 10, by: 4))
        let zeros = [Float](repeating: 0, count: 3)
        compare("labels.stride", "\(steps)")
        compare("labels.repeating", "\(zeros)")

        console.section(words("run.copies"))
        console.say(words("run.copies.setup"))
        let structA = CounterStruct()
        var structB = structA
        structB.count += 1
        let classA = CounterClass()
        let classB = classA
        classB.count += 1
        var zs = ws
        zs.append(5)
        compare(
            "copies",
            swift: [
                ("copies.struct", "a.count == \(structA.count)"),
                ("copies.class", "a.count == \(classA.count)"),
            ])
        compare("copies.array", "ws.count == \(ws.count)")
        console.line()
        console.say(words("run.copies.note"))

        console.section(words("run.closures"))
        let sortedDescending = xs.sorted { $0 > $1 }
        let shifted = xs.map { max(0, $0 - 2) }
        compare("closures.sorted", "\(sortedDescending)")
        compare("closures.map", "\(shifted)")

        console.section(words("run.optionals"))
        let emptyMaximum = [Float]().max()
        let maximumOrZero = xs.max() ?? 0
        compare("optionals.empty", emptyMaximum.map { "\($0)" } ?? "nil")
        compare("optionals.default", "\(maximumOrZero)")

        console.section(words("run.numbers"))
        let asFloat = Float(16_777_217)
        let asDouble = Double(16_777_217)
        compare("numbers", swift: [("numbers.float", "\(asFloat)"), ("numbers.double", "\(asDouble)")])
        let floatBytes = MemoryLayout<Float>.size
        let doubleBytes = MemoryLayout<Double>.size
        console.line()
        console.say(
            words(
                "run.numbers.note",
                [
                    "weights": Format.grouped(Self.deepModelWeights),
                    "float": Format.grouped(Self.deepModelWeights * floatBytes),
                    "double": Format.grouped(Self.deepModelWeights * doubleBytes),
                ]))

        console.line()
        console.say(words("run.next"))
        return Result(
            mean: mean, squares: squares, aboveTwo: aboveTwo, dot: dot, floatDivision: floatDivision,
            integerDivision: integerDivision, steps: steps, zeros: zeros,
            structOriginal: structA.count, structCopy: structB.count, classOriginal: classA.count,
            arrayOriginal: ws.count, arrayCopy: zs.count, sortedDescending: sortedDescending,
            shifted: shifted, emptyMaximum: emptyMaximum, maximumOrZero: maximumOrZero,
            asFloat: asFloat, asDouble: asDouble, floatBytes: floatBytes, doubleBytes: doubleBytes)
    }
}

/// The run's `Counter` as a value: a copy is a counter of its own.
private struct CounterStruct {
    var count = 0
}

/// The same `Counter` as an object: a second name for it is the same counter.
private final class CounterClass {
    var count = 0
}
