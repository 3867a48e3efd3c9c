import Diagnostics
import Foundation
import Policy
import TestSupport
import Testing

@Suite struct DirectoryLoaderTests {
    func problems(_ yaml: String) -> [String] {
        DirectoryLoader.load(text: yaml, file: "d.yaml").diagnostics.map {
            "\($0.position.map { "\($0.line):\($0.column)" } ?? "-") \($0.severity.rawValue) \($0.code): \($0.message)"
                + ($0.hint.map { " (\($0))" } ?? "")
        }
    }

    @Test func theSampleLoads() {
        let directory = Fixtures.sample
        #expect(directory.customers.map(\.name) == ["acme", "globex"])
        #expect(directory.profiles.map(\.name) == ["agent", "operator", "supervisor", "ivr"])
        #expect(directory.profile(named: "agent")?.capacity == 100)
        #expect(directory.profile(named: "agent")?.bargeGroup == "sales")
        #expect(directory.profile(named: "operator")?.flags.contains(.whisper) == true)
        #expect(directory.user(named: "1003")?.password == "s3cret")
        #expect(directory.emergencyNumbers == ["112", "911", "999"])
        #expect(directory.defaultProfile == "ivr")
    }

    @Test func everyProblemIsListedWithItsPlace() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("samples/invalid-directories/everything-wrong.yaml")
        let result = DirectoryLoader.load(text: try String(contentsOf: url, encoding: .utf8), file: "x.yaml")
        #expect(result.directory == nil)
        let got = result.diagnostics.map {
            "\($0.position.map { "\($0.line):\($0.column)" } ?? "-") \($0.code): \($0.message)"
                + ($0.hint.map { " (\($0))" } ?? "")
        }
        let expected = [
            "2:20 directory-invalid-value: emergency[2]: '_11X' is not a number (emergency numbers are exact numbers such as 112, not patterns)",
            "3:18 directory-unknown-reference: default_profile: no profile named 'ivrr'",
            "5:11 directory-invalid-name: customers[1].name: 'Acme Corp' is not a valid name: use lowercase letters, digits and _ only (did you mean 'acme_corp'?)",
            "7:11 directory-duplicate: customers[3].name: customer 'globex' is defined twice (first defined at line 6)",
            "9:11 directory-invalid-name: profiles[1].name: 'Agent' is not a valid name: use lowercase letters, digits and _ only (did you mean 'agent'?)",
            "10:15 directory-invalid-value: profiles[1].capacity: expected a whole number of at least 1, found '0' (capacity is how many users of the profile may be active at once)",
            "11:20 directory-unknown-flag: profiles[1].flags: unknown flag 'voicemial' (did you mean 'voicemail'?)",
            "11:38 directory-duplicate-flag: profiles[1].flags: 'barge' is listed twice",
            "12:18 directory-invalid-name: profiles[1].barge_group: 'SALES' is not a valid name: use lowercase letters, digits and _ only (did you mean 'sales'?)",
            "15:16 directory-invalid-pattern: profiles[1].dial[2]: 'x' in pattern '_1xx' matches only itself (pattern letters are capitals: X any digit, Z 1-9, N 2-9)",
            "16:9 directory-structure: profiles[1].dial[3]: expected 'allow: PATTERN' or 'deny: PATTERN'",
            "17:16 directory-invalid-pattern: profiles[1].dial[4]: the range '5-1' in pattern '_[5-1]' is not a rising range of digits",
            "19:15 directory-invalid-value: profiles[2].capacity: expected a whole number of at least 1, found 'ten' (capacity is how many users of the profile may be active at once)",
            "20:5 directory-structure: profiles[2]: unknown key 'colour' (known keys: name, capacity, flags, barge_group, dial)",
            "21:5 directory-duplicate: profiles[3].name: profile 'operator' is defined twice (first defined at line 18)",
            "22:5 directory-missing-field: profiles[4]: name is required (the profile's name)",
            "24:33 directory-unknown-reference: users[1].profile: no profile named 'agent'",
            "24:50 directory-unknown-reference: users[1].customer: no customer named 'acme'",
            "25:16 directory-duplicate: users[2].username: user '1001' is defined twice (first defined at line 24)",
            "26:5 directory-missing-field: users[3]: username is required (the SIP username)",
            "30:5 directory-structure: users[4]: unknown key 'extention' (did you mean 'extension'?)",
        ]
        for (line, want) in zip(got, expected) { #expect(line == want) }
        #expect(got.count == expected.count, "\(got.joined(separator: "\n"))")
    }

