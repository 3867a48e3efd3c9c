import ArgumentParser
import Diagnostics
import Engine
import Foundation
import Policy
import XMLParsing

/// `connexml run SCRIPT`: one call through a script, its trace printed.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one call through a script and print what the platform would do.",
        discussion: """
            The world comes from --scenario FILE (else NAME.scenario.yaml beside the script, if there is one), \
            with --from/--to/--dtmf/--at/... on top. The directory: --directory FILE, else directory.yaml beside \
            the script, else the bundled sample.
            Exit status: 0 the call ran (denials included), 1 the script, directory or scenario is invalid \
            (nothing runs), 2 a file cannot be read or an option is wrong.
            """
    )

    @Argument(help: "The ConneXML script.")
    var script: String

    @Option(help: "The scenario file (YAML).")
    var scenario: String?

    @Option(help: "The directory file (YAML).")
    var directory: String?

    @Option(help: "The caller: a SIP username, or an outside number.")
    var from: String?

    @Option(help: "The dialled number (To, Extension).")
    var to: String?

    @Option(help: "Keypresses, comma-separated entries: 1,42#")
    var dtmf: String?

    @Option(help: "When the call starts (ISO 8601, e.g. 2026-01-05T09:30:00Z); default: now.")
    var at: String?

    @Option(help: "The call's time zone (e.g. Europe/London); default UTC.")
    var timezone: String?

    @Option(help: "The profile of an outside caller.")
    var profile: String?

    @Option(help: "The customer whose application answers an outside caller.")
    var customer: String?

    @Option(help: "The call id; default: generated.")
    var sid: String?

    @Option(help: "Output format: text or json (JSON Lines).")
    var format: OutputFormat = .text

    func run() throws {
        var problems: [Diagnostic] = []
        var unreadable = false
        func collect(_ diagnostics: [Diagnostic]) {
            problems += diagnostics
            if diagnostics.contains(where: { $0.code == "unreadable-file" }) { unreadable = true }
        }

        // The script.
        var compiled: CompiledScript?
        switch ScriptFiles.read(script, limit: ParseLimits.localFile.maximumBytes) {
        case .failure(let failure): collect([failure.diagnostic])
        case .success(let bytes):
            switch CompiledScript.compile(bytes: bytes, file: script) {
            case .failure(let failure): collect(failure.diagnostics)
            case .success(let ok): compiled = ok
            }
        }
        let folder = (script as NSString).deletingLastPathComponent
        // The directory.
        let loaded = DirectoryFiles.load(directory, besides: folder.isEmpty ? "." : folder)
        collect(loaded.diagnostics.filter { $0.severity == .error })
        // The world.
        var world = Scenario()
        let scenarioPath = scenario ?? Self.scenarioBeside(script)
        if let scenarioPath {
            switch ScriptFiles.read(scenarioPath, limit: ScenarioLoader.maximumBytes) {
            case .failure(let failure): collect([failure.diagnostic])
            case .success(let bytes):
                let result = ScenarioLoader.load(bytes: bytes, file: scenarioPath, folder: (scenarioPath as NSString).deletingLastPathComponent)
                collect(result.diagnostics.filter { $0.severity == .error })
                if let loadedScenario = result.scenario { world = loadedScenario }
            }
        }
        collect(applyOptions(to: &world))

        guard problems.isEmpty, let compiled, let directory = loaded.directory else {
            let renderer = DiagnosticRenderer(showSource: Terminal.isTerminal(.standardError))
            Terminal.writeError(renderer.render(problems) + "nothing was run\n")
            throw unreadable ? ExitStatus.couldNotRun : ExitStatus.problemsFound
        }
        let engine = Engine(directory: directory, documents: LocalDocuments(mappings: world.documents, folder: world.folder))
        var sink = PrintingSink(format: format)
        engine.run(compiled, scenario: world, sink: &sink)
    }

    /// `NAME.scenario.yaml` beside `NAME.xml`, when it exists.
    static func scenarioBeside(_ script: String) -> String? {
        let base = script.hasSuffix(".xml") ? String(script.dropLast(4)) : script
        let candidate = base + ".scenario.yaml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// The command-line options on top of the scenario; what is wrong with them.
    private func applyOptions(to world: inout Scenario) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let from { world.from = from }
        if let to { world.to = to }
        if let profile { world.profile = profile }
        if let customer { world.customer = customer }
        if let sid { world.sid = sid }
        if let dtmf {
            let entries = dtmf.split(separator: ",").map(String.init)
            if entries.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "0123456789*#".contains($0) } }) {
                world.keys = entries.map { KeyPress(digits: $0) }
            } else {
                problems.append(Diagnostic(.error, "invalid-option", "'\(dtmf)': keys are 0-9, * and #, entries separated by commas",
                                           file: "--dtmf", at: nil))
            }
        }
        if let timezone {
            if let zone = TimeZone(identifier: timezone) {
                world.timeZone = zone
                world.timeZoneName = timezone
            } else {
                problems.append(Diagnostic(.error, "invalid-option", "'\(timezone)' is not a known time zone", file: "--timezone", at: nil))
            }
        }
        if let at {
            if let date = ScenarioLoader.parseDate(at) {
                world.start = date
                world.startIsFixed = true
            } else {
                problems.append(Diagnostic(.error, "invalid-option", "'\(at)': expected a time such as 2026-01-05T09:30:00Z", file: "--at", at: nil))
            }
        }
        if !world.startIsFixed { world.start = Date() }
        if world.sid == nil { world.sid = "CA" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }
        return problems
    }
}

