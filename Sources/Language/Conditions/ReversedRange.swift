/// A time test whose range ends below its start (`hour="22-6"`): it never
/// matches as this project runs Condition (ranges do not wrap, language.md),
/// and the platform's reading depends on its FreeSWITCH release. The advice
/// names the ranges and rewrites the value so that it means the same
/// whether or not a release wraps: `22-23,0-6`.
struct ReversedRange {
    /// The ranges as written, e.g. `["22-6"]`.
    let ranges: [String]
    /// The whole value, every reversed range rewritten.
    let safeValue: String
    /// Date-time ranges never wrap in any release: a swap is the fix.
    let isDateTime: Bool

    /// Nil when no range of a value that parsed ends below its start.
    static func find(attribute: String, value: String) -> ReversedRange? {
        var reversed: [String] = []
        var items: [String] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            if let rewritten = rewrite(String(item), attribute: attribute) {
                reversed.append(String(item.trimmed))
                items.append(rewritten)
            } else {
                items.append(String(item))
            }
        }
        guard !reversed.isEmpty else { return nil }
        let isDateTime = attribute == "date-time" || attribute == "date_time"
        return ReversedRange(ranges: reversed, safeValue: items.joined(separator: ","), isDateTime: isDateTime)
    }

    /// The safe spelling of one reversed range, or nil when it is not one.
    private static func rewrite(_ item: String, attribute: String) -> String? {
        if attribute == "date-time" || attribute == "date_time" {
            let ends = item.split(separator: "~", omittingEmptySubsequences: false)
            guard let (start, end) = TimeTestParser.moments(item), end < start else { return nil }
            return "\(ends[1].trimmed)~\(ends[0].trimmed)"
        }
        let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { String($0.trimmed) }
        guard ends.count == 2, let parse = TimeTestParser.endParser(for: attribute),
            let low = parse(ends[0]), let high = parse(ends[1]), high < low
        else { return nil }
        let (start, end) = (ends[0], ends[1])
        switch attribute {
        case "year":
            return "\(end)-\(start)"  // years do not cycle: the writer swapped them
        case "wday", "sunmontuewedthufrisat":
            let isName = { (text: String) in text.first?.isLetter == true }
            return "\(start)-\(isName(start) ? "sat" : "7"),\(isName(end) ? "sun" : "1")-\(end)"
        case "time-of-day", "time":
            let withSeconds = { (text: String) in text.split(separator: ":").count == 3 }
            return "\(start)-\(withSeconds(start) ? "24:00:00" : "24:00"),\(withSeconds(end) ? "00:00:00" : "00:00")-\(end)"
        default:
            guard let bounds = TimeField(rawValue: attribute)?.bounds else { return nil }
            return "\(start)-\(bounds.upperBound),\(bounds.lowerBound)-\(end)"
        }
    }
}
