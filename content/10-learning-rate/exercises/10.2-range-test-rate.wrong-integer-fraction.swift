// Wrong: the fraction divides Int by Int, step / (steps − 1), which is 0 until the last step
// The check says: halfway on a log axis
import Foundation

func rangeTestRate(step: Int, steps: Int, from: Double, to: Double) -> Double {
    let fraction = Double(step / (steps - 1))
    return from * pow(to / from, fraction)
}
