import ExerciseKit

@main
enum ReuseLayersCheck: ExerciseCheck {
    static func run() throws {
        /// A layer's settings as Swift would write them: Dense(units: 1, activation: sigmoid).
        func written(_ configuration: LayerConfiguration) -> String {
            let settings = configuration.values.map { setting -> String in
                switch setting.value {
                case .int(let value): "\(setting.key): \(value)"
                case .float(let value): "\(setting.key): \(value)"
                case .string(let value): "\(setting.key): \(value)"
                case .ints(let values): "\(setting.key): \(values)"
                }
            }
            return "\(configuration.type)(\(settings.joined(separator: ", ")))"
        }
        let dense = Sequential(inputSize: 784, [
            Dense(units: 300, activation: .relu), Dense(units: 100, activation: .relu),
            Dense(units: 50, activation: .relu), Dense(units: 50, activation: .relu),
            Dense(units: 8, activation: .softmax),
        ], name: "model_A", seed: 42)
        let convolutional = Sequential(inputShape: [28, 28, 1], [
            Conv2D(filters: 4, kernelSize: 3, padding: .same, activation: .relu), MaxPooling2D(poolSize: 2),
            Flatten(), Dense(units: 10, activation: .relu), Dense(units: 5, activation: .softmax),
        ], name: "model_A", seed: 42)
        for (a, classes, note) in [(dense, 2, "chapter 13's dense model A, sandal vs shirt"),
                                   (convolutional, 5, "a small convolutional model A, five new classes")] {
            let given = "modelB(on: \(note), classes: \(classes))"
            let before = a.parameters.map(\.value)
            let b = try modelB(on: a, classes: classes)
            ExerciseKit.expectEqual(b.inputShape, a.inputShape, given: given + ": B's input shape")
            ExerciseKit.expectEqual(b.layers.count, a.layers.count, given: given + ": B's number of layers")
            for index in 0 ..< a.layers.count - 1 {
                ExerciseKit.expect(b.layers[index] === a.layers[index], given: given + ": B's layer \(index)",
                                   expected: "A's own \(a.layers[index].name) (the same object)",
                                   got: "another \(b.layers[index].typeName)")
                ExerciseKit.expect(!b.layers[index].isTrainable || b.layers[index].parameters.isEmpty,
                                   given: given + ": B's layer \(index), \(b.layers[index].name)",
                                   expected: "frozen (isTrainable false)", got: "trainable")
            }
            let output = b.layers[b.layers.count - 1]
            ExerciseKit.expect(output !== a.layers[a.layers.count - 1], given: given + ": B's output layer",
                               expected: "a new Dense layer", got: "A's output layer")
            let expected = classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax)
            ExerciseKit.expect(output.configuration == expected.configuration, given: given + ": B's output layer",
                               expected: written(expected.configuration), got: written(output.configuration))
            let summary = b.summary()
            let head = output.parameters.reduce(0) { $0 + $1.count }
            ExerciseKit.expectEqual(summary.trainableCount, head, given: given + ": B's trainable parameters (its summary)")

            // Training B changes its new layer only; A's weights stay as they were.
            if classes == 2 {
                b.compile(optimizer: Adam(learningRate: 0.01), loss: .binaryCrossentropy)
            } else {
                b.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy)
            }
            var generator = RandomGenerator(seed: 5)
            let x = Matrix(rows: 16, columns: a.inputSize, scalars: (0 ..< 16 * a.inputSize).map { _ in generator.nextUnitFloat() })
            let y = Matrix(column: (0 ..< 16).map { Float($0 % classes) })
            try b.fit(x, y, epochs: 2, batchSize: 8, verbose: .silent)
            for (index, (old, new)) in zip(before, a.parameters.map(\.value)).enumerated() {
                ExerciseKit.expectClose(new, old, tolerance: 0, given: given + ", after training B for 2 epochs: A's parameter \(index)")
            }
        }
    }
}
