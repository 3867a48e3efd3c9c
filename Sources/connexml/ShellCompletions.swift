import ArgumentParser
import Foundation
import Policy

/// Completions that need the directory: usernames, profiles, customers,
/// barge groups. ArgumentParser calls these when Tab is pressed, with every
/// shell word of the command line as typed (quotes and escapes included),
/// the index of the word being completed and its prefix.
///
/// The directory is the one the command would use: `--directory FILE` if it
/// was typed, else directory.yaml beside the script (run) or in the current
/// folder (explain), else the bundled sample. A directory that cannot be
/// read or has errors completes nothing: Tab must never print an error.
enum ShellCompletions {
    /// The value typed after `option` (`--directory FILE` or
    /// `--directory=FILE`), before the word being completed; nil if none.
    /// Bash splits words at `=` too, so `--directory`, `=`, `FILE` is the
    /// second spelling.
    static func value(of option: String, in words: [String], before index: Int) -> String? {
        var found: String?
        for (i, word) in words.enumerated() where i < index {
            if word == option, i + 1 < index {
                let next = words[i + 1] == "=" && i + 2 < index ? i + 2 : i + 1
                found = unquoted(words[next])
            } else if word.hasPrefix(option + "=") {
                found = unquoted(String(word.dropFirst(option.count + 1)))
            }
        }
        return found
    }

    /// A shell word as the shell would pass it, for the common spellings:
    /// 'single quoted', "double quoted", back\ slashed.
    static func unquoted(_ word: String) -> String {
        var out = ""
        var quote: Character?
        var escaped = false
        for c in word {
            if escaped {
                out.append(c)
                escaped = false
                continue
            }
            switch (c, quote) {
            case ("\\", let q) where q != "'": escaped = true
            case ("'", nil), ("\"", nil): quote = c
            case (let c, let q?) where c == q: quote = nil
            default: out.append(c)
            }
        }
        return out
    }

    /// The words after the subcommand that are neither options nor their
    /// values, before the word being completed.
    static func positionals(
        in words: [String], before index: Int, subcommand: String,
        optionsWithValues: Set<String>
    ) -> [String] {
        guard let start = words.firstIndex(of: subcommand), start < index else { return [] }
        var result: [String] = []
        var i = start + 1
        while i < index {
            let word = words[i]
            if optionsWithValues.contains(word) {
                i += i + 1 < words.count && words[i + 1] == "=" ? 3 : 2
                continue
            }
            if !word.hasPrefix("-") || word == "-" { result.append(unquoted(word)) }
            i += 1
        }
        return result
    }

    /// The directory as the command would load it, or nil.
    static func directory(_ path: String?, besides folder: String = ".") -> Directory? {
        DirectoryFiles.load(path, besides: folder).directory
    }

    static func matching(_ candidates: [String], _ prefix: String) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }
}

extension ShellCompletions {
    // MARK: explain

    static let explainOptionsWithValues: Set<String> = ["--directory", "--format", "--color"]

    /// `connexml explain <Tab>`: the usernames of the directory.
    @Sendable static func explainUser(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let directory = directory(value(of: "--directory", in: words, before: index))
        return matching(directory?.users.map(\.username) ?? [], prefix)
    }

    /// `connexml explain 1001 ACTION <Tab>`: what ACTION takes — usernames
    /// for client and voicemail, the flags for flag, the barge groups.
    @Sendable static func explainArgument(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let typed = positionals(in: words, before: index, subcommand: "explain", optionsWithValues: explainOptionsWithValues)
        guard typed.count >= 2, let action = ExplainAction(rawValue: typed[1]) else { return [] }
        let candidates: [String]
        switch action {
        case .flag:
            candidates = Flag.allCases.map(\.rawValue)
        case .client, .voicemail:
            candidates = directory(value(of: "--directory", in: words, before: index))?.users.map(\.username) ?? []
        case .barge:
            let groups = directory(value(of: "--directory", in: words, before: index))?.profiles.compactMap(\.bargeGroup) ?? []
            candidates = Array(Set(groups)).sorted()
        case .dial, .transfer:
            candidates = []
        }
        return matching(candidates, prefix)
    }

    // MARK: run

    static let runOptionsWithValues: Set<String> = [
        "--scenario", "--directory", "--from", "--to", "--dtmf", "--at", "--timezone", "--profile", "--customer",
        "--sid", "--format", "--allow-host", "--fetch-timeout", "--color",
    ]

    /// run's directory: --directory, else directory.yaml beside the script.
    private static func runDirectory(_ words: [String], _ index: Int) -> Directory? {
        let script = positionals(in: words, before: index, subcommand: "run", optionsWithValues: runOptionsWithValues).first
        let folder = script.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        return directory(value(of: "--directory", in: words, before: index), besides: folder.isEmpty ? "." : folder)
    }

    @Sendable static func runUser(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(runDirectory(words, index)?.users.map(\.username) ?? [], prefix)
    }

    @Sendable static func runProfile(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(runDirectory(words, index)?.profiles.map(\.name) ?? [], prefix)
    }

    @Sendable static func runCustomer(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(runDirectory(words, index)?.customers.map(\.name) ?? [], prefix)
    }

    @Sendable static func timeZone(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(TimeZone.knownTimeZoneIdentifiers.sorted(), prefix)
    }
}
