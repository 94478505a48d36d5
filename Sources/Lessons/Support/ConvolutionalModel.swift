import NNKit

/// The convolutional network of the tutorials (혼공머신 8-2): two convolution-and-pooling
/// stages, then a dense classifier. Chapter 12 trains it; `lesson bench` times it.
enum ConvolutionalModel {
    /// Conv2D(32, 3, relu, same) → MaxPooling2D(2) → Conv2D(64, 3, relu, same) →
    /// MaxPooling2D(2) → Flatten → Dense(100, relu) → Dropout(0.4) → Dense(10, softmax), compiled
    /// with Adam (1e-3) and sparse categorical cross-entropy, as the tutorial compiles it.
    static func make(seed: UInt64) -> Sequential {
        let model = Sequential(
            inputShape: FashionMNIST.imageShape,
            [
                Conv2D(filters: 32, kernelSize: 3, padding: .same, activation: .relu),
                MaxPooling2D(poolSize: 2),
                Conv2D(filters: 64, kernelSize: 3, padding: .same, activation: .relu),
                MaxPooling2D(poolSize: 2),
                Flatten(),
                Dense(units: 100, activation: .relu),
                Dropout(rate: 0.4),
                Dense(units: 10, activation: .softmax),
            ], seed: seed)
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        return model
    }

    /// Multiply-adds of one image's forward pass, counted as 2 operations each: a convolution
    /// does `kernel height · width · channels` of them per output value, a dense layer one per
    /// weight. Pooling, activations and biases are left out (they are a fraction of a percent).
    /// This is the usual count, the one Keras's figures are measured against.
    static func forwardOperations(_ model: Sequential) -> Double {
        operations(model) { conv in Double(conv.outputSize) * Double(conv.kernel.value.rows) }
    }

    /// The same, as NNKit computes it: a layer done by Winograd's scheme does fewer
    /// multiply-adds than the direct sums.
    static func computedForwardOperations(_ model: Sequential) -> Double {
        operations(model) { conv in Double(conv.forwardMultiplyAdds) }
    }

    private static func operations(_ model: Sequential, convolution: (Conv2D) -> Double) -> Double {
        var operations = 0.0
        for layer in model.layers {
            if let conv = layer as? Conv2D {
                operations += 2 * convolution(conv)
            } else if let dense = layer as? Dense {
                operations += 2 * Double(dense.kernel.value.count)
            }
        }
        return operations
    }
}
