import Diagnostics
import Engine
import Foundation
import Language

/// Tab completion: commands and their arguments (usernames, the files
/// each command takes), element names after `<`, and inside a start tag the
/// attributes the checker knows for that element where it stands.
enum ReplCompletion {
    enum Answer: Equatable {
        case none
        /// Text to insert at the cursor.
        case insert(String)
        /// Several choices: listed under the line.
        case list([String])
    }

    /// The word being completed, what it may become, and what follows a
    /// single choice (a space after a command, `="` after an attribute).
    struct Choices {
        var typed: String
        var choices: [String]
        /// As listed (a file's name without its folder).
        var shown: [String]? = nil
        var terminator: (String) -> String = { _ in " " }
    }

    /// `before`: the text before the cursor; `pending`: the lines of an
    /// element still open.
    static func answer(before: String, pending: [String], session: ReplSession) -> Answer {
        guard let found = choices(before: before, pending: pending, session: session) else { return .none }
        let matching = found.choices.filter { $0.hasPrefix(found.typed) }
        guard let first = matching.first else { return .none }
        if matching.count == 1 { return .insert(String(first.dropFirst(found.typed.count)) + found.terminator(first)) }
        let common = commonPrefix(matching)
        if common.count > found.typed.count { return .insert(String(common.dropFirst(found.typed.count))) }
        let shown = found.shown.map { names in zip(found.choices, names).filter { $0.0.hasPrefix(found.typed) }.map(\.1) }
        return .list(shown ?? matching)
    }

    static func choices(before: String, pending: [String], session: ReplSession) -> Choices? {
        let trimmed = before.drop { $0 == " " || $0 == "\t" }
        if pending.isEmpty, trimmed.hasPrefix(":") { return commandChoices(String(trimmed), session: session) }
        return markupChoices((pending + [before]).joined(separator: "\n"))
    }

    // MARK: Commands

    private static func commandChoices(_ text: String, session: ReplSession) -> Choices? {
        let words =
            text.split(separator: " ", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
            + (text.hasSuffix(" ") ? [""] : [])
        let word = words.last ?? ""
        if words.count == 1 { return Choices(typed: word, choices: ReplCommands.all.map { ":" + $0.name }.sorted()) }
        let command = ReplCommands.named(String(words[0].dropFirst()))?.name
        let position = words.count - 1  // of the word being completed, from 1
        let users = session.directory?.users.map(\.username) ?? []
        switch command {
        case "help":
            return position == 1 ? Choices(typed: word, choices: ReplCommands.all.map(\.name).sorted()) : nil
        case "load": return position == 1 ? files(word, keep: { $0.hasSuffix(".xml") }) : nil
        case "save": return position == 1 ? files(word, keep: { _ in false }) : nil
        case "login", "logout": return position == 1 ? Choices(typed: word, choices: users.sorted()) : nil
        case "explain":
            if position == 1 { return Choices(typed: word, choices: users.sorted()) }
            return position == 2 ? Choices(typed: word, choices: ExplainAction.allCases.map(\.rawValue)) : nil
        case "call":
            let options = ReplSession.callOptions
            switch words[position - 1] {
            case "profile": return Choices(typed: word, choices: session.directory?.profiles.map(\.name).sorted() ?? [])
            case "customer": return Choices(typed: word, choices: session.directory?.customers.map(\.name).sorted() ?? [])
            case "tz": return Choices(typed: word, choices: TimeZone.knownTimeZoneIdentifiers.sorted())
            case "to", "at": return nil
            default: return Choices(typed: word, choices: (position == 1 ? users.sorted() : []) + options)
            }
        default:
            return nil
        }
    }

    /// Folders, and the files `keep` accepts, under the folder the word names.
    private static func files(_ word: String, keep: (String) -> Bool) -> Choices {
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[...$0]) } ?? ""
        let base = slash.map { String(word[word.index(after: $0)...]) } ?? word
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        var choices: [(String, String)] = []
        for name in listed.sorted() where name.hasPrefix(base) && (base.hasPrefix(".") || !name.hasPrefix(".")) {
            // A name with a control character would be written raw into the
            // edited line, and the terminal would obey it: never offered.
            guard !PrintableText.needsEscaping(name) else { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                choices.append((folder + name + "/", name + "/"))
            } else if keep(name) {
                choices.append((folder + name, name))
            }
        }
        return Choices(
            typed: word, choices: choices.map(\.0), shown: choices.map(\.1),
            terminator: { $0.hasSuffix("/") ? "" : " " })
    }

    // MARK: ConneXML

    private static func markupChoices(_ text: String) -> Choices? {
        let scan = TagScan(text)
        guard let tag = scan.unfinishedTag else { return nil }
        if tag.hasPrefix("/") {
            // A closing tag: the element open innermost.
            guard let open = scan.open.last else { return nil }
            return Choices(typed: String(tag.dropFirst()), choices: [open], terminator: { _ in ">" })
        }
        guard let space = tag.firstIndex(where: \.isWhitespace) else {
            return Choices(typed: tag, choices: Vocabulary.elementNames, terminator: { _ in "" })
        }
        let name = String(tag[..<space])
        let attributes = tag[space...]
        // Inside a quoted value: nothing to offer.
        guard attributes.filter({ $0 == "\"" }).count % 2 == 0, attributes.filter({ $0 == "'" }).count % 2 == 0 else {
            return nil
        }
        let partial = String(attributes.reversed().prefix { !$0.isWhitespace }.reversed())
        guard !partial.contains("=") else { return nil }
        let written = Set(
            attributes.split(whereSeparator: \.isWhitespace).compactMap { $0.split(separator: "=").first.map(String.init) })
        let parents = Array(scan.open.drop { $0 == "Response" })
        let known = Vocabulary.attributes(of: name, inside: parents).filter { !written.contains($0) }
        return Choices(typed: partial, choices: known, terminator: { _ in "=\"" })
    }

    /// The elements open before the cursor, and the start tag being typed.
    struct TagScan {
        private(set) var open: [String] = []
        /// The text after the last `<` when no `>` closed it.
        private(set) var unfinishedTag: String?

        init(_ text: String) {
            var rest = Substring(text)
            while let lt = rest.firstIndex(of: "<") {
                let after = rest[rest.index(after: lt)...]
                guard let gt = after.firstIndex(of: ">") else {
                    unfinishedTag = String(after)
                    return
                }
                let tag = after[..<gt]
                let name = String(tag.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" })
                if tag.hasPrefix("/") {
                    let closed = String(tag.dropFirst().prefix { !$0.isWhitespace })
                    if let last = open.lastIndex(of: closed) { open.removeSubrange(last...) }
                } else if !(tag.hasPrefix("!") || tag.hasPrefix("?") || tag.hasSuffix("/")), !name.isEmpty {
                    open.append(name)
                }
                rest = after[after.index(after: gt)...]
            }
        }
    }

    // MARK: Listing

    /// Names in columns, down then across, no line wider than `width`
    /// (less one: writing the last column makes some terminals wrap).
    static func columns(_ names: [String], width: Int) -> String {
        let shown = names.map(PrintableText.line)
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perRow = max(1, (width + 1) / cell)
        let rows = (shown.count + perRow - 1) / perRow
        var out = ""
        for row in 0..<rows {
            let items = stride(from: row, to: shown.count, by: rows).map { shown[$0] }
            let line = items.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined()
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        return out
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
