internal import CLibzip
import Foundation

/// A problem with a zip archive, in words.
struct ZipFailure: Error {
    let problem: String
}

/// Reading and writing zip archives through libzip, as Keras's `.keras` files are: a few
/// entries read whole into memory, each size checked before anything is allocated.
enum ZipArchive {
    /// An entry's uncompressed size beyond which it must be no more than `maximumExpansion`
    /// times its stored size, as Keras refuses decompression bombs.
    static let expansionCheckFloor = 1 << 20
    static let maximumExpansion = 1000

    /// libzip's words for `code`: "Not a zip archive", "Premature end of file".
    private static func reason(code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    private static func reason(_ archive: OpaquePointer) -> String {
        String(cString: zip_error_strerror(zip_get_error(archive)))
    }

    /// The entries `names` of the archive at `path` (each nil when absent), every one at most
    /// `limits[name]` bytes. A damaged archive, an entry over its limit, one that expands far
    /// beyond its stored size, or one whose data does not match its checksum is thrown.
    static func read(_ path: String, entries names: [String], limits: [String: Int]) throws -> [String: Data] {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            if code == ZIP_ER_EXISTS, let name = duplicateEntry(path) {
                throw ZipFailure(
                    problem: "it holds the entry \(name) twice, and which of the two counts is not "
                        + "certain (a zip archive holds each name once), so it is refused")
            }
            throw ZipFailure(problem: "it is not a readable zip archive (\(reason(code: code)))")
        }
        defer { zip_discard(archive) }
        var result: [String: Data] = [:]
        for name in names {
            let index = zip_name_locate(archive, name, 0)
            guard index >= 0 else { continue }
            var stat = zip_stat_t()
            guard zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0 else {
                throw ZipFailure(problem: "its entry \(name) cannot be read (\(reason(archive)))")
            }
            let limit = limits[name] ?? expansionCheckFloor
            guard stat.size <= UInt64(limit) else {
                throw ZipFailure(
                    problem: "its entry \(name) declares \(stat.size) bytes, more than the \(limit) this reader takes")
            }
            let size = Int(stat.size)
            if size > expansionCheckFloor && stat.size / max(stat.comp_size, 1) >= UInt64(maximumExpansion) {
                throw ZipFailure(
                    problem: "its entry \(name) declares \(size) bytes but stores only \(stat.comp_size): "
                        + "it would expand more than \(maximumExpansion) times, so it is refused as a zip bomb")
            }
            guard let entry = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
                throw ZipFailure(problem: "its entry \(name) cannot be opened (\(reason(archive)))")
            }
            defer { zip_fclose(entry) }
            var data = Data(count: size)
            var filled = 0
            // Read to the end (one byte more than declared), so that libzip checks the CRC and a
            // lying size is caught.
            var spare: UInt8 = 0
            while true {
                let count: zip_int64_t
                if filled < size {
                    count = data.withUnsafeMutableBytes { buffer in
                        guard let base = buffer.baseAddress else { return -1 }
                        return zip_fread(entry, base + filled, zip_uint64_t(size - filled))
                    }
                } else {
                    count = zip_fread(entry, &spare, 1)
                    if count > 0 {
                        throw ZipFailure(problem: "its entry \(name) holds more bytes than its header declares")
                    }
                }
                if count < 0 {
                    throw ZipFailure(
                        problem:
                            "its entry \(name) is damaged (\(String(cString: zip_error_strerror(zip_file_get_error(entry))))); is the file truncated?"
                    )
                }
                if count == 0 { break }
                filled += Int(count)
            }
            guard filled == size else {
                throw ZipFailure(
                    problem:
                        "its entry \(name) holds \(filled) bytes, not the \(size) its header declares; is the file truncated?"
                )
            }
            result[name] = data
        }
        return result
    }

    /// The first name the archive at `path` holds twice, or nil (libzip refuses such an archive
    /// as inconsistent; opened without that check, it lists both).
    private static func duplicateEntry(_ path: String) -> String? {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else { return nil }
        defer { zip_discard(archive) }
        var seen: Set<String> = []
        for index in 0..<max(zip_get_num_entries(archive, 0), 0) {
            guard let name = zip_get_name(archive, zip_uint64_t(index), 0) else { continue }
            let text = String(cString: name)
            if !seen.insert(text).inserted { return text }
        }
        return nil
    }

    /// Writes a new archive at `path` holding `entries` in their order, stored (uncompressed)
    /// as Keras stores them, or deflated when `compressed`.
    static func write(_ entries: [(name: String, data: Data)], to path: String, compressed: Bool = false) throws {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ZipFailure(problem: "it cannot be created (\(reason(code: code)))")
        }
        var closed = false
        defer { if !closed { zip_discard(archive) } }
        for (name, data) in entries {
            // libzip reads the bytes when the archive is closed, and frees this copy itself.
            guard let copy = malloc(max(data.count, 1)) else {
                throw ZipFailure(problem: "there is not enough memory to write it")
            }
            data.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
            }
            guard let source = zip_source_buffer(archive, copy, zip_uint64_t(data.count), 1) else {
                free(copy)
                throw ZipFailure(problem: "its entry \(name) cannot be added (\(reason(archive)))")
            }
            let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                throw ZipFailure(problem: "its entry \(name) cannot be added (\(reason(archive)))")
            }
            guard
                zip_set_file_compression(archive, zip_uint64_t(index), compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0)
                    == 0
            else {
                throw ZipFailure(problem: "its entry \(name) cannot be stored (\(reason(archive)))")
            }
        }
        guard zip_close(archive) == 0 else {
            throw ZipFailure(problem: "it cannot be written (\(reason(archive)))")
        }
        closed = true
    }
}
