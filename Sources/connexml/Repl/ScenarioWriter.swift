import Engine
import Foundation

/// A scenario written back as YAML (for `:save`), in the format the
/// scenario loader reads.
enum ScenarioWriter {
    static func yaml(_ s: Scenario) -> String {
        func q(_ text: String) -> String { TraceRenderer.quoted(text) }
        var out = "# Saved from connexml repl.\ncall:\n"
        out += "  from: \(q(s.from))\n  to: \(q(s.to))\n"
        out += "  start: \(q(CivilTimeText.iso8601(s.start)))\n  timezone: \(q(s.timeZoneName))\n"
        if let profile = s.profile { out += "  profile: \(q(profile))\n" }
        if let customer = s.customer { out += "  customer: \(q(customer))\n" }
        out += "  sid: \(q(s.sid ?? "CA-repl"))\n"
        if !s.variables.isEmpty {
            out += "  variables:\n" + s.variables.sorted { $0.key < $1.key }.map { "    \(q($0.key)): \(q($0.value))\n" }.joined()
        }
        if !s.keys.isEmpty {
            out += "dtmf:\n"
            for key in s.keys {
                var fields = ["digits: \(q(key.digits))"]
                if let at = key.at { fields.append("at: \(TraceRenderer.number(at))") }
                if key.leg == .b { fields.append("leg: b") }
                out += "  - {\(fields.joined(separator: ", "))}\n"
            }
        }
        if !s.answers.isEmpty {
            out += "answers:\n"
            for (target, a) in s.answers.sorted(by: { $0.key < $1.key }) {
                out += "  \(q(target)): {status: \(a.status.rawValue), ring: \(TraceRenderer.number(a.ring)), talk: \(TraceRenderer.number(a.talk))}\n"
            }
        }
        if !s.callsInProgress.isEmpty {
            out += "calls_in_progress:\n"
            for call in s.callsInProgress {
                out += "  - id: \(q(call.id))\n    parties: [\(call.parties.map(q).joined(separator: ", "))]\n"
                out += "    started: \(q(CivilTimeText.iso8601(Date(timeIntervalSince1970: call.started))))\n"
            }
        }
        if let target = s.bargeTarget { out += "barge_target: \(q(target))\n" }
        if !s.loggedIn.isEmpty { out += "logged_in: [\(s.loggedIn.map(q).joined(separator: ", "))]\n" }
        if let at = s.hangupAt { out += "hangup_at: \(TraceRenderer.number(at))\n" }
        return out
    }
}

/// UTC ISO 8601 for saved scenarios (whole seconds).
enum CivilTimeText {
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}
