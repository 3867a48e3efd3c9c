import Foundation
import Testing

@testable import connexml

/// Colour on a terminal, none elsewhere: `--color auto` (the default)
/// colours only when the output is a terminal — here a pseudo-terminal made
/// by python3's pty module — and NO_COLOR is empty or unset; `always` and
/// `never` win over both. Colour never changes the text: without its SGR
/// sequences, coloured output is the plain output.
@Suite struct ColourTests {
    /// Runs `connexml ARGUMENTS` with its output on a pseudo-terminal, in
    /// the package root; `noColour` nil unsets NO_COLOR.
    func onTerminal(_ arguments: [String], noColour: String? = nil) throws -> Connexml.Output {
        let runner = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out = b""
            while True:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            _, status = os.waitpid(pid, 0)
            sys.stdout.buffer.write(out.replace(b"\\r\\n", b"\\n"))
            sys.exit(os.WEXITSTATUS(status))
            """
        let environment = noColour.map { "NO_COLOR='\($0)'" } ?? "-u NO_COLOR"
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Connexml.shell("env \(environment) TERM=xterm python3 -c '\(runner)' \"$CONNEXML\" \(quoted)")
    }

    /// Runs with output to a pipe, NO_COLOR unset.
    func onPipe(_ arguments: [String]) throws -> Connexml.Output {
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        return try Connexml.shell("env -u NO_COLOR TERM=xterm \"$CONNEXML\" \(quoted)")
    }

    static let redError = "\u{1B}[1;31merror:\u{1B}[0m"
    static let check = ["check", "--no-show-source", "samples/invalid/attribute-as-text.xml"]

    /// The text without our SGR sequences.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    // MARK: when

    @Test func aTerminalGetsColour() throws {
        let result = try onTerminal(Self.check)
        #expect(result.stdout.contains(Self.redError), "\(result.stdout)")
        #expect(result.stdout.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(result.stdout.contains("\u{1B}[2m[attribute-as-text]\u{1B}[0m"))
        #expect(result.status == 1)
    }

    @Test func aPipeGetsNone() throws {
        let result = try onPipe(Self.check)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.status == 1)
    }

    @Test func noColorWithAValueTurnsAutoOff() throws {
        #expect(!(try onTerminal(Self.check, noColour: "1").stdout.contains("\u{1B}")))
        #expect(!(try onTerminal(Self.check, noColour: "false").stdout.contains("\u{1B}")))  // any value
        #expect(try onTerminal(Self.check, noColour: "").stdout.contains(Self.redError))  // empty: as unset
    }

    @Test func alwaysAndNeverWin() throws {
        #expect(try onPipe(Self.check + ["--color", "always"]).stdout.contains(Self.redError))
        #expect(try onTerminal(Self.check + ["--color=always"], noColour: "1").stdout.contains(Self.redError))
        #expect(!(try onTerminal(Self.check + ["--color", "never"]).stdout.contains("\u{1B}")))
    }

    @Test func theChoiceAlone() {
        let unset: [String: String] = [:]
        #expect(ColourChoice.auto.isEnabled(isTerminal: true, environment: unset))
        #expect(!ColourChoice.auto.isEnabled(isTerminal: false, environment: unset))
        #expect(!ColourChoice.auto.isEnabled(isTerminal: true, environment: ["NO_COLOR": "0"]))
        #expect(ColourChoice.auto.isEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColourChoice.auto.isEnabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(ColourChoice.always.isEnabled(isTerminal: false, environment: ["NO_COLOR": "1", "TERM": "dumb"]))
        #expect(!ColourChoice.never.isEnabled(isTerminal: true, environment: unset))
    }

    @Test func badChoiceIsAnOptionError() throws {
        let result = try onPipe(["check", "--color", "sometimes", "samples/scripts"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("sometimes"))
    }

    // MARK: what

    @Test func colourLeavesTheTextAsItWas() throws {
        for arguments in [
            Self.check + ["--show-source"],
            ["run", "--offline", "samples/calls/agent-features-denied.xml"],
            ["explain", "1001", "flag", "barge"],
            ["explain", "1003", "flag", "barge"],
        ] {
            let plain = try onPipe(arguments)
            let coloured = try onPipe(arguments + ["--color", "always"])
            #expect(coloured.stdout.contains("\u{1B}["), "\(arguments)")
            #expect(Self.plain(coloured.stdout) == plain.stdout, "\(arguments)")
            #expect(coloured.status == plain.status)
        }
    }

    @Test func denialsAndErrorsStandOutInTraces() throws {
        let result = try onTerminal(["run", "--offline", "samples/calls/agent-features-denied.xml"])
        #expect(result.stdout.contains("\u{1B}[1;31mdenied\u{1B}[0m"), "\(result.stdout)")
        // Columns line up as in plain text: the padding is outside the colour.
        let denied = try #require(result.stdout.split(separator: "\n").first { $0.contains("denied") })
        #expect(Self.plain(String(denied)).hasPrefix("    0.0  denied         L2   action=dial"))
    }

    @Test func explainsVerdict() throws {
        #expect(
            try onTerminal(["explain", "1001", "flag", "barge"]).stdout.hasPrefix("\u{1B}[1;31mdenied:\u{1B}[0m 1001 may not"))
        #expect(try onTerminal(["explain", "1003", "flag", "barge"]).stdout.hasPrefix("\u{1B}[1;32mallowed:\u{1B}[0m 1003 may"))
    }

    @Test func directoryErrorsOnStandardErrorFollowItsTerminal() throws {
        // run prints its problems to standard error: coloured only when
        // that is a terminal (the pty is both here), never to a pipe.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-colour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("bad.xml")
        try "<Response><Pause length=\"0\"/></Response>\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(try onTerminal(["run", "--offline", script.path]).stdout.contains(Self.redError))
        #expect(!(try onPipe(["run", "--offline", script.path]).stderr.contains("\u{1B}")))
        #expect(try onPipe(["run", "--offline", "--color", "always", script.path]).stderr.contains(Self.redError))
    }

    @Test func testResultsPassAndFail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-colour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let calls = Connexml.packageRoot.appendingPathComponent("samples/calls")
        for name in ["agent-features-denied.xml", "agent-features-denied.scenario.yaml", "agent-features-denied.trace"] {
            try FileManager.default.copyItem(at: calls.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let passing = try onTerminal(["test", folder.path])
        #expect(passing.stdout.contains("\u{1B}[1;32m1 passed\u{1B}[0m"), "\(passing.stdout)")
        #expect(passing.status == 0)

        let trace = folder.appendingPathComponent("agent-features-denied.trace")
        let expected = try String(contentsOf: trace, encoding: .utf8)
        try expected.replacingOccurrences(of: "reason=missing_flag", with: "reason=other").write(
            to: trace, atomically: true, encoding: .utf8)
        let failing = try onTerminal(["test", folder.path])
        #expect(
            failing.stdout.hasPrefix("\u{1B}[1;31mFAIL\u{1B}[0m \(folder.path)/agent-features-denied: the trace differs"),
            "\(failing.stdout)")
        #expect(failing.stdout.contains("\u{1B}[31m-"))  // the expected line, removed
        #expect(failing.stdout.contains("\u{1B}[32m+"))  // the actual line, added
        #expect(failing.stdout.contains("\u{1B}[1;31m1 failed\u{1B}[0m"))
        #expect(failing.status == 1)
        #expect(!(try onPipe(["test", folder.path]).stdout.contains("\u{1B}")))
    }

    // MARK: untrusted text

    /// The only escape sequences in coloured output are our own SGR codes:
    /// what the script says is escaped before colour goes around it.
    @Test func colourIsAddedAfterEscaping() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-colour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("hostile.xml")
        try """
        <Response>
          <Dial callerId="&#x9B;31m&#x85;&#x202E;1">1002</Dial>
          <Pause length="&#x9B;2J"/>
        </Response>

        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try onPipe(["check", "--color", "always", "--show-source", script.path])
        #expect(result.stdout.contains(Self.redError))
        #expect(result.stdout.contains("\\u009b"))  // the CSI, escaped
        let ours = try Regex("\u{1B}\\[(0|1|2|1;31|1;33|1;36|1;32|31|32)m")
        let escapes = result.stdout.unicodeScalars.filter { $0 == "\u{1B}" }.count
        #expect(escapes == result.stdout.matches(of: ours).count)
        #expect(OutputInjectionTests.rawControls(in: Self.plain(result.stdout), allowingTabs: true).isEmpty)
    }
}
