import ArgumentParser
import Lessons

/// A chapter's number as the learner types it, checked against the catalog when parsed.
struct ChapterNumber: ExpressibleByArgument {
    let chapter: any Chapter

    init?(argument: String) {
        guard let number = Int(argument), let chapter = Catalog.chapter(number) else { return nil }
        self.chapter = chapter
    }

    /// `argument` as a chapter, or the message saying what to type instead.
    static func parse(_ argument: String) throws -> ChapterNumber {
        guard let number = Int(argument) else {
            throw ValidationError(Words.shared("error.notChapter"))
        }
        guard let parsed = ChapterNumber(argument: argument) else {
            throw ValidationError(Words.shared("error.noChapter", ["number": "\(number)", "range": Catalog.range]))
        }
        return parsed
    }
}

/// What `lesson N` does with a chapter.
enum ChapterAction: String, CaseIterable, ExpressibleByArgument {
    case read
    case run
}

/// One exercise or a chapter's, as `3.2` or `3`, checked against the catalog when parsed.
struct ExerciseChoice {
    let exercises: [Exercise]
    /// True when one exercise was named (`3.2`), not a chapter.
    let isSingle: Bool

    /// `argument` as exercises, or the message saying what to type instead.
    static func parse(_ argument: String) throws -> ExerciseChoice {
        guard let selection = ExerciseSelection(argument) else {
            throw ValidationError(Words.shared("error.notExercise"))
        }
        let chapterNumber: Int
        switch selection {
        case .all: return ExerciseChoice(exercises: selection.exercises(in: Catalog.chapters), isSingle: false)
        case .chapter(let number): chapterNumber = number
        case .exercise(let number, _): chapterNumber = number
        }
        guard let chapter = Catalog.chapter(chapterNumber) else {
            throw ValidationError(
                Words.shared("error.noChapter", ["number": "\(chapterNumber)", "range": Catalog.range]))
        }
        let chosen = selection.exercises(in: Catalog.chapters)
        guard !chosen.isEmpty else {
            let ids = chapter.exercises.map(\.id).joined(separator: ", ")
            throw ValidationError(Words.shared("error.noExercise", ["chapter": "\(chapter.number)", "ids": ids]))
        }
        if case .exercise = selection { return ExerciseChoice(exercises: chosen, isSingle: true) }
        return ExerciseChoice(exercises: chosen, isSingle: false)
    }

    /// Exactly one exercise, for hint, reset and solution, or the message saying how to name one.
    static func single(_ argument: String, command: String) throws -> Exercise {
        let choice = try parse(argument)
        guard choice.isSingle, let exercise = choice.exercises.first else {
            throw ValidationError(
                Words.shared(
                    "error.oneExercise",
                    [
                        "command": command,
                        "example": choice.exercises.first?.id ?? "1.1",
                    ]))
        }
        return exercise
    }
}

extension AugmentTool.Fill: ExpressibleByArgument {}
extension AugmentTool.Flip: ExpressibleByArgument {}

/// Two finite numbers separated by a comma, as `--shift 2,-3` and `--stretch 1.2,1` take them.
struct NumberPair {
    let x: Double
    let y: Double

    /// A parser for `option`, whose message shows `example`.
    static func parser(_ option: String, example: String) -> @Sendable (String) throws -> NumberPair {
        { text in
            let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
                throw ValidationError(Words.shared("error.numberPair", ["option": option, "example": example]))
            }
            return NumberPair(x: x, y: y)
        }
    }
}

/// Fashion-MNIST training images by index, `0,1,2`.
struct ImageIndices {
    let indices: [Int]

    static func parse(_ text: String) throws -> ImageIndices {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let indices = parts.compactMap { $0 }
        let valid = 0..<FashionMNIST.trainingCount
        guard !parts.isEmpty, indices.count == parts.count else {
            throw ValidationError(Words.shared("error.fashion.list"))
        }
        if let outside = indices.first(where: { !valid.contains($0) }) {
            throw ValidationError(
                Words.shared("error.fashion.range", ["high": "\(valid.upperBound - 1)", "value": "\(outside)"]))
        }
        if let repeated = indices.first(where: { index in indices.filter { $0 == index }.count > 1 }) {
            throw ValidationError(Words.shared("error.fashion.twice", ["image": "\(repeated)"]))
        }
        return ImageIndices(indices: indices)
    }
}

/// `--images 0,15,4523`: test images by number, for a chapter that predicts.
struct TestImageNumbers {
    let rows: [Int]
    static let limit = 16

    static func parse(_ text: String) throws -> TestImageNumbers {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let rows = parts.compactMap { $0 }
        guard !parts.isEmpty, rows.count == parts.count else {
            throw ValidationError(Words.shared("error.images.list"))
        }
        let valid = 0..<FashionMNIST.testCount
        if let outside = rows.first(where: { !valid.contains($0) }) {
            throw ValidationError(
                Words.shared("error.images.range", ["high": "\(valid.upperBound - 1)", "value": "\(outside)"]))
        }
        guard rows.count <= limit else {
            throw ValidationError(Words.shared("error.images.count", ["limit": "\(limit)", "count": "\(rows.count)"]))
        }
        return TestImageNumbers(rows: rows)
    }
}
