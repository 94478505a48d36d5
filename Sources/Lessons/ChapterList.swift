/// `lesson list`: each chapter's number, title (marked when the chapter is optional) and how many
/// of its exercises are passed, its one-line summary, and its exercises with a ✓ for each passed;
/// every line within 80 columns.
public enum ChapterList {
    public static func lines(progress: Progress, console: Console, width: Int = 80) -> [String] {
        var lines =
            TextLayout.wrapped(Words.shared("list.heading"), width: width).split(separator: "\n").map(String.init) + [
                ""
            ]
        for chapter in Catalog.chapters {
            let done = chapter.exercises.filter(progress.hasPassed).count
            let count = Words.shared("list.count", ["done": "\(done)", "total": "\(chapter.exercises.count)"])
            let number = (chapter.number < 10 ? " " : "") + "\(chapter.number)"
            let optional = chapter.isOptional ? "  " + console.style(Words.shared("list.optional"), .dim) : ""
            let head = " \(number)  " + console.style(chapter.title, .bold) + optional
            let gap = max(2, width - TextLayout.displayWidth(head) - TextLayout.displayWidth(count))
            lines.append(head + String(repeating: " ", count: gap) + count)
            lines += TextLayout.wrapped("     " + chapter.abstract, width: width).split(separator: "\n").map(
                String.init)
            for exercise in chapter.exercises {
                let mark = progress.hasPassed(exercise) ? console.mark(true) : console.style("·", .dim)
                lines.append("       \(mark) \(exercise.id)  \(exercise.title)")
            }
            lines.append("")
        }
        lines += TextLayout.wrapped(Words.shared("list.next"), width: width).split(separator: "\n").map(String.init)
        return lines
    }
}
