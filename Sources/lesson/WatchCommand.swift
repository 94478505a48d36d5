import ArgumentParser
import Foundation
import Lessons

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Lead you through the exercises, grading each file as you save it.",
        discussion: """
            Keep this running in one terminal and your editor in another. It grades the first \
            exercise you have not passed at once, then again every time you save it; when it \
            passes, the next one is yours. Keys, no Enter needed: h a hint, n the next exercise, \
            l the list, q quit.

            Chapter 0, the Swift warm-up, is optional: 'lesson watch' starts at chapter 1 unless \
            you have passed one of chapter 0's exercises, and 'lesson watch 0' starts with it. \
            'lesson watch 4' starts at the first exercise you have not passed from chapter 4 on.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Start at this chapter (0 for the warm-up); without it, where you left off.",
            valueName: "chapter"),
        transform: ChapterNumber.parse)
    var chapter: ChapterNumber?

    @OptionGroup var timeLimit: TimeLimitOption

    func run() throws {
        let session = GradingSession(
            project: try Project.locate(), console: Console.standardOutput,
            timeLimit: timeLimit.duration, stopsOnInterrupt: true)
        let keys = TerminalKeys()
        defer { keys.restore() }
        try Interruption.exitingOnInterruption {
            _ = try ExerciseWatcher(session: session, startChapter: chapter?.chapter.number).run(keys: keys)
        }
    }
}
