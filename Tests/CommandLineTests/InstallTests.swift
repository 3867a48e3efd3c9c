import Foundation
import Testing

/// scripts/install.sh into a temporary prefix. The script builds a release
/// binary, which takes minutes: here it installs the binary these tests run
/// (CONNEXML_BINARY), so what is tested is where everything goes, that the
/// installed binary, completions and manual work, and that the uninstall
/// removes exactly what was installed. The release build itself is run by
/// CI (.ci/run).
@Suite(.serialized) struct InstallTests {
    func temporaryPrefix() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("connexml-prefix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func install(_ prefix: URL, _ arguments: String = "") throws -> Connexml.Output {
        try Connexml.shell("CONNEXML_BINARY=\"$CONNEXML\" PREFIX='\(prefix.path)' scripts/install.sh \(arguments)")
    }

    /// Every file and folder under `prefix`, relative to it.
    func contents(of prefix: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: prefix.path)
        return (walker?.allObjects as? [String] ?? []).sorted()
    }

    static let manPages: [String] =
        ((try? FileManager.default.contentsOfDirectory(
            atPath: Connexml.packageRoot.appendingPathComponent("docs/man").path)) ?? []).filter { $0.hasSuffix(".1") }.sorted()

    @Test func installsTheBinaryCompletionsAndManualWhereShellsAndManLook() throws {
        let prefix = try temporaryPrefix()
        let result = try install(prefix)
        #expect(result.status == 0, "\(result.stderr)")
        let expected =
            [
                "bin/connexml", "share/bash-completion/completions/connexml", "share/zsh/site-functions/_connexml",
                "share/fish/vendor_completions.d/connexml.fish", "share/connexml/installed-files",
            ]
            + Self.manPages.map { "share/man/man1/\($0)" }
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(path).path), "\(path)")
        }
        #expect(Self.manPages.contains("connexml.1"))
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/connexml").path))

        // The installed binary runs, from anywhere.
        let version = try Connexml.shell("cd / && '\(prefix.path)/bin/connexml' --version")
        #expect(version.stdout == "0.1.0\n")
        let check = try Connexml.shell("'\(prefix.path)/bin/connexml' check samples/scripts")
        #expect(check.status == 0)
        #expect(check.stdout.hasSuffix(": no problems\n"))

        // Its bash completion, as bash-completion would load it, completes.
        let completion = try Connexml.shell(
            """
            source '\(prefix.path)/share/bash-completion/completions/connexml'
            COMP_WORDS=('\(prefix.path)/bin/connexml' explain 100); COMP_CWORD=2
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _connexml connexml 100 explain
            printf '%s\\n' "${COMPREPLY[@]}"
            """)
        #expect(completion.stdout == "1001\n1002\n1003\n1004\n")

        // The manual as installed is docs/man.
        for page in Self.manPages {
            let installed = FileManager.default.contents(atPath: prefix.appendingPathComponent("share/man/man1/\(page)").path)
            #expect(
                installed
                    == FileManager.default.contents(atPath: Connexml.packageRoot.appendingPathComponent("docs/man/\(page)").path))
        }
    }

    @Test func uninstallRemovesExactlyWhatWasInstalled() throws {
        let prefix = try temporaryPrefix()
        // Someone else's files, in folders the install shares and in one it makes.
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try "other".write(to: prefix.appendingPathComponent("bin/other-tool"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: prefix.appendingPathComponent("share/man/man1"), withIntermediateDirectories: true)
        try "other".write(to: prefix.appendingPathComponent("share/man/man1/other.1"), atomically: true, encoding: .utf8)
        let before = contents(of: prefix)

        #expect(try install(prefix).status == 0)
        #expect(try install(prefix).status == 0)  // again, over the first
        try "later".write(to: prefix.appendingPathComponent("share/zsh/later-file"), atomically: true, encoding: .utf8)

        let result = try install(prefix, "--uninstall")
        #expect(result.status == 0, "\(result.stderr)")
        // What was there before stays; so does a file put in a folder the
        // install made (and so that folder); nothing else of the install.
        #expect(contents(of: prefix) == (before + ["share/zsh", "share/zsh/later-file"]).sorted())
    }

    @Test func aRelativePrefixIsTheCallersNotTheRepositorys() throws {
        let parent = try temporaryPrefix()
        let script = Connexml.packageRoot.appendingPathComponent("scripts/install.sh").path
        let result = try Connexml.shell("cd '\(parent.path)' && CONNEXML_BINARY=\"$CONNEXML\" PREFIX=here '\(script)'")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: parent.appendingPathComponent("here/bin/connexml").path))
        #expect(!FileManager.default.fileExists(atPath: Connexml.packageRoot.appendingPathComponent("here").path))
        let removed = try Connexml.shell("cd '\(parent.path)' && PREFIX=here '\(script)' --uninstall")
        #expect(removed.status == 0)
        #expect(contents(of: parent) == ["here"])
    }

    @Test func uninstallWithNothingInstalledSaysSo() throws {
        let prefix = try temporaryPrefix()
        let result = try install(prefix, "--uninstall")
        #expect(result.status == 1)
        #expect(result.stderr.contains("nothing to uninstall"))
        #expect(contents(of: prefix).isEmpty)
    }

    @Test func anUnknownArgumentIsRefused() throws {
        let prefix = try temporaryPrefix()
        let result = try install(prefix, "--prefix=/tmp")
        #expect(result.status == 2)
        #expect(result.stderr.contains("usage"))
        #expect(contents(of: prefix).isEmpty)
    }
}
