import Foundation
import Testing

/// Typed verbs that run, verbs that never could, every event once, and the
/// debugger's moves (:step, :break, :run, :where), through piped sessions.
@Suite struct ReplDebuggingTests {
    /// Lines 2 to 9 each start a verb, except 8.
    static let flow = """
        <Response>
          <Say>One</Say>
          <Set name="x" value="1"/>
          <Say>Two</Say>
          <Gather numDigits="1" timeout="3"><Say>Press</Say></Gather>
          <Condition field="${gather_result}" expression="^5$">
            <Say>Five</Say>
          </Condition>
          <Say>Bye</Say>
        </Response>

        """
    static let at = "at 2026-01-05T09:30:00Z"

    func count(_ text: String, in output: String) -> Int { output.components(separatedBy: text).count - 1 }

    @Test func typedVerbsRunWithoutACall() throws {
        let result = try ReplSessions.run([
            "<Say>Hello</Say>",
            "<Gather numDigits=\"1\"><Say>Press a key</Say></Gather>",
            ":press 1",
            "<Condition field=\"${gather_result}\" expression=\"^1$\"><Say>One</Say></Condition>",
        ])
        let out = result.stdout
        #expect(result.status == 0, "\(out)")
        #expect(out.contains("added 1 verb at line 2\n    0.0  call.start"))
        // An outside caller of the bundled directory's first customer.
        #expect(out.contains("caller=outside profile=ivr customer=acme"))
        #expect(out.contains("text=Hello"))
        #expect(out.contains("-- waiting for keys at line 3: :press DIGITS"))
        #expect(out.contains("condition      L4   result=yes"))
        #expect(out.contains("text=One"))
        // Every event once, in order, though each input replays the call.
        for event in ["call.start", "answer", "gather.start", "gather ", "condition"] {
            #expect(count(event, in: out) == 1, "\(event) shown \(count(event, in: out)) times:\n\(out)")
        }
        let order = [
            "text=Hello", "gather.start   L3", "gather         L3   digits=1", "condition      L4   result=yes", "text=One",
            "-- the call has ended (completed)\n",
        ]
        var rest = out[...]
        for marker in order {
            guard let found = rest.range(of: marker) else {
                Issue.record("\(marker) missing or out of order:\n\(out)")
                break
            }
            rest = rest[found.upperBound...]
        }
    }

    @Test func aVerbAfterTheScriptsEndIsRefused() throws {
        let folder = try ReplSessions.folder(with: "<Response>\n  <Say>Hi</Say>\n  <Hangup/>\n</Response>\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ReplSessions.run([":load flow.xml", "<Say>After</Say>", ":show"], in: folder)
        #expect(
            result.stdout.contains("refused: this <Say> would never run: the <Hangup> at line 3 ends the call"),
            "\(result.stdout)")
        #expect(!result.stdout.contains("<Say>After</Say>"))
        #expect(!result.stdout.contains("added"))
        #expect(result.status == 1)
    }

