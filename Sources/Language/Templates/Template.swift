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

    public let parts: [Part]
    /// The one variable the template reads, when it reads exactly one and
    /// only whole (no substring): the common case ("Welcome, {{ From }}."),
    /// expanded into one exactly sized string. Derived from `parts`.
    private let soleVariable: String?

    public init(parts: [Part]) {
        self.parts = parts
        let reads = parts.filter { if case .text = $0 { false } else { true } }
        if reads.count == 1, case .variable(let name) = reads[0] { soleVariable = name } else { soleVariable = nil }
    }

    /// A template with no expressions.
    public init(literal: String) {
        parts = literal.isEmpty ? [] : [.text(literal)]
        soleVariable = nil
    }

    /// The text, when the template has no expressions (known at check time).
    public var literal: String? {
        // One part, or none, nearly always: no string to build.
        if parts.isEmpty { return "" }
        if parts.count == 1 { if case .text(let s) = parts[0] { return s } else { return nil } }
        var result = ""
        for part in parts {
            guard case .text(let s) = part else { return nil }
            result += s
        }
        return result
    }

    /// The variables the template reads, in order.
    public var variables: [String] {
        parts.compactMap {
            switch $0 {
            case .text: nil
            case .variable(let name), .substring(let name, _, _): name
            }
        }
    }

    /// Expands the template with `lookup` giving each variable's value
    /// (nil when unset, which expands to nothing).
    public func expand(_ lookup: (String) -> String?) -> String {
        if let soleVariable { return expand(with: lookup(soleVariable) ?? "") }
        var result = ""
        for part in parts {
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
    private func expand(with value: String) -> String {
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
