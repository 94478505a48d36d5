import CZlib
import Foundation

/// Decompressing gzip data in memory with zlib, a piece at a time: a reader asks for exactly
/// the bytes it expects, so a file can never make it allocate more than it declared and checked
/// (a gzip bomb, a trailer claiming 4 GiB).
enum Gzip {
    /// True when `data` starts with gzip's magic bytes 1f 8b.
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes of a whole gzip stream, refusing to produce more than `limit`.
    static func decompress(_ data: Data, limit: Int = 1 << 30) throws -> [UInt8] {
        let stream = try Stream(data)
        var output: [UInt8] = []
        while !(try stream.isAtEnd()) {
            guard output.count < limit else {
                throw GzipError("it decompresses to more than \(limit) bytes")
            }
            output += try stream.read(min(1 << 20, limit - output.count), exactly: false)
        }
        return output
    }

    /// An open gzip stream over `data`.
    final class Stream {
        private let data: Data
        private var stream = z_stream()
        private var ended = false
        /// Input bytes handed to zlib so far, over every member.
        private var consumed = 0
        /// A byte read ahead by `isAtEnd`, handed out first by the next `read`.
        private var pending: UInt8?

        init(_ data: Data) throws {
            self.data = data
            // 15 + 32: a window of 2^15 and automatic gzip/zlib header detection.
            let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw GzipError("zlib could not start (status \(status))") }
        }

        deinit {
            inflateEnd(&stream)
        }

        /// The next `count` bytes; with `exactly`, fewer (the stream ends first) is an error
        /// saying the file is truncated.
        func read(_ count: Int, exactly: Bool = true) throws -> [UInt8] {
            var output = [UInt8](repeating: 0, count: count)
            var produced = 0
            if let pending, count > 0 {
                output[0] = pending
                produced = 1
                self.pending = nil
            }
            while produced < count && !ended {
                produced += try inflate(into: &output, from: produced)
            }
            if produced < count {
                if exactly { throw GzipError("the compressed data ends early (the file is truncated)") }
                output.removeLast(count - produced)
            }
            return output
        }

        /// Reads on to the end of the stream, so that zlib checks the data's checksum, keeping
        /// nothing; returns how many bytes were left. Past `limit` left over, it stops there.
        func drain(limit: Int) throws -> Int {
            var left = 0
            while try left <= limit && !isAtEnd() {
                left += try read(min(65_536, limit + 1 - left), exactly: false).count
            }
            return left
        }

        /// True when no byte follows.
        func isAtEnd() throws -> Bool {
            if pending != nil { return false }
            let next = try read(1, exactly: false)
            pending = next.first
            return next.isEmpty
        }

        /// Inflates into `output[offset...]`; returns how many bytes arrived.
        private func inflate(into output: inout [UInt8], from offset: Int) throws -> Int {
            let consumed = self.consumed
            return try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
                try output.withUnsafeMutableBufferPointer { buffer in
                    let base = input.bindMemory(to: Bytef.self).baseAddress
                    stream.next_in = UnsafeMutablePointer(mutating: base.map { $0 + consumed })
                    stream.avail_in = uInt(clamping: input.count - consumed)
                    stream.next_out = buffer.baseAddress! + offset
                    stream.avail_out = uInt(clamping: buffer.count - offset)
                    let before = (input: stream.avail_in, output: stream.avail_out)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = Int(before.output - stream.avail_out)
                    self.consumed += Int(before.input - stream.avail_in)
                    switch status {
                    case Z_STREAM_END
                    where stream.avail_in >= 2
                        && input[input.count - Int(stream.avail_in)] == 0x1f
                        && input[input.count - Int(stream.avail_in) + 1] == 0x8b:
                        // Another gzip member follows (as 'cat a.gz b.gz' makes): go on into it.
                        inflateReset(&stream)
                    case Z_STREAM_END:
                        ended = true
                    case Z_OK:
                        break
                    case Z_BUF_ERROR where stream.avail_in == 0:
                        throw GzipError("the compressed data ends early (the file is truncated)")
                    case Z_BUF_ERROR:
                        break
                    case Z_DATA_ERROR:
                        let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                        throw GzipError("the compressed data is corrupt (\(message))")
                    default:
                        throw GzipError("zlib failed with status \(status)")
                    }
                    return produced
                }
            }
        }
    }
}

struct GzipError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
