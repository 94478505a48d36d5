import Foundation

/// The words a learner reads: `content/NN-slug/chapter.md`, one folder per chapter.
///
/// A chapter's text is Markdown: a `# ` title, then `## ` sections that `lesson N read` shows
/// one at a time.
public struct ContentLibrary: Sendable {
    /// The `content/` folder.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The name of the file in each chapter folder.
    public static let fileName = "chapter.md"

    /// The project's `content/`, found from `$LESSON_HOME`, the working directory or the
    /// executable's location (and their parents), in that order.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executable: String = CommandLine.arguments.first ?? ""
    )
        throws -> ContentLibrary
    {
        var starts: [URL] = []
        if let home = environment["LESSON_HOME"], !home.isEmpty {
            starts.append(URL(fileURLWithPath: home))
        }
        starts.append(URL(fileURLWithPath: workingDirectory))
        if !executable.isEmpty {
            starts.append(URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        var searched: [String] = []
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let candidate = folder.appendingPathComponent("content")
                searched.append(candidate.path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    isDirectory.boolValue,
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
                {
                    return ContentLibrary(root: candidate)
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw LessonError.contentNotFound(searched: Array(searched.prefix(3)))
    }

    /// The project's content as `locate()` finds it from this process, looked up once; nil when
    /// there is none.
    public static let current: ContentLibrary? = try? locate()

    /// The chapter folders present, sorted: `["01-logic-gates", …]`.
    public func folderNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.first?.isNumber == true }.sorted()
    }

    /// The path of `chapter`'s text in the current language: `chapter.ko.md` for Korean when it
    /// exists, else the English `chapter.md`.
    public func textPath(for chapter: any Chapter) -> URL {
        textPath(for: chapter, language: Language.current)
    }

    public func textPath(for chapter: any Chapter, language: Language) -> URL {
        let folder = root.appendingPathComponent(chapter.folderName)
        let translated = folder.appendingPathComponent("chapter" + language.fileSuffix + ".md")
        return FileManager.default.fileExists(atPath: translated.path)
            ? translated : folder.appendingPathComponent(Self.fileName)
    }

    /// `chapter`'s text, split into sections.
    public func text(for chapter: any Chapter) throws -> ChapterText {
        let path = textPath(for: chapter)
        guard FileManager.default.fileExists(atPath: path.path) else {
            throw LessonError.chapterTextMissing(chapter: chapter.number, path: path.path)
        }
        do {
            return ChapterText(markdown: try String(contentsOf: path, encoding: .utf8))
        } catch {
            throw LessonError.unreadable(path: path.path, reason: "it is not UTF-8 text")
        }
    }
}

/// A chapter's text: its title and its `## ` sections in order.
public struct ChapterText: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var heading: String
        public var body: String
    }

    public var title: String
    public var sections: [Section]

    /// Splits Markdown at its `## ` headings; text before the first becomes an untitled
    /// opening section. Headings inside fenced code blocks are left alone.
    public init(markdown: String) {
        var title = ""
        var sections: [Section] = []
        var current = Section(heading: "", body: "")
        var inCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode && line.hasPrefix("# ") && title.isEmpty {
                title = String(line.dropFirst(2))
            } else if !inCode && line.hasPrefix("## ") {
                if !current.heading.isEmpty || !current.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    sections.append(current)
                }
                current = Section(heading: String(line.dropFirst(3)), body: "")
            } else {
                current.body += line + "\n"
            }
        }
        if !current.heading.isEmpty || !current.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sections.append(current)
        }
        self.title = title
        self.sections = sections.map {
            Section(heading: $0.heading, body: $0.body.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
