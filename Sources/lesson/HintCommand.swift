import ArgumentParser
import Lessons

struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "A nudge for one exercise, without the answer: 'lesson hint 1.2'."
    )

    @Argument(help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"))
    var exercise: String

    func validate() throws {
        _ = try ExerciseArgument.exercise(exercise, command: "hint")
    }

    func run() throws {
        let exercise = try ExerciseArgument.exercise(exercise, command: "hint")
        print("Hint for \(exercise.id) · \(exercise.title)\n")
        print(exercise.hint)
        print("\nYour file: exercises/\(exercise.fileName). Check it with 'lesson check \(exercise.id)'.")
    }
}
