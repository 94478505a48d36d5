import Foundation
import Lessons
import Testing

@testable import lesson

/// The built `lesson` with `--lang ko`: every command's `--help` and ArgumentParser's refusals
/// of bad input read in Korean, with no English left but the words that stay English on purpose,
/// and every line within 80 columns (a Hangul syllable counts two).
@Suite("The command line in Korean")
struct KoreanCommandLineTests {
    /// Words a Korean learner meets in English on purpose: the commands and the values they take,
    /// the names of APIs, formats and file types, keys and variables. Options (`--seed`), paths
    /// (`exercises/`), file names (`model.safetensors`) and environment variables are taken out
    /// before the words are looked at, and so is whatever the learner typed.
    static let stayEnglish: Set<String> = [
        // commands, and the words and values they take
        "lesson", "list", "chapter", "check", "hint", "reset", "solution", "watch", "evaluate", "export",
        "augment", "bench", "glossary", "help", "read", "run",
        "horizontal", "vertical", "both", "constant", "nearest", "reflect", "wrap", "ko", "en", "ko_KR",
        // APIs, libraries, data sets, formats and languages
        "Keras", "NNKit", "Fashion", "MNIST", "Swift", "Python", "Sequential", "Dense", "Activation",
        "Dropout", "BatchNormalization", "Flatten", "Conv2D", "MaxPooling2D", "Adam", "BLAS", "PNG",
        "safetensors", "loadWeights", "LANG",
        // the default folder, keys and variables
        "out",
        "Enter", "h", "n", "l", "q", "N", "dx", "dy", "sx", "sy",
    ]

    /// The English words of `text` that should be Korean: what is left once code is taken out,
    /// less `stayEnglish` and the words in `typed`.
    static func englishWords(in text: String, typed: [String] = []) -> [String] {
        var text = " " + text
        let code: [Regex<Substring>] = [
            /\$?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:=[^\s']*)?/, // FASHION_MNIST_DIR, LESSON_LANG=ko
            /[\s'(\[,]--?[a-z][a-z0-9-]*(?:=[^\s']*)?/, // --seed, -h, --all=yes
            /[^\s'()]*\/[^\s'()]*/, // exercises/, /usr/share/…, GFLOP/s
            /[A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9_.]*/, // model.safetensors, .keras, keras.models.load_model
        ]
        for pattern in code { text.replace(pattern, with: " ") }
        let allowed = stayEnglish.union(
            typed.flatMap { $0.matches(of: /[A-Za-z][A-Za-z0-9_]*/).map { String($0.output) } })
        return text.matches(of: /[A-Za-z][A-Za-z0-9_]*/).map { String($0.output) }.filter { !allowed.contains($0) }
    }

    /// Every line of `text` wider than 80 columns.
    static func overlong(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { TextLayout.displayWidth($0) > 80 }
    }

    static let commands: [[String]] =
        [[]] + LessonCommand.configuration.subcommands.map { [$0._commandName] }
        + [["4"], ["help", "check"], ["help", "help"]]

    @Test("Every command's --help is in Korean, within 80 columns", arguments: commands)
    func help(command: [String]) throws {
        let result = try LessonCommandTests.lesson(command + ["--help", "--lang", "ko"])
        let shown = "lesson \(command.joined(separator: " ")) --help --lang ko"
        #expect(result.status == 0, "\(shown): \(result.error)")
        #expect(result.output.contains("개요: "), "\(shown):\n\(result.output)")
        #expect(result.output.contains("사용법: lesson"), "\(shown):\n\(result.output)")
        let english = Self.englishWords(in: result.output)
        #expect(english.isEmpty, "\(shown) leaves English: \(english)\n\(result.output)")
        let wide = Self.overlong(result.output)
        #expect(wide.isEmpty, "\(shown) passes 80 columns:\n\(wide.joined(separator: "\n"))")
    }

