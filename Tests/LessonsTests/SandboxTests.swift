import Foundation
import Testing

@testable import Lessons

/// Graded code that tries to get out, run as whoever runs the tests (root in CI): each attempt is
/// refused or contained, the grade is a plain failure or a time-out, and nothing outside changes.
///
/// Each probe is a learner's `step` that makes one attempt, prints `ATTACK-OK` if it worked and
/// `ATTACK-REFUSED` with the reason if it did not, then returns a wrong answer.
@Suite("The sandbox holds", .serialized)
struct SandboxTests {
    struct Attack: CustomTestStringConvertible, Sendable {
        var name: String
        /// The body of `step`, in Swift; `#PATH#` is replaced by the test's own file or socket.
        var body: String
        var testDescription: String { name }
    }

    /// The probe's source: `body` with two helpers to report what happened.
    static func probe(_ body: String) -> String {
        """
        import Foundation
        func worked(_ what: String) { print("ATTACK-OK", what) }
        func refused(_ what: String) { print("ATTACK-REFUSED", what, String(cString: strerror(errno))) }
        func step(_ z: Float) -> Float {
        \(body)
            return -1
        }
        """
    }

    static let attacks: [Attack] = [
        Attack(
            name: "remount / read-write",
            body: """
                if mount("none", "/", nil, 32 | 4096, nil) == 0 { worked("remount") } else { refused("remount") }
                if mount("none", "/usr", nil, 32 | 4096, nil) == 0 { worked("remount /usr") } else { refused("remount /usr") }
                """),
        Attack(
            name: "unmount the private /tmp and /proc",
            body: """
                if umount2("/tmp", 2) == 0 { worked("umount /tmp") } else { refused("umount /tmp") }
                if umount2("/proc", 2) == 0 { worked("umount /proc") } else { refused("umount /proc") }
                """),
        Attack(
            name: "write /proc/sys/kernel/core_pattern",
            body: """
                let fd = open("/proc/sys/kernel/core_pattern", O_WRONLY)
                if fd >= 0 && write(fd, "|/tmp/x", 7) == 7 { worked("core_pattern") } else { refused("core_pattern") }
                """),
        Attack(
            name: "write outside /tmp",
            body: """
                for path in ["/x", "/usr/x", "/grader/x", "/etc/x", "/dev/shm/x"] {
                    if creat(path, 0o644) >= 0 { worked(path) } else { refused(path) }
                }
                """),
        Attack(
            name: "connect to a Unix socket it was given the path of",
            body: """
                let path = "#PATH#"
                let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                var address = sockaddr_un()
                address.sun_family = sa_family_t(AF_UNIX)
                _ = withUnsafeMutableBytes(of: &address.sun_path) { bytes in
                    path.utf8CString.withUnsafeBytes { bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(bytes.count))) }
                }
                let result = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
                }
                if result == 0 { worked("connect") } else { refused("connect") }
                for shared in ["/run", "/var/run", "/tmp/.X11-unix"] {
                    if access(shared, F_OK) == 0 { worked(shared) } else { refused(shared) }
                }
                """),
        Attack(
            name: "read a reference solution",
            body: """
                if let text = FileManager.default.contents(atPath: "#PATH#") { worked("read \\(text.count) bytes") }
                else { refused("read the solution") }
                """),
        Attack(
            name: "append to progress.txt",
            body: """
                let fd = open("#PATH#", O_WRONLY | O_APPEND | O_CREAT, 0o644)
                if fd >= 0 && write(fd, "1.1 passed\\n", 11) == 11 { worked("append") } else { refused("append") }
                """),
        Attack(
            name: "fork 10,000 children",
            body: """
                var started = 0
                for _ in 0 ..< 10_000 {
                    var pid: pid_t = 0
                    let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/usr/bin/sleep"), strdup("600"), nil]
                    if posix_spawn(&pid, "/usr/bin/sleep", nil, nil, argv, nil) != 0 { break }
                    started += 1
                }
                if started == 10_000 { worked("10000 children") } else { errno = EAGAIN; refused("child \\(started + 1)") }
                """),
        Attack(
            name: "fill /tmp with 4 GB",
            body: """
                let chunk = [UInt8](repeating: 7, count: 1 << 20)
                var written = 0
                var file = 0
                outer: while written < 4 << 30 {
                    let fd = open("/tmp/fill-\\(file)", O_WRONLY | O_CREAT, 0o644)
                    file += 1
                    if fd < 0 { break }
                    for _ in 0 ..< 256 {
                        if write(fd, chunk, chunk.count) != chunk.count { close(fd); break outer }
                        written += chunk.count
                    }
                    close(fd)
                }
                if written >= 4 << 30 { worked("4 GB") } else { refused("after \\(written >> 20) MiB") }
                """),
    ]

    /// The sandbox of this machine, and as root the other way of making one too.
    static var sandboxes: [Sandbox] {
        guard let current = Sandbox.current else { return [] }
        guard getuid() == 0 else { return [current] }
        var other = current
        other.isolation = current.isolation == .userNamespace ? .rootDropsUser : .userNamespace
        return [current, other]
    }

