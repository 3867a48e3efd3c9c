import Diagnostics
import Language
import Testing

/// `checkBeforeExit` answers as `check(bytes:)` does, script after script
/// (each call frees the document before it), well-formed or not.
@Suite struct CheckBeforeExitTests {
    @Test func answersAsCheckDoes() {
        let broken = ["", "<Response>", "<Response><Say>hi</Response>", "<!DOCTYPE x><Response/>", "<Say>hi</Say>"]
        let texts = MutationTests.scripts + broken + MutationTests.scripts.reversed()
        #expect(texts.count > 20)
        for (index, text) in texts.enumerated() {
            let file = "script-\(index).xml"
            let checked = ScriptChecker.check(bytes: Array(text.utf8), file: file)
            let beforeExit = ScriptChecker.checkBeforeExit(bytes: Array(text.utf8), file: file)
            #expect(beforeExit.diagnostics == checked.diagnostics, "\(file)")
            #expect((beforeExit.script == nil) == (checked.script == nil), "\(file)")
            #expect(beforeExit.script?.verbs.count == checked.script?.verbs.count, "\(file)")
        }
    }
}
