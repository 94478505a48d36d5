import ArgumentParser
import Foundation
import Lessons

struct AugmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "augment",
        abstract: "Rotate, shift, flip, zoom, shear or stretch images and write them as PNG.",
        discussion: """
            Each input gives its transformed PNG and a sheet of the original beside the result(s). \
            Without --random every value is applied exactly; with --random N, N variants are drawn \
            from ranges of ± each value (zoom and stretch from 1 to the value), the same for the \
            same --seed.

            Examples:
              lesson augment shirt.png --rotate 15 --shift 2,-3 --flip horizontal --out out/aug
              lesson augment shirt.png --rotate 20 --zoom 1.2 --random 8 --seed 1 --out out/aug
              lesson augment --fashion 0,1,2 --rotate 10 --random 6 --out out/fashion
            """
    )

    @Argument(help: ArgumentHelp("PNG files to transform.", valueName: "image.png"))
    var files: [String] = []

    @Option(
        help: ArgumentHelp(
            "Fashion-MNIST training images by index (0 to 59999) instead of files, e.g. 0,1,2.",
            valueName: "indices"), transform: ImageIndices.parse)
    var fashion: ImageIndices?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Degrees counter-clockwise, \(OptionRange.text(OptionRange.rotate)).", valueName: "degrees"))
    var rotate: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Pixels right,down, each \(OptionRange.text(OptionRange.shift)), e.g. 2,-3.", valueName: "dx,dy"),
        transform: NumberPair.parser("--shift", example: "2,-3"))
    var shift: NumberPair?

    @Option(help: ArgumentHelp("Mirror horizontally, vertically or both.", valueName: "direction"))
    var flip: AugmentTool.Flip?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Scale about the centre, \(OptionRange.text(OptionRange.zoom)); above 1 zooms in.", valueName: "factor"))
    var zoom: Double = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Horizontal shear in degrees, \(OptionRange.text(OptionRange.shear)).", valueName: "degrees")
    )
    var shear: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Stretch across,down, each \(OptionRange.text(OptionRange.stretch)), e.g. 1.2,1.", valueName: "sx,sy"),
        transform: NumberPair.parser("--stretch", example: "1.2,1"))
    var stretch: NumberPair?

    @Option(
        help: ArgumentHelp(
            "What fills uncovered corners: constant (black), nearest, reflect or wrap.", valueName: "mode"))
    var fill: AugmentTool.Fill = .constant

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Write this many random variants (\(OptionRange.text(OptionRange.variants))) instead of one exact transform.",
            valueName: "n"))
    var random: Int?

    @OptionGroup var seed: SeedOption

    @Option(help: ArgumentHelp("Folder for the results (created if missing; default: out/augment).", valueName: "dir"))
    var out: String = "out/augment"

    @OptionGroup var data: DataOption

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a folder name, like --out out/augment.") }
        if files.contains(where: \.isEmpty) {
            throw ValidationError("One of the image names is empty; give PNG files by name.")
        }
        if files.isEmpty && fashion == nil {
            throw ValidationError(
                "Give one or more PNG files, or --fashion with image numbers, e.g. 'lesson augment --fashion 0,1 --rotate 15'."
            )
        }
        if !files.isEmpty && fashion != nil {
            throw ValidationError("Give PNG files or --fashion, not both.")
        }
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
                "\(clash.joined(separator: " and ")) would write results of the same name in one "
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
