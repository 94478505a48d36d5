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

    public let exerciseSlugs = ["accuracy", "line-search", "mean-squared-error", "xor-from-gates"]

    /// Weights and bias tried by the line search: −2 to 2 in steps of 0.1.
    static let searchValues: [Float] = (0...40).map { Float($0) / 10 - 2 }

    /// What the run arrives at: the neuron's figures on XOR, and the line search's.
    public struct Result: Sendable, Equatable {
        public var xorAccuracy: Double
        public var xorLoss: Double
        /// How many lines the grid search tried (41³).
        public var linesSearched: Int
        /// The most XOR points any line on the grid gets right.
        public var bestLineCorrect: Int
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(LogicGates.epochs)
        console.heading(words("run.heading", ["title": title]))
        console.say(words("run.intro", ["epochs": "\(epochs)"]))
        let trained = try Perceptron.train(
            on: LogicGateData.xor, seed: context.seed, epochs: epochs,
            learningRate: LogicGates.learningRate, console: console)

        console.section(words("run.settled"))
        console.say(
            words(
                "run.settled.text",
                [
                    "mean": Format.fixed(trained.outputs.reduce(0, +) / 4, 2),
                    "w1": Format.fixed(trained.weights.w1, 2), "w2": Format.fixed(trained.weights.w2, 2),
                    "b": Format.fixed(trained.weights.bias, 2),
                    "loss": Format.fixed(trained.loss, 4), "accuracy": Format.fixed(trained.accuracy, 2),
                ]))

        console.section(words("run.search"))
        let search = Self.bestLine()
        console.say(words("run.search.intro", ["tried": "\(search.tried)"]))
        console.line(
            words(
                "run.search.best",
                [
                    "correct": "\(search.bestCorrect)",
                    "w1": Format.fixed(search.example.0, 1),
                    "w2": Format.fixed(search.example.1, 1),
                    "b": Format.fixed(search.example.2, 1),
                ]))
        console.line(words("run.search.perfect", ["perfect": "\(search.perfect)"]))
        console.say(words("run.search.algebra"))
        console.line()
        console.say(words("run.next"))
        return Result(
            xorAccuracy: Double(trained.accuracy), xorLoss: Double(trained.loss),
            linesSearched: search.tried, bestLineCorrect: search.bestCorrect)
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
                    for i in 0..<4 {
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
