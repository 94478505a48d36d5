// Wrong: each gap taken as validation minus training, the wrong way round
// The check says: training minus validation
func gaps(training: [Float], validation: [Float]) -> [Float] {
    zip(training, validation).map { $1 - $0 }
}

func firstEpochOverfitting(training: [Float], validation: [Float], threshold: Float) -> Int? {
    gaps(training: training, validation: validation).firstIndex { $0 > threshold }.map { $0 + 1 }
}
