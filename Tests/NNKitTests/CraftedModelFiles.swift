import CHDF5
import CZlib
import Foundation

@testable import NNKit

/// Model files made in code for the hardening tests: Keras configs as JSON text, HDF5 weights
/// files written through HDF5's C API (chunked, filtered, raw chunks as given), and `.keras`
/// archives around them, including archives no zip writer would make.
enum CraftedModelFiles {
    // MARK: config.json

    /// One layer as Keras writes it in config.json; `options` are the members of its `config`
    /// besides its name, as JSON text (`"units": 2, "activation": "relu"`).
    static func layer(_ className: String, name: String, _ options: String = "") -> String {
        let members = ["\"name\": \(JSONValue.string(name).text)"] + (options.isEmpty ? [] : [options])
        return #"{"module": "keras.layers", "class_name": \#(JSONValue.string(className).text), "#
            + #""config": {\#(members.joined(separator: ", "))}}"#
    }

    /// A Sequential model's config.json: an InputLayer of `inputShape`, then `layers`.
    static func config(
        inputShape: [Int], _ layers: [String], name: String = "sequential",
        compileConfig: String = "null"
    ) -> String {
        let shape = "[null, " + inputShape.map(String.init).joined(separator: ", ") + "]"
        let input = layer("InputLayer", name: "input_layer", "\"batch_shape\": \(shape)")
        return #"{"module": "keras", "class_name": "Sequential", "config": {"name": \#(JSONValue.string(name).text), "#
            + #""layers": [\#(([input] + layers).joined(separator: ", "))]}, "compile_config": \#(compileConfig)}"#
    }

    // MARK: HDF5

    /// One dataset to write: its shape, its values (none: the dataset is created but nothing is
    /// written), and how it is stored.
    struct Dataset {
        var shape: [Int]
        var values: [Float]?
        /// Chunk dimensions, or nil for a contiguous dataset.
        var chunk: [Int]?
        /// Dimensions that may grow (HDF5's unlimited), which lets a chunk be larger than the data.
        var unlimited = false
        /// HDF5 filter numbers with their settings, in the order they apply when writing.
        var filters: [(id: Int32, values: [UInt32])] = []
        /// Chunks written as they are, bypassing the filters: (chunk offset, filter mask, bytes).
        /// With raw chunks, an external file or `unwritten`, no values are written.
        var rawChunks: [(offset: [Int], filterMask: UInt32, bytes: Data)] = []
        /// Big-endian float32 in the file (HDF5 converts when writing).
        var bigEndian = false
        /// Stored in the dataset's header (HDF5's compact layout) rather than contiguously.
        var compact = false
        /// Stored in this file on disk rather than in the HDF5 file.
        var external: String?

        init(
            shape: [Int], values: [Float]? = nil, chunk: [Int]? = nil, unlimited: Bool = false,
            filters: [(id: Int32, values: [UInt32])] = [],
            rawChunks: [(offset: [Int], filterMask: UInt32, bytes: Data)] = [],
            bigEndian: Bool = false, compact: Bool = false, external: String? = nil, unwritten: Bool = false
        ) {
            self.shape = shape
            self.values = values ?? (rawChunks.isEmpty && external == nil && !unwritten ? Self.counting(shape) : nil)
            self.chunk = chunk
            self.unlimited = unlimited
            self.filters = filters
            self.rawChunks = rawChunks
            self.bigEndian = bigEndian
            self.compact = compact
            self.external = external
        }

        /// 0, 0.1, …, 0.6, 0, … : values that show where each one landed.
        static func counting(_ shape: [Int]) -> [Float] {
            (0..<shape.reduce(1, *)).map { Float($0 % 7) / 10 }
        }
    }

    /// What the HDF5 file holds: groups (created in order, parents first), datasets, and
    /// string attributes `name` on groups.
    struct HDF5Contents {
        var groups: [String] = []
        var datasets: [(path: String, dataset: Dataset)] = []
        var names: [(path: String, value: String)] = []
    }

