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
                String(
                    (0..<image.width).map { x -> Character in
                        let lower = row + 1 < image.height ? Int(image[x, row + 1]) : Int(image[x, row])
                        let mean = (Int(image[x, row]) + lower) / 2
                        return shades[min(shades.count - 1, mean * shades.count / 256)]
                    })
            }
            lines.append(parts.joined(separator: String(repeating: " ", count: gap)))
        }
        let captionLine = zip(images, captions).map { image, caption in
            var text = ""
            for character in caption where TextLayout.displayWidth(text + String(character)) <= image.width {
                text.append(character)
            }
            return text + String(repeating: " ", count: image.width - TextLayout.displayWidth(text))
        }
        lines.append(captionLine.joined(separator: String(repeating: " ", count: gap)))
        return lines
    }
}

extension Image {
    /// Half the width and height, each pixel the mean of a 2 × 2 block: small enough for 80
    /// columns.
    func halved() -> Image {
        let (halfWidth, halfHeight) = (width / 2, height / 2)
        var pixels = [UInt8](repeating: 0, count: halfWidth * halfHeight)
        for y in 0..<halfHeight {
            for x in 0..<halfWidth {
                let sum =
                    Int(self[2 * x, 2 * y]) + Int(self[2 * x + 1, 2 * y]) + Int(self[2 * x, 2 * y + 1])
                    + Int(self[2 * x + 1, 2 * y + 1])
                pixels[y * halfWidth + x] = UInt8(sum / 4)
            }
        }
        return Image(width: halfWidth, height: halfHeight, pixels: pixels)
    }
}