    @Test func stepRunsOneVerbAtATime() throws {
        let folder = try ReplSessions.folder(with: Self.flow)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ReplSessions.run(
            [":load flow.xml", ":step", ":step", ":step", ":step", ":press 5", ":step"], in: folder)
        let chunks = ReplSessions.chunks(result.stdout)
        #expect(chunks.count == 6, "\(result.stdout)")
        guard chunks.count == 6 else { return }
        // With no call, :step places one and runs its first verb.
        #expect(chunks[0].contains("call.start") && chunks[0].contains("say            L2   text=One"))
        #expect(chunks[0].hasSuffix("-- next: line 3: :step | :run | :where\n"))
        #expect(!chunks[0].contains("L3"))
        #expect(chunks[1].contains("set            L3") && !chunks[1].contains("L2") && !chunks[1].contains("L4"))
        #expect(chunks[1].hasSuffix("-- next: line 4: :step | :run | :where\n"))
        #expect(chunks[2].contains("text=Two") && !chunks[2].contains("L5"))
        #expect(chunks[3].contains("gather.start   L5") && chunks[3].hasSuffix("-- waiting for keys at line 5: :press DIGITS\n"))
        // Keys at the Gather: the call runs on to the end.
        #expect(
            chunks[4].contains("condition      L6   result=yes") && chunks[4].contains("text=Five")
                && chunks[4].contains("text=Bye"))
        #expect(chunks[5].contains("the call has ended (completed): :call places a new one"))
        #expect(result.status == 1)  // the last :step had nothing to run
    }

    @Test func aBreakpointStopsTheRun() throws {
        let folder = try ReplSessions.folder(with: Self.flow)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ReplSessions.run(
            [
                ":load flow.xml", ":break 8", ":break 7", ":break 9", ":break", ":call 1001 \(Self.at)",
                ":press 5", ":where", ":run", ":delete 9", ":break", ":run",
            ], in: folder)
        let out = result.stdout
        #expect(out.contains("no verb starts on line 8 (verbs start on lines 2, 3, 4, 5, 6, 7, 9)"), "\(out)")
        #expect(out.contains("breakpoints at lines 7, 9\n"))
        // Stops before the Say nested in the Condition, then at line 9.
        let chunks = ReplSessions.chunks(out)
        let stops = chunks.filter { $0.contains("-- breakpoint: ") }
        #expect(stops.count == 2, "\(out)")
        guard stops.count == 2 else { return }
        #expect(stops[0].contains("condition      L6   result=yes") && !stops[0].contains("text=Five"))
        #expect(stops[0].hasSuffix("-- breakpoint: line 7: :step | :run | :where\n"))
        #expect(stops[1].contains("text=Five") && !stops[1].contains("text=Bye"))
        #expect(
            out.contains(
                "-- next to run: line 7 of flow.xml\n     5    <Gather numDigits=\"1\" timeout=\"3\"><Say>Press</Say></Gather>\n"
                    + "     6    <Condition field=\"${gather_result}\" expression=\"^5$\">\n=>   7      <Say>Five</Say>\n"
                    + "     8    </Condition>\n *   9    <Say>Bye</Say>\n"))
        #expect(out.contains("breakpoint at line 9 deleted\nbreakpoints at lines 7\n"))
        #expect(out.contains("text=Bye"))
        #expect(out.hasSuffix("-- the call has ended (completed)\n"))
        #expect(result.status == 1)  // :break 8
    }

    @Test func theFirstCallOfTheBundledDirectoryMayDialItsUsers() throws {
        // An outside caller with no customer could dial nobody (cross_customer).
        let menu = Connexml.packageRoot.appendingPathComponent("samples/calls/ivr-menu.xml").path
        let result = try ReplSessions.run([":load \(menu)", ":call", ":press 0"])
        #expect(result.stdout.contains("dial           L18  target=1003 kind=client"), "\(result.stdout)")
        #expect(!result.stdout.contains("denied"))
        #expect(result.stdout.contains("-- dialling 1003 (line 18)"))
        #expect(result.status == 0)
    }

    @Test func exitStatusSaysWhetherAnyInputFailed() throws {
        #expect(try ReplSessions.run([":help", "<Say>Hi</Say>", ":vars"]).status == 0)
        let failures = [
            [":nosuch"], ["hello"], [":load nosuch.xml"], [":load a.xml extra"], ["<Say>unclosed"], ["<Sya>Hi</Sya>"],
            [":press 1"], [":break x"], [":help nosuch"],
        ]
        for inputs in failures {
            let result = try ReplSessions.run(inputs + [":help quit"])
            #expect(result.status == 1, "\(inputs) exited \(result.status): \(result.stdout)")
            #expect(result.stdout.contains("end the session"), "\(inputs): the session went on")
        }
        let extra = try ReplSessions.run([":load a.xml extra"])
        #expect(extra.stdout.contains("usage: :load FILE"))
        let missing = try Connexml.run(["repl", "nosuch.xml"], input: ":help\n")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read nosuch.xml"))
        #expect(missing.stdout.isEmpty)
    }
}
