import Diagnostics
import Language
import Policy

/// `<Set>`, `<Enter>`: the call's variables, SIP headers and context
/// (`<Press>` bindings are in Press.swift).
extension CallRun {
    mutating func visit(_ set: SetVariable) -> Flow {
        guard let set = resolved(set) else { return .next }
        let (name, value) = (set.name, set.value)
        if set.header {
            let decision = policy.mayUse(.sipHeaders, caller: caller)
            guard decision.isAllowed else {
                deny(decision, at: set.position, as: "set", target: name)
                return .next
            }
            // A header that could split the INVITE never reaches it.
            guard SetVariable.isHeaderName(name), SetVariable.isHeaderValue(value) else {
                emit(
                    .error, at: set.position,
                    [
                        .init(
                            .message,
                            .string(
                                "SIP header \(name) refused: a header name is a token, a value one line without control characters"
                            ))
                    ],
                    code: .headerRefused)
                return .next
            }
            pendingHeaders.append((name, value))
        }
        variables.set(name, to: value)
        emit(
            .set, at: set.position,
            [.init(.name, .string(name)), .init(.value, .string(value)), .init(.header, .bool(set.header))])
        return .next
    }

    /// Its name, its value, then whether it is a header, for this call.
    private mutating func resolved(_ set: SetVariable) -> SetVariable.Resolved? {
        let name = expand(set.name, at: set.position)
        let value = expand(set.value, at: set.position)
        guard let header = resolve(set.header, "header", at: set.position) else { return nil }
        return SetVariable.Resolved(position: set.position, name: name, value: value, header: header)
    }

    mutating func visit(_ enter: Enter) -> Flow {
        guard let name = resolve(enter.context, "context", at: enter.position) else { return .next }
        let enter = Enter.Resolved(position: enter.position, context: name)
        context = enter.context
        variables.set("context", to: enter.context)
        emit(.context, at: enter.position, [.init(.context, .string(enter.context))])
        return .next
    }
}

extension SetVariable {
    /// A `<Set>` for one call: the name and value expanded, `header` resolved.
    struct Resolved {
        let position: SourcePosition
        let name: String
        let value: String
        let header: Bool
    }
}

extension Enter {
    /// An `<Enter>` for one call: the context it switches to.
    struct Resolved {
        let position: SourcePosition
        let context: String
    }
}
