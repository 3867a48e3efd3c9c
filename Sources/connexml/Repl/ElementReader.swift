import Foundation

/// Collects typed ConneXML until its elements close: `<Gather>` on one line
/// and `</Gather>` three lines later is one input.
struct ElementReader {
    enum Outcome: Equatable {
        case incomplete
        case complete(String)
    }

    private(set) var lines: [String] = []
    private var depth = 0
    var isOpen: Bool { !lines.isEmpty }
    var lineCount: Int { lines.count }

    /// The outermost element still open, as the user would name it ("<Dial>").
    var openElement: String {
        let first = lines.first?.drop { $0 == " " || $0 == "\t" }.dropFirst() ?? ""
        return "<" + first.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" } + ">"
    }

    mutating func add(_ line: String) -> Outcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if lines.isEmpty, !trimmed.hasPrefix("<") { return .complete(line) }  // a command
        lines.append(line)
        depth += Self.depthChange(line)
        if depth <= 0 {
            defer { self = ElementReader() }
            return .complete(lines.joined(separator: "\n"))
        }
        return .incomplete
    }

    /// Opening tags minus closing ones (self-closing, comments and
    /// processing instructions count for nothing).
    static func depthChange(_ line: String) -> Int {
        var change = 0
        var rest = Substring(line)
        while let lt = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: lt)...]
            guard let gt = after.firstIndex(of: ">") else {
                // A tag continuing on the next line.
                change += after.hasPrefix("/") || after.hasPrefix("!") || after.hasPrefix("?") ? 0 : 1
                break
            }
            let tag = after[..<gt]
            if tag.hasPrefix("/") {
                change -= 1
            } else if !(tag.hasPrefix("!") || tag.hasPrefix("?") || tag.hasSuffix("/")) {
                change += 1
            }
            rest = after[after.index(after: gt)...]
        }
        return change
    }
}
