internal import CHDF5
import Foundation

/// Reading a dataset of a weights file: its shape, type and storage first, then its values,
/// each way of storing them checked against the declared shape before a byte is read.
extension HDF5File {
    /// How a dataset's values lie in the file.
    enum Layout: Equatable {
        /// In one piece (Keras's datasets), or in the dataset's header (small ones).
        case contiguous, compact
        /// In chunks of `chunk` values, each through `filters`, in the order they were applied
        /// when writing.
        case chunked(chunk: [Int], filters: [Filter])
        /// Elsewhere: another file, or other datasets.
        case external, virtual

        /// One step of HDF5's filter pipeline: its number, its name and its settings.
        struct Filter: Equatable {
            var id: Int32
            var name: String
            var values: [UInt32]
        }
    }

    /// A dataset's shape, element type and storage, read before any of its values.
    struct DatasetInfo {
        var shape: [Int]
        /// "float32", or what it is instead ("float64", "int64", "a string", …).
        var type: String
        /// Bytes per element in the file.
        var elementBytes: Int
        /// Whether the elements are IEEE float32 of standard layout, and in which byte order
        /// (nil for any other type).
        var float32Order: H5T_order_t?
        /// Bytes the file stores for it.
        var storedBytes: Int
        var layout: Layout
        /// The chunks the file stores, when it is chunked.
        var storedChunks: Int?

        /// Why it cannot be read here (stored in another file, virtual), or nil.
        var refusal: String? {
            switch layout {
            case .external: return "its data is stored in another file"
            case .virtual: return "it is a virtual dataset"
            default: return nil
            }
        }
    }

    /// A dataset opened once, with what it declares.
    struct Dataset {
        let handle: Handle
        let path: String
        let info: DatasetInfo
    }

    /// The dataset at `path` (reached through hard links, as `links(of:)` reports them), open.
    func dataset(at path: String) throws -> Dataset {
        let object = Handle(
            try Self.check(H5Oopen(file.id, path, nnkit_h5p_default()), "\(label) cannot open \(path)"),
            close: H5Oclose)
        guard H5Iget_type(object.id) == H5I_DATASET else {
            throw HDF5Failure(problem: "\(label)'s \(path) is not a dataset")
        }
        return Dataset(handle: object, path: path, info: try datasetInfo(object, path))
    }

    func datasetInfo(at path: String) throws -> DatasetInfo {
        try dataset(at: path).info
    }

    private func datasetInfo(_ dataset: Handle, _ path: String) throws -> DatasetInfo {
        let space = Handle(
            try Self.check(H5Dget_space(dataset.id), "\(label) cannot read \(path)'s shape"),
            close: H5Sclose)
        let rank = H5Sget_simple_extent_ndims(space.id)
        guard rank >= 0, rank <= 32 else { throw Self.fail("\(label) cannot read \(path)'s shape") }
        var dimensions = [hsize_t](repeating: 0, count: Int(rank))
        guard H5Sget_simple_extent_dims(space.id, &dimensions, nil) == rank else {
            throw Self.fail("\(label) cannot read \(path)'s shape")
        }
        let shape = dimensions.map { Int(clamping: $0) }

        let type = Handle(
            try Self.check(H5Dget_type(dataset.id), "\(label) cannot read \(path)'s type"),
            close: H5Tclose)
        let size = H5Tget_size(type.id)
        let typeName: String
        switch H5Tget_class(type.id) {
        case H5T_FLOAT: typeName = "float\(size * 8)"
        case H5T_INTEGER: typeName = H5Tget_sign(type.id) == H5T_SGN_NONE ? "uint\(size * 8)" : "int\(size * 8)"
        case H5T_STRING: typeName = "a string"
        default: typeName = "a compound or other non-numeric type"
        }
        let order: H5T_order_t? =
            H5Tequal(type.id, nnkit_h5t_ieee_f32le()) > 0
            ? H5T_ORDER_LE
            : H5Tequal(type.id, nnkit_h5t_ieee_f32be()) > 0 ? H5T_ORDER_BE : nil

        let creation = Handle(
            try Self.check(H5Dget_create_plist(dataset.id), "\(label) cannot read \(path)'s layout"),
            close: H5Pclose)
        var info = DatasetInfo(
            shape: shape, type: typeName, elementBytes: size, float32Order: order,
            storedBytes: Int(clamping: H5Dget_storage_size(dataset.id)),
            layout: try layout(creation, rank: Int(rank), path))
        if case .chunked = info.layout {
            var chunks: hsize_t = 0
            try Self.check(H5Dget_num_chunks(dataset.id, space.id, &chunks), "\(label) cannot read \(path)'s chunks")
            info.storedChunks = Int(clamping: chunks)
        }
        return info
    }

    private func layout(_ creation: Handle, rank: Int, _ path: String) throws -> Layout {
        if H5Pget_external_count(creation.id) != 0 { return .external }
        switch H5Pget_layout(creation.id) {
        case H5D_COMPACT: return .compact
        case H5D_CONTIGUOUS: return .contiguous
        case H5D_VIRTUAL: return .virtual
        case H5D_CHUNKED: break
        default: throw Self.fail("\(label) cannot read \(path)'s layout")
        }
        var chunk = [hsize_t](repeating: 0, count: max(rank, 1))
        let chunkRank = H5Pget_chunk(creation.id, Int32(chunk.count), &chunk)
        guard chunkRank >= 0 else { throw Self.fail("\(label) cannot read \(path)'s chunks") }
        let filterCount = H5Pget_nfilters(creation.id)
        guard filterCount >= 0, filterCount <= 32 else { throw Self.fail("\(label) cannot read \(path)'s filters") }
        var filters: [Layout.Filter] = []
        for index in 0..<UInt32(filterCount) {
            var flags: UInt32 = 0
            var values = [UInt32](repeating: 0, count: 8)
            var valueCount = values.count
            var configuration: UInt32 = 0
            var name = [CChar](repeating: 0, count: 256)
            let id = H5Pget_filter2(creation.id, index, &flags, &valueCount, &values, name.count, &name, &configuration)
            guard id >= 0 else { throw Self.fail("\(label) cannot read \(path)'s filters") }
            let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let settings = Array(values.prefix(min(valueCount, values.count)))
            filters.append(Layout.Filter(id: id, name: text, values: settings))
        }
        return .chunked(
            chunk: chunk.prefix(Int(min(chunkRank, Int32(chunk.count)))).map { Int(clamping: $0) },
            filters: filters)
    }

