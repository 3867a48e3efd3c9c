import ArgumentParser
import Diagnostics
import Foundation

/// The `connexml` command: one binary, one subcommand per job.
@main
struct Connexml: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connexml",
        abstract: "Run, test, try and check ConneXML call scripts without a phone system.",
        discussion: """
            Exit status: 0 when all is well (warnings allowed), 1 when a script has \
            an error, 2 when the command itself could not run (unreadable file, bad option).
            Shell completion: connexml --generate-completion-script bash|zsh|fish prints the script \
            (scripts/install.sh installs all three).
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, TestCommand.self, ReplMain.self, CheckCommand.self, ExplainCommand.self,
            GraphCommand.self, ReferenceCommand.self,
        ]
    )

    /// ArgumentParser exits 64 for usage errors; design.md promises 2 for
    /// "the command itself could not run", so map it here, once.
    static func main() {
        // ArgumentParser reflects over every command before it can answer
        // `--version`, or read any command line: most of a short command's
        // start-up (docs/performance.md). Plain command lines of the common
        // commands are read without it (QuickParsing.swift); the rest, and
        // every help request and error, by ArgumentParser.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            print(configuration.version)
            return
        }
        do {
            if let quick = QuickParser.parse(commandLine: arguments) {
                try quick.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let status as ExitCode {
            Foundation.exit(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }  // --help, --version
            // The message echoes what was typed: escaped like all output.
            Terminal.writeError(PrintableText.lines(fullMessage(for: error)) + "\n")
            Foundation.exit(ExitStatus.couldNotRun.rawValue)
        }
    }
}

/// The exit statuses of design.md, shared by every subcommand.
enum ExitStatus {
    static let ok = ExitCode(0)
    static let problemsFound = ExitCode(1)
    static let couldNotRun = ExitCode(2)
}
