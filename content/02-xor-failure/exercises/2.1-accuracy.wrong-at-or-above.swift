// Wrong: an output of exactly the threshold counted as class 1 (>= instead of >)
// The check says: where exactly 0.5 is class 0
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    let correct = zip(outputs, targets).filter { output, target in
        (output >= threshold ? 1 : 0) == target
    }.count
    return Float(correct) / Float(outputs.count)
}
