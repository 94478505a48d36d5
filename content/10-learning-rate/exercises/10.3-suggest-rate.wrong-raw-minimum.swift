// Wrong: the lowest point is found in the raw losses instead of the smoothed ones
// The check says: whose smoothed loss is lowest at step
import Foundation

func smoothedLosses(_ losses: [Double]) -> [Double] {
    var average = 0.0
    var smoothed: [Double] = []
    for (index, loss) in losses.enumerated() {
        guard loss.isFinite else { break }
        average = 0.98 * average + 0.02 * loss
        smoothed.append(average / (1 - pow(0.98, Double(index + 1))))
    }
    return smoothed
}

func suggestRate(rates: [Double], losses: [Double]) -> (lowest: Double, suggested: Double) {
    let smoothed = Array(losses.prefix { $0.isFinite })
    guard let best = smoothed.indices.min(by: { smoothed[$0] < smoothed[$1] }) else { return (0, 0) }
    return (rates[best], rates[best] / 2)
}
