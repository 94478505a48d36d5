import Foundation
import Synchronization

/// The language a learner reads: English, the default, or Korean. Chosen once as the command
/// starts: `--lang ko`, else `$LESSON_LANG`, else a `ko_*` locale in `$LC_ALL` or `$LANG`.
///
/// Korean texts live beside the English ones: `chapter.ko.md`, `words.ko.txt`. An entry or a
/// file missing in Korean falls back to English (and a test lists every gap).
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case korean = "ko"

    /// The suffix of this language's files before their extension: "" or ".ko".
    public var fileSuffix: String { self == .english ? "" : ".\(rawValue)" }

    /// The language in force: the task's `override` if one is bound, else the process's choice.
    public static var current: Language { override ?? selected.withLock { $0 } }

    /// A language for one task and what it calls (a test renders a chapter in Korean while other
    /// tests read English): `Language.$override.withValue(.korean) { … }`.
    @TaskLocal public static var override: Language?

    /// Sets the language for the rest of the process (the command does this once, first).
    public static func select(_ language: Language) {
        selected.withLock { $0 = language }
    }

    private static let selected = Mutex<Language>(.english)

    /// The language the environment asks for: `LESSON_LANG` (`ko`, `en`), else the locale of
    /// `LC_ALL`, else `LANG`; English when none names Korean.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        if let explicit = environment["LESSON_LANG"].flatMap(Language.init(code:)) { return explicit }
        for name in ["LC_ALL", "LANG"] {
            guard let locale = environment[name], !locale.isEmpty else { continue }
            return locale.lowercased().hasPrefix("ko") ? .korean : .english
        }
        return .english
    }

    /// `ko`, `ko_KR.UTF-8`, `korean`, `en`, `en_US`… as a language; nil for any other.
    public init?(code: String) {
        let code = code.lowercased()
        if code == "ko" || code.hasPrefix("ko_") || code.hasPrefix("ko-") || code == "korean" || code == "한국어" {
            self = .korean
        } else if code == "en" || code.hasPrefix("en_") || code.hasPrefix("en-") || code == "english" {
            self = .english
        } else {
            return nil
        }
    }
}
