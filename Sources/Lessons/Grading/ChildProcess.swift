internal import CProcess
import Foundation

/// Runs a program in a process group of its own under a time limit and, when asked, a memory
/// limit, reading its output while it runs so that a chatty program cannot block on a full
/// pipe. Output beyond `outputLimit` bytes per stream is dropped.
///
/// When the program ends, by itself, at the time limit or because `lesson` was interrupted,
/// everything it started ends with it: its process group is killed, and so is every process
/// that still carries the run's mark in its environment (a child that left the group with
/// `setsid`, say). Output is then read for at most `drainTime`: a descendant holding the pipes
/// open is never waited for.
struct ChildProcess {
    struct Outcome {
        enum Ending: Equatable {
            case exited(Int32)
            case signalled(Int32)
            case timedOut
        }
        var ending: Ending
        var output: String
        var errorOutput: String
        /// What the program wrote on descriptor 3, when `opensChannel` is set.
        var channel: Data
    }

    var executable: URL
    var arguments: [String] = []
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var workingDirectory: URL?
    var timeLimit: Duration = .seconds(10)
    /// Address-space limit in bytes, or nil for none.
    var memoryLimit: Int?
    var outputLimit = 256 * 1024
    /// Gives the program descriptor 3, a pipe that nothing else writes to, and returns what
    /// arrives on it.
    var opensChannel = false
    /// Bytes the program can read on descriptor 4, a pipe closed after them (up to 4 KiB).
    var secret: Data?
    /// Ctrl-C, SIGTERM and SIGHUP kill the program's processes and end the run with
    /// `Interruption` (for a command line; a library leaves signals alone).
    var stopsOnInterrupt = false
    /// How long output is still read once the program has ended.
    var drainTime: Duration = .milliseconds(500)

    /// The environment variable that marks every process of one run.
    static let markKey = "LESSON_RUN_MARK"

    func run() throws -> Outcome {
        let mark = UUID().uuidString
        var environment = self.environment
        environment[Self.markKey] = mark

        let streams = [Stream(limit: outputLimit), Stream(limit: outputLimit), Stream(limit: outputLimit)]
        defer { for stream in streams { stream.close() } }
        var childEnds: [Int32] = []
        defer { for fd in childEnds { Glibc.close(fd) } }
        for index in 0..<(opensChannel ? 3 : 2) {
            var ends: [Int32] = [0, 0]
            let status = lesson_pipe(&ends)
            guard status == 0 else {
                throw GradingError.toolchain("Cannot create a pipe: \(String(cString: strerror(-status))).")
            }
            streams[index].fd = ends[0]
            childEnds.append(ends[1])
        }

        var secretReader: Int32 = -1
        var secretWriter: Int32?
        if secret != nil {
            var ends: [Int32] = [0, 0]
            let status = lesson_pipe(&ends)
            guard status == 0 else {
                throw GradingError.toolchain("Cannot create a pipe: \(String(cString: strerror(-status))).")
            }
            (secretReader, secretWriter) = (ends[0], ends[1])
            childEnds.append(ends[0])
        }
        let arguments = [executable.path] + self.arguments
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        let pid = withCStrings(arguments) { argv in
            withCStrings(environmentLines) { envp in
                lesson_spawn(
                    executable.path, argv, envp, workingDirectory?.path,
                    childEnds[0], childEnds[1], opensChannel ? childEnds[2] : -1, secretReader,
                    Int64(memoryLimit ?? 0))
            }
        }
        for fd in childEnds { Glibc.close(fd) }
        childEnds = []
        if let secretWriter {
            // Within a pipe's buffer, so this never blocks; then the reader sees its end.
            secret?.withUnsafeBytes { _ = Glibc.write(secretWriter, $0.baseAddress, $0.count) }
            Glibc.close(secretWriter)
        }
        guard pid > 0 else {
            throw GradingError.toolchain("Cannot start \(executable.path): \(String(cString: strerror(-pid))).")
        }
        if stopsOnInterrupt { lesson_guard_group(pid) }
        defer { if stopsOnInterrupt { lesson_guard_group(0) } }

        let deadline = ContinuousClock.now + timeLimit
        var status: Int32?
        var timedOut = false
        var interruption: Int32 = 0
        while true {
            Stream.read(streams, waitingAtMost: min(.milliseconds(20), max(.zero, deadline - .now)))
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid {
                status = raw
                break
            }
            if stopsOnInterrupt { interruption = lesson_take_interruption() }
            if interruption != 0 { break }
            if ContinuousClock.now >= deadline {
                timedOut = true
                break
            }
        }
        Self.endTree(leader: pid, reaped: status != nil, mark: mark)
        if status == nil {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
            status = raw
        }
        let drainDeadline = ContinuousClock.now + drainTime
        while streams.contains(where: \.isOpen) && ContinuousClock.now < drainDeadline {
            Stream.read(streams, waitingAtMost: drainDeadline - .now)
        }
        if stopsOnInterrupt && interruption == 0 { interruption = lesson_take_interruption() }
        if interruption != 0 { throw Interruption(signal: interruption) }

        let ending: Outcome.Ending
        let raw = status ?? 0
        if timedOut {
            ending = .timedOut
        } else if raw & 0x7f != 0 {
            ending = .signalled(raw & 0x7f)
        } else {
            ending = .exited((raw >> 8) & 0xff)
        }
        return Outcome(
            ending: ending, output: String(decoding: streams[0].data, as: UTF8.self),
            errorOutput: String(decoding: streams[1].data, as: UTF8.self),
            channel: streams[2].data)
    }

