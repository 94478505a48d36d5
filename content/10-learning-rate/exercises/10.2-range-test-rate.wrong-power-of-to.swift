// Wrong: the rate is from · to^fraction, leaving out the division by from
// The check says: the last step reaches to
import Foundation

func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    let fraction = Double(step) / Double(steps - 1)
    return from * pow(to, fraction)
}