    /// The filters a chunked dataset may pass through, in the order h5py applies them when
    /// writing: shuffle, then deflate (gzip), each at most once. NNKit undoes them itself (see
    /// `readFilteredChunks`), never inflating a chunk past its size.
    static let acceptedFilters: [Int32] = [Int32(H5Z_FILTER_SHUFFLE), Int32(H5Z_FILTER_DEFLATE)]

    /// Why the values of a dataset of `info` cannot be read safely, or nil: its layout, its
    /// chunks and its filters are checked against its declared shape before a byte is read. A
    /// chunk larger than the dataset itself, a missing chunk, a filter other than shuffle and
    /// deflate, or fewer bytes than the values need (uncompressed) is refused.
    func storageProblem(_ info: DatasetInfo) -> String? {
        if let refusal = info.refusal { return refusal }
        let shape = Self.shapeText(info.shape)
        guard let count = info.shape.checkedProduct, let needed = count.multipliedExactly(by: info.elementBytes) else {
            return "its shape \(shape) holds more values than can be counted"
        }
        let short =
            "it stores \(info.storedBytes) bytes, but its \(shape) values need \(needed) "
            + "(is the file truncated?)"
        guard case .chunked(let chunk, let filters) = info.layout else {
            // Contiguous or compact: the values in one piece, uncompressed.
            return info.storedBytes >= needed ? nil : short
        }
        guard chunk.count == info.shape.count, zip(chunk, info.shape).allSatisfy({ $0 >= 1 && $0 <= $1 }) else {
            return "it is stored in chunks of \(Self.shapeText(chunk)) values, which do not fit inside its own "
                + "\(shape); a chunk is never larger than its dataset"
        }
        // Every chunk covering the extent must be there: a missing one would read as zeros.
        let covering = zip(info.shape, chunk).reduce(1) { $0 * (($1.0 + $1.1 - 1) / $1.1) }
        if let stored = info.storedChunks, stored != covering {
            return "it stores \(stored) of the \(covering) chunks of \(Self.shapeText(chunk)) values its "
                + "\(shape) values need (is the file truncated?)"
        }
        if let other = filters.first(where: { !Self.acceptedFilters.contains($0.id) }) {
            let name = other.name.isEmpty ? "number \(other.id)" : "'\(other.name)' (number \(other.id))"
            return "it is stored through the filter \(name); NNKit reads datasets stored plainly or through "
                + "shuffle and deflate (gzip)"
        }
        let ids = filters.map(\.id)
        guard ids == Self.acceptedFilters.filter(ids.contains) else {
            return "its filters (\(filters.map(\.name).joined(separator: ", "))) are not in h5py's order "
                + "(shuffle, then deflate, each once)"
        }
        if !filters.isEmpty {
            guard info.float32Order != nil else {
                return "it is compressed, and NNKit reads compressed datasets of IEEE float32 only, not \(info.type)"
            }
            if let shuffle = filters.first(where: { $0.id == Int32(H5Z_FILTER_SHUFFLE) }),
                shuffle.values.first != UInt32(info.elementBytes)
            {
                let size = shuffle.values.first.map(String.init) ?? "no"
                return "its shuffle filter is set for elements of \(size) bytes, not its own \(info.elementBytes)"
            }
        } else if info.storedBytes < needed {
            return short
        }
        return nil
    }

    /// `6×5`, as messages write a dataset's shape.
    static func shapeText(_ shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }

    /// The dataset's values as float32, `count` of them (checked by the caller against its
    /// shape), once `storageProblem` finds nothing amiss. Compressed chunks are undone by
    /// `readFilteredChunks`, never by HDF5's own filters (whose inflate grows its buffer for as
    /// long as the stream goes on, so a chunk of a few kilobytes could ask for gigabytes).
    func readFloats(_ dataset: Dataset, count: Int) throws -> [Float] {
        let (info, path) = (dataset.info, dataset.path)
        if let problem = storageProblem(info) {
            throw HDF5Failure(problem: "\(label)'s \(path) cannot be read: \(problem)")
        }
        guard info.shape.checkedProduct == count else {
            throw HDF5Failure(problem: "\(label)'s \(path) holds \(Self.shapeText(info.shape)) values, not \(count)")
        }
        if case .chunked(let chunk, let filters) = info.layout, !filters.isEmpty {
            return try readFilteredChunks(dataset.handle, info: info, chunk: chunk, filters: filters, path: path)
        }
        var values = [Float](repeating: 0, count: count)
        if count == 0 { return values }
        try values.withUnsafeMutableBytes { buffer in
            try Self.check(
                H5Dread(
                    dataset.handle.id, nnkit_h5t_native_float(), nnkit_h5s_all(), nnkit_h5s_all(),
                    nnkit_h5p_default(), buffer.baseAddress),
                "\(label) cannot read \(path)'s values (is it truncated?)")
        }
        return values
    }
}
