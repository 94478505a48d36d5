// Wrong: the number of right answers returned, not divided by the number of samples
// The check says: a fraction of the samples
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    let correct = zip(outputs, targets).filter { output, target in
        (output > threshold ? 1 : 0) == target
    }.count
    return Float(correct)
}
