import Testing

@testable import NNKit

@Suite("It learns")
struct LearningTests {
    static let xorInputs = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
    static let xorTargets = Matrix(column: [0, 1, 1, 0])

    @Test("An MLP solves XOR under a fixed seed")
    func xor() throws {
        let model = Sequential(
            inputSize: 2,
            [
                Dense(units: 8, activation: .tanh),
                Dense(units: 1, activation: .sigmoid),
            ], seed: 1)
        model.compile(optimizer: Adam(learningRate: 0.05), loss: .binaryCrossentropy, metrics: [.accuracy])
        let history = try model.fit(
            Self.xorInputs, Self.xorTargets, epochs: 300, batchSize: 4,
            seed: 1, verbose: .silent)
        #expect(history[.accuracy].last == 1)
        #expect(try #require(history[.loss].last) < 0.1)
    }

    @Test("A single neuron fits a straight line y = 2x − 1")
    func line() throws {
        let xs: [Float] = (0..<32).map { Float($0) / 16 - 1 }
        let model = Sequential(inputSize: 1, [Dense(units: 1)], seed: 2)
        model.compile(optimizer: SGD(learningRate: 0.1), loss: .meanSquaredError)
        try model.fit(
            Matrix(column: xs), Matrix(column: xs.map { 2 * $0 - 1 }), epochs: 200,
            batchSize: 8, verbose: .silent)
        let kernel = model.weights[0].value.scalars[0]
        let bias = model.weights[1].value.scalars[0]
        #expect(abs(kernel - 2) < 1e-3)
        #expect(abs(bias + 1) < 1e-3)
    }

    @Test("Same seed, same history; validationSplit holds out the last samples")
    func reproducible() throws {
        let x = Matrix(rows: 40, columns: 2, scalars: (0..<80).map { Float($0 % 7) / 7 })
        let y = Matrix(column: (0..<40).map { Float($0 % 2) })
        func run() throws -> (History, Sequential) {
            let model = Sequential(
                inputSize: 2,
                [
                    Dense(units: 4, activation: .relu),
                    Dense(units: 1, activation: .sigmoid),
                ], seed: 9)
            model.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [.accuracy])
            return (try model.fit(x, y, epochs: 5, batchSize: 8, validationSplit: 0.25, verbose: .silent), model)
        }
        let (first, model) = try run()
        let (second, _) = try run()
        #expect(first[.loss] == second[.loss])
        #expect(first[.valLoss] == second[.valLoss])
        #expect(first.keys == [.loss, .accuracy, .valLoss, .valAccuracy])
        // The last epoch's validation figures are those of the last 10 samples (40 · 0.25), and
        // not of any other 10.
        let held = try model.evaluate(x.rows(30..<40), y.rows(30..<40), batchSize: 8)
        #expect(first[.valLoss].last == held[.loss])
        #expect(first[.valLoss].last != (try model.evaluate(x.rows(0..<10), y.rows(0..<10), batchSize: 8))[.loss])
    }

    @Test(
        "validationSplit holds out exactly Keras's count: floor(n · (1 − split)) in double precision",
        arguments: [(5000, 0.2, 4000), (60000, 0.2, 48000), (10, 0.3, 7), (7, 0.5, 3)])
    func splitCounts(samples: Int, split: Double, training: Int) throws {
        final class Recorder: Callback {
            var parameters: TrainingParameters?
            func onTrainBegin(model: Sequential, parameters: TrainingParameters) { self.parameters = parameters }
        }
        let recorder = Recorder()
        let model = Sequential(inputSize: 1, [Dense(units: 1)])
        model.compile(optimizer: SGD(), loss: .meanSquaredError)
        let x = Matrix(column: (0..<samples).map(Float.init))
        try model.fit(x, x, epochs: 1, batchSize: 1000, validationSplit: split, callbacks: [recorder], verbose: .silent)
        #expect(recorder.parameters?.samples == training)
    }

    @Test("The progress display reads like Keras's, one line per epoch off a terminal")
    func progress() throws {
        let model = Sequential(inputSize: 2, [Dense(units: 1, activation: .sigmoid)])
        model.compile(optimizer: SGD(), loss: .binaryCrossentropy, metrics: [.accuracy])
        let output = CapturedOutput()
        try model.fit(Self.xorInputs, Self.xorTargets, epochs: 2, batchSize: 2, output: output)
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "Epoch 1/2")
        #expect(lines[1].hasPrefix("2/2 ━━━━━━━━━━━━━━━━━━━━ "))
        #expect(lines[1].contains("/step - loss: "))
        #expect(lines[1].contains(" - accuracy: "))
    }

    @Test("A finished progress line longer than the output's width continues on indented lines")
    func progressFits() {
        let line =
            "480/480 ━━━━━━━━━━━━━━━━━━━━ 1s 2ms/step - loss: 0.8224 - accuracy: 0.7421 - val_loss: 0.5479"
            + " - val_accuracy: 0.8088"
        let fitted = ProgressBar.fitted(line, columns: 80).split(separator: "\n").map(String.init)
        #expect(
            fitted == [
                "480/480 ━━━━━━━━━━━━━━━━━━━━ 1s 2ms/step - loss: 0.8224 - accuracy: 0.7421",
                "    - val_loss: 0.5479 - val_accuracy: 0.8088",
            ])
        #expect(ProgressBar.fitted(line, columns: 200) == line)
    }
}
