// Wrong: the corrected size is answered as the learning rate, skipping the computation (epsilon makes it smaller for tiny gradients)
// The check says: a gradient so small that epsilon counts
func firstAdamStep(gradient: Float, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
                   epsilon: Float = 1e-7) -> (corrected: Float, uncorrected: Float) {
    let m = (1 - beta1) * gradient
    let v = (1 - beta2) * gradient * gradient
    let rate = learningRate * (1 - beta2).squareRoot() / (1 - beta1)
    let corrected = rate * m / (v.squareRoot() + epsilon)
    let uncorrected = learningRate * m / (v.squareRoot() + epsilon)
    _ = corrected
    return (learningRate, abs(uncorrected))
}
