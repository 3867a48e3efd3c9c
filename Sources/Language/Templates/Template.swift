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

    /// The template as it is held: the same two fields for both forms,
    /// as before templates of plain text were told apart (the engine copies
    /// templates at every step; an enum's copy would be a call that switches
    /// on its case, and a class field read a retain).
    /// - Plain text (most templates: every attribute value and verb text of
    ///   a script is one): no `storedParts` (the empty array allocates
    ///   nothing; a one-part array per value was 1.5% of a large `check`),
    ///   and the text in `textOrSoleVariable` (nil for none).
    /// - Otherwise: the parts, and the one variable the template reads,
    ///   when it reads exactly one and only whole (no substring): the
    ///   common case ("Welcome, {{ From }}."), expanded into one exactly
    ///   sized string.
    /// Either form is canonical (one template, one way to hold it), so
    /// equality and hashing are the fields'.
    @usableFromInline let storedParts: [Part]
    @usableFromInline let textOrSoleVariable: String?

    public init(parts: [Part]) {
        if parts.isEmpty {
            (storedParts, textOrSoleVariable) = ([], nil)
        } else if parts.count == 1, case .text(let text) = parts[0], !text.isEmpty {
            (storedParts, textOrSoleVariable) = ([], text)
        } else {
            storedParts = parts
            let reads = parts.filter { if case .text = $0 { false } else { true } }
            if reads.count == 1, case .variable(let name) = reads[0] {
                textOrSoleVariable = name
            } else {
                textOrSoleVariable = nil
            }
        }
    }

    /// The one variable a template with parts reads whole (none for plain text).
    private var soleVariable: String? { storedParts.isEmpty ? nil : textOrSoleVariable }

    /// A template with no expressions.
    public init(literal: String) { (storedParts, textOrSoleVariable) = ([], literal.isEmpty ? nil : literal) }

    /// The parts, in order: none for an empty text, one for plain text.
    public var parts: [Part] {
        guard storedParts.isEmpty else { return storedParts }
        return textOrSoleVariable.map { [.text($0)] } ?? []
    }

    /// The text, when the template has no expressions (known at check time).
    @inlinable public var literal: String? {
        storedParts.isEmpty ? textOrSoleVariable ?? "" : textOfParts
    }

    /// The parts joined, when all are text (several, made by hand): nil at
    /// once for a template that reads a variable (the engine asks them all).
    @usableFromInline var textOfParts: String? {
        guard soleVariable == nil, storedParts.allSatisfy({ if case .text = $0 { true } else { false } }) else {
            return nil
        }
        var result = ""
        for part in storedParts {
            guard case .text(let s) = part else { return nil }
            result += s
        }
        return result
    }

    /// The variables the template reads, in order.
    public var variables: [String] {
        storedParts.compactMap {
            switch $0 {
            case .text: nil
            case .variable(let name), .substring(let name, _, _): name
            }
        }
    }

    /// Expands the template with `lookup` giving each variable's value
    /// (nil when unset, which expands to nothing).
    public func expand(_ lookup: (String) -> String?) -> String {
        if storedParts.isEmpty { return textOrSoleVariable ?? "" }  // plain text
        if let soleVariable { return expand(storedParts, with: lookup(soleVariable) ?? "") }
        var result = ""
        for part in storedParts {
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
