import ArgumentParser
import Lessons

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the chapters with a one-line summary of each."
    )

    func run() throws {
        let chapters = Catalog.chapters
        let progress = (try? Project.locate()).map { Progress.load(from: $0.workspace) } ?? Progress()
        print("Chapters (read one with 'lesson N', run it with 'lesson N run', grade exercises with 'lesson check'):\n")
        let width = chapters.map(\.title.count).max() ?? 0
        for chapter in chapters {
            let number = chapter.number < 10 ? " \(chapter.number)" : "\(chapter.number)"
            let title = chapter.title + String(repeating: " ", count: width - chapter.title.count)
            let done = chapter.exercises.filter(progress.hasPassed).count
            let mark = done == chapter.exercises.count ? "✓" : " "
            print("  \(number)  \(title)  exercises \(done)/\(chapter.exercises.count) \(mark)  \(chapter.abstract)")
        }
    }
}
