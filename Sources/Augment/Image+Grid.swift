extension Image {
    /// Tiles same-sized images left to right, top to bottom, `columns` to a row, with `gap`
    /// pixels of `background` between them and around the edge: a contact sheet.
    public static func grid(
        _ images: [Image], columns: Int, gap: Int = 2,
        background: UInt8 = 255
    ) -> Image {
        precondition(columns >= 1, "A grid needs at least one column, got \(columns).")
        guard let first = images.first else { return Image(width: 0, height: 0) }
        for (index, image) in images.enumerated() {
            precondition(
                image.width == first.width && image.height == first.height && image.channels == first.channels,
                "Image \(index) is \(image.width) × \(image.height) with \(image.channels) channel(s); "
                    + "the first is \(first.width) × \(first.height) with \(first.channels).")
        }
        let rows = (images.count + columns - 1) / columns
        let usedColumns = min(columns, images.count)
        var sheet = Image(
            width: usedColumns * (first.width + gap) + gap,
            height: rows * (first.height + gap) + gap,
            channels: first.channels, filledWith: background)
        let rowBytes = first.width * first.channels
        for (index, image) in images.enumerated() {
            let left = gap + (index % columns) * (first.width + gap)
            let top = gap + (index / columns) * (first.height + gap)
            for y in 0..<image.height {
                let target = ((top + y) * sheet.width + left) * sheet.channels
                sheet.pixels.replaceSubrange(
                    target..<target + rowBytes,
                    with: image.pixels[y * rowBytes..<(y + 1) * rowBytes])
            }
        }
        return sheet
    }
}

extension Image {
    /// Each pixel repeated `factor` times across and down (nearest neighbour): small images made
    /// big enough to look at, with no new values invented.
    public func enlarged(by factor: Int) -> Image {
        precondition(factor >= 1, "An image is enlarged by a whole factor of at least 1, got \(factor).")
        var result = Image(width: width * factor, height: height * factor, channels: channels)
        for y in 0..<result.height {
            for x in 0..<result.width {
                let source = ((y / factor) * width + x / factor) * channels
                let target = (y * result.width + x) * channels
                for c in 0..<channels { result.pixels[target + c] = pixels[source + c] }
            }
        }
        return result
    }
}
