import Foundation

/// Where a graded program runs: inside bubblewrap when it is installed and works here, else in
/// a plain process group.
///
/// The sandbox is built from nothing, as Flatpak builds its own: an empty root holding only what
/// the program needs to start, all of it read-only.
/// - `/usr` (and the `/bin`, `/lib` links into it), the loader's cache and `/etc/alternatives`
///   (which names the BLAS library), the Swift runtime and its backtracer;
/// - the one compiled exercise and the grader's library, under `/grader`;
/// - a fresh `/dev` (read-only) and `/proc`, and a private `/tmp` of at most `tmpBytes`, the only place it
///   can write.
///
/// Nothing else of the host is there: not the project (no reference solution, no other check,
/// no `progress.txt`), not `/home`, `/root`, `/run` or any Unix socket. It has no network, its
/// own process, IPC and host-name namespaces, and dies with `lesson` (`--die-with-parent`).
///
/// It has no capabilities and is not root, whoever runs `lesson`. Where the kernel lets an
/// ordinary user make a user namespace (`Isolation.userNamespace`), bubblewrap runs as an ordinary
/// user (as root, `setpriv` first turns it into a user id of its own run that owns nothing on the
/// system) and puts the program in a user namespace of its own with every capability dropped
/// (`--unshare-user --disable-userns --cap-drop ALL`). Where it does not
/// (`Isolation.rootDropsUser`, root only), bubblewrap runs as root keeping only the capabilities
/// to change user, and `setpriv` inside turns the program into such a user id, with an empty
/// bounding set and `no_new_privs`.
///
/// `prlimit` bounds what it makes: at most `processes` processes and threads (a fork bomb stops
/// there), no core files. When bubblewrap runs as another user than `lesson` (root leaving
/// root), the program and the grader's library are first staged (`Staging`) in a folder that
/// user can reach, since the project's own folders need not be readable by others.
struct Sandbox: Sendable {
    enum Isolation: Sendable {
        /// bubblewrap as an ordinary user, the program in a user namespace of its own.
        case userNamespace
        /// bubblewrap as root, the program turned into an unprivileged user inside it.
        case rootDropsUser
    }

    /// bubblewrap's program.
    var bubblewrap: URL
    var isolation: Isolation
    /// Host folders the program reads, bound read-only at the same path: the Swift runtime.
    var toolchainFolders: [String]
    /// The size of the private `/tmp`.
    var tmpBytes = 64 << 20
    /// Processes and threads the program may have at once.
    var processes = 256

    /// Where the program and the grader's library appear inside the sandbox.
    static let graderFolder = "/grader"

