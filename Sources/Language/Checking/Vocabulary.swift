import XMLParsing

/// The names of ConneXML's elements and attributes, for completion (the
/// REPL's Tab): read off the checker itself — the attributes an element's
/// `AttributeReader` reads — so they cannot drift from what `check` knows.
public enum Vocabulary {
    /// The verbs, sorted.
    public static let verbNames: [String] = VerbRegistry.all.map { $0.elementName }.sorted()
    /// Every element name: verbs, nouns and the elements of one parent.
    public static let elementNames: [String] = Set(VerbList.allElementNames).sorted()

    /// The attributes `check` knows on `element` standing inside `parents`
    /// (outermost first, below `<Response>`; none for a verb), in the
    /// order it reads them. Empty for an element it does not know there.
    public static func attributes(of element: String, inside parents: [String] = []) -> [String] {
        let names = parents + [element]
        guard names.allSatisfy(isName) else { return [] }
        let text =
            "<Response>" + parents.map { "<\($0)>" }.joined() + "<\(element)/>"
            + parents.reversed().map { "</\($0)>" }.joined() + "</Response>"
        guard case .document(let document) = XMLParser.parse(Array(text.utf8), file: "vocabulary") else { return [] }
        var checker = Checker(file: "vocabulary")
        checker.recording = SyntaxRecording()
        _ = VerbList.check(document.root, in: .response, &checker) { before, checker in _ = Before.check(before, &checker) }
        // The innermost element is the one that starts last.
        let innermost = checker.recording?.elements.filter { $0.value.name == element }
            .max { $0.key.column < $1.key.column }
        return innermost?.value.known ?? []
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
