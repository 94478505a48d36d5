// Wrong: the size of the gap, abs(gap) > threshold, so validation far above training counts as overfitting
// The check says: gap −0.162 is no overfitting
func gaps(training: [Float], validation: [Float]) -> [Float] {
    zip(training, validation).map { $0 - $1 }
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    gaps(training: training, validation: validation).firstIndex { abs($0) > threshold }.map { $0 + 1 }
}
