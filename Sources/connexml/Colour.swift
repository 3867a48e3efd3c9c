import ArgumentParser
import Foundation

/// `--color auto|always|never`, shared by every command that prints
/// diagnostics, traces or test results.
enum ColourChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct ColourOptions: ParsableArguments {
    @Option(
        name: .customLong("color"),
        help: "Colour the output: auto (when it goes to a terminal and NO_COLOR is not set), always or never.")
    var choice: ColourChoice = .auto

    /// The palette for text written to `stream`.
    func palette(for stream: Terminal.Stream) -> Palette { choice.palette(for: stream) }
}

extension ColourChoice {
    /// The palette for text written to `stream`.
    func palette(for stream: Terminal.Stream) -> Palette {
        let isTerminal = Terminal.isTerminal(stream)
        // Only `auto` on a terminal asks the environment: building all of it
        // is 4% of a short `check` whose output goes to a file or a pipe.
        let environment = self == .auto && isTerminal ? ProcessInfo.processInfo.environment : [:]
        return Palette(enabled: isEnabled(isTerminal: isTerminal, environment: environment))
    }
}

extension ColourChoice {
    /// `auto` colours a terminal unless NO_COLOR has a value (no-color.org:
    /// any non-empty value) or TERM says the terminal cannot show colour;
    /// `always` and `never` are the user's word and win over both.
    func isEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}

/// Our own SGR sequences around text. The text is always escaped first
/// (PrintableText) by the caller: colour is added after escaping, so the
/// only escape sequences that reach the terminal are the ones made here.
struct Palette: Sendable {
    let enabled: Bool

    static let plain = Palette(enabled: false)

    /// Compiler conventions: errors (and denials, failures) red, warnings
    /// yellow, notes cyan, codes dim, the caret (and passes) green; a diff's
    /// removed lines red and added lines green, not bold.
    enum Style: String {
        case error = "1;31"
        case warning = "1;33"
        case note = "1;36"
        case bold = "1"
        case dim = "2"
        case success = "1;32"
        case removed = "31"
        case added = "32"
    }

    func paint(_ text: String, _ style: Style) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
