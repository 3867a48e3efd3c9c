import Diagnostics
import Engine
import Foundation

/// Every REPL command: its name, how it is written, how many words it
/// takes, what it does, and the code that does it — one table, so help,
/// usage errors and completion never disagree.
struct ReplAction: Sendable {
    let name: String
    var aliases: [String] = []
    let usage: String
    /// How many words may follow the name.
    var arguments: ClosedRange<Int> = 0...0
    let help: String
    /// False ends the session.
    let run: @Sendable (ReplSession, [String]) -> Bool
}

enum ReplCommands {
    static func named(_ name: String) -> ReplAction? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    static let all: [ReplAction] = [
        ReplAction(name: "help", usage: ":help [COMMAND]", arguments: 0...1, help: "list the commands, or explain one") {
            session, words in
            if let name = words.first, named(name.hasPrefix(":") ? String(name.dropFirst()) : name) == nil {
                session.fail("no command :\(PrintableText.line(name)): :help lists them\n")
            } else {
                session.out(help(words.first))
            }
            return true
        },
        ReplAction(
            name: "load", usage: ":load FILE", arguments: 1...1,
            help: "load a script (and directory.yaml beside it); the call is reset"
        ) { session, words in
            session.load(words[0])
            return true
        },
        ReplAction(name: "reload", usage: ":reload", help: "read the script again, keeping typed verbs and the call") {
            session, _ in
            session.reload()
            return true
        },
        ReplAction(name: "show", usage: ":show", help: "the document calls run, with line numbers (* breakpoint)") { session, _ in
            session.printDocument()
            return true
        },
        ReplAction(
            name: "call", usage: ":call [FROM] [to N] [at TIME] [tz ZONE] [profile P] [customer C]", arguments: 0...11,
            help: "place a call (an outside caller belongs to the directory's first customer unless told) "
                + "and run it to a breakpoint, a wait for input, or its end"
        ) { session, words in
            session.place(words)
            return true
        },
        ReplAction(name: "step", aliases: ["s"], usage: ":step", help: "run exactly one verb and show what it did") {
            session, _ in
            session.step()
            return true
        },
        ReplAction(
            name: "run", aliases: ["continue", "c"], usage: ":run",
            help: "run on to the next breakpoint, wait for input, or the end"
        ) { session, _ in
            session.runOn()
            return true
        },
        ReplAction(
            name: "break", aliases: ["b"], usage: ":break [LINE]", arguments: 0...1,
            help: "stop before the verb at LINE of :show; alone, list the breakpoints"
        ) { session, words in
            session.setBreakpoint(words.first)
            return true
        },
        ReplAction(
            name: "delete", usage: ":delete [LINE]", arguments: 0...1, help: "clear the breakpoint at LINE, or all of them"
        ) { session, words in
            session.deleteBreakpoint(words.first)
            return true
        },
        ReplAction(name: "where", aliases: ["w"], usage: ":where", help: "the line the call is at, with its neighbours") {
            session, _ in
            session.printWhere()
            return true
        },
        ReplAction(
            name: "press", aliases: ["p"], usage: ":press DIGITS [at SECONDS] [leg b]", arguments: 1...5,
            help: "press keys: at the waiting Gather, or now during the call"
        ) { session, words in
            var at: Double?
            var leg = KeyPress.Leg.a
            var rest = words.dropFirst()
            while let key = rest.popFirst() {
                let value = rest.popFirst() ?? ""
                if key == "at", let seconds = Double(value), seconds >= 0, seconds.isFinite {
                    at = seconds
                } else if key == "leg", let l = KeyPress.Leg(rawValue: value) {
                    leg = l
                } else {
                    session.fail("usage: :press DIGITS [at SECONDS] [leg b]\n")
                    return true
                }
            }
            session.press(words[0], at: at, leg: leg)
            return true
        },
        ReplAction(
            name: "answer", usage: ":answer [TALK-SECONDS]", arguments: 0...1,
            help: "the dialled party answers (and talks, default 30 s)"
        ) { session, words in
            guard let talk = words.first.map(Double.init) ?? 30, talk >= 0, talk.isFinite else {
                session.fail("usage: :answer [TALK-SECONDS]\n")
                return true
            }
            session.decideDial(Answer(status: .answered, talk: talk, ring: 3))
            return true
        },
        ReplAction(name: "busy", usage: ":busy", help: "the dialled party is busy") { session, _ in
            session.decideDial(Answer(status: .busy))
            return true
        },
        ReplAction(name: "noanswer", usage: ":noanswer", help: "nobody answers the dial") { session, _ in
            session.decideDial(Answer(status: .noAnswer))
            return true
        },
        ReplAction(name: "fail", usage: ":fail", help: "the dial fails") { session, _ in
            session.decideDial(Answer(status: .failed))
            return true
        },
        ReplAction(name: "hangup", usage: ":hangup", help: "the caller hangs up now") { session, _ in
            session.hangUp()
            return true
        },
        ReplAction(name: "trace", usage: ":trace", help: "the trace so far") { session, _ in
            session.printTrace()
            return true
        },
        ReplAction(name: "vars", usage: ":vars", help: "the call's variables") { session, _ in
            session.printVariables()
            return true
        },
        ReplAction(name: "context", usage: ":context", help: "the current context and the Press bindings") { session, _ in
            session.printContext()
            return true
        },
        ReplAction(
            name: "calls", usage: ":calls [add ID PARTY...] [target ID|none]", arguments: 0...Int.max,
            help: "the calls in progress a Barge may join; add one, or choose the target"
        ) { session, words in
            switch words.first {
            case "add" where words.count >= 3: session.addCall(words[1], parties: Array(words.dropFirst(2)))
            case "target" where words.count == 2: session.setBargeTarget(words[1] == "none" ? nil : words[1])
            case nil: session.printCalls()
            default: session.fail("usage: :calls [add ID PARTY...] [target ID|none]\n")
            }
            return true
        },
        ReplAction(name: "directory", usage: ":directory", help: "the profiles and users calls run against") { session, _ in
            session.printDirectory()
            return true
        },
        ReplAction(
            name: "login", usage: ":login USER", arguments: 1...1, help: "make a user active (capacity) for the next calls"
        ) { session, words in
            session.login(words[0], true)
            return true
        },
        ReplAction(name: "logout", usage: ":logout USER", arguments: 1...1, help: "make a user inactive") { session, words in
            session.login(words[0], false)
            return true
        },
        ReplAction(
            name: "explain", usage: ":explain USER ACTION [ARGUMENT]", arguments: 2...3,
            help: "may USER dial/transfer/client/barge/voicemail/flag, and why"
        ) { session, words in
            session.explain(words)
            return true
        },
        ReplAction(
            name: "save", usage: ":save NAME", arguments: 1...1,
            help: "write NAME.xml, NAME.scenario.yaml and NAME.trace: a sample for connexml test"
        ) { session, words in
            session.save(words[0])
            return true
        },
        ReplAction(name: "quit", aliases: ["exit", "q"], usage: ":quit", help: "end the session (so does end of input)") { _, _ in
            false
        },
    ]

