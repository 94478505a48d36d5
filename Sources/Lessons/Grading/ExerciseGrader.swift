import Foundation

/// Grades an exercise: compiles the learner's file with its check program against
/// ExerciseKit (NNKit included), runs the result in its own process under a time and memory
/// limit, and reads the verdict the check wrote.
public struct ExerciseGrader: Sendable {
    public enum Outcome: Equatable, Sendable {
        case passed
        /// The first expectation that failed.
        case failed(given: String, expected: String, got: String)
        /// The compiler's messages, as it printed them.
        case doesNotCompile(String)
        /// The program stopped abnormally; the reason, e.g. "Fatal error: Index out of range".
        case crashed(String)
        case timedOut(seconds: Int)
        /// The learner's file could not be read; the reason, naming it.
        case unreadable(String)

        public var passed: Bool { self == .passed }
    }

    public let project: Project
    public var timeLimit: Duration
    /// The address space a graded program may use.
    public var memoryLimit: Int
    /// Run graded programs in bubblewrap when it is available (see `Sandbox`).
    public var sandboxed = true
    /// The sandbox graded programs run in when `sandboxed`: this machine's.
    var sandbox: Sandbox? = Sandbox.current
    /// Ctrl-C during a grade ends the graded program's processes and throws
    /// `Interruption` (set by the command line).
    public var stopsOnInterrupt = false

    /// Whether graded programs run in the sandbox here; when not, `Sandbox.missingNote` says why.
    public var hasSandbox: Bool { sandboxed && sandbox != nil }

    public init(project: Project, timeLimit: Duration = .seconds(10), memoryLimit: Int = 2 << 30) {
        self.project = project
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
    }

    var libraryFolder: URL { project.graderBuild.appendingPathComponent("release") }
    /// Compiled exercises, one program per exercise and text; the newest few of each are kept.
    var programFolder: URL { project.graderBuild.appendingPathComponent("exercises") }
    var library: URL { libraryFolder.appendingPathComponent("libExerciseKit.so") }

