import Foundation
import Testing

@testable import Lessons

/// The graders' descriptions in Korean: the tables' patterns, ExerciseKit's own phrases, and
/// every description a check writes has its entry.
@Suite("Korean verdicts")
struct CheckTranslationTests {
    static let project = ExerciseTests.project

    @Test("An entry's {} holes take what the check interpolated, in order; a text no entry fits stays")
    func patterns() {
        let table = CheckTranslation(
            parsing: """
                # a comment
                = Keras's SGD(0.1, momentum=0.9{}), step {}
                > Keras의 SGD(0.1, momentum=0.9{}), {}번째 스텝

                = the velocity after one step
                > 한 스텝 뒤의 속도
                """)
        #expect(
            table.translate("Keras's SGD(0.1, momentum=0.9, nesterov=True), step 3")
                == "Keras의 SGD(0.1, momentum=0.9, nesterov=True), 3번째 스텝")
        #expect(table.translate("Keras's SGD(0.1, momentum=0.9), step 1") == "Keras의 SGD(0.1, momentum=0.9), 1번째 스텝")
        #expect(table.translate("the velocity after one step") == "한 스텝 뒤의 속도")
        #expect(table.translate("the velocity after two steps") == "the velocity after two steps")
        #expect(
            Language.$override.withValue(.korean) {
                table.translate("the velocity after one step, at index 2 (counting from 0)")
            }
                == "한 스텝 뒤의 속도, 인덱스 2(0부터 셉니다)")
        #expect(Language.$override.withValue(.korean) { table.translate("an array of 3 values") } == "값 3개인 배열")
    }

    @Test("In English the checks' words are shown as written")
    func english() throws {
        let exercise = try #require(ExerciseTests.allExercises.first { $0.id == "9.1" })
        let table = CheckTranslation.load(for: exercise, in: Self.project, language: .english)
        #expect(table.translate("an array of 1 value") == "an array of 1 value")
    }

    /// The `given:` string literals of a check file, interpolations written as `{}` and a
    /// literal continued with `+ "…"` joined; only descriptions, not code.
    static func descriptions(in source: String) -> [String] {
        let characters = Array(source)
        /// The literal opening at `start` (just after its quote): its text and where it ends.
        func literal(from start: Int) -> (text: String, end: Int) {
            var text = ""
            var index = start
            var depth = 0
            while index < characters.count {
                let character = characters[index]
                if depth == 0 && character == "\"" { return (text, index) }
                if depth == 0 && character == "\\" && index + 1 < characters.count {
                    if characters[index + 1] == "(" {
                        depth = 1
                        text += "{}"
                    } else {
                        text.append(characters[index + 1])
                    }
                    index += 2
                    continue
                }
                if depth > 0 {
                    if character == "(" { depth += 1 }
                    if character == ")" { depth -= 1 }
                } else {
                    text.append(character)
                }
                index += 1
            }
            return (text, index)
        }
        var found: [String] = []
        let marker = Array("given: \"")
        var index = 0
        while index + marker.count <= characters.count {
            guard Array(characters[index..<index + marker.count]) == marker else {
                index += 1
                continue
            }
            var (text, end) = literal(from: index + marker.count)
            while true {
                var next = end + 1
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                guard next < characters.count, characters[next] == "+" else { break }
                next += 1
                while next < characters.count, characters[next].isWhitespace { next += 1 }
                guard next < characters.count, characters[next] == "\"" else { break }
                let continued = literal(from: next + 1)
                text += continued.text
                end = continued.end
            }
            index = end + 1
            // A description has a word of four letters or more standing on its own (not an
            // argument label like `width:`, not a member like `.values`).
            let isCode = text.firstMatch(of: /^(let |[A-Za-z_][A-Za-z0-9_.]*\()/) != nil
            if !isCode, text.replacing(/\{\}/, with: "").firstMatch(of: /(^| )[A-Za-z']{4,}([ ,;)]|$)/) != nil {
                found.append(text)
            }
        }
        return found
    }

    @Test("Every description a check writes has its Korean entry", arguments: ExerciseTests.allExercises.map(\.id))
    func coverage(id: String) throws {
        let exercise = try #require(ExerciseTests.allExercises.first { $0.id == id })
        let source = try String(contentsOf: Self.project.check(exercise), encoding: .utf8)
        let table = CheckTranslation.load(for: exercise, in: Self.project, language: .korean)
        let patterns = Set(table.entries.map { $0.pieces.joined(separator: "{}") })
        let missing = Self.descriptions(in: source).filter { !patterns.contains($0) }
        #expect(missing.isEmpty, "\(id).check.ko.txt has no entry for: \(missing)")
        for entry in table.entries {
            #expect(
                entry.translation.components(separatedBy: "{}").count == entry.pieces.count,
                "\(id): '\(entry.translation)' has not the holes of '\(entry.pieces.joined(separator: "{}"))'")
        }
    }

    @Test("The scan finds descriptions, joins continued literals and passes over code")
    func scan() throws {
        let sample = #"""
            expectEqual(a, b, given: "Keras's SGD(0.1, momentum=0.9\(nesterov ? ", nesterov=True" : "")), step \(step + 1)")
            expectEqual(c, d, given: "maxPool([1, 5], width: 2)")
            expectClose(e, f, given: "one SGD(\(rate)) step on a network "
                                    + "with its first layer frozen")
            """#
        #expect(
            Self.descriptions(in: sample) == [
                "Keras's SGD(0.1, momentum=0.9{}), step {}",
                "one SGD({}) step on a network with its first layer frozen",
            ])
        var total = 0
        for exercise in ExerciseTests.allExercises {
            total += Self.descriptions(in: try String(contentsOf: Self.project.check(exercise), encoding: .utf8)).count
        }
        #expect(total > 150, "the scan found only \(total) descriptions in the checks")
    }
}
