/// What `lesson hint` shows: the nudge, or with `more` the nudge and then the stronger hint,
/// wrapped to 80 columns.
public enum HintText {
    /// `file`: the learner's file, as shown (see `Project.shownPath`).
    public static func lines(for exercise: Exercise, file: String, more: Bool, width: Int = 80) -> [String] {
        let words = Words.shared
        var text = [words("hint.heading", ["id": exercise.id, "title": exercise.title]), "", exercise.hint]
        if more {
            text += ["", words("hint.more.heading"), exercise.moreHint]
        }
        text += ["", words(more ? "hint.after.more" : "hint.after", ["id": exercise.id, "file": file])]
        return text.flatMap {
            TextLayout.wrapped($0, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(
                String.init)
        }
    }
}
