/// A refusal that is not a typing mistake (a file with changes, a solution not yet earned):
/// printed as "Error: <message>" without a usage line, with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
