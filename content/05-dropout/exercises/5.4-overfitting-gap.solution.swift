/// Exercise 5.4 · Where overfitting starts (reference solution)
func gaps(training: [Float], validation: [Float]) -> [Float] {
    zip(training, validation).map { $0 - $1 }
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    gaps(training: training, validation: validation).firstIndex { $0 > threshold }.map { $0 + 1 }
}
