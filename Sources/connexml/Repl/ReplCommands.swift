import Diagnostics
import Engine
import Foundation

/// Every REPL command: its name, how it is written, what it does, and the
/// code that does it — one table, so help and completion never disagree.
struct ReplAction: Sendable {
    let name: String
    var aliases: [String] = []
    let usage: String
    let help: String
    /// False ends the session.
    let run: @Sendable (ReplSession, [String]) -> Bool
}

enum ReplCommands {
    static let all: [ReplAction] = [
        ReplAction(name: "help", usage: ":help [COMMAND]", help: "list the commands, or explain one") { session, words in
            if let name = words.first?.trimmingCharacters(in: CharacterSet(charactersIn: ":")),
               let command = all.first(where: { $0.name == name || $0.aliases.contains(name) }) {
                session.out("\(command.usage)\n  \(command.help)\n")
            } else {
                session.out("Type ConneXML verbs (<Say>Hi</Say>) to add them to the call, or a command:\n")
                for command in all { session.out("  " + command.usage.padding(toLength: 44, withPad: " ", startingAt: 0) + command.help + "\n") }
            }
            return true
        },
        ReplAction(name: "load", usage: ":load FILE", help: "load a script (its directory.yaml too, if beside it)") { session, words in
            guard let path = words.first else { session.out("usage: :load FILE\n"); return true }
            session.load(path)
            return true
        },
        ReplAction(name: "reload", usage: ":reload", help: "read the script again, keeping typed verbs and the call") { session, _ in
            session.reload()
            return true
        },
        ReplAction(name: "show", usage: ":show", help: "print the document calls run (the script and typed verbs)") { session, _ in
            for (i, line) in session.document.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                session.out(String(format: "%4d  ", i + 1) + line + "\n")
            }
            return true
        },
        ReplAction(name: "call", usage: ":call [FROM] [to N] [at TIME] [tz ZONE] [profile P] [customer C]",
                    help: "place a call and run it to where it waits for input") { session, words in
            session.place(words)
            return true
        },
        ReplAction(name: "step", aliases: ["s"], usage: ":step", help: "show what the next verb did") { session, _ in
            session.placed ? session.show(step: true) : session.out("no call yet: :call\n")
            return true
        },
        ReplAction(name: "run", aliases: ["continue", "c"], usage: ":run", help: "show everything up to the next wait for input, or the end") { session, _ in
            session.placed ? session.show() : session.out("no call yet: :call\n")
            return true
        },
        ReplAction(name: "press", aliases: ["p"], usage: ":press DIGITS [at SECONDS] [leg b]",
                    help: "press keys: at the waiting Gather, or now during the call") { session, words in
            guard let digits = words.first else { session.out("usage: :press DIGITS [at SECONDS] [leg b]\n"); return true }
            var at: Double?
            var leg = KeyPress.Leg.a
            var rest = words.dropFirst()
            while let key = rest.popFirst() {
                let value = rest.popFirst() ?? ""
                if key == "at", let seconds = Double(value) { at = seconds } else if key == "leg", let l = KeyPress.Leg(rawValue: value) { leg = l } else {
                    session.out("usage: :press DIGITS [at SECONDS] [leg b]\n")
                    return true
                }
            }
            session.press(digits, at: at, leg: leg)
            return true
        },
        ReplAction(name: "answer", usage: ":answer [TALK-SECONDS]", help: "the dialled party answers (and talks, default 30 s)") { session, words in
            session.decideDial(Answer(status: .answered, talk: words.first.flatMap(Double.init) ?? 30, ring: 3))
            return true
        },
        ReplAction(name: "busy", usage: ":busy", help: "the dialled party is busy") { session, _ in
            session.decideDial(Answer(status: .busy)); return true
        },
        ReplAction(name: "noanswer", usage: ":noanswer", help: "nobody answers the dial") { session, _ in
            session.decideDial(Answer(status: .noAnswer)); return true
        },
        ReplAction(name: "fail", usage: ":fail", help: "the dial fails") { session, _ in
            session.decideDial(Answer(status: .failed)); return true
        },
        ReplAction(name: "hangup", usage: ":hangup", help: "the caller hangs up now") { session, _ in
            session.hangUp(); return true
        },
        ReplAction(name: "trace", usage: ":trace", help: "the trace so far") { session, _ in
            session.printTrace(); return true
        },
        ReplAction(name: "vars", usage: ":vars", help: "the call's variables") { session, _ in
            session.printVariables(); return true
        },
        ReplAction(name: "context", usage: ":context", help: "the current context and the Press bindings") { session, _ in
            session.printContext(); return true
        },
        ReplAction(name: "calls", usage: ":calls [add ID PARTY...] [target ID|none]",
                    help: "the calls in progress a Barge may join; add one, or choose the target") { session, words in
            switch words.first {
            case "add" where words.count >= 3: session.addCall(words[1], parties: Array(words.dropFirst(2)))
            case "target" where words.count == 2: session.setBargeTarget(words[1] == "none" ? nil : words[1])
            case nil: session.printCalls()
            default: session.out("usage: :calls [add ID PARTY...] [target ID|none]\n")
            }
            return true
        },
        ReplAction(name: "directory", usage: ":directory", help: "the profiles and users calls run against") { session, _ in
            session.printDirectory(); return true
        },
        ReplAction(name: "login", usage: ":login USER", help: "make a user active (capacity) for the next calls") { session, words in
            words.first.map { session.login($0, true) } ?? session.out("usage: :login USER\n"); return true
        },
        ReplAction(name: "logout", usage: ":logout USER", help: "make a user inactive") { session, words in
            words.first.map { session.login($0, false) } ?? session.out("usage: :logout USER\n"); return true
        },
        ReplAction(name: "explain", usage: ":explain USER ACTION [ARGUMENT]", help: "may USER dial/transfer/client/barge/voicemail/flag, and why") { session, words in
            session.explain(words); return true
        },
        ReplAction(name: "save", usage: ":save NAME", help: "write NAME.xml, NAME.scenario.yaml and NAME.trace: a sample for connexml test") { session, words in
            words.first.map(session.save) ?? session.out("usage: :save NAME\n"); return true
        },
        ReplAction(name: "quit", aliases: ["exit", "q"], usage: ":quit", help: "end the session (so does end of input)") { _, _ in false },
    ]

    /// Completion candidates for the last word of `before` (the text before
    /// the cursor): commands, verb names, usernames, file names.
    static func complete(_ before: String, session: ReplSession) -> [String] {
        let words = before.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let word = words.last ?? ""
        if words.count == 1, word.hasPrefix(":") {
            return all.map { ":" + $0.name }.filter { $0.hasPrefix(word) }.sorted()
        }
        if let open = word.lastIndex(of: "<") {
            let prefix = String(word[..<open]) + "<"
            let partial = word[word.index(after: open)...]
            return verbNames.filter { $0.hasPrefix(partial) }.map { prefix + $0 }.sorted()
        }
        let command = words.first ?? ""
        if [":call", ":login", ":logout", ":explain"].contains(command), let directory = session.directory {
            return directory.users.map(\.username).filter { $0.hasPrefix(word) }.sorted()
        }
        if [":load", ":save"].contains(command) {
            let folder = (word as NSString).deletingLastPathComponent
            let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
            let base = (word as NSString).lastPathComponent
            // A name with a control character would be written raw into the
            // edited line, and the terminal would obey it: such files are not offered.
            return listed.filter { $0.hasPrefix(base) && !$0.hasPrefix(".") && !PrintableText.needsEscaping($0) }
                .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }.sorted()
        }
        return []
    }

    static let verbNames = ["Say", "Play", "Pause", "Hangup", "Reject", "Redirect", "Gather", "Enqueue", "Dial", "Number",
                            "Client", "Queue", "Conference", "Voicemail", "Barge", "LLM-Agent", "Press", "Transfer", "Enter",
                            "Before", "Set", "Start", "Stream", "Parameter", "Echo", "Condition"]
}
