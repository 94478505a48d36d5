import NNKit

/// Chapter 3: a hidden layer solves XOR.
///
/// The tutorial's model: `Dense(32, relu)` then `Dense(1, sigmoid)`, RMSprop, mean squared
/// error, 500 epochs, reaching accuracy 1.0 with outputs like [0.25, 0.81, 0.81, 0.19].
public struct MultilayerPerceptron: Chapter {
    public init() {}
    public let number = 3
    public let slug = "multilayer-perceptron"

    public let exerciseSlugs = ["sigmoid", "dense-layer"]

    static let epochs = 500

    public func run(_ context: ChapterContext) throws -> ChapterReport {
        let console = context.console
        console.heading("Chapter 3 · \(title)")
        console.line("""
            Two layers now: 32 hidden relu units, then one sigmoid output.
            The hidden units each draw a line; the output unit combines them, and the combination
            can bend around the XOR points. RMSprop, mean squared error, \(Self.epochs) epochs.
            """)
        let model = Sequential(inputSize: 2, [
            Dense(units: 32, activation: .relu),
            Dense(units: 1, activation: .sigmoid),
        ], seed: context.seed)
        model.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [.accuracy])
        console.line()
        console.line(model.summary().description)

        console.section("Training")
        let targets = LogicGateData.xor.targets
        try model.fit(LogicGateData.inputs, Matrix(column: targets), epochs: Self.epochs,
                      seed: context.seed, verbose: .everyNthEpoch(Self.epochs / 5),
                      output: console.output)
        let evaluation = try model.evaluate(LogicGateData.inputs, Matrix(column: targets))
        let outputs = model.predict(LogicGateData.inputs).scalars
        let accuracy = evaluation[.accuracy] ?? 0
        let loss = evaluation[.loss] ?? 0

        console.section("XOR")
        for line in LogicGateData.predictionTable(outputs: outputs, targets: targets, console: console) {
            console.line(line)
        }
        console.line()
        console.line("  predictions [" + outputs.map { Format.fixed($0, 2) }.joined(separator: ", ")
                     + "] round to [" + outputs.map { $0 > 0.5 ? "1" : "0" }.joined(separator: ", ") + "]")
        console.line("  accuracy \(Format.fixed(accuracy, 2))   loss \(Format.fixed(loss, 4))   "
                     + "(the single neuron of chapter 2 stayed near 0.25)")
        let hidden = activeHiddenUnits(model)
        console.line("  hidden units active on at least one input: \(hidden) of 32")
        console.line()
        for line in DecisionMap.lines(predict: { model.predict($0, batchSize: 1024) },
                                      points: LogicGateData.inputs, targets: targets,
                                      console: console) {
            console.line(line)
        }
        console.line()
        console.line("The shaded region is no longer a half-plane: it is the model's bend around XOR.")
        console.line("Try another --seed, or read 'lesson 3 read' for what to change next.")

        var report = ChapterReport()
        report.record("XOR accuracy", Double(accuracy))
        report.record("XOR loss", Double(loss))
        for (index, output) in outputs.enumerated() { report.record("output \(index)", Double(output)) }
        return report
    }

    /// How many relu units output more than zero for at least one of the four inputs: the rest
    /// are "dead" and contribute nothing.
    private func activeHiddenUnits(_ model: Sequential) -> Int {
        guard let hidden = model.layers.first else { return 0 }
        let activations = hidden.forward(LogicGateData.inputs, training: false)
        return (0 ..< activations.columns).filter { c in
            (0 ..< activations.rows).contains { activations[$0, c] > 0 }
        }.count
    }
}
