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

        print(bold("Chapter \(chapter.number) · \(text.title.isEmpty ? chapter.title : text.title)"))
        for (index, section) in text.sections.enumerated() {
            print()
            if !section.heading.isEmpty {
                print(bold(section.heading))
                print(String(repeating: "─", count: section.heading.count))
            }
            print(section.body)
            let isLast = index == text.sections.count - 1
            if interactive && !isLast {
                print("\n\u{1B}[2m── section \(index + 1) of \(text.sections.count) · "
                      + "Enter: next · q: quit ──\u{1B}[0m", terminator: "")
                guard let answer = readLine(), answer.lowercased() != "q" else {
                    print("\nStopped. 'lesson \(chapter.number) run' runs this chapter's experiment.")
                    return
                }
            }
        }
        print("\nRun it: 'lesson \(chapter.number) run'.")
    }
}
