import Augment
import Foundation
import Testing

@Suite("PNG reading")
struct PNGReadTests {
    struct Expected: Decodable {
        struct Case: Decodable {
            let width: Int
            let height: Int
            let mode: String
            let pixels: [Int]
        }
        let cases: [String: Case]
    }

    static var fixtures: URL {
        get throws { try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
    }

    @Test("Every colour type and bit depth reads as Pillow reads it, values as stored")
    func everyFixture() throws {
        let folder = try Self.fixtures
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        #expect(expected.cases.count >= 20)
        for (name, golden) in expected.cases.sorted(by: { $0.key < $1.key }) {
            let layout: PNG.ChannelLayout =
                ["L": .grey, "LA": .greyAlpha, "RGB": .rgb, "RGBA": .rgba][golden.mode] ?? .native
            let image = try PNG.read(folder.appendingPathComponent(name + ".png"), as: layout)
            #expect(image.width == golden.width && image.height == golden.height, "\(name)")
            #expect(
                image.pixels.map(Int.init) == golden.pixels,
                "\(name): first pixels \(Array(image.pixels.prefix(8))) vs \(Array(golden.pixels.prefix(8)))")
        }
    }

    @Test("A gAMA chunk does not change the stored values (33 stays 33)")
    func gamma() throws {
        let image = try PNG.read(try Self.fixtures.appendingPathComponent("grey-8bit-gamma-1.0.png"))
        #expect(image.channels == 1)
        #expect(image.pixels.allSatisfy { $0 == 33 })
    }

    @Test("What we write reads back identically", arguments: [1, 2, 3, 4])
    func roundTrip(channels: Int) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("round-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        let image = Image(
            width: 13, height: 9, channels: channels,
            pixels: (0..<13 * 9 * channels).map { UInt8(($0 * 71 + 5) % 256) })
        try PNG.write(image, to: url)
        #expect(try PNG.read(url) == image)
    }

    static func brokenCopy(of name: String, _ damage: (inout [UInt8]) -> Void) throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: try fixtures.appendingPathComponent(name)))
        damage(&bytes)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).png")
        try Data(bytes).write(to: url)
        return url
    }

    /// The byte offset of the first chunk of `type` (its length field).
    static func chunkOffset(_ type: String, in bytes: [UInt8]) -> Int? {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            if String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self) == type { return offset }
            offset += 12 + length
        }
        return nil
    }

    @Test(
        "Broken files are refused with a message naming the file and the problem",
        arguments: [
            "not a PNG", "truncated", "bad CRC", "corrupt data", "zero width", "absurd size",
            "compression method", "filter method",
        ])
    func broken(kind: String) throws {
        let url = try Self.brokenCopy(of: "rgb-8bit.png") { bytes in
            switch kind {
            case "not a PNG":
                bytes = Array("GIF89a, or anything else that is not a PNG".utf8)
            case "truncated":
                bytes.removeLast(bytes.count / 3)
            case "bad CRC":
                // The stored CRC of the image data, changed: the data itself is intact.
                let idat = Self.chunkOffset("IDAT", in: bytes)!
                let length =
                    Int(bytes[idat]) << 24 | Int(bytes[idat + 1]) << 16 | Int(bytes[idat + 2]) << 8
                    | Int(bytes[idat + 3])
                bytes[idat + 8 + length] ^= 0x55
            case "corrupt data":
                let idat = Self.chunkOffset("IDAT", in: bytes)!
                bytes[idat + 10] ^= 0x55
            case "compression method":
                bytes[26] = 1 // IHDR's compression method: only 0 exists
                Self.fixHeaderCRC(&bytes)
            case "filter method":
                bytes[27] = 7
                Self.fixHeaderCRC(&bytes)
            case "zero width":
                bytes[16..<20] = [0, 0, 0, 0]
                Self.fixHeaderCRC(&bytes)
            default:
                bytes[16..<24] = [0, 0, 0x9C, 0x40, 0, 0, 0x9C, 0x40] // 40,000 × 40,000
                Self.fixHeaderCRC(&bytes)
            }
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try PNG.read(url)
            Issue.record("\(kind): reading should fail")
        } catch let error as PNGError {
            #expect(error.path == url.path)
            let expectedWords = [
                "not a PNG": "not a PNG", "truncated": "truncated", "bad CRC": "checksum",
                "corrupt data": "damaged",
                "zero width": "invalid size", "absurd size": "limit",
                "compression method": "unknown or invalid compression method",
                "filter method": "unknown or invalid filter method",
            ][kind]!
            #expect(error.description.contains(expectedWords), "\(kind): \(error)")
        }
    }

    @Test("A folder or a pipe given as a PNG is refused by name, never opened")
    func notAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "png-folder-\(UUID().uuidString).png")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PNGError(path: folder.path, problem: "it is a folder, not a PNG file")) { try PNG.read(folder) }
        let pipe = FileManager.default.temporaryDirectory.appendingPathComponent("png-pipe-\(UUID().uuidString).png")
        try #require(mkfifo(pipe.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: pipe) }
        #expect(throws: PNGError(path: pipe.path, problem: "it is not a regular file (a pipe, a device or a socket)")) {
            try PNG.read(pipe)
        }
    }

    /// Recomputes the IHDR chunk's CRC after its fields were edited, so that only the edit is wrong.
    static func fixHeaderCRC(_ bytes: inout [UInt8]) {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes[12..<29] {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        bytes[29..<33] = [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }
}
