import CPNG
import Foundation

/// PNG files through libpng.
public enum PNG {
    /// Writes `image` to `url` as an 8-bit PNG, atomically: the image goes to a temporary file
    /// beside `url` that is renamed over it only once complete, so no half-written file is
    /// ever left under `url`. (Writing uses libpng's simplified API, which reports errors in a
    /// field rather than by longjmp.)
    public static func write(_ image: Image, to url: URL) throws {
        guard image.width > 0 && image.height > 0 else {
            throw PNGError(
                path: url.path, problem: "an image of \(image.width) × \(image.height) pixels cannot be written")
        }
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw PNGError(path: url.path, problem: "the folder \(folder.path) does not exist")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        png.width = UInt32(image.width)
        png.height = UInt32(image.height)
        png.format = format(channels: image.channels)
        let written = image.pixels.withUnsafeBytes { buffer in
            png_image_write_to_file(
                &png, temporary.path, 0, buffer.baseAddress,
                Int32(image.width * image.channels), nil)
        }
        if written == 0 {
            let code = errno
            let message = withUnsafeBytes(of: png.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&png)
            try? FileManager.default.removeItem(at: temporary)
            // libpng says only "Write Error"; the system says why.
            let problem =
                code == ENOSPC || code == EDQUOT
                ? "it cannot be written: the disk is full"
                : message.lowercased().contains("write error") && code != 0
                    ? "it cannot be written (\(String(cString: strerror(code))))"
                    : message.isEmpty ? "libpng could not write it" : message
            throw PNGError(path: url.path, problem: problem)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PNGError(path: url.path, problem: "it could not be put in place (\(reason))")
        }
    }

    /// libpng's simplified-API format for 8-bit pixels of `channels` channels. Its macros are
    /// bit flags (alpha 0x01, colour 0x02) too composite to import, so the flags are spelled here.
    static func format(channels: Int) -> UInt32 {
        let alpha: UInt32 = 0x01
        let color: UInt32 = 0x02
        switch channels {
        case 1: return 0
        case 2: return alpha
        case 3: return color
        default: return color | alpha
        }
    }
}

/// A PNG file that cannot be read or written, naming the file and the problem.
public struct PNGError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)." }
}