    struct HDF5Error: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of an HDF5 file holding `contents`, written in memory through HDF5's C API with
    /// the library to itself (NNKit's lock).
    static func hdf5(_ contents: HDF5Contents) throws -> Data {
        try HDF5File.withLibrary {
            func check(_ value: Int64, _ what: String) throws -> Int64 {
                guard value >= 0 else { throw HDF5Error(description: "cannot \(what)") }
                return value
            }
            let access = try check(H5Pcreate(nnkit_h5p_file_access()), "make a property list")
            defer { H5Pclose(access) }
            _ = H5Pset_fapl_core(access, 1 << 16, false)
            let name = "crafted-\(UUID().uuidString).h5"
            let file = try check(H5Fcreate(name, nnkit_h5f_acc_trunc(), nnkit_h5p_default(), access), "create a file")
            defer { H5Fclose(file) }
            for path in contents.groups {
                let (none, group) = (nnkit_h5p_default(), path)
                H5Gclose(try check(H5Gcreate2(file, group, none, none, none), "create \(path)"))
            }
            for (path, dataset) in contents.datasets {
                try write(dataset, at: path, in: file)
            }
            for (path, value) in contents.names {
                let object = try check(H5Oopen(file, path, nnkit_h5p_default()), "open \(path)")
                defer { H5Oclose(object) }
                let type = H5Tcopy(nnkit_h5t_c_s1())
                defer { H5Tclose(type) }
                H5Tset_size(type, nnkit_h5t_variable())
                let space = H5Screate(H5S_SCALAR)
                defer { H5Sclose(space) }
                let none = nnkit_h5p_default()
                let attribute = try check(H5Acreate2(object, "name", type, space, none, none), "name \(path)")
                defer { H5Aclose(attribute) }
                try value.withCString { text in
                    var pointer: UnsafePointer<CChar>? = text
                    _ = try check(Int64(H5Awrite(attribute, type, &pointer)), "name \(path)")
                }
            }
            _ = try check(Int64(H5Fflush(file, H5F_SCOPE_GLOBAL)), "flush")
            let size = H5Fget_file_image(file, nil, 0)
            var data = Data(count: max(size, 0))
            _ = data.withUnsafeMutableBytes { H5Fget_file_image(file, $0.baseAddress, size) }
            return data
        }
    }

    private static func write(_ dataset: Dataset, at path: String, in file: hid_t) throws {
        var dimensions = dataset.shape.map { hsize_t($0) }
        var limits = dataset.shape.map { dataset.unlimited ? hsize_t.max : hsize_t($0) }
        let space = H5Screate_simple(Int32(dimensions.count), &dimensions, &limits)
        defer { H5Sclose(space) }
        let creation = H5Pcreate(nnkit_h5p_dataset_create())
        defer { H5Pclose(creation) }
        if var chunk = dataset.chunk.map({ $0.map { hsize_t($0) } }) {
            guard H5Pset_chunk(creation, Int32(chunk.count), &chunk) >= 0 else {
                throw HDF5Error(description: "HDF5 refuses chunks \(dataset.chunk ?? []) for \(path)")
            }
        }
        if dataset.compact { H5Pset_layout(creation, H5D_COMPACT) }
        if let external = dataset.external {
            H5Pset_external(creation, external, 0, hsize_t(dataset.shape.reduce(4, *)))
        }
        for (id, values) in dataset.filters {
            let mandatory = UInt32(H5Z_FLAG_MANDATORY)
            guard H5Pset_filter(creation, H5Z_filter_t(id), mandatory, values.count, values) >= 0 else {
                throw HDF5Error(description: "HDF5 refuses filter \(id) for \(path)")
            }
        }
        let type = dataset.bigEndian ? nnkit_h5t_ieee_f32be() : nnkit_h5t_ieee_f32le()
        let id = H5Dcreate2(file, path, type, space, nnkit_h5p_default(), creation, nnkit_h5p_default())
        guard id >= 0 else { throw HDF5Error(description: "cannot create \(path)") }
        defer { H5Dclose(id) }
        if let values = dataset.values {
            guard
                values.withUnsafeBytes({
                    H5Dwrite(
                        id, nnkit_h5t_native_float(), nnkit_h5s_all(), nnkit_h5s_all(),
                        nnkit_h5p_default(), $0.baseAddress)
                }) >= 0
            else {
                throw HDF5Error(description: "cannot write \(path)")
            }
        }
        for (offset, mask, bytes) in dataset.rawChunks {
            var start = offset.map { hsize_t($0) }
            let status = bytes.withUnsafeBytes {
                H5Dwrite_chunk(id, nnkit_h5p_default(), mask, &start, $0.count, $0.baseAddress)
            }
            guard status >= 0 else {
                throw HDF5Error(description: "cannot write a chunk of \(path)")
            }
        }
    }

