import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import connexml

/// The quick reading of `check`'s and `run`'s command lines
/// (QuickParsing.swift) against ArgumentParser's, the definition of each
/// command: the quick table names exactly ArgumentParser's options, with
/// the same kinds, and the same number of positional arguments; the
/// defaults are the same; and on thousands of generated command lines,
/// whenever the quick reading accepts one, ArgumentParser accepts it too and
/// reads the same inputs. What the quick reading refuses goes to
/// ArgumentParser, so refusing is always safe; accepting differently never is.
@Suite struct QuickParsingTests {
    /// What ArgumentParser reads from `COMMAND ARGUMENTS`, nil when it
    /// refuses them or reads a help request.
    private func argumentParser<Request: QuickParsable>(_ arguments: [String], as: Request.Type) -> Request? {
        let parsed = try? connexml.Connexml.parseAsRoot([Request.quickName] + arguments)
        switch parsed {
        case let check as CheckCommand: return check.request as? Request
        case let run as RunCommand: return run.request as? Request
        default: return nil
        }
    }

    private func quick<Request: QuickParsable>(_ arguments: [String], as: Request.Type) -> Request? {
        QuickParser.parse(arguments[...], as: Request.self)
    }

    /// ArgumentParser's own description of the command (`--experimental-dump-help`):
    /// every option and flag, by long name, with whether it takes a value
    /// and whether it repeats, and the positional arguments; its built-in
    /// help and version flags left out.
    private func checkTable<Request: QuickParsable>(of: Request.Type) throws {
        let output = try Connexml.run([Request.quickName, "--experimental-dump-help"])
        #expect(output.status == 0)
        let dump = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let command = try #require(dump["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        var declared: [String] = []
        var positionals: [String] = []
        for argument in arguments {
            let kind = try #require(argument["kind"] as? String)
            let repeats = try #require(argument["isRepeating"] as? Bool)
            let optional = try #require(argument["isOptional"] as? Bool)
            if kind == "positional" {
                positionals.append("optional:\(optional) repeats:\(repeats)")
                continue
            }
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            if names.contains("help") || names == ["version"] { continue }
            for name in names {
                declared.append("\(name) value:\(kind == "option") repeats:\(repeats)")
            }
        }
        let table = Request.quickOptions.map { "\($0.name) value:\($0.takesValue) repeats:\($0.isRepeatable)" }
        #expect(table.sorted() == declared.sorted())
        // One positional argument, as many times as the quick reading counts them.
        let count = Request.positionalCount
        #expect(positionals == ["optional:\(count.lowerBound == 0) repeats:\(count.upperBound > 1)"])
    }

    @Test func checksTableNamesEveryOptionOfTheCommandAndNothingElse() throws {
        try checkTable(of: CheckRequest.self)
    }

    @Test func runsTableNamesEveryOptionOfTheCommandAndNothingElse() throws {
        try checkTable(of: RunRequest.self)
    }

    @Test func theDefaultsAreTheDeclaredOnes() throws {
        let check = try #require(argumentParser(["a.xml"], as: CheckRequest.self))
        #expect(quick(["a.xml"], as: CheckRequest.self) == check)
        #expect(CheckRequest(scripts: ["a.xml"]) == check)
        let run = try #require(argumentParser(["a.xml"], as: RunRequest.self))
        #expect(quick(["a.xml"], as: RunRequest.self) == run)
        #expect(RunRequest(script: "a.xml") == run)
    }

    /// The command lines people type are read quickly, and as ArgumentParser reads them.
    @Test(arguments: [
        ["a.xml"],
        ["--no-show-source", "a.xml"],
        ["a.xml", "b.xml", "--strict"],
        ["--format", "json", "scripts"],
        ["--format=sarif", "a.xml"],
        ["--format", "github", "--strict", "--color", "never", "scripts"],
        ["--show-source", "--color=always", "a.xml"],
        ["--ignore", "unknown-attribute", "--ignore=unreachable", "a.xml"],
        ["--directory", "directory.yaml"],
        ["--directory=directory.yaml", "a.xml"],
        ["-"],
        ["--", "-a.xml", "--strict"],
        ["a.xml", "--", "--"],
        ["help"],
        [""],
    ])
    func commonCheckCommandLinesAreReadQuickly(arguments: [String]) throws {
        let expected = try #require(argumentParser(arguments, as: CheckRequest.self))
        #expect(quick(arguments, as: CheckRequest.self) == expected)
    }

