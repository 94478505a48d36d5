// Wrong: the fraction is step / steps, so the last step (steps − 1) stops short of to
// The check says: the last step reaches to
import Foundation

func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    let fraction = Double(step) / Double(steps)
    return from * pow(to / from, fraction)
}
