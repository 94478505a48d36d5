import ArgumentParser
import Lessons

struct ListCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: HelpWords.text("list.abstract"))
    }

    func run() throws {
        // Titles and summaries come from content/: without it, say so rather than list blanks.
        _ = try ContentLibrary.locate()
        let progress = (try? Project.locate()).map { Progress.load(from: $0.workspace) } ?? Progress()
        let console = Console.standardOutput
        for line in ChapterList.lines(progress: progress, console: console) { console.line(line) }
    }
}
