import ArgumentParser
import Diagnostics
import Policy

/// `connexml explain USER ACTION [ARGUMENT]`: may this user do that, and why?
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Answer \"may USER do ACTION?\" from the directory alone, with the evidence.",
        discussion: """
            Actions: dial NUMBER, transfer NUMBER, client USERNAME, barge [GROUP], \
            voicemail [USERNAME], flag FLAG.
            Exit status: 0 allowed, 1 denied, 2 no answer (unknown user, bad directory or action).
            Without --directory: directory.yaml in the current folder, else the bundled sample.
            """
    )

    @Option(help: "The directory file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var directory: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The SIP username asking.", completion: .custom(ShellCompletions.explainUser))
    var user: String

    @Argument(help: "What they want to do: \(ExplainAction.allCases.map(\.rawValue).joined(separator: ", ")).")
    var action: ExplainAction

    @Argument(help: "The number, username, group or flag.", completion: .custom(ShellCompletions.explainArgument))
    var argument: String?

    @OptionGroup var colour: ColourOptions

    func validate() throws {
        if action.needsArgument && argument == nil {
            throw ValidationError("'\(action.rawValue)' needs what to \(action.rawValue)")
        }
        if action == .flag, let name = argument, Flag(rawValue: name) == nil {
            let hint = Suggestions.closest(to: name, among: Flag.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("unknown flag '\(PrintableText.line(name))'\(hint)")
        }
    }

    func run() throws {
        let loaded = DirectoryFiles.load(directory)
        guard let directory = loaded.directory else {
            let renderer = DiagnosticRenderer(
                showSource: Terminal.isTerminal(.standardError),
                palette: colour.palette(for: .standardError))
            Terminal.writeError(
                renderer.render(loaded.diagnostics)
                    + "the directory \(PrintableText.line(loaded.source)) has errors: nothing can be explained\n")
            throw ExitStatus.couldNotRun
        }
        let caller: Caller
        switch Caller.user(user, in: directory) {
        case .success(let found): caller = found
        case .failure:
            let hint =
                Suggestions.closest(to: user, among: directory.users.map(\.username)).map { "; did you mean '\($0)'?" } ?? ""
            Terminal.writeError(PrintableText.line("no SIP user '\(user)' in \(loaded.source)\(hint)") + "\n")
            throw ExitStatus.couldNotRun
        }
        let answer = action.explain(argument, caller: caller, policy: Policy(directory: directory))!  // validated
        print(
            format == .json ? answer.json : answer.text(palette: colour.palette(for: .standardOutput)),
            terminator: format == .json ? "\n" : "")
        if !answer.decision.isAllowed { throw ExitStatus.problemsFound }
    }
}

extension ExplainAction: ExpressibleByArgument {}
