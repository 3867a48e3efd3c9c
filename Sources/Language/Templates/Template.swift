/// Text that may refer to call variables, expanded when the verb runs:
/// `{{ name }}`, `${name}`, and `{{ substring NAME START [LENGTH] }}`.
public struct Template: Sendable, Hashable, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case text(String)
        case variable(String)
        /// Part of a variable's value: from the zero-based character offset
        /// `start`, `length` characters (to the end when nil).
        case substring(variable: String, start: Int, length: Int?)
    }

    /// The template as it is held. Most templates are plain text (every
    /// attribute value and verb text of a script is one): those are the
    /// string alone, with no array of parts to allocate (a one-element array
    /// per value was 1.5% of a large `check`). Either form is canonical (one
    /// template, one storage), so equality and hashing are the storage's.
    private let storage: Storage

    private enum Storage: Sendable, Hashable {
        /// No parts (an empty text), or one text part.
        case literal(String)
        case expressions(Expressions)
    }

    /// Parts that read variables (or more than one text), in one object.
    private final class Expressions: Sendable, Hashable {
        let parts: [Part]
        /// The one variable the template reads, when it reads exactly one
        /// and only whole (no substring): the common case ("Welcome, {{
        /// From }}."), expanded into one exactly sized string.
        let soleVariable: String?

        init(_ parts: [Part]) {
            self.parts = parts
            let reads = parts.filter { if case .text = $0 { false } else { true } }
            if reads.count == 1, case .variable(let name) = reads[0] { soleVariable = name } else { soleVariable = nil }
        }

        static func == (a: Expressions, b: Expressions) -> Bool { a.parts == b.parts }
        func hash(into hasher: inout Hasher) { hasher.combine(parts) }
    }

    public init(parts: [Part]) {
        if parts.isEmpty {
            storage = .literal("")
        } else if parts.count == 1, case .text(let text) = parts[0], !text.isEmpty {
            storage = .literal(text)
        } else {
            storage = .expressions(Expressions(parts))
        }
    }

    /// A template with no expressions.
    public init(literal: String) { storage = .literal(literal) }

    /// The parts, in order: none for an empty text, one for plain text.
    public var parts: [Part] {
        switch storage {
        case .literal(let text): text.isEmpty ? [] : [.text(text)]
        case .expressions(let expressions): expressions.parts
        }
    }

    /// The text, when the template has no expressions (known at check time).
    public var literal: String? {
        switch storage {
        case .literal(let text):
            return text
        case .expressions(let expressions):
            var result = ""
            for part in expressions.parts {
                guard case .text(let s) = part else { return nil }
                result += s
            }
            return result
        }
    }

    /// The variables the template reads, in order.
    public var variables: [String] {
        guard case .expressions(let expressions) = storage else { return [] }
        return expressions.parts.compactMap {
            switch $0 {
            case .text: nil
            case .variable(let name), .substring(let name, _, _): name
            }
        }
    }

    /// Expands the template with `lookup` giving each variable's value
    /// (nil when unset, which expands to nothing).
    public func expand(_ lookup: (String) -> String?) -> String {
        let expressions: Expressions
        switch storage {
        case .literal(let text): return text
        case .expressions(let held): expressions = held
        }
        if let soleVariable = expressions.soleVariable { return expand(expressions.parts, with: lookup(soleVariable) ?? "") }
        var result = ""
        for part in expressions.parts {
            switch part {
            case .text(let s): result += s
            case .variable(let name): result += lookup(name) ?? ""
            case .substring(let name, let start, let length):
                let value = Array(lookup(name) ?? "")
                guard start < value.count else { continue }  // past the end: empty
                // `start + length` could overflow: LENGTH is any whole number.
                let end = length.map { $0 >= value.count - start ? value.count : start + $0 } ?? value.count
                result += String(value[start..<end])
            }
        }
        return result
    }

    /// The template with `value` for its only variable: the bytes counted,
    /// then copied into one string (appending part by part grew the result
    /// once a part).
    private func expand(_ parts: [Part], with value: String) -> String {
        // One variable alone (a Condition's field, most often) is its value.
        if parts.count == 1 { return value }
        var value = value
        var size = 0
        for part in parts {
            if case .text(let s) = part { size += s.utf8.count } else { size += value.utf8.count }
        }
        return value.withUTF8 { valueBytes in
            String(unsafeUninitializedCapacity: size) { buffer in
                var at = 0
                for part in parts {
                    if case .text(var s) = part {
                        s.withUTF8 { at = buffer[at...].initialize(fromContentsOf: $0) }
                    } else {
                        at = buffer[at...].initialize(fromContentsOf: valueBytes)
                    }
                }
                return at
            }
        }
    }

    /// The template written back in its canonical form.
    public var description: String {
        parts.map {
            switch $0 {
            case .text(let s): s
            case .variable(let name): "{{ \(name) }}"
            case .substring(let name, let start, let length):
                "{{ substring \(name) \(start)\(length.map { " \($0)" } ?? "") }}"
            }
        }.joined()
    }
}
