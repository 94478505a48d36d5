import ArgumentParser
import Foundation
import Lessons

@main
struct LessonCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "lesson",
            abstract: HelpWords.text("lesson.abstract"),
            discussion: HelpWords.text("lesson.discussion"),
            subcommands: [
                ListCommand.self, ChapterCommand.self, CheckCommand.self, HintCommand.self,
                ResetCommand.self, SolutionCommand.self, WatchCommand.self, EvaluateCommand.self,
                ExportCommand.self, AugmentCommand.self, BenchCommand.self, GlossaryCommand.self,
            ],
            defaultSubcommand: ChapterCommand.self
        )
    }

    /// Parses and runs as ArgumentParser does, except that 'lesson help X' for a command that
    /// does not exist is an error (ArgumentParser would show the general help and succeed).
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            Language.select(try takeLanguage(from: &arguments) ?? Language.fromEnvironment())
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        if arguments.count >= 2, arguments[0] == "help", !arguments[1].hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName } + ["help"]
            if !names.contains(arguments[1]) {
                let words = Words.shared
                let hint =
                    Int(arguments[1]) != nil
                    ? words("error.noCommand.chapter", ["number": arguments[1]])
                    : words("error.noCommand.list", ["commands": names.joined(separator: ", ")])
                let message = words("parser.error") + words("error.noCommand", ["name": arguments[1], "hint": hint])
                FileHandle.standardError.write(Data((laidOut(message) + "\n").utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            finish(with: error)
        }
        Foundation.exit(0)
    }

    /// Exits as ArgumentParser does (help on standard output and status 0, an error on standard
    /// error with its status), every word of it in the learner's language.
    static func finish(with error: any Error) -> Never {
        let code = exitCode(for: error)
        let message =
            Language.current == .english
            ? fullMessage(for: error)
            : laidOut(fullMessage(for: error, columns: ParserOutput.unwrapped))
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
        Foundation.exit(code.rawValue)
    }

    /// ArgumentParser's unwrapped text in the current language, wrapped to the terminal; English
    /// as it is.
    static func laidOut(_ text: String) -> String {
        ParserOutput.localized(text, width: Console.standardOutput.width)
    }

    /// The help of `command` as `lesson … --help` prints it, in the current language.
    static func localizedHelp(for command: any ParsableCommand.Type, columns: Int = 80) -> String {
        guard Language.current != .english else { return helpMessage(for: command, columns: columns) }
        return ParserOutput.localized(helpMessage(for: command, columns: ParserOutput.unwrapped), width: columns)
    }

    /// Removes `--lang X` (or `--lang=X`) from `arguments`, wherever it is, and returns X's
    /// language: every command takes it, so it is read before any command is parsed.
    static func takeLanguage(from arguments: inout [String]) throws -> Language? {
        var chosen: Language?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            var value: String?
            if argument == "--lang" {
                guard index + 1 < arguments.count else { throw LanguageError(value: nil) }
                value = arguments[index + 1]
                arguments.removeSubrange(index...index + 1)
            } else if argument.hasPrefix("--lang=") {
                value = String(argument.dropFirst("--lang=".count))
                arguments.remove(at: index)
            } else if argument == "--" {
                break
            } else {
                index += 1
                continue
            }
            guard let value, let language = Language(code: value) else { throw LanguageError(value: value) }
            chosen = language
        }
        return chosen
    }
}

struct LanguageError: Error, CustomStringConvertible {
    let value: String?
    var description: String {
        (value.map { "--lang takes en (English) or ko (Korean), got '\($0)'." } ?? "--lang needs a language: en or ko.")
            + " 언어는 en 또는 ko입니다."
    }
}