    @Test(arguments: [
        ["a.xml"],
        ["a.xml", "--scenario", "a.scenario.yaml", "--directory", "directory.yaml"],
        ["--from", "1001", "--to", "100", "--dtmf", "1,42#", "a.xml"],
        ["a.xml", "--at", "2026-01-05T09:30:00Z", "--timezone=Europe/London", "--sid", "CA1"],
        ["a.xml", "--profile", "outside", "--customer", "acme", "--format", "json"],
        ["a.xml", "--allow-host", "example.com", "--allow-host=example.org", "--fetch-timeout", "2.5"],
        ["--offline", "--color", "never", "a.xml"],
        ["--", "-a.xml"],
    ])
    func commonRunCommandLinesAreReadQuickly(arguments: [String]) throws {
        let expected = try #require(argumentParser(arguments, as: RunRequest.self))
        #expect(quick(arguments, as: RunRequest.self) == expected)
    }

    /// Help, version, completion requests, errors: ArgumentParser's to answer.
    @Test(arguments: [
        [], ["--help"], ["-h"], ["--version"], ["a.xml", "--help"], ["--experimental-dump-help"],
        ["--generate-completion-script", "bash"], ["-s", "a.xml"], ["--bogus", "a.xml"], ["--format"],
        ["--format", "xml", "a.xml"], ["--format", "--strict", "a.xml"], ["--strict=yes", "a.xml"],
        ["--strict", "--strict", "a.xml"], ["--show-source", "--no-show-source", "a.xml"],
        ["--format", "json", "--format", "text", "a.xml"], ["--ignore", "no-such-code", "a.xml"],
        ["--directory="], ["---strict", "a.xml"], ["-", "-x"],
    ])
    func everythingElseInCheckIsLeftToArgumentParser(arguments: [String]) {
        #expect(quick(arguments, as: CheckRequest.self) == nil)
    }

    @Test(arguments: [
        [], ["a.xml", "b.xml"], ["--help"], ["a.xml", "-h"], ["--from"], ["a.xml", "--from", "-1"],
        ["a.xml", "--fetch-timeout", "0"], ["a.xml", "--fetch-timeout", "1000"], ["a.xml", "--fetch-timeout", "soon"],
        ["a.xml", "--offline", "--offline"], ["a.xml", "--format", "sarif"], ["a.xml", "--allow-host"],
    ])
    func everythingElseInRunIsLeftToArgumentParser(arguments: [String]) {
        #expect(quick(arguments, as: RunRequest.self) == nil)
    }

    /// Random command lines from the options, their values, and the odd
    /// things people type: the quick reading may refuse any of them, but
    /// what it accepts, ArgumentParser accepts and reads the same.
    private func compareGenerated<Request: QuickParsable & Equatable>(
        _: Request.Type, words: [String], seed: UInt64
    ) {
        let oddities = [
            "a.xml", "b b.xml", "folder/", "-", "--", "", "=", "help", "check", "run", "version", "-h", "--help",
            "--version", "-s", "--bogus", "---format", "-format", "--Format", "--generate-completion-script", "bash",
            "--experimental-dump-help", "-1", "--=x", "json", "text", "never", "always",
        ]
        let vocabulary = words + oddities
        var random = SeededRandom(default: seed)
        var accepted = 0
        let lines = 3000
        for _ in 0..<lines {
            let arguments = (0..<random.next(below: 7)).map { _ in vocabulary[random.next(below: vocabulary.count)] }
            guard let quick = quick(arguments, as: Request.self) else { continue }
            accepted += 1
            let expected = argumentParser(arguments, as: Request.self)
            #expect(quick == expected, "seed \(random.seed): \(Request.quickName) \(arguments)")
        }
        // Enough accepted command lines for the comparison to mean something.
        #expect(accepted > lines / 20, "seed \(random.seed): only \(accepted) of \(lines) read quickly")
    }

    @Test func generatedCheckCommandLinesAreReadAsArgumentParserReadsThem() {
        let warning = AllDiagnostics.entries.first { $0.severity == .warning }!.code.rawValue
        let error = AllDiagnostics.entries.first { $0.severity == .error }!.code.rawValue
        compareGenerated(
            CheckRequest.self,
            words: [
                "--directory", "--format", "--strict", "--show-source", "--no-show-source", "--ignore", "--color",
                "--format=json", "--format=", "--format=json=x", "--color=never", "--directory=d.yaml",
                "--ignore=\(warning)", "--ignore=\(error)", "github", "sarif", "xml", "auto", "JSON", warning, error,
                "--no-strict", "--strict=yes", "--show-source=1",
            ],
            seed: 0x5155_4943_4B)
    }

    @Test func generatedRunCommandLinesAreReadAsArgumentParserReadsThem() {
        compareGenerated(
            RunRequest.self,
            words: [
                "--scenario", "--directory", "--from", "--to", "--dtmf", "--at", "--timezone", "--profile",
                "--customer", "--sid", "--format", "--allow-host", "--fetch-timeout", "--offline", "--color",
                "--fetch-timeout=0.5", "--fetch-timeout=301", "--fetch-timeout=nan", "--fetch-timeout=1e2", "10",
                "0", "inf", "1,2#", "--to=100", "--offline=yes", "--no-offline", "sarif", "example.com",
            ],
            seed: 0x5255_4E)
    }
}
