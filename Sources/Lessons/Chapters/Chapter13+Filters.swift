import Augment
import Foundation
import NNKit

/// What was reused: the first convolution's kernels of model A (trained on thousands of images
/// of other classes) beside those of model B trained from scratch on the new task's few images.
extension ReusingLayersChapter {
    static let kernelZoom = 10

    func showFilters(source: Sequential, scratch: Sequential, folder: URL, console: Console) throws {
        guard let sourceConv = source.layers.first as? Conv2D, let scratchConv = scratch.layers.first as? Conv2D else {
            return
        }
        let sheets = [
            (words("run.filters.source"), KernelTiles.tiles(sourceConv)),
            (words("run.filters.scratch"), KernelTiles.tiles(scratchConv)),
        ]
        console.say(words("run.filters.intro", ["count": "\(sourceConv.filters)"]))
        let perLine = 16
        for (name, tiles) in sheets {
            console.line("  " + console.style(name, .bold))
            for start in stride(from: 0, to: tiles.count, by: perLine) {
                let line = Array(tiles[start..<min(start + perLine, tiles.count)])
                for text in TerminalImage.lines(line, captions: (start..<start + line.count).map { "\($0 + 1)" }) {
                    console.line("  " + text)
                }
            }
        }
        // Two 8-column sheets side by side, A's on the left.
        let grids = sheets.map {
            Image.grid($0.1.map { $0.enlarged(by: Self.kernelZoom) }, columns: 8, gap: 4, background: 255)
        }
        let file = folder.appendingPathComponent("filters.png")
        try PNG.write(Image.grid(grids, columns: grids.count, gap: 24, background: 255), to: file)
        console.say(words("run.filters.written", ["file": file.path]))
    }
}
