import Diagnostics
import Engine
import Testing

/// A scenario that is not valid YAML gets one diagnostic on one line, with
/// its place, never an echo of the file.
@Suite struct ScenarioYAMLErrorTests {
    func problems(_ yaml: String) -> [String] {
        ScenarioLoader.load(text: yaml, file: "s.yaml").diagnostics.map {
            "\($0.position.map { "\($0.line):\($0.column)" } ?? "-") \($0.code): \($0.message)"
        }
    }

    @Test func aDuplicateKeyIsScenarioDuplicateAtTheSecondKey() {
        #expect(
            problems("call:\n  from: '1001'\n  to: '1002'\n  from: '1003'\n")
                == ["4:3 scenario-duplicate: call: key 'from' is given twice (first given at line 2)"])
        #expect(
            problems("dtmf: []\nhangup_at: 5\ndtmf: []\n")
                == ["3:1 scenario-duplicate: key 'dtmf' is given twice (first given at line 1)"])
        #expect(
            problems("answers:\n  '1002': {status: busy}\n  '1002': {status: answered}\n")
                == ["3:3 scenario-duplicate: answers: key '1002' is given twice (first given at line 2)"])
        #expect(
            problems("dtmf:\n  - {digits: '1', at: 2, at: 3}\n")
                == ["2:26 scenario-duplicate: dtmf[1]: key 'at' is given twice (first given at line 2)"])
    }

    @Test func aDuplicateKeyInALargeScenarioIsStillOneShortLine() {
        var yaml = "documents:\n"
        for i in 0..<20_000 { yaml += "  /menu-\(i).xml: menus/menu-\(i).xml\n" }
        yaml += "documents: {}\n"
        let found = ScenarioLoader.load(text: yaml, file: "s.yaml").diagnostics
        #expect(found.count == 1)
        #expect(found.first?.code == "scenario-duplicate")
        #expect(found.first?.position == SourcePosition(line: 20_002, column: 1))
        #expect((found.first?.message.count ?? .max) < 100)
    }

    @Test func syntaxErrorsAreOneLineWithAPlace() {
        for yaml in ["call:\n\tfrom: '1001'\n", "call: {from: \"1001}\n", "dtmf:\n  - 1\n bad: 2\n", "dtmf: [1, 2\n"] {
            let found = ScenarioLoader.load(text: yaml, file: "s.yaml").diagnostics
            #expect(found.map(\.code) == ["scenario-syntax"], "\(yaml.debugDescription)")
            #expect(found.first?.position != nil, "\(yaml.debugDescription)")
            #expect(found.first?.message.contains { $0.isNewline } == false, "\(found)")
        }
    }
}
