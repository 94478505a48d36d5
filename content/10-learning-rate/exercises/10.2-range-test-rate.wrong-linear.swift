// Wrong: the rates lie on a straight line of rates, from + (to − from) · fraction, not on a log axis
// The check says: halfway on a log axis
import Foundation

func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    let fraction = Double(step) / Double(steps - 1)
    return from + (to - from) * fraction
}
