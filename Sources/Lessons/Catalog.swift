/// Every chapter, in course order. Adding a chapter is one line here, one file in `Chapters/`
/// and one folder in `content/`; a test checks the three agree.
public enum Catalog {
    public static let chapters: [any Chapter] = [
        SwiftWarmUp(),
        LogicGates(),
        XORFailure(),
        MultilayerPerceptron(),
        FashionMNISTChapter(),
        DropoutChapter(),
        EarlyStoppingChapter(),
        BatchNormalizationChapter(),
        AugmentationChapter(),
    ]

    /// The chapter numbered `number`, or nil.
    public static func chapter(_ number: Int) -> (any Chapter)? {
        chapters.first { $0.number == number }
    }

    /// "0 to 8", for messages.
    public static var range: String {
        let numbers = chapters.map(\.number)
        return "\(numbers.min() ?? 0) to \(numbers.max() ?? 0)"
    }
}
