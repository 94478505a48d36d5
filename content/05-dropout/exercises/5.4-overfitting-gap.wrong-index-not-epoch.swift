// Wrong: the index of the gap returned as the epoch, counting from 0
// The check says: (epochs count from 1)
func gaps(training: [Float], validation: [Float]) -> [Float] {
    zip(training, validation).map { $0 - $1 }
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    gaps(training: training, validation: validation).firstIndex { $0 > threshold }
}
