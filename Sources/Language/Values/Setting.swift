/// The value of an attribute: fixed in the script, or a template expanded
/// when the verb runs (and then parsed with the same `ValueKind`).
@frozen
public struct Setting<Value: Sendable>: Sendable {
    @frozen
    public enum Source: Sendable {
        case fixed(Value)
        /// The parser travels with the template only: a fixed value needs
        /// none, and settings are copied with their verb on every call.
        /// Boxed: few settings are templates, and unboxed the template and
        /// its kind made every setting of every verb 40 bytes (a `Dial`
        /// holds six, and the model of a large script holds thousands).
        indirect case template(Template, ValueKind<Value>)
    }

    public let source: Source
    /// False when the script left the attribute out and the default applies.
    /// (Policy needs this: an explicit `whisper` without the flag is denied,
    /// a defaulted one is quietly dropped.)
    public let isExplicit: Bool

    public init(_ value: Value, explicit: Bool) {
        self.source = .fixed(value)
        self.isExplicit = explicit
    }

    public init(template: Template, kind: ValueKind<Value>) {
        self.source = .template(template, kind)
        self.isExplicit = true
    }

    /// The value when it is known without running the call. (Inlinable:
    /// the engine reads settings for every verb of every call, and a generic
    /// call across modules would look metadata up each time.)
    @inlinable
    public var fixedValue: Value? {
        if case .fixed(let v) = source { v } else { nil }
    }

    /// The value for a call: a template is expanded with `lookup` and parsed.
    /// `.failure` carries the expanded text that was not a valid value.
    public func resolve(_ lookup: (String) -> String?) -> Result<Value, InvalidValue> {
        switch source {
        case .fixed(let v): return .success(v)
        case .template(let t, let kind):
            let text = t.expand(lookup)
            guard let v = kind.parse(text) else { return .failure(InvalidValue(text: text, expected: kind.expected)) }
            return .success(v)
        }
    }
}

/// A value that a template produced at run time but that is not valid.
public struct InvalidValue: Error, Sendable, Hashable {
    public let text: String
    public let expected: String
}
