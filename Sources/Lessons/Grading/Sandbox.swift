import Foundation

/// Where a graded program runs: inside bubblewrap when it is installed and works here, else in
/// a plain process group.
///
/// In the sandbox the program sees the whole system and the project read-only, writes only to a
/// private `/tmp` (its working folder), has no network, and lives in a PID namespace of its own
/// that dies with it and with `lesson` (`--unshare-pid --die-with-parent`): it can neither edit
/// a check or a reference solution nor leave a process behind.
enum Sandbox {
    /// bubblewrap's program, when it is installed and can make the namespaces it needs.
    static let bubblewrap: URL? = {
        let candidates = ["/usr/bin/bwrap", "/usr/local/bin/bwrap"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let url = URL(fileURLWithPath: path)
        let probe = try? ChildProcess(executable: url, arguments: arguments(running: URL(fileURLWithPath: "/bin/true")),
                                      timeLimit: .seconds(10)).run()
        return probe?.ending == .exited(0) ? url : nil
    }()

    /// What to tell the learner, once, when the sandbox is missing.
    static var missingNote: String { Words.shared("grade.noSandbox") }

    /// bubblewrap's arguments to run `program`, with `visible` folders (the project, say) seen
    /// read-only even where they lie under `/tmp`.
    static func arguments(running program: URL, _ programArguments: [String] = [],
                          visible: [URL] = []) -> [String] {
        ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
            + visible.flatMap { ["--ro-bind", $0.path, $0.path] }
            + ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
         "--die-with-parent", "--new-session", "--chdir", "/tmp", "--setenv", "TMPDIR", "/tmp",
         "--", program.path] + programArguments
    }

    /// `process` changed to run inside the sandbox, when there is one.
    static func wrap(_ process: ChildProcess, visible: [URL]) -> ChildProcess {
        guard let bubblewrap else { return process }
        var wrapped = process
        wrapped.executable = bubblewrap
        wrapped.arguments = arguments(running: process.executable, process.arguments, visible: visible)
        wrapped.workingDirectory = nil
        return wrapped
    }
}
