import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import connexml

/// The quick reading of `check`'s command line (QuickParsing.swift) against
/// ArgumentParser's, the definition of the command: the quick table names
/// exactly ArgumentParser's options, with the same kinds; the defaults are
/// the same; and on thousands of generated command lines, whenever the
/// quick reading accepts one, ArgumentParser accepts it too and reads the
/// same inputs. What the quick reading refuses goes to ArgumentParser, so
/// refusing is always safe; accepting differently never is.
@Suite struct QuickParsingTests {
    /// What ArgumentParser reads from `check ARGUMENTS`, nil when it refuses
    /// them or reads a help request.
    private func argumentParser(_ arguments: [String]) -> CheckRequest? {
        (try? connexml.Connexml.parseAsRoot(["check"] + arguments) as? CheckCommand)?.request
    }

    private func quick(_ arguments: [String]) -> CheckRequest? {
        QuickParser.parse(arguments[...], as: CheckRequest.self)
    }

    /// ArgumentParser's own description of `check` (`--experimental-dump-help`):
    /// every option and flag, by long name, with whether it takes a value
    /// and whether it repeats; its built-in help and version flags left out.
    @Test func theTableNamesEveryOptionOfTheCommandAndNothingElse() throws {
        let output = try Connexml.run(["check", "--experimental-dump-help"])
        #expect(output.status == 0)
        let dump = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let command = try #require(dump["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        var declared: [String] = []
        var positionals = 0
        for argument in arguments {
            let kind = try #require(argument["kind"] as? String)
            let repeats = try #require(argument["isRepeating"] as? Bool)
            if kind == "positional" {
                positionals += 1
                #expect(repeats, "the quick reading appends every positional argument to one list")
                continue
            }
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            if names.contains("help") || names == ["version"] { continue }
            for name in names {
                declared.append("\(name) value:\(kind == "option") repeats:\(repeats)")
            }
        }
        #expect(positionals == 1)
        let table = CheckRequest.quickOptions.map { "\($0.name) value:\($0.takesValue) repeats:\($0.isRepeatable)" }
        #expect(table.sorted() == declared.sorted())
    }

    @Test func theDefaultsAreTheDeclaredOnes() throws {
        let declared = try #require(argumentParser(["a.xml"]))
        #expect(quick(["a.xml"]) == declared)
        #expect(CheckRequest(scripts: ["a.xml"]) == declared)
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
    func commonCommandLinesAreReadQuickly(arguments: [String]) throws {
        let expected = try #require(argumentParser(arguments))
        #expect(quick(arguments) == expected)
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
    func everythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(quick(arguments) == nil)
    }

    /// Random command lines from the options, their values, and the odd
    /// things people type: the quick reading may refuse any of them, but
    /// what it accepts, ArgumentParser accepts and reads the same.
    @Test func generatedCommandLinesAreReadAsArgumentParserReadsThem() {
        let warning = AllDiagnostics.entries.first { $0.severity == .warning }!.code.rawValue
        let error = AllDiagnostics.entries.first { $0.severity == .error }!.code.rawValue
        let words = [
            "--directory", "--format", "--strict", "--show-source", "--no-show-source", "--ignore", "--color",
            "--format=json", "--format=", "--format=json=x", "--color=never", "--directory=d.yaml", "--ignore=\(warning)",
            "--ignore=\(error)", "json", "text", "github", "sarif", "xml", "auto", "always", "never", "JSON", warning, error,
            "a.xml", "b b.xml", "folder/", "-", "--", "", "=", "help", "check", "version", "-h", "--help", "--version",
            "-s", "--bogus", "--strict=yes", "--no-strict", "--show-source=1", "---format", "-format", "--Format",
            "--generate-completion-script", "bash", "--experimental-dump-help", "-1", "--=x",
        ]
        var random = SeededRandom(default: 0x5155_4943_4B)
        var accepted = 0
        let lines = 3000
        for _ in 0..<lines {
            let arguments = (0..<random.next(below: 7)).map { _ in words[random.next(below: words.count)] }
            guard let quick = quick(arguments) else { continue }
            accepted += 1
            let expected = argumentParser(arguments)
            #expect(quick == expected, "seed \(random.seed): \(arguments)")
        }
        // Enough accepted command lines for the comparison to mean something.
        #expect(accepted > lines / 10, "seed \(random.seed): only \(accepted) of \(lines) read quickly")
    }
}
