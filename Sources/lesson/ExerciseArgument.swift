import ArgumentParser
import Lessons

/// Turns what the learner typed (`3`, `3.2`, or nothing) into exercises, or a message that says
/// what to type instead.
enum ExerciseArgument {
    static func exercises(_ text: String?) throws -> [Exercise] {
        guard let text else { return ExerciseSelection.all.exercises(in: Catalog.chapters) }
        guard let selection = ExerciseSelection(text) else {
            throw ValidationError("'\(text)' names no exercise: exercises are numbered like 1.2 "
                                  + "(chapter 1, exercise 2). Try 'lesson list'.")
        }
        let chapterNumber: Int
        switch selection {
        case .all: return selection.exercises(in: Catalog.chapters)
        case .chapter(let number): chapterNumber = number
        case .exercise(let number, _): chapterNumber = number
        }
        guard let chapter = Catalog.chapter(chapterNumber) else {
            throw ValidationError("There is no chapter \(chapterNumber); chapters run from \(Catalog.range). "
                                  + "Try 'lesson list'.")
        }
        let chosen = selection.exercises(in: Catalog.chapters)
        guard !chosen.isEmpty else {
            let ids = chapter.exercises.map(\.id).joined(separator: ", ")
            throw ValidationError("Chapter \(chapter.number) has exercises \(ids); there is no \(text).")
        }
        return chosen
    }

    /// Exactly one exercise, for hint, reset and solution.
    static func exercise(_ text: String, command: String) throws -> Exercise {
        let chosen = try exercises(text)
        guard chosen.count == 1, let exercise = chosen.first, text.contains(".") else {
            let example = chosen.first?.id ?? "1.1"
            throw ValidationError("'lesson \(command)' takes one exercise, like 'lesson \(command) \(example)'.")
        }
        return exercise
    }
}
