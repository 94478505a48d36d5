import Foundation
import Testing

@testable import Lessons

/// The learner's files: progress that concurrent checks never lose, resets that never overwrite
/// a kept version, and file problems said in plain words.
@Suite("The learner's files")
struct WorkspaceHardeningTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Progress updated from four threads at once keeps every pass")
    func concurrentProgress() throws {
        let workspace = try Self.folder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let exercises = Catalog.chapters.flatMap(\.exercises)
        nonisolated(unsafe) var failures: [String] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for exercise in exercises.enumerated().filter({ $0.offset % 4 == worker }).map(\.element) {
                do {
                    try Progress.update(in: workspace) { $0.record(exercise, passed: true) }
                } catch {
                    lock.withLock { failures.append("\(error)") }
                }
            }
        }
        #expect(failures.isEmpty)
        #expect(Progress.load(from: workspace).passed == Set(exercises.map(\.id)))
    }

    @Test("Reset --force keeps every earlier version under a new number")
    func numberedBackups() throws {
        let workspace = try Self.folder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let project = Project(root: ExerciseTests.project.root, workspace: workspace)
        let exercise = ExerciseTests.stepFunction
        var kept: [String] = []
        for attempt in 1...3 {
            try "// attempt \(attempt)\n".write(to: project.learnerFile(exercise), atomically: true, encoding: .utf8)
            let refusal = #expect(throws: Project.ResetNeedsForce.self) { try project.reset(exercise, force: false) }
            // The workspace lies outside the working folder: its real path is named, not exercises/.
            #expect(refusal?.description.contains(workspace.appendingPathComponent(".replaced").path + "/") == true)
            #expect(refusal?.description.contains(project.learnerFile(exercise).path) == true)
            guard case .restoredKeeping(let backup) = try project.reset(exercise, force: true) else {
                Issue.record("attempt \(attempt) was not kept")
                continue
            }
            kept.append(backup)
        }
        #expect(kept == [exercise.fileName, "1.1-step-function.2.swift", "1.1-step-function.3.swift"])
        for (index, name) in kept.enumerated() {
            let text = try String(contentsOf: workspace.appendingPathComponent(".replaced/\(name)"), encoding: .utf8)
            #expect(text == "// attempt \(index + 1)\n")
        }
        #expect(try Data(contentsOf: project.learnerFile(exercise)) == Data(contentsOf: project.stub(exercise)))
    }

    @Test("File problems are said plainly, naming the file")
    func plainReasons() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loop = folder.appendingPathComponent("loop.swift")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        #expect(
            throws: LessonError.unreadable(path: loop.path, reason: "too many levels of symbolic links (a link loop?)")
        ) {
            try FileProblem.read(loop)
        }
        #expect(throws: LessonError.unreadable(path: folder.path, reason: "it is a folder, not a file")) {
            try FileProblem.read(folder)
        }
        let file = folder.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        #expect(throws: LessonError.cannotWrite(path: file.path, reason: "it is a file, not a folder")) {
            try FileProblem.createFolder(file)
        }
        #expect(throws: LessonError.self) { try FileProblem.checkCanWrite(folder: file.appendingPathComponent("sub")) }
        #expect(
            throws: LessonError.cannotWrite(
                path: folder.appendingPathComponent("none/m.safetensors").path,
                reason: "the folder \(folder.appendingPathComponent("none").path) does not exist")
        ) {
            try FileProblem.checkCanWrite(file: folder.appendingPathComponent("none/m.safetensors"))
        }
    }

    @Test("An exercise file that is a folder is an error naming it, not a crash")
    func exerciseFileIsFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grader = try ExerciseTests.grader()
        #expect(throws: LessonError.unreadable(path: folder.path, reason: "it is a folder, not a file")) {
            _ = try grader.grade(ExerciseTests.stepFunction, source: folder)
        }
    }
}

@Suite("Derived images stay bounded")
struct DerivedImageTests {
    @Test(
        "A sheet of small images is enlarged; one of huge images is not, or not made at all",
        arguments: [
            (28, 28, 9, AugmentTool.SheetLayout.fits(columns: 9, enlarged: true)),
            (64, 64, 2, .fits(columns: 2, enlarged: true)),
            // 64 × 900,000 fits alone but is not enlarged (that would be 0.9 GP); 64 × 1,000,000
            // beside its variant would be 134 MP, as enlarged 8.5 GB: no sheet.
            (64, 900_000, 1, .fits(columns: 1, enlarged: false)),
            (64, 1_000_000, 2, .tooLarge(megapixels: 134)),
            (8_000, 8_000, 2, .tooLarge(megapixels: 128)),
        ])
    func sheetLayout(width: Int, height: Int, images: Int, expected: AugmentTool.SheetLayout) {
        #expect(AugmentTool.sheetLayout(width: width, height: height, images: images) == expected)
    }
}

/// Writing progress (or any file through AtomicFile) on a full disk: a plain error, no
/// temporary file, the old contents kept. Needs root to mount a small tmpfs; skipped elsewhere.
@Suite("Progress on a full disk", .enabled(if: getuid() == 0))
struct FullDiskProgressTests {
    @Test("A progress file that cannot be saved says the disk is full and stays as it was")
    func fullDisk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(mount("tmpfs", folder.path, "tmpfs", 0, "size=8192") == 0, "cannot mount a tmpfs here")
        defer {
            umount(folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        let exercise = ExerciseTests.stepFunction
        try Progress.update(in: folder) { $0.record(exercise, passed: true) }
        let before = try Data(contentsOf: folder.appendingPathComponent(Progress.fileName))
        // Fill the disk, then try to save again.
        try? Data(count: 64 * 1024).write(to: folder.appendingPathComponent("filler"))
        #expect(
            throws: LessonError.cannotWrite(
                path: folder.appendingPathComponent(Progress.fileName).path,
                reason: "the disk is full")
        ) {
            try Progress.update(in: folder) { $0.record(Catalog.chapters[1].exercises[0], passed: true) }
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent(Progress.fileName)) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
