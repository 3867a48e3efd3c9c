import Foundation
import Testing

/// Tab completion as bash does it: the script `connexml
/// --generate-completion-script bash` prints is sourced in a bash process,
/// and its function is called with COMP_WORDS and COMP_CWORD set as bash sets
/// them for the command line typed so far; what it puts in COMPREPLY is what
/// the user is offered.
@Suite struct CompletionTests {
    /// The candidates bash offers for the last of `words` (the words after
    /// `connexml`; an empty last word completes a new word), in `folder`.
    func complete(_ words: [String], in folder: String = Connexml.packageRoot.path) throws -> (
        candidates: [String], stderr: String
    ) {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            source <("$CONNEXML" --generate-completion-script bash) || exit 3
            cd '\(folder)' || exit 3
            COMP_WORDS=("$CONNEXML" \(quoted))
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _connexml connexml "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Connexml.shell(script)
        #expect(result.status == 0, "bash: \(result.stderr)")
        return (result.stdout.split(separator: "\n").map(String.init).sorted(), result.stderr)
    }

    /// A folder of files of each kind a command takes, and others.
    func scratchFolder(_ files: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-completion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("calls"), withIntermediateDirectories: true)
        let defaults = ["main.xml": "<Response/>", "main.scenario.yaml": "from: \"1001\"\n", "team.yaml": "", "notes.txt": ""]
        for (name, text) in defaults.merging(files, uniquingKeysWith: { $1 }) {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    // MARK: paths

    @Test func aPartialFolderNameCompletes() throws {
        #expect(try complete(["check", "sampl"]).candidates == ["samples"])
    }

    @Test func checkOffersScriptsOnly() throws {
        let invalid = Connexml.packageRoot.appendingPathComponent("samples/invalid")
        let expected = try FileManager.default.contentsOfDirectory(atPath: invalid.path)
            .filter { $0.hasPrefix("un") && $0.hasSuffix(".xml") }.map { "samples/invalid/" + $0 }.sorted()
        #expect(expected.count >= 2)  // the .expected files beside them are not offered
        #expect(try complete(["check", "samples/invalid/un"]).candidates == expected)
    }

    @Test func eachPathArgumentOffersItsKindOfFileAndFolders() throws {
        let folder = try scratchFolder().path
        #expect(try complete(["check", ""], in: folder).candidates == ["calls", "main.xml"])
        #expect(try complete(["run", ""], in: folder).candidates == ["calls", "main.xml"])
        #expect(
            try complete(["run", "main.xml", "--scenario", ""], in: folder).candidates
                == ["calls", "main.scenario.yaml", "team.yaml"])
        #expect(
            try complete(["check", "--directory", ""], in: folder).candidates
                == ["calls", "main.scenario.yaml", "team.yaml"])
        #expect(try complete(["explain", "--directory", "te"], in: folder).candidates == ["team.yaml"])
        // test takes scripts, scenarios and folders.
        #expect(try complete(["test", ""], in: folder).candidates == ["calls", "main.scenario.yaml", "main.xml", "team.yaml"])
        // --junit writes any file.
        #expect(try complete(["test", "--junit", "no"], in: folder).candidates == ["notes.txt"])
    }

    // MARK: names from the directory

    @Test func explainOffersTheBundledDirectorysUsers() throws {
        let folder = try scratchFolder().path  // no directory.yaml here
        #expect(try complete(["explain", "100"], in: folder).candidates == ["1001", "1002", "1003", "1004"])
    }

    static let team = """
        customers:
          - name: acme
        profiles:
          - name: agent
            barge_group: night_shift
        users:
          - {username: alice, profile: agent, customer: acme}
          - {username: albert, profile: agent, customer: acme}
          - {username: bob, profile: agent, customer: acme}

        """

    @Test func explainOffersTheUsersOfTheDirectoryTyped() throws {
        let folder = try scratchFolder(["team dir.yaml": Self.team]).path
        #expect(try complete(["explain", "--directory", "team dir.yaml", "al"], in: folder).candidates == ["albert", "alice"])
        #expect(try complete(["explain", "--directory", "team\\ dir.yaml", "al"], in: folder).candidates == ["albert", "alice"])
    }

    /// `--directory=FILE`: zsh and fish pass it as one word; bash splits it
    /// at '=' into three. ArgumentParser's bash script then counts the file
    /// as the first argument (so bash users write `--directory FILE`), but
    /// the completion itself, asked directly, understands every spelling.
    @Test func theDirectoryTypedWithAnEqualsSign() throws {
        let folder = try scratchFolder(["team dir.yaml": Self.team]).path
        for typed in [
            ["--directory='team dir.yaml'"], ["--directory", "=", "team\\ dir.yaml"], ["--directory", "\"team dir.yaml\""],
        ] {
            let words = ["connexml", "explain"] + typed + ["b"]
            let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let result = try Connexml.shell(
                "cd '\(folder)' && \"$CONNEXML\" ---completion explain -- positional@0 \(words.count - 1) 1 \(quoted)")
            #expect(result.stdout == "bob\n", "\(typed)")
        }
    }

    @Test func explainOffersTheUsersOfDirectoryYAMLInTheCurrentFolder() throws {
        let folder = try scratchFolder(["directory.yaml": Self.team]).path
        #expect(try complete(["explain", "b"], in: folder).candidates == ["bob"])
    }

    @Test func explainOffersWhatTheActionTakes() throws {
        let folder = try scratchFolder(["directory.yaml": Self.team]).path
        #expect(try complete(["explain", "alice", "flag", "barge"], in: folder).candidates == ["barge", "barge_commands"])
        #expect(try complete(["explain", "alice", "client", "a"], in: folder).candidates == ["albert", "alice"])
        #expect(try complete(["explain", "alice", "barge", ""], in: folder).candidates == ["night_shift"])
        #expect(try complete(["explain", "alice", "dial", ""], in: folder).candidates == [])
        #expect(try complete(["explain", "alice", "vo"], in: folder).candidates == ["voicemail"])
    }

    @Test func runOffersTheDirectoryBesideTheScript() throws {
        let folder = try scratchFolder()
        try Self.team.write(to: folder.appendingPathComponent("calls/directory.yaml"), atomically: true, encoding: .utf8)
        try "<Response/>".write(to: folder.appendingPathComponent("calls/queue.xml"), atomically: true, encoding: .utf8)
        #expect(
            try complete(["run", "calls/queue.xml", "--from", ""], in: folder.path).candidates == ["albert", "alice", "bob"])
        #expect(try complete(["run", "calls/queue.xml", "--profile", ""], in: folder.path).candidates == ["agent"])
        #expect(try complete(["run", "main.xml", "--customer", "gl"], in: folder.path).candidates == ["globex"])  // bundled
        #expect(try complete(["run", "main.xml", "--timezone", "Europe/Lond"], in: folder.path).candidates == ["Europe/London"])
    }

    @Test func aBrokenDirectoryCompletesNothingAndSaysNothing() throws {
        let folder = try scratchFolder(["directory.yaml": "users: [oops"]).path
        let result = try complete(["explain", ""], in: folder)
        #expect(result.candidates == [])
        #expect(result.stderr.isEmpty)
    }

    @Test func checkIgnoreOffersWarningCodes() throws {
        let candidates = try complete(["check", "--ignore", "unre"]).candidates
        #expect(candidates.contains("unreachable"))
        #expect(!candidates.contains("unreadable-file"))  // an error: cannot be ignored
    }

    // MARK: the other shells

    @Test func zshAndFishScriptsKnowTheFileKinds() throws {
        for shell in ["zsh", "fish"] {
            let script = try Connexml.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("xml"), "\(shell)")
            #expect(script.stdout.contains("yaml"), "\(shell)")
            #expect(script.stdout.contains("---completion explain -- positional@0"), "\(shell)")
        }
    }
}
