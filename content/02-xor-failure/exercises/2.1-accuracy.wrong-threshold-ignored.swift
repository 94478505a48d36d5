// Wrong: 0.5 written in place of the threshold parameter, so threshold: 0.3 changes nothing
// The check says: threshold: 0.3
func accuracy(outputs: [Float], targets: [Float], threshold: Float = 0.5) -> Float {
    let correct = zip(outputs, targets).filter { output, target in
        (output > 0.5 ? 1 : 0) == target
    }.count
    return Float(correct) / Float(outputs.count)
}
