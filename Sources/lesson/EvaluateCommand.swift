import ArgumentParser
import Foundation
import Lessons

struct EvaluateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "evaluate", abstract: HelpWords.text("evaluate.abstract"),
            discussion: HelpWords.text("evaluate.discussion"))
    }

    @Argument(help: ArgumentHelp(words: "evaluate.file", value: "file"))
    var file: String

    @OptionGroup var data: DataOption

    func validate() throws {
        if file.isEmpty { throw ValidationError(Words.shared("error.evaluate.noFile")) }
    }

    func run() throws {
        try ModelEvaluation(
            modelFile: URL(fileURLWithPath: file), dataDirectory: data.directory,
            console: Console.standardOutput
        ).run()
    }
}
