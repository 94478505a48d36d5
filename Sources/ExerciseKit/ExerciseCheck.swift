@_exported import Augment
internal import CExerciseChannel
import Foundation
@_exported import NNKit

/// A grader for one exercise: a type marked `@main` whose `run()` calls the learner's code and
/// states what must come back with `expect…`. The first expectation that fails ends the run and
/// is reported; a run that returns has passed.
///
/// ```swift
/// @main
/// enum StepFunctionCheck: ExerciseCheck {
///     static func run() throws {
///         expectEqual(step(0.7), 1, given: "step(0.7)")
///     }
/// }
/// ```
public protocol ExerciseCheck {
    static func run() throws
}

extension ExerciseCheck {
    /// Runs the check and sends its verdict. Only the program's entry point may: the check's
    /// `@main` type is the first to get here, before any of the learner's code has run, so a
    /// second call (a learner's own `ExerciseCheck` type calling `main()`) fails the exercise.
    public static func main() {
        guard VerdictChannel.enterCheck() else {
            fail(
                given: "running the exercise", expected: "the check to call your code",
                got: "your code called main() of an ExerciseCheck itself")
        }
        // One BLAS thread: graded runs are small, and results then never depend on the machine.
        BLAS.threadCount = 1
        do {
            try run()
            VerdictChannel.send(ExerciseReport(passed: true))
            exit(0)
        } catch {
            VerdictChannel.send(
                ExerciseReport(
                    passed: false, given: "running the exercise",
                    expected: "no error", got: "it threw \(error)"))
            exit(1)
        }
    }
}

/// What a graded run found.
public struct ExerciseReport: Codable, Equatable, Sendable {
    public var passed: Bool
    public var given: String
    public var expected: String
    public var got: String

    public init(passed: Bool, given: String = "", expected: String = "", got: String = "") {
        self.passed = passed
        self.given = given
        self.expected = expected
        self.got = got
    }
}

/// How the verdict reaches the grader: one JSON line, with the run's token, on the pipe the
/// grader opened. Both were taken by `CExerciseChannel` as the library loaded, before any of the
/// learner's code could run; only the first verdict is sent, and the grader also requires exit
/// status 0 for a pass.
enum VerdictChannel {
    nonisolated(unsafe) private static var sent = false
    nonisolated(unsafe) private static var entered = false

    /// True the first time only: the program's entry point.
    static func enterCheck() -> Bool {
        defer { entered = true }
        return !entered
    }

    static var descriptor: Int32 { exercise_channel_descriptor() }
    static var token: String? {
        let token = String(cString: exercise_channel_token())
        return token.isEmpty ? nil : token
    }

    static func send(_ report: ExerciseReport) {
        guard !sent, descriptor >= 0, let token else { return }
        sent = true
        struct Line: Encodable {
            var token: String
            var passed: Bool
            var given: String
            var expected: String
            var got: String
        }
        let line = Line(
            token: token, passed: report.passed, given: report.given, expected: report.expected,
            got: report.got)
        guard var data = try? JSONEncoder().encode(line) else { return }
        data.append(UInt8(ascii: "\n"))
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}

/// Ends the run as failed: `given` what, `expected` what, `got` what.
public func fail(given: String, expected: String, got: String) -> Never {
    VerdictChannel.send(ExerciseReport(passed: false, given: given, expected: expected, got: got))
    exit(1)
}

/// Fails unless `actual == expected`.
public func expectEqual<T: Equatable>(_ actual: T, _ expected: T, given: @autoclosure () -> String) {
    if actual != expected {
        fail(given: given(), expected: "\(expected)", got: "\(actual)")
    }
}

/// Fails unless `actual == expected`, for values that may be nil: a value is shown as itself,
/// never as Swift's `Optional(…)`, and nil as "nothing (nil)".
public func expectEqual<T: Equatable>(_ actual: T?, _ expected: T?, given: @autoclosure () -> String) {
    if actual != expected {
        fail(given: given(), expected: described(expected), got: described(actual))
    }
}

/// `value` as a learner reads it: the value itself, or "nothing (nil)".
public func described<T>(_ value: T?) -> String {
    value.map { "\($0)" } ?? "nothing (nil)"
}

/// The tolerance `expectClose` allows unless told otherwise: float32 arithmetic done in another
/// order lands this close.
public let defaultTolerance: Float = 1e-4

/// Fails unless `actual` is within `tolerance` of `expected` (relative for large values).
public func expectClose(
    _ actual: Float, _ expected: Float, tolerance: Float = defaultTolerance,
    given: @autoclosure () -> String
) {
    if !isClose(actual, expected, tolerance: tolerance) {
        fail(given: given(), expected: "\(expected)", got: "\(actual)")
    }
}

/// Fails unless every element of `actual` is within `tolerance` of `expected`, naming the first
/// element that is not.
public func expectClose(
    _ actual: Matrix, _ expected: Matrix, tolerance: Float = defaultTolerance,
    given: @autoclosure () -> String
) {
    guard actual.rows == expected.rows && actual.columns == expected.columns else {
        fail(
            given: given(), expected: "a \(expected.rows) × \(expected.columns) matrix",
            got: "a \(actual.rows) × \(actual.columns) matrix")
    }
    for i in actual.scalars.indices where !isClose(actual.scalars[i], expected.scalars[i], tolerance: tolerance) {
        let (row, column) = (i / max(actual.columns, 1), i % max(actual.columns, 1))
        fail(
            given: given() + ", at row \(row), column \(column) (counting from 0)",
            expected: "\(expected.scalars[i])", got: "\(actual.scalars[i])")
    }
}

/// Fails unless `actual` has as many values as `expected`, each within `tolerance`, naming the
/// first that is not by its index (counting from 0).
public func expectClose(
    _ actual: [Float], _ expected: [Float], tolerance: Float = defaultTolerance,
    given: @autoclosure () -> String
) {
    guard actual.count == expected.count else {
        fail(
            given: given(), expected: "an array of \(expected.count) value\(expected.count == 1 ? "" : "s")",
            got: "an array of \(actual.count): \(actual)")
    }
    for i in actual.indices where !isClose(actual[i], expected[i], tolerance: tolerance) {
        fail(given: given() + ", at index \(i) (counting from 0)", expected: "\(expected[i])", got: "\(actual[i])")
    }
}

/// Fails with `expected` and `got` spelled out unless `condition` holds.
public func expect(
    _ condition: Bool, given: @autoclosure () -> String,
    expected: @autoclosure () -> String, got: @autoclosure () -> String
) {
    if !condition {
        fail(given: given(), expected: expected(), got: got())
    }
}

private func isClose(_ actual: Float, _ expected: Float, tolerance: Float) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}
