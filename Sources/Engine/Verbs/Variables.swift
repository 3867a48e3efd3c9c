import Diagnostics
import Language
import Policy

/// `<Set>`, `<Enter>`: the call's variables, SIP headers and context
/// (`<Press>` bindings are in Press.swift).
extension CallRun {
    mutating func visit(_ set: SetVariable) -> Flow {
        let name = expand(set.name, at: set.position)
        let value = expand(set.value, at: set.position)
        guard let header = resolve(set.header, "header", at: set.position) else { return .next }
        if header {
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
        variables[name] = value
        emit(.set, at: set.position, [.init(.name, .string(name)), .init(.value, .string(value)), .init(.header, .bool(header))])
        return .next
    }

    mutating func visit(_ enter: Enter) -> Flow {
        guard let name = resolve(enter.context, "context", at: enter.position) else { return .next }
        context = name
        variables["context"] = name
        emit(.context, at: enter.position, [.init(.context, .string(name))])
        return .next
    }
}
