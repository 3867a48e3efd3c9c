import Diagnostics
import Language
import Testing

/// Attributes used when the script is read (`Press digit` and `context`,
/// `Condition expression`) cannot be templates: the reader reports each
/// one written as a template, in the same words, and the reference says
/// "Template: no" for them.
@Suite struct LiteralAttributeTests {
    @Test func eachTemplatedKeyOrContextOfPressIsAnError() {
        let checked = check(verbs: #"<Press digit="{{ key }}" context="{{ menu }}"><Hangup/></Press>"#)
        #expect(checked.script == nil)
        #expect(
            checked.errors.map(\.message) == ["digit of <Press> cannot be a template", "context of <Press> cannot be a template"])
        #expect(checked.codes == ["invalid-value", "invalid-value"])
    }

    @Test func aTemplatedExpressionIsNamedAsSuch() {
        let checked = check(verbs: #"<Condition field="${x}" expression="{{ pattern }}"><Hangup/></Condition>"#)
        #expect(checked.errors.map(\.message).contains("expression of <Condition> cannot be a template"))
    }

    @Test func literalValuesStillWork() {
        let checked = check(verbs: ##"<Press digit="#0" context="A"><Hangup/></Press>"##)
        #expect(checked.errors.isEmpty)
        guard case .press(let press)? = checked.verbs.first else {
            Issue.record("no Press")
            return
        }
        #expect(press.digits == "#0" && press.context == "A")
    }
}
