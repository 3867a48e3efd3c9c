import Diagnostics
import Foundation

/// The shapes of the URLs scripts write: hand-overs, status callbacks,
/// audio. Schemes are compared as written where another layer routes by
/// them (hand-overs), in any case where only a request is made (RFC 3986:
/// schemes are case-insensitive).
public enum URLText {
    /// `http://…`, `https://…`, `file:…`, or a relative path (no other scheme).
    public static func isDocumentReference(_ text: String) -> Bool {
        guard !text.isEmpty, !text.withUTF8Bytes({ $0.contains(where: ASCII.isSpace) }) else { return false }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return hasScheme(text, ["http://", "https://"]) }
        if text.hasPrefix("file:") { return true }
        return scheme(of: text) == nil
    }

    /// Starts with one of `prefixes` and has more after it, without white space.
    public static func hasScheme(_ text: String, _ prefixes: [String]) -> Bool {
        guard let prefix = prefixes.first(where: { text.hasPrefix($0) }) else { return false }
        return text.utf8.count > prefix.utf8.count && !text.utf8.contains(where: ASCII.isSpace)
    }

    /// `http://` or `https://` in any case, with a host after it.
    public static func isWeb(_ text: String) -> Bool {
        if let isWeb = ASCIIURL.reading(text, \.isWeb) { return isWeb }
        guard let scheme = scheme(of: text)?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return text.utf8.count > scheme.utf8.count + 3 && text.dropFirst(scheme.count).hasPrefix("://")
    }

    /// A status callback: an http(s) URL (any case) or a relative URL, no
    /// white space, no `_` in the host name.
    public static func isCallbackReference(_ text: String) -> Bool {
        // ASCII text read once (each call below would check it again),
        // and its host searched by byte.
        let ascii = ASCIIURL.reading(text) { url -> Bool in
            guard !url.bytes.isEmpty, url.hasNoSpace else { return false }
            guard url.isWeb else { return url.schemeLength == nil }
            return url.host.map { !$0.isEmpty && !$0.utf8.contains(0x5F /* _ */) } ?? false
        }
        if let ascii { return ascii }
        guard !text.isEmpty, !text.utf8.contains(where: ASCII.isSpace) else { return false }
        if isWeb(text) { return host(of: text).map { !$0.isEmpty && !$0.contains("_") } ?? false }
        return scheme(of: text) == nil
    }

    /// Whether `text` is relative: no scheme (`next.xml`, `/cb`, `../a`).
    public static func isRelative(_ text: String) -> Bool { !text.isEmpty && scheme(of: text) == nil }

    /// The host of an absolute URL (`a.example` of `https://user@a.example:8080/x`).
    public static func host(of text: String) -> String? {
        if let host = ASCIIURL.reading(text, \.host) { return host }
        guard let scheme = scheme(of: text) else { return nil }
        let rest = text.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return nil }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority[...]
        if hostAndPort.hasPrefix("[") { return String(hostAndPort.prefix { $0 != "]" }.dropFirst()) }
        return String(hostAndPort.prefix { $0 != ":" })
    }

    /// `reference` resolved against the URL of the document that holds it
    /// (as hand-overs resolve): an absolute reference, or a document that
    /// was not fetched over HTTP, leaves it as written.
    public static func resolved(_ reference: String, against document: String) -> String {
        guard isRelative(reference), isWeb(document), let base = URL(string: document),
            let url = URL(string: reference, relativeTo: base)
        else { return reference }
        return url.absoluteString
    }

    /// The scheme of an absolute URL (`ftp` of `ftp://x`), nil for a path.
    public static func scheme(of text: String) -> String? {
        if let scheme = ASCIIURL.reading(text, \.scheme) { return scheme }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isLetter,
            candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return String(candidate)
    }
}

/// The same answers as `URLText`'s, byte by byte, for text that is all
/// ASCII (almost every URL a script holds): these run for every URL of
/// every script, and Swift's Character machinery was a tenth of `check`.
/// In ASCII each byte is a character, except "\r\n", which is neither a
/// letter, a digit nor any of the punctuation looked for here.
private struct ASCIIURL {
    let bytes: UnsafeBufferPointer<UInt8>

    /// `body` with the text as an ASCIIURL; nil when the text is not all ASCII.
    static func reading<R>(_ text: String, _ body: (ASCIIURL) -> R) -> R? {
        text.withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 } ? body(ASCIIURL(bytes: bytes)) : nil }
    }

    /// How many bytes the scheme has (before the first ':'), nil when none.
    var schemeLength: Int? {
        var length = 0
        for byte in bytes {
            if byte == 0x3A /* : */ { return length > 0 ? length : nil }
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if length == 0 {
                guard letter else { return nil }
            } else {
                guard letter || ASCII.isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E else { return nil }
            }
            length += 1
        }
        return nil
    }

    var scheme: String? { schemeLength.map { String(decoding: bytes.prefix($0), as: UTF8.self) } }

    var isWeb: Bool {
        guard let length = schemeLength, length == 4 || length == 5 else { return false }
        // "http" or "https" in any case (the scheme is letters by now).
        guard bytes.prefix(length).elementsEqual("https".utf8.prefix(length), by: { $0 | 0x20 == $1 }) else { return false }
        return bytes.count > length + 3 && bytes.dropFirst(length).starts(with: "://".utf8)
    }

    /// As `URLText.host(of:)`: after "scheme://", up to '/', '?' or '#',
    /// after the last '@', without a port or an IPv6 literal's brackets.
    var host: String? {
        guard let length = schemeLength else { return nil }
        let rest = bytes.dropFirst(length + 1)
        guard rest.starts(with: "//".utf8) else { return nil }
        let authority = rest.dropFirst(2).prefix { $0 != 0x2F && $0 != 0x3F && $0 != 0x23 }
        let hostAndPort = authority.lastIndex(of: 0x40 /* @ */).map { authority[($0 + 1)...] } ?? authority
        if hostAndPort.first == 0x5B /* [ */ {
            return String(decoding: hostAndPort.prefix { $0 != 0x5D /* ] */ }.dropFirst(), as: UTF8.self)
        }
        return String(decoding: hostAndPort.prefix { $0 != 0x3A }, as: UTF8.self)
    }

    /// No white space at all.
    var hasNoSpace: Bool { !bytes.contains(where: ASCII.isSpace) }
}
