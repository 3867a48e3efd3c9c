import ArgumentParser
import Diagnostics
import Engine
import Fetching
import Foundation

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

    @Argument(help: "The ConneXML script.", completion: .file(extensions: ["xml"]))
    var script: String

    @Option(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    @Option(help: "The directory file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    @Option(help: "The caller: a SIP username, or an outside number.", completion: .custom(ShellCompletions.runUser))
    var from: String?

    @Option(help: "The dialled number (To, Extension).")
    var to: String?

    @Option(help: "Keypresses, comma-separated entries: 1,42#")
    var dtmf: String?

    @Option(help: "When the call starts (ISO 8601, e.g. 2026-01-05T09:30:00Z); default: now.")
    var at: String?

    @Option(help: "The call's time zone (e.g. Europe/London); default UTC.", completion: .custom(ShellCompletions.timeZone))
    var timezone: String?

    @Option(help: "The profile of an outside caller.", completion: .custom(ShellCompletions.runProfile))
    var profile: String?

    @Option(help: "The customer whose application answers an outside caller.", completion: .custom(ShellCompletions.runCustomer))
    var customer: String?

    @Option(help: "The call id; default: generated.")
    var sid: String?

    @Option(help: "Output format: text or json (JSON Lines).")
    var format: OutputFormat = RunRequest().format

    @Option(name: .customLong("allow-host"), help: "Fetch documents and send callbacks only to this host (repeatable).")
    var allowedHosts: [String] = RunRequest().allowedHosts

    @Option(help: "Seconds an HTTP request may take.")
    var fetchTimeout: Double = RunRequest().fetchTimeout

    @Flag(help: "Never use the network: HTTP hand-overs end the call unless the scenario maps them; callbacks are only traced.")
    var offline = RunRequest().offline

    @OptionGroup var colour: ColourOptions

    /// The inputs as the command runs them (and as `QuickParser` reads them).
    var request: RunRequest {
        RunRequest(
            script: script, scenario: scenario, directory: directory,
            call: CallOptions(
                from: from, to: to, profile: profile, customer: customer, sid: sid, keys: dtmf,
                timeZone: timezone, start: at),
            format: format,
            allowedHosts: allowedHosts, fetchTimeout: fetchTimeout, offline: offline, colour: colour.choice)
    }

    func validate() throws { try request.validate() }

    func run() throws { try request.run() }

    /// `NAME.scenario.yaml` beside `NAME.xml`, when it exists.
    static func scenarioBeside(_ script: String) -> String? {
        let base = script.hasSuffix(".xml") ? String(script.dropLast(4)) : script
        let candidate = base + ".scenario.yaml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }
}

/// What `run` runs, however its command line was read: by ArgumentParser
/// (`RunCommand`) or by `QuickParser`. RunCommand's
/// declarations take their defaults from here.
struct RunRequest: Equatable, QuickParsable {
    var script = ""
    var scenario: String?
    var directory: String?
    /// `--from`, `--to`, `--dtmf`, `--at`, ...: what the command line says of
    /// the call, as the REPL's `:call` says it too.
    var call = CallOptions()
    var format: OutputFormat = .text
    var allowedHosts: [String] = []
    var fetchTimeout: Double = 10
    var offline = false
    var colour: ColourChoice = .auto

    static let quickName = "run"

    /// RunCommand's options, spelled as ArgumentParser spells them.
    static let quickOptions: [QuickOption<RunRequest>] = [
        .value("scenario") { $0.scenario = $1 },
        .value("directory") { $0.directory = $1 },
        .value("from") { $0.call.from = $1 },
        .value("to") { $0.call.to = $1 },
        .value("dtmf") { $0.call.keys = $1 },
        .value("at") { $0.call.start = $1 },
        .value("timezone") { $0.call.timeZone = $1 },
        .value("profile") { $0.call.profile = $1 },
        .value("customer") { $0.call.customer = $1 },
        .value("sid") { $0.call.sid = $1 },
        .value("format") { $0.format = $1 },
        .repeating("allow-host") { $0.allowedHosts.append($1) },
        .value("fetch-timeout") { $0.fetchTimeout = $1 },
        .flag("offline") { $0.offline = true },
        .value("color") { $0.colour = $1 },
    ]

    /// The script, and only it.
    static let positionalCount = 1...1

    mutating func appendPositional(_ argument: String) { script = argument }

    func validate() throws {
        guard fetchTimeout > 0, fetchTimeout <= 300 else { throw ValidationError("--fetch-timeout is 0 to 300 seconds") }
    }

    func run() throws {
        let scenario = scenario ?? RunCommand.scenarioBeside(script)
        var loaded = CallInputs(directory: directory).load(script: script, scenario: scenario)
        if var file = loaded.scenario {
            loaded.problems += applyOptions(to: &file.scenario)
            loaded.scenario = file
        }
        guard loaded.problems.isEmpty, let compiled = loaded.script, let directory = loaded.directory,
            let file = loaded.scenario
        else {
            let renderer = DiagnosticRenderer(
                showSource: Terminal.isTerminal(.standardError),
                palette: colour.palette(for: .standardError))
            Terminal.writeError(renderer.render(loaded.problems) + "nothing was run\n")
            throw loaded.unreadable ? ExitStatus.couldNotRun : ExitStatus.problemsFound
        }
        var limits = FetchLimits()
        limits.timeout = fetchTimeout
        limits.allowedHosts = allowedHosts.isEmpty ? nil : Set(allowedHosts)
        let http = offline ? nil : HTTPFetcher(limits: limits)
        let driver = CallDriver(directory: directory, for: file, http: http)
        var sink = PrintingSink(format: format, palette: colour.palette(for: .standardOutput))
        driver.run(compiled, scenario: file.scenario, sink: &sink)
    }

    /// The command-line options on top of the scenario; what is wrong with them.
    private func applyOptions(to world: inout Scenario) -> [Diagnostic] {
        let problems = call.apply(to: &world).map {
            Diagnostic(.error, .invalidOption, $0.message, file: "--" + $0.option.rawValue, at: nil)
        }
        if !world.startIsFixed { world.start = Date() }
        if world.sid == nil { world.sid = "CA" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased() }
        return problems
    }
}
