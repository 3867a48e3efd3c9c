import ArgumentParser
import Diagnostics
import Language
import XMLParsing

/// `connexml check SCRIPT...`: validate scripts and print diagnostics.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate ConneXML scripts and print compiler-style diagnostics.",
        discussion: """
            A folder is searched for *.xml files. '-' reads a script from standard input.
            --directory FILE validates a directory (SIP profiles, users) with the scripts, or alone.
            Every diagnostic has a stable code (see docs/checking.md); --ignore CODE hides warnings of that code.
            """
    )

    @Argument(
        help: "Script files or folders to check ('-' for standard input).",
        completion: .file(extensions: ["xml"]))
    var scripts: [String] = CheckRequest().scripts

    @Option(help: "A directory file (YAML) to validate too, or alone.", completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    @Option(
        help: """
            Output format: text (file:line:col: severity: message), json, github (GitHub Actions annotations) \
            or sarif (SARIF 2.1.0).
            """)
    var format: CheckFormat = CheckRequest().format

    @Flag(help: "Treat warnings as errors (exit status 1 when any warning remains).")
    var strict = CheckRequest().strict

    @Flag(
        inversion: .prefixedNo,
        help: "Show the source line and a caret under each diagnostic (default: when output is a terminal).")
    var showSource: Bool?

    @Option(
        name: .customLong("ignore"), help: "Hide warnings with this code (repeatable).",
        completion: .custom { _, _, _ in AllDiagnostics.entries.filter { $0.severity == .warning }.map(\.code.rawValue) })
    var ignoredCodes: [String] = CheckRequest().ignoredCodes

    @OptionGroup var colour: ColourOptions

    /// The inputs as the command runs them (and as `QuickParser` reads them).
    var request: CheckRequest {
        CheckRequest(
            scripts: scripts, directory: directory, format: format, strict: strict, showSource: showSource,
            ignoredCodes: ignoredCodes, colour: colour.choice)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }
}

/// What `check` runs, however its command line was read: by ArgumentParser
/// (`CheckCommand`) or by `QuickParser`. CheckCommand's
/// declarations take their defaults from here.
struct CheckRequest: Equatable, QuickParsable {
    var scripts: [String] = []
    var directory: String?
    var format: CheckFormat = .text
    var strict = false
    var showSource: Bool?
    var ignoredCodes: [String] = []
    var colour: ColourChoice = .auto

    static let quickName = "check"

    /// CheckCommand's options, spelled as ArgumentParser spells them.
    static let quickOptions: [QuickOption<CheckRequest>] =
        [
            .value("directory") { $0.directory = $1 },
            .value("format") { $0.format = $1 },
            .flag("strict") { $0.strict = true },
            .repeating("ignore") { $0.ignoredCodes.append($1) },
            .value("color") { $0.colour = $1 },
        ] + QuickOption.flagWithInversion("show-source") { $0.showSource = $1 }

    static let positionalCount = 0...Int.max

    mutating func appendPositional(_ argument: String) { scripts.append(argument) }

    func validate() throws {
        if scripts.isEmpty && directory == nil {
            throw ValidationError("name at least one script or folder to check, or a --directory")
        }
        for code in ignoredCodes {
            guard let entry = AllDiagnostics.entry(for: DiagnosticCode(rawValue: code)) else {
                let hint = Suggestions.closest(to: code, among: AllDiagnostics.entries.map(\.code.rawValue))
                throw ValidationError("unknown diagnostic code '\(code)'" + (hint.map { "; did you mean '\($0)'?" } ?? ""))
            }
            if entry.severity == .error {
                throw ValidationError("'\(code)' is an error, and errors cannot be ignored")
            }
        }
    }

    func run() throws {
        let files = ScriptFiles.expand(scripts)
        var diagnostics: [Diagnostic] = []
        var unreadable: [Diagnostic] = []
        if let directory {
            let loaded = DirectoryFiles.load(path: directory)
            for d in loaded.diagnostics {
                if d.code == .unreadableFile { unreadable.append(d) } else { diagnostics.append(d) }
            }
        }
        for path in files.paths {
            let bytes: [UInt8]
            do throws(ScriptFiles.Unreadable) {
                bytes = try ScriptFiles.read(path, limit: ParseLimits.localFile.maximumBytes)
            } catch {
                unreadable.append(error.diagnostic)
                continue
            }
            // The process exits after the last file: its tree is left for the
            // exit to free (glibc coalescing the freed model was 8% of a 15 MB check).
            diagnostics +=
                ScriptChecker.checkBeforeExit(bytes: bytes, file: ScriptFiles.displayName(of: path))
                .diagnostics
        }
        unreadable += files.problems
        let ignored = Set(ignoredCodes.map { DiagnosticCode(rawValue: $0) })
        diagnostics = diagnostics.filter { !($0.severity == .warning && ignored.contains($0.code)) }
        if strict {
            diagnostics = diagnostics.map {
                var d = $0
                d.severity = .error
                return d
            }
        }
        let all = unreadable + diagnostics
        let report = CheckReport(fileCount: files.paths.count + (directory == nil ? 0 : 1), diagnostics: all)
        switch format {
        case .text:
            let renderer = DiagnosticRenderer(
                showSource: showSource ?? Terminal.isTerminal(.standardOutput),
                palette: colour.palette(for: .standardOutput))
            print(renderer.render(all), terminator: "")
            print(report.summary)
        case .json:
            print(report.json)
        case .github:
            // The summary is a plain line of the job's log.
            print(GitHubAnnotations.render(all), terminator: "")
            print(report.summary)
        case .sarif:
            print(SarifReport.render(all, toolVersion: Connexml.configuration.version))
        }
        if !unreadable.isEmpty { throw ExitStatus.couldNotRun }
        if all.hasErrors { throw ExitStatus.problemsFound }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// check's formats: those of every command, and two for CI.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}
