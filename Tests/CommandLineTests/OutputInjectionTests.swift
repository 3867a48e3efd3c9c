import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A hostile script, scenario, directory, file name or web server must not
/// reach the admin's terminal with control characters (`ESC [ 2 J`, BEL,
/// C1 `CSI`, bidi overrides) nor forge a line of output: every
/// human-readable output escapes them, and every diagnostic is one line.
@Suite struct OutputInjectionTests {
    /// What no human-readable output may contain raw: C0 controls but the
    /// line feed (and the tab, where `allowingTabs`), DEL, C1, the Unicode
    /// line and paragraph separators, and the bidi embeddings, overrides and
    /// isolates. Written out here rather than taken from the tool, so the
    /// test does not trust what it tests.
    static func rawControls(in text: String, allowingTabs: Bool = false) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: false
            case 0x09: !allowingTabs
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { String(format: "U+%04X", $0.value) }
    }

    static let forged = "script.xml:1:1: error: forged"

    /// Writes `files` (name: contents) into a new folder.
    func folder(_ files: [String: [UInt8]]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-injection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: url.appendingPathComponent(name)) }
        return url
    }

    func folder(_ files: [String: String]) throws -> URL { try folder(files.mapValues { Array($0.utf8) }) }

    /// Each line of `check` output: a diagnostic of `file`, or the summary.
    func expectOneLineDiagnostics(_ output: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in output.split(separator: "\n") {
            #expect(
                line.hasPrefix(file + ":") || line.hasPrefix("checked "), "a line of its own: \(line)",
                sourceLocation: sourceLocation)
            #expect(!line.hasPrefix(Self.forged), sourceLocation: sourceLocation)
        }
        #expect(
            Self.rawControls(in: output).isEmpty, "raw controls: \(Self.rawControls(in: output))", sourceLocation: sourceLocation)
    }

    // MARK: check

    @Test func checkEscapesValuesWithLineBreaksAndControls() throws {
        // XML 1.0 lets a script carry line feeds, tabs and C1 controls (CSI,
        // NEL) as character references, and bidi overrides as they are.
        let script = """
            <Response>
              <Pause length="1&#10;\(Self.forged)"/>
              <Dial callerId="&#x9B;2J&#x85;&#x9;1">1002</Dial>
              <Dial callerId="&#x202E;1234">1002</Dial>
            </Response>

            """
        let dir = try folder(["hostile.xml": script])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("hostile.xml").path
        let result = try Connexml.run(["check", "--no-show-source", file])
        #expect(result.status == 1)
        expectOneLineDiagnostics(result.stdout, file: file)
        // The values are shown, escaped as the trace quotes them.
        #expect(result.stdout.contains(#"length="1\n\#(Self.forged)""#))
        #expect(result.stdout.contains(#"callerId="\u009b2J\u0085\t1""#))
        #expect(result.stdout.contains(#"callerId="\u202e1234""#))
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix(file + ":") && $0.contains(": error: ") }.count == 3)
    }

    @Test func testAndArgumentErrorsEscapeNamesAndWhatWasTyped() throws {
        // A sample named with ESC: the runner's lines name it escaped.
        let dir = try folder([
            "x\u{1B}[31m.xml": "<Response><Hangup/></Response>", "x\u{1B}[31m.scenario.yaml": "call: {from: '1001'}\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let test = try Connexml.run(["test", dir.path])
        #expect(test.status == 1)
        #expect(!test.stdout.contains("\u{1B}") && !test.stderr.contains("\u{1B}["))
        #expect(test.stdout.contains(#"x\u001b[31m"#))
        // ArgumentParser echoes an unknown option as typed.
        let typed = try Connexml.run(["run", "--no\u{1B}[2Jsuch", "x.xml"])
        #expect(typed.status == 2)
        #expect(!typed.stderr.contains("\u{1B}"))
    }

    @Test func checkJSONKeepsTheValuesExactly() throws {
        let dir = try folder(["hostile.xml": "<Response><Pause length=\"1&#10;\(Self.forged)&#x9B;\"/></Response>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Connexml.run(["check", "--format", "json", dir.appendingPathComponent("hostile.xml").path])
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let message = (report?["diagnostics"] as? [[String: Any]])?.first?["message"] as? String
        #expect(message?.contains("1\n\(Self.forged)\u{9B}") == true)
    }

    @Test func theSourceExcerptIsEscapedAndTheCaretStillLinesUp() throws {
        // Raw C1 characters and a tab before the problem: the escapes widen
        // the line, so the caret must move with them.
        let script = "<Response>\n\t<Say>\u{85}\u{9B}2J</Say><Pause length=\"x\"/>\n</Response>\n"
        let dir = try folder(["excerpt.xml": script])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("excerpt.xml").path
        let result = try Connexml.run(["check", "--show-source", file])
        #expect(Self.rawControls(in: result.stdout, allowingTabs: true).isEmpty)
        let lines = result.stdout.components(separatedBy: "\n")
        let excerpt = try #require(lines.firstIndex { $0.hasPrefix("    ") })
        #expect(lines[excerpt] == "    \t<Say>\\u0085\\u009b2J</Say><Pause length=\"x\"/>")
        let caret = Array(lines[excerpt + 1])
        let shown = Array(lines[excerpt])
        #expect(caret.last == "^")
        // Tabs stand for tabs, so character offsets are display offsets.
        #expect(caret.count <= shown.count && String(shown[(caret.count - 1)...]).hasPrefix("length="))
    }

    @Test func aRawEscapeInTheSourceIsEscapedInTheExcerpt() throws {
        // XML forbids ESC and BEL even as references: libxml2 refuses them,
        // and the excerpt under its complaint must not replay them.
        let bytes =
            Array("<Response>\n<Say>".utf8) + [0x1B] + Array("[2J".utf8) + [0x07, 0x00] + Array("</Say></Response>\n".utf8)
        let dir = try folder(["escape.xml": bytes])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("escape.xml").path
        let result = try Connexml.run(["check", "--show-source", file])
        #expect(result.status == 1)
        #expect(Self.rawControls(in: result.stdout).isEmpty, "raw controls: \(Self.rawControls(in: result.stdout))")
        #expect(result.stdout.contains("    <Say>\\u001b[2J\\u0007\\u0000</Say></Response>\n"))
    }

    @Test func libxml2sTwoLineMessagesAreOneLine() throws {
        // "Input is not proper UTF-8, indicate encoding !\nBytes: 0xC3 0x28 ..."
        let dir = try folder(["latin1.xml": Array("<Response><Say>".utf8) + [0xC3, 0x28] + Array("</Say></Response>".utf8)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.xml").path
        let result = try Connexml.run(["check", "--no-show-source", file])
        expectOneLineDiagnostics(result.stdout, file: file)
        #expect(result.stdout.contains("Bytes: 0xC3 0x28"))
    }

    @Test func fileNamesCannotForgeLines() throws {
        let name = "evil\n\(Self.forged)\u{1B}[2J\u{9B}.xml"
        let dir = try folder([name: "<Response><Pause length=\"x\"/></Response>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name).path
        let escaped = file.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1B}", with: "\\u001b")
            .replacingOccurrences(of: "\u{9B}", with: "\\u009b")
        let checked = try Connexml.run(["check", "--show-source", file])
        #expect(checked.status == 1)
        expectOneLineDiagnostics(
            checked.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }.joined(separator: "\n"), file: escaped)
        #expect(Self.rawControls(in: checked.stdout).isEmpty)
        // Found by searching the folder, too; and `run` reports it on stderr.
        expectOneLineDiagnostics(try Connexml.run(["check", "--no-show-source", dir.path]).stdout, file: escaped)
        let ran = try Connexml.run(["run", file])
        #expect(ran.status == 1)
        #expect(Self.rawControls(in: ran.stderr).isEmpty)
        #expect(!ran.stderr.split(separator: "\n").contains { $0.hasPrefix(Self.forged) })
    }

    @Test func directoryValuesAreEscaped() throws {
        let directory = """
            customers:
              - name: "acme\\e[2J"
            profiles:
              - name: agent
                capacity: 1
                flags: [queue, "x\\e]0;title\\a"]
                dial:
                  - deny: "_00.\\e[31m"
            users:
              - {username: "1001", profile: "agent\\n\(Self.forged)", customer: acme}

            """
        let dir = try folder(["directory.yaml": directory])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("directory.yaml").path
        let result = try Connexml.run(["check", "--no-show-source", "--directory", file])
        #expect(result.status == 1)
        expectOneLineDiagnostics(result.stdout, file: file)
        #expect(result.stdout.contains(#"'acme\u001b[2J'"#))
        #expect(result.stdout.contains(#"'agent\n\#(Self.forged)'"#))
    }

    // MARK: run

    /// Values from the scenario (YAML escapes), the script (character
    /// references) and templates that echo them.
    func hostileCall() throws -> URL {
        try folder([
            "call.xml": """
            <Response>
              <Say>{{ From }}&#x9B;2J</Say>
              <Say>x&#10;\(Self.forged)</Say>
              <Say>&#x85;&#x202E;</Say>
              <Dial>{{ To }}</Dial>
            </Response>

            """,
            "call.scenario.yaml": """
            call:
              from: "\\e[31mred\\a"
              to: "\\e]0;title\\a"
              start: "2026-01-05T09:30:00Z"
              sid: "CA-\\e[2J"

            """,
        ])
    }

    @Test func theTextTraceEscapesEveryValue() throws {
        let dir = try hostileCall()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Connexml.run(["run", dir.appendingPathComponent("call.xml").path])
        #expect(result.status == 0)
        #expect(Self.rawControls(in: result.stdout).isEmpty, "raw controls: \(Self.rawControls(in: result.stdout))")
        for line in result.stdout.split(separator: "\n") {
            #expect(line.range(of: #"^ +\d+\.\d  [a-z.]+"#, options: .regularExpression) != nil, "not a trace line: \(line)")
        }
        #expect(result.stdout.contains(#"from="\u001b[31mred\u0007""#))
        #expect(result.stdout.contains(#"sid="CA-\u001b[2J""#))
        #expect(result.stdout.contains(#"text="\u0085\u202e""#))
        #expect(result.stdout.contains(#"text="x\n\#(Self.forged)""#))
    }

    @Test func theJSONTraceDecodesToTheExactValues() throws {
        let dir = try hostileCall()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Connexml.run(["run", "--format", "json", dir.appendingPathComponent("call.xml").path])
        #expect(Self.rawControls(in: result.stdout).isEmpty)
        let events = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(events.first?["from"] as? String == "\u{1B}[31mred\u{07}")
        #expect(events.contains { $0["text"] as? String == "\u{85}\u{202E}" })
    }

    @Test func aFetchedDocumentIsEscapedToo() throws {
        let dir = try folder([
            "served.xml": "<Response><Say>&#x9B;2J&#x85;</Say><Pause length=\"1&#10;\(Self.forged)&#x9B;\"/></Response>"
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try TestServer(root: dir)
        let script = dir.appendingPathComponent("entry.xml")
        try "<Response><Redirect method=\"GET\">\(server.url("/served.xml"))</Redirect></Response>".write(
            to: script, atomically: true, encoding: .utf8)
        let result = try Connexml.run(["run", "--from", "1001", script.path])
        #expect(result.stdout.contains("redirect"))
        #expect(result.stdout.contains(#"\u009b"#))
        #expect(Self.rawControls(in: result.stdout).isEmpty, "raw controls: \(Self.rawControls(in: result.stdout))")
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix(Self.forged) })
    }

    // MARK: explain

    @Test func explainEscapesWhatItEchoes() throws {
        let result = try Connexml.run(["explain", "1001", "dial", "\u{1B}[2J0044\n\(Self.forged)\u{9B}"])
        #expect(result.status == 1)
        #expect(Self.rawControls(in: result.stdout).isEmpty, "raw controls: \(Self.rawControls(in: result.stdout))")
        #expect(result.stdout.hasPrefix(#"denied: 1001 may not dial \u001b[2J0044\n\#(Self.forged)\u009b"#))
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix(Self.forged) })
        let unknown = try Connexml.run(["explain", "\u{1B}[2J\n\(Self.forged)", "dial", "1"])
        #expect(unknown.status == 2)
        #expect(Self.rawControls(in: unknown.stderr).isEmpty)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
    }

    // MARK: the REPL

    @Test func theReplEscapesEverythingItPrints() throws {
        let dir = try folder(["evil\u{1B}[2J.xml": "<Response><Pause length=\"1&#10;\(Self.forged)\"/></Response>"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let input =
            [
                "<Set name=\"v\" value=\"a&#10;\(Self.forged)&#x9B;2J\"/>",
                "<Dial>{{ v }}</Dial>",
                "<Pause length=\"2&#10;\(Self.forged)&#x85;\"/>",
                ":call 1001 at 2026-01-05T09:30:00Z",
                ":vars",
                ":explain 1001 dial 0044&#x9B;\u{9B}\u{1B}[2J",
                ":load \(dir.path)/evil\u{1B}[2J.xml",
                ":load \(dir.path)/missing\u{1B}[2J\u{85}.xml",
                ":trace",
            ].joined(separator: "\n") + "\n"
        let result = try Connexml.run(["repl"], input: input)
        #expect(result.status == 1)  // inputs failed (invalid XML, unreadable files), as a piped session reports
        #expect(Self.rawControls(in: result.stdout).isEmpty, "raw controls: \(Self.rawControls(in: result.stdout))")
        #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix(Self.forged) })
        #expect(result.stdout.contains(#"v = a\n\#(Self.forged)\u009b2J"#))
        #expect(result.stdout.contains(#"evil\u001b[2J.xml was not loaded"#))
        #expect(result.stdout.contains(#"cannot read \#(dir.path)/missing\u001b[2J\u0085.xml"#))
        #expect(result.stdout.contains(#"typed line 1:8: error: length="2\n\#(Self.forged)\u0085""#))
    }
}
