import Foundation

func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    let fraction = Double(step) / Double(steps - 1)
    return from * pow(to / from, fraction)
}
