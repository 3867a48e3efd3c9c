/// A 1-based line and column in a source file. The column counts characters
/// (Unicode scalars), not bytes; 0 means the column is not known.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `line:column`, or `line` alone when the column is unknown.
    public var description: String { column > 0 ? "\(line):\(column)" : "\(line)" }
}
