import Diagnostics
import Foundation

/// `check --format github`: one workflow command per diagnostic, which
/// GitHub Actions shows as an annotation on the file and line:
///
///     ::error file=call.xml,line=3,col=5,title=unknown-element::message%0Ahint
///
/// A diagnostic's text comes from the script (names, values, libxml2's
/// words), so it is escaped twice: first by PrintableText, as all output,
/// then by GitHub's own rules, so that no message can end the annotation
/// early, start another workflow command on a new line, or break a property.
enum GitHubAnnotations {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(annotation).joined()
    }

    static func annotation(_ d: Diagnostic) -> String {
        var properties = ["file=" + property(PrintableText.line(d.file))]
        if let position = d.position {
            properties.append("line=\(position.line)")
            if position.column > 0 { properties.append("col=\(position.column)") }
        }
        properties.append("title=" + property(PrintableText.line(d.code.rawValue)))
        // The hint goes on a second line of the same annotation.
        let text = PrintableText.line(d.message) + (d.hint.map { "\n" + PrintableText.line($0) } ?? "")
        return "::\(d.severity.rawValue) \(properties.joined(separator: ","))::\(message(text))\n"
    }

    /// A command's message: `%`, CR and LF percent-encoded (`%` first, so an
    /// encoding already in the text stays as written).
    static func message(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property's value: as a message, and `:` and `,` too, which would
    /// otherwise end the properties or start the next one.
    static func property(_ text: String) -> String {
        message(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
