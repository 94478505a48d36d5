// Wrong: the fraction of wrong answers (the error rate) instead of the right ones
// The check says: a fraction of the samples
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    let wrong = zip(outputs, targets).filter { output, target in
        (output > threshold ? 1 : 0) != target
    }.count
    return Float(wrong) / Float(outputs.count)
}
