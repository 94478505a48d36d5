import ArgumentParser
import Foundation
import Lessons

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export", abstract: HelpWords.text("export.abstract"),
            discussion: HelpWords.text("export.discussion"))
    }

    @Argument(help: ArgumentHelp(words: "export.input", value: "input"))
    var input: String

    @Argument(help: ArgumentHelp(words: "export.output", value: "output"))
    var output: String

    @Flag(help: ArgumentHelp(words: "export.force"))
    var force = false

    func validate() throws {
        if input.isEmpty || output.isEmpty {
            throw ValidationError(Words.shared("error.export.noFiles"))
        }
    }

    func run() throws {
        try ModelExport(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output), force: force,
            console: Console.standardOutput
        ).run()
    }
}
