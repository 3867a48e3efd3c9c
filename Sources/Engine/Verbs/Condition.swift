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
            if script.matcher(for: match.expression)?.matches(value) != true { failed = "field" }
        }
        if failed == nil {
            let clock = self.clock  // a local: the closure must not capture the call
            failed = condition.timeTests.first { !clock.holds($0.test) }?.attribute
        }
        // Constants, read by the event's lazily built fields.
        let failedTest = failed
        let outcome = failedTest == nil ? Condition.Outcome.holds : Condition.Outcome.fails
        emit(.condition, at: condition.position, Self.conditionFields(failedTest), outcome: outcome)
        return failedTest == nil ? run(condition.verbs) : .next
    }

    /// `result`, and the test that failed.
    private static func conditionFields(_ failed: String?) -> [TraceEvent.Field] {
        var fields: [TraceEvent.Field] = [.init(.result, .bool(failed == nil))]
        if let failed { fields.append(.init(.failed, .string(failed))) }
        return fields
    }
}
