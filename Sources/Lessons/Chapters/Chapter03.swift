import NNKit

/// Chapter 3: a hidden layer solves XOR.
///
/// The tutorial's model: `Dense(32, relu)` then `Dense(1, sigmoid)`, RMSprop, mean squared
/// error, 500 epochs, reaching accuracy 1.0 with outputs like [0.25, 0.81, 0.81, 0.19].
public struct MultilayerPerceptron: Chapter {
    public init() {}
    public let number = 3
    public let slug = "multilayer-perceptron"

    public let exerciseSlugs = ["sigmoid", "dense-layer", "backpropagation", "parameter-count"]

    static let epochs = 500
    static let hiddenUnits = 32

    /// What the run arrives at on XOR.
    public struct Result: Sendable, Equatable {
        public var xorAccuracy: Double
        public var xorLoss: Double
        /// The model's output for each of the four inputs, in LogicGateData.inputs' order.
        public var outputs: [Double]
    }

    public func run(_ context: ChapterContext) throws -> Result {
        let console = context.console
        let epochs = context.epochs(Self.epochs)
        console.heading(words("run.heading", ["title": title]))
        console.say(words("run.intro", ["units": "\(Self.hiddenUnits)", "epochs": "\(epochs)"]))
        let model = Sequential(
            inputSize: 2,
            [
                Dense(units: Self.hiddenUnits, activation: .relu),
                Dense(units: 1, activation: .sigmoid),
            ], seed: context.seed)
        model.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [.accuracy])
        console.line()
        console.line(model.summary().description)

        console.section(words("run.training"))
        let targets = LogicGateData.xor.targets
        try model.fit(
            LogicGateData.inputs, Matrix(column: targets), epochs: epochs,
            seed: context.seed, verbose: .everyNthEpoch(max(1, epochs / 5)),
            output: console.output)
        let evaluation = try model.evaluate(LogicGateData.inputs, Matrix(column: targets))
        let outputs = model.predict(LogicGateData.inputs).scalars
        let accuracy = evaluation[.accuracy] ?? 0
        let loss = evaluation[.loss] ?? 0

        console.section(words("run.xor"))
        for line in LogicGateData.predictionTable(outputs: outputs, targets: targets, console: console) {
            console.line(line)
        }
        console.line()
        console.line(
            words(
                "run.predictions",
                [
                    "outputs": outputs.map { Format.fixed($0, 2) }.joined(separator: ", "),
                    "rounded": outputs.map { $0 > 0.5 ? "1" : "0" }.joined(separator: ", "),
                ]))
        console.say(words("run.result", ["accuracy": Format.fixed(accuracy, 2), "loss": Format.fixed(loss, 4)]))
        console.line(words("run.hidden", ["active": "\(activeHiddenUnits(model))", "units": "\(Self.hiddenUnits)"]))
        console.line()
        for line in DecisionMap.lines(
            predict: { model.predict($0, batchSize: 1024) },
            points: LogicGateData.inputs, targets: targets,
            console: console)
        {
            console.line(line)
        }
        console.line()
        console.say(words("run.next"))

        return Result(xorAccuracy: Double(accuracy), xorLoss: Double(loss), outputs: outputs.map(Double.init))
    }

    /// How many relu units output more than zero for at least one of the four inputs: the rest
    /// are "dead" and contribute nothing.
    private func activeHiddenUnits(_ model: Sequential) -> Int {
        guard let hidden = model.layers.first else { return 0 }
        let activations = hidden.forward(LogicGateData.inputs, training: false)
        return (0..<activations.columns).filter { c in
            (0..<activations.rows).contains { activations[$0, c] > 0 }
        }.count
    }
}
