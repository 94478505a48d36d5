import ArgumentParser
import Lessons

/// The words of `--help`, kept with every other sentence in the shared words files
/// (`content/words.txt`, `content/words.ko.txt`): a command's abstract, discussion and usage
/// under `help.<command>.…`, an option's help under `help.…`, a value's name under `value.…`.
///
/// Commands build their configuration and their options' help from these when ArgumentParser
/// asks for them, which is after `LessonCommand.main()` has chosen the language.
enum HelpWords {
    /// The text under `help.<key>`, with `values` filled in.
    static func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Words.shared("help.\(key)", values)
    }

    /// The name a value goes by in help and usage (`<file>`, `<파일>`): the text under `value.<key>`.
    static func valueName(_ key: String) -> String {
        Words.shared("value.\(key)")
    }
}

extension ArgumentHelp {
    /// Help whose text is `help.<key>` and whose value is named by `value.<value>`.
    init(
        words key: String, _ values: [String: String] = [:], value: String? = nil,
        visibility: ArgumentVisibility = .default
    ) {
        self.init(HelpWords.text(key, values), valueName: value.map(HelpWords.valueName), visibility: visibility)
    }
}
