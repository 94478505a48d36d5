import ExerciseKit

@main
enum OverfittingGapCheck: ExerciseCheck {
    static func run() throws {
        let training: [Float] = [0.80, 0.86, 0.90, 0.93, 0.95]
        let validation: [Float] = [0.82, 0.85, 0.87, 0.87, 0.88]
        ExerciseKit.expectClose(gaps(training: training, validation: validation), [-0.02, 0.01, 0.03, 0.06, 0.07],
                                given: "gaps(training: \(training), validation: \(validation))")
        ExerciseKit.expectEqual(firstEpochOverfitting(training: training, validation: validation, threshold: 0.05), 4,
                                given: "firstEpochOverfitting with threshold 0.05 (epochs count from 1)")
        ExerciseKit.expectEqual(firstEpochOverfitting(training: training, validation: validation, threshold: 0.1), nil,
                                given: "firstEpochOverfitting with threshold 0.1, which no gap passes")
        ExerciseKit.expectEqual(firstEpochOverfitting(training: [0.9], validation: [0.7], threshold: 0.1), 1,
                                given: "firstEpochOverfitting(training: [0.9], validation: [0.7], threshold: 0.1)")
    }
}
