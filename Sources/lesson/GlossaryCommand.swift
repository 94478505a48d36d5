import ArgumentParser
import Lessons

struct GlossaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "glossary", abstract: HelpWords.text("glossary.abstract"),
            discussion: HelpWords.text("glossary.discussion"))
    }

    func run() throws {
        let library = try ContentLibrary.locate()
        let console = Console.standardOutput
        let glossary = try Glossary.load(from: library)
        console.line(Words.shared("glossary.heading", ["count": "\(glossary.terms.count)"]))
        console.line()
        for line in glossary.lines(console: console) { console.line(line) }
    }
}
