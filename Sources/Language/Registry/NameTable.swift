/// Element names looked up without hashing: the names of one list grouped
/// by their length in UTF-8, so a lookup is an index and a compare or two.
/// The checker asks for the verb of every element and the noun of every
/// `<Dial>` child; hashing each name into a dictionary cost more than
/// comparing it (docs/performance.md). Built from the one list of verbs or
/// nouns, so a new one needs no second entry here.
struct NameTable<Value: Sendable>: Sendable {
    private let byLength: [[(name: String, value: Value)]]

    init(_ entries: [(name: String, value: Value)]) {
        var byLength = [[(name: String, value: Value)]](
            repeating: [], count: (entries.map { $0.name.utf8.count }.max() ?? 0) + 1)
        for entry in entries {
            precondition(!byLength[entry.name.utf8.count].contains { $0.name == entry.name }, "\(entry.name) twice")
            byLength[entry.name.utf8.count].append(entry)
        }
        self.byLength = byLength
    }

    /// The value of `name`, or nil when no entry has that name.
    subscript(name: String) -> Value? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        for entry in byLength[length] where entry.name == name {
            return entry.value
        }
        return nil
    }
}