    /// Kills the process group led by `leader` and every process carrying `mark`, until none is
    /// left. A process that forks while it is being killed is caught on the next round.
    static func endTree(leader: pid_t, reaped: Bool, mark: String) {
        kill(-leader, SIGKILL)
        if !reaped { kill(leader, SIGKILL) }
        let needle = Array("\(markKey)=\(mark)".utf8)
        var killed: Set<pid_t> = []
        for _ in 0..<200 {
            let marked = markedProcesses(needle)
            if marked.isEmpty { break }
            for pid in marked { kill(pid, SIGKILL) }
            killed.formUnion(marked)
            usleep(5_000)
        }
        // Orphans came to this process (a child subreaper, see lesson_spawn): reap those killed,
        // and only those, so that none is left as a zombie.
        for pid in killed {
            var status: Int32 = 0
            for _ in 0..<100 where waitpid(pid, &status, WNOHANG) == 0 { usleep(1_000) }
        }
    }

    /// Live processes whose environment contains `needle` (a zombie's reads as empty).
    static func markedProcesses(_ needle: [UInt8]) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let own = getpid()
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard pid != own, let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                environment.count >= needle.count
            else { return false }
            return environment.withUnsafeBytes { bytes in
                bytes.firstRange(of: needle) != nil
            }
        }
    }

    /// One pipe read without blocking, keeping at most `limit` bytes.
    private final class Stream {
        var fd: Int32 = -1
        var data = Data()
        let limit: Int

        init(limit: Int) {
            self.limit = limit
        }

        var isOpen: Bool { fd >= 0 }

        func close() {
            if fd >= 0 { Glibc.close(fd) }
            fd = -1
        }

        /// Waits up to `timeout` for any open stream to have data, then reads what is there;
        /// a stream at its end is closed.
        static func read(_ streams: [Stream], waitingAtMost timeout: Duration) {
            let open = streams.filter(\.isOpen)
            let milliseconds = Int32(
                clamping: max(
                    0,
                    timeout.components.seconds * 1000
                        + timeout.components.attoseconds / 1_000_000_000_000_000))
            if open.isEmpty {
                usleep(UInt32(min(milliseconds, 20)) * 1000)
                return
            }
            var polls = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), milliseconds) > 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            for (stream, entry) in zip(open, polls) where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(stream.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if stream.data.count < stream.limit {
                        stream.data.append(contentsOf: buffer[0..<min(count, stream.limit - stream.data.count)])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    stream.close()
                }
            }
        }
    }
}

/// A run stopped by Ctrl-C (or SIGTERM, SIGHUP) before it ended; its processes are gone. A
/// command exits with status 128 + `signal`, as a shell reports a program a signal ended.
public struct Interruption: Error, CustomStringConvertible {
    public var signal: Int32
    public var description: String { Words.shared("grade.interrupted") }
}

/// Calls `body` with `strings` as a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
