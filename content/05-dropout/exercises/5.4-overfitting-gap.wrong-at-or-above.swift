// Wrong: a gap equal to the threshold counted (>= instead of >)
// The check says: where epoch 1's gap equals the threshold
func gaps(training: [Float], validation: [Float]) -> [Float] {
    zip(training, validation).map { $0 - $1 }
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    gaps(training: training, validation: validation).firstIndex { $0 >= threshold }.map { $0 + 1 }
}
