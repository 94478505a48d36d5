import ArgumentParser
import Foundation
import Lessons
import Testing

@testable import lesson

/// ArgumentParser's own words, translated at the edge: the table (`parser.*` in the shared
/// words) holds exactly the phrases ArgumentParser 1.8.2 prints, each turns into its Korean with
/// the same parts, and the Korean is laid out again by display width.
@Suite("ArgumentParser's words in Korean")
struct ParserWordsTests {
    static let english = Words.chapter("", language: .english)
    static let korean = Words.chapter("", language: .korean)

    /// What `lesson` prints for `arguments` before any translation: help, or an error with its
    /// usage lines, as ArgumentParser writes it unwrapped.
    static func printed(_ arguments: [String]) -> String {
        Language.$override.withValue(.english) {
            do {
                var command = try LessonCommand.parseAsRoot(arguments)
                // 'lesson help X' answers when run; any other command here must fail to parse.
                guard type(of: command)._commandName == "help" else { return "(parsed)" }
                try command.run()
                return "(ran)"
            } catch {
                return LessonCommand.fullMessage(for: error, columns: ParserOutput.unwrapped)
            }
        }
    }

    /// Inputs that between them make ArgumentParser print every phrase of the table.
    static let inputs: [[String]] = [
        ["--help"], ["augment", "--help"], ["help", "help"], ["1", "run", "--seed", "abc"], ["42", "run"],
        ["1", "fly"], ["augment", "x.png", "--flip", "sideways"], ["--bogus"], ["list", "--sead"],
        ["1", "run", "--seed"], ["evaluate"], ["1", "run", "extra", "more"], ["check", "3", "4"],
        ["bench", "--batch-sizes=3"],
    ]

    @Test("The table is every parser.* entry of the words, each in both languages")
    func complete() {
        let entries = Set(Self.english.entries.keys.filter { $0.hasPrefix("parser.") })
        #expect(Set(ParserWords.keys) == entries)
        #expect(ParserWords.keys.count == Set(ParserWords.keys).count, "a key is listed twice")
        for key in ParserWords.keys {
            #expect(Self.korean.contains(key), "words.ko.txt lacks [\(key)]")
        }
    }

