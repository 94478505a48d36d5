/// What can go wrong for a learner, each said with what to do next.
public enum LessonError: Error, CustomStringConvertible, Equatable {
    case contentNotFound(searched: [String])
    case chapterTextMissing(chapter: Int, path: String)
    case unreadable(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .contentNotFound(let searched):
            return "Cannot find the course's content/ folder (looked in: \(searched.joined(separator: ", "))). "
                + "Run 'lesson' from inside the project, or set LESSON_HOME to the project folder."
        case .chapterTextMissing(let chapter, let path):
            return "Chapter \(chapter)'s text is missing: expected \(path). Restore it with 'git checkout -- content'."
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason)."
        case .cannotWrite(let path, let reason):
            return "Cannot write \(path): \(reason)."
        }
    }
}
