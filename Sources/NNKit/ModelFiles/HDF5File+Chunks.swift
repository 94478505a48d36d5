internal import CHDF5
internal import CZlib
import Foundation

/// Reading a compressed dataset chunk by chunk: each chunk's stored bytes as they are
/// (`H5Dread_chunk`), then its filters undone here, with every buffer sized from the chunk's
/// declared shape. HDF5's own deflate filter doubles its buffer for as long as the stream goes
/// on (deflate expands up to 1032 times), so its reading of a chunk is bounded by nothing the
/// file declares; this one inflates a chunk to exactly its size or refuses it.
extension HDF5File {
    /// The values of a chunked dataset whose `filters` (shuffle, deflate) `storageProblem`
    /// accepted, in row-major order.
    func readFilteredChunks(
        _ dataset: Handle, info: DatasetInfo, chunk: [Int], filters: [Layout.Filter],
        path: String
    ) throws -> [Float] {
        func fail(_ problem: String) -> HDF5Failure {
            HDF5Failure(problem: "\(label)'s \(path) cannot be read: \(problem)")
        }
        // storageProblem checked that every chunk fits inside the shape, whose product counts.
        let count = info.shape.checkedProduct ?? 0
        let chunkValues = chunk.checkedProduct ?? 0
        let chunkBytes = chunkValues * 4
        // The most a chunk can store: its bytes, deflated at worst (zlib's bound), or as they are.
        let storedLimit = max(Int(compressBound(uLong(chunkBytes))), chunkBytes)
        var values = [Float](repeating: 0, count: count)
        var stored = [UInt8](repeating: 0, count: storedLimit)
        var chunkFloats = [Float](repeating: 0, count: chunkValues)
        var offset = [Int](repeating: 0, count: chunk.count)
        while true {
            var start = offset.map { hsize_t($0) }
            let position = "at (" + offset.map(String.init).joined(separator: ", ") + ")"
            var size: hsize_t = 0
            try Self.check(
                H5Dget_chunk_storage_size(dataset.id, &start, &size),
                "\(label) cannot find \(path)'s chunk \(position)")
            guard size > 0 else { throw fail("its chunk \(position) is missing") }
            guard size <= hsize_t(storedLimit) else {
                throw fail(
                    "its chunk \(position) stores \(size) bytes, more than a chunk of \(chunkBytes) bytes needs "
                        + "even compressed (\(storedLimit))")
            }
            var mask: UInt32 = 0
            try stored.withUnsafeMutableBytes { buffer in
                try Self.check(
                    H5Dread_chunk(dataset.id, nnkit_h5p_default(), &start, &mask, buffer.baseAddress),
                    "\(label) cannot read \(path)'s chunk \(position) (is it truncated?)")
            }
            // Undo the filters last to first, skipping those the chunk's mask says were not applied.
            var bytes = Array(stored.prefix(Int(size)))
            for (index, filter) in filters.enumerated().reversed() where mask & (1 << UInt32(index)) == 0 {
                switch filter.id {
                case Int32(H5Z_FILTER_DEFLATE):
                    bytes = try Self.inflated(bytes, size: chunkBytes) { fail("its chunk \(position) \($0)") }
                default:
                    bytes = Self.unshuffled(bytes, elementSize: info.elementBytes)
                }
            }
            guard bytes.count == chunkBytes else {
                throw fail(
                    "its chunk \(position) holds \(bytes.count) bytes, not the \(chunkBytes) of a chunk of "
                        + "\(Self.shapeText(chunk)) values")
            }
            chunkFloats.withUnsafeMutableBytes { $0.copyBytes(from: bytes) }
            if info.float32Order == H5T_ORDER_BE {
                for index in chunkFloats.indices {
                    chunkFloats[index] = Float(bitPattern: UInt32(bigEndian: chunkFloats[index].bitPattern))
                }
            }
            Self.copy(chunk: chunkFloats, shape: chunk, at: offset, into: &values, shape: info.shape)
            // The next chunk, last dimension fastest.
            var dimension = chunk.count - 1
            while dimension >= 0 {
                offset[dimension] += chunk[dimension]
                if offset[dimension] < info.shape[dimension] { break }
                offset[dimension] = 0
                dimension -= 1
            }
            if dimension < 0 { return values }
        }
    }

    /// `bytes` inflated by zlib to exactly `size` bytes; a stream that ends sooner, goes on
    /// longer, or is damaged is thrown through `fail` ("inflates to more than …").
    static func inflated(_ bytes: [UInt8], size: Int, _ fail: (String) -> HDF5Failure) throws -> [UInt8] {
        guard size <= Int(UInt32.max), bytes.count <= Int(UInt32.max) else { throw fail("is too large to inflate") }
        var output = [UInt8](repeating: 0, count: size)
        var input = bytes
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw fail("cannot be inflated (zlib does not start)")
        }
        defer { inflateEnd(&stream) }
        // One call with room for exactly one chunk: Z_STREAM_END only if the stream ends there.
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        let produced = Int(stream.total_out)
        switch status {
        case Z_STREAM_END where produced == size:
            return output
        case Z_STREAM_END:
            throw fail("inflates to \(produced) bytes, not the \(size) of one chunk")
        case Z_BUF_ERROR where produced == size:
            throw fail(
                "inflates to more than the \(size) bytes of one chunk; the file is damaged or made to "
                    + "exhaust memory")
        default:
            throw fail("is not a whole deflate stream (is the file damaged?)")
        }
    }

    /// HDF5's shuffle undone: the file holds every element's first byte, then every second
    /// byte, …; bytes past the last whole element stay where they are.
    static func unshuffled(_ bytes: [UInt8], elementSize: Int) -> [UInt8] {
        guard elementSize > 1 else { return bytes }
        let elements = bytes.count / elementSize
        var result = bytes
        for byte in 0..<elementSize {
            for element in 0..<elements {
                result[element * elementSize + byte] = bytes[byte * elements + element]
            }
        }
        return result
    }

    /// Copies the part of a chunk of `chunkShape` at `offset` that lies inside `shape` into
    /// `values` (both row-major): one run along the last dimension at a time.
    static func copy(
        chunk: [Float], shape chunkShape: [Int], at offset: [Int], into values: inout [Float],
        shape: [Int]
    ) {
        let rank = shape.count
        let extent = (0..<rank).map { min(chunkShape[$0], shape[$0] - offset[$0]) }
        var chunkStrides = [Int](repeating: 1, count: rank)
        var strides = [Int](repeating: 1, count: rank)
        for dimension in stride(from: rank - 2, through: 0, by: -1) {
            chunkStrides[dimension] = chunkStrides[dimension + 1] * chunkShape[dimension + 1]
            strides[dimension] = strides[dimension + 1] * shape[dimension + 1]
        }
        let run = extent[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        while true {
            var source = 0
            var target = 0
            for dimension in 0..<rank {
                source += index[dimension] * chunkStrides[dimension]
                target += (offset[dimension] + index[dimension]) * strides[dimension]
            }
            values.withUnsafeMutableBufferPointer { values in
                chunk.withUnsafeBufferPointer { chunk in
                    (values.baseAddress! + target).update(from: chunk.baseAddress! + source, count: run)
                }
            }
            // The next run: every dimension but the last, the second-to-last fastest.
            var dimension = rank - 2
            while dimension >= 0 {
                index[dimension] += 1
                if index[dimension] < extent[dimension] { break }
                index[dimension] = 0
                dimension -= 1
            }
            if dimension < 0 { return }
        }
    }
}