    /// Keras's weights file for layers keyed `keys` (`dense`, `dense_1`, …) holding `weights`
    /// (per key, its datasets `0`, `1`, … in order).
    static func kerasWeights(_ layers: [(key: String, weights: [Dataset])]) throws -> Data {
        var contents = HDF5Contents(groups: ["layers", "vars"])
        for (key, weights) in layers {
            contents.groups += ["layers/\(key)", "layers/\(key)/vars"]
            contents.names.append(("layers/\(key)/vars", key))
            for (index, weight) in weights.enumerated() {
                contents.datasets.append(("layers/\(key)/vars/\(index)", weight))
            }
        }
        return try hdf5(contents)
    }

    /// `bytes` deflated by zlib, as HDF5's deflate filter stores a chunk.
    static func deflated(_ bytes: Data) -> Data {
        var length = compressBound(uLong(bytes.count))
        var output = Data(count: Int(length))
        output.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                _ = compress2(
                    target.baseAddress!.assumingMemoryBound(to: Bytef.self), &length,
                    source.baseAddress!.assumingMemoryBound(to: Bytef.self), uLong(bytes.count), 9)
            }
        }
        return output.prefix(Int(length))
    }

    /// A zlib stream of `mebibytes` MiB of zeros, made without holding them: one MiB deflated
    /// with a full flush (so the block stands alone), repeated, then the end and the checksum.
    /// About a kilobyte per MiB: 1 GiB of zeros in a megabyte.
    static func deflatedZeros(mebibytes: Int) -> Data {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var stream = z_stream()
        _ = deflateInit_(&stream, 9, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        func run(_ flush: Int32, input: [UInt8]) -> Data {
            var input = input
            var output = [UInt8](repeating: 0, count: 1 << 16)
            return input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    stream.next_in = source.baseAddress
                    stream.avail_in = uInt(source.count)
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    _ = deflate(&stream, flush)
                    return Data(target.prefix(target.count - Int(stream.avail_out)))
                }
            }
        }
        let first = run(Z_FULL_FLUSH, input: zeros)
        let block = run(Z_FULL_FLUSH, input: zeros)
        var result = first
        for _ in 2..<max(mebibytes, 2) { result.append(block) }
        result.append(block)
        var end = run(Z_FINISH, input: [])
        // The checksum zlib wrote covers two MiB; the stream holds `mebibytes`.
        let one = zeros.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
        var checksum = one
        for _ in 1..<max(mebibytes, 2) { checksum = adler32_combine(checksum, one, 1 << 20) }
        let trailer = withUnsafeBytes(of: UInt32(checksum).bigEndian) { Data($0) }
        end.replaceSubrange(end.count - 4..<end.count, with: trailer)
        result.append(end)
        return result
    }

    static func floats(_ values: [Float]) -> Data {
        values.withUnsafeBytes { Data($0) }
    }

    // MARK: .keras

    /// A `.keras` file at a new temporary path holding `entries` as given (stored, in order).
    static func keras(_ entries: [(name: String, data: Data)], name: String = "crafted.keras") throws -> URL {
        let url = ModelFileTests.temporaryFile(name)
        try ZipArchive.write(entries, to: url.path)
        return url
    }

    /// A `.keras` file of `config` and the weights file `weights`, with Keras's metadata.json.
    static func keras(config: String, weights: Data, name: String = "crafted.keras") throws -> URL {
        try keras(
            [
                ("metadata.json", Data(#"{"keras_version": "3.15.1"}"#.utf8)), ("config.json", Data(config.utf8)),
                ("model.weights.h5", weights),
            ], name: name)
    }

    /// The small model most cases start from: 3 inputs, `Dense(2, relu)`, and its weights.
    static let denseConfig = config(
        inputShape: [3],
        [
            layer("Dense", name: "dense", #""units": 2, "activation": "relu""#)
        ])

    static func denseWeights(
        kernel: Dataset = Dataset(shape: [3, 2]),
        bias: Dataset? = Dataset(shape: [2])
    ) throws -> Data {
        try kerasWeights([("dense", [kernel] + (bias.map { [$0] } ?? []))])
    }
}
