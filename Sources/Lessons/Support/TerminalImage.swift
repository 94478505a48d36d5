import Augment

/// Grey images drawn in the terminal with shaded blocks, one character per pixel across and
/// per two pixels down (a character cell is about twice as tall as wide).
enum TerminalImage {
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// The lines of `images` side by side, each captioned below.
    static func lines(_ images: [Image], captions: [String], gap: Int = 2) -> [String] {
        guard let first = images.first else { return [] }
        var lines: [String] = []
        for row in stride(from: 0, to: first.height, by: 2) {
            let parts = images.map { image -> String in
                String((0 ..< image.width).map { x -> Character in
                    let lower = row + 1 < image.height ? Int(image[x, row + 1]) : Int(image[x, row])
                    let mean = (Int(image[x, row]) + lower) / 2
                    return shades[min(shades.count - 1, mean * shades.count / 256)]
                })
            }
            lines.append(parts.joined(separator: String(repeating: " ", count: gap)))
        }
        let captionLine = zip(images, captions).map { image, caption in
            let text = String(caption.prefix(image.width))
            return text + String(repeating: " ", count: image.width - text.count)
        }
        lines.append(captionLine.joined(separator: String(repeating: " ", count: gap)))
        return lines
    }
}
