import Foundation

/// An IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST: a magic number
/// `00 00 08 NN` (type 0x08 = unsigned byte, NN dimensions), each dimension as a big-endian
/// 32-bit count, then the values row-major. Plain or gzip'd.
struct IDXFile {
    let dimensions: [Int]
    /// The whole file, header included: the values start at `headerSize`.
    private let bytes: [UInt8]
    private let headerSize: Int

    /// The values, without copying them out of the file's bytes.
    func withValues<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[headerSize...]))
        }
    }

    /// Reads and validates `url`; every problem is thrown as a `DatasetError` naming the file.
    init(contentsOf url: URL, expectedDimensions: Int) throws {
        let raw: Data
        do {
            raw = try Data(contentsOf: url)
        } catch {
            throw DatasetError.unreadable(url.path, reason: FileManager.default.fileExists(atPath: url.path)
                                          ? "it cannot be read" : "there is no such file")
        }
        let bytes: [UInt8]
        if Gzip.isCompressed(raw) {
            do {
                bytes = try Gzip.decompress(raw)
            } catch let error as GzipError {
                throw DatasetError.corrupt(url.path, reason: error.description)
            }
        } else {
            bytes = [UInt8](raw)
        }
        try self.init(bytes: bytes, path: url.path, expectedDimensions: expectedDimensions)
    }

    init(bytes: [UInt8], path: String, expectedDimensions: Int) throws {
        let headerSize = 4 + 4 * expectedDimensions
        guard bytes.count >= 4 else {
            throw DatasetError.corrupt(path, reason: "it holds \(bytes.count) bytes, fewer than an IDX header")
        }
        guard bytes[0] == 0, bytes[1] == 0, bytes[2] == 0x08 else {
            throw DatasetError.corrupt(path, reason: String(format: "its magic number is %02x %02x %02x %02x, not an IDX file of bytes (00 00 08 0%d)",
                                                            bytes[0], bytes[1], bytes[2], bytes[3], expectedDimensions))
        }
        guard Int(bytes[3]) == expectedDimensions else {
            throw DatasetError.corrupt(path, reason: "it has \(bytes[3]) dimensions; expected \(expectedDimensions)")
        }
        guard bytes.count >= headerSize else {
            throw DatasetError.corrupt(path, reason: "its header is cut short")
        }
        var dimensions: [Int] = []
        for d in 0 ..< expectedDimensions {
            let offset = 4 + 4 * d
            dimensions.append(Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16
                              | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
        }
        let count = dimensions.reduce(1, *)
        guard bytes.count - headerSize == count else {
            throw DatasetError.corrupt(path, reason: "the header promises \(dimensions.map(String.init).joined(separator: " × ")) = \(count) values, but \(bytes.count - headerSize) follow"
                                       + (bytes.count - headerSize < count ? " (the file is truncated)" : ""))
        }
        self.dimensions = dimensions
        self.bytes = bytes
        self.headerSize = headerSize
    }
}
