import ArgumentParser
import Foundation
import Lessons

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-grade an exercise each time you save it, until you type q and Enter.",
        discussion: """
            Keep this running in one terminal and your editor in another: every time an exercise \
            file in exercises/ is saved, it is graded and the verdict printed here.
            """
    )

    @OptionGroup var timeLimit: TimeLimitOption

    func run() throws {
        let session = GradingSession(project: try Project.locate(), console: Console.standardOutput,
                                     timeLimit: timeLimit.duration, stopsOnInterrupt: true)
        let watcher = ExerciseWatcher(session: session)
        try watcher.start()
        let quit = Thread {
            while let line = readLine() {
                if line.trimmingCharacters(in: .whitespaces).lowercased() == "q" { Foundation.exit(0) }
            }
        }
        quit.start()
        try Interruption.exitingOnInterruption { try watcher.run() }
    }
}
