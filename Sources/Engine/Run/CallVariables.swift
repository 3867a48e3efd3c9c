/// A call's variables: the starting ones, built once for the scenario and
/// shared by its calls (`StartingVariables`), under what the call itself
/// set (`Set`, `Gather`, `Enter`, `Dial`), kept as a short list.
///
/// A call sets a handful of variables, some several times (each Dial sets
/// `DialCallStatus`). As a dictionary, the first set copied the shared
/// one whole and every set and read hashed its name; the list is searched
/// by comparing names, which for the short names a script uses is a few
/// instructions each, and the dictionary of them all is built only when
/// somebody asks (`CallSummary.variables`).
struct CallVariables: Sendable {
    /// The starting variables.
    private var base: [String: String]
    /// What the call set, each name once, in the order first set. (A
    /// struct, not a tuple: an array of tuples is destroyed generically.)
    private var set: [Entry] = []
    private struct Entry {
        let name: String
        var value: String
    }

    init(base: [String: String]) { self.base = base }

    subscript(name: String) -> String? {
        get {
            if let index = index(of: name) { return set[index].value }
            return base[name]
        }
    }

    /// Sets `name` (a variable is never unset: a Set to nothing is the empty value).
    mutating func set(_ name: String, to value: String) {
        if let index = index(of: name) {
            set[index].value = value
        } else {
            // Room for what a call usually sets, once: growing one by one
            // reallocated at the first, second, fourth and eighth.
            if set.isEmpty { set.reserveCapacity(8) }
            set.append(Entry(name: name, value: value))
        }
    }

    private func index(of name: String) -> Int? {
        // The length first: most names differ in it, and it is read in place.
        let length = name.utf8.count
        return set.withUnsafeBufferPointer { entries in
            entries.indices.first { entries[$0].name.utf8.count == length && entries[$0].name == name }
        }
    }

    /// All of them, in one dictionary.
    var all: [String: String] {
        guard !set.isEmpty else { return base }
        var all = base
        for entry in set { all[entry.name] = entry.value }
        return all
    }
}

extension CallVariables: Equatable {
    static func == (a: CallVariables, b: CallVariables) -> Bool { a.all == b.all }
}
