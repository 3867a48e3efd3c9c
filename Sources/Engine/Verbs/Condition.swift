import Diagnostics
import Foundation
import Language

/// `<Condition>`: its verbs run only when every test holds, on the call's
/// clock in its time zone.
extension CallRun {
    mutating func visit(_ condition: Condition) -> Flow {
        var failed: String?
        if let match = condition.match {
            let value = expand(match.field, at: condition.position)
            if script.expressions[match.expression]?.matches(value) != true { failed = "field" }
        }
        if failed == nil {
            failed = condition.timeTests.first { !clock.holds($0.test) }?.attribute
        }
        var fields: [TraceEvent.Field] = [.init(.result, .bool(failed == nil))]
        if let failed { fields.append(.init(.failed, .string(failed))) }
        emit(.condition, at: condition.position, fields, outcome: failed == nil ? Condition.Outcome.holds : Condition.Outcome.fails)
        return failed == nil ? run(condition.verbs) : .next
    }
}
