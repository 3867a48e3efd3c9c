import FuzzSupport
import Language

/// The template parser, then expansion: the input is the template text, then
/// (after a NUL) the values of its variables in order, NUL-separated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (head, tail) = split(fuzzBytes(data, size), at: [0])
    let text = String(decoding: head, as: UTF8.self)
    guard case .success(let template) = Template.parse(text) else { return 0 }
    if template.variables.isEmpty {
        // Lone braces and dollars are text: nothing may be lost or added.
        invariant(template.literal == text, "a template without variables changed its text: \(text.debugDescription)")
    }
    let values = (tail ?? []).split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    var lookup: [String: String] = [:]
    for (name, value) in zip(template.variables, values) where lookup[name] == nil { lookup[name] = value }
    let expanded = template.expand { lookup[$0] }
    if let literal = template.literal { invariant(expanded == literal, "a literal template expanded to something else") }
    return 0
}