    /// Builds ExerciseKit (release) when it is missing or older than its sources; `announce`
    /// is told before a build starts, since the first one takes a while.
    public func prepare(announce: (String) -> Void = { _ in }) throws {
        if isLibraryCurrent() { return }
        try FileManager.default.createDirectory(at: project.graderBuild, withIntermediateDirectories: true)
        // One build at a time, across processes and threads: the next one finds it done.
        let lock = open(project.graderBuild.appendingPathComponent(".lock").path, O_CREAT | O_RDWR, 0o644)
        guard lock >= 0 else {
            throw GradingError.toolchain(
                "Cannot create \(project.graderBuild.path)/.lock: \(String(cString: strerror(errno))).")
        }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        defer { flock(lock, LOCK_UN) }
        if isLibraryCurrent() { return }
        announce(Words.shared("grade.preparing"))
        let outcome = try ChildProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: [
                "swift", "build", "-c", "release", "--product", "ExerciseKit",
                "--package-path", project.root.path, "--scratch-path", project.graderBuild.path,
            ],
            timeLimit: .seconds(1800)
        ).run()
        guard outcome.ending == .exited(0) else {
            throw GradingError.toolchain("Building the grader failed:\n\(outcome.output)\(outcome.errorOutput)")
        }
    }

    private func isLibraryCurrent() -> Bool {
        guard let built = modificationDate(library) else { return false }
        return newestSource().map { $0 <= built } ?? true
    }

    /// Grades `source` (the learner's file, or a reference solution) for `exercise`.
    public func grade(_ exercise: Exercise, source: URL) throws -> Outcome {
        try gradeShowingOutput(exercise, source: source).outcome
    }

    /// The same, with what the program printed on its standard output (a learner's `print`s).
    public func gradeShowingOutput(_ exercise: Exercise, source: URL) throws -> (outcome: Outcome, printed: String) {
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw GradingError.missingFile(source.path)
        }
        let program: URL
        switch try compile(exercise, source: source) {
        case .success(let compiled): program = compiled
        case .failure(let failure): return (.doesNotCompile(failure.messages), "")
        }
        // The verdict comes back on descriptor 3 with a token the program reads from descriptor 4
        // as it loads, before the learner's code runs (CExerciseChannel).
        let token = UUID().uuidString
        var process = ChildProcess(
            executable: program, environment: Self.environment(memoryLimit: memoryLimit),
            workingDirectory: FileManager.default.temporaryDirectory,
            timeLimit: timeLimit, memoryLimit: memoryLimit)
        process.opensChannel = true
        process.secret = Data(token.utf8)
        process.stopsOnInterrupt = stopsOnInterrupt
        let sandbox = sandboxed ? sandbox : nil
        var staging: Sandbox.Staging?
        defer { staging?.remove() }
        if let sandbox {
            var (programFile, libraryFile) = (program, library.resolvingSymlinksInPath())
            if sandbox.runsAsOtherUser() {
                // The sandbox's user may not reach the project's folders (under /root, say).
                let stage = try Sandbox.Staging()
                staging = stage
                programFile = try stage.stage(programFile, as: program.lastPathComponent)
                libraryFile = try stage.stage(libraryFile, as: library.lastPathComponent)
            }
            // The program finds the library through its run path, $ORIGIN/../release.
            let inside = "\(Sandbox.graderFolder)/exercises/\(program.lastPathComponent)"
            process.executable = URL(fileURLWithPath: inside)
            process = sandbox.wrap(
                process,
                bindings: [
                    .init(source: programFile, target: inside),
                    .init(source: libraryFile, target: "\(Sandbox.graderFolder)/release/\(library.lastPathComponent)"),
                ])
        }
        var run = try process.run()
        // bubblewrap reports a program a signal ended as exit status 128 + the signal, as a shell does.
        if sandbox != nil, case .exited(let status) = run.ending, (129...159).contains(status) {
            run.ending = .signalled(status - 128)
        }
        return (Self.outcome(of: run, token: token, source: source, timeLimit: timeLimit), run.output)
    }

    /// What a finished run means: the check's verdict on the channel, with the exit status.
    static func outcome(of run: ChildProcess.Outcome, token: String, source: URL, timeLimit: Duration) -> Outcome {
        let verdict = Verdict(channel: run.channel, token: token)
        switch run.ending {
        case .timedOut:
            return .timedOut(seconds: Int(timeLimit.components.seconds))
        case .exited(let status):
            switch verdict {
            case let verdict? where !verdict.passed:
                return .failed(given: verdict.given, expected: verdict.expected, got: verdict.got)
            case _? where status == 0:
                return .passed
            case _?:
                return .crashed(Words.shared("grade.reason.exitAfterPass", ["status": "\(status)"]))
            case nil:
                return .crashed(
                    Self.reason(in: run.errorOutput, learnerFile: source)
                        ?? Words.shared("grade.reason.exitBefore", ["status": "\(status)"]))
            }
        case .signalled(let signal):
            return .crashed(Self.reason(in: run.errorOutput, learnerFile: source) ?? Self.signalName(signal))
        }
    }

    /// The check's verdict, as ExerciseKit writes it: one JSON object on descriptor 3. Only the
    /// first one counts, and only with the run's token.
    struct Verdict: Decodable {
        var token: String
        var passed: Bool
        var given: String
        var expected: String
        var got: String

        init?(channel: Data, token: String) {
            guard let line = channel.split(separator: UInt8(ascii: "\n")).first,
                let verdict = try? JSONDecoder().decode(Verdict.self, from: Data(line)),
                verdict.token == token
            else { return nil }
            self = verdict
        }
    }

    /// Compiles (or reuses) the program for this exercise and exact source text.
    private func compile(_ exercise: Exercise, source: URL) throws -> Result<URL, CompileFailure> {
        let sourceText = try FileProblem.read(source)
        let checkText = try FileProblem.read(project.check(exercise))
        var hasher = StableHash()
        hasher.add(sourceText)
        hasher.add(checkText)
        hasher.add(Data("\(modificationDate(library)?.timeIntervalSince1970 ?? 0)".utf8))
        hasher.add(Data(Self.compileFlags.joined(separator: " ").utf8))
        let folder = programFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let program = folder.appendingPathComponent("\(exercise.id)-\(hasher.hex)")
        if FileManager.default.isExecutableFile(atPath: program.path) { return .success(program) }

        // A name of its own while compiling, renamed into place only once complete: a
        // half-written program is never run, and two graders never write the same file.
        let partial = program.path + ".partial-\(UUID().uuidString)"
        var arguments = ["swiftc"] + Self.compileFlags + searchPathArguments()
        arguments += [
            "-L", libraryFolder.path, "-lExerciseKit",
            // Relative, so that a moved or copied project still finds its library.
            "-Xlinker", "-rpath", "-Xlinker", "$ORIGIN/../release",
            source.path, project.check(exercise).path,
            "-o", partial,
        ]
        let outcome = try ChildProcess(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            arguments: arguments, timeLimit: .seconds(300)
        ).run()
        guard outcome.ending == .exited(0) else {
            try? FileManager.default.removeItem(atPath: partial)
            return .failure(
                CompileFailure(
                    messages: (outcome.errorOutput + outcome.output)
                        .trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if rename(partial, program.path) != 0 {
            throw GradingError.toolchain("Could not store the compiled exercise at \(program.path).")
        }
        pruneOldPrograms(of: exercise, keeping: program)
        return .success(program)
    }

    /// How many compiled programs of one exercise are kept (a learner going back and forth
    /// between two versions is not recompiled each time).
    static let programsKept = 3

    /// Removes all but the newest `programsKept` programs of `exercise` (one is compiled for each
    /// text a learner saves), and any half-written one left by a grader that was killed.
    private func pruneOldPrograms(of exercise: Exercise, keeping newest: URL) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: programFolder.path) else { return }
        let programs = names.filter { $0.hasPrefix("\(exercise.id)-") }.map { programFolder.appendingPathComponent($0) }
        let hourAgo = Date().addingTimeInterval(-3600)
        let (partial, complete) = (
            programs.filter { $0.path.contains(".partial-") },
            programs.filter { !$0.path.contains(".partial-") && $0 != newest }
        )
        for stale in partial where (modificationDate(stale) ?? .distantPast) < hourAgo {
            try? manager.removeItem(at: stale)
        }
        let byAge = complete.sorted { (modificationDate($0) ?? .distantPast) > (modificationDate($1) ?? .distantPast) }
        for old in byAge.dropFirst(Self.programsKept - 1) { try? manager.removeItem(at: old) }
    }

    /// The environment of a graded program: only what it needs, so that nothing of the learner's
    /// (a path to an agent's socket, a token) reaches it.
    static func environment(
        memoryLimit: Int,
        from host: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
            "LANG": "C.UTF-8", "EXERCISE_CHANNEL": "3,4",
            "EXERCISE_MEMORY_LIMIT": String(memoryLimit), "OPENBLAS_NUM_THREADS": "1",
        ]
        // What changes the numbers or the crash report, as the learner set it.
        for key in ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "SWIFT_BACKTRACE"] { environment[key] = host[key] }
        return environment
    }

    /// How every exercise is compiled; -g so that a crash's backtrace names the learner's line.
    static let compileFlags = ["-Onone", "-g", "-parse-as-library", "-suppress-warnings"]

    struct CompileFailure: Error {
        var messages: String
    }

    /// Where the compiler finds ExerciseKit, NNKit and Augment and the C modules under them:
    /// what makes `import NNKit` resolve, for the grader and for an editor alike.
    func searchPathArguments() -> [String] {
        var arguments = ["-I", libraryFolder.appendingPathComponent("Modules").path]
        for folder in [
            "CBLAS", "CKernels/include", "CExerciseChannel/include", "CPNG", "CPNGRead/include", "CHDF5",
            "CLibzip", "CZlib",
        ] {
            arguments += ["-I", project.root.appendingPathComponent("Sources/\(folder)").path]
        }
        for include in systemIncludes() { arguments += ["-Xcc", "-I\(include)"] }
        return arguments
    }

    /// The header folders of the system libraries NNKit and Augment import (OpenBLAS, libpng,
    /// HDF5, libzip, zlib).
    private func systemIncludes() -> [String] {
        guard
            let outcome = try? ChildProcess(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: ["pkg-config", "--cflags-only-I", "openblas", "libpng", "hdf5", "libzip", "zlib"],
                timeLimit: .seconds(10)
            ).run(),
            outcome.ending == .exited(0)
        else { return [] }
        return outcome.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.hasPrefix("-I") }.map { String($0.dropFirst(2)) }
    }

    /// The newest time any source of the grader's library changed: every file, at any depth,
    /// under the targets it is built from, and Package.swift.
    func newestSource() -> Date? {
        let targets = [
            "NNKit", "ExerciseKit", "Augment", "CBLAS", "CKernels", "CExerciseChannel", "CPNG", "CPNGRead",
            "CHDF5", "CLibzip", "CZlib",
        ]
        var newest = modificationDate(project.root.appendingPathComponent("Package.swift"))
        for target in targets {
            let folder = project.root.appendingPathComponent("Sources/\(target)")
            let files = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
            while let file = files?.nextObject() as? URL {
                if let date = modificationDate(file), date > (newest ?? .distantPast) { newest = date }
            }
        }
        return newest
    }

    private func modificationDate(_ url: URL) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
    }

    /// The runtime's own words for a crash, e.g. "Fatal error: Index out of range", and where in
    /// the learner's file it happened, from the backtrace: "… (at 3.2-dense-layer.swift:22, in
    /// LinearLayer.backward(_:))".
    static func reason(in errorOutput: String, learnerFile: URL) -> String? {
        guard let reason = reason(in: errorOutput) else { return nil }
        return location(in: errorOutput, learnerFile: learnerFile).map { reason + " (at \($0))" } ?? reason
    }

    /// The first backtrace frame in the learner's file, as "file.swift:22, in function".
    static func location(in errorOutput: String, learnerFile: URL) -> String? {
        let name = learnerFile.lastPathComponent
        for line in errorOutput.split(separator: "\n") where line.contains("/" + name + ":") {
            // "  4 [ra] 0x… LinearLayer.backward(_:) + 120 in program at /path/3.2-dense-layer.swift:22:25"
            guard let at = line.range(of: " at ", options: .backwards) else { continue }
            let place = line[at.upperBound...].split(separator: "/").last.map(String.init) ?? name
            let lineNumber = place.split(separator: ":").dropFirst().first.map { "\(name):\($0)" } ?? name
            var function = ""
            if let address = line.range(of: "0x"),
                let plus = line.range(of: " + ", range: address.upperBound..<line.endIndex)
                    ?? line.range(of: " in ", range: address.upperBound..<line.endIndex)
            {
                let afterAddress = line[address.upperBound...].drop { $0 != " " }.dropFirst()
                function = String(line[afterAddress.startIndex..<plus.lowerBound])
            }
            return function.isEmpty ? lineNumber : "\(lineNumber), in \(function)"
        }
        return nil
    }

    /// The runtime's own words for a crash, e.g. "Fatal error: Index out of range".
    static func reason(in errorOutput: String) -> String? {
        let lines = errorOutput.split(separator: "\n").map(String.init)
        // The program never started: the loader's or the sandbox's own words say why.
        if let loader = lines.first(where: { $0.contains("error while loading shared libraries") })
            ?? lines.first(where: { $0.hasPrefix("bwrap: ") || $0.hasPrefix("setpriv: ") || $0.hasPrefix("prlimit: ") })
        {
            return Words.shared("grade.reason.cannotStart", ["reason": loader.trimmingCharacters(in: .whitespaces)])
        }
        if let fatal = lines.first(where: { $0.contains("Fatal error") }) {
            // "…/file.swift:12: Fatal error: Index out of range" → from "Fatal error" on.
            let reason = fatal.range(of: "Fatal error").map { String(fatal[$0.lowerBound...]) } ?? fatal
            return reason.contains("failed to allocate")
                ? reason + Words.shared("grade.reason.memoryLimit") : reason
        }
        if lines.contains(where: { $0.contains("out of memory") || $0.contains("Could not allocate") }) {
            return Words.shared("grade.reason.outOfMemory")
        }
        return nil
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL, SIGTRAP: return Words.shared("grade.reason.runtimeCheck", ["signal": "\(signal)"])
        case SIGSEGV: return Words.shared("grade.reason.segfault")
        case SIGABRT: return Words.shared("grade.reason.aborted")
        case SIGKILL: return Words.shared("grade.reason.killed")
        case SIGXFSZ: return Words.shared("grade.reason.output")
        default: return Words.shared("grade.reason.signal", ["signal": "\(signal)"])
        }
    }
}
