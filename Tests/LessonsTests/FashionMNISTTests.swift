import Foundation
import NNKit
import Testing

@testable import Lessons

/// The real dataset, from Debian's dataset-fashion-mnist (installed by scripts/test), and every
/// way a file of it can be broken.
@Suite("Fashion-MNIST loading", .serialized)
struct FashionMNISTTests {
    static let directory = FashionMNIST.directory(option: nil)

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fmnist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("The real files give the tutorials' facts")
    func facts() throws {
        let data = try FashionMNIST.load(from: Self.directory)
        #expect(data.trainImages.shape == (60_000, 784))
        #expect(data.testImages.shape == (10_000, 784))
        #expect(data.trainLabels.scalars.prefix(10).map { Int($0) } == [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
        var perClass = [Int](repeating: 0, count: 10)
        for label in data.trainLabels.scalars { perClass[Int(label)] += 1 }
        #expect(perClass == Array(repeating: 6000, count: 10))
        #expect(data.trainImages.scalars.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(data.trainImages.scalars.max() == 1)
    }

    @Test(
        "A missing folder, a truncated file, a corrupt one and a wrong magic number each name the file (small files made in code)"
    )
    func brokenFiles() throws {
        #expect(throws: DatasetError.self) { try FashionMNIST.load(from: URL(fileURLWithPath: "/nonexistent")) }

        // A dataset of 20 training and 10 test images, made in code: broken the ways a real file breaks.
        let folder = try DatasetHardeningTests.dataset(train: 20, test: 10)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: Never.self) { try FashionMNIST.load(from: folder, counts: (20, 10)) }
        let labels = folder.appendingPathComponent(FashionMNIST.fileNames.testLabels)
        let original = try Data(contentsOf: labels)

        func expectFailure(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                _ = try FashionMNIST.load(from: folder, counts: (20, 10))
                Issue.record("loading should fail with '\(fragment)'", sourceLocation: sourceLocation)
            } catch {
                let message = "\(error)"
                #expect(message.contains(labels.path), sourceLocation: sourceLocation)
                #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
                #expect(message.contains("dataset-fashion-mnist"), sourceLocation: sourceLocation)
            }
        }

        try original.prefix(original.count / 2).write(to: labels)
        expectFailure("truncated")
        var corrupt = original
        corrupt[corrupt.count / 2] ^= 0xFF
        corrupt[corrupt.count / 2 + 1] ^= 0xFF
        try corrupt.write(to: labels)
        expectFailure("corrupt")
        // Plain (not gzip'd) IDX files are read too; here with a wrong magic number, then short.
        try Data([0, 0, 8, 3, 0, 0, 0, 1]).write(to: labels)
        expectFailure("dimensions")
        try Data([0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3]).write(to: labels)
        expectFailure("truncated")
        try Data([0x50, 0x4B, 3, 4, 0, 0, 0, 0]).write(to: labels)
        expectFailure("magic number")
    }

    @Test("Permuting rows in place, then by the inverse, gives back the original")
    func permutation() {
        var generator = RandomGenerator(seed: 1)
        let original = Matrix(rows: 50, columns: 3, scalars: (0..<150).map(Float.init))
        let order = generator.permutation(50)
        var shuffled = original
        shuffled.permuteRows(order)
        #expect(shuffled.row(0) == original.row(order[0]))
        #expect(shuffled.row(49) == original.row(order[49]))
        var inverse = [Int](repeating: 0, count: 50)
        for (position, source) in order.enumerated() { inverse[source] = position }
        shuffled.permuteRows(inverse)
        #expect(shuffled == original)
    }

    @Test("gzip: what zlib decompresses is what was compressed; a broken stream throws")
    func gzip() throws {
        let url = Self.directory.appendingPathComponent(FashionMNIST.fileNames.testLabels)
        let bytes = try Gzip.decompress(try Data(contentsOf: url))
        #expect(bytes.count == 8 + 10_000)
        #expect(Array(bytes.prefix(4)) == [0, 0, 8, 1])
        #expect(throws: GzipError.self) { try Gzip.decompress(Data([0x1f, 0x8b, 8, 0, 0, 0])) }
    }
}

@Suite("Saved models, evaluated")
struct ModelEvaluationTests {
    @Test("'lesson evaluate' on a saved model reports what the model itself reports; a wrong model is refused")
    func evaluateSaved() throws {
        let data = try FashionMNIST.load(from: FashionMNISTTests.directory)
        let model = Sequential(inputSize: 784, [Dense(units: 10, activation: .softmax)], seed: 3)
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
        try model.fit(data.trainImages.rows(0..<2000), data.trainLabels.rows(0..<2000), epochs: 1, verbose: .silent)
        let expected = try model.evaluate(data.testImages, data.testLabels)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "eval-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try model.save(to: file)
        let output = CapturedOutput()
        let logs = try ModelEvaluation(
            modelFile: file, dataDirectory: FashionMNISTTests.directory,
            console: Console(output)
        ).run()
        #expect(logs == expected)
        #expect(output.text.contains("accuracy \(Format.fixed(Double(expected[.accuracy] ?? 0), 4))"))

        try Sequential(inputSize: 2, [Dense(units: 1)]).save(to: file)
        #expect(throws: ModelFileError.self) {
            try ModelEvaluation(
                modelFile: file, dataDirectory: FashionMNISTTests.directory,
                console: Console(CapturedOutput())
            ).run()
        }
    }
}
