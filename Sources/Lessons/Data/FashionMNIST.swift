import Foundation
import NNKit

/// Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017): 70,000 greyscale 28 × 28 images of clothing in
/// ten classes, 60,000 for training and 10,000 for testing, read from the gzip'd IDX files
/// Debian's `dataset-fashion-mnist` installs. Never downloaded.
///
/// Images are flattened to 784 columns and scaled to [0, 1] (pixel / 255), as the tutorials do;
/// labels are a column of class indices 0–9. Each row is also an image of `imageShape`
/// (28 × 28 × 1, row after row, Keras's `(n, 28, 28, 1)`): a model built with
/// `Sequential(inputShape: FashionMNIST.imageShape, …)` reads the same matrix as images.
public struct FashionMNIST: Sendable {
    public static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]
    public static let imageSide = 28
    public static let pixels = imageSide * imageSide
    /// Height, width, channels: one grey channel.
    public static let imageShape = [imageSide, imageSide, 1]
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    public static let fileNames = (
        trainImages: "train-images-idx3-ubyte.gz",
        trainLabels: "train-labels-idx1-ubyte.gz",
        testImages: "t10k-images-idx3-ubyte.gz",
        testLabels: "t10k-labels-idx1-ubyte.gz"
    )

    /// `(60000, 784)` in [0, 1].
    public var trainImages: Matrix
    /// `(60000, 1)` class indices.
    public var trainLabels: Matrix
    /// `(10000, 784)` in [0, 1].
    public var testImages: Matrix
    /// `(10000, 1)` class indices.
    public var testLabels: Matrix

    /// The folder to read: `--data` if given, else `$FASHION_MNIST_DIR`, else Debian's.
    public static func directory(
        option: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let variable = environment["FASHION_MNIST_DIR"], !variable.isEmpty {
            return URL(fileURLWithPath: variable)
        }
        return URL(fileURLWithPath: defaultDirectory)
    }

    /// Reads and checks the four files in `directory`.
    public static func load(from directory: URL) throws -> FashionMNIST {
        try load(from: directory, counts: (trainingCount, testCount))
    }

    /// The same, expecting other set sizes (for tests on small files made in code).
    static func load(from directory: URL, counts: (training: Int, test: Int)) throws -> FashionMNIST {
        let train = try loadTraining(from: directory, count: counts.training)
        let test = try split(
            directory, images: fileNames.testImages, labels: fileNames.testLabels,
            count: counts.test)
        return FashionMNIST(
            trainImages: train.images, trainLabels: train.labels,
            testImages: test.images, testLabels: test.labels)
    }

    /// Reads and checks only the 60,000 training images and labels.
    public static func loadTraining(from directory: URL) throws -> (images: Matrix, labels: Matrix) {
        try loadTraining(from: directory, count: trainingCount)
    }

    static func loadTraining(from directory: URL, count: Int) throws -> (images: Matrix, labels: Matrix) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw DatasetError.unreadable(directory.path, reason: Words.shared("reason.noFolder"))
        }
        guard isDirectory.boolValue else {
            throw DatasetError.unreadable(directory.path, reason: Words.shared("reason.isFile"))
        }
        return try split(directory, images: fileNames.trainImages, labels: fileNames.trainLabels, count: count)
    }

    /// The sizes of the two sets. Every chapter splits and reports by them, so a folder holding
    /// another number of images is refused before any training starts.
    public static let trainingCount = 60_000
    public static let testCount = 10_000

    private static func split(_ directory: URL, images: String, labels: String, count expected: Int) throws
        -> (images: Matrix, labels: Matrix)
    {
        let imageURL = directory.appendingPathComponent(images)
        let labelURL = directory.appendingPathComponent(labels)
        let imageFile = try IDXFile(contentsOf: imageURL, expectedDimensions: 3)
        guard imageFile.dimensions[1] == imageSide && imageFile.dimensions[2] == imageSide else {
            throw DatasetError.corrupt(
                imageURL.path,
                reason: "its images are \(imageFile.dimensions[1]) × "
                    + "\(imageFile.dimensions[2]), not 28 × 28")
        }
        guard imageFile.dimensions[0] == expected else {
            throw DatasetError.corrupt(
                imageURL.path,
                reason: "it holds \(imageFile.dimensions[0]) images, not the "
                    + "\(expected) of Fashion-MNIST (an incomplete or different dataset)")
        }
        let labelFile = try IDXFile(contentsOf: labelURL, expectedDimensions: 1)
        guard labelFile.dimensions[0] == imageFile.dimensions[0] else {
            throw DatasetError.mismatch(
                "\(imageURL.path) holds \(imageFile.dimensions[0]) images but "
                    + "\(labelURL.path) holds \(labelFile.dimensions[0]) labels.")
        }
        let labels = labelFile.withValues { Array($0) }
        if let bad = labels.first(where: { $0 > 9 }) {
            throw DatasetError.corrupt(labelURL.path, reason: "it contains the label \(bad); classes run from 0 to 9")
        }
        let count = imageFile.dimensions[0]
        let scale: Float = 1 / 255
        let pixels = imageFile.withValues { values in
            [Float](unsafeUninitializedCapacity: values.count) { buffer, initialized in
                for i in 0..<values.count { buffer[i] = Float(values[i]) * scale }
                initialized = values.count
            }
        }
        return (
            Matrix(rows: count, columns: Self.pixels, scalars: pixels),
            Matrix(column: labels.map(Float.init))
        )
    }
}
