import ArgumentParser

/// The plain command lines of the commands people run most (`check`, `run`), read
/// without ArgumentParser. ArgumentParser finds a command's options by
/// reflection (`Mirror`, protocol-conformance lookups that each scan every
/// conformance record in the binary): about 16 million instructions, two
/// thirds of a 1 KB `check` (docs/performance.md, "Start-up").
///
/// The quick reading is all or nothing: it accepts only what it can read
/// exactly as ArgumentParser would (known long options, their values,
/// positional arguments, `--`) and gives up on anything else: `-h`,
/// `--help`, `--version`, a short option, an unknown option, a missing or
/// unconvertible value, an option given twice, or inputs that fail
/// validation. Giving up costs nothing: ArgumentParser then reads the whole
/// command line as before, so help, errors and exit statuses are
/// ArgumentParser's own. `QuickParsingTests` holds each command's table to
/// its ArgumentParser declarations (names, kinds, defaults) and checks that
/// both readings agree on thousands of generated command lines.
struct QuickOption<Inputs>: Sendable {
    /// The long name without its dashes: `format` for `--format`.
    let name: String
    /// Options that set the same property share a slot (`--show-source`,
    /// `--no-show-source`): a second use of a slot is left to ArgumentParser.
    let slot: String
    let takesValue: Bool
    let isRepeatable: Bool
    /// Stores the value (nil for a flag); false when ArgumentParser would
    /// refuse it, so that ArgumentParser says why.
    let apply: @Sendable (inout Inputs, String?) -> Bool

    /// `--name`, which sets a property to true.
    static func flag(_ name: String, _ set: @escaping @Sendable (inout Inputs) -> Void) -> Self {
        QuickOption(name: name, slot: name, takesValue: false, isRepeatable: false) { inputs, _ in
            set(&inputs)
            return true
        }
    }

    /// `--name` and `--no-name` (ArgumentParser's `inversion: .prefixedNo`).
    static func flagWithInversion(_ name: String, _ set: @escaping @Sendable (inout Inputs, Bool) -> Void) -> [Self] {
        [
            QuickOption(name: name, slot: name, takesValue: false, isRepeatable: false) { inputs, _ in
                set(&inputs, true)
                return true
            },
            QuickOption(name: "no-" + name, slot: name, takesValue: false, isRepeatable: false) { inputs, _ in
                set(&inputs, false)
                return true
            },
        ]
    }

    /// `--name VALUE` or `--name=VALUE`, converted as ArgumentParser
    /// converts it (`ExpressibleByArgument`).
    static func value<Value: ExpressibleByArgument>(
        _ name: String, _ set: @escaping @Sendable (inout Inputs, Value) -> Void
    ) -> Self {
        QuickOption(name: name, slot: name, takesValue: true, isRepeatable: false) { inputs, text in
            guard let text, let value = Value(argument: text) else { return false }
            set(&inputs, value)
            return true
        }
    }

    /// `--name VALUE`, repeatable: each value appended.
    static func repeating<Value: ExpressibleByArgument>(
        _ name: String, _ append: @escaping @Sendable (inout Inputs, Value) -> Void
    ) -> Self {
        QuickOption(name: name, slot: name, takesValue: true, isRepeatable: true) { inputs, text in
            guard let text, let value = Value(argument: text) else { return false }
            append(&inputs, value)
            return true
        }
    }
}

/// A command whose plain command lines are read by `QuickParser`. Its
/// ArgumentParser declarations stay the definition of the command (help,
/// completions, manual pages, errors); the table below must match them, as
/// `QuickParsingTests` checks.
protocol QuickParsable {
    /// The command's name (`check`): the first argument.
    static var quickName: String { get }
    /// The inputs of a command line without options: the declared defaults.
    init()
    /// Every option and flag of the command.
    static var quickOptions: [QuickOption<Self>] { get }
    /// How many positional arguments the command takes: fewer or more are
    /// left to ArgumentParser.
    static var positionalCount: ClosedRange<Int> { get }
    /// Stores one positional argument.
    mutating func appendPositional(_ argument: String)
    /// The command's own checks (`ParsableCommand.validate`).
    func validate() throws
    func run() throws
}

enum QuickParser {
    /// The inputs `arguments` (without the command's own name) give, or nil
    /// when ArgumentParser must read them.
    static func parse<Inputs: QuickParsable>(_ arguments: ArraySlice<String>, as: Inputs.Type) -> Inputs? {
        var inputs = Inputs()
        let options = Inputs.quickOptions
        var usedSlots: [String] = []
        var positionals = 0
        var next = arguments.startIndex
        var afterTerminator = false
        while next < arguments.endIndex {
            let argument = arguments[next]
            next += 1
            // ArgumentParser's values: anything after `--`, `-` (standard
            // input), and anything that does not start with a dash.
            if afterTerminator || argument == "-" || !argument.hasPrefix("-") {
                positionals += 1
                guard positionals <= Inputs.positionalCount.upperBound else { return nil }
                inputs.appendPositional(argument)
                continue
            }
            if argument == "--" {
                afterTerminator = true
                continue
            }
            // Short options and `-h` are ArgumentParser's.
            guard argument.hasPrefix("--") else { return nil }
            var name = argument.dropFirst(2)
            var attached: String?
            if let equals = name.firstIndex(of: "=") {
                attached = String(name[name.index(after: equals)...])
                name = name[..<equals]
            }
            guard let option = options.first(where: { $0.name == name }) else { return nil }
            if !option.isRepeatable {
                guard !usedSlots.contains(option.slot) else { return nil }
                usedSlots.append(option.slot)
            }
            var value: String?
            if option.takesValue {
                if let attached {
                    value = attached
                } else if next < arguments.endIndex {
                    value = arguments[next]
                    next += 1
                }
                // A missing value, or one ArgumentParser might take for an
                // option (or read differently): its call.
                guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            } else if attached != nil {
                return nil
            }
            guard option.apply(&inputs, value) else { return nil }
        }
        guard Inputs.positionalCount.contains(positionals) else { return nil }
        do {
            try inputs.validate()
        } catch {
            return nil
        }
        return inputs
    }

    /// The quick reading of a whole command line (without the program's
    /// name), when its command has one and it applies.
    static func parse(commandLine arguments: [String]) -> (any QuickParsable)? {
        guard let name = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        switch name {
        case CheckRequest.quickName: return parse(rest, as: CheckRequest.self)
        case RunRequest.quickName: return parse(rest, as: RunRequest.self)
        default: return nil
        }
    }
}
