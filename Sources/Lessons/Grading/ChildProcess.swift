import Foundation

/// Runs a program in its own process under a time limit and, where the shell can set one, a
/// memory limit, reading its output while it runs so that a chatty program cannot block on a
/// full pipe. Output beyond `outputLimit` bytes per stream is dropped.
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
    }

    var executable: URL
    var arguments: [String] = []
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var workingDirectory: URL?
    var timeLimit: Duration = .seconds(10)
    /// Address-space limit in bytes, or nil for none.
    var memoryLimit: Int?
    var outputLimit = 256 * 1024

    func run() throws -> Outcome {
        let process = Process()
        if let memoryLimit {
            // sh's ulimit applies to the program it then becomes with exec.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimit / 1024) 2>/dev/null; exec \"$0\" \"$@\"",
                                 executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.environment = environment
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let output = Pipe()
        let errorOutput = Pipe()
        process.standardOutput = output
        process.standardError = errorOutput
        process.standardInput = FileHandle.nullDevice

        let outputReader = StreamReader(output.fileHandleForReading, limit: outputLimit)
        let errorReader = StreamReader(errorOutput.fileHandleForReading, limit: outputLimit)
        try process.run()
        outputReader.start()
        errorReader.start()

        let deadline = ContinuousClock.now + timeLimit
        var timedOut = false
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        let ending: Outcome.Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Outcome(ending: ending, output: outputReader.finish(), errorOutput: errorReader.finish())
    }
}

/// Reads one pipe to its end on a thread of its own, keeping at most `limit` bytes.
private final class StreamReader: @unchecked Sendable {
    private let handle: FileHandle
    private let limit: Int
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, limit: Int) {
        self.handle = handle
        self.limit = limit
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the end of the stream and returns what was kept, as text.
    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