    @Test("Each English entry is a phrase ArgumentParser really prints", arguments: ParserWords.keys)
    func phrasesAreArgumentParsers(key: String) {
        let pattern = ParserWords.pattern(Self.english(key))
        let lines = Self.inputs.flatMap { Self.printed($0).split(separator: "\n").map(String.init) }
        #expect(
            lines.contains { $0.firstMatch(of: pattern) != nil },
            "no input here makes ArgumentParser print [\(key)] '\(Self.english(key))'")
    }

    @Test("Each phrase becomes its Korean, with the parts it names carried over", arguments: ParserWords.keys)
    func translates(key: String) {
        let names = ParserWords.placeholders(in: Self.english(key))
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() { values[name] = name == "count" ? "\(index + 2)" : "v\(index)" }
        let translate = ParserWords(language: .korean)
        #expect(translate(Self.english(key, values)) == Self.korean(key, values))
        #expect(ParserWords(language: .english)(Self.english(key, values)) == Self.english(key, values))
    }

    @Test("A line with several phrases has each translated, the parts between them kept")
    func severalPhrases() {
        let translate = ParserWords(language: .korean)
        #expect(
            translate("Error: Unknown option '--bogus'. Did you mean '--out'?")
                == "오류: 알 수 없는 옵션 '--bogus'입니다. 혹시 '--out' 옵션인가요?")
        #expect(
            translate("Error: The value 'fly' is invalid for '<동작>'. Please provide one of 'read' and 'run'.")
                == "오류: 'fly' 값은 '<동작>'에 쓸 수 없습니다. 'read' 또는 'run' 가운데 하나를 주세요.")
        #expect(
            translate("Error: 2 unexpected arguments: 'extra', 'more'")
                == "오류: 이 명령이 받지 않는 인수가 2개 있습니다: 'extra', 'more'")
        #expect(translate("chapter (default)") == "chapter (기본)")
    }

    @Test("Wrapping keeps a quoted command, a parenthesis and a short label with what follows")
    func words() {
        #expect(
            ParserOutput.words(of: "자세한 내용은 'lesson chapter --help'를 보세요.", room: 40)
                == ["자세한", "내용은", "'lesson chapter --help'를", "보세요."])
        #expect(
            ParserOutput.words(of: "같습니다. (값: read, run, 기본값: read)", room: 40)
                == ["같습니다.", "(값: read, run, 기본값: read)"])
        #expect(
            ParserOutput.words(of: "주세요. 예: 'lesson evaluate model.safetensors'", room: 50)
                == ["주세요.", "예: 'lesson evaluate model.safetensors'"])
        // Wider than a line, a span breaks at its spaces after all.
        #expect(ParserOutput.words(of: "'a b c'", room: 4) == ["'a", "b", "c'"])
        // A second space stays with the word before it.
        #expect(ParserOutput.words(of: "<시드>  모든", room: 40) == ["<시드> ", "모든"])
    }

    @Test("An option's description starts at column 26 and wraps under itself, by display width")
    func element() {
        #expect(
            ParserOutput.element("--seed <시드>", "모든 무작위 선택의 시드입니다. 시드가 같으면 숫자도 같습니다.", width: 60)
                == [
                    "  --seed <시드>           모든 무작위 선택의 시드입니다.",
                    "                          시드가 같으면 숫자도 같습니다.",
                ])
        #expect(
            ParserOutput.element("--a-very-long-option <에포크수>", "설명입니다.", width: 80)
                == ["  --a-very-long-option <에포크수>", "                          설명입니다."])
        #expect(ParserOutput.element("-h, --help", "", width: 80) == ["  -h, --help"])
    }

    @Test(
        "Every command's Korean help fits 80 columns",
        arguments: LessonCommand.configuration.subcommands.map { $0._commandName })
    func width(command: String) throws {
        let type = try #require(LessonCommand.configuration.subcommands.first { $0._commandName == command })
        let help = Language.$override.withValue(.korean) { LessonCommand.localizedHelp(for: type, columns: 80) }
        #expect(help.contains("사용법: "))
        for line in help.split(separator: "\n") {
            #expect(TextLayout.displayWidth(line) <= 80, "lesson \(command) --help --lang ko: \(line)")
        }
    }

    @Test("The Korean help of 'lesson check' reads as pinned here")
    func checkHelp() {
        let help = Language.$override.withValue(.korean) {
            LessonCommand.localizedHelp(for: CheckCommand.self, columns: 80)
        }
        #expect(
            help.trimmingCharacters(in: .newlines) == """
                개요: 연습 문제를 채점합니다: 전체, 한 장(3), 또는 한 문제(3.2).

                exercises/ 폴더에는 연습 문제마다 파일이 하나씩 있습니다. 첫 파일은
                1.1-step-function.swift입니다. 각 파일은 채점 프로그램과 함께 컴파일되어 시간
                제한이 있는 별도의 프로세스에서 실행됩니다. 그래서 한 문제가 비정상 종료되거나
                끝나지 않는 반복에 빠져도 그 문제만 실패하고, 나머지 문제는 그대로 채점됩니다.
                실패하면 채점 프로그램이 코드에 준 값과 기대한 값, 실제로 돌아온 값을 보여
                줍니다. 진행 상황은 exercises/progress.txt에 기록되고 'lesson list'에
                표시됩니다.

                예:
                  lesson check          모든 연습 문제
                  lesson check 3        3장의 연습 문제
                  lesson check 3.2      3장의 2번 문제

                사용법: lesson check [<연습문제>] [--time-limit <초>]

                인수:
                  <연습문제>              장(3) 또는 연습 문제(3.2)입니다. 생략하면 모든 연습
                                          문제를 채점합니다.

                옵션:
                  --time-limit <초>       연습 문제 하나를 실행할 수 있는 시간(초)입니다(1~600).
                                          넘으면 멈춥니다. (기본값: 10)
                  -h, --help              도움말을 보여 줍니다.
                """)
    }
}
