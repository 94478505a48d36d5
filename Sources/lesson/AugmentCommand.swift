import ArgumentParser
import Foundation
import Lessons

struct AugmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "augment", abstract: HelpWords.text("augment.abstract"),
            discussion: HelpWords.text("augment.discussion"))
    }

    @Argument(help: ArgumentHelp(words: "augment.files", value: "image"))
    var files: [String] = []

    @Option(help: ArgumentHelp(words: "augment.fashion", value: "trainingImages"), transform: ImageIndices.parse)
    var fashion: ImageIndices?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(words: "augment.rotate", ["range": OptionRange.text(OptionRange.rotate)], value: "degrees"))
    var rotate: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(words: "augment.shift", ["range": OptionRange.text(OptionRange.shift)], value: "shift"),
        transform: NumberPair.parser("--shift", example: "2,-3"))
    var shift: NumberPair?

    @Option(help: ArgumentHelp(words: "augment.flip", value: "direction"))
    var flip: AugmentTool.Flip?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(words: "augment.zoom", ["range": OptionRange.text(OptionRange.zoom)], value: "factor"))
    var zoom: Double = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(words: "augment.shear", ["range": OptionRange.text(OptionRange.shear)], value: "degrees"))
    var shear: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            words: "augment.stretch", ["range": OptionRange.text(OptionRange.stretch)], value: "stretch"),
        transform: NumberPair.parser("--stretch", example: "1.2,1"))
    var stretch: NumberPair?

    @Option(help: ArgumentHelp(words: "augment.fill", value: "fillMode"))
    var fill: AugmentTool.Fill = .constant

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            words: "augment.random", ["range": OptionRange.text(OptionRange.variants)], value: "variants"))
    var random: Int?

    @OptionGroup var seed: SeedOption

    @Option(help: ArgumentHelp(words: "augment.out", value: "folder"))
    var out: String = "out/augment"

    @OptionGroup var data: DataOption

    func validate() throws {
        let words = Words.shared
        if out.isEmpty { throw ValidationError(words("error.out.empty", ["example": "out/augment"])) }
        if files.contains(where: \.isEmpty) { throw ValidationError(words("error.augment.emptyName")) }
        if files.isEmpty && fashion == nil { throw ValidationError(words("error.augment.noInput")) }
        if !files.isEmpty && fashion != nil { throw ValidationError(words("error.augment.both")) }
        if let indices = fashion?.indices {
            try OptionRange.check(indices.count, in: OptionRange.fashionImages, option: "--fashion", unit: "images")
        }
        try OptionRange.check(rotate, in: OptionRange.rotate, option: "--rotate", unit: "degrees")
        if let shift {
            try OptionRange.check(shift.x, in: OptionRange.shift, option: "--shift", unit: "pixels")
            try OptionRange.check(shift.y, in: OptionRange.shift, option: "--shift", unit: "pixels")
        }
        if let stretch {
            try OptionRange.check(stretch.x, in: OptionRange.stretch, option: "--stretch")
            try OptionRange.check(stretch.y, in: OptionRange.stretch, option: "--stretch")
        }
        try OptionRange.check(zoom, in: OptionRange.zoom, option: "--zoom")
        try OptionRange.check(shear, in: OptionRange.shear, option: "--shear", unit: "degrees")
        if let random { try OptionRange.check(random, in: OptionRange.variants, option: "--random", unit: "variants") }
        let byName = Dictionary(grouping: files) { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if let clash = byName.values.filter({ $0.count > 1 }).min(by: { $0[0] < $1[0] }) {
            throw ValidationError(
                words("error.augment.sameName", ["files": clash.joined(separator: words("catalog.and"))]))
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
        settings.shift = shift.map { ($0.x, $0.y) } ?? (0, 0)
        settings.flip = flip
        settings.zoom = zoom
        settings.shearDegrees = shear
        settings.stretch = stretch.map { ($0.x, $0.y) } ?? (1, 1)
        settings.fill = fill
        settings.variants = random
        settings.seed = seed.seed
        let source: AugmentTool.Source
        if let indices = fashion?.indices {
            source = .fashion(indices: indices, dataDirectory: data.directory)
        } else {
            source = .files(files.map { URL(fileURLWithPath: $0) })
        }
        try AugmentTool(
            source: source, settings: settings, outputDirectory: URL(fileURLWithPath: out),
            console: Console.standardOutput
        ).run()
    }
}
