import Diagnostics
import Language

/// `<Hangup>`, `<Reject>`, `<Redirect>`: the verbs after which nothing in
/// the same document runs.
extension CallRun {
    mutating func visit(_ hangup: Hangup) -> Flow {
        emit(.hangup, at: hangup.position, [])
        return .end(.hangup)
    }

    mutating func visit(_ reject: Reject) -> Flow {
        guard let reason = resolve(reject.reason, "reason", at: reject.position) else { return .next }
        let resolved = Reject.Resolved(position: reject.position, reason: reason)
        // Before anything else the call is never answered; later, the
        // platform can only hang up, and the trace says so.
        let answered = self.answered  // a local: the fields, built later, must not capture the call
        emit(
            .reject, at: resolved.position,
            [.init(.reason, .string(resolved.reason.rawValue)), .init(.answered, .bool(answered))])
        return .end(.rejected)
    }

    mutating func visit(_ redirect: Redirect) -> Flow {
        guard let redirect = resolved(redirect) else { return .next }
        emit(
            .redirect, at: redirect.position,
            [.init(.url, .string(redirect.url)), .init(.method, .string(redirect.method.rawValue))])
        return .handOver(HandOver(url: redirect.url, method: redirect.method, parameters: [], position: redirect.position))
    }

    /// Its URL, then its method, for this call.
    private mutating func resolved(_ redirect: Redirect) -> Redirect.Resolved? {
        guard let url = resolve(redirect.url, "url", at: redirect.position),
            let method = resolve(redirect.method, "method", at: redirect.position)
        else { return nil }
        return Redirect.Resolved(position: redirect.position, url: url, method: method)
    }
}

extension Reject {
    /// A `<Reject>` for one call: its reason resolved once.
    struct Resolved {
        let position: SourcePosition
        let reason: Reason
    }
}

extension Redirect {
    /// A `<Redirect>` for one call: where it hands over to, and how.
    struct Resolved {
        let position: SourcePosition
        let url: String
        let method: HTTPMethod
    }
}
