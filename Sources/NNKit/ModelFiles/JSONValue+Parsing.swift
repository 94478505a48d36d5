import Foundation

/// Reading JSON text into a `JSONValue` in one pass over its bytes, time linear in its length,
/// as Python's `json.loads` reads what Keras writes: `NaN`, `Infinity` and `-Infinity` are
/// numbers (Python's `json.dumps` writes them for such floats), and of a key given twice in one
/// object the last value counts. Objects keep their keys sorted, so a value reads the same
/// whatever order a writer chose.
extension JSONValue {
    /// How deeply arrays and objects may nest: far beyond any Keras config, and shallow enough
    /// that reading never exhausts the stack.
    static let depthLimit = 512

    /// What is wrong with JSON text, and where: "at byte 1234: expected ',' or ']'".
    struct ParseError: Error, CustomStringConvertible {
        let offset: Int
        let problem: String
        var description: String { "at byte \(offset): \(problem)" }
    }

    /// The value `data` holds; anything but one value, with spaces around it, is thrown.
    init(parsing data: Data) throws(ParseError) {
        var parser = Parser(bytes: [UInt8](data))
        parser.skipSpaces()
        self = try parser.value(depth: 0)
        parser.skipSpaces()
        guard parser.position == parser.bytes.count else { throw parser.error("more text after the value") }
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        func error(_ problem: String) -> ParseError {
            ParseError(offset: position, problem: problem)
        }

        var next: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipSpaces() {
            while let byte = next, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        mutating func expect(_ word: String) throws(ParseError) {
            for byte in word.utf8 {
                guard next == byte else { throw error("expected \(word)") }
                position += 1
            }
        }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard let byte = next else { throw error("the text ends where a value should be") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < JSONValue.depthLimit else {
                    throw error("arrays and objects nest more than \(JSONValue.depthLimit) deep")
                }
                return byte == UInt8(ascii: "{") ? try object(depth: depth + 1) : try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case UInt8(ascii: "N"):
                try expect("NaN")
                return .number(.nan)
            case UInt8(ascii: "I"):
                try expect("Infinity")
                return .number(.infinity)
            case UInt8(ascii: "-") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "I"):
                position += 1
                try expect("Infinity")
                return .number(-.infinity)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func object(depth: Int) throws(ParseError) -> JSONValue {
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpaces()
            if next == UInt8(ascii: "}") {
                position += 1
                return .object([])
            }
            while true {
                skipSpaces()
                guard next == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
                let key = try string()
                skipSpaces()
                guard next == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
                position += 1
                skipSpaces()
                members[key] = try value(depth: depth)
                skipSpaces()
                switch next {
                case UInt8(ascii: ",")?: position += 1
                case UInt8(ascii: "}")?:
                    position += 1
                    return .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
                default: throw error("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(ParseError) -> JSONValue {
            position += 1
            var elements: [JSONValue] = []
            skipSpaces()
            if next == UInt8(ascii: "]") {
                position += 1
                return .array([])
            }
            while true {
                skipSpaces()
                elements.append(try value(depth: depth))
                skipSpaces()
                switch next {
                case UInt8(ascii: ",")?: position += 1
                case UInt8(ascii: "]")?:
                    position += 1
                    return .array(elements)
                default: throw error("expected ',' or ']'")
                }
            }
        }

        /// A number as JSON writes it: `-12.5e3`.
        mutating func number() throws(ParseError) -> Double {
            let start = position
            func digits(_ parser: inout Parser) -> Int {
                let first = parser.position
                while let byte = parser.next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    parser.position += 1
                }
                return parser.position - first
            }
            if next == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw error("expected digits") }
            if next == UInt8(ascii: ".") {
                position += 1
                guard digits(&self) > 0 else { throw error("expected digits after '.'") }
            }
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
                position += 1
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
                guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
            }
            guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else {
                throw ParseError(offset: start, problem: "not a number")
            }
            return value
        }

        /// A string in quotes, its escapes resolved (`\n`, `\u00e9`, surrogate pairs).
        mutating func string() throws(ParseError) -> String {
            position += 1
            var scalars = String.UnicodeScalarView()
            var runStart = position
            func flush(_ parser: Parser) {
                let run = String(decoding: parser.bytes[runStart..<parser.position], as: UTF8.self)
                scalars.append(contentsOf: run.unicodeScalars)
            }
            while true {
                guard let byte = next else { throw error("the text ends inside a string") }
                switch byte {
                case UInt8(ascii: "\""):
                    flush(self)
                    position += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(self)
                    position += 1
                    scalars.append(try escaped())
                    runStart = position
                case 0..<0x20:
                    throw error("a control character inside a string")
                default:
                    position += 1
                }
            }
        }

        /// The character after a backslash.
        mutating func escaped() throws(ParseError) -> Unicode.Scalar {
            guard let byte = next else { throw error("the text ends inside a string") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let unit = try hexUnit()
                if (0xD800..<0xDC00).contains(unit), next == UInt8(ascii: "\\"),
                    position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hexUnit()
                    if (0xDC00..<0xE000).contains(low) {
                        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                    }
                    return "\u{FFFD}"
                }
                // A lone surrogate is no character: Python would keep it, Swift cannot.
                return Unicode.Scalar(unit) ?? "\u{FFFD}"
            default:
                position -= 1
                throw error("an unknown escape '\\\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func hexUnit() throws(ParseError) -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = next.flatMap({ Character(Unicode.Scalar($0)).hexDigitValue }) else {
                    throw error("expected four hex digits after \\u")
                }
                unit = unit * 16 + UInt32(digit)
                position += 1
            }
            return unit
        }
    }
}
