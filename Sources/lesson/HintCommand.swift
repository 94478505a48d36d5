import ArgumentParser
import Lessons

struct HintCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "hint", abstract: HelpWords.text("hint.abstract"),
            discussion: HelpWords.text("hint.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "exercise", value: "exercise"),
        transform: { try ExerciseChoice.single($0, command: "hint") })
    var exercise: Exercise

    @Flag(help: ArgumentHelp(words: "hint.more"))
    var more = false

    func run() throws {
        let console = Console.standardOutput
        let file =
            (try? Project.locate()).map { $0.shownPath($0.learnerFile(exercise)) } ?? "exercises/\(exercise.fileName)"
        for line in HintText.lines(for: exercise, file: file, more: more) { console.line(line) }
    }
}
