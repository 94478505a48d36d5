/// One exercise: a Swift file the learner completes, graded by a check program.
///
/// Its files, for exercise 1.1 `step-function` of chapter 1:
/// - `Exercises/01-logic-gates/1.1-step-function.swift`: the stub the learner starts from;
/// - `….solution.swift`: the reference solution;
/// - `….check.swift`: the grader, compiled together with the learner's file;
/// and the learner's copy is `exercises/1.1-step-function.swift` in the workspace.
public struct Exercise: Sendable, Equatable {
    public let chapter: Int
    public let number: Int
    public let slug: String
    public let title: String
    /// A nudge that points the way without giving the answer.
    public let hint: String
    /// A stronger hint, for when the nudge was not enough (`lesson hint N.M --more`).
    public let moreHint: String

    public init(chapter: Int, number: Int, slug: String, title: String, hint: String, moreHint: String = "") {
        self.chapter = chapter
        self.number = number
        self.slug = slug
        self.title = title
        self.hint = hint
        self.moreHint = moreHint
    }

    /// `1.2`, as the learner types it.
    public var id: String { "\(chapter).\(number)" }
    /// `1.2-perceptron-update.swift`: the learner's file and the stub.
    public var fileName: String { "\(id)-\(slug).swift" }
    public var solutionFileName: String { "\(id)-\(slug).solution.swift" }
    public var checkFileName: String { "\(id)-\(slug).check.swift" }
}

/// A learner's way of naming exercises on the command line: `3` (a chapter's) or `3.2` (one).
public enum ExerciseSelection: Equatable, Sendable {
    case all
    case chapter(Int)
    case exercise(chapter: Int, number: Int)

    /// Parses `3` or `3.2`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 1, let chapter = Int(parts[0]) {
            self = .chapter(chapter)
        } else if parts.count == 2, let chapter = Int(parts[0]), let number = Int(parts[1]) {
            self = .exercise(chapter: chapter, number: number)
        } else {
            return nil
        }
    }

    /// The exercises this names, in course order; empty when it names none.
    public func exercises(in chapters: [any Chapter]) -> [Exercise] {
        let every = chapters.flatMap(\.exercises)
        switch self {
        case .all: return every
        case .chapter(let number): return every.filter { $0.chapter == number }
        case .exercise(let chapter, let number):
            return every.filter { $0.chapter == chapter && $0.number == number }
        }
    }
}
