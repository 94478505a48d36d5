// Wrong: every layer of B is frozen, the new output layer too, so nothing is left to train
// The check says: B's trainable parameters
import NNKit

func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    let b = Sequential(inputShape: a.inputShape)
    for layer in a.layers.dropLast() {
        layer.isTrainable = false
        try b.add(reusing: layer)
    }
    b.add(classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax))
    for layer in b.layers { layer.isTrainable = false }
    return b
}
