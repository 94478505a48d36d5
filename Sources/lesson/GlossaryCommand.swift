import ArgumentParser
import Lessons

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "The Korean terms the playground uses, each beside the English one in the code (용어집).",
        discussion:
            "The Korean texts (--lang ko) use these terms; each chapter gives the English in parentheses the first time."
    )

    func run() throws {
        let library = try ContentLibrary.locate()
        let console = Console.standardOutput
        let glossary = try Glossary.load(from: library)
        console.line(Words.shared("glossary.heading", ["count": "\(glossary.terms.count)"]))
        console.line()
        for line in glossary.lines(console: console) { console.line(line) }
    }
}
