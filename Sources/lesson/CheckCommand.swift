import ArgumentParser
import Lessons

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Grade your exercises: all of them, one chapter's (3) or one (3.2).",
        discussion: """
            Your exercise files are in exercises/, one per exercise: 1.1-step-function.swift, … Each \
            is compiled with its grader and run in a process of its own, with a time limit, so a \
            crash or an endless loop fails that exercise and the rest are still graded. A failure \
            shows what the grader gave your code, what it expected and what came back. Progress is \
            kept in exercises/progress.txt and shown by 'lesson list'.

            Examples:
              lesson check          every exercise
              lesson check 3        chapter 3's
              lesson check 3.2      exercise 2 of chapter 3
            """
    )

    @Argument(
        help: ArgumentHelp(
            "A chapter (3) or an exercise (3.2); every exercise when left out.",
            valueName: "exercise"),
        transform: ExerciseChoice.parse)
    var selection: ExerciseChoice?

    @OptionGroup var timeLimit: TimeLimitOption

    @Flag(
        help: ArgumentHelp(
            "Grade the reference solutions instead of your files (for contributors).",
            visibility: .hidden))
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
