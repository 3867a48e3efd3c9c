import Diagnostics
import Engine
import Foundation
import Policy
import TestSupport
import Testing

/// The JSON Schemas of docs/schemas/ (for YAML editors) say what the two
/// loaders do. The loaders' keys are read from the loaders themselves: a
/// list where a mapping belongs makes them answer "expected a mapping of
/// KEYS", so no third copy of the keys exists to drift.
@Suite struct ConfigSchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    enum Kind: String, CaseIterable {
        case directory, scenario

        var schema: [String: Any] {
            let url = packageRoot.appendingPathComponent("docs/schemas/\(rawValue).schema.json")
            let data = try! Data(contentsOf: url)
            return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        }

        func load(_ text: String) -> (accepted: Bool, diagnostics: [Diagnostic]) {
            switch self {
            case .directory:
                let result = DirectoryLoader.load(text: text, file: "probe.yaml")
                return (result.directory != nil, result.diagnostics)
            case .scenario:
                let result = ScenarioLoader.load(text: text, file: "probe.yaml")
                return (result.scenario != nil, result.diagnostics)
            }
        }

        /// Every mapping the schema describes, by its path in the schema,
        /// with a file that puts a list there (`[probe]`).
        var probes: [[String]: String] {
            switch self {
            case .directory:
                [
                    []: "[probe]",
                    ["properties", "customers", "items"]: "profiles: []\ncustomers: [[probe]]",
                    ["properties", "profiles", "items"]: "profiles: [[probe]]",
                    ["properties", "users", "items"]: "profiles: []\nusers: [[probe]]",
                ]
            case .scenario:
                [
                    []: "[probe]",
                    ["properties", "call"]: "call: [probe]",
                    ["properties", "call", "properties", "variables"]: "call: {variables: [probe]}",
                    ["properties", "dtmf", "items"]: "dtmf: [[probe]]",
                    ["properties", "answers"]: "answers: [probe]",
                    ["properties", "answers", "properties", "default"]: "answers: {default: [probe]}",
                    ["properties", "answers", "additionalProperties"]: "answers: {'160': [probe]}",
                    ["properties", "calls_in_progress", "items"]: "calls_in_progress: [[probe]]",
                    ["properties", "documents"]: "documents: [probe]",
                    ["properties", "audio"]: "audio: [probe]",
                ]
            }
        }

