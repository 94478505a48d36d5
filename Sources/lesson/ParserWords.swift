import Foundation
import Lessons

/// ArgumentParser's own words (`USAGE:`, `OPTIONS:`, `Show help information.`, `Unknown option
/// '--x'`, …) in the learner's language. ArgumentParser has no hook for them, so its finished
/// text is translated at the edge, a line at a time, before it is printed.
///
/// The table is the `parser.*` entries of the shared words: each English entry is
/// ArgumentParser's phrase exactly as it prints it, `{name}` standing for the part it fills in,
/// and the entry in the learner's language replaces it, the same parts filled in. A line may
/// hold several phrases (`Error: ` then `Unknown option '--x'`); each entry is tried once per
/// line, in the order of `keys`, so a longer phrase comes before a shorter one it contains.
struct ParserWords {
    static let keys = [
        "parser.error", "parser.help", "parser.usage", "parser.seeHelp",
        "parser.invalid.because", "parser.invalid.two", "parser.invalid.many", "parser.invalid",
        "parser.unknownOption.suggestion", "parser.unknownOption",
        "parser.missingValue", "parser.missingArgument",
        "parser.unexpectedArguments", "parser.unexpectedArgument", "parser.flagValue",
        "parser.overview", "parser.usageHeading", "parser.arguments", "parser.options", "parser.subcommands",
        "parser.helpFlag", "parser.helpCommand", "parser.seeSubcommandHelp",
        "parser.subcommand", "parser.subcommandsValue", "parser.optionsValue",
        "parser.valuesDefault", "parser.values", "parser.default", "parser.defaultCommand",
    ]

    private let phrases: [(key: String, pattern: Regex<AnyRegexOutput>, names: [String])]
    private let words: Words
    let language: Language

    init(language: Language = Language.current) {
        self.language = language
        words = Words.chapter("", language: language)
        let english = Words.chapter("", language: .english)
        phrases =
            language == .english
            ? []
            : Self.keys.map { key in
                (key, Self.pattern(english(key)), Self.placeholders(in: english(key)))
            }
    }

    /// `line` with each of ArgumentParser's phrases in the language; unchanged in English.
    func callAsFunction(_ line: String) -> String {
        var line = line
        for phrase in phrases {
            guard let match = line.firstMatch(of: phrase.pattern) else { continue }
            var values: [String: String] = [:]
            for name in phrase.names {
                values[name] = match.output[name]?.substring.map(String.init) ?? ""
            }
            line.replaceSubrange(match.range, with: words(phrase.key, values))
        }
        return line
    }

    /// The names of the `{name}` placeholders in `template`, in order.
    static func placeholders(in template: String) -> [String] {
        template.matches(of: /\{([A-Za-z]+)\}/).map { String($0.output.1) }
    }

    /// A regex matching `template` as written, each `{name}` capturing as little as it can
    /// (`{count}`, a number).
    static func pattern(_ template: String) -> Regex<AnyRegexOutput> {
        var source = ""
        var rest = Substring(template)
        while let placeholder = rest.firstMatch(of: /\{([A-Za-z]+)\}/) {
            source += NSRegularExpression.escapedPattern(for: String(rest[..<placeholder.range.lowerBound]))
            let name = String(placeholder.output.1)
            source += name == "count" ? "(?<count>[0-9]+)" : "(?<\(name)>.*?)"
            rest = rest[placeholder.range.upperBound...]
        }
        source += NSRegularExpression.escapedPattern(for: String(rest))
        // The entries are ours and tested; one that will not compile matches nothing.
        return (try? Regex(source)) ?? Regex(/(?!)/)
    }
}
