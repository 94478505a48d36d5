import Augment
import ArgumentParser
import Foundation
import Lessons
import NNKit

struct AugmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Rotate, shift, flip, zoom, shear or stretch images and write them as PNG.",
        discussion: """
            Each input gives its transformed PNG and a sheet of the original beside the result(s).
            Without --random every value is applied exactly; with --random N, N variants are drawn
            from ranges of ± each value (zoom and stretch from 1 to the value), the same for the
            same --seed.

            Examples:
              lesson augment shirt.png --rotate 15 --shift 2,-3 --flip horizontal --out out/aug
              lesson augment shirt.png --rotate 20 --zoom 1.2 --random 8 --seed 1 --out out/aug
              lesson augment --fashion 0,1,2 --rotate 10 --random 6 --out out/fashion
            """
    )

    @Argument(help: ArgumentHelp("PNG files to transform.", valueName: "image.png"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Fashion-MNIST training images by index (0 to 59999) instead of files, e.g. 0,1,2.", valueName: "indices"))
    var fashion: String?

    @Option(help: ArgumentHelp("Degrees counter-clockwise, \(OptionRange.text(OptionRange.rotate)).", valueName: "degrees"))
    var rotate: Double = 0

    @Option(help: ArgumentHelp("Pixels right,down, each \(OptionRange.text(OptionRange.shift)), e.g. 2,-3.", valueName: "dx,dy"))
    var shift: String?

    @Option(help: ArgumentHelp("horizontal, vertical or both.", valueName: "direction"))
    var flip: String?

    @Option(help: ArgumentHelp("Scale about the centre, \(OptionRange.text(OptionRange.zoom)); above 1 zooms in.", valueName: "factor"))
    var zoom: Double = 1

    @Option(help: ArgumentHelp("Horizontal shear in degrees, \(OptionRange.text(OptionRange.shear)).", valueName: "degrees"))
    var shear: Double = 0

    @Option(help: ArgumentHelp("Stretch across,down, each \(OptionRange.text(OptionRange.stretch)), e.g. 1.2,1.", valueName: "sx,sy"))
    var stretch: String?

    @Option(help: ArgumentHelp("What fills uncovered corners: constant (black), nearest, reflect or wrap.", valueName: "mode"))
    var fill: String = "constant"

    @Option(help: ArgumentHelp("Write this many random variants (\(OptionRange.text(OptionRange.variants))) instead of one exact transform.", valueName: "n"))
    var random: Int?

    @Option(help: "The seed for random variants.")
    var seed: UInt64 = 42

    @Option(help: ArgumentHelp("Folder for the results (created if missing).", valueName: "dir"))
    var out: String = "out/augment"

    @Option(help: ArgumentHelp("Folder with the Fashion-MNIST files, for --fashion.", valueName: "dir"))
    var data: String?

    func validate() throws {
        if files.isEmpty && fashion == nil {
            throw ValidationError("Give one or more PNG files, or --fashion with image numbers, e.g. 'lesson augment --fashion 0,1 --rotate 15'.")
        }
        if !files.isEmpty && fashion != nil {
            throw ValidationError("Give PNG files or --fashion, not both.")
        }
        if let indices = try parsedFashion() {
            try OptionRange.check(indices.count, in: OptionRange.fashionImages, option: "--fashion", unit: " images")
        }
        try OptionRange.check(rotate, in: OptionRange.rotate, option: "--rotate", unit: " degrees")
        if let shift = try pair(shift, name: "--shift", example: "2,-3") {
            try OptionRange.check(shift.x, in: OptionRange.shift, option: "--shift", unit: " pixels")
            try OptionRange.check(shift.y, in: OptionRange.shift, option: "--shift", unit: " pixels")
        }
        if let stretch = try pair(stretch, name: "--stretch", example: "1.2,1") {
            try OptionRange.check(stretch.x, in: OptionRange.stretch, option: "--stretch")
            try OptionRange.check(stretch.y, in: OptionRange.stretch, option: "--stretch")
        }
        try OptionRange.check(zoom, in: OptionRange.zoom, option: "--zoom")
        try OptionRange.check(shear, in: OptionRange.shear, option: "--shear", unit: " degrees")
        if let random { try OptionRange.check(random, in: OptionRange.variants, option: "--random", unit: " variants") }
        _ = try parsedFlip()
        _ = try parsedFill()
        let byName = Dictionary(grouping: files) { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if let clash = byName.values.filter({ $0.count > 1 }).min(by: { $0[0] < $1[0] }) {
            throw ValidationError("\(clash.joined(separator: " and ")) would write results of the same name in one "
                                  + "folder, the second over the first; rename one, or run them one at a time with "
                                  + "different --out folders.")
        }
        do {
            try FileProblem.checkCanWrite(folder: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("--out: \(error)")
        }
    }

    func run() throws {
        var settings = AugmentTool.Settings()
        settings.rotateDegrees = rotate
        settings.shift = try pair(shift, name: "--shift", example: "2,-3") ?? (0, 0)
        let flips = try parsedFlip()
        settings.flipHorizontally = flips.horizontal
        settings.flipVertically = flips.vertical
        settings.zoom = zoom
        settings.shearDegrees = shear
        settings.stretch = try pair(stretch, name: "--stretch", example: "1.2,1") ?? (1, 1)
        settings.fill = try parsedFill()
        settings.variants = random
        settings.seed = seed
        let source: AugmentTool.Source
        if let indices = try parsedFashion() {
            source = .fashion(indices: indices, dataDirectory: FashionMNIST.directory(option: data))
        } else {
            source = .files(files.map { URL(fileURLWithPath: $0) })
        }
        try AugmentTool(source: source, settings: settings, outputDirectory: URL(fileURLWithPath: out),
                        console: Console(StandardOutput.shared)).run()
    }

    private func parsedFashion() throws -> [Int]? {
        guard let fashion else { return nil }
        let parts = fashion.split(separator: ",", omittingEmptySubsequences: false)
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        let indices = parts.compactMap { $0 }
        let valid = 0 ..< FashionMNIST.trainingCount
        guard !parts.isEmpty, indices.count == parts.count else {
            throw ValidationError("--fashion takes image numbers separated by commas, like 0,1,2; got '\(fashion)'.")
        }
        if let outside = indices.first(where: { !valid.contains($0) }) {
            throw ValidationError("--fashion takes training images 0 to \(valid.upperBound - 1), got \(outside).")
        }
        return indices
    }

    private func pair(_ text: String?, name: String, example: String) throws -> (x: Double, y: Double)? {
        guard let text else { return nil }
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
            throw ValidationError("\(name) takes two numbers separated by a comma, like \(example); got '\(text)'.")
        }
        return (x, y)
    }

    private func parsedFlip() throws -> (horizontal: Bool, vertical: Bool) {
        switch flip {
        case nil: return (false, false)
        case "horizontal": return (true, false)
        case "vertical": return (false, true)
        case "both": return (true, true)
        default: throw ValidationError("--flip takes horizontal, vertical or both; got '\(flip ?? "")'.")
        }
    }

    private func parsedFill() throws -> FillMode {
        switch fill {
        case "constant": return .constant(0)
        case "nearest": return .nearest
        case "reflect": return .reflect
        case "wrap": return .wrap
        default: throw ValidationError("--fill takes constant, nearest, reflect or wrap; got '\(fill)'.")
        }
    }
}
