import NNKit

/// Chapter 1: a single neuron learns AND, OR and NAND.
///
/// The tutorial's model: `Dense(1)` (linear) on two inputs, mean squared error, SGD, 500 epochs;
/// an output above 0.5 counts as 1. Its weights and bias are a straight line through the plane.
public struct LogicGates: Chapter {
    public init() {}
    public let number = 1
    public let slug = "logic-gates"

    public let exerciseSlugs = ["step-function", "perceptron-rule", "decision-line", "training-loop"]

    static let epochs = 500
    /// The tutorial's SGD; a learning rate of 0.1 lets 500 full-batch steps settle.
    static let learningRate: Float = 0.1

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        console.heading(words("run.heading", ["title": title]))
        let epochs = context.epochs(Self.epochs)
        console.say(words("run.intro", ["epochs": "\(epochs)", "rate": Format.fixed(Self.learningRate, 1)]))
        var report = ChapterReport()
        for gate in [LogicGateData.and, LogicGateData.or, LogicGateData.nand] {
            let result = try Perceptron.train(
                on: gate, seed: context.seed, epochs: epochs,
                learningRate: Self.learningRate, console: console)
            report.record("\(gate.name) accuracy", Double(result.accuracy))
            report.record("\(gate.name) loss", Double(result.loss))
        }
        console.section(words("run.summary"))
        for gate in ["AND", "OR", "NAND"] {
            let accuracy = report["\(gate) accuracy"] ?? 0
            console.line(
                words(
                    "run.summary.row",
                    [
                        "gate": Format.padded(gate, 5), "accuracy": Format.fixed(accuracy, 2),
                        "loss": Format.fixed(report["\(gate) loss"] ?? 0, 4),
                        "mark": console.mark(accuracy == 1),
                    ]))
        }
        console.line()
        console.say(words("run.next"))
        return report
    }
}

/// The single-neuron experiment chapters 1 and 2 share: train, then show the numbers, the
/// line and the picture.
enum Perceptron {
    struct Result {
        let accuracy: Float
        let loss: Float
        let weights: (w1: Float, w2: Float, bias: Float)
        let outputs: [Float]
    }

    static func train(
        on gate: LogicGateData.Gate, seed: UInt64, epochs: Int, learningRate: Float,
        console: Console
    ) throws -> Result {
        let words = Words.shared
        console.section(gate.name)
        let model = Sequential(inputSize: 2, [Dense(units: 1)], seed: seed)
        model.compile(
            optimizer: SGD(learningRate: learningRate), loss: .meanSquaredError,
            metrics: [.accuracy])
        try model.fit(
            LogicGateData.inputs, gate.targetMatrix, epochs: epochs,
            seed: seed, verbose: .everyNthEpoch(max(1, epochs / 5)),
            output: console.output)
        let evaluation = try model.evaluate(LogicGateData.inputs, gate.targetMatrix)
        let outputs = model.predict(LogicGateData.inputs).scalars
        let kernel = model.weights[0].value.scalars
        let bias = model.weights[1].value.scalars[0]
        let result = Result(
            accuracy: evaluation[.accuracy] ?? 0, loss: evaluation[.loss] ?? 0,
            weights: (kernel[0], kernel[1], bias), outputs: outputs)
        console.line()
        for line in LogicGateData.predictionTable(outputs: outputs, targets: gate.targets, console: console) {
            console.line(line)
        }
        console.line()
        console.line(
            words(
                "perceptron.learned",
                [
                    "w1": Format.fixed(kernel[0], 3), "w2": Format.fixed(kernel[1], 3),
                    "b": Format.fixed(bias, 3),
                ]))
        console.line(words("perceptron.line", ["equation": lineEquation(w1: kernel[0], w2: kernel[1], bias: bias)]))
        console.line(
            words(
                "perceptron.result",
                ["accuracy": Format.fixed(result.accuracy, 2), "loss": Format.fixed(result.loss, 4)]))
        console.line()
        for line in DecisionMap.lines(
            predict: { model.predict($0, batchSize: 1024) },
            points: LogicGateData.inputs, targets: gate.targets,
            console: console)
        {
            console.line(line)
        }
        return result
    }

    /// Where the output crosses 0.5: `w1·x1 + w2·x2 + b = 0.5`, solved for x2 when it can be.
    static func lineEquation(w1: Float, w2: Float, bias: Float) -> String {
        let implicit = "\(Format.fixed(w1, 2))·x1 \(Format.signed(w2, 2))·x2 \(Format.signed(bias, 2)) = 0.5"
        guard abs(w2) > 1e-3 else { return implicit }
        let slope = -w1 / w2
        let intercept = (0.5 - bias) / w2
        return implicit + "   ⇔   x2 = \(Format.fixed(slope, 2))·x1 \(Format.signed(intercept, 2))"
    }
}