    @Test("Each attack is refused or contained", arguments: attacks, [0, 1])
    func attack(_ attack: Attack, sandboxIndex: Int) throws {
        try #require(
            Sandbox.current != nil, "bubblewrap is missing or cannot run here: scripts/install-system-packages")
        guard sandboxIndex < Self.sandboxes.count else { return }
        let sandbox = Self.sandboxes[sandboxIndex]
        let project = ExerciseTests.project
        let step = ExerciseTests.stepFunction
        // What the attack is pointed at, and what must be the same afterwards.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let progress = scratch.appendingPathComponent("progress.txt")
        try "0.1 passed\n".write(to: progress, atomically: true, encoding: .utf8)
        let socket = try ListeningSocket(path: scratch.appendingPathComponent("agent.sock").path)
        let target =
            switch attack.name {
            case "read a reference solution": project.solution(step).path
            case "append to progress.txt": progress.path
            default: socket.path
            }
        let corePattern = try? String(contentsOfFile: "/proc/sys/kernel/core_pattern", encoding: .utf8)
        let tag = "sandbox-probe-\(UUID().uuidString)"

        var grader = try ExerciseTests.grader(timeLimit: .seconds(8))
        grader.sandboxed = true
        grader.sandbox = sandbox
        try FileManager.default.createDirectory(at: project.workspace, withIntermediateDirectories: true)
        let file = project.workspace.appendingPathComponent("\(tag).swift")
        try Self.probe(attack.body.replacingOccurrences(of: "#PATH#", with: target))
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (outcome, printed) = try grader.gradeShowingOutput(step, source: file)

