import ArgumentParser
import Foundation
import Lessons

struct WatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "watch", abstract: HelpWords.text("watch.abstract"),
            discussion: HelpWords.text("watch.discussion"))
    }

    @Argument(
        help: ArgumentHelp(words: "watch.chapter", value: "chapter"),
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
