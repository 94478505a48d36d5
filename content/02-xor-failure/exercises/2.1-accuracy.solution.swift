/// Exercise 2.1 · Accuracy (reference solution)
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    let correct = zip(outputs, targets).filter { output, target in
        (output > threshold ? 1 : 0) == target
    }.count
    return Float(correct) / Float(outputs.count)
}
