/// What the SVG pictures share.
enum SVG {
    /// `text` safe inside an SVG element or attribute: `&`, `<` and `>` as entities.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
