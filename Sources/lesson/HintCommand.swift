import ArgumentParser
import Lessons

struct HintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "A nudge for one exercise, without the answer: 'lesson hint 1.2'.",
        discussion: "Still stuck after the nudge? 'lesson hint 1.2 --more' says more about how to go about it."
    )

    @Argument(
        help: ArgumentHelp("The exercise, like 1.2.", valueName: "exercise"),
        transform: { try ExerciseChoice.single($0, command: "hint") })
    var exercise: Exercise

    @Flag(help: "A stronger hint, after the nudge.")
    var more = false

    func run() throws {
        let console = Console.standardOutput
        let file =
            (try? Project.locate()).map { $0.shownPath($0.learnerFile(exercise)) } ?? "exercises/\(exercise.fileName)"
        for line in HintText.lines(for: exercise, file: file, more: more) { console.line(line) }
    }
}