        /// Mappings the loader reads by hand rather than by a table of keys,
        /// each checked by its own test below.
        var readByHand: Set<[String]> {
            switch self {
            case .directory: [["properties", "profiles", "items", "properties", "dial", "items"]]
            case .scenario: []
            }
        }
    }

    /// The keys the loader knows at a place, from its own message; nil when
    /// it reported no such message.
    static func loaderKeys(_ kind: Kind, probe: String) -> [String]? {
        for diagnostic in kind.load(probe).diagnostics {
            guard let start = diagnostic.message.range(of: "expected a mapping of "),
                let end = diagnostic.message.range(of: ", found ", range: start.upperBound..<diagnostic.message.endIndex)
            else { continue }
            let list = diagnostic.message[start.upperBound..<end.lowerBound]
            return list.isEmpty ? [] : list.components(separatedBy: ", ")
        }
        return nil
    }

    @Test(arguments: Kind.allCases) func theSchemaNamesEveryKeyTheLoaderKnowsAndNoOther(_ kind: Kind) throws {
        let schema = kind.schema
        for (path, probe) in kind.probes.sorted(by: { $0.key.count < $1.key.count }) {
            let node = try #require(SchemaWalk.object(at: path, in: schema), "\(kind) schema has no mapping at \(path)")
            let keys = try #require(Self.loaderKeys(kind, probe: probe), "\(kind) loader: no 'expected a mapping' for \(probe)")
            if keys.isEmpty {
                // A map of the file's own names (destinations, URLs, variables).
                #expect(node["additionalProperties"] is [String: Any], "\(kind) \(path): the loader takes any key here")
            } else {
                #expect(node["additionalProperties"] as? Bool == false, "\(kind) \(path): the loader refuses unknown keys here")
                let schemaKeys = Set((node["properties"] as? [String: Any] ?? [:]).keys)
                #expect(schemaKeys == Set(keys), "\(kind) \(path): schema \(schemaKeys.sorted()), loader \(keys.sorted())")
            }
        }
    }

    @Test(arguments: Kind.allCases) func everyMappingOfTheSchemaIsProbed(_ kind: Kind) {
        let mappings = SchemaWalk.mappings(in: kind.schema)
        #expect(mappings.count >= kind.probes.count)
        for path in mappings {
            #expect(kind.probes[path] != nil || kind.readByHand.contains(path), "\(kind) schema: \(path) has no probe")
        }
    }

    @Test func dialRulesAreAllowOrDenyAndNothingElse() throws {
        let rule = try #require(
            SchemaWalk.object(
                at: ["properties", "profiles", "items", "properties", "dial", "items"],
                in: Kind.directory.schema))
        let effects = try #require(rule["properties"] as? [String: Any]).keys.sorted()
        #expect(effects == ["allow", "deny"])
        #expect(rule["minProperties"] as? Int == 1 && rule["maxProperties"] as? Int == 1)
        for effect in effects + ["permit", "Allow", "reject"] {
            let accepted = Kind.directory.load("profiles: [{name: p, dial: [{\(effect): '_X.'}]}]").accepted
            #expect(accepted == effects.contains(effect), "dial rule '\(effect)'")
        }
        #expect(!Kind.directory.load("profiles: [{name: p, dial: [{allow: '_X.', deny: '112'}]}]").accepted)
    }

    @Test func flagsAreTheFlagsOfPolicy() throws {
        let flag = try #require(SchemaWalk.definition("flag", in: Kind.directory.schema))
        #expect(flag["enum"] as? [String] == Flag.allCases.map(\.rawValue))
        #expect(flag["enumDescriptions"] as? [String] == Flag.allCases.map(\.gates))
    }

    @Test func answerStatusesAndLegsAreTheLoaders() throws {
        let schema = Kind.scenario.schema
        let answer = try #require(SchemaWalk.definition("answer", in: schema))
        let status = try #require((answer["properties"] as? [String: Any])?["status"] as? [String: Any])
        #expect(status["enum"] as? [String] == Answer.Status.allCases.map(\.rawValue))
        let press = try #require(SchemaWalk.definition("keyPress", in: schema))
        let leg = try #require((press["properties"] as? [String: Any])?["leg"] as? [String: Any])
        let legs = (leg["anyOf"] as? [[String: Any]] ?? []).compactMap { $0["enum"] as? [String] }.flatMap { $0 }
        #expect(legs == ["a", "b"])
        for value in legs + ["c", "A", "ab"] {
            #expect(Kind.scenario.load("dtmf: [{digits: '1', leg: \(value)}]").accepted == legs.contains(value), "leg \(value)")
        }
    }

    @Test func rangesAreTheLoaders() throws {
        let seconds = try #require(SchemaWalk.definition("seconds", in: Kind.scenario.schema))
        let low = try #require(seconds["minimum"] as? Double)
        let high = try #require(seconds["maximum"] as? Double)
        for (value, inRange) in [(low, true), (high, true), (low - 0.5, false), (high + 0.5, false)] {
            #expect(Kind.scenario.load("hangup_at: \(value)").accepted == inRange, "hangup_at: \(value)")
            #expect(Kind.scenario.load("audio: {a.wav: \(value)}").accepted == inRange, "audio: \(value)")
        }
        let profile = try #require(SchemaWalk.definition("profile", in: Kind.directory.schema))
        let capacity = try #require((profile["properties"] as? [String: Any])?["capacity"] as? [String: Any])
        let least = try #require((capacity["anyOf"] as? [[String: Any]])?.compactMap { $0["minimum"] as? Int }.first)
        for (value, inRange) in [(least, true), (least - 1, false)] {
            #expect(Kind.directory.load("profiles: [{name: p, capacity: \(value)}]").accepted == inRange, "capacity: \(value)")
        }
    }

    /// The schemas' patterns against the code that decides, on the same
    /// random text (seeded: the seed is in every failure).
    @Test func patternsAgreeWithTheLoaders() throws {
        let directory = Kind.directory.schema
        let scenario = Kind.scenario.schema
        let name = try SchemaWalk.pattern(try #require(SchemaWalk.definition("name", in: directory)))
        let dial = try SchemaWalk.pattern(try #require(SchemaWalk.definition("dialPattern", in: directory)))
        let exact = try SchemaWalk.pattern(try #require(SchemaWalk.definition("exactNumber", in: directory)))
        let keys = try SchemaWalk.pattern(try #require(SchemaWalk.definition("keys", in: scenario)))
        let time = try SchemaWalk.pattern(try #require(SchemaWalk.definition("time", in: scenario)))
        var random = SeededRandom(default: 0x5CE3_2026)
        let seed = random.seed
        for _ in 0..<3000 {
            let text = random.text(from: "_XZNxz.![]-0123456789+*#aB ", maxLength: 10)
            #expect(name.matches(text) == PlainName.isValid(text), "seed \(seed): name '\(text)'")
            #expect(dial.matches(text) == ((try? DialPattern(text)) != nil), "seed \(seed): dial pattern '\(text)'")
            #expect(
                exact.matches(text) == Kind.directory.load("emergency: ['\(text)']\nprofiles: []").accepted,
                "seed \(seed): emergency number '\(text)'")
            #expect(keys.matches(text) == Kind.scenario.load("dtmf: ['\(text)']").accepted, "seed \(seed): keys '\(text)'")
        }
        for _ in 0..<5000 {
            let text = random.moment()
            let parsed = ScenarioLoader.parseDate(text) != nil
            // The loader also refuses days a month does not have (30
            // February), which a pattern does not try to know.
            let impossibleDay = text.count >= 10 && Int(text.dropFirst(8).prefix(2)).map { $0 >= 29 } == true
            if parsed || !impossibleDay {
                #expect(time.matches(text) == parsed, "seed \(seed): time '\(text)'")
            }
        }
    }

    /// docs/schemas/invalid/: each file is refused by the loader with the
    /// code its second line names (scripts/check-schemas.py shows the schema
    /// refuses it too).
    @Test func theInvalidExamplesAreRefusedByTheLoaders() throws {
        let folder = Self.packageRoot.appendingPathComponent("docs/schemas/invalid")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 10)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let kind = try #require(
                Kind.allCases.first { lines.first?.hasSuffix("/\($0.rawValue).schema.json") == true }, "\(name): line 1")
            let code = try #require(
                lines.dropFirst().first.map { $0.replacingOccurrences(of: "# loader: ", with: "") }, "\(name): line 2")
            let result = kind.load(text)
            #expect(!result.accepted, "\(name)")
            #expect(result.diagnostics.map(\.code.rawValue).contains(code), "\(name): \(result.diagnostics.map(\.code.rawValue))")
        }
    }

    /// Every sample names its schema on its first line, as yaml-language-server
    /// reads it, and the loader accepts every valid one.
    @Test func theSamplesNameTheirSchemaAndLoad() throws {
        let samples = Self.packageRoot.appendingPathComponent("samples")
        let files = try #require(FileManager.default.enumerator(atPath: samples.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 50)
        // samples/directory.yaml is embedded byte for byte in the binary
        // (Sources/connexml/BundledDirectory.swift): it gains the line when
        // that file does, and is checked from then on.
        let pending: Set<String> = ["directory.yaml"]
        for file in files {
            let url = samples.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let kind: Kind = file.hasSuffix(".scenario.yaml") ? .scenario : .directory
            let first = text.prefix { $0 != "\n" }
            let prefix = "# yaml-language-server: $schema="
            if !pending.contains(file) || first.hasPrefix(prefix) {
                #expect(first.hasPrefix(prefix), "samples/\(file): line 1")
                let schema = url.deletingLastPathComponent().appendingPathComponent(String(first.dropFirst(prefix.count)))
                    .standardized
                #expect(
                    schema.path
                        == Self.packageRoot.appendingPathComponent("docs/schemas/\(kind.rawValue).schema.json").standardized.path,
                    "samples/\(file): \(schema.path)")
            }
            let invalid = file.split(separator: "/").dropLast().contains { $0.hasPrefix("invalid") }
            #expect(kind.load(text).accepted == !invalid, "samples/\(file)")
        }
    }

    /// scripts/check-schemas.py: every sample valid under its schema, every
    /// invalid example not (python3 with the jsonschema package).
    @Test func theSchemasAcceptTheSamplesAndRefuseTheInvalidExamples() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot.appendingPathComponent("scripts/check-schemas.py").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "scripts/check-schemas.py:\n\(text)")
        #expect(text.contains(" 0 failed"), "\(text)")
    }
}

