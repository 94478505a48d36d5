import ArgumentParser
import Lessons

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check", abstract: HelpWords.text("check.abstract"),
            discussion: HelpWords.text("check.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "check.exercise", value: "exercise"),
        transform: ExerciseChoice.parse)
    var selection: ExerciseChoice?

    @OptionGroup var timeLimit: TimeLimitOption

    @Flag(help: ArgumentHelp(words: "check.reference", visibility: .hidden))
    var reference = false

    func run() throws {
        let exercises = selection?.exercises ?? Catalog.chapters.flatMap(\.exercises)
        var session = GradingSession(
            project: try Project.locate(), console: Console.standardOutput,
            timeLimit: timeLimit.duration, stopsOnInterrupt: true)
        session.gradesReferenceSolutions = reference
        let passed = try Interruption.exitingOnInterruption { try session.grade(exercises) }
        if passed < exercises.count { throw ExitCode(1) }
    }
}
