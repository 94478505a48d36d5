import Foundation
import Lessons

/// Shows a chapter's text: section by section on a terminal, all at once elsewhere.
struct ChapterReader {
    let chapter: any Chapter
    let showAll: Bool

    func show() throws {
        let library = try ContentLibrary.locate()
        let text = try library.text(for: chapter)
        let interactive = !showAll && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let bold = { (s: String) in interactive ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

        let words = Words.shared
        let width = Console.standardOutput.width
        print(
            bold(
                words(
                    "reader.title",
                    ["number": "\(chapter.number)", "title": text.title.isEmpty ? chapter.title : text.title])))
        for (index, section) in text.sections.enumerated() {
            print()
            if !section.heading.isEmpty {
                print(bold(section.heading))
                print(String(repeating: "─", count: TextLayout.displayWidth(section.heading)))
            }
            print(TextLayout.reflowed(markdown: section.body, width: width))
            let isLast = index == text.sections.count - 1
            if interactive && !isLast {
                print(
                    "\n\u{1B}[2m"
                        + words("reader.more", ["section": "\(index + 1)", "count": "\(text.sections.count)"])
                        + "\u{1B}[0m", terminator: "")
                guard let answer = readLine(), answer.lowercased() != "q" else {
                    print("\n" + words("reader.stopped", ["number": "\(chapter.number)"]))
                    return
                }
            }
        }
        print("\n" + words("reader.end", ["number": "\(chapter.number)"]))
    }
}
