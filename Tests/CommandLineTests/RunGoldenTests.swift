import Foundation
import Testing

@testable import connexml

/// Every call sample under samples/calls (a script with NAME.scenario.yaml
/// beside it) run through `connexml run`, its trace compared verbatim with
/// NAME.trace. After a deliberate change, re-record with
/// CONNEXML_UPDATE_GOLDEN=1 swift test --filter RunGoldenTests, and review
/// the diff.
@Suite struct RunGoldenTests {
    static let folder = Connexml.packageRoot.appendingPathComponent("samples/calls")

    /// The samples, with paths relative to the package root (where the
    /// binary runs).
    static var samples: [Sample] {
        let root = Connexml.packageRoot.path + "/"
        func relative(_ path: String) -> String { path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path }
        return SampleDiscovery.find([folder.path]).samples.map {
            Sample(
                name: relative($0.name), script: relative($0.script), scenario: relative($0.scenario),
                expectedTrace: relative($0.expectedTrace))
        }
    }

    @Test func thereAreEnoughSamples() {
        #expect(Self.samples.count >= 30)
    }

    @Test(arguments: samples.map(\.name))
    func traceMatches(_ name: String) throws {
        let sample = try #require(Self.samples.first { $0.name == name })
        // Offline, as `connexml test` runs: status callbacks are traced, not sent.
        let result = try Connexml.run(["run", "--offline", sample.script, "--scenario", sample.scenario])
        #expect(result.status == 0, "\(result.stderr)")
        let expectedURL = Connexml.packageRoot.appendingPathComponent(sample.expectedTrace)
        if ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        #expect(result.stdout == (try String(contentsOf: expectedURL, encoding: .utf8)))
    }

    @Test func theTestCommandAgrees() throws {
        let result = try Connexml.run(["test", "samples/calls"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "\(Self.samples.count) passed, 0 failed\n")
    }

    @Test func everyVerbAndDenialCodeIsExercised() throws {
        var traces = ""
        for sample in Self.samples {
            traces += try String(contentsOf: Connexml.packageRoot.appendingPathComponent(sample.expectedTrace), encoding: .utf8)
        }
        for event in [
            "say", "play", "pause", "hangup", "reject", "redirect", "gather", "enqueue", "dial", "dial.result",
            "bind", "transfer", "context", "set", "stream", "echo", "condition", "barge", "denied", "call.end",
        ] {
            #expect(traces.contains("  \(event) "), "no sample produces a \(event) event")
        }
        for kind in ["number", "client", "queue", "conference", "voicemail", "barge", "llm_agent"] {
            #expect(traces.contains("kind=\(kind)"), "no sample dials a \(kind)")
        }
        for reason in [
            "missing_flag", "dial_rule", "no_matching_rule", "not_in_barge_group", "invalid_group_name",
            "no_target_call", "cross_customer", "profile_capacity", "unknown_user", "no_profile",
        ] {
            #expect(traces.contains("reason=\(reason)"), "no sample is denied with \(reason)")
        }
    }

    @Test func jsonLinesFollowTheContract() throws {
        let result = try Connexml.run([
            "run", "--format", "json", "samples/calls/international.xml", "--scenario",
            "samples/calls/international.agent-denied.scenario.yaml",
        ])
        let events = try result.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(events.first?["event"] as? String == "call.start")
        #expect(events.last?["event"] as? String == "call.end")
        #expect(events.last?["reason"] as? String == "completed")
        #expect(events.allSatisfy { $0["time"] is NSNumber && $0["event"] is String })
        let denied = try #require(events.first { $0["event"] as? String == "denied" })
        #expect(denied["action"] as? String == "dial")
        #expect(denied["reason"] as? String == "dial_rule")
        #expect(denied["target"] as? String == "00441234567890")
        #expect(denied["profile"] as? String == "agent")
        #expect(denied["line"] as? Int == 2)
        #expect(denied["file"] as? String == "samples/calls/international.xml")
        let rule = denied["rule"] as? [String: Any]
        #expect(rule?["index"] as? Int == 1)
        #expect(rule?["pattern"] as? String == "_00.")
        #expect(rule?["effect"] as? String == "deny")
        let dial = try #require(events.first { $0["event"] as? String == "dial" })
        #expect(dial["kind"] as? String == "number")
        let dialResult = try #require(events.first { $0["event"] as? String == "dial.result" })
        #expect(dialResult["status"] as? String == "failed")

        let barge = try Connexml.run(["run", "--format", "json", "samples/calls/operator-barge.xml"])
        let joined = try #require(
            barge.stdout.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
            }.first { $0["event"] as? String == "barge" })
        #expect(joined["call"] as? String == "c1")
        #expect(joined["hears"] as? [String] == ["a", "b"])
        #expect(joined["heard_by"] as? [String] == ["a"])
    }

    @Test func invalidInputRunsNothing() throws {
        let badScript = try Connexml.run(["run", "samples/invalid/bad-values.xml"])
        #expect(badScript.status == 1)
        #expect(badScript.stdout.isEmpty)
        #expect(badScript.stderr.contains("[invalid-value]"))
        #expect(badScript.stderr.hasSuffix("nothing was run\n"))
        let badDirectory = try Connexml.run([
            "run", "--directory", "samples/invalid-directories/everything-wrong.yaml",
            "samples/scripts/reject-busy.xml",
        ])
        #expect(badDirectory.status == 1)
        #expect(badDirectory.stdout.isEmpty)
        let missing = try Connexml.run(["run", "no/such.xml"])
        #expect(missing.status == 2)
        let badOption = try Connexml.run(["run", "--dtmf", "1,x", "samples/scripts/reject-busy.xml"])
        #expect(badOption.status == 1)
        #expect(badOption.stderr.contains("keys are 0-9, * and #"))
    }

    @Test func theReadmeShowsTheQuickStartTraceAsItIs() throws {
        let readme = try String(contentsOf: Connexml.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let trace = try String(contentsOf: Self.folder.appendingPathComponent("operator-barge.trace"), encoding: .utf8)
        #expect(readme.contains("swift run connexml run samples/calls/operator-barge.xml\n```"))
        #expect(readme.contains("```\n" + trace + "```"))
    }

    @Test func commandLineWorld() throws {
        let result = try Connexml.run([
            "run", "samples/scripts/ivr-menu.xml", "--from", "+447700900123", "--customer", "acme",
            "--dtmf", "1", "--at", "2026-01-05T09:30:00Z", "--sid", "CA-cli",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sid=CA-cli"))
        #expect(result.stdout.contains("enqueue        L12  queue=sales"))
    }
}