        switch outcome {
        case .failed, .timedOut: break
        default: Issue.record("expected a failed check or a time-out in \(sandbox.isolation), got \(outcome)")
        }
        #expect(printed.contains("ATTACK-REFUSED"), "the probe did not run: \(printed)")
        #expect(!printed.contains("ATTACK-OK"), "\(sandbox.isolation): \(printed)")
        #expect(try String(contentsOf: progress, encoding: .utf8) == "0.1 passed\n")
        #expect((try? String(contentsOfFile: "/proc/sys/kernel/core_pattern", encoding: .utf8)) == corePattern)
        #expect(!socket.wasConnected)
        #expect(GraderHardeningTests.live("/usr/bin/sleep 600").isEmpty)
    }

    @Test("A project copied with cp -a grades correct answers as passed, compiled before or after the copy")
    func copiedProject() throws {
        let original = ExerciseTests.project
        let step = ExerciseTests.stepFunction
        // Compiled here first, so that the copy finds the program in its cache.
        #expect(try ExerciseTests.grader().grade(step, source: original.solution(step)) == .passed)

        // A folder only its owner may enter, as /root or a fresh mktemp -d is: as root, the
        // sandbox's own user cannot reach it, and the grader's files must be staged.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("copied-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: copy, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: copy) }
        let parts = ["Package.swift", "Sources", "content", ".build-grader"].map {
            original.root.appendingPathComponent($0).path
        }
        let run = try ChildProcess(
            executable: URL(fileURLWithPath: "/bin/cp"), arguments: ["-a"] + parts + [copy.path],
            timeLimit: .seconds(120)
        ).run()
        try #require(run.ending == .exited(0), "cp -a failed: \(run.errorOutput)")

        let project = Project(root: copy, workspace: copy.appendingPathComponent("exercises"))
        let grader = ExerciseGrader(project: project, timeLimit: .seconds(30))
        try grader.prepare { Issue.record("the copy rebuilt the grader: \($0)") }
        #expect(try grader.grade(step, source: project.solution(step)) == .passed)
        // A text never compiled before, so compiled in the copy against its own library.
        try FileManager.default.createDirectory(at: project.workspace, withIntermediateDirectories: true)
        let fresh = project.workspace.appendingPathComponent("1.1-step-function.swift")
        try "// \(UUID().uuidString)\nfunc step(_ z: Float) -> Float { z > 0 ? 1 : 0 }\n"
            .write(to: fresh, atomically: true, encoding: .utf8)
        #expect(try grader.grade(step, source: fresh) == .passed)
    }

    @Test("A program that cannot start shows the loader's own words")
    func loaderMessage() {
        let errorOutput =
            "/grader/exercises/1.1-abc: error while loading shared libraries: libExerciseKit.so: "
            + "cannot open shared object file: No such file or directory\n"
        let run = ChildProcess.Outcome(ending: .exited(127), output: "", errorOutput: errorOutput, channel: Data())
        let outcome = ExerciseGrader.outcome(
            of: run, token: "t", source: URL(fileURLWithPath: "/x/1.1-step.swift"),
            timeLimit: .seconds(10))
        guard case .crashed(let reason) = outcome else {
            Issue.record("expected a crash, got \(outcome)")
            return
        }
        #expect(reason.contains("libExerciseKit.so: cannot open shared object file"))
    }

    @Test("Only the newest compiled programs of an exercise are kept")
    func pruning() throws {
        let project = ExerciseTests.project
        let step = ExerciseTests.stepFunction
        let grader = try ExerciseTests.grader()
        try FileManager.default.createDirectory(at: project.workspace, withIntermediateDirectories: true)
        for version in 0..<ExerciseGrader.programsKept + 2 {
            let file = project.workspace.appendingPathComponent("prune-\(version)-\(UUID().uuidString).swift")
            try "// \(UUID().uuidString)\nfunc step(_ z: Float) -> Float { \(version) > 99 ? z : -1 }\n"
                .write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            _ = try grader.grade(step, source: file)
        }
        let programs = try FileManager.default.contentsOfDirectory(atPath: grader.programFolder.path)
            .filter { $0.hasPrefix("\(step.id)-") && !$0.contains(".partial-") }
        #expect(programs.count == ExerciseGrader.programsKept, "\(programs)")
    }

    @Test("Graded programs get only the environment they need")
    func environment() {
        let host = [
            "SSH_AUTH_SOCK": "/run/user/0/agent", "XDG_RUNTIME_DIR": "/run/user/0", "API_TOKEN": "secret",
            "OPENBLAS_CORETYPE": "Haswell", "PATH": "/root/bin:/usr/bin",
        ]
        let environment = ExerciseGrader.environment(memoryLimit: 1 << 30, from: host)
        #expect(environment["SSH_AUTH_SOCK"] == nil && environment["XDG_RUNTIME_DIR"] == nil)
        #expect(environment["API_TOKEN"] == nil)
        #expect(environment["OPENBLAS_CORETYPE"] == "Haswell")
        #expect(environment["PATH"] == "/usr/bin:/bin")
    }

    @Test(
        "The sandbox binds no host folder but the system's, the runtime's and the files it is given",
        arguments: [(Sandbox.Isolation.userNamespace, true), (.userNamespace, false), (.rootDropsUser, true)])
    func bindings(isolation: Sandbox.Isolation, asRoot: Bool) throws {
        let sandbox = Sandbox(
            bubblewrap: URL(fileURLWithPath: "/usr/bin/bwrap"), isolation: isolation,
            toolchainFolders: ["/opt/swift/usr/lib/swift/linux"])
        let program = URL(fileURLWithPath: "/home/learner/project/.build-grader/exercises/p")
        let wrapped = sandbox.wrap(
            ChildProcess(executable: URL(fileURLWithPath: "/grader/exercises/p")),
            bindings: [.init(source: program, target: "/grader/exercises/p")], asRoot: asRoot)
        let arguments = wrapped.arguments
        #expect(arguments.contains(["--ro-bind", program.path, "/grader/exercises/p"]))
        #expect(sandbox.runsAsOtherUser(asRoot: asRoot) == (asRoot && isolation == .userNamespace))
        var sources: [String] = []
        for (index, argument) in arguments.enumerated() where argument.hasSuffix("bind") {
            sources.append(arguments[index + 1])
        }
        let system = [
            "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc/ld.so.cache",
            "/etc/alternatives", "/opt/swift/usr/lib/swift/linux", program.path,
        ]
        #expect(sources.allSatisfy(system.contains), "binds \(sources)")
        #expect(!arguments.contains("--bind") && !arguments.contains("--dev-bind"))
        #expect(arguments.contains(["--cap-drop", "ALL"]))
        #expect(arguments.contains { $0.hasPrefix("--nproc=") })
        #expect(arguments.contains(["--size", "\(64 << 20)", "--tmpfs", "/tmp"]))
        switch isolation {
        case .userNamespace:
            #expect(arguments.contains("--unshare-user") && arguments.contains("--disable-userns"))
            // Root leaves root before bubblewrap starts.
            #expect((wrapped.executable.path == Sandbox.setpriv) == asRoot)
        case .rootDropsUser:
            #expect(arguments.contains(Sandbox.setpriv) && arguments.contains("--bounding-set=-all"))
        }
    }
}

/// A Unix socket listening at `path`, as an agent or a desktop bus would, that remembers whether
/// anything connected.
final class ListeningSocket {
    let path: String
    private let descriptor: Int32

    init(path: String) throws {
        self.path = path
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { bytes in
            path.utf8CString.withUnsafeBytes {
                bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(bytes.count)))
            }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
    }

    /// Whether a connection is waiting to be accepted.
    var wasConnected: Bool {
        let client = accept(descriptor, nil, nil)
        if client >= 0 { close(client) }
        return client >= 0
    }

    deinit { close(descriptor) }
}

@Suite("The grader's library")
struct GraderLibraryTests {
    @Test("Counts as stale when a source changes in a folder at any depth")
    func nestedSources() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("library-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("Sources/NNKit/Layers/Dense.swift")
        try FileManager.default.createDirectory(
            at: nested.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try "".write(to: nested, atomically: true, encoding: .utf8)
        let later = Date().addingTimeInterval(3600)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: nested.path)
        let grader = ExerciseGrader(project: Project(root: root))
        let newest = try #require(grader.newestSource())
        #expect(abs(newest.timeIntervalSince(later)) < 1)
    }
}
