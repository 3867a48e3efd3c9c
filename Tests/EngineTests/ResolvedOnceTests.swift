import Engine
import Foundation
import Language
import Testing

/// Each verb's attributes are resolved once per step, and every effect uses
/// that value (the bug class: an attribute resolved for the trace, then the
/// raw one used; TemplatedAttributeTests covers each attribute).
@Suite struct ResolvedOnceTests {
    /// A Gather's prompts are resolved before they play (their length
    /// decides when keys cut in): a prompt skipped for an invalid attribute
    /// takes no time, and what resolving says comes when the prompt plays.
    @Test func aGathersPromptsAreResolvedOnceAndSpeakInTurn() {
        var scenario = Fixture.scenario()
        scenario.variables = ["n": "bad"]
        let events = Fixture.run(
            """
            <Gather timeout="2"><Say>one two</Say><Say loop="{{ n }}">x</Say><Say>{{ who }} three</Say></Gather>
            """, scenario)
        let fromStart = events.drop { $0.name != .gatherStart }
        #expect(fromStart.map(\.name.rawValue) == ["gather.start", "say", "error", "warning", "say", "gather", "call.end"])
        let start = fromStart.first!.time
        #expect(events.first(.error)?.time == start + 1, "said when its turn comes, after the first prompt")
        #expect(events.first(.error)?.code == .invalidAttribute)
        // 1 s + nothing + 1 s of prompts, then the 2 s timeout.
        #expect(events.first(.gather)?.time == start + 4)
    }

    /// Only Resolution.swift reads a `Setting`: elsewhere in the engine an
    /// attribute as written cannot be used by mistake for its value.
    @Test func onlyResolutionReadsSettings() throws {
        let engine = Fixture.packageRoot.appendingPathComponent("Sources/Engine")
        let files = FileManager.default.enumerator(atPath: engine.path)!.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".swift")
        }
        #expect(files.contains("Run/Resolution.swift"))
        for file in files where file != "Run/Resolution.swift" {
            let text = try String(contentsOf: engine.appendingPathComponent(file), encoding: .utf8)
            for reader in [".fixedValue", ".source {", ".resolve({"] {
                #expect(!text.contains(reader), "\(file) reads a setting with \(reader): resolve it in Resolution.swift")
            }
        }
    }
}