/// Reading the schemas: `$ref`s to `#/definitions/NAME` followed, and of
/// `anyOf` branches the one that is a mapping.
enum SchemaWalk {
    static func definition(_ name: String, in schema: [String: Any]) -> [String: Any]? {
        (schema["definitions"] as? [String: Any])?[name] as? [String: Any]
    }

    static func resolved(_ node: [String: Any], in schema: [String: Any]) -> [String: Any] {
        if let ref = node["$ref"] as? String, ref.hasPrefix("#/definitions/"),
            let target = definition(String(ref.dropFirst("#/definitions/".count)), in: schema)
        {
            return resolved(target, in: schema)
        }
        if let branches = node["anyOf"] as? [[String: Any]],
            let mapping = branches.map({ resolved($0, in: schema) }).first(where: isMapping)
        {
            return mapping
        }
        return node
    }

    static func isMapping(_ node: [String: Any]) -> Bool {
        node["type"] as? String == "object" || (node["type"] as? [String])?.contains("object") == true
    }

    /// The mapping at a path of `properties`/NAME, `items` and `additionalProperties` steps.
    static func object(at path: [String], in schema: [String: Any]) -> [String: Any]? {
        var node = resolved(schema, in: schema)
        var steps = path[...]
        while let step = steps.popFirst() {
            let next: Any?
            if step == "properties", let name = steps.popFirst() {
                next = (node["properties"] as? [String: Any])?[name]
            } else {
                next = node[step]
            }
            guard let child = next as? [String: Any] else { return nil }
            node = resolved(child, in: schema)
        }
        return isMapping(node) ? node : nil
    }

