import Augment
import Foundation
import Testing

@Suite("Images and PNG writing")
struct PNGWriteTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("augment-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Width and height from the IHDR chunk, which follows the 8-byte signature and the
    /// chunk's length and type: bytes 16–19 and 20–23, big-endian.
    static func header(_ data: Data) -> (width: Int, height: Int, colorType: UInt8) {
        let bytes = [UInt8](data)
        func int(_ offset: Int) -> Int {
            Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
        }
        return (int(16), int(20), bytes[25])
    }

    @Test("A written PNG has the signature and the image's size and colour type", arguments: [1, 2, 3, 4])
    func writes(channels: Int) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = Image(
            width: 5, height: 3, channels: channels,
            pixels: (0..<15 * channels).map { UInt8($0 % 256) })
        let url = folder.appendingPathComponent("picture.png")
        try PNG.write(image, to: url)
        let data = try Data(contentsOf: url)
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let header = Self.header(data)
        #expect(header.width == 5 && header.height == 3)
        // PNG colour types: 0 grey, 4 grey + alpha, 2 RGB, 6 RGBA.
        #expect(header.colorType == [1: 0, 2: 4, 3: 2, 4: 6][channels])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["picture.png"])
    }

    @Test("Writing into a folder that does not exist throws, naming the file, and leaves nothing")
    func missingFolder() throws {
        let url = URL(fileURLWithPath: "/nonexistent-folder-\(UUID().uuidString)/picture.png")
        #expect(throws: PNGError.self) { try PNG.write(Image(width: 2, height: 2), to: url) }
        #expect(throws: PNGError.self) {
            try PNG.write(
                Image(width: 0, height: 2),
                to: FileManager.default.temporaryDirectory.appendingPathComponent("empty.png"))
        }
    }

    @Test("A grid tiles images with gaps; intensities round-trip through bytes")
    func grid() {
        let black = Image(width: 2, height: 2, filledWith: 0)
        let sheet = Image.grid([black, black, black], columns: 2, gap: 1, background: 255)
        #expect(sheet.width == 2 * 3 + 1 && sheet.height == 2 * 3 + 1)
        // Cells start at 1 and 4 on each axis: (1, 1) first image, (4, 1) second, (1, 4) third.
        #expect(sheet[0, 0] == 255 && sheet[3, 1] == 255) // border and gap
        #expect(sheet[1, 1] == 0 && sheet[4, 1] == 0 && sheet[1, 4] == 0)
        #expect(sheet[4, 4] == 255) // the empty fourth cell stays background
        let big = Image(width: 2, height: 1, pixels: [10, 20]).enlarged(by: 2)
        #expect(big.width == 4 && big.height == 2 && big.pixels == [10, 10, 20, 20, 10, 10, 20, 20])
        let image = Image(width: 2, height: 1, intensities: [0, 0.5])
        #expect(image.pixels == [0, 128])
        #expect(abs(image.intensities[1] - 0.5) < 1 / 255)
    }
}

/// Writing on a full disk: a plain reason, no temporary file left. Needs root to mount a small
/// tmpfs; skipped elsewhere.
@Suite("PNG on a full disk", .enabled(if: getuid() == 0))
struct PNGFullDiskTests {
    @Test("A PNG that does not fit says the disk is full and leaves nothing behind")
    func fullDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("png-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(mount("tmpfs", folder.path, "tmpfs", 0, "size=16384") == 0, "cannot mount a tmpfs here")
        defer {
            umount(folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        // Noise from a seeded xorshift does not compress: 64 KiB cannot fit in 16 KiB.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let noise = Image(
            width: 256, height: 256,
            pixels: (0..<65_536).map { _ in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return UInt8(truncatingIfNeeded: state >> 32)
            })
        let url = folder.appendingPathComponent("noise.png")
        #expect(throws: PNGError(path: url.path, problem: "it cannot be written: the disk is full")) {
            try PNG.write(noise, to: url)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
