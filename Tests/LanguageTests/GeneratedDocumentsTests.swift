import Foundation
import Language
import Testing

/// docs/reference.md and docs/connexml.xsd are generated from the checker
/// (`LanguageSyntax`) and checked in: regenerated here and compared, so a
/// change to a verb's syntax or text that is not carried into them fails.
/// Rewrite them with CONNEXML_UPDATE_GOLDEN=1 swift test --filter
/// GeneratedDocumentsTests, and review the diff.
@Suite struct GeneratedDocumentsTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func compare(_ generated: String, with path: String) throws {
        let url = root.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["CONNEXML_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: url, encoding: .utf8)
        #expect(
            checkedIn == generated, "\(path) is out of date: CONNEXML_UPDATE_GOLDEN=1 swift test --filter GeneratedDocumentsTests"
        )
    }

    @Test func referenceIsInSync() throws {
        try Self.compare(ReferenceDocument.markdown, with: "docs/reference.md")
    }

    @Test func schemaIsInSync() throws {
        try Self.compare(XMLSchemaDocument.text, with: "docs/connexml.xsd")
    }
}

/// The walk over the checker finds every element, and each declares its
/// reference text and describes every attribute it reads.
@Suite struct LanguageSyntaxTests {
    let elements = LanguageSyntax.elements
    func element(_ name: String) -> ElementSyntax? { LanguageSyntax.element(name) }

    @Test func everyVerbNounAndPartIsFound() {
        let names = Set(elements.map(\.name))
        for verb in VerbRegistry.all { #expect(names.contains(verb.elementName), "\(verb.elementName)") }
        for other in [
            "Response", "Before", "Stream", "Parameter", "Number", "Client", "Queue", "Conference",
            "Voicemail", "Barge", "LLM-Agent",
        ] {
            #expect(names.contains(other), "\(other)")
        }
        #expect(Set(Vocabulary.elementNames).isSubset(of: names.union(["Response"])))
    }

    @Test func everyElementHasReferenceText() {
        for element in elements {
            #expect(!element.reference.summary.isEmpty, "\(element.name) has no summary")
            #expect(!element.reference.run.isEmpty, "\(element.name) does not say what run does")
        }
    }

    @Test func everyAttributeReadHasADescription() {
        var count = 0
        for element in elements {
            for attribute in element.attributes {
                count += 1
                #expect(!attribute.description.isEmpty, "\(element.name) \(attribute.name)")
                #expect(!attribute.expected.isEmpty, "\(element.name) \(attribute.name)")
            }
            // The same names completion offers, so nothing is read unrecorded.
            let completion = Set(Vocabulary.attributes(of: element.name, inside: path(to: element.name)))
            let recorded = Set(element.attributes.flatMap { [$0.name] + $0.aliases })
            #expect(completion.subtracting(recorded).isEmpty, "\(element.name): \(completion.subtracting(recorded))")
        }
        #expect(count > 40)
    }

    /// The parents of an element down from `<Response>` (first found).
    func path(to name: String) -> [String] {
        var path: [String] = []
        var current = element(name)
        while let parent = current?.parents.first, parent != "Response" {
            path.insert(parent, at: 0)
            current = element(parent)
        }
        return path
    }

    @Test func attributesCarryWhatTheCheckerReads() throws {
        let loop = try #require(element("Say")?.attributes.first { $0.name == "loop" })
        #expect(loop.defaultValue == "1" && loop.acceptsTemplates && !loop.isRequired)
        #expect(loop.schema == .integer(1...100))
        let ringTone = try #require(element("Dial")?.attributes.first { $0.name == "ringTone" })
        #expect(ringTone.defaultValue == "us")
        let digit = try #require(element("Press")?.attributes.first { $0.name == "digit" })
        #expect(digit.isRequired && !digit.acceptsTemplates)
        let commands = try #require(element("Barge")?.attributes.first { $0.name == "commands" })
        #expect(commands.aliases == ["command"] && commands.defaultValue == "true")
        let timeOfDay = try #require(element("Condition")?.attributes.first { $0.name == "time-of-day" })
        #expect(timeOfDay.aliases == ["time"] && !timeOfDay.acceptsTemplates)
        #expect(element("Condition")?.attributes.contains { $0.name == "time" } == false)
        let setName = try #require(element("Set")?.attributes.first { $0.name == "name" })
        #expect(setName.isRequired && setName.acceptsTemplates)
        #expect(element("Say")?.ignoredAttributes.map(\.name) == ["voice", "language"])
    }

    @Test func childrenAreThoseTheCheckerAccepts() throws {
        let response = try #require(element("Response")?.children)
        let condition = try #require(element("Condition")?.children)
        let press = try #require(element("Press")?.children)
        #expect(response.contains("Reject") && response.contains("Before") && response.contains("Press"))
        #expect(!condition.contains("Reject") && !condition.contains("Before") && condition.contains("Press"))
        #expect(!press.contains("Press") && !press.contains("Reject") && press.contains("Dial"))
        #expect(element("Gather")?.children == ["Say", "Play"])
        #expect(element("Start")?.children == ["Stream"])
        #expect(element("Stream")?.children == ["Parameter"])
        #expect(element("Dial")?.children == ["Number", "Client", "Queue", "Conference", "Voicemail", "Barge", "LLM-Agent"])
        #expect(Set(element("Say")?.parents ?? []) == ["Response", "Condition", "Press", "Gather"])
        if case .empty = try #require(element("Pause")).content {} else { Issue.record("Pause is not empty") }
        guard case .text(let text) = try #require(element("Enter")).content else {
            Issue.record("Enter takes text")
            return
        }
        #expect(text.isRequired && text.schema == .pattern("[A-Za-z0-9_\\-]+"))
    }

    @Test func branchingVerbsListTheirOutcomes() {
        #expect(element("Dial")?.outcomes.map(\.name).contains("canceled") == true)
        #expect(element("Gather")?.outcomes.map(\.name) == ["digits", "no input"])
        #expect(element("Say")?.outcomes.isEmpty == true)
    }
}