    @Test func wrongTypes() {
        #expect(
            problems("- a\n- b") == [
                "1:1 error directory-structure: the directory: expected a mapping of emergency, default_profile, customers, profiles, users, found a list"
            ])
        #expect(
            problems("profiles: {name: x}\nusers: []").first
                == "1:11 error directory-structure: profiles: expected a list, found a mapping (write a list as [a, b] or with one '- item' per line)"
        )
        #expect(
            problems("profiles: [{name: [a, b]}]").first
                == "1:19 error directory-structure: profiles[1].name: expected a single value, found a list")
        #expect(problems("profiles: [{name: p, flags: barge}]").first?.contains("profiles[1].flags: expected a list") == true)
        #expect(
            problems("profiles: [{name: p, dial: [allow]}]").first?.contains("expected 'allow: PATTERN' or 'deny: PATTERN'")
                == true)
        #expect(problems("profiles: [{name: p, dial: [{allow: \"\"}]}]").first?.contains("is empty") == true)
    }

    @Test func hugeAndOddNumbers() {
        for capacity in ["99999999999999999999999", "-3", "1.5", "1e3", "0x10", "\"\""] {
            let found = problems("profiles: [{name: p, capacity: \(capacity)}]")
            #expect(found.contains { $0.contains("directory-invalid-value: profiles[1].capacity") }, "\(capacity): \(found)")
        }
        #expect(problems("profiles: [{name: p, capacity: 1000000}]").isEmpty)
    }

    @Test func requiredPieces() {
        #expect(problems("") == ["- error directory-missing-field: the directory is empty: it needs at least profiles and users"])
        #expect(
            problems("users: []") == [
                "1:1 error directory-missing-field: the directory has no profiles (add profiles: with at least one profile)"
            ])
        #expect(
            problems("profiles: [{name: p}]\nusers: [{username: u, profile: p}]")
                == [
                    "2:9 error directory-missing-field: users[1]: customer is required (the customer (tenant) the user belongs to)"
                ])
        #expect(
            problems("profiles: [{name: p}]\nusers: [{username: ~, profile: p, customer: c}]").contains {
                $0.contains("users[1]: username is empty")
            })
    }

    @Test func syntaxErrorsHaveAPlace() {
        let found = problems("profiles:\n  - name: p\n   bad indentation: [\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("3:") || found[0].hasPrefix("4:"))
        #expect(found[0].contains("directory-syntax: YAML:"))
    }

    @Test func aDuplicateKeyIsOneDiagnosticAtTheSecondKey() {
        let yaml = "profiles:\n  - name: agent\n    capacity: 2\n    capacity: 3\nusers: []\n"
        #expect(
            problems(yaml) == [
                "4:5 error directory-duplicate: profiles[1]: key 'capacity' is given twice (first given at line 3)"
            ])
        // A top-level key, a third occurrence, a flow mapping, a quoted key.
        #expect(
            problems("users: []\nprofiles: []\nusers: []\nusers: []\n")
                == ["3:1 error directory-duplicate: key 'users' is given twice (first given at line 1)"])
        #expect(
            problems("profiles: [{name: a, capacity: 1, name: b}]\n")
                == ["1:35 error directory-duplicate: profiles[1]: key 'name' is given twice (first given at line 1)"])
        #expect(
            problems("profiles: []\n\"users\": []\nusers: []\n")
                == ["3:1 error directory-duplicate: key 'users' is given twice (first given at line 2)"])
    }

    @Test func aKeyGivenManyTimesIsPointedAtItsFirstOccurrence() {
        // Finding the second costs a compose per repeat: bounded, after
        // which the first occurrence is named.
        let yaml = "users: []\n" + String(repeating: "profiles: []\n", count: 20)
        #expect(
            problems(yaml) == ["2:1 error directory-duplicate: key 'profiles' is given twice in this mapping; this is the first"])
    }

    @Test func aDuplicateKeyInAHugeDirectoryDoesNotEchoTheFile() {
        var yaml = "profiles:\n  - name: p\nusers:\n"
        for i in 0..<20_000 { yaml += "  - {username: 'u\(i)', profile: p, customer: c}\n" }
        yaml += "profiles: []\n"
        let result = DirectoryLoader.load(text: yaml, file: "big.yaml")
        #expect(result.diagnostics.count == 1)
        let d = result.diagnostics.first
        #expect(d?.code == "directory-duplicate")
        #expect(d?.position == SourcePosition(line: 20_004, column: 1))
        #expect((d?.message.count ?? .max) < 100)
    }

    @Test func everyYAMLErrorIsOneLineWithAPlace() {
        let broken = [
            "profiles:\n\t- name: p\n",  // a tab for indentation
            "profiles: [{name: 'p}]\nusers: []\n",  // an unterminated quote
            "profiles:\n  - name: p\n   bad: [\n",  // bad indentation
            "profiles: [a, b\nusers: []\n",  // an unclosed list
            "profiles: {a: 1\n",  // an unclosed mapping
            "users: *nowhere\n",  // an unknown alias
            "profiles: []\nusers: [] ]\n",  // a stray bracket
            "a: b: c\n",  // a mapping where none can start
            "profiles: [\"\\q\"]\n",  // an unknown escape
            "profiles: []\u{07}\n",  // a control character
        ]
        for yaml in broken {
            let found = DirectoryLoader.load(text: yaml, file: "d.yaml").diagnostics
            #expect(found.count == 1, "\(yaml.debugDescription): \(found)")
            guard let d = found.first else { continue }
            #expect(d.code == "directory-syntax", "\(yaml.debugDescription)")
            #expect(d.position != nil, "\(yaml.debugDescription): \(d.message)")
            #expect(!d.message.contains { $0.isNewline }, "\(yaml.debugDescription): \(d.message)")
            #expect(!d.message.contains(yaml.trimmingCharacters(in: .whitespacesAndNewlines)), "\(d.message)")
        }
    }

    @Test func aTabThatIndentsIsNamed() {
        #expect(
            problems("profiles:\n\t- name: p\n") == [
                "2:1 error directory-syntax: YAML: found character that cannot start any token while scanning for the next token"
                    + " (YAML indents with spaces; a tab cannot indent or start anything)"
            ])
    }

    @Test func anUnterminatedQuoteSaysWhereItBegan() {
        let found = problems("profiles:\n  - name: 'agent\n    capacity: 2\nusers: []\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("that began at line 2, column 11") == true, "\(found)")
    }

    @Test func neverCrashesOnGarbage() {
        var generator = SeededRandom(default: 0x6A_5BA6E)
        let seed = generator.seed
        let alphabet = Array("abc:-[]{}#&*!|>'\"\n\t ,?%@`1209_.~".unicodeScalars)
        for _ in 0..<300 {
            let length = Int.random(in: 0..<300, using: &generator)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            let result = DirectoryLoader.load(text: text, file: "g.yaml")
            // Either a directory or reasons; never both missing.
            #expect(result.directory != nil || result.diagnostics.hasErrors, "seed \(seed): \(text.debugDescription)")
        }
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(DirectoryLoader.load(bytes: bytes, file: "b.yaml").directory == nil, "seed \(seed)")
    }

    @Test func deepNestingIsRefused() {
        let deep = "profiles: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let found = problems(deep)
        #expect(found.count == 1)
        #expect(found.first?.contains("directory-syntax") == true)
    }

    @Test func aliasBombsDoNotExpand() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "users: *a12\nprofiles: [{name: p}]\n"
        let result = DirectoryLoader.load(text: yaml, file: "bomb.yaml")
        #expect(result.directory == nil)
        // Each user entry is reported once, without walking into it, up to the cap.
        #expect(result.diagnostics.count <= 201)
        #expect(result.diagnostics.contains { $0.code == "directory-structure" })
    }

    @Test func oversizedFilesAreRefusedUnread() {
        let bytes = [UInt8](repeating: 0x20, count: DirectoryLoader.maximumBytes + 1)
        #expect(DirectoryLoader.load(bytes: bytes, file: "big.yaml").diagnostics.map(\.code) == ["directory-too-large"])
    }
}
