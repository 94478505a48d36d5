import Foundation
import NNKit
import Testing

@testable import Lessons

/// Chapter 8 validates on training images it never trains on, and looks at the test images only
/// once, after training (chapter 4's rule), whatever the sample limit.
@Suite("Chapter 8 validates on held-out training images, never on the test set")
struct AugmentationChapterTests {
    /// Marks every image with where it came from: column 0 is 1 for a training image and 2 for a
    /// test image, column 1 its row. Two columns are enough: the split only moves rows.
    static func taggedData(training: Int, test: Int) -> FashionMNIST {
        func tagged(_ rows: Int, set: Float) -> Matrix {
            Matrix(rows: rows, columns: 2, scalars: (0..<rows).flatMap { [set, Float($0)] })
        }
        return FashionMNIST(
            trainImages: tagged(training, set: 1), trainLabels: Matrix(rows: training, columns: 1),
            testImages: tagged(test, set: 2), testLabels: Matrix(rows: test, columns: 1))
    }

    static func tags(_ images: Matrix) -> [(set: Float, row: Int)] {
        (0..<images.rows).map { (images[$0, 0], Int(images[$0, 1])) }
    }

    @Test(
        "Training and validation images are training images from its two ends; they never meet",
        arguments: [(60_000, 10_000), (2_000, 2_000), (300, 300), (12, 5), (2, 2)])
    func heldOut(training: Int, test: Int) throws {
        let sets = AugmentationChapter.Sets(Self.taggedData(training: training, test: test))
        let trained = Self.tags(sets.training.x)
        let validated = Self.tags(sets.validation.x)
        #expect(!trained.isEmpty && !validated.isEmpty, "\(training) training images")
        #expect(trained.allSatisfy { $0.set == 1 }, "\(training): a trained-on image is not a training image")
        #expect(validated.allSatisfy { $0.set == 1 }, "\(training): a validation image is not a training image")
        let shared = Set(trained.filter { $0.set == 1 }.map(\.row))
            .intersection(validated.filter { $0.set == 1 }.map(\.row)).sorted()
        let sharedCount = shared.count
        #expect(sharedCount == 0, "\(training): training rows \(shared.prefix(5)) both train and validate")
        #expect(sets.training.y.rows == trained.count && sets.validation.y.rows == validated.count)
        #expect(Self.tags(sets.test.x).allSatisfy { $0.set == 2 } && sets.test.x.rows == test)
    }

    @Test("On the full dataset: the first 1,000 train, the last 10,000 validate")
    func fullSplit() {
        let rows = AugmentationChapter.split(trainingRows: FashionMNIST.trainingCount)
        #expect(rows.training == 0..<1_000)
        #expect(rows.validation == 50_000..<60_000)
    }

    @Test("A small run uses the split: 250 train, the last 50 of 300 validate, 300 test once")
    func smallRun() throws {
        let data = try #require(
            ChapterSmokeTests.data, "Fashion-MNIST is not installed (scripts/install-system-packages)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ch8-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var context = ChapterContext(console: Console(CapturedOutput()), seed: 42, outputDirectory: folder)
        context.epochLimit = 1
        context.sampleLimit = 300
        context.preloaded = data
        let result = try AugmentationChapter().run(context)
        #expect(result.trainingImages == 250 && result.validationImages == 50 && result.testImages == 300)
        for figures in [result.none, result.mild, result.strong] {
            #expect((0...1).contains(figures.testAccuracy) && figures.testLoss > 0)
        }
    }
}
