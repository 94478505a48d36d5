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
        SaveLoadChapter(),
        ConvolutionChapter(),
        ReusingLayersChapter(),
    ]

    /// The chapter numbered `number`, or nil.
    public static func chapter(_ number: Int) -> (any Chapter)? {
        chapters.first { $0.number == number }
    }

    /// "0 to 8 and 12", for messages: the numbers there are, consecutive ones as a range.
    public static var range: String { spoken(chapters.map(\.number)) }

    /// `numbers` as a learner reads them: consecutive ones as a range, in the current language.
    static func spoken(_ numbers: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for number in numbers.sorted() {
            if let last = runs.last, last.upperBound + 1 == number {
                runs[runs.count - 1] = last.lowerBound...number
            } else {
                runs.append(number...number)
            }
        }
        let words = Words.shared
        let parts = runs.map { run in
            run.count == 1
                ? "\(run.lowerBound)"
                : words("catalog.span", ["low": "\(run.lowerBound)", "high": "\(run.upperBound)"])
        }
        guard let last = parts.last else { return "" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + words("catalog.and") + last
    }
}
