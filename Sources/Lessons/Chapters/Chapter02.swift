import NNKit

/// Chapter 2: the same single neuron on XOR, and why it cannot succeed.
///
/// The tutorial saw accuracy 0.25–0.5 and a loss stuck near 0.25. No straight line puts (0,1)
/// and (1,0) on one side and (0,0) and (1,1) on the other, so the best a line can do is three
/// of four; trained on squared error, the neuron settles near w = 0, b = 0.5 instead.
public struct XORFailure: Chapter {
    public init() {}
    public let number = 2
    public let slug = "xor-failure"

    public let exerciseSlugs = ["accuracy", "line-search"]

    /// Weights and bias tried by the line search: −2 to 2 in steps of 0.1.
    static let searchValues: [Float] = (0 ... 40).map { Float($0) / 10 - 2 }

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        console.heading("Chapter 2 · \(title)")
        console.line("""
            The neuron from chapter 1, unchanged: Dense(1), mean squared error, SGD, \
            \(LogicGates.epochs) epochs.
            This time the answers are XOR's: 1 when exactly one input is 1.
            """)
        let result = try Perceptron.train(on: LogicGateData.xor, seed: context.seed,
                                          epochs: LogicGates.epochs,
                                          learningRate: LogicGates.learningRate, console: console)
        var report = ChapterReport()
        report.record("XOR accuracy", Double(result.accuracy))
        report.record("XOR loss", Double(result.loss))

        console.section("What it settled for")
        console.line("""
              Every output is close to \(Format.fixed(result.outputs.reduce(0, +) / 4, 2)): with \
            w1 ≈ \(Format.fixed(result.weights.w1, 2)), w2 ≈ \(Format.fixed(result.weights.w2, 2)) \
            and b ≈ \(Format.fixed(result.weights.bias, 2)),
              the neuron answers "about one half" everywhere. For squared error that is the least-bad
              line: predicting 0.5 for all four points costs (0.5)² = 0.25 each, and the loss stays
              at \(Format.fixed(result.loss, 4)). Which side of 0.5 each output lands on is a matter
              of rounding, so the accuracy (\(Format.fixed(result.accuracy, 2))) is luck, not learning.
            """)

        console.section("No line can do it: a search")
        let search = Self.bestLine()
        report.record("lines searched", Double(search.tried))
        report.record("best line correct", Double(search.bestCorrect))
        console.line("""
              Every line w1·x1 + w2·x2 + b = 0 with w1, w2, b in −2.0, −1.9, …, 2.0 \
            (\(search.tried) lines),
              each calling a point 1 when w1·x1 + w2·x2 + b > 0:
                best line gets \(search.bestCorrect) of 4 right  (e.g. w1 = \(Format.fixed(search.example.0, 1)), \
            w2 = \(Format.fixed(search.example.1, 1)), b = \(Format.fixed(search.example.2, 1)))
                lines that get all 4 right: \(search.perfect)
              The algebra says the same for every line, not just these: the text of this chapter
              ('lesson 2 read') works it through.
            """)
        console.line()
        console.line("Next: 'lesson 3 run' adds a hidden layer, and the line becomes a bend.")
        return report
    }

    /// Tries every line on the grid and counts how many XOR points each gets right.
    static func bestLine() -> (tried: Int, bestCorrect: Int, perfect: Int, example: (Float, Float, Float)) {
        let inputs = LogicGateData.inputs
        let targets = LogicGateData.xor.targets
        var best = (correct: -1, example: (Float(0), Float(0), Float(0)))
        var tried = 0
        var perfect = 0
        for w1 in searchValues {
            for w2 in searchValues {
                for b in searchValues {
                    tried += 1
                    var correct = 0
                    for i in 0 ..< 4 {
                        let predicted: Float = w1 * inputs[i, 0] + w2 * inputs[i, 1] + b > 0 ? 1 : 0
                        if predicted == targets[i] { correct += 1 }
                    }
                    if correct == 4 { perfect += 1 }
                    if correct > best.correct { best = (correct, (w1, w2, b)) }
                }
            }
        }
        return (tried, best.correct, perfect, best.example)
    }
}
