import Foundation

/// Writing a file so that a reader sees the old contents or the new, never half of either:
/// write a temporary file beside it, then rename over it. On any failure (a full disk, a folder
/// that cannot be written) the temporary file is removed and the old file is left as it was.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw LessonError.cannotWrite(path: url.path, reason: FileProblem.reason(for: error, at: temporary))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LessonError.cannotWrite(path: url.path, reason: reason)
        }
    }
}
