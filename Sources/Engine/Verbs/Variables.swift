import Diagnostics
import Language
import Policy

/// `<Set>`, `<Enter>`, `<Press>`: the call's variables, SIP headers,
/// context and key bindings.
extension CallRun {
    mutating func runSet(_ set: SetVariable) -> Flow {
        let name = expand(set.name, at: set.position)
        let value = expand(set.value, at: set.position)
        guard let header = resolve(set.header, "header", at: set.position) else { return .next }
        if header {
            let decision = policy.mayUse(.sipHeaders, caller: caller!)
            guard decision.isAllowed else {
                deny(decision, at: set.position, as: "set", target: name)
                return .next
            }
            // A header that could split the INVITE never reaches it.
            guard SetVariable.isHeaderName(name), SetVariable.isHeaderValue(value) else {
                emit("error", at: set.position, [.init("message", .string(
                    "SIP header \(name) refused: a header name is a token, a value one line without control characters"))])
                return .next
            }
            pendingHeaders.append((name, value))
        }
        variables[name] = value
        emit("set", at: set.position, [.init("name", .string(name)), .init("value", .string(value)), .init("header", .bool(header))])
        return .next
    }

    mutating func runEnter(_ enter: Enter) -> Flow {
        guard let name = resolve(enter.context, "context", at: enter.position) else { return .next }
        context = name
        variables["context"] = name
        emit("context", at: enter.position, [.init("context", .string(name))])
        return .next
    }

    mutating func runPress(_ press: Press) -> Flow {
        guard let leg = resolve(press.leg, "dtmf_leg", at: press.position) else { return .next }
        bindings.append(press)
        var fields: [TraceEvent.Field] = [.init("digits", .string(press.digits)), .init("leg", .string(leg.rawValue))]
        if let context = press.context { fields.append(.init("context", .string(context))) }
        emit("bind", at: press.position, fields)
        return .next
    }

    /// Runs a binding's verbs after its key cut in. A bound key pressed
    /// while they run takes over: what the first binding was playing is
    /// cut short like any audio, its remaining verbs are dropped, and the
    /// new binding's verbs run in their place; then the script goes on
    /// after the verb the first key interrupted. The loop (not recursion)
    /// keeps the stack flat however many keys a scenario times.
    mutating func runBinding(_ binding: Press) -> Flow {
        guard !inBinding else { return .rebind(binding) }
        inBinding = true
        defer { inBinding = false }
        var current = binding
        while true {
            let flow = run(current.verbs)
            guard case .rebind(let next) = flow else { return flow }
            current = next
        }
    }

    /// The binding for `digits` pressed on `leg` in the current context.
    func binding(for digits: String, leg: KeyPress.Leg) -> Press? {
        bindings.last { press in
            press.digits == digits && (press.leg.fixedValue?.rawValue ?? "a") == leg.rawValue
                && (press.context == nil || press.context == context)
        }
    }
}
