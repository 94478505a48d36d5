import Augment
import Foundation
import NNKit

/// `lesson augment`: transforms PNG files (or Fashion-MNIST images) and writes the results,
/// with a sheet of each original beside its variants.
public struct AugmentTool {
    /// Which images to transform.
    public enum Source {
        case files([URL])
        /// Training images of Fashion-MNIST by index, from this folder.
        case fashion(indices: [Int], dataDirectory: URL)
    }

    /// A fixed transform (each value applied exactly), or `variants` random ones drawn from
    /// ranges of ± each value.
    public struct Settings {
        public var rotateDegrees: Double = 0
        public var shift: (x: Double, y: Double) = (0, 0)
        public var flipHorizontally = false
        public var flipVertically = false
        public var zoom: Double = 1
        public var shearDegrees: Double = 0
        public var stretch: (x: Double, y: Double) = (1, 1)
        public var fill: FillMode = .constant(0)
        public var variants: Int?
        public var seed: UInt64 = 42

        public init() {}
    }

    public var source: Source
    public var settings: Settings
    public var outputDirectory: URL
    public var console: Console

    public init(source: Source, settings: Settings, outputDirectory: URL, console: Console) {
        self.source = source
        self.settings = settings
        self.outputDirectory = outputDirectory
        self.console = console
    }

    /// Writes every output file and returns their paths.
    @discardableResult
    public func run() throws -> [URL] {
        let inputs = try loadInputs()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw LessonError.unreadable(path: outputDirectory.path, reason: "the folder cannot be created; choose another with --out DIR")
            }
        } else if !isDirectory.boolValue {
            throw LessonError.unreadable(path: outputDirectory.path, reason: "it is a file, not a folder; give --out a folder")
        }
        var generator = RandomGenerator(seed: settings.seed)
        var written: [URL] = []
        for (name, image) in inputs {
            var outputs: [(String, Image)] = []
            if let count = settings.variants {
                let policy = randomPolicy()
                for index in 1 ... count {
                    outputs.append(("\(name)-variant-\(index < 10 ? "0" : "")\(index).png", policy.apply(to: image, using: &generator)))
                }
            } else {
                outputs.append(("\(name)-transformed.png", fixedTransform(image)))
            }
            for (fileName, result) in outputs {
                let url = outputDirectory.appendingPathComponent(fileName)
                try PNG.write(result, to: url)
                written.append(url)
            }
            let sheet = Image.grid([image] + outputs.map(\.1), columns: min(outputs.count + 1, 9), gap: 2,
                                   background: 255)
            let sheetURL = outputDirectory.appendingPathComponent("\(name)-grid.png")
            try PNG.write(image.width <= 64 ? sheet.enlarged(by: 4) : sheet, to: sheetURL)
            written.append(sheetURL)
            console.line("\(name): \(outputs.count) image\(outputs.count == 1 ? "" : "s") and a sheet (original first) in \(outputDirectory.path)")
        }
        return written
    }

    private func loadInputs() throws -> [(String, Image)] {
        switch source {
        case .files(let urls):
            return try urls.map { url in
                (url.deletingPathExtension().lastPathComponent, try PNG.read(url))
            }
        case .fashion(let indices, let directory):
            let training = try FashionMNIST.loadTraining(from: directory)
            return try indices.map { index in
                guard index >= 0 && index < training.images.rows else {
                    throw LessonError.unreadable(path: "--fashion \(index)",
                                                 reason: "the training set has images 0 to \(training.images.rows - 1)")
                }
                let label = Int(training.labels.scalars[index])
                let name = "fashion-\(index)-" + FashionMNIST.classNames[label].lowercased()
                    .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")
                return (name, Image(width: 28, height: 28, intensities: training.images.row(index)))
            }
        }
    }

    /// Each setting applied exactly: flips, then stretch, zoom, shear, rotation, shift.
    func fixedTransform(_ image: Image) -> Image {
        let center = image.center
        var transform = AffineMap.identity
        if settings.flipHorizontally {
            transform = AffineMap(a: -1, b: 0, c: 0, d: 1, tx: Double(image.width - 1), ty: 0).after(transform)
        }
        if settings.flipVertically {
            transform = AffineMap(a: 1, b: 0, c: 0, d: -1, tx: 0, ty: Double(image.height - 1)).after(transform)
        }
        transform = AffineMap.scaling(x: settings.zoom * settings.stretch.x, y: settings.zoom * settings.stretch.y,
                                            about: center).after(transform)
        transform = AffineMap.shear(degrees: settings.shearDegrees, about: center).after(transform)
        transform = AffineMap.rotation(degrees: settings.rotateDegrees, about: center).after(transform)
        transform = AffineMap.translation(x: settings.shift.x, y: settings.shift.y).after(transform)
        return image.transformed(by: transform, fill: settings.fill)
    }

    /// Random variants: every setting becomes a range of ± its value (zoom and stretch: from 1
    /// to their value, whichever side), flips happen with probability ½.
    func randomPolicy() -> AugmentationPolicy {
        let zoom = min(1, settings.zoom) ... max(1, settings.zoom)
        let stretch = min(1, settings.stretch.x) ... max(1, settings.stretch.x)
        return AugmentationPolicy(flipHorizontally: settings.flipHorizontally, flipVertically: settings.flipVertically,
                                  rotationDegrees: abs(settings.rotateDegrees),
                                  shiftPixels: max(abs(settings.shift.x), abs(settings.shift.y)),
                                  zoom: zoom, shearDegrees: abs(settings.shearDegrees), stretch: stretch,
                                  fill: settings.fill)
    }
}
