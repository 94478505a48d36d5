// Wrong: the formulas use Keras's defaults 0.9 and 0.999 instead of the beta1 and beta2 passed in
// The check says: beta1: 0.8, beta2: 0.99
func firstAdamStep(gradient: Float, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
                   epsilon: Float = 1e-7) -> (corrected: Float, uncorrected: Float) {
    let m = (1 - 0.9) * gradient
    let v = (1 - 0.999) * gradient * gradient
    let rate = learningRate * (1 - 0.999).squareRoot() / (1 - 0.9)
    let corrected = rate * m / (v.squareRoot() + epsilon)
    let uncorrected = learningRate * m / (v.squareRoot() + epsilon)
    return (abs(corrected), abs(uncorrected))
}
