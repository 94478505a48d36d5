import ExerciseKit
import Foundation

@main
enum SuggestRateCheck: ExerciseCheck {
    static func run() throws {
        let first = smoothedLosses([2, 2, 2])
        ExerciseKit.expectEqual(first.count, 3, given: "smoothedLosses([2, 2, 2]).count")
        ExerciseKit.expectClose(first.map(Float.init), [2, 2, 2], tolerance: 1e-9,
                                given: "smoothedLosses([2, 2, 2]): the correction makes a constant loss stay constant")
        let two = smoothedLosses([1, 3])
        ExerciseKit.expectClose(two.map(Float.init), [1, Float((0.98 * 0.02 + 0.06) / (1 - 0.98 * 0.98))], tolerance: 1e-6,
                                given: "smoothedLosses([1, 3])")
        ExerciseKit.expectEqual(smoothedLosses([1, 2, .nan, 1]).count, 2,
                                given: "smoothedLosses([1, 2, nan, 1]).count: stop at the first loss that is not finite")

        // A made-up range test: the loss falls until a rate of 0.1, then climbs and blows up.
        let rates = (0 ..< 400).map { 1e-4 * pow(10, 5 * Double($0) / 399) }
        let losses = rates.map { rate -> Double in
            let x = log10(rate) + 1
            return x < 0 ? 0.8 - 0.5 * x : 0.8 + 3 * x * x
        } + [.infinity]
        let answer = suggestRate(rates: rates, losses: losses)
        let smoothed = smoothedLosses(losses)
        let index = smoothed.indices.min { smoothed[$0] < smoothed[$1] } ?? 0
        ExerciseKit.expectClose(Float(answer.lowest), Float(rates[index]), tolerance: 1e-6,
                                given: "a range test whose smoothed loss is lowest at step \(index)")
        ExerciseKit.expect(answer.lowest > 0.1, given: "the same range test: the smoothed lowest point lags the raw one (at 0.1)",
                           expected: "a rate above 0.1", got: "\(answer.lowest)")
        ExerciseKit.expectClose(Float(answer.suggested), Float(answer.lowest / 2), tolerance: 1e-6, given: "the suggestion: half of the lowest point")

        // Noise: the raw minimum is one lucky batch, the smoothed one is not.
        var noisy = Array(repeating: 1.0, count: 200)
        noisy[20] = 0.1
        for i in 100 ..< 200 { noisy[i] = 1 - 0.004 * Double(i - 100) }
        let noisyRates = (0 ..< 200).map { Double($0 + 1) * 0.001 }
        ExerciseKit.expectClose(Float(suggestRate(rates: noisyRates, losses: noisy).lowest), 0.2, tolerance: 1e-6,
                                given: "one lucky batch (loss 0.1 at rate 0.021) in a loss that falls steadily to the end: the end is lowest once smoothed")
    }
}
