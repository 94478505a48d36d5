import CPNGRead
import Foundation

extension PNG {
    /// How many channels to return, whatever the file stores.
    public enum ChannelLayout: Sendable {
        /// As stored: grey, grey + alpha, RGB or RGBA (a palette becomes RGB, or RGBA when it
        /// has transparency).
        case native
        case grey
        case greyAlpha
        case rgb
        case rgba

        var channels: Int? {
            switch self {
            case .native: return nil
            case .grey: return 1
            case .greyAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }
    }

    /// Images larger than this are refused from their header, before their pixels are read:
    /// 64 megapixels, 256 MiB as RGBA. A file declaring more is most likely a decompression bomb.
    public static let defaultPixelLimit = 64 * 1024 * 1024

    /// Reads any PNG (grey, grey + alpha, RGB, RGBA or palette; 1 to 16 bits; interlaced or not)
    /// into 8-bit channels, with the values as stored in the file, as Pillow, TensorFlow's
    /// `decode_png` and OpenCV give them: no gamma or colour-space conversion. 16-bit samples
    /// keep their high byte. Converting colour to grey uses Pillow's weights
    /// (L = 0.299 R + 0.587 G + 0.114 B); dropping alpha discards it.
    ///
    /// Throws `PNGError` naming the file for anything that is not a whole, valid PNG: not a
    /// PNG at all, truncated, a failed checksum, zero or over-limit dimensions.
    public static func read(
        _ url: URL, as layout: ChannelLayout = .native,
        pixelLimit: Int = defaultPixelLimit
    ) throws -> Image {
        var info = stat()
        if stat(url.path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            let what =
                info.st_mode & S_IFMT == S_IFDIR
                ? "it is a folder, not a PNG file" : "it is not a regular file (a pipe, a device or a socket)"
            throw PNGError(path: url.path, problem: what)
        }
        var decoded = augment_png_image()
        let status = augment_png_read(url.path, UInt64(pixelLimit), &decoded)
        defer { augment_png_free(&decoded) }
        guard status == 0, let pixels = decoded.pixels else {
            let message = withUnsafeBytes(of: decoded.message) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            throw PNGError(path: url.path, problem: explain(message))
        }
        let count = Int(decoded.width) * Int(decoded.height) * Int(decoded.channels)
        let image = Image(
            width: Int(decoded.width), height: Int(decoded.height), channels: Int(decoded.channels),
            pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        guard let channels = layout.channels else { return image }
        return image.converted(toChannels: channels)
    }

    /// libpng's terse errors, said for a learner.
    static func explain(_ message: String) -> String {
        let lower = message.lowercased()
        for (field, what) in [
            ("compression method", "compression method"), ("filter method", "filter method"),
            ("interlace method", "interlace method"), ("bit depth", "bit depth"),
            ("color type", "colour type"),
        ] where lower.contains(field) {
            return "its header declares an unknown or invalid \(what) (\(message))"
        }
        if lower.contains("crc") { return "its data fails a checksum (\(message)): the file is damaged" }
        if lower.contains("invalid") && !lower.contains("ihdr") || lower.contains("incorrect") || lower.contains("zlib")
        {
            return "its compressed image data is damaged (\(message))"
        }
        if lower.contains("read error") || lower.contains("not enough") || lower.contains("truncated")
            || lower.contains("unexpected end")
        {
            return "it ends early (\(message)): the file is truncated"
        }
        if lower.contains("width is zero") || lower.contains("height is zero") || lower.contains("invalid ihdr") {
            return "its header declares an invalid size (\(message))"
        }
        if lower.contains("exceeds user limit") || lower.contains("too large") {
            return "it declares absurd dimensions (\(message))"
        }
        return message.isEmpty ? "it cannot be decoded" : message
    }
}

extension Image {
    /// The same picture with `count` channels: grey ↔ colour, alpha added (opaque) or dropped.
    public func converted(toChannels count: Int) -> Image {
        precondition((1...4).contains(count), "An image has 1 to 4 channels, got \(count).")
        if count == channels { return self }
        var result = Image(width: width, height: height, channels: count)
        let hasAlpha = channels == 2 || channels == 4
        let wantsAlpha = count == 2 || count == 4
        for p in 0..<width * height {
            let source = p * channels
            let (red, green, blue): (Int, Int, Int)
            if channels >= 3 {
                (red, green, blue) = (Int(pixels[source]), Int(pixels[source + 1]), Int(pixels[source + 2]))
            } else {
                (red, green, blue) = (Int(pixels[source]), Int(pixels[source]), Int(pixels[source]))
            }
            let alpha = hasAlpha ? pixels[source + channels - 1] : 255
            let target = p * count
            if count >= 3 {
                result.pixels[target] = UInt8(red)
                result.pixels[target + 1] = UInt8(green)
                result.pixels[target + 2] = UInt8(blue)
            } else {
                // Pillow's integer luma: (R·19595 + G·38470 + B·7471 + 2¹⁵) >> 16.
                result.pixels[target] =
                    channels >= 3
                    ? UInt8((red * 19595 + green * 38470 + blue * 7471 + 0x8000) >> 16) : UInt8(red)
            }
            if wantsAlpha { result.pixels[target + count - 1] = alpha }
        }
        return result
    }
}
