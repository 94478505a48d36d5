import CZlib
import Foundation

/// Decompressing gzip data in memory with zlib.
enum Gzip {
    /// True when `data` starts with gzip's magic bytes 1f 8b.
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The uncompressed size a gzip member records in its last four bytes (ISIZE, little-endian,
    /// modulo 2³²), plus one byte so that the end of the stream is seen without growing the
    /// buffer. Only a hint: a wrong value just means the buffer grows.
    static func trailerSize(_ data: Data) -> Int? {
        guard data.count >= 18 else { return nil }
        let end = data.endIndex
        let size = Int(data[end - 4]) | Int(data[end - 3]) << 8 | Int(data[end - 2]) << 16 | Int(data[end - 1]) << 24
        return size + 1
    }

    /// The decompressed bytes of a whole gzip stream. `expectedSize`, when known, sizes the
    /// output at once; the output grows as needed otherwise. Throws a description of what is
    /// wrong (truncated stream, corrupt data) for the caller to attach to a file name.
    static func decompress(_ data: Data, expectedSize: Int? = nil) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a window of 2^15 and automatic gzip/zlib header detection.
        let initStatus = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else { throw GzipError("zlib could not start (status \(initStatus))") }
        defer { inflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: max(expectedSize ?? trailerSize(data) ?? data.count * 4, 1024))
        var produced = 0
        var status: Int32 = Z_OK
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                if produced == output.count {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                }
                status = output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = uInt(buffer.count - produced)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    produced = buffer.count - Int(stream.avail_out)
                    return result
                }
                switch status {
                case Z_STREAM_END:
                    return
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw GzipError("the compressed data ends early (the file is truncated)")
                case Z_BUF_ERROR:
                    continue
                case Z_DATA_ERROR:
                    let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                    throw GzipError("the compressed data is corrupt (\(message))")
                default:
                    throw GzipError("zlib failed with status \(status)")
                }
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}

struct GzipError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