    /// The paths of every mapping the schema describes.
    static func mappings(in schema: [String: Any]) -> [[String]] {
        var found: [[String]] = []
        func walk(_ raw: [String: Any], _ path: [String], depth: Int) {
            guard depth < 12 else { return }
            let node = resolved(raw, in: schema)
            if isMapping(node) { found.append(path) }
            for (name, child) in node["properties"] as? [String: Any] ?? [:] {
                if let child = child as? [String: Any] { walk(child, path + ["properties", name], depth: depth + 1) }
            }
            for step in ["items", "additionalProperties"] {
                if let child = node[step] as? [String: Any] { walk(child, path + [step], depth: depth + 1) }
            }
        }
        walk(schema, [], depth: 0)
        return found
    }

    /// A definition's string pattern, as an anchored regular expression
    /// (the schemas' patterns use only what ECMA-262 and ICU share).
    static func pattern(_ node: [String: Any]) throws -> NSRegularExpression {
        let strings = [node] + (node["anyOf"] as? [[String: Any]] ?? [])
        let source = try #require(strings.compactMap { $0["pattern"] as? String }.first)
        return try NSRegularExpression(pattern: source)
    }
}

extension NSRegularExpression {
    func matches(_ text: String) -> Bool {
        firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension SeededRandom {
    mutating func text(from alphabet: String, maxLength: Int) -> String {
        let characters = Array(alphabet)
        return String((0..<Int.random(in: 0...maxLength, using: &self)).map { _ in characters.randomElement(using: &self)! })
    }

    /// Moments whose fields are mostly in range, each sometimes at or past its edge.
    mutating func moment() -> String {
        func field(_ valid: ClosedRange<Int>, edges: [Int], width: Int = 2, _ random: inout SeededRandom) -> String {
            let n =
                Int.random(in: 0..<4, using: &random) == 0
                ? edges.randomElement(using: &random)! : Int.random(in: valid, using: &random)
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let year =
            Int.random(in: 0..<8, using: &self) == 0
            ? ["99999", "226", "2O26"].randomElement(using: &self)!
            : field(1...9999, edges: [0, 1, 9999], width: 4, &self)
        let date = "\(year)-\(field(1...12, edges: [0, 13], &self))-\(field(1...28, edges: [0, 29, 30, 31, 32], &self))"
        let separator = ["T", "T", "T", "t", " "].randomElement(using: &self)!
        let time =
            "\(field(0...23, edges: [24], &self)):\(field(0...59, edges: [60], &self)):\(field(0...59, edges: [60], &self))"
        let fraction = ["", "", ".5", ".123456789", ".1234567890", "."].randomElement(using: &self)!
        let zone = ["Z", "Z", "z", "+01:00", "-23:59", "+24:00", "-00:60", "+1:00", "", "UTC"].randomElement(using: &self)!
        return date + separator + time + fraction + zone
    }
}