    /// The sandbox of this machine, when bubblewrap is installed and can make the namespaces it
    /// needs; nil otherwise (see `missingNote`).
    static let current: Sandbox? = {
        let candidates = ["/usr/bin/bwrap", "/usr/local/bin/bwrap"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
            FileManager.default.isExecutableFile(atPath: prlimit),
            FileManager.default.isExecutableFile(atPath: setpriv)
        else { return nil }
        let folders = toolchainFolders()
        let isolations: [Isolation] = getuid() == 0 ? [.userNamespace, .rootDropsUser] : [.userNamespace]
        for isolation in isolations {
            let sandbox = Sandbox(
                bubblewrap: URL(fileURLWithPath: path), isolation: isolation, toolchainFolders: folders)
            let probe = ChildProcess(
                executable: URL(fileURLWithPath: "/usr/bin/true"),
                environment: ["PATH": "/usr/bin:/bin"], timeLimit: .seconds(10))
            if (try? sandbox.wrap(probe, bindings: []).run())?.ending == .exited(0) { return sandbox }
        }
        return nil
    }()

    /// What to tell the learner, once, when the sandbox is missing.
    static var missingNote: String { Words.shared("grade.noSandbox") }

    static let prlimit = "/usr/bin/prlimit"
    static let setpriv = "/usr/bin/setpriv"

    /// A file of the host, seen read-only at `target` inside.
    struct Binding: Sendable, Equatable {
        var source: URL
        var target: String
    }

    /// `process` changed to run inside the sandbox with `bindings` besides the system's.
    /// Its environment and descriptors are kept; its working folder becomes `/tmp`.
    func wrap(_ process: ChildProcess, bindings: [Binding], asRoot: Bool = getuid() == 0) -> ChildProcess {
        var wrapped = process
        wrapped.executable = bubblewrap
        wrapped.arguments = arguments(running: process.executable.path, process.arguments, bindings: bindings)
        wrapped.workingDirectory = nil
        if asRoot && isolation == .userNamespace {
            wrapped.executable = URL(fileURLWithPath: Self.setpriv)
            wrapped.arguments = Self.leavingRoot() + [bubblewrap.path] + wrapped.arguments
        }
        return wrapped
    }

    /// bubblewrap's arguments to run `program` (a path inside the sandbox), with the files
    /// and `bindings` besides the system's.
    func arguments(running program: String, _ programArguments: [String], bindings: [Binding]) -> [String] {
        var layout = Layout()
        layout.bindSystem()
        for folder in toolchainFolders { layout.bind(folder, at: folder) }
        for binding in bindings { layout.bind(binding.source.path, at: binding.target) }
        var arguments = layout.arguments
        // /dev read-only: its devices still work, and /dev/shm is no second, unbounded /tmp.
        arguments += [
            "--dev", "/dev", "--remount-ro", "/dev", "--proc", "/proc",
            "--perms", "1777", "--size", "\(tmpBytes)", "--tmpfs", "/tmp", "--remount-ro", "/",
        ]
        arguments += [
            "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--chdir", "/tmp", "--setenv", "TMPDIR", "/tmp",
            "--setenv", "HOME", "/tmp",
        ]
        var command = [Self.prlimit, "--nproc=\(processes)", "--core=0", "--"]
        switch isolation {
        case .userNamespace:
            arguments += ["--unshare-user", "--disable-userns", "--cap-drop", "ALL"]
        case .rootDropsUser:
            // bubblewrap runs as root and keeps only what setpriv needs to leave root for good.
            arguments += [
                "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
                "--cap-add", "CAP_SETPCAP",
            ]
            command += [Self.setpriv] + Self.leavingRoot()
        }
        return arguments + ["--"] + command + [program] + programArguments
    }

    /// setpriv's arguments to become a user id of this run's own, with no capability left to
    /// gain, ending with `--` before the command.
    static func leavingRoot() -> [String] {
        let user = runUserID()
        return [
            "--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all",
            "--no-new-privs", "--",
        ]
    }

    /// A user id that owns nothing here, one for each run, so that one run's processes never
    /// count against another's limit: a high id no account uses (system accounts sit below
    /// 65,536, and systemd's containers from 524,288 to 1,878,982,656).
    static func runUserID() -> UInt32 {
        0x7000_0000 + UInt32.random(in: 0..<0x0100_0000)
    }

    /// The folders of the Swift runtime programs compiled here load (`libswiftCore.so`), and of
    /// the backtracer that names a crash's line: bound read-only when they lie outside `/usr`.
    static func toolchainFolders() -> [String] {
        guard
            let outcome = try? ChildProcess(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: ["swiftc", "-print-target-info"],
                timeLimit: .seconds(30)
            ).run(),
            outcome.ending == .exited(0),
            let info = try? JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any],
            let paths = info["paths"] as? [String: Any]
        else { return [] }
        var folders = (paths["runtimeLibraryPaths"] as? [String]) ?? []
        if let resources = paths["runtimeResourcePath"] as? String {
            // <toolchain>/usr/lib/swift → <toolchain>/usr/libexec/swift, where swift-backtrace lives.
            folders.append(
                URL(fileURLWithPath: resources).deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("libexec/swift").path)
        }
        return folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            .filter { !$0.hasPrefix("/usr/") && FileManager.default.fileExists(atPath: $0) }
    }

    /// The mounts that make the sandbox's root, in order: each folder a mount needs is made
    /// first, readable by all (bubblewrap would make it private to root).
    struct Layout {
        private(set) var arguments: [String] = []
        private var made: Set<String> = ["/"]

        /// `/usr` and the links or folders beside it that programs expect, the loader's cache and
        /// the alternatives it resolves through.
        mutating func bindSystem() {
            bind("/usr", at: "/usr")
            for name in ["bin", "sbin", "lib", "lib32", "lib64", "libx32"] {
                let path = "/" + name
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                    arguments += ["--symlink", target, path]
                } else if FileManager.default.fileExists(atPath: path) {
                    bind(path, at: path)
                }
            }
            for path in ["/etc/ld.so.cache", "/etc/alternatives"] where FileManager.default.fileExists(atPath: path) {
                bind(path, at: path)
            }
        }

        mutating func bind(_ source: String, at target: String) {
            makeParents(of: target)
            arguments += ["--ro-bind", source, target]
            made.insert(target)
        }

        private mutating func makeParents(of target: String) {
            var path = ""
            for component in target.split(separator: "/").dropLast() {
                path += "/" + component
                if made.insert(path).inserted { arguments += ["--perms", "0755", "--dir", path] }
            }
        }
    }
}

extension Sandbox {
    /// Whether bubblewrap runs as another user than `lesson` (root leaving root first), who may
    /// not be able to reach files under the project.
    func runsAsOtherUser(asRoot: Bool = getuid() == 0) -> Bool {
        asRoot && isolation == .userNamespace
    }

    /// Files staged for one run in a folder of their own under `/tmp` that every user can read
    /// (but not change): hard links where the file system allows, copies otherwise. Removed by
    /// `remove()`.
    struct Staging {
        let folder: URL

        init() throws {
            let base =
                FileManager.default.isWritableFile(atPath: "/tmp")
                ? URL(fileURLWithPath: "/tmp") : FileManager.default.temporaryDirectory
            folder = base.appendingPathComponent("lesson-sandbox-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        }

        /// `file`, staged as `name`, readable and runnable by every user.
        func stage(_ file: URL, as name: String) throws -> URL {
            let staged = folder.appendingPathComponent(name)
            if link(file.path, staged.path) != 0 {
                try FileManager.default.copyItem(at: file, to: staged)
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staged.path)
            return staged
        }

        func remove() {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
