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

    /// What fills the corners a transform uncovers, as the command line names it.
    public enum Fill: String, CaseIterable, Sendable {
        /// Black.
        case constant
        case nearest
        case reflect
        case wrap

        var mode: FillMode {
            switch self {
            case .constant: return .constant(0)
            case .nearest: return .nearest
            case .reflect: return .reflect
            case .wrap: return .wrap
            }
        }
    }

    /// Which way to mirror, as the command line names it.
    public enum Flip: String, CaseIterable, Sendable {
        case horizontal
        case vertical
        case both
    }

    /// A fixed transform (each value applied exactly), or `variants` random ones drawn from
    /// ranges of ± each value.
    public struct Settings {
        public var rotateDegrees: Double = 0
        public var shift: (x: Double, y: Double) = (0, 0)
        public var flip: Flip?
        public var zoom: Double = 1
        public var shearDegrees: Double = 0
        public var stretch: (x: Double, y: Double) = (1, 1)
        public var fill: Fill = .constant
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
        do {
            try FileProblem.createFolder(outputDirectory)
        } catch let LessonError.cannotWrite(path, reason) {
            throw LessonError.cannotWrite(path: path, reason: reason + "; choose another folder with --out DIR")
        }
        var generator = RandomGenerator(seed: settings.seed)
        var written: [URL] = []
        for (name, image) in inputs {
            let count = settings.variants ?? 1
            // Each result is written as soon as it is made; only a sheet that fits keeps them in
            // memory, so a thousand variants of a large image never all are at once.
            let layout = Self.sheetLayout(width: image.width, height: image.height, images: count + 1)
            var kept: [Image] = []
            let policy = randomPolicy()
            for index in 1...count {
                let result: Image
                let fileName: String
                if settings.variants != nil {
                    result = policy.apply(to: image, using: &generator)
                    fileName = "\(name)-variant-\(index < 10 ? "0" : "")\(index).png"
                } else {
                    result = fixedTransform(image)
                    fileName = "\(name)-transformed.png"
                }
                let url = outputDirectory.appendingPathComponent(fileName)
                try PNG.write(result, to: url)
                written.append(url)
                if case .fits = layout { kept.append(result) }
            }
            let described = "\(count) image\(count == 1 ? "" : "s")"
            switch layout {
            case .fits(let columns, let enlarged):
                let sheet = Image.grid([image] + kept, columns: columns, gap: 2, background: 255)
                let sheetURL = outputDirectory.appendingPathComponent("\(name)-grid.png")
                try PNG.write(enlarged ? sheet.enlarged(by: 4) : sheet, to: sheetURL)
                written.append(sheetURL)
                console.line("\(name): \(described) and a sheet (original first) in \(outputDirectory.path)")
            case .tooLarge(let megapixels):
                console.line(
                    "\(name): \(described) in \(outputDirectory.path); no sheet, as it would be "
                        + "\(megapixels) megapixels, over the \(PNG.defaultPixelLimit >> 20) MP limit")
            }
        }
        return written
    }

    /// How a sheet of `images` pictures of `width × height` is laid out: up to 9 to a row, 2
    /// pixels apart, enlarged 4× when the pictures are small (64 pixels or less) and the result
    /// still fits PNG's pixel limit; no sheet at all when even the plain one would not.
    public enum SheetLayout: Equatable, Sendable {
        case fits(columns: Int, enlarged: Bool)
        case tooLarge(megapixels: Int)
    }

    public static func sheetLayout(width: Int, height: Int, images: Int) -> SheetLayout {
        let columns = min(max(images, 1), 9)
        let rows = (images + columns - 1) / columns
        let pixels = (columns * (width + 2) + 2) * (rows * (height + 2) + 2)
        guard pixels <= PNG.defaultPixelLimit else { return .tooLarge(megapixels: pixels / 1_000_000) }
        let enlarged = width <= 64 && height <= 64 && pixels * 16 <= PNG.defaultPixelLimit
        return .fits(columns: columns, enlarged: enlarged)
    }

    private func loadInputs() throws -> [(String, Image)] {
        switch source {
        case .files(let urls):
            return try urls.map { url in
                do {
                    return (url.deletingPathExtension().lastPathComponent, try PNG.read(url))
                } catch let error as PNGError {
                    throw LessonError.unreadable(path: error.path, reason: error.problem)
                }
            }
        case .fashion(let indices, let directory):
            let training = try FashionMNIST.loadTraining(from: directory)
            return try indices.map { index in
                guard index >= 0 && index < training.images.rows else {
                    throw LessonError.unreadable(
                        path: "--fashion \(index)",
                        reason: "the training set has images 0 to \(training.images.rows - 1)")
                }
                let label = Int(training.labels.scalars[index])
                let name =
                    "fashion-\(index)-"
                    + FashionMNIST.classNames[label].lowercased()
                    .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: " ", with: "-")
                return (name, Image(width: 28, height: 28, intensities: training.images.row(index)))
            }
        }
    }

    private var flipsHorizontally: Bool { settings.flip == .horizontal || settings.flip == .both }
    private var flipsVertically: Bool { settings.flip == .vertical || settings.flip == .both }

    /// Each setting applied exactly: flips, then stretch, zoom, shear, rotation, shift.
    func fixedTransform(_ image: Image) -> Image {
        let center = image.center
        var transform = AffineMap.identity
        if flipsHorizontally {
            transform = AffineMap(a: -1, b: 0, c: 0, d: 1, tx: Double(image.width - 1), ty: 0).after(transform)
        }
        if flipsVertically {
            transform = AffineMap(a: 1, b: 0, c: 0, d: -1, tx: 0, ty: Double(image.height - 1)).after(transform)
        }
        transform = AffineMap.scaling(
            x: settings.zoom * settings.stretch.x, y: settings.zoom * settings.stretch.y,
            about: center
        ).after(transform)
        transform = AffineMap.shear(degrees: settings.shearDegrees, about: center).after(transform)
        transform = AffineMap.rotation(degrees: settings.rotateDegrees, about: center).after(transform)
        transform = AffineMap.translation(x: settings.shift.x, y: settings.shift.y).after(transform)
        return image.transformed(by: transform, fill: settings.fill.mode)
    }

    /// Random variants: every setting becomes a range of ± its value (zoom and stretch: from 1
    /// to their value, whichever side), flips happen with probability ½.
    func randomPolicy() -> AugmentationPolicy {
        let zoom = min(1, settings.zoom)...max(1, settings.zoom)
        let stretch = min(1, settings.stretch.x)...max(1, settings.stretch.x)
        return AugmentationPolicy(
            flipHorizontally: flipsHorizontally, flipVertically: flipsVertically,
            rotationDegrees: abs(settings.rotateDegrees),
            shiftPixels: max(abs(settings.shift.x), abs(settings.shift.y)),
            zoom: zoom, shearDegrees: abs(settings.shearDegrees), stretch: stretch,
            fill: settings.fill.mode)
    }
}
