import ArgumentParser
import Foundation
import Lessons

/// The documented range of every numeric option, and the check that holds each value to it: a
/// value outside (or not finite) is refused with the option's name, its range and what came.
enum OptionRange {
    static let cores = ProcessInfo.processInfo.activeProcessorCount
    /// More BLAS threads than cores only slows training down.
    static let threads = 1...max(1, cores)
    static let timeLimit = 1...600
    static let benchEpochs = 1...100
    static let chapterEpochs = 1...1_000
    static let rotate = -360.0...360.0
    static let shift = -1_000.0...1_000.0
    static let zoom = 0.1...10.0
    static let shear = -80.0...80.0
    static let stretch = 0.1...10.0
    static let variants = 1...1_000
    static let fashionImages = 1...100

    /// `range` as the help text writes it, in the learner's language: "1 to 600", "1~600".
    static func text<T: Comparable>(_ range: ClosedRange<T>) -> String {
        Words.shared("catalog.span", ["low": format(range.lowerBound), "high": format(range.upperBound)])
    }

    /// Refuses `value` unless it lies in `range`, naming `option` (e.g. "--zoom") and the unit
    /// (a key of the shared words: `degrees` for `unit.degrees`), in the learner's language.
    static func check<T: Comparable>(
        _ value: T, in range: ClosedRange<T>, option: String,
        unit: String? = nil
    ) throws {
        guard range.contains(value) else {
            let words = Words.shared
            throw ValidationError(
                words(
                    "option.range",
                    [
                        "option": option, "low": format(range.lowerBound), "high": format(range.upperBound),
                        "unit": unit.map { words("unit.\($0)") } ?? "", "value": format(value),
                    ]))
        }
    }

    private static func format<T>(_ value: T) -> String {
        guard let number = value as? Double else { return "\(value)" }
        if !number.isFinite { return "\(number)" }
        return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }
}
