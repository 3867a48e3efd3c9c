import Foundation
import Testing

/// The REPL driven through its input, as scripts and CI drive it, and once
/// through a pseudo-terminal as a person would.
@Suite struct ReplTests {
    func session(_ lines: [String], in folder: URL? = nil) throws -> Connexml.Output {
        try ReplSessions.run(lines, in: folder)
    }

    func temporaryFolder() throws -> URL { try ReplSessions.temporaryFolder() }

    @Test func aCallThroughTheMenuStepByStep() throws {
        let menu = Connexml.packageRoot.appendingPathComponent("samples/calls/ivr-menu.xml").path
        let result = try session([
            ":load \(menu)",
            ":call +447700900123 to 160 customer acme at 2026-01-05T09:30:00Z",
            ":press 0",
            ":answer 20",
            ":vars",
        ])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("-- waiting for keys at line 6: :press DIGITS"))
        #expect(out.contains("gather         L6   digits=0 outcome=num_digits"))
        #expect(out.contains("-- dialling 1003 (line 18): :answer"))
        #expect(out.contains("dial.result    L18  status=completed talk=20"))
        #expect(out.contains("-- the call has ended (hangup)"))
        #expect(out.contains("DialCallStatus = completed\n"))
        #expect(out.contains("gather_result = 0\n"))
        // Each event is shown once, though the call is replayed at each input.
        #expect(out.components(separatedBy: "call.start").count == 2)
    }

    @Test func typedElementsSpanLinesAndErrorsNameTheTypedLine() throws {
        let result = try session([
            "<Gather numDigits=\"1\">",
            "  <Say>Press a key</Say>",
            "  <Pause/>",
            "</Gather>",
            "<Dial>",
            "  <Number>112</Number>",
            "</Dial>",
            ":show",
        ])
        #expect(
            result.stdout.contains("typed line 3:3: error: <Gather> takes only <Say> and <Play>, not <Pause> [invalid-child]"))
        #expect(result.stdout.contains("not added"))
        #expect(result.stdout.contains("added 1 verb"))
        #expect(result.stdout.contains("<Number>112</Number>"))
        #expect(!result.stdout.contains("<Pause/>\n"))
    }

    @Test func savedSessionsAreSamplesThatConnexmlTestReplays() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try session(
            [
                "<Gather numDigits=\"2\" timeout=\"3\"><Say>Enter two digits</Say></Gather>",
                "<Say>You entered {{ gather_result }}</Say>",
                "<Dial>01234567890</Dial>",
                ":call 1001 at 2026-01-05T09:30:00Z",
                ":press 42",
                ":busy",
                ":save flow",
            ], in: folder)
        #expect(result.stdout.contains("saved flow.xml, flow.scenario.yaml, flow.trace"))
        let trace = try String(contentsOf: folder.appendingPathComponent("flow.trace"), encoding: .utf8)
        #expect(trace.contains("text=\"You entered 42\""))
        #expect(trace.contains("status=busy"))
        let replay = try Connexml.run(["test", folder.path])
        #expect(replay.stdout == "1 passed, 0 failed\n", "\(replay.stdout)")
    }

    @Test func savedSessionsWithHandOversReplayTheSame() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<Response><Say>Next document</Say></Response>".write(
            to: folder.appendingPathComponent("next.xml"), atomically: true, encoding: .utf8)
        let result = try session(
            ["<Redirect>next.xml</Redirect>", ":call 1001 at 2026-01-05T09:30:00Z", ":save handover"], in: folder)
        #expect(result.stdout.contains("text=\"Next document\""))
        let trace = try String(contentsOf: folder.appendingPathComponent("handover.trace"), encoding: .utf8)
        #expect(trace.contains("text=\"Next document\""))
        #expect(try Connexml.run(["test", folder.path + "/handover.scenario.yaml"]).stdout == "1 passed, 0 failed\n")
    }

    @Test func inspectingTheCallAndThePolicy() throws {
        let result = try session([
            "<Press digit=\"9\" context=\"menu\"><Hangup/></Press>",
            "<Enter>menu</Enter>",
            "<Gather/>",
            ":call 1003 at 2026-01-05T09:30:00Z",
            ":context",
            ":calls add c1 1001 +441234567890",
            ":calls",
            ":login 1002",
            ":login 9999",
            ":explain 1001 barge sales",
            ":directory",
            ":hangup",
        ])
        let out = result.stdout
        #expect(out.contains("context: menu\n  9 in menu (line 2) active"))
        #expect(out.contains("  c1: 1001 & +441234567890"))
        #expect(out.contains("logged in: 1002"))
        #expect(out.contains("no SIP user '9999'"))
        #expect(out.contains("denied: 1001 may not barge calls of group sales"))
        #expect(out.contains("profile operator: capacity 2"))
        #expect(out.contains("caller.hangup"))
        #expect(out.contains("-- the call has ended (caller-hangup)"))
    }

    @Test func helpForEveryCommand() throws {
        let names = [
            "help", "load", "reload", "show", "call", "step", "run", "break", "delete", "where", "press", "answer", "busy",
            "noanswer", "fail",
            "hangup", "trace", "vars", "context", "calls", "directory", "login", "logout", "explain", "save", "quit",
        ]
        let result = try session([":help"] + names.map { ":help \($0)" })
        for name in names { #expect(result.stdout.contains(":\(name)"), "no help for :\(name)") }
        #expect(result.stdout.contains("Type ConneXML verbs"))
        // It fits a terminal of 80 columns.
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "wider than 80 columns: \(line)") }
        #expect(result.status == 0)
    }

    @Test func garbageNeverEndsTheSession() throws {
        let binary = String(decoding: (0..<200).map { UInt8(($0 * 37) % 256) }, as: UTF8.self)
        let result = try session([
            binary,
            String(repeating: "x", count: 100_000),
            ":nosuchcommand",
            ":press",
            ":answer",
            ":call to",
            "<Say>unclosed <b>",
            ":help quit",
        ])
        #expect(result.status == 1)  // inputs failed: a scripted session says so
        #expect(result.stdout.contains("line too long"))
        #expect(result.stdout.contains("unknown command :nosuchcommand"))
        #expect(result.stdout.contains("usage: :press DIGITS"))
        #expect(result.stdout.contains("no dial is waiting for an answer"))
        #expect(result.stdout.contains("the unfinished <Say> was abandoned: a command came before its end tag"))
        #expect(result.stdout.contains("end the session"))  // :help quit still ran
        #expect(result.stderr.isEmpty)
    }

    @Test func quitAndEndOfInputEndCleanly() throws {
        let quit = try session([":quit", ":help"])
        #expect(quit.status == 0)
        #expect(!quit.stdout.contains("Type ConneXML verbs"))
        let eof = try Connexml.run(["repl"], input: "")
        #expect(eof.status == 0)
    }

    /// Tests/CommandLineTests/pty-session.py: each scenario a person's
    /// session on a terminal (its docstrings say what each checks).
    @Test(arguments: ["editing", "paste", "interrupt", "home-end", "resize", "search", "completion", "plain"])
    func onATerminal(_ scenario: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Connexml.packageRoot.appendingPathComponent("Tests/CommandLineTests/pty-session.py").path
        let result = try Connexml.shell("python3 '\(script)' \"$CONNEXML\" \(scenario) '\(folder.path)'")
        #expect(result.status == 0, "\(result.stdout)")
    }
}
