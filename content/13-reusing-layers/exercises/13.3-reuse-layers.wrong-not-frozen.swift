// Wrong: A's layers are reused but not frozen, so training B would change them (and A)
// The check says: frozen (isTrainable false)
import NNKit

func modelB(on a: Sequential, classes: Int) throws -> Sequential {
    let b = Sequential(inputShape: a.inputShape)
    for layer in a.layers.dropLast() {
        try b.add(reusing: layer)
    }
    b.add(classes == 2 ? Dense(units: 1, activation: .sigmoid) : Dense(units: classes, activation: .softmax))
    return b
}
