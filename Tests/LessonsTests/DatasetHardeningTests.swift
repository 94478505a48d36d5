import CZlib
import Foundation
import Testing

@testable import Lessons

/// Dataset files that declare sizes they do not hold, made in code (a few bytes each): every one
/// is refused with its file named, before anything of the declared size is allocated.
@Suite("Dataset files that lie about their size")
struct DatasetHardeningTests {
    /// An IDX file of bytes: the magic number, `dimensions` as big-endian counts, then `values`.
    static func idx(_ dimensions: [UInt32], values: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        for dimension in dimensions {
            bytes += [
                UInt8(dimension >> 24), UInt8(dimension >> 16 & 0xff), UInt8(dimension >> 8 & 0xff),
                UInt8(dimension & 0xff),
            ]
        }
        return bytes + values
    }

    /// `bytes` as a gzip member (zlib's deflate with a gzip wrapper).
    static func gzipped(_ bytes: [UInt8]) -> Data {
        var stream = z_stream()
        deflateInit2_(
            &stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                deflate(&stream, Z_FINISH)
                return target.count - Int(stream.avail_out)
            }
        }
        return Data(output.prefix(produced))
    }

    static func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString).gz")
        try data.write(to: url)
        return url
    }

    static func expectCorrupt(
        _ url: URL, _ fragment: String, dimensions: Int = 3,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try IDXFile(contentsOf: url, expectedDimensions: dimensions)
            Issue.record("reading should fail with '\(fragment)'", sourceLocation: sourceLocation)
        } catch {
            #expect("\(error)".contains(url.path), sourceLocation: sourceLocation)
            #expect("\(error)".contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("A small file read back gives its dimensions and values")
    func roundTrip() throws {
        let url = try Self.write(Self.gzipped(Self.idx([2, 2, 3], values: Array(0..<12))))
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try IDXFile(contentsOf: url, expectedDimensions: 3)
        #expect(file.dimensions == [2, 2, 3])
        #expect(file.withValues { Array($0) } == Array(0..<12))
    }

    @Test(
        "Dimensions whose product overflows or passes the limit are refused from the header",
        arguments: [[UInt32.max, UInt32.max, UInt32.max], [65_536, 65_536, 2], [1 << 31, 4, 4]])
    func overflowingHeader(dimensions: [UInt32]) throws {
        Self.expectCorrupt(
            try Self.write(Data(Self.idx(dimensions, values: [1, 2, 3]))), "more than this reader takes")
        Self.expectCorrupt(
            try Self.write(Self.gzipped(Self.idx(dimensions, values: [1, 2, 3]))), "more than this reader takes")
    }

    @Test("A gzip bomb stops at the size its header declares")
    func bomb() throws {
        // 4 declared values followed by 64 MiB of zeros, which compress to about 64 KB.
        let url = try Self.write(Self.gzipped(Self.idx([1, 2, 2], values: [UInt8](repeating: 0, count: 64 << 20))))
        Self.expectCorrupt(url, "more values than its header declares (4)")
    }

    @Test("A gzip trailer claiming 4 GiB is refused as damaged, without allocating what it claims")
    func lyingTrailer() throws {
        var data = Self.gzipped(Self.idx([1, 2, 2], values: [9, 8, 7, 6]))
        // ISIZE, the last four bytes, says 0xFFFFFFFF; zlib checks it once the data has ended.
        data.replaceSubrange(data.count - 4..<data.count, with: [0xff, 0xff, 0xff, 0xff])
        Self.expectCorrupt(try Self.write(data), "incorrect length check")
    }

    @Test("Fewer values than declared, plain or gzip'd, say the file is truncated")
    func truncated() throws {
        Self.expectCorrupt(try Self.write(Data(Self.idx([10, 28, 28], values: [1, 2, 3]))), "truncated")
        Self.expectCorrupt(try Self.write(Self.gzipped(Self.idx([10, 28, 28], values: [1, 2, 3]))), "truncated")
    }

    /// A Fashion-MNIST folder holding `train` training and `test` test images (all zeros).
    static func dataset(train: Int, test: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fmnist-small-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = FashionMNIST.fileNames
        for (images, labels, count) in [
            (names.trainImages, names.trainLabels, train), (names.testImages, names.testLabels, test),
        ] {
            try gzipped(idx([UInt32(count), 28, 28], values: [UInt8](repeating: 0, count: count * 784)))
                .write(to: folder.appendingPathComponent(images))
            try gzipped(idx([UInt32(count)], values: [UInt8](repeating: 3, count: count)))
                .write(to: folder.appendingPathComponent(labels))
        }
        return folder
    }

    @Test(
        "A dataset of another size is refused before any chapter trains on it",
        arguments: [(1_000, 10_000, "holds 1000 images, not the 60000"), (60_000, 0, "holds 0 images, not the 10000")])
    func otherSizes(train: Int, test: Int, fragment: String) throws {
        let folder = try Self.dataset(train: train, test: test)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try FashionMNIST.load(from: folder)
            Issue.record("a dataset of \(train) + \(test) images should be refused")
        } catch {
            #expect("\(error)".contains(fragment), "\(error)")
            #expect("\(error)".contains(folder.path))
        }
    }
}

extension DatasetHardeningTests {
    @Test("A file of two gzip members, as 'cat a.gz b.gz' makes, reads as their bytes one after the other")
    func multiMember() throws {
        let bytes = Self.idx([2, 2, 2], values: Array(1...8))
        var data = Self.gzipped(Array(bytes.prefix(10)))
        data.append(Self.gzipped(Array(bytes.dropFirst(10))))
        let url = try Self.write(data)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try IDXFile(contentsOf: url, expectedDimensions: 3).withValues { Array($0) } == Array(1...8))
    }
}
