import ArgumentParser
import Foundation
import Lessons

@main
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "A deep-learning playground: numbered chapters, each a runnable experiment.",
        discussion: """
            Start with 'lesson list', then read a chapter and run it:

              lesson list             the chapters, one line each
              lesson 0                Swift beside Python: an optional warm-up
              lesson 1                read chapter 1 (same as 'lesson 1 read')
              lesson 1 run            run it: watch a network learn
              lesson 3 run --seed 7   the same from another random start
              lesson check            grade your exercises (in exercises/)
              lesson hint 1.2         a nudge for exercise 1.2
              lesson augment --help   transform your own images
              lesson bench            how fast training runs here

            Every random choice (initial weights, shuffling, dropout, augmentation) follows --seed: \
            the same seed, the same numbers.
            """,
        subcommands: [ListCommand.self, ChapterCommand.self, CheckCommand.self, HintCommand.self,
                      ResetCommand.self, SolutionCommand.self, WatchCommand.self, EvaluateCommand.self, ExportCommand.self, AugmentCommand.self, BenchCommand.self],
        defaultSubcommand: ChapterCommand.self
    )

    /// Parses and runs as ArgumentParser does, except that 'lesson help X' for a command that
    /// does not exist is an error (ArgumentParser would show the general help and succeed).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2, arguments[0] == "help" {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(arguments[1]) {
                let hint = Int(arguments[1]) != nil
                    ? "'lesson \(arguments[1])' reads chapter \(arguments[1]); 'lesson help chapter' explains chapters."
                    : "The commands are \(names.joined(separator: ", ")); try 'lesson --help'."
                FileHandle.standardError.write(Data("Error: there is no command '\(arguments[1])'. \(hint)\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        main(arguments)
    }
}
