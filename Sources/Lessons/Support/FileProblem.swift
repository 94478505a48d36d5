import Foundation

/// What is wrong with a path, in a few plain words, from the system's own error: "there is no
/// such file", "it is a folder", "the disk is full", "too many levels of symbolic links".
public enum FileProblem {
    /// The reason behind a Foundation or POSIX `error` about `url`.
    public static func reason(for error: any Error, at url: URL) -> String {
        let nsError = error as NSError
        let posix =
            (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
                $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil
            } ?? (nsError.domain == NSPOSIXErrorDomain ? Int32(nsError.code) : nil)
        if let posix { return reason(errno: posix) }
        switch nsError.code {
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return Words.shared("reason.noFile")
        case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return Words.shared("reason.permission")
        case NSFileWriteOutOfSpaceError: return Words.shared("reason.diskFull")
        case NSFileWriteVolumeReadOnlyError: return Words.shared("reason.readOnly")
        case NSFileReadUnknownError: return probe(url) ?? "the system would not give its contents"
        default: return probe(url) ?? nsError.localizedDescription
        }
    }

    /// The reason for a POSIX error number, said for a learner.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return Words.shared("reason.noFileOrFolder")
        case EISDIR: return Words.shared("reason.isFolder")
        case ENOTDIR: return Words.shared("reason.notFolder")
        case EACCES, EPERM: return Words.shared("reason.permission")
        case ENOSPC, EDQUOT: return Words.shared("reason.diskFull")
        case EROFS: return Words.shared("reason.readOnly")
        case ELOOP: return "too many levels of symbolic links (a link loop?)"
        case ENAMETOOLONG: return "the name is too long"
        default: return String(cString: strerror(code))
        }
    }

    /// Asks the system directly what is wrong with reading `url`, when an error did not say.
    static func probe(_ url: URL) -> String? {
        var info = stat()
        if stat(url.path, &info) != 0 { return reason(errno: errno) }
        if info.st_mode & S_IFMT == S_IFDIR { return reason(errno: EISDIR) }
        if info.st_mode & S_IFMT != S_IFREG { return "it is not a regular file (a pipe, a device or a socket)" }
        return nil
    }
}

extension FileProblem {
    /// Creates `folder` (and its parents) unless it exists; a clear error otherwise, naming it.
    public static func createFolder(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LessonError.cannotWrite(path: folder.path, reason: "it is a file, not a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LessonError.cannotWrite(
                path: folder.path,
                reason: "the folder cannot be created ("
                    + reason(for: error, at: folder) + ")")
        }
    }

    /// Writes a file that must not exist yet; fails rather than replace one.
    public static func createNewFile(_ url: URL, contents: Data) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LessonError.cannotWrite(path: url.path, reason: reason(errno: errno)) }
        defer { close(fd) }
        let complete = contents.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        if !complete {
            let problem = reason(errno: errno)
            unlink(url.path)
            throw LessonError.cannotWrite(path: url.path, reason: problem)
        }
    }
}

extension FileProblem {
    /// The bytes of `url`, or an error naming the file and saying plainly what is wrong.
    public static func read(_ url: URL) throws -> Data {
        if let problem = probe(url) { throw LessonError.unreadable(path: url.path, reason: problem) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LessonError.unreadable(path: url.path, reason: probe(url) ?? reason(for: error, at: url))
        }
    }
}

extension FileProblem {
    /// Throws, saying why, unless a file can be written at `file` now: its name is not too long
    /// for the file system, its folder exists, the path is not a folder, and a file can be
    /// created beside it (checked by creating one).
    public static func checkCanWrite(file: URL) throws {
        let bytes = file.lastPathComponent.utf8.count
        let folderLimit = pathconf(file.deletingLastPathComponent().path, Int32(_PC_NAME_MAX))
        let limit = folderLimit > 0 ? folderLimit : Int(NAME_MAX)
        if bytes > limit {
            throw LessonError.cannotWrite(
                path: file.path,
                reason: "its name is \(bytes) bytes long, more than the "
                    + "\(limit) a file name can have here; choose a shorter name")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LessonError.cannotWrite(path: file.path, reason: "it is a folder; give a file name")
        }
        let folder = file.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw LessonError.cannotWrite(path: file.path, reason: "the folder \(folder.path) does not exist")
        }
        guard isDirectory.boolValue else {
            throw LessonError.cannotWrite(path: file.path, reason: "\(folder.path) is a file, not a folder")
        }
        try probeWriting(in: folder, for: file)
    }

    /// Throws, saying why, unless `folder` exists and can be written, or can be created.
    public static func checkCanWrite(folder: URL) throws {
        var existing = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isDirectory) {
            let parent = existing.deletingLastPathComponent()
            if parent.path == existing.path { break }
            existing = parent
        }
        guard isDirectory.boolValue else {
            throw LessonError.cannotWrite(path: folder.path, reason: "\(existing.path) is a file, not a folder")
        }
        try probeWriting(in: existing, for: folder)
    }

    private static func probeWriting(in folder: URL, for target: URL) throws {
        let probe = folder.appendingPathComponent(".lesson-write-check-\(UUID().uuidString)")
        let fd = open(probe.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw LessonError.cannotWrite(
                path: target.path, reason: "nothing can be written in \(folder.path) (\(reason(errno: errno)))")
        }
        close(fd)
        unlink(probe.path)
    }
}
