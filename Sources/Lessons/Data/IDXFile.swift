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

    /// The most values a file may declare: 1 GiB, twenty times Fashion-MNIST's training set.
    static let valueLimit = 1 << 30

    /// Reads and validates `url`; every problem is thrown as a `DatasetError` naming the file.
    /// The header is read and checked first, so a gzip'd file is decompressed only up to the
    /// size it declares, and a declared size is checked before anything is allocated for it.
    init(contentsOf url: URL, expectedDimensions: Int) throws {
        let raw: Data
        do {
            var info = stat()
            if let problem = FileProblem.probe(url) {
                throw DatasetError.unreadable(url.path, reason: problem)
            }
            if stat(url.path, &info) == 0 && Int(info.st_size) > Self.valueLimit + 4 + 4 * expectedDimensions {
                throw DatasetError.corrupt(
                    url.path, reason: "it is \(info.st_size) bytes long, larger than any dataset this reader takes")
            }
            raw = try Data(contentsOf: url)
        } catch let error as DatasetError {
            throw error
        } catch {
            throw DatasetError.unreadable(
                url.path, reason: FileProblem.probe(url) ?? FileProblem.reason(for: error, at: url))
        }
        guard Gzip.isCompressed(raw) else {
            try self.init(bytes: [UInt8](raw), path: url.path, expectedDimensions: expectedDimensions)
            return
        }
        do {
            let stream = try Gzip.Stream(raw)
            var bytes = try stream.read(4, exactly: false)
            try Self.checkMagic(bytes, path: url.path, expectedDimensions: expectedDimensions)
            bytes += try stream.read(4 * expectedDimensions, exactly: false)
            let count = try Self.declaredCount(bytes, path: url.path, expectedDimensions: expectedDimensions)
            bytes += try stream.read(count, exactly: false)
            // Reading to the end checks the stream's checksum; anything left is more than declared.
            if bytes.count == 4 + 4 * expectedDimensions + count, try stream.drain(limit: 1 << 20) > 0 {
                throw DatasetError.corrupt(url.path, reason: "it holds more values than its header declares (\(count))")
            }
            try self.init(bytes: bytes, path: url.path, expectedDimensions: expectedDimensions)
        } catch let error as GzipError {
            throw DatasetError.corrupt(url.path, reason: error.description)
        }
    }

    init(bytes: [UInt8], path: String, expectedDimensions: Int) throws {
        let headerSize = 4 + 4 * expectedDimensions
        try Self.checkMagic(bytes, path: path, expectedDimensions: expectedDimensions)
        let count = try Self.declaredCount(bytes, path: path, expectedDimensions: expectedDimensions)
        guard bytes.count - headerSize == count else {
            let dimensions = Self.dimensions(bytes, expectedDimensions)
            let promised =
                dimensions.count > 1 ? dimensions.map(String.init).joined(separator: " × ") + " = \(count)" : "\(count)"
            throw DatasetError.corrupt(
                path,
                reason: "the header promises \(promised) values, but \(bytes.count - headerSize) follow"
                    + (bytes.count - headerSize < count ? " (the file is truncated)" : ""))
        }
        self.dimensions = Self.dimensions(bytes, expectedDimensions)
        self.bytes = bytes
        self.headerSize = headerSize
    }

    private static func checkMagic(_ bytes: [UInt8], path: String, expectedDimensions: Int) throws {
        guard bytes.count >= 4 else {
            throw DatasetError.corrupt(path, reason: "it holds \(bytes.count) bytes, fewer than an IDX header")
        }
        guard bytes[0] == 0, bytes[1] == 0, bytes[2] == 0x08 else {
            throw DatasetError.corrupt(
                path,
                reason: String(
                    format: "its magic number is %02x %02x %02x %02x, not an IDX file of bytes (00 00 08 0%d)",
                    bytes[0], bytes[1], bytes[2], bytes[3], expectedDimensions))
        }
        guard Int(bytes[3]) == expectedDimensions else {
            throw DatasetError.corrupt(path, reason: "it has \(bytes[3]) dimensions; expected \(expectedDimensions)")
        }
    }

    private static func dimensions(_ bytes: [UInt8], _ expectedDimensions: Int) -> [Int] {
        (0..<expectedDimensions).map { d in
            let offset = 4 + 4 * d
            return Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
        }
    }

    /// The number of values the header declares, checked against `valueLimit` without overflow.
    private static func declaredCount(_ bytes: [UInt8], path: String, expectedDimensions: Int) throws -> Int {
        guard bytes.count >= 4 + 4 * expectedDimensions else {
            throw DatasetError.corrupt(path, reason: "its header is cut short")
        }
        let dimensions = dimensions(bytes, expectedDimensions)
        var count = 1
        for dimension in dimensions {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow && product <= valueLimit else {
                throw DatasetError.corrupt(
                    path,
                    reason:
                        "its header declares \(dimensions.map(String.init).joined(separator: " × ")) values, more than this reader takes (\(valueLimit))"
                )
            }
            count = product
        }
        return count
    }
}
