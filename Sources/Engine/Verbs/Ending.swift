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
        // Before anything else the call is never answered; later, the
        // platform can only hang up, and the trace says so.
        let answered = self.answered  // a local: the fields, built later, must not capture the call
        emit(.reject, at: reject.position, [.init(.reason, .string(reason.rawValue)), .init(.answered, .bool(answered))])
        return .end(.rejected)
    }

    mutating func visit(_ redirect: Redirect) -> Flow {
        guard let url = resolve(redirect.url, "url", at: redirect.position),
            let method = resolve(redirect.method, "method", at: redirect.position)
        else { return .next }
        emit(.redirect, at: redirect.position, [.init(.url, .string(url)), .init(.method, .string(method.rawValue))])
        return .handOver(url: url, method: method, parameters: [], position: redirect.position)
    }
}