    /// `:help`, or `:help COMMAND`: no line wider than 80 columns.
    static func help(_ name: String?) -> String {
        if let name {
            guard let command = named(name.hasPrefix(":") ? String(name.dropFirst()) : name) else { return "" }
            let aliases =
                command.aliases.isEmpty ? "" : " (also " + command.aliases.map { ":" + $0 }.joined(separator: ", ") + ")"
            return command.usage + aliases + "\n" + wrap(command.help, indent: 2)
        }
        var out =
            "Type ConneXML verbs (<Say>Hi</Say>): they run in the call (with no call yet,\n"
            + "one is placed). An element may span lines; Ctrl-C abandons it. Commands:\n"
        for command in all {
            let usage = "  " + command.usage
            if usage.count <= usageColumn - 2 {
                let help = wrap(command.help, indent: usageColumn)
                out += usage.padding(toLength: usageColumn, withPad: " ", startingAt: 0) + help.dropFirst(usageColumn)
            } else {
                out += usage + "\n" + wrap(command.help, indent: usageColumn)
            }
        }
        return out
    }

    static let usageColumn = 30
    static let width = 80

    /// Words filled into lines of at most `width` columns, each indented.
    static func wrap(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.map { pad + $0 + "\n" }.joined()
    }
}

/// A command's words: separated by spaces, a quoted word ("my file.xml")
/// kept whole. Nil when a quote is not closed.
enum ReplWords {
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        guard quote == nil else { return nil }
        if inWord { words.append(word) }
        return words
    }
}
