import Diagnostics
import Language

/// How the engine reads what a script wrote: templates expanded with the
/// call's variables, attributes parsed into their values. This file is the
/// only one that reads a `Setting` (its `fixedValue` fast path included):
/// every verb resolves its attributes here once, at the start of its step,
/// into a per-step value (`Say.Resolved`, `Dial.Settings`, ...) that every
/// effect of the step uses — never the attribute as written. A test keeps
/// other engine files from reading settings.
extension CallRun {
    /// A template expanded with the call's variables; an unset variable
    /// expands to nothing, with a warning in the trace.
    mutating func expand(_ template: Template, at position: SourcePosition) -> String {
        if let text = template.literal { return text }
        // One pass: each variable looked up once, the unset ones noted.
        let variables = self.variables
        var unset: [String] = []
        let text = template.expand { name in
            let value = variables[name]
            if value == nil { unset.append(name) }
            return value
        }
        for name in unset {
            emit(.warning, at: position, [.init(.message, .string("variable \(name) is not set: it expands to nothing"))])
        }
        return text
    }

    /// An attribute's value for this call; nil (with an error event) when a
    /// template produced something invalid, and the verb is then skipped.
    @inline(__always)
    mutating func resolve<V>(_ setting: Setting<V>, _ attribute: String, at position: SourcePosition) -> V? {
        if let fixed = setting.fixedValue { return fixed }  // the common case: no template
        return resolveTemplate(setting, attribute, at: position)
    }

    /// An optional attribute for this call: `.some(nil)` when the script
    /// left it out, `.some(value)` when given, and nil (with an error event)
    /// when its template produced something invalid — the verb is then
    /// skipped, exactly as for `resolve`:
    /// `guard let action = resolveIfPresent(gather.action, …) else { return .next }`.
    @inline(__always)
    mutating func resolveIfPresent<V>(_ setting: Setting<V>?, _ attribute: String, at position: SourcePosition) -> V?? {
        guard let setting else { return .some(nil) }
        if let fixed = setting.fixedValue { return .some(fixed) }  // the common case: no template
        guard let value = resolveTemplate(setting, attribute, at: position) else { return nil }
        return .some(value)
    }

    private mutating func resolveTemplate<V>(_ setting: Setting<V>, _ attribute: String, at position: SourcePosition) -> V? {
        let variables = self.variables
        switch setting.resolve({ variables[$0] }) {
        case .success(let value): return value
        case .failure(let invalid):
            emit(
                .error, at: position,
                [
                    .init(
                        .message,
                        .string(
                            "\(attribute)=\"\(invalid.text)\" is not valid: expected \(invalid.expected); the verb is skipped"))
                ],
                code: .invalidAttribute)
            return nil
        }
    }

    /// A setting's text for the trace of a verb that does not run: its
    /// value, or its template expanded without judging the result.
    func textForTrace(_ setting: Setting<String>) -> String {
        switch setting.source {
        case .fixed(let value): return value
        case .template(let template, _):
            let variables = self.variables
            return template.expand { variables[$0] }
        }
    }

    // MARK: Held events

    /// Resolves something now whose effects come later (a Gather's prompts,
    /// whose lengths decide when keys cut in): what resolving it has to say
    /// (an invalid attribute, an unset variable) is held back, to be said by
    /// `say(_:)` when its effects happen.
    mutating func resolveAhead<T>(_ body: (inout CallRun) -> T) -> (T, held: [TraceEvent]) {
        let (outer, wasHolding) = (output.held, holding)
        output.held = []
        holding = true
        let value = body(&self)
        let held = output.held ?? []
        output.held = outer
        holding = wasHolding
        return (value, held)
    }

    /// Emits events held back by `resolveAhead`, at the clock's time now.
    func say(_ held: [TraceEvent]) {
        for event in held {
            let now = TraceEvent(
                time: clock.elapsed, name: event.name, file: event.file, line: event.line, fields: event.fields,
                outcome: event.outcome, code: event.code)
            if holding { output.held!.append(now) } else { output.sink.emit(now) }
        }
    }

    func hold(
        _ name: TraceEvent.Name, file: String?, line: Int?, _ fields: [TraceEvent.Field], _ outcome: VerbOutcome?,
        _ code: TraceEvent.ErrorCode?
    ) {
        output.held!.append(
            TraceEvent(
                time: clock.elapsed, name: name, file: file, line: line, fields: fields, outcome: outcome,
                code: code))
    }
}
