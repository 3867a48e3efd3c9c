import Diagnostics
import Yams

/// Finds the key given twice that Yams refused.
///
/// Yams reports only the first occurrence of the key (and the whole file as
/// the error's text); the mistake a user looks for is the second one. To
/// find it with Yams's own positions, the first occurrence is renamed in
/// place (one character replaced by one that no key starts with, so every
/// position stays the same) and the file composed again: the mapping that
/// holds the renamed key holds the duplicate, further down. Other keys given
/// twice, in that mapping or later ones, are renamed the same way, a bounded
/// number of times; past that, the diagnostic points at the first occurrence.
enum DuplicateKeyFinder {
    /// Each attempt composes the whole file again (about 1 s for a 4 MiB
    /// directory, release build), so a file of many duplicates costs a few
    /// seconds, not one per key. Enough for a key given four times.
    static let maximumAttempts = 4
    /// Private-use characters, one per attempt so that two renamed keys
    /// never clash: printable for libyaml, in no real key.
    private static func marker(_ attempt: Int) -> Unicode.Scalar { Unicode.Scalar(0xE000 + UInt32(attempt))! }

    private struct Place: Equatable {
        let line: Int
        let column: Int
        init(_ mark: Mark) {
            line = mark.line
            column = mark.column
        }
    }

    static func diagnostic(keys: [String], first: Mark, yaml: String, file: String, code: DiagnosticCode) -> Diagnostic {
        // Yams names the keys sorted, and marks the first occurrence of the first.
        let key = YAMLFields.oneLine(keys.sorted().first ?? "")
        guard first.line > 0 else {
            return Diagnostic(.error, code, "a mapping gives key '\(key)' twice", file: file, at: nil)
        }
        guard let found = secondOccurrence(of: key, first: Place(first), in: yaml) else {
            return Diagnostic(
                .error, code, "key '\(key)' is given twice in this mapping; this is the first",
                file: file, at: SourcePosition(line: first.line, column: first.column))
        }
        let path = found.path.map { "\($0): " } ?? ""
        return Diagnostic(
            .error, code, "\(path)key '\(key)' is given twice (first given at line \(first.line))",
            file: file, at: SourcePosition(line: found.place.line, column: found.place.column))
    }

    private static func secondOccurrence(of key: String, first: Place, in yaml: String) -> (place: Place, path: String?)? {
        var text = Array(yaml.unicodeScalars)
        var renamed: [(place: Place, key: String)] = [(first, key)]
        for attempt in 0..<maximumAttempts {
            guard rename(at: renamed.last!.place, to: marker(attempt), in: &text) else { return nil }
            do {
                guard let root = try Yams.compose(yaml: String(String.UnicodeScalarView(text))) else { return nil }
                return search(root, path: nil) { mapping in
                    guard let start = mapping.firstIndex(where: { placeOf($0.key) == first }) else { return nil }
                    return mapping[mapping.index(after: start)...].lazy.compactMap { pair -> Place? in
                        guard let place = placeOf(pair.key) else { return nil }
                        let wasRenamed = renamed.contains { $0.place == place && $0.key == key }
                        return pair.key.scalar?.string == key || wasRenamed ? place : nil
                    }.first
                }
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                renamed.append((Place(context.mark), keys.sorted().first ?? ""))
            } catch {
                return nil
            }
        }
        return nil
    }

    private static func placeOf(_ node: Node) -> Place? { node.mark.map(Place.init) }

    /// Depth-first, with the path of each mapping (`profiles[2].dial`),
    /// the first mapping where `match` finds a place.
    private static func search(_ node: Node, path: String?, match: (Node.Mapping) -> Place?) -> (place: Place, path: String?)? {
        switch node {
        case .mapping(let mapping):
            if let place = match(mapping) { return (place, path) }
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                if let found = search(value, path: path.map { "\($0).\(name)" } ?? name, match: match) { return found }
            }
        case .sequence(let sequence):
            for (i, item) in sequence.enumerated() {
                if let found = search(item, path: "\(path ?? "")[\(i + 1)]", match: match) { return found }
            }
        case .scalar, .alias:
            break
        }
        return nil
    }

    /// Replaces the first character of the key starting at `place` (inside
    /// its quotes when quoted). False when there is no such key character.
    private static func rename(at place: Place, to marker: Unicode.Scalar, in text: inout [Unicode.Scalar]) -> Bool {
        guard var i = YAMLText.index(line: place.line, column: place.column, in: text) else { return false }
        if text[i] == "\"" || text[i] == "'" {
            let quote = text[i]
            i += 1
            guard i < text.count, text[i] != quote else { return false }
        }
        guard i < text.count, !YAMLText.isBreak(text[i]), !["{", "[", "*", " ", "\t"].contains(text[i]) else { return false }
        text[i] = marker
        return true
    }
}
