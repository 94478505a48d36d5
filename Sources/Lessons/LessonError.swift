import NNKit

/// What can go wrong for a learner, each said with what to do next. Paths and reasons are shown
/// with their control characters escaped (`terminalSafe`): a file name can hold anything.
public enum LessonError: Error, CustomStringConvertible, Equatable {
    case contentNotFound(searched: [String])
    case chapterTextMissing(chapter: Int, path: String)
    case unreadable(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        let words = Words.shared
        switch self {
        case .contentNotFound(let searched):
            // Without content/ there are no words to say it with: English, and Korean beside it.
            return "Cannot find the course's content/ folder (looked in: \(searched.joined(separator: ", "))). "
                + "Run 'lesson' from inside the project, or set LESSON_HOME to the project folder."
                + (Language.current == .korean ? " (프로젝트 폴더 안에서 실행하거나 LESSON_HOME을 프로젝트 폴더로 설정하세요.)" : "")
        case .chapterTextMissing(let chapter, let path):
            return words("error.chapterTextMissing", ["chapter": "\(chapter)", "path": path])
        case .unreadable(let path, let reason):
            return words("error.unreadable", ["path": path.terminalSafe, "reason": reason.terminalSafe])
        case .cannotWrite(let path, let reason):
            return words("error.cannotWrite", ["path": path.terminalSafe, "reason": reason.terminalSafe])
        }
    }
}
