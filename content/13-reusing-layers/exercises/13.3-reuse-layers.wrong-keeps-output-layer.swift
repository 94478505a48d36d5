// Wrong: all of A's layers are reused, its output layer too, with the new one on top
// The check says: B's number of layers
import NNKit

func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    let b = Sequential(inputShape: a.inputShape)
    for layer in a.layers {
        layer.isTrainable = false
        try b.add(reusing: layer)
    }
    b.add(classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax))
    return b
}
