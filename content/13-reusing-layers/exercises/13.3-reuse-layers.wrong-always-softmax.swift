// Wrong: the new output layer is Dense(units: classes, activation: .softmax) even for two classes, where Keras's model B has Dense(1, sigmoid)
// The check says: B's output layer
import NNKit

func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    let b = Sequential(inputShape: a.inputShape)
    for layer in a.layers.dropLast() {
        layer.isTrainable = false
        try b.add(reusing: layer)
    }
    b.add(Dense(units: classes, activation: .softmax))
    return b
}
