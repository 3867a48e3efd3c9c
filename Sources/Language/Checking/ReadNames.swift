/// The names an `AttributeReader` has read, in order: the first 8 held in
/// place (most verbs read no more), any more in an array, and a list read
/// at once (`raw`: `Condition`'s time tests) kept as the list itself.
/// (Every reader also destroys what it holds: 20 in place cost more.)
struct ReadNames {
    private static let inlineCapacity = 8
    private var inline: (String, String, String, String, String, String, String, String) = (
        "", "", "", "", "", "", "", ""
    )
    private var overflow: [String] = []
    /// Names appended one by one (`inline`, then `overflow`).
    private var singles = 0
    /// The list, and how many single names came before it.
    private var list: [(name: String, about: String)] = []
    private var listAt = 0

    mutating func append(_ name: String) {
        if singles < Self.inlineCapacity {
            withUnsafeMutablePointer(to: &inline) { tuple in
                tuple.withMemoryRebound(to: String.self, capacity: Self.inlineCapacity) { $0[singles] = name }
            }
        } else {
            overflow.append(name)
        }
        singles += 1
    }

    /// Every name of `names`, in order.
    mutating func append(contentsOf names: [(name: String, about: String)]) {
        guard list.isEmpty else {
            for (name, _) in names { append(name) }
            return
        }
        list = names
        listAt = singles
    }

    /// Every name, in order (for a did-you-mean or a recording: rare).
    var all: [String] {
        var inline = inline
        let held = Swift.min(singles, Self.inlineCapacity)
        let appended =
            withUnsafePointer(to: &inline) { tuple in
                tuple.withMemoryRebound(to: String.self, capacity: Self.inlineCapacity) {
                    Array(UnsafeBufferPointer(start: $0, count: held))
                }
            } + overflow
        return Array(appended[..<listAt]) + list.map(\.name) + appended[listAt...]
    }
}
