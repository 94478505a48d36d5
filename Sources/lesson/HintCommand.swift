import ArgumentParser
import Lessons

struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "A nudge for one exercise, without the answer: 'lesson hint 1.2'."
    )

    @Argument(help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"),
              transform: { try ExerciseChoice.single($0, command: "hint") })
    var exercise: Exercise

    func run() throws {
        print("Hint for \(exercise.id) · \(exercise.title)\n")
        print(TextLayout.wrapped(exercise.hint, width: 80))
        print("\nYour file: exercises/\(exercise.fileName). Check it with 'lesson check \(exercise.id)'.")
    }
}
