import ArgumentParser
import Foundation
import Lessons

/// A refusal that is not a typing mistake (a file with changes, a solution not yet earned):
/// printed as "Error: <message>" without a usage line, with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}

extension Interruption {
    /// Runs `body`; when Ctrl-C stops it, says so and exits as a shell expects of a program a
    /// signal ended (130 for Ctrl-C).
    static func exitingOnInterruption<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let interruption as Interruption {
            FileHandle.standardError.write(Data("\n\(interruption)\n".utf8))
            throw ExitCode(128 + interruption.signal)
        }
    }
}
