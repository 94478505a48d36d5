internal import CHDF5
import Foundation

/// A problem with an HDF5 file, in words: what could not be done, and HDF5's own reason.
struct HDF5Failure: Error {
    let problem: String
}

/// An HDF5 file held in memory (HDF5's core driver, nothing on disk), read from bytes or
/// written and then given as bytes: what Keras's `model.weights.h5` and `.weights.h5` are.
///
/// Debian's serial HDF5 is not safe to call from two threads at once, so every use goes
/// through `HDF5File.withLibrary`, one at a time, and no handle outlives it. HDF5 prints its
/// error stack to stderr by default; that is switched off, and each failure is thrown with
/// HDF5's innermost message.
final class HDF5File {
    let file: Handle
    let label: String

    private static let lock = NSLock()
    private static let setUp: Bool = {
        _ = H5open()
        _ = H5Eset_auto2(nnkit_h5e_default(), nil, nil)
        return true
    }()

    /// Runs `body` with the HDF5 library to itself.
    static func withLibrary<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = setUp
        return try body()
    }

    /// An HDF5 identifier closed by `close` when released.
    final class Handle {
        let id: hid_t
        private let close: (hid_t) -> herr_t

        init(_ id: hid_t, close: @escaping (hid_t) -> herr_t) {
            self.id = id
            self.close = close
        }

        deinit { _ = close(id) }
    }

    private init(file: Handle, label: String) {
        self.file = file
        self.label = label
    }

    /// HDF5's most specific message for the last failure (then cleared), such as "truncated
    /// file: eof = 96, sblock->base_addr = 0, stored_eof = 2048".
    static func lastError() -> String {
        var messages: [String] = []
        _ = withUnsafeMutablePointer(to: &messages) { pointer in
            H5Ewalk2(
                nnkit_h5e_default(), H5E_WALK_DOWNWARD,
                { _, error, context in
                    if let description = error?.pointee.desc, let context {
                        context.assumingMemoryBound(to: [String].self).pointee.append(String(cString: description))
                    }
                    return 0
                }, pointer)
        }
        _ = H5Eclear2(nnkit_h5e_default())
        return messages.last(where: { !$0.isEmpty }) ?? "no reason given"
    }

    static func fail(_ problem: String) -> HDF5Failure {
        HDF5Failure(problem: "\(problem) (\(lastError()))")
    }

    static func check(_ id: hid_t, _ problem: @autoclosure () -> String) throws -> hid_t {
        guard id >= 0 else { throw fail(problem()) }
        return id
    }

    static func check(_ status: herr_t, _ problem: @autoclosure () -> String) throws {
        guard status >= 0 else { throw fail(problem()) }
    }

    /// A file-access list for HDF5's in-memory driver, never writing to disk.
    private static func memoryAccess() throws -> Handle {
        let access = Handle(try check(H5Pcreate(nnkit_h5p_file_access()), "cannot set up HDF5"), close: H5Pclose)
        try check(H5Pset_fapl_core(access.id, 1 << 16, false), "cannot set up HDF5's in-memory driver")
        return access
    }

    /// Opens `image`, the bytes of an HDF5 file, for reading. `label` names it in messages.
    static func reading(_ image: Data, label: String) throws -> HDF5File {
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]
        guard image.count >= 8, Array(image.prefix(8)) == signature else {
            throw HDF5Failure(problem: "\(label) is not an HDF5 file (it does not start with HDF5's signature)")
        }
        let access = try memoryAccess()
        try image.withUnsafeBytes { bytes in
            // HDF5 copies the image.
            try check(
                H5Pset_file_image(access.id, UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count),
                "\(label) cannot be handed to HDF5")
        }
        let id = try check(
            H5Fopen("nnkit-\(UUID().uuidString).h5", nnkit_h5f_acc_rdonly(), access.id),
            "\(label) is not a readable HDF5 file")
        return HDF5File(file: Handle(id, close: H5Fclose), label: label)
    }

    /// A new, empty file in memory; `bytes()` gives its contents once written.
    static func writing(label: String) throws -> HDF5File {
        let access = try memoryAccess()
        let id = try check(
            H5Fcreate("nnkit-\(UUID().uuidString).h5", nnkit_h5f_acc_trunc(), nnkit_h5p_default(), access.id),
            "cannot create \(label)")
        return HDF5File(file: Handle(id, close: H5Fclose), label: label)
    }

    /// The whole file as bytes, flushed.
    func bytes() throws -> Data {
        try Self.check(H5Fflush(file.id, H5F_SCOPE_GLOBAL), "cannot complete \(label)")
        let size = H5Fget_file_image(file.id, nil, 0)
        guard size > 0 else { throw Self.fail("cannot complete \(label)") }
        var data = Data(count: size)
        let copied = data.withUnsafeMutableBytes { H5Fget_file_image(file.id, $0.baseAddress, size) }
        guard copied == size else { throw Self.fail("cannot complete \(label)") }
        return data
    }

    // MARK: Reading

    /// What a path leads to: nothing, a group, a dataset, or something a Keras file never has
    /// (a soft or external link, a named type).
    enum Entry: Equatable {
        case missing, group, dataset, other(String)
    }

    /// What `path` (such as `layers/dense/vars/0`) is. Each step must be a hard link: a soft or
    /// external link (which could point at another file on disk) is reported, never followed.
    func entry(at path: String) throws -> Entry {
        var location = "/"
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part != ".", part != ".." else { return .other("an invalid path") }
            let next = location == "/" ? "/\(part)" : "\(location)/\(part)"
            let exists = H5Lexists(file.id, next, nnkit_h5p_default())
            if exists < 0 { throw Self.fail("\(label) cannot be read at \(next)") }
            if exists == 0 { return .missing }
            var info = H5L_info_t()
            try Self.check(H5Lget_info(file.id, next, &info, nnkit_h5p_default()), "\(label) cannot be read at \(next)")
            guard info.type == H5L_TYPE_HARD else { return .other("a soft or external link") }
            location = next
        }
        let object = Handle(
            try Self.check(H5Oopen(file.id, location, nnkit_h5p_default()), "\(label) cannot open \(path)"),
            close: H5Oclose)
        switch H5Iget_type(object.id) {
        case H5I_GROUP: return .group
        case H5I_DATASET: return .dataset
        default: return .other("neither a group nor a dataset")
        }
    }

    /// The most links a group may have: far beyond any model's layers.
    static let memberLimit = 1 << 20

    /// A link in a group: its name, and whether it is a hard link (a soft or external one could
    /// point at another file on disk, and is never followed).
    struct Link: Equatable {
        var name: String
        var isHard: Bool
    }

    /// The links in the group at `path`, in name order. One pass over the group (asking for the
    /// links one index at a time would make HDF5 walk or sort the group anew for each,
    /// quadratic in a model of many layers).
    func links(of path: String) throws -> [Link] {
        let group = Handle(
            try Self.check(H5Gopen2(file.id, path, nnkit_h5p_default()), "\(label) cannot open the group \(path)"),
            close: H5Gclose)
        var info = H5G_info_t()
        try Self.check(H5Gget_info(group.id, &info), "\(label) cannot list the group \(path)")
        guard info.nlinks <= UInt64(Self.memberLimit) else {
            throw HDF5Failure(
                problem: "\(label)'s group \(path) claims \(info.nlinks) members, "
                    + "more than the \(Self.memberLimit) this reader takes")
        }
        final class Found { var links: [Link] = [] }
        let found = Found()
        var index: hsize_t = 0
        let status = withExtendedLifetime(found) {
            H5Literate(
                group.id, H5_INDEX_NAME, H5_ITER_INC, &index,
                { _, name, info, context in
                    guard let name, let info, let context else { return -1 }
                    let found = Unmanaged<Found>.fromOpaque(context).takeUnretainedValue()
                    guard found.links.count < HDF5File.memberLimit else { return -1 }
                    let text = String(decoding: UnsafeRawBufferPointer(start: name, count: strlen(name)), as: UTF8.self)
                    found.links.append(Link(name: text, isHard: info.pointee.type == H5L_TYPE_HARD))
                    return 0
                }, Unmanaged.passUnretained(found).toOpaque())
        }
        guard status >= 0 else { throw Self.fail("\(label) cannot list the group \(path)") }
        return found.links.sorted { $0.name < $1.name }
    }

    /// The names of the links in the group at `path`, in name order.
    func members(of path: String) throws -> [String] {
        try links(of: path).map(\.name)
    }

    // MARK: Writing

    /// Creates the group `path` (its parent must exist).
    func createGroup(_ path: String) throws {
        _ = Handle(
            try Self.check(
                H5Gcreate2(file.id, path, nnkit_h5p_default(), nnkit_h5p_default(), nnkit_h5p_default()),
                "cannot create the group \(path) in \(label)"),
            close: H5Gclose)
    }

    /// Sets the UTF-8 string attribute `name` of the object at `path`, as h5py writes a Python
    /// `str`: a scalar of variable length.
    func setStringAttribute(_ name: String, _ value: String, at path: String) throws {
        let object = Handle(
            try Self.check(H5Oopen(file.id, path, nnkit_h5p_default()), "cannot open \(path) in \(label)"),
            close: H5Oclose)
        let type = Handle(try Self.check(H5Tcopy(nnkit_h5t_c_s1()), "cannot make a string type"), close: H5Tclose)
        try Self.check(H5Tset_size(type.id, nnkit_h5t_variable()), "cannot make a string type")
        try Self.check(H5Tset_cset(type.id, H5T_CSET_UTF8), "cannot make a string type")
        let space = Handle(try Self.check(H5Screate(H5S_SCALAR), "cannot make a dataspace"), close: H5Sclose)
        let attribute = Handle(
            try Self.check(
                H5Acreate2(object.id, name, type.id, space.id, nnkit_h5p_default(), nnkit_h5p_default()),
                "cannot create the attribute \(name) of \(path) in \(label)"),
            close: H5Aclose)
        try value.withCString { text in
            var pointer: UnsafePointer<CChar>? = text
            try Self.check(
                H5Awrite(attribute.id, type.id, &pointer), "cannot write the attribute \(name) of \(path) in \(label)")
        }
    }

    /// Writes `values` as a float32 dataset of `shape` at `path`, stored contiguously as Keras's
    /// datasets are.
    func writeFloats(_ values: [Float], shape: [Int], at path: String) throws {
        var dimensions = shape.map { hsize_t($0) }
        let space = Handle(
            try Self.check(H5Screate_simple(Int32(shape.count), &dimensions, nil), "cannot make a dataspace"),
            close: H5Sclose)
        let dataset = Handle(
            try Self.check(
                H5Dcreate2(
                    file.id, path, nnkit_h5t_ieee_f32le(), space.id, nnkit_h5p_default(),
                    nnkit_h5p_default(), nnkit_h5p_default()),
                "cannot create the dataset \(path) in \(label)"),
            close: H5Dclose)
        try values.withUnsafeBytes { buffer in
            try Self.check(
                H5Dwrite(
                    dataset.id, nnkit_h5t_native_float(), nnkit_h5s_all(), nnkit_h5s_all(),
                    nnkit_h5p_default(), buffer.baseAddress),
                "cannot write the dataset \(path) in \(label)")
        }
    }
}