    @Test(
        "Bad input is refused in Korean, with its usage lines, within 80 columns",
        arguments: [
            ["--bogus"], ["list", "--sead"], ["1", "run", "--seed", "abc"], ["1", "run", "--seed"],
            ["1", "fly"], ["augment", "x.png", "--flip", "sideways"], ["evaluate"], ["export", "a.keras"],
            ["check", "3", "4"], ["1", "run", "extra", "more"], ["bench", "--batch-sizes=3"],
            ["help", "bogus"], ["help", "12"], ["fly"], ["42", "run"], ["check", "1.7"], ["hint", "1"],
            ["1", "run", "--threads", "0"], ["4", "run", "--save", "model.h5"], ["augment"],
            ["augment", "x.png", "--shift", "3"], ["augment", "--fashion", "1,,2"], ["11", "run", "--images", "1,x"],
        ])
    func badInput(arguments: [String]) throws {
        let result = try LessonCommandTests.lesson(arguments + ["--lang", "ko"])
        let shown = "lesson \(arguments.joined(separator: " ")) --lang ko"
        #expect(result.status == 64, "\(shown) ended with \(result.status)")
        #expect(result.error.hasPrefix("오류: "), "\(shown):\n\(result.error)")
        let english = Self.englishWords(in: result.output + result.error, typed: arguments)
        #expect(english.isEmpty, "\(shown) leaves English: \(english)\n\(result.error)")
        let wide = Self.overlong(result.error)
        #expect(wide.isEmpty, "\(shown) passes 80 columns:\n\(wide.joined(separator: "\n"))")
    }

    @Test("'lesson --help --lang ko' names the commands in Korean; a bad value says what was wrong")
    func korean() throws {
        let help = try LessonCommandTests.lesson("--help", "--lang", "ko").output
        #expect(help.hasPrefix("개요: 딥러닝 실습장입니다."))
        #expect(help.contains("사용법: lesson <하위명령>\n\n옵션:\n  -h, --help              도움말을 보여 줍니다.\n\n하위 명령:\n"))
        #expect(help.contains("\n  chapter (기본)          장을 읽거나 실행합니다."))
        #expect(help.contains("\n  명령마다 자세한 도움말은 'lesson help <하위명령>'으로 볼 수 있습니다."))

        let refused = try LessonCommandTests.lesson("1", "run", "--seed", "abc", "--lang", "ko").error
        #expect(
            refused == """
                오류: 'abc' 값은 '--seed <시드>'에 쓸 수 없습니다.
                도움말: --seed <시드>  모든 무작위 선택의 시드입니다. 시드가 같으면 숫자도
                        같습니다.
                사용법: lesson <장> [read | run] [<옵션>]
                        lesson chapter <장> [read | run] [<옵션>]
                  자세한 내용은 'lesson chapter --help'를 보세요.

                """)
    }

    @Test("In English, --help and a bad value read as ArgumentParser writes them")
    func english() throws {
        let help = try LessonCommandTests.lesson("--help", "--lang", "en").output
        #expect(help.hasPrefix("OVERVIEW: A deep-learning playground: numbered chapters, each a runnable\nexperiment."))
        #expect(
            help.contains(
                "USAGE: lesson <subcommand>\n\nOPTIONS:\n  -h, --help              Show help information.\n\nSUBCOMMANDS:\n"
            ))
        #expect(help.contains("\n  chapter (default)       Read or run a chapter: 'lesson 3' reads chapter 3,"))
        #expect(help.contains("\n  See 'lesson help <subcommand>' for detailed help."))
        #expect(help.contains("\n한국어로 보려면 명령 뒤에 --lang ko를 붙이거나 LESSON_LANG=ko로 설정하세요.\n"))

        let refused = try LessonCommandTests.lesson("1", "run", "--seed", "abc", "--lang", "en").error
        #expect(
            refused == """
                Error: The value 'abc' is invalid for '--seed <seed>'
                Help:  --seed <seed>  The seed for every random choice: the same seed gives the same numbers.
                Usage: lesson <chapter> [read | run] [<options>]
                       lesson chapter <chapter> [read | run] [<options>]
                  See 'lesson chapter --help' for more information.

                """)
    }

    @Test("The scan for English passes over code and finds what is left")
    func scanner() {
        #expect(
            Self.englishWords(in: "--seed를 주면 exercises/progress.txt와 model.safetensors, $FASHION_MNIST_DIR").isEmpty)
        #expect(
            Self.englishWords(in: "LESSON_LANG=ko로 .weights.h5 keras.models.load_model용 (기본값: out/augment)").isEmpty)
        #expect(Self.englishWords(in: "오류: Unknown option '--x'") == ["Unknown", "option"])
        #expect(Self.englishWords(in: "'sideways' 값은", typed: ["--flip", "sideways"]).isEmpty)
    }
}
