// Wrong: B is built from the layers of a copy of A, new objects, instead of A's own layers
// The check says: (the same object)
import NNKit

func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    let b = Sequential(inputShape: a.inputShape)
    for layer in try a.copy().layers.dropLast() {
        layer.isTrainable = false
        try b.add(reusing: layer)
    }
    b.add(classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax))
    return b
}
