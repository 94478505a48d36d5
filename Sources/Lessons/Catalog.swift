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
        OptimizersChapter(),
        LearningRateChapter(),
        ConvolutionChapter(),
        ReusingLayersChapter(),
    ]

    /// The chapter numbered `number`, or nil.
    public static func chapter(_ number: Int) -> (any Chapter)? {
        chapters.first { $0.number == number }
    }

    /// "0 to 8 and 12", for messages: the numbers there are, consecutive ones as a range.
    public static var range: String {
        var runs: [ClosedRange<Int>] = []
        for number in chapters.map(\.number).sorted() {
            if let last = runs.last, last.upperBound + 1 == number {
                runs[runs.count - 1] = last.lowerBound ... number
            } else {
                runs.append(number ... number)
            }
        }
        let parts = runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound) to \($0.upperBound)" }
        guard let last = parts.last else { return "" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
    }
}
