import Augment
import Foundation
import NNKit

/// What the first convolution has learned: its 32 kernels, and the 32 feature maps they make of
/// one test image, in the terminal and as PNG sheets (the tutorial draws both with matplotlib).
extension ConvolutionChapter {
    static let kernelZoom = 10
    static let mapZoom = 3
    static let mapsShownInTerminal = 4

    func showFilters(_ model: Sequential, image: Matrix, folder: URL, context: ChapterContext) throws {
        guard let conv = model.layers.first as? Conv2D, conv.inputShape.count == 3, conv.inputShape[2] == 1 else {
            return
        }
        let console = context.console
        let (height, width) = (conv.kernelSize.height, conv.kernelSize.width)
        let kernels = conv.kernel.value
        // Each kernel on its own scale, so that its pattern shows: 0 is mid-grey, its largest
        // weight by magnitude black (negative) or white (positive).
        let kernelTiles = (0..<conv.filters).map { filter in
            let weights = (0..<height * width).map { kernels[$0, filter] }
            let largest = max(weights.map(abs).max() ?? 0, 1e-12)
            return Image(width: width, height: height, intensities: weights.map { 0.5 + 0.5 * $0 / largest })
        }
        let maps = conv.forward(image, training: false)
        let (mapHeight, mapWidth) = (conv.outputShape[0], conv.outputShape[1])
        // Each map on its own scale (relu's output starts at 0): where a filter answers most is white.
        let mapTiles = (0..<conv.filters).map { filter in
            let values = (0..<mapHeight * mapWidth).map { maps.scalars[$0 * conv.filters + filter] }
            let top = max(values.max() ?? 0, 1e-12)
            return Image(width: mapWidth, height: mapHeight, intensities: values.map { $0 / top })
        }

        console.say(words("run.filters.kernels", ["count": "\(conv.filters)", "size": "\(height) × \(width)"]))
        let perLine = 16
        for start in stride(from: 0, to: kernelTiles.count, by: perLine) {
            let tiles = Array(kernelTiles[start..<min(start + perLine, kernelTiles.count)])
            for line in TerminalImage.lines(tiles, captions: tiles.indices.map { "\($0 + 1)" }) {
                console.line("  " + line)
            }
        }
        let original = Image(width: conv.inputShape[1], height: conv.inputShape[0], intensities: image.scalars)
        let shown = [original] + mapTiles.prefix(Self.mapsShownInTerminal)
        console.say(words("run.filters.maps", ["count": "\(Self.mapsShownInTerminal)"]))
        let captions = [words("run.filters.image")] + (1...Self.mapsShownInTerminal).map { "#\($0)" }
        for line in TerminalImage.lines(shown.map { $0.halved() }, captions: captions) { console.line("  " + line) }

        let kernelFile = folder.appendingPathComponent("filters.png")
        try PNG.write(
            Image.grid(kernelTiles.map { $0.enlarged(by: Self.kernelZoom) }, columns: 8, gap: 4, background: 255),
            to: kernelFile)
        let mapFile = folder.appendingPathComponent("feature-maps.png")
        try PNG.write(
            Image.grid([original] + mapTiles, columns: 11, gap: 2, background: 255).enlarged(by: Self.mapZoom),
            to: mapFile)
        console.say(words("run.filters.written", ["kernels": kernelFile.path, "maps": mapFile.path]))
    }
}
